import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and every committed migration is applied. */
export async function GET() {
  const result = await checkReadiness();
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
