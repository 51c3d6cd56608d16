/**
 * SQL statements per request stay constant as a matrix grows (no N+1): the reads behind
 * GET /api/v1/matrices/{id} and PUT …/cells, counted on a real SQLite database, for a
 * small and a large matrix. Every statement Prisma's SQLite adapter runs goes through
 * better-sqlite3's `prepare` (it keeps no statement cache) or `exec`, so wrapping those
 * two counts them all, transaction control included. (`npm run bench` prints the same
 * counts for the HTTP requests, session check included.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Fn = (this: unknown, ...args: unknown[]) => unknown;
const proto = Database.prototype as unknown as { prepare: Fn; exec: Fn };
const original = { prepare: proto.prepare, exec: proto.exec };
let statements = 0;

async function count(fn: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await fn();
  return statements - before;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "remit-queries-"));
const url = `file:${path.join(dir, "q.db")}`;

type Modules = {
  requireMatrixAccess: typeof import("@/lib/server/matrices/require-matrix-access").requireMatrixAccess;
  loadMatrixDto: typeof import("@/lib/server/matrices/load-matrix-dto").loadMatrixDto;
  cachedMatrix: typeof import("@/lib/server/matrices/matrix-response").cachedMatrix;
  putCells: typeof import("@/lib/server/matrices/put-cells").putCells;
};
let m: Modules;
let user: { id: string; name: string; email: string };
let small: { id: string; rowIds: string[]; personIds: string[] };
let big: { id: string; rowIds: string[]; personIds: string[] };
let smallEmpty: typeof big;
let bigEmpty: typeof big;

beforeAll(async () => {
  const deploy = spawnSync(process.execPath, ["scripts/db.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  expect(deploy.status, deploy.stderr).toBe(0);
  process.env.DATABASE_URL = url;
  process.env.E2E_DATABASE_URL = url;

  const { makeUser, makeTeam } = await import("../../../e2e/fixtures/factories");
  const { testDb } = await import("../../../e2e/fixtures/db");
  const { seedMatrix, seedPeople } = await import("../../../e2e/fixtures/large-matrix");
  const owner = await makeUser({ name: "Query Counter" });
  user = { id: owner.id, name: owner.name, email: owner.email };
  const team = await makeTeam(owner);
  const personIds = await seedPeople(testDb(), team.id, 40);
  const base = { teamId: team.id, userId: owner.id, personIds, fill: 0.3 };
  small = await seedMatrix(testDb(), { ...base, name: "Small", rows: 25, cols: 8, seed: 8 });
  big = await seedMatrix(testDb(), { ...base, name: "Large", rows: 200, cols: 40, seed: 40 });
  smallEmpty = await seedMatrix(testDb(), { ...base, name: "Small, empty", rows: 25, cols: 8, seed: 8, fill: 0 });
  bigEmpty = await seedMatrix(testDb(), { ...base, name: "Large, empty", rows: 200, cols: 40, seed: 40, fill: 0 });
  await testDb().$disconnect();

  m = {
    requireMatrixAccess: (await import("@/lib/server/matrices/require-matrix-access")).requireMatrixAccess,
    loadMatrixDto: (await import("@/lib/server/matrices/load-matrix-dto")).loadMatrixDto,
    cachedMatrix: (await import("@/lib/server/matrices/matrix-response")).cachedMatrix,
    putCells: (await import("@/lib/server/matrices/put-cells")).putCells,
  };
  proto.prepare = function (...args: unknown[]) {
    statements++;
    return original.prepare.apply(this, args);
  };
  proto.exec = function (...args: unknown[]) {
    statements++;
    return original.exec.apply(this, args);
  };
  // The connection's first use runs its PRAGMAs: not part of any request.
  await m.requireMatrixAccess(user.id, small.id);
}, 60_000);

afterAll(async () => {
  proto.prepare = original.prepare;
  proto.exec = original.exec;
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** The read of an uncached matrix, as GET /api/v1/matrices/{id} makes it. */
const readMatrix = (id: string) => async () => {
  const access = await m.requireMatrixAccess(user.id, id);
  return m.loadMatrixDto(access.matrix.id);
};

/** A row of `n` cells written from scratch (version 0), as one PUT …/cells. */
const writeRow = (matrix: typeof big, row: number, n: number, letters: string) => () =>
  m.putCells(
    user,
    matrix.id,
    matrix.personIds.slice(0, n).map((personId) => ({
      responsibilityId: matrix.rowIds[row]!,
      personId,
      letters,
      version: 0,
    })),
  );

describe("SQL statements per request", () => {
  it("reading a matrix costs the same for 8 × 25 as for 40 × 200 (the access check, then the matrix, columns, rows, cells)", async () => {
    const a = await count(readMatrix(small.id));
    const b = await count(readMatrix(big.id));
    expect(a).toBe(b);
    expect(b).toBeLessThanOrEqual(8);
  });

  it("reading an unchanged matrix again is one statement (the access check carries the newest change id)", async () => {
    const access = await m.requireMatrixAccess(user.id, big.id);
    await m.cachedMatrix(access);
    expect(await count(async () => m.cachedMatrix(await m.requireMatrixAccess(user.id, big.id)))).toBe(1);
  });

  it("a cell write reads twice before its transaction, whatever the matrix; a batch adds one write per cell", async () => {
    const oneSmall = await count(writeRow(smallEmpty, 0, 1, "R"));
    const oneBig = await count(writeRow(bigEmpty, 0, 1, "R"));
    expect(oneSmall).toBe(oneBig);
    // access, targets | BEGIN, the cell, its history row, the matrix's updatedAt | COMMIT
    expect(oneBig).toBe(7);

    const forty = await count(writeRow(bigEmpty, 1, 40, "C"));
    // 39 more cells; the history rows go in one insert either way, and a batch reads back
    // its newest change id (createMany returns no ids).
    expect(forty - oneBig).toBe(39 + 1);
  });
});
