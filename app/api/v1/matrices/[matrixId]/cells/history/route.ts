import { apiRoute } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/action";
import { cellHistoryQuerySchema } from "@/lib/schemas/history";
import { findCellHistory } from "@/lib/server/history/find-history";

export const dynamic = "force-dynamic";

/** One cell's changes, newest first (docs/history.md). */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const query = cellHistoryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new AppError("INVALID_INPUT", "Give rowId and personId.", { fields: fieldErrorsOf(query.error) });
  const history = await findCellHistory(user.id, params.matrixId, query.data.rowId, query.data.personId);
  return Response.json(history, { headers: { "Cache-Control": "private, no-store" } });
});
