// Prisma CLI configuration (Prisma 7 reads datasource URLs from here, not from the schema).
//
// The provider follows DATABASE_URL, the same rule as the app and scripts/db.mjs:
// postgres:// or postgresql:// → the generated PostgreSQL schema and its migrations,
// anything else (file:… or unset) → the SQLite source schema, default file:./data/remit.db
// relative to the repository root.
//
// The project's own tool (scripts/db.mjs) does not use this file; it is here so that on a
// machine with Prisma's native engine `npx prisma migrate deploy` / `migrate status` work
// on the same history. `prisma generate` is run per schema by scripts/prisma-generate.mjs
// with --schema, which overrides `schema` below.
import path from "node:path";
import { defineConfig } from "prisma/config";

const root = import.meta.dirname ?? process.cwd();
const url = process.env.DATABASE_URL?.trim() ?? "";
const isPostgres = /^postgres(ql)?:\/\//i.test(url);

function sqliteUrl(value: string): string {
  const raw = value === "" ? "file:./data/remit.db" : value;
  const file = raw.replace(/^file:(\/\/(?=\/))?/, "").replace(/\?.*$/, "");
  return "file:" + (path.isAbsolute(file) ? file : path.join(root, file));
}

export default defineConfig({
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url: isPostgres ? url : sqliteUrl(url) },
});
