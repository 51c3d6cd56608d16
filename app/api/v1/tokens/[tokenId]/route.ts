import { apiRoute } from "@/lib/server/api";
import { clientIp } from "@/lib/server/client-ip";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

/** DELETE /api/v1/tokens/{tokenId} — revokes one of my tokens (a token may revoke itself). */
export const DELETE = apiRoute<{ tokenId: string }>(async ({ user, params, request }) => {
  await revokeToken(user, params.tokenId, clientIp(request.headers));
  return Response.json({ ok: true });
});
