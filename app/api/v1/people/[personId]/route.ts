import { apiRoute, parseJson } from "@/lib/server/api";
import { updatePersonSchema } from "@/lib/schemas/matrix";
import { updatePerson } from "@/lib/server/people/people";

export const PATCH = apiRoute<{ personId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, updatePersonSchema);
  return Response.json({ person: await updatePerson(user, params.personId, input) });
});
