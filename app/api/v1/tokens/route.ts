import { apiRoute, parseJson } from "@/lib/server/api";
import { createTokenSchema } from "@/lib/schemas/token";
import { clientIp } from "@/lib/server/client-ip";
import { createToken } from "@/lib/server/tokens/create-token";
import { findTokens } from "@/lib/server/tokens/find-tokens";

/** GET /api/v1/tokens — my personal access tokens (never the tokens themselves). */
export const GET = apiRoute(async ({ user }) =>
  Response.json({ tokens: await findTokens(user.id) }, { headers: { "Cache-Control": "no-store" } }),
);

/** POST /api/v1/tokens — creates one; the token is in this answer only. Session only. */
export const POST = apiRoute(
  async ({ user, request }) => {
    const input = await parseJson(request, createTokenSchema, 10_000);
    const created = await createToken(user, input, clientIp(request.headers));
    return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { sessionOnly: true },
);
