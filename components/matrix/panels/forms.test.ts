import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, cloneDefaults } from "@/lib/raci";
import { saveErrorsOf, unshownErrors, withoutFieldPrefix } from "./form-errors";
import {
  EMPTY_PERSON_FORM,
  expectedCodingRange,
  formRoleKinds,
  parsePersonForm,
  personFormFromColumn,
  roleKindsText,
} from "./person-form";
import { categoryOptions, parseRowForm, rowFormFromRow } from "./row-form";
import { defaultSettingsForm, parseSettingsForm, settingsToForm } from "./settings-form";

describe("row form", () => {
  it("maps a row to values and back, trimming, with None as null", () => {
    const v = rowFormFromRow({
      id: "r",
      title: "  Ops  ",
      description: " d ",
      category: " Team ",
      domain: null,
      version: 1,
    });
    expect(v.domain).toBe("");
    expect(parseRowForm(v)).toEqual({
      ok: true,
      values: { title: "Ops", description: "d", category: "Team", domain: null },
    });
    expect(parseRowForm({ ...v, domain: "SHARED" })).toMatchObject({ ok: true, values: { domain: "SHARED" } });
  });

  it("starts empty for a new row", () => {
    expect(rowFormFromRow(null)).toEqual({ title: "", description: "", category: "", domain: "" });
  });

  it("uses the server schema's messages", () => {
    expect(parseRowForm({ title: "   ", description: "", category: "", domain: "" })).toEqual({
      ok: false,
      fields: { title: "Enter a title." },
    });
    expect(parseRowForm({ title: "x", description: "", category: "c".repeat(81), domain: "" })).toEqual({
      ok: false,
      fields: { category: "Use at most 80 characters." },
    });
  });

  it("offers each existing category once, sorted", () => {
    expect(categoryOptions(["Ops", " Ops", "", "Hiring", "  "])).toEqual(["Hiring", "Ops"]);
  });
});

describe("person form", () => {
  it("recognises kinds from the title live, or uses the boxes when set by hand", () => {
    expect(formRoleKinds({ kindsMode: "auto", manualKinds: [], roleTitle: "Senior Tech Lead" })).toEqual(["TECH_LEAD"]);
    expect(
      formRoleKinds({ kindsMode: "auto", manualKinds: ["ENGINEERING_MANAGER"], roleTitle: "Staff engineer" }),
    ).toEqual([]);
    expect(
      formRoleKinds({
        kindsMode: "manual",
        manualKinds: ["ENGINEERING_MANAGER", "TECH_LEAD"],
        roleTitle: "Staff engineer",
      }),
    ).toEqual(["TECH_LEAD", "ENGINEERING_MANAGER"]);
    expect(roleKindsText(["TECH_LEAD", "ENGINEERING_MANAGER"])).toBe("Tech Lead and Engineering Manager");
  });

  it("maps to the onSave values", () => {
    const r = parsePersonForm({ ...EMPTY_PERSON_FORM, name: " Ana ", roleTitle: "TL/EM", codingShare: "40 %" });
    expect(r).toEqual({
      ok: true,
      values: {
        name: "Ana",
        roleTitle: "TL/EM",
        roleKinds: ["TECH_LEAD", "ENGINEERING_MANAGER"],
        kindsManual: false,
        isVacant: false,
        codingShare: 40,
      },
    });
  });

  it("keeps manual kinds, even none, and an empty share as null", () => {
    const r = parsePersonForm({
      ...EMPTY_PERSON_FORM,
      name: "Tech Lead",
      roleTitle: "Tech Lead",
      kindsMode: "manual",
      isVacant: true,
    });
    expect(r).toMatchObject({
      ok: true,
      values: { roleKinds: [], kindsManual: true, isVacant: true, codingShare: null },
    });
  });

  it("round-trips a column", () => {
    const form = personFormFromColumn({
      name: "Ben",
      roleTitle: "Engineering Manager",
      roleKinds: ["ENGINEERING_MANAGER"],
      kindsManual: false,
      isVacant: false,
      codingShare: 10,
    });
    expect(form.codingShare).toBe("10");
    expect(parsePersonForm(form)).toMatchObject({
      ok: true,
      values: { codingShare: 10, roleKinds: ["ENGINEERING_MANAGER"] },
    });
  });

  it("explains a bad share and a missing name with the schema's words", () => {
    expect(parsePersonForm({ ...EMPTY_PERSON_FORM, codingShare: "lots" })).toEqual({
      ok: false,
      fields: { name: "Enter a name.", codingShare: "Enter a number between 0 and 100, or leave it empty." },
    });
    expect(parsePersonForm({ ...EMPTY_PERSON_FORM, name: "x", codingShare: "120" })).toEqual({
      ok: false,
      fields: { codingShare: "Between 0 and 100." },
    });
    expect(parsePersonForm({ ...EMPTY_PERSON_FORM, name: "x", codingShare: "12.5" })).toEqual({
      ok: false,
      fields: { codingShare: "Use a whole number of percent." },
    });
  });

  it("shows the seed's coding ranges for the chosen kind", () => {
    expect(expectedCodingRange(["TECH_LEAD"])).toMatchObject({ min: 30, max: 70 });
    expect(expectedCodingRange(["ENGINEERING_MANAGER"])).toMatchObject({ min: 0, max: 30 });
    expect(expectedCodingRange(["TECH_LEAD", "ENGINEERING_MANAGER"])).toMatchObject({ min: 0, max: 70 });
    expect(expectedCodingRange([])).toBeNull();
    const custom = { ...DEFAULT_SETTINGS.codingRange, techLead: { min: 20, max: 50 } };
    expect(expectedCodingRange(["TECH_LEAD"], custom)?.text).toBe("Expected for a Tech Lead: 20% to 50% of the time.");
  });
});

