/**
 * `npm run restore -- <file> [--force]`: loads a backup (npm run backup) into the
 * database of DATABASE_URL, SQLite or PostgreSQL whatever the source was. The file is
 * validated first; pending migrations are applied; the database must be empty (no row in
 * any backed-up table) unless --force, which deletes its data first. Everything is
 * inserted in one transaction: it loads completely or not at all. See docs/deploy.md.
 */
import fs from "node:fs";
import { BackupFormatError, parseBackup } from "./lib/backup-format";
import { BackupError, restoreDatabase } from "./lib/backup-db";

const USAGE = "usage: npm run restore -- <file> [--force]";

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(USAGE);
    return;
  }
  const force = argv.includes("--force");
  const unknown = argv.filter((a) => a.startsWith("-") && a !== "--force");
  const files = argv.filter((a) => !a.startsWith("-"));
  if (unknown.length) throw new BackupError(`unknown option ${unknown[0]}\n${USAGE}`);
  if (files.length !== 1) throw new BackupError(`one backup file, please\n${USAGE}`);
  const file = files[0]!;
  const t0 = performance.now();
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new BackupError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const backup = parseBackup(text);
  const { counts, provider } = await restoreDatabase(backup, { force, log: (l) => console.log(l) });
  const summary = Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
  console.log(
    `Restored ${backup.scope.teamSlug ? `team ${backup.scope.teamSlug}` : "everything"} (backup of ${backup.createdAt}, ${backup.source.provider}) into ${provider}: ${summary} in ${Math.round(performance.now() - t0)} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof BackupError || e instanceof BackupFormatError ? `restore: ${e.message}` : e);
  process.exit(1);
});
