/** The app's pages and route handlers, read from app/ at test time. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface RouteFile {
  /** Path of the file, relative to the project. */
  file: string;
  kind: "page" | "route";
  /** URL pattern with route groups removed, e.g. "/t/[teamSlug]/matrices/[matrixId]". */
  pattern: string;
  /** Methods it answers: GET for pages, the exported handlers for route files. */
  methods: string[];
  isDynamic: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function routeFiles(root = process.cwd()): RouteFile[] {
  const appDir = path.join(root, "app");
  return walk(appDir)
    .filter((f) => /[/\\](page\.tsx|route\.ts)$/.test(f))
    .map((full) => {
      const kind = full.endsWith("page.tsx") ? "page" : "route";
      const segments = path
        .relative(appDir, path.dirname(full))
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s));
      const pattern = "/" + segments.join("/");
      const methods =
        kind === "page"
          ? ["GET"]
          : [
              ...readFileSync(full, "utf8").matchAll(
                /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|export\s+const\s+\{\s*([^}]+)\}\s*=/g,
              ),
            ].flatMap((m) =>
              m[1]
                ? [m[1]]
                : m[2]!
                    .split(",")
                    .map((s) => s.trim())
                    .filter((s) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(s)),
            );
      return {
        file: path.relative(root, full),
        kind,
        pattern,
        methods,
        isDynamic: segments.some((s) => s.includes("[")),
      };
    });
}
