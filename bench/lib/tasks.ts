/**
 * The TypeScript parts of `npm run bench`, run with tsx by bench/run.mjs:
 *
 *   tsx bench/lib/tasks.ts seed <out.json>
 *   tsx bench/lib/tasks.ts findings <out.json> [runs=50]
 *   tsx bench/lib/tasks.ts floor <out.json> <matrixId> <userId> [samples=300]
 *
 * Each writes one JSON object to <out.json>. `seed` and `floor` work on the database of
 * the server under test (E2E_DATABASE_URL, a SQLite file), never on anything else.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { SQLITE_PRAGMAS } from "../../lib/server/sqlite-pragmas";
import { compileWasmWithBaselineOnly } from "../../lib/server/prisma-wasm";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { addMember, makeTeam, makeUser, type TestUser } from "../../e2e/fixtures/factories";
import { testDb } from "../../e2e/fixtures/db";
import { seedMatrix, seedPeople, type SeededMatrix } from "../../e2e/fixtures/large-matrix";
import { makeLargeMatrix } from "../../lib/raci/bench-findings";
import { computeFindings } from "../../lib/raci/findings";
import { summarize } from "./stats.mjs";

type Db = InstanceType<typeof SqliteClient>;

// ───────────────────────────── seed ─────────────────────────────

async function seed(out: string) {
  const db = testDb();
  const editor: TestUser = await makeUser({ name: "Bench Editor" });
  const watcher: TestUser = await makeUser({ name: "Bench Watcher" });
  const team = await makeTeam(editor, { name: "Bench Team" });
  await addMember(team, watcher, "viewer");

  // The team's people: the columns of makeLargeMatrix's widest matrix (100).
  const personIds = await seedPeople(db, team.id, 100);

  const base = { teamId: team.id, userId: editor.id, personIds };
  const small = await seedMatrix(db, { ...base, name: "Bench 8 × 25", cols: 8, rows: 25, fill: 0.3, seed: 8 });
  const big = await seedMatrix(db, { ...base, name: "Bench 40 × 200", cols: 40, rows: 200, fill: 0.3, seed: 40 });
  const huge = await seedMatrix(db, { ...base, name: "Bench 100 × 1000", cols: 100, rows: 1000, fill: 0.3, seed: 100 });
  // Empty cells for the sustained write load: every request writes a fresh cell (version 0).
  const writes = await seedMatrix(db, { ...base, name: "Bench writes", cols: 40, rows: 600, fill: 0, seed: 1 });

  const strip = ({ rowIds: _r, personIds: _p, ...m }: SeededMatrix & { rowIds: string[]; personIds: string[] }) => m;
  writeFileSync(
    out,
    JSON.stringify({
      editor,
      watcher,
      team,
      matrices: {
        small: strip(small),
        big: strip(big),
        huge: strip(huge),
        writes: { ...strip(writes), rowIds: writes.rowIds, personIds: writes.personIds },
      },
    }),
  );
}

// ───────────────────────────── findings ─────────────────────────────

function findings(out: string, runs: number) {
  const m = makeLargeMatrix(1000, 100, 0.3, 42);
  let count = 0;
  for (let i = 0; i < 10; i++) count = computeFindings(m).length; // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    computeFindings(m);
    times.push(performance.now() - t0);
  }
  writeFileSync(out, JSON.stringify({ findings: count, ...summarize(times) }));
}

// ───────────────────────────── floor ─────────────────────────────

/**
 * The floor for one cell change: the same transaction as lib/server/matrices/put-cells.ts
 * (version-guarded updateMany, the MatrixChange insert and the matrix's updatedAt, as
 * recordChanges does), on the same SQLite file with the same generated client and
 * adapter settings as lib/server/db.ts, one after the other. Also, for reference, the
 * same plus the reads put-cells does before it (user, access, row/column/cell checks).
 */
