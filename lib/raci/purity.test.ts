import { describe, expect, it } from "vitest";

// Vite inlines these at build time, so this test reads the sources without importing
// node:fs into lib/raci.
declare global {
  interface ImportMeta {
    glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
}

const sources = import.meta.glob("./*.ts", { query: "?raw", import: "default", eager: true });

const FORBIDDEN =
  /\bfrom\s+["'](next(\/[^"']*)?|react(-dom)?(\/[^"']*)?|@prisma\/[^"']*|prisma|server-only|node:[^"']*|fs|path|crypto|@\/[^"']*)["']|\brequire\(|\bimport\(\s*["']/;

describe("lib/raci purity", () => {
  it("finds the sources", () => {
    expect(Object.keys(sources)).toContain("./findings.ts");
  });

  it.each(Object.entries(sources).filter(([file]) => !file.endsWith(".test.ts")))(
    "%s imports nothing framework- or server-specific",
    (_file, text) => {
      const imports = text.match(/^\s*(import|export)\b[^;]*?from\s+["'][^"']+["']/gm) ?? [];
      for (const statement of imports) expect(statement).not.toMatch(FORBIDDEN);
      const specifiers = imports.map((s) => /["']([^"']+)["']\s*$/.exec(s)?.[1]);
      for (const spec of specifiers) expect(spec === "zod" || spec?.startsWith("./")).toBe(true);
    },
  );
});
