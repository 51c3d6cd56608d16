import { describe, expect, it } from "vitest";
import { cellHistoryQuerySchema, historyQuerySchema } from "./history";

describe("history query schemas", () => {
  it("take a row and a person id, and nothing else", () => {
    expect(cellHistoryQuerySchema.safeParse({ rowId: "r1", personId: "p1" }).success).toBe(true);
    expect(cellHistoryQuerySchema.safeParse({ rowId: "r1" }).success).toBe(false);
    expect(cellHistoryQuerySchema.safeParse({ rowId: "r1", personId: "p1", matrixId: "m" }).success).toBe(false);
    expect(cellHistoryQuerySchema.safeParse({ rowId: "x".repeat(65), personId: "p1" }).success).toBe(false);
  });

  it("refuse NUL characters in ids (PostgreSQL cannot compare them)", () => {
    const res = cellHistoryQuerySchema.safeParse({ rowId: "r\u00001", personId: "p1" });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe("Text may not contain NUL (U+0000) characters.");
    expect(cellHistoryQuerySchema.safeParse({ rowId: "r1", personId: "\u0000" }).success).toBe(false);
  });

  it("parse before and limit as whole numbers in range", () => {
    expect(historyQuerySchema.parse({ before: "42", limit: "200" })).toEqual({ before: 42, limit: 200 });
    for (const bad of [{ limit: "0" }, { limit: "201" }, { before: "-1" }, { before: "1\u0000" }, { teamId: "x" }]) {
      expect(historyQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
