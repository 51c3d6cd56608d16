import { apiRoute } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/action";
import { changesQuerySchema } from "@/lib/schemas/live";
import { findChangesAfter } from "@/lib/server/matrices/find-changes";

export const dynamic = "force-dynamic";

/** What changed after a change id: live catch-up (docs/api-v1.md, "Live"). */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const query = changesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new AppError("INVALID_INPUT", "Some parameters are not valid.", { fields: fieldErrorsOf(query.error) });
  const feed = await findChangesAfter(user.id, params.matrixId, query.data.after);
  return Response.json(feed, { headers: { "Cache-Control": "private, no-store" } });
});
