// No `import "server-only"`: the bench's floor script (bench/lib/tasks.ts) applies the
// same settings to its own connection, so the comparison stays like for like.

/**
 * Per-connection SQLite settings, run once when the connection opens (lib/server/db.ts).
 * WAL mode itself is set once on the file by `db:deploy` and persists.
 *
 * - synchronous = NORMAL: in WAL mode a commit no longer waits for an fsync of the WAL;
 *   the WAL is synced at checkpoints. The database stays consistent after a crash or
 *   power loss (this is SQLite's recommended setting for WAL); only the last few
 *   transactions before a power cut (not a process crash) may be rolled back.
 * - temp_store = MEMORY: sorts and temporary indexes never touch the disk.
 */
export const SQLITE_PRAGMAS: readonly string[] = ["PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY"];
