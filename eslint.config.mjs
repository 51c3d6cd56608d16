// ESLint 9 flat config: Next's recommended sets plus Remit's architecture boundaries.
import { builtinModules } from "node:module";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith("_")).map((m) => m.replace(/[/]/g, "\\/"));

/** Importing a generated Prisma client (or the Prisma runtime) from UI code. */
const prismaClients = {
  regex: "(^|/)prisma/generated(/|$)|^@prisma/",
  message: "UI code must not import a Prisma client: go through lib/server (server components/actions) or the API.",
  // Types are erased at build time and cannot leak the client into a bundle.
  allowTypeImports: true,
};

const raciPurity = [
  { regex: "^(next|next-auth)(/.*)?$", message: "lib/raci is the pure domain: no Next.js." },
  { regex: "^(react|react-dom)(/.*)?$", message: "lib/raci is the pure domain: no React." },
  {
    regex: "^@prisma/|(^|/)prisma/generated(/|$)",
    message: "lib/raci is the pure domain: no Prisma (not even types).",
  },
  { regex: "^node:", message: "lib/raci is the pure domain: no Node built-ins (it runs in the browser too)." },
  {
    regex: `^(${nodeBuiltins.join("|")})(/.*)?$`,
    message: "lib/raci is the pure domain: no Node built-ins (it runs in the browser too).",
  },
  {
    regex: "^(server-only|client-only)$",
    message: "lib/raci is the pure domain: it is neither server- nor client-only.",
  },
  {
    regex: "^@/lib/server(/|$)|(^|/)lib/server(/|$)|^\\.\\./server(/|$)",
    message: "lib/raci is the pure domain: it must not depend on lib/server.",
  },
];

/** The lib/raci barrel re-exports the templates (and everything else) into any browser bundle that uses it. */
const raciBarrel = {
  regex: "^@/lib/raci$",
  message:
    "Import values from the lib/raci module that has them (@/lib/raci/findings, /rules, /letters …): the barrel brings the templates into the browser bundle.",
  allowTypeImports: true,
};

const uiPrimitives = [
  {
    regex: "^@/lib/server(/|$)|(^|/)lib/server(/|$)",
    message: "components/ui are generic primitives: no server code.",
  },
  {
    regex: "^@/lib/raci(/|$)|(^|/)lib/raci(/|$)",
    message: "components/ui are generic primitives: no RACI domain (put that in a feature component).",
  },
];

const config = [
  {
    ignores: [
      ".next/**",
      ".next-*/**", // NEXT_DIST_DIR builds (next.config.ts honours it)
      "node_modules/**",
      "prisma/generated/**",
      "playwright-report/**",
      "test-results/**",
      "bench/results/**",
      "coverage/**",
      "data/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Unused vars prefixed with _ are intentional.
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
    files: ["**/*.{ts,tsx,mts,cts}"],
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/raci/**"],
    rules: { "no-restricted-imports": ["error", { patterns: raciPurity }] },
  },
  {
    files: ["components/**", "app/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClients, raciBarrel] }] },
  },
  {
    // Unit tests never reach a browser bundle: the barrel is fine there.
    files: ["components/**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClients] }] },
  },
  {
    // Later blocks replace the rule's options, so repeat the Prisma restriction here.
    files: ["components/ui/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...uiPrimitives, prismaClients] }] },
  },
];

export default config;
