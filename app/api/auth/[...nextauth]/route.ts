import { handlers } from "@/lib/server/auth";
import { emailSchema } from "@/lib/schemas/auth";
import { clientIp } from "@/lib/server/client-ip";
import { limitSignIn } from "@/lib/server/rate-limit/auth-limits";
import { apiError } from "@/lib/server/api";
import { withRequestLog } from "@/lib/server/request-log";

type AuthRequest = Parameters<typeof handlers.POST>[0];

export const GET = withRequestLog((request: Request) => handlers.GET(request as AuthRequest));

/** The email of a credentials sign-in POST (form or JSON, as Auth.js accepts), normalised. */
async function emailOf(request: Request): Promise<string | null> {
  let value: unknown = null;
  try {
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("application/json")) value = ((await request.clone().json()) as { email?: unknown }).email;
    else value = (await request.clone().formData()).get("email");
  } catch {
    return null;
  }
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Auth.js's own endpoints, with the sign-in rate limit in front of the credentials
 * callback (the sign-in form's server action counts its attempts itself): over the
 * limit is a 429 with Retry-After, before any password is checked.
 */
export const POST = withRequestLog(async (request: Request): Promise<Response> => {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const limit = await limitSignIn({ email: await emailOf(request), ip: clientIp(request.headers) });
    if (!limit.allowed) {
      const res = apiError(429, "RATE_LIMITED", limit.message);
      res.headers.set("Retry-After", String(limit.retryAfterSec));
      return res;
    }
  }
  return handlers.POST(request as AuthRequest);
});
