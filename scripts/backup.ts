/**
 * `npm run backup -- [--team <slug>] [--out <file>]`: the database of DATABASE_URL (or
 * one team of it) as one JSON file, default backups/remit-<date>.json. The file holds
 * password hashes and every team's data: it is written with mode 0600; keep it private.
 * Load it with `npm run restore -- <file>` (either provider). See docs/deploy.md.
 */
import fs from "node:fs";
import path from "node:path";
import { BackupError, dumpDatabase } from "./lib/backup-db";

const USAGE = "usage: npm run backup -- [--team <slug>] [--out <file>]";

function parseArgs(argv: string[]): { team?: string; out?: string } {
  const out: { team?: string; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? a.split(/=(.*)/s) : [a, undefined];
    if (flag === "--team" || flag === "--out") {
      const v = inline ?? argv[++i];
      if (!v) throw new BackupError(`${flag} needs a value\n${USAGE}`);
      out[flag.slice(2) as "team" | "out"] = v;
    } else throw new BackupError(`unknown argument ${a}\n${USAGE}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const { backup, cleared } = await dumpDatabase({ teamSlug: args.team });
  const stamp = backup.createdAt.replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z");
  const file = path.resolve(args.out ?? path.join("backups", `remit-${args.team ? `${args.team}-` : ""}${stamp}.json`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(backup, null, 1) + "\n", { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  for (const c of cleared)
    console.log(`note: ${c.count} ${c.model}.${c.field} pointed outside team ${args.team} and were set to null`);
  const counts = Object.entries(backup.tables)
    .map(([t, rows]) => `${t} ${rows.length}`)
    .join(", ");
  console.log(`Backed up ${args.team ? `team ${args.team}` : "everything"} from ${backup.source.provider}: ${counts}`);
  console.log(
    `Wrote ${path.relative(process.cwd(), file) || file} (mode 0600, contains password hashes) in ${Math.round(performance.now() - t0)} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof BackupError ? `backup: ${e.message}` : e);
  process.exit(1);
});
