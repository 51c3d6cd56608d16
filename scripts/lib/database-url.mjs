// Which database DATABASE_URL means. The same rule must hold in the app
// (lib/server/db.ts): postgres:// or postgresql:// → PostgreSQL; file:… or empty →
// SQLite, default file:./data/remit.db; relative SQLite paths are relative to the
// repository root. Plain Node, no dependencies.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "./schemas.mjs";

export const DEFAULT_DATABASE_URL = "file:./data/remit.db";

/**
 * @returns {{ provider: "sqlite", file: string, url: string } | { provider: "postgresql", url: string }}
 */
export function resolveDatabaseUrl(raw = process.env.DATABASE_URL, root = REPO_ROOT) {
  const value = (raw ?? "").trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: "postgresql", url: value };
  const url = value === "" ? DEFAULT_DATABASE_URL : value;
  if (!/^file:/i.test(url)) {
    throw new Error(
      `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.replace(/\/\/[^@/]*@/, "//***@")}")`,
    );
  }
  let file;
  if (/^file:\/\//i.test(url)) {
    file = fileURLToPath(url.replace(/\?.*$/, ""));
  } else {
    file = decodeURIComponent(url.slice("file:".length).replace(/\?.*$/, ""));
  }
  if (file === "" || file === ":memory:")
    throw new Error("DATABASE_URL: an in-memory SQLite database cannot be migrated");
  file = path.resolve(root, file);
  return { provider: "sqlite", file, url: `file:${file}` };
}

/** For messages: the URL without its password. */
export function redactUrl(url) {
  return url.replace(/(\/\/[^:@/]*):[^@/]*@/, "$1:***@");
}
