import { apiRoute } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/action";
import { historyQuerySchema } from "@/lib/schemas/history";
import { findHistory } from "@/lib/server/history/find-history";

export const dynamic = "force-dynamic";

/** The matrix's activity feed, newest first, paginated with ?before= (docs/history.md). */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const query = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new AppError("INVALID_INPUT", "Some parameters are not valid.", { fields: fieldErrorsOf(query.error) });
  const page = await findHistory(user.id, params.matrixId, {
    before: query.data.before,
    limit: query.data.limit ?? 50,
  });
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
