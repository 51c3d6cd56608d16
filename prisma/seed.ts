/**
 * `npm run db:seed`: a demo account with a team and a Tech Lead vs Engineering Manager
 * matrix, for trying Remit out. Idempotent: run it again and it leaves the demo as is.
 *
 *   demo@remit.local / remit-demo-password
 */
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { findTemplate } from "../lib/raci/templates";
import { serializeRoleKinds } from "../lib/raci/role-kinds";
import { spacedPositions } from "../lib/matrix/positions";

const EMAIL = "demo@remit.local";
const PASSWORD = "remit-demo-password";

function client() {
  const url = process.env.DATABASE_URL || "file:./data/remit.db";
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as InstanceType<
      typeof SqliteClient
    >;
  }
  const file = url.replace(/^file:/, "");
  return new SqliteClient({
    adapter: new PrismaBetterSqlite3({ url: path.isAbsolute(file) ? file : path.resolve(file) }),
  });
}

async function main() {
  const db = client();
  const existing = await db.user.findUnique({ where: { email: EMAIL } });
  if (existing) {
    console.log(`The demo account exists: ${EMAIL} / ${PASSWORD}`);
    return;
  }
  const template = findTemplate("tl-vs-em");
  if (!template) throw new Error("template tl-vs-em is missing");
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name: "Demo Manager", email: EMAIL, passwordHash } });
    const team = await tx.team.create({
      data: {
        name: "Demo team",
        slug: `demo-${Date.now().toString(36)}`,
        memberships: { create: { userId: user.id, role: "owner" } },
      },
    });
    const matrix = await tx.matrix.create({
      data: { teamId: team.id, name: "Leadership split", createdById: user.id },
    });
    const personByKey = new Map<string, string>();
    const colPos = spacedPositions(template.columns.length);
    for (const [i, col] of template.columns.entries()) {
      const person = await tx.person.create({
        data: {
          teamId: team.id,
          name: col.name,
          roleTitle: col.roleTitle,
          roleKinds: serializeRoleKinds(col.roleKinds),
          isVacant: col.isVacant,
        },
      });
      personByKey.set(col.key, person.id);
      await tx.matrixColumn.create({ data: { matrixId: matrix.id, personId: person.id, position: colPos[i] ?? i } });
    }
    const rowPos = spacedPositions(template.rows.length);
    for (const [i, row] of template.rows.entries()) {
      const r = await tx.responsibility.create({
        data: {
          matrixId: matrix.id,
          title: row.title,
          description: row.description,
          category: row.category,
          domain: row.domain,
          position: rowPos[i] ?? i,
        },
      });
      for (const [key, letters] of Object.entries(row.cells)) {
        const personId = personByKey.get(key);
        if (personId && letters)
          await tx.cell.create({
            data: { matrixId: matrix.id, responsibilityId: r.id, personId, letters, updatedById: user.id },
          });
      }
    }
  });
  console.log(`Demo ready: sign in as ${EMAIL} / ${PASSWORD}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