async function floor(out: string, matrixId: string, userId: string, samples: number) {
  const url = process.env.E2E_DATABASE_URL ?? "";
  const file = url.replace(/^file:/, "");
  compileWasmWithBaselineOnly(); // as lib/server/db.ts does
  const db: Db = new SqliteClient({
    adapter: new PrismaBetterSqlite3({ url: path.isAbsolute(file) ? file : path.resolve(file), timeout: 5000 }),
  });
  // The server's per-connection settings too (lib/server/db.ts).
  for (const pragma of SQLITE_PRAGMAS) await db.$executeRawUnsafe(pragma);
  const cells = await db.cell.findMany({
    where: { matrixId },
    select: { responsibilityId: true, personId: true, letters: true, version: true },
    take: 400,
  });
  if (cells.length < 10) throw new Error(`floor: matrix ${matrixId} has only ${cells.length} cells`);

  let n = 0;
  const next = () => cells[n++ % cells.length]!;
  const write = async (c: (typeof cells)[number]) => {
    const letters = c.letters === "R" ? "C" : "R";
    await db.$transaction(async (tx) => {
      const { count } = await tx.cell.updateMany({
        where: { responsibilityId: c.responsibilityId, personId: c.personId, version: c.version },
        data: { letters, version: c.version + 1, updatedById: userId },
      });
      if (count !== 1) throw new Error("floor: stale version");
      await tx.matrixChange.create({
        data: {
          matrixId,
          actorId: userId,
          entity: "cell",
          entityId: `${c.responsibilityId}|${c.personId}`,
          action: "update",
          before: JSON.stringify(c.letters),
          after: JSON.stringify(letters),
        },
        select: { id: true },
      });
      await tx.matrix.update({ where: { id: matrixId }, data: { updatedAt: new Date() } });
    });
    c.letters = letters;
    c.version += 1;
  };
  // The reads a cell write makes before its transaction, as the app runs them: the
  // session's user (lib/server/session.ts), the access check (requireMatrixAccess) and
  // the target check (findCellTargets), the last two as the same plain SQL.
  const reads = async (c: (typeof cells)[number]) => {
    await db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, sessionVersion: true },
    });
    await db.$queryRaw`
      SELECT m."id", m."teamId", m."name", m."version",
             t."slug" AS "teamSlug", t."name" AS "teamName", ms."role",
             (SELECT MAX(c."id") FROM "MatrixChange" c WHERE c."matrixId" = m."id") AS "lastChangeId"
      FROM "Matrix" m
      JOIN "Team" t ON t."id" = m."teamId"
      JOIN "Membership" ms ON ms."teamId" = m."teamId" AND ms."userId" = ${userId}
      WHERE m."id" = ${matrixId} AND m."deletedAt" IS NULL`;
    await db.$queryRaw`
      SELECT r."id" AS "rowId", mc."personId" AS "personId", c."letters" AS "letters", c."version" AS "version"
      FROM "Responsibility" r
      JOIN "MatrixColumn" mc ON mc."matrixId" = r."matrixId" AND mc."deletedAt" IS NULL
        AND mc."personId" IN (${c.personId})
      LEFT JOIN "Cell" c ON c."responsibilityId" = r."id" AND c."personId" = mc."personId"
      WHERE r."matrixId" = ${matrixId} AND r."deletedAt" IS NULL AND r."id" IN (${c.responsibilityId})`;
  };

  for (let i = 0; i < 30; i++) await write(next()); // warm-up
  const tx: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c = next();
    const t0 = performance.now();
    await write(c);
    tx.push(performance.now() - t0);
  }
  for (let i = 0; i < 20; i++) {
    const c = next();
    await reads(c);
    await write(c);
  }
  const full: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c = next();
    const t0 = performance.now();
    await reads(c);
    await write(c);
    full.push(performance.now() - t0);
  }
  await db.$disconnect();
  writeFileSync(out, JSON.stringify({ transaction: summarize(tx), withReads: summarize(full) }));
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  const [cmd, out, ...args] = process.argv.slice(2);
  if (!out) throw new Error("usage: tasks.ts <seed|findings|floor> <out.json> …");
  if (cmd === "seed") await seed(out);
  else if (cmd === "findings") findings(out, Number(args[0] ?? 50));
  else if (cmd === "floor") await floor(out, args[0]!, args[1]!, Number(args[2] ?? 300));
  else throw new Error(`unknown task ${cmd}`);
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
