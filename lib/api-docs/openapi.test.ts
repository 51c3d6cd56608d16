import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, inputJsonSchema } from "./openapi";
import { createTokenSchema } from "@/lib/schemas/token";

const root = path.resolve(__dirname, "../..");
const apiDir = path.join(root, "app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/matrices/[matrixId]/route.ts → /api/v1/matrices/{matrixId} */
function apiPathOf(file: string): string {
  const rel = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
  return "/" + rel.map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}")).join("/");
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
    (m) => m[1]!,
  );
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown>; security: unknown[] }>>;
    components: { securitySchemes: Record<string, unknown> };
  };

  it("documents every method of every route file under app/api/v1", () => {
    const files = routeFiles(apiDir);
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of files) {
      const p = apiPathOf(file);
      const methods = exportedMethods(file);
      expect(methods.length, `${p} exports no handler`).toBeGreaterThan(0);
      for (const m of methods) if (!doc.paths[p]?.[m.toLowerCase()]) missing.push(`${m} ${p}`);
    }
    expect(missing, "add these to lib/api-docs/endpoints.ts").toEqual([]);
  });

  it("documents no endpoint that does not exist", () => {
    const existing = new Set(routeFiles(apiDir).flatMap((f) => exportedMethods(f).map((m) => `${m} ${apiPathOf(f)}`)));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((d) => !existing.has(d))).toEqual([]);
  });

  it("gives every operation its own operationId", () => {
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((op) => (op as unknown as { operationId: string }).operationId),
    );
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*$/);
  });

  it("is OpenAPI 3.1 with bearer and cookie security and the error shape", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearer", "session"]);
    const get = doc.paths["/api/v1/matrices/{matrixId}"]!.get!;
    expect(get.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(get.responses["404"]).toEqual({ $ref: "#/components/responses/E404" });
    expect(doc.paths["/api/v1/tokens"]!.post!.security).toEqual([{ session: [] }]);
    expect(doc.paths["/api/v1/openapi.json"]!.get!.security).toEqual([]);
  });

  it("generates bodies from the strict zod schemas", () => {
    const json = inputJsonSchema(createTokenSchema) as { additionalProperties: boolean; required: string[] };
    expect(json.additionalProperties).toBe(false);
    expect(json.required).toEqual(["name"]);
    const put = doc.paths["/api/v1/matrices/{matrixId}/cells"]!.put as unknown as {
      requestBody: { content: { "application/json": { schema: { anyOf: unknown[] } } } };
    };
    expect(put.requestBody.content["application/json"].schema.anyOf).toHaveLength(2);
  });
});
