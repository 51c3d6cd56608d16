import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/raci/settings";
import { planRestore, type RestoreTarget } from "./restore-plan";

const row = (id: string, extra: Partial<RestoreTarget["rows"][number]> = {}) => ({
  id,
  title: id,
  description: "",
  category: "",
  domain: null,
  deleted: false,
  ...extra,
});

describe("planRestore", () => {
  const snapshot = {
    id: "s1",
    name: "v1",
    content: {
      v: 1 as const,
      name: "M",
      settings: DEFAULT_SETTINGS,
      rows: [{ id: "r1", title: "r1", description: "", category: "", domain: null }],
      columns: [{ personId: "p1", name: "TL", roleTitle: "", roleKinds: [] }],
      cells: [[0, 0, "R"]] as [number, number, string][],
    },
  };

  it("restores rows, sets cells, soft-deletes what was added since, marker first", () => {
    const plan = planRestore(snapshot, {
      matrixId: "m",
      name: "M",
      description: "",
      settings: DEFAULT_SETTINGS,
      rows: [row("r1", { deleted: true, title: "renamed" }), row("r2")],
      columns: [
        { id: "c1", personId: "p1", deleted: false },
        { id: "c2", personId: "p2", deleted: false },
      ],
      cells: new Map([["r1|p1", "A"]]),
    });
    expect(plan.map((p) => `${p.entity}:${p.action}:${p.entityId}`)).toEqual([
      "matrix:restore:m",
      "row:restore:r1",
      "row:update:r1",
      "cell:update:r1|p1",
      "row:delete:r2",
      "column:delete:c2",
    ]);
    expect(plan[3]).toMatchObject({ before: "A", after: "R" });
  });

  it("plans only the marker when nothing differs", () => {
    const plan = planRestore(snapshot, {
      matrixId: "m",
      name: "M",
      description: "",
      settings: DEFAULT_SETTINGS,
      rows: [row("r1")],
      columns: [{ id: "c1", personId: "p1", deleted: false }],
      cells: new Map([["r1|p1", "R"]]),
    });
    expect(plan).toHaveLength(1);
  });
});
