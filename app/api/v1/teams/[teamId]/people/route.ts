import { apiRoute, parseJson } from "@/lib/server/api";
import { createPersonSchema } from "@/lib/schemas/matrix";
import { createPerson, findPeople } from "@/lib/server/people/people";

type P = { teamId: string };

export const GET = apiRoute<P>(async ({ user, params }) => {
  return Response.json({ people: await findPeople(user.id, params.teamId) });
});

export const POST = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, createPersonSchema);
  return Response.json({ person: await createPerson(user, params.teamId, input) }, { status: 201 });
});
