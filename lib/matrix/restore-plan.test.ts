import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/raci/settings";
import { planRestore, type RestoreTarget } from "./restore-plan";
import type { SnapshotContent } from "./snapshot";

const row = (id: string, position: number, extra: Partial<RestoreTarget["rows"][number]> = {}) => ({
  id,
  title: id,
  description: "",
  category: "",
  domain: null,
  deleted: false,
  position,
  ...extra,
});
const col = (id: string, personId: string, position: number, deleted = false) => ({ id, personId, position, deleted });
const snapRow = (id: string) => ({ id, title: id, description: "", category: "", domain: null });
const snapCol = (personId: string) => ({ personId, name: personId, roleTitle: "", roleKinds: [] });

function snapshotOf(rows: string[], people: string[], cells: [number, number, string][] = []) {
  return {
    id: "s1",
    name: "v1",
    content: {
      v: 1 as const,
      name: "M",
      settings: DEFAULT_SETTINGS,
      rows: rows.map(snapRow),
      columns: people.map(snapCol),
      cells,
    } satisfies SnapshotContent,
  };
}

function target(rows: RestoreTarget["rows"], columns: RestoreTarget["columns"], cells: [string, string][] = []) {
  return {
    matrixId: "m",
    name: "M",
    description: "",
    settings: DEFAULT_SETTINGS,
    rows,
    columns,
    cells: new Map(cells),
  };
}

const summary = (plan: ReturnType<typeof planRestore>) => plan.map((p) => `${p.entity}:${p.action}:${p.entityId}`);

/** Applies the plan's moves to an order, as the server does (each after its afterId, or first). */
function applyMoves(order: string[], plan: ReturnType<typeof planRestore>, entity: "row" | "column") {
  const out = [...order];
  for (const p of plan) {
    if (p.entity !== entity || p.action !== "move") continue;
    const { afterId } = p.after as { afterId: string | null };
    out.splice(out.indexOf(p.entityId), 1);
    out.splice(afterId === null ? 0 : out.indexOf(afterId) + 1, 0, p.entityId);
  }
  return out;
}

describe("planRestore", () => {
  const snapshot = snapshotOf(["r1"], ["p1"], [[0, 0, "R"]]);

  it("restores rows, sets cells, soft-deletes what was added since, marker first", () => {
    const plan = planRestore(
      snapshot,
      target(
        [row("r1", 1, { deleted: true, title: "renamed" }), row("r2", 2)],
        [col("c1", "p1", 1), col("c2", "p2", 2)],
        [["r1|p1", "A"]],
      ),
    );
    expect(summary(plan)).toEqual([
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
    const plan = planRestore(snapshot, target([row("r1", 1)], [col("c1", "p1", 1)], [["r1|p1", "R"]]));
    expect(plan).toHaveLength(1);
  });

  it("puts rows and columns back in the snapshot's order, after the deletes, with few moves", () => {
    const snap = snapshotOf(["a", "b", "c", "d", "e"], ["p1", "p2", "p3"]);
    // Since the snapshot: e moved to the top, a new row x sits in the middle, b was
    // deleted (it comes back at its old position); p3 moved first.
    const plan = planRestore(
      snap,
      target(
        [row("e", 0), row("a", 1), row("b", 2, { deleted: true }), row("x", 3), row("c", 4), row("d", 5)],
        [col("c3", "p3", 0), col("c1", "p1", 1), col("c2", "p2", 2)],
      ),
    );
    const s = summary(plan);
    expect(s.indexOf("row:delete:x")).toBeLessThan(s.findIndex((x) => x.startsWith("row:move")));
    expect(s.filter((x) => x.startsWith("row:move"))).toEqual(["row:move:e"]);
    expect(s.filter((x) => x.startsWith("column:move"))).toEqual(["column:move:c3"]);
    expect(plan.find((p) => p.entityId === "e" && p.action === "move")?.after).toEqual({ afterId: "d" });
    expect(applyMoves(["e", "a", "b", "c", "d"], plan, "row")).toEqual(["a", "b", "c", "d", "e"]);
    expect(applyMoves(["c3", "c1", "c2"], plan, "column")).toEqual(["c1", "c2", "c3"]);
  });

  it("reverses any order (a full shuffle included)", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const shuffled = ["g", "c", "a", "f", "b", "e", "d"];
    const plan = planRestore(
      snapshotOf(ids, ["p1"]),
      target(
        shuffled.map((id, i) => row(id, i * 10)),
        [col("c1", "p1", 1)],
      ),
    );
    expect(applyMoves(shuffled, plan, "row")).toEqual(ids);
    // The longest run already in order (c, f or a, b, e / a, b, d …: length 3) stays.
    expect(plan.filter((p) => p.action === "move")).toHaveLength(ids.length - 3);
  });
});
