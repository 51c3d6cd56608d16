import { buildOpenApiDocument } from "@/lib/api-docs/openapi";

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 document. Public: it holds no data. */
export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
