import { describe, expect, it } from "vitest";
import type { PresenceUser } from "@/lib/matrix/live";
import { NO_OUTLINE, cellOutlineProps, decodeRowOutlines, presenceOutlines, rowOutlines } from "./presence-outline";

const user = (userId: string, name: string, selection: PresenceUser["selection"], color = "#2563eb"): PresenceUser => ({
  userId,
  name,
  initials: name.slice(0, 2).toUpperCase(),
  color,
  selection,
});

describe("presenceOutlines", () => {
  it("groups other people's selections by cell, leaving out the current user and people without one", () => {
    const map = presenceOutlines(
      [
        user("me", "Me", { rowId: "r1", personId: "p1" }),
        user("u1", "Ada", { rowId: "r1", personId: "p1" }, "#dc2626"),
        user("u2", "Bob", { rowId: "r1", personId: "p1" }),
        user("u3", "Cy", { rowId: "r2", personId: "p1" }),
        user("u4", "Di", null),
      ],
      "me",
    );
    expect([...map.keys()]).toEqual(["r1|p1", "r2|p1"]);
    expect(map.get("r1|p1")?.map((s) => s.userId)).toEqual(["u1", "u2"]);
  });

  it("is empty when nobody else has a selection", () => {
    expect(presenceOutlines([user("me", "Me", { rowId: "r", personId: "p" })], "me").size).toBe(0);
  });
});

describe("cellOutlineProps", () => {
  it("gives primitives: the first colour, initials with a count, everyone's names", () => {
    const map = presenceOutlines(
      [
        user("u1", "Ada", { rowId: "r", personId: "p" }, "#dc2626"),
        user("u2", "Bob", { rowId: "r", personId: "p" }),
        user("u3", "Cy", { rowId: "r", personId: "p" }),
      ],
      "me",
    );
    expect(cellOutlineProps(map.get("r|p"))).toEqual({
      remoteColor: "#dc2626",
      remoteInitials: "AD +2",
      remoteNames: "Ada, Bob, Cy",
    });
  });

  it("gives undefined for a cell nobody else is on, always the same object", () => {
    expect(cellOutlineProps(undefined)).toEqual({
      remoteColor: undefined,
      remoteInitials: undefined,
      remoteNames: undefined,
    });
    expect(cellOutlineProps(undefined)).toBe(cellOutlineProps([]));
  });
});

describe("rowOutlines", () => {
  const outlines = presenceOutlines(
    [user("u1", "Ada", { rowId: "r1", personId: "p2" }, "#dc2626"), user("u2", "Bob", { rowId: "r2", personId: "p1" })],
    "me",
  );

  it("is an empty string for a row nobody else is on", () => {
    expect(rowOutlines(outlines, "r3", ["p1", "p2"])).toBe("");
    expect(rowOutlines(new Map(), "r1", ["p1", "p2"])).toBe("");
  });

  it("round-trips the outlines of the rendered cells, in column order", () => {
    const encoded = rowOutlines(outlines, "r1", ["p1", "p2", "p3"]);
    expect(typeof encoded).toBe("string");
    expect(decodeRowOutlines(encoded)).toEqual([
      NO_OUTLINE,
      { remoteColor: "#dc2626", remoteInitials: "AD", remoteNames: "Ada" },
      NO_OUTLINE,
    ]);
    // Same presence, same string: a memoized row does not re-render.
    expect(rowOutlines(outlines, "r1", ["p1", "p2", "p3"])).toBe(encoded);
  });

  it("decodes nothing from an empty or broken string", () => {
    expect(decodeRowOutlines("")).toEqual([]);
    expect(decodeRowOutlines("{oops")).toEqual([]);
  });
});
