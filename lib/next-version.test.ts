import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The installed Next.js must carry the fixes for:
 * - CVE-2025-29927 (middleware bypass with `x-middleware-subrequest`): fixed in 15.2.3,
 *   14.2.25, 13.5.9 and 12.3.5 (GHSA-f82v-jwr5-mffw); every 16.x release has it.
 * - CVE-2026-27978 (`Origin: null` passing the Server Action CSRF check): affected
 *   16.0.1 up to 16.1.6, fixed in 16.1.7 (GHSA-mq59-m269-xvcx).
 * e2e/hardening.spec.ts checks the behaviour too; this keeps a downgrade from slipping in.
 */
const MINIMUM = [16, 1, 7] as const;

function parse(version: string): number[] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`unexpected version ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function atLeast(v: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) {
    if (v[i]! !== min[i]!) return v[i]! > min[i]!;
  }
  return true;
}

describe("Next.js version", () => {
  const installed = JSON.parse(readFileSync(path.resolve(__dirname, "../node_modules/next/package.json"), "utf8")) as {
    version: string;
  };

  it(`is at least ${MINIMUM.join(".")} (CVE-2025-29927, CVE-2026-27978)`, () => {
    expect(atLeast(parse(installed.version), MINIMUM), `installed next ${installed.version}`).toBe(true);
  });

  it("compares versions correctly", () => {
    expect(atLeast([16, 1, 6], MINIMUM)).toBe(false);
    expect(atLeast([16, 0, 10], MINIMUM)).toBe(false);
    expect(atLeast([15, 5, 9], MINIMUM)).toBe(false);
    expect(atLeast([16, 1, 7], MINIMUM)).toBe(true);
    expect(atLeast([16, 2, 0], MINIMUM)).toBe(true);
    expect(atLeast([17, 0, 0], MINIMUM)).toBe(true);
  });

  it("is pinned in package.json to a fixed range", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const range = pkg.dependencies.next ?? "";
    expect(atLeast(parse(range.replace(/^[\^~>=\s]+/, "")), MINIMUM), `package.json next ${range}`).toBe(true);
  });
});
