import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/browser.mjs";

// `npm test` (scripts/test.mjs) builds the app, starts `next start` on a free port and
// runs this suite once against SQLite and once against PostgreSQL. By hand:
//   E2E_BASE_URL=http://127.0.0.1:3000 npx playwright test
// Browser: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else a system chromium, else Playwright's own
// (see scripts/lib/browser.mjs).
const isCI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
if (!process.env.E2E_BASE_URL) {
  console.warn(`E2E_BASE_URL is not set: testing ${baseURL} (start the app there, or use \`npm test\`).`);
}
const workers = Number(process.env.E2E_WORKERS ?? process.env.PLAYWRIGHT_WORKERS ?? 2);

export default defineConfig({
  testDir: "./e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: true,
  forbidOnly: isCI,
  workers: Number.isFinite(workers) && workers > 0 ? workers : 2,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  globalTimeout: isCI ? 30 * 60_000 : undefined,
  expect: { timeout: 7_500 },
  reporter: isCI
    ? [["list"]]
    : [["list"], ["html", { outputFolder: process.env.E2E_REPORT_DIR ?? "playwright-report", open: "never" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
});
