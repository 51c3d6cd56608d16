import { apiRoute, parseJson } from "@/lib/server/api";
import { shareLinkSchema } from "@/lib/schemas/access";
import { requestMeta } from "@/lib/server/audit/request-meta";
import { disableShareLink, enableShareLink, findShareLink } from "@/lib/server/share/share-link";

type P = { matrixId: string };

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = apiRoute<P>(async ({ user, params }) => {
  return Response.json({ shareLink: await findShareLink(user.id, params.matrixId) }, { headers: NO_STORE });
});

/** Turns the link on (idempotent), or `{ "regenerate": true }` replaces it. */
export const POST = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, shareLinkSchema);
  const { shareLink, created } = await enableShareLink(user, params.matrixId, input, requestMeta(request));
  return Response.json({ shareLink }, { status: created ? 201 : 200, headers: NO_STORE });
});

export const DELETE = apiRoute<P>(async ({ user, params, request }) => {
  await disableShareLink(user, params.matrixId, requestMeta(request));
  return Response.json({ shareLink: null }, { headers: NO_STORE });
});
