import { describe, expect, it } from "vitest";
import {
  effectiveRoleKinds,
  isRoleKind,
  normalizeRoleKinds,
  parseRoleKinds,
  recognizeRoleKinds,
  serializeRoleKinds,
} from "./role-kinds";

const TL = "TECH_LEAD";
const EM = "ENGINEERING_MANAGER";

describe("recognizeRoleKinds", () => {
  it.each([
    "Tech Lead",
    "tech lead",
    "Senior Tech Lead",
    "Tech-Lead",
    "TechLead",
    "Technical Lead",
    "Technical Leader",
    "TL",
    "tl",
    "TL (Payments)",
    "Lead Engineer",
    "Staff Engineer, Tech Lead",
  ])("%j → Tech Lead", (title) => {
    expect(recognizeRoleKinds(title)).toEqual([TL]);
  });

  it.each([
    "Engineering Manager",
    "engineering manager",
    "Senior Engineering Manager",
    "EM",
    "em",
    "EM, Platform",
    "Dev Manager",
    "Development Manager",
    "Software Engineering Manager",
    "Software Development Manager",
    "Eng Manager",
  ])("%j → Engineering Manager", (title) => {
    expect(recognizeRoleKinds(title)).toEqual([EM]);
  });

  it.each([
    "Tech Lead & Engineering Manager",
    "TL/EM",
    "TL / EM",
    "EM + TL",
    "Engineering Manager and Tech Lead",
    "TLM",
    "Tech Lead Manager",
  ])("%j → both, in canonical order", (title) => {
    expect(recognizeRoleKinds(title)).toEqual([TL, EM]);
  });

  it.each([
    "",
    "   ",
    "Title",
    "Member of Technical Staff",
    "System Architect",
    "Systems Engineer",
    "Team Member",
    "Emerging Tech Researcher",
    "Software Engineer",
    "Lead",
    "Leadership Coach",
    "Engineering Lead", // not in the list: "Lead Engineer" is, word order matters
    "Technical Writer",
    "Product Manager",
    "Manager",
    "Engineering Management Consultant",
    "Tech Leads Guild", // plural is a group, not a role
    "Atlas Maintainer",
    "Devtools Manager",
  ])("%j → nothing", (title) => {
    expect(recognizeRoleKinds(title)).toEqual([]);
  });

  it("tolerates null and undefined", () => {
    expect(recognizeRoleKinds(null)).toEqual([]);
    expect(recognizeRoleKinds(undefined)).toEqual([]);
  });
});

describe("serialize / parse", () => {
  it("serializes in canonical order without duplicates", () => {
    expect(serializeRoleKinds([EM, TL, EM])).toBe("TECH_LEAD,ENGINEERING_MANAGER");
    expect(serializeRoleKinds([TL])).toBe("TECH_LEAD");
    expect(serializeRoleKinds([])).toBe("");
    expect(serializeRoleKinds(null)).toBe("");
  });

  it("parses the stored form leniently", () => {
    expect(parseRoleKinds("TECH_LEAD,ENGINEERING_MANAGER")).toEqual([TL, EM]);
    expect(parseRoleKinds(" engineering_manager , tech_lead ")).toEqual([TL, EM]);
    expect(parseRoleKinds("TECH_LEAD,,BOGUS")).toEqual([TL]);
    expect(parseRoleKinds("")).toEqual([]);
    expect(parseRoleKinds(null)).toEqual([]);
  });

  it("round-trips", () => {
    for (const kinds of [[], [TL], [EM], [TL, EM]] as const) {
      expect(parseRoleKinds(serializeRoleKinds(kinds))).toEqual(kinds);
    }
  });

  it("normalizeRoleKinds drops unknown values", () => {
    expect(normalizeRoleKinds(["X", EM, 3, TL])).toEqual([TL, EM]);
    expect(isRoleKind("TECH_LEAD")).toBe(true);
    expect(isRoleKind("tech_lead")).toBe(false);
  });
});

describe("effectiveRoleKinds", () => {
  it("recognises from the title when the kinds are not manual", () => {
    expect(effectiveRoleKinds({ roleTitle: "Tech Lead", roleKinds: [EM], kindsManual: false })).toEqual([TL]);
    expect(effectiveRoleKinds({ roleTitle: "Designer", roleKinds: "TECH_LEAD", kindsManual: null })).toEqual([]);
  });

  it("uses the stored kinds when they are manual, even when empty", () => {
    expect(effectiveRoleKinds({ roleTitle: "Tech Lead", roleKinds: [EM], kindsManual: true })).toEqual([EM]);
    expect(effectiveRoleKinds({ roleTitle: "Tech Lead", roleKinds: [], kindsManual: true })).toEqual([]);
    expect(
      effectiveRoleKinds({
        roleTitle: "Staff Engineer",
        roleKinds: "ENGINEERING_MANAGER,TECH_LEAD",
        kindsManual: true,
      }),
    ).toEqual([TL, EM]);
    expect(effectiveRoleKinds({ roleTitle: "TL", roleKinds: null, kindsManual: true })).toEqual([]);
  });
});
