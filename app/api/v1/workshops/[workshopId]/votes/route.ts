import { apiRoute, parseJson } from "@/lib/server/api";
import { castVoteSchema } from "@/lib/schemas/workshop";
import { castVote } from "@/lib/server/workshops/cast-vote";

/** Casts, changes or skips the caller's vote on the current item (members and up). */
export const PUT = apiRoute<{ workshopId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, castVoteSchema, 100_000);
  return Response.json(await castVote(user, params.workshopId, input));
});
