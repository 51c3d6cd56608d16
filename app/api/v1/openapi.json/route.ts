import { buildOpenApiDocument } from "@/lib/api-docs/openapi";

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 document. Public: it holds no data. */
export function GET() {
  return Response.json(buildOpenApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
