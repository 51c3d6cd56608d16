import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// Unit tests are pure (no server, no browser). PostgreSQL integration tests are files
// named `*.pg.test.{ts,mjs}`: they form the "pg" project, which only exists when
// TEST_PG_URL points at a server (scripts/test.mjs provides a private cluster in pass 2
// and runs `vitest run --project pg`). TEST_PG_ADMIN_URL is the cluster's maintenance db.
const unitInclude = ["lib/**/*.test.ts", "scripts/**/*.test.{ts,mjs}", "components/**/*.test.{ts,tsx}"];
const pgInclude = ["lib/**/*.pg.test.ts", "scripts/**/*.pg.test.{ts,mjs}"];
const alwaysExclude = [
  "**/node_modules/**",
  "**/.next/**",
  "**/.next-*/**",
  "e2e/**",
  "prisma/generated/**",
  "playwright-report/**",
  "test-results/**",
];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
      // `import "server-only"` throws outside React Server Components; in tests it is a no-op.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    environment: "node",
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: unitInclude,
          exclude: [...alwaysExclude, "**/*.pg.test.*"],
          // Some "unit" tests spawn tools (scripts/db.mjs, the wasm schema engine): on a
          // busy 2-core CI machine 5 s (vitest's default) is too tight for them.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      ...(process.env.TEST_PG_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "pg",
                include: pgInclude,
                exclude: alwaysExclude,
                // One shared server: keep files from stepping on each other.
                fileParallelism: false,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
