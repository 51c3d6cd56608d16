// Which Chromium Playwright drives, and with which flags.
//
// `npx playwright install` cannot work on machines without general internet access, so
// we prefer a system Chromium (Debian's /usr/bin/chromium) and fall back to Playwright's
// own download only when it is actually on disk. Order:
//   1. env PLAYWRIGHT_CHROMIUM_EXECUTABLE (must exist if set)
//   2. chromium / chromium-browser / google-chrome(-stable) in /usr/bin or on PATH
//   3. Playwright's downloaded chromium, if `chromium.executablePath()` exists
//   4. otherwise: one clear line explaining how to get one, and fail.
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Flags that make Chromium behave in containers/CI (root, no GPU, small /dev/shm, no network chatter). */
export const CHROMIUM_ARGS = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
]);

export const NO_BROWSER_MESSAGE =
  "No Chromium found for Playwright: run `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chrome.";

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function isExecutableFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (isExecutableFile(p)) return p;
  }
  return null;
}

function playwrightOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("@playwright/test");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * @returns {{ executablePath: string, source: string } | { executablePath: null, source: null, error: string }}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return { executablePath: fromEnv, source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE" };
    return {
      executablePath: null,
      source: null,
      error: `PLAYWRIGHT_CHROMIUM_EXECUTABLE=${fromEnv} does not exist. ${NO_BROWSER_MESSAGE}`,
    };
  }
  for (const name of SYSTEM_NAMES) {
    const p = isExecutableFile(`/usr/bin/${name}`) ? `/usr/bin/${name}` : onPath(name);
    if (p) return { executablePath: p, source: "system" };
  }
  const own = playwrightOwnChromium();
  if (own) return { executablePath: own, source: "playwright" };
  return { executablePath: null, source: null, error: NO_BROWSER_MESSAGE };
}

/** The executable path, or throw an Error whose message is the one explanatory line. */
export function resolveChromium(env = process.env) {
  const found = findChromium(env);
  if (!found.executablePath) throw new Error(found.error);
  return found.executablePath;
}

/** Launch options for Playwright's `use.launchOptions`. Throws (one line) when no browser exists. */
export function chromiumLaunchOptions(env = process.env) {
  return { executablePath: resolveChromium(env), args: [...CHROMIUM_ARGS] };
}
