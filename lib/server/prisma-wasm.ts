import { setFlagsFromString } from "node:v8";

// No `import "server-only"`: the bench's floor script (bench/lib/tasks.ts) runs its
// Prisma client with the same setting, so the comparison stays like for like.

let applied = false;

/**
 * Prisma 7 compiles queries with a WebAssembly module (about 3.3 MB, loaded at the first
 * query). V8 compiles it with its baseline compiler (Liftoff) and then again, in the
 * background, with its optimizing compiler (TurboFan) for the functions that run often;
 * both copies of the machine code stay in memory. Liftoff alone: the server's RSS after
 * the first query is about 50 MiB lower (measured with 5,000 queries: 213 → 164 MiB in a
 * bare script) and a query takes the same time (61 vs 58 µs per `findFirst` after
 * warm-up), because Prisma caches the compiled plan of each query shape and the wasm
 * code rarely runs hot. Must run before the client's first query (V8 reads the flag
 * when it compiles the module); the flag covers every WebAssembly module of the process.
 */
export function compileWasmWithBaselineOnly(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString("--liftoff-only");
}
