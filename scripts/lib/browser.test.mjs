import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, NO_BROWSER_MESSAGE, findChromium } from "./browser.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "remit-browser-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("chromium resolution", () => {
  it("prefers PLAYWRIGHT_CHROMIUM_EXECUTABLE", () => {
    const fake = path.join(dir, "chrome");
    writeFileSync(fake, "#!/bin/sh\n", { mode: 0o755 });
    expect(findChromium({ PLAYWRIGHT_CHROMIUM_EXECUTABLE: fake, PATH: "" })).toEqual({
      executablePath: fake,
      source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE",
    });
  });

  it("explains in one line when the override does not exist", () => {
    const r = findChromium({ PLAYWRIGHT_CHROMIUM_EXECUTABLE: path.join(dir, "nope") });
    expect(r.executablePath).toBeNull();
    expect(r.error).toContain(NO_BROWSER_MESSAGE);
    expect(r.error).not.toContain("\n");
  });

  it("uses the container-friendly flags", () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"]),
    );
  });
});