describe("settings form", () => {
  it("round-trips the defaults", () => {
    expect(parseSettingsForm(defaultSettingsForm())).toEqual({ ok: true, settings: cloneDefaults() });
  });

  it("turns unticked switches into disabledRules in catalog order", () => {
    const v = settingsToForm(cloneDefaults());
    v.enabled = v.enabled.filter((c) => c !== "TLEM_SHARED_EXCLUDED" && c !== "NO_ACCOUNTABLE");
    const r = parseSettingsForm(v);
    expect(r.ok && r.settings.disabledRules).toEqual(["NO_ACCOUNTABLE", "TLEM_SHARED_EXCLUDED"]);
  });

  it("reads numbers and the overload mode", () => {
    const r = parseSettingsForm({
      ...defaultSettingsForm(),
      maxResponsible: " 5 ",
      overloadMode: "count",
      maxCount: "12",
      tlMin: "20%",
    });
    expect(r).toMatchObject({
      ok: true,
      settings: {
        maxResponsible: 5,
        overload: { mode: "count", maxCount: 12 },
        codingRange: { techLead: { min: 20 } },
      },
    });
  });

  it("reports errors on the settings paths, in words for people", () => {
    const r = parseSettingsForm({
      ...defaultSettingsForm(),
      maxResponsible: "",
      maxConsulted: "0",
      maxCount: "2.5",
      emMin: "50",
      emMax: "20",
      maxShare: "101",
    });
    expect(r).toEqual({
      ok: false,
      fields: {
        maxResponsible: "Enter a number.",
        maxConsulted: "Enter 1 or more.",
        "overload.maxCount": "Enter a whole number.",
        "overload.maxShare": "Enter 100 or less.",
        "codingRange.engineeringManager": "The minimum must not be above the maximum.",
      },
    });
  });
});

describe("save errors", () => {
  it("reads fields and message off an ApiError-like rejection", () => {
    expect(saveErrorsOf({ message: "Some fields are not valid.", fields: { title: "Enter a title." } })).toEqual({
      message: "Some fields are not valid.",
      fields: { title: "Enter a title." },
    });
    expect(saveErrorsOf(new Error("Someone else changed this row."))).toEqual({
      message: "Someone else changed this row.",
    });
    expect(saveErrorsOf("boom").message).toMatch(/Nothing was saved/);
  });

  it("folds field errors the form cannot show into the form message", () => {
    expect(unshownErrors({ title: "a", version: "Stale." }, ["title"])).toBe("Stale.");
    expect(unshownErrors({ title: "a" }, ["title"])).toBeUndefined();
  });
});

describe("withoutFieldPrefix", () => {
  it("maps the server's nested person fields onto the form's", () => {
    expect(
      withoutFieldPrefix(
        { message: "Some fields are not valid.", fields: { "person.name": "Enter a name.", personId: "x" } },
        "person.",
      ),
    ).toEqual({
      message: "Some fields are not valid.",
      fields: { name: "Enter a name.", personId: "x" },
    });
  });
  it("passes other rejections through", () => {
    const e = new Error("Network down");
    expect(withoutFieldPrefix(e, "person.")).toBe(e);
  });
});
