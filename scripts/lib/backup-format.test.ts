import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BACKED_UP_MODELS,
  BackupFormatError,
  MODELS,
  chunkSize,
  chunks,
  delegateName,
  parseBackup,
  parseSchemaModels,
  pruneDanglingRefs,
  sortRows,
  toPlainRow,
} from "./backup-format";

const schema = parseSchemaModels(fs.readFileSync(path.join(__dirname, "..", "..", "prisma", "schema.prisma"), "utf8"));

describe("MODELS (scripts/lib/backup-format.ts) against prisma/schema.prisma", () => {
  it("parses the schema", () => {
    expect(schema.map((m) => m.name)).toEqual(expect.arrayContaining(["User", "Team", "Cell", "MatrixChange"]));
  });

  it("lists every model of the schema (add new ones to MODELS, in dependency order)", () => {
    const listed = new Set(MODELS.map((m) => m.name));
    expect(schema.map((m) => m.name).filter((n) => !listed.has(n))).toEqual([]);
  });

  it("backs up only models that exist", () => {
    const names = new Set(schema.map((m) => m.name));
    expect(BACKED_UP_MODELS.map((m) => m.name).filter((n) => !names.has(n))).toEqual([]);
    expect(new Set(MODELS.map((m) => m.name)).size).toBe(MODELS.length);
  });

  it("puts every model after the models it references, and declares those references", () => {
    const order = new Map(MODELS.map((m, i) => [m.name, i]));
    for (const spec of BACKED_UP_MODELS) {
      const model = schema.find((m) => m.name === spec.name)!;
      for (const rel of model.relations) {
        expect(order.get(rel.model), `${spec.name} references ${rel.model}`).toBeLessThan(order.get(spec.name)!);
        const target = MODELS.find((m) => m.name === rel.model)!;
        expect(target.skip, `${spec.name} references ${rel.model}, which is not backed up`).toBeUndefined();
        for (const field of rel.fields)
          expect(spec.refs, `${spec.name}.${field} → ${rel.model} missing from refs`).toContainEqual({
            field,
            model: rel.model,
            nullable: rel.optional,
          });
      }
      expect(spec.refs?.length ?? 0).toBe(model.relations.reduce((n, r) => n + r.fields.length, 0));
    }
  });

  it("has a team filter for every backed-up model", () => {
    for (const m of BACKED_UP_MODELS) expect(m.team, m.name).toBeTypeOf("function");
  });

  it("names Prisma delegates", () => {
    expect(delegateName("MatrixChange")).toBe("matrixChange");
    expect(delegateName("User")).toBe("user");
  });
});

const valid = {
  format: "remit-backup",
  version: 1,
  createdAt: "2026-11-21T01:00:00.000Z",
  source: { provider: "sqlite" },
  scope: {},
  tables: { User: [{ id: "u1", name: "Zoë Ødegård" }], Team: [] },
};

describe("parseBackup", () => {
  it("accepts a valid file", () => {
    expect(parseBackup(JSON.stringify(valid)).tables.User?.[0]?.name).toBe("Zoë Ødegård");
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    ["another format", JSON.stringify({ ...valid, format: "other" }), /format must be "remit-backup"/],
    ["a newer version", JSON.stringify({ ...valid, version: 2 }), /unsupported backup version/],
    ["an unknown table", JSON.stringify({ ...valid, tables: { Widget: [] } }), /unknown table "Widget"/],
    ["rows that are not objects", JSON.stringify({ ...valid, tables: { User: [1] } }), /tables\.User\.0/],
    ["a bad provider", JSON.stringify({ ...valid, source: { provider: "mysql" } }), /source\.provider/],
    ["rows of a skipped table", JSON.stringify({ ...valid, tables: { Presence: [{}] } }), /never backed up/],
  ])("rejects %s", (_what, text, message) => {
    expect(() => parseBackup(text)).toThrow(BackupFormatError);
    expect(() => parseBackup(text)).toThrow(message);
  });
});

describe("rows", () => {
  it("sorts by key, by code unit, numbers numerically", () => {
    const rows = [{ id: "b" }, { id: "B" }, { id: "ä" }, { id: "a" }];
    expect(sortRows(rows, ["id"]).map((r) => r.id)).toEqual(["B", "a", "b", "ä"]);
    expect(sortRows([{ id: 10 }, { id: 9 }], ["id"]).map((r) => r.id)).toEqual([9, 10]);
    const cells = [
      { responsibilityId: "r2", personId: "p1" },
      { responsibilityId: "r1", personId: "p2" },
      { responsibilityId: "r1", personId: "p1" },
    ];
    expect(sortRows(cells, ["responsibilityId", "personId"])).toEqual([cells[2], cells[1], cells[0]]);
  });

  it("writes Dates as ISO strings", () => {
    expect(toPlainRow({ a: new Date("2026-01-02T03:04:05.678Z"), b: null, c: 1 })).toEqual({
      a: "2026-01-02T03:04:05.678Z",
      b: null,
      c: 1,
    });
  });

  it("clears nullable references outside a team backup, refuses required ones", () => {
    const tables = {
      User: [{ id: "u1" }],
      Team: [{ id: "t1" }],
      Person: [
        { id: "p1", teamId: "t1", userId: "u1" },
        { id: "p2", teamId: "t1", userId: "u-other" },
        { id: "p3", teamId: "t1", userId: null },
      ],
    };
    const r = pruneDanglingRefs(tables);
    expect(r.tables.Person!.map((p) => p.userId)).toEqual(["u1", null, null]);
    expect(r.cleared).toEqual([{ model: "Person", field: "userId", count: 1 }]);
    expect(tables.Person[1]!.userId).toBe("u-other");
    expect(() => pruneDanglingRefs({ ...tables, Membership: [{ id: "m", teamId: "t1", userId: "u9" }] })).toThrow(
      /Membership.userId/,
    );
  });

  it("chunks under 500 rows and SQLite's parameter limit", () => {
    expect(chunkSize(10)).toBe(500);
    expect(chunkSize(100)).toBe(300);
    expect(chunkSize(100, 999)).toBe(9);
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});
