import { describe, expect, it } from "vitest";
import {
  findBlockingChange,
  groupChanges,
  planRedo,
  planUndo,
  refusalMessage,
  undoStacks,
  type HistoryChange,
} from "./undo-plan";

let nextId = 1;
function change(p: Partial<HistoryChange> & { groupId: string }): HistoryChange {
  return {
    id: nextId++,
    actorId: "ana",
    entity: "cell",
    entityId: "r1|p1",
    action: "update",
    before: "",
    after: "R",
    origin: "edit",
    revertsGroupId: null,
    ...p,
  };
}

describe("undoStacks", () => {
  it("puts edits on the done stack and undo moves them to undone", () => {
    const g = groupChanges([
      change({ groupId: "g1" }),
      change({ groupId: "g2", after: "A" }),
      change({ groupId: "u1", origin: "undo", revertsGroupId: "g2" }),
    ]);
    const s = undoStacks(g);
    expect(s.done.map((x) => x.id)).toEqual(["g1"]);
    expect(s.undone.map((x) => [x.group.id, x.undoneBy.id])).toEqual([["g2", "u1"]]);
  });

  it("a new edit clears the redo stack", () => {
    const s = undoStacks(
      groupChanges([
        change({ groupId: "g1" }),
        change({ groupId: "u1", origin: "undo", revertsGroupId: "g1" }),
        change({ groupId: "g2" }),
      ]),
    );
    expect(s.done.map((x) => x.id)).toEqual(["g2"]);
    expect(s.undone).toEqual([]);
  });

  it("redo takes the group off undone and the redo group becomes undoable", () => {
    const s = undoStacks(
      groupChanges([
        change({ groupId: "g1" }),
        change({ groupId: "g2" }),
        change({ groupId: "u2", origin: "undo", revertsGroupId: "g2" }),
        change({ groupId: "u1", origin: "undo", revertsGroupId: "g1" }),
        change({ groupId: "r1", origin: "redo", revertsGroupId: "g1" }),
      ]),
    );
    expect(s.done.map((x) => x.id)).toEqual(["r1"]);
    expect(s.undone.map((x) => x.group.id)).toEqual(["g2"]);
  });

  it("skips groups that cannot be undone (person edits, imports) without clearing redo", () => {
    const s = undoStacks(
      groupChanges([
        change({ groupId: "g1" }),
        change({ groupId: "u1", origin: "undo", revertsGroupId: "g1" }),
        change({ groupId: "p", entity: "person", entityId: "p1" }),
        change({ groupId: "i", origin: "import" }),
      ]),
    );
    expect(s.done).toEqual([]);
    expect(s.undone.map((x) => x.group.id)).toEqual(["g1"]);
  });

  it("counts fixes, workshop decisions and restores as steps", () => {
    const s = undoStacks(
      groupChanges([
        change({ groupId: "f", origin: "fix" }),
        change({ groupId: "w", origin: "workshop" }),
        change({ groupId: "s", origin: "restore" }),
      ]),
    );
    expect(s.done.map((x) => x.id)).toEqual(["f", "w", "s"]);
  });
});

describe("planUndo / planRedo", () => {
  it("inverts each change, newest first", () => {
    const [g] = groupChanges([
      change({ groupId: "g", entity: "row", entityId: "r9", action: "create", before: null, after: { title: "X" } }),
      change({ groupId: "g", entityId: "r9|p1", before: "", after: "A" }),
    ]);
    expect(planUndo(g!)).toEqual([
      { entity: "cell", entityId: "r9|p1", action: "update", before: "A", after: "" },
      { entity: "row", entityId: "r9", action: "delete", before: { title: "X" }, after: null },
    ]);
    expect(planRedo(g!).map((c) => c.action)).toEqual(["create", "update"]);
  });

  it("maps delete to restore and restore to delete", () => {
    const [g] = groupChanges([
      change({ groupId: "g", entity: "column", entityId: "c1", action: "delete" }),
      change({ groupId: "g", entity: "row", entityId: "r1", action: "restore" }),
    ]);
    expect(planUndo(g!).map((c) => `${c.entity}:${c.action}`)).toEqual(["row:delete", "column:restore"]);
  });
});

describe("findBlockingChange", () => {
  const target = change({ groupId: "g", entityId: "r1|p1" });
  it("finds someone else's later change of the same cell", () => {
    const ben = change({ groupId: "b", actorId: "ben", entityId: "r1|p1" });
    expect(findBlockingChange([target], [ben], "ana")).toBe(ben);
  });
  it("ignores my own later changes and other cells", () => {
    const mine = change({ groupId: "m", entityId: "r1|p1" });
    const other = change({ groupId: "b", actorId: "ben", entityId: "r1|p2" });
    expect(findBlockingChange([target], [mine, other], "ana")).toBeNull();
  });
  it("a cell edited in a row I created blocks undoing the creation", () => {
    const row = change({ groupId: "g", entity: "row", entityId: "r1", action: "create" });
    const ben = change({ groupId: "b", actorId: "ben", entityId: "r1|p7" });
    expect(findBlockingChange([row], [ben], "ana")).toBe(ben);
  });
  it("a cell in a column I added blocks undoing it", () => {
    const col = change({ groupId: "g", entity: "column", entityId: "c1", action: "create", after: { personId: "p7" } });
    const ben = change({ groupId: "b", actorId: "ben", entityId: "r3|p7" });
    expect(findBlockingChange([col], [ben], "ana")).toBe(ben);
  });
  it("settings changes block each other", () => {
    const s = change({ groupId: "g", entity: "settings", entityId: "m1" });
    const ben = change({ groupId: "b", actorId: "ben", entity: "matrix", entityId: "m1" });
    expect(findBlockingChange([s], [ben], "ana")).toBe(ben);
  });
});

describe("refusalMessage", () => {
  it("names who changed the cell", () => {
    const g = { changes: [change({ groupId: "g" })] };
    expect(refusalMessage("undo", g, { entity: "cell" }, "Ben")).toBe(
      "Ben changed this cell after you; undo would overwrite their change.",
    );
  });
  it("uses the label for a step of several changes", () => {
    const g = { changes: [change({ groupId: "g" }), change({ groupId: "g", entityId: "r2|p1" })] };
    expect(refusalMessage("redo", g, { entity: "cell" }, null, "“Deploys” × Tech Lead")).toBe(
      "Someone changed “Deploys” × Tech Lead after you; redo would overwrite their change.",
    );
  });
});
