import { apiRoute, parseJson } from "@/lib/server/api";
import { joinWorkshopSchema } from "@/lib/schemas/workshop";
import { joinWorkshop } from "@/lib/server/workshops/join-workshop";

/** Joins a workshop by its code (members of its team; anybody else gets the 404 of an unknown code). */
export const POST = apiRoute(async ({ user, request }) => {
  const { code } = await parseJson(request, joinWorkshopSchema);
  return Response.json({ workshop: await joinWorkshop(user, code) });
});
