/** The account page's calls to /api/v1/tokens (same origin, cookie session). */
import type { ApiTokenDto } from "@/lib/server/tokens/token-dto";

export type { ApiTokenDto };

export interface ApiFailure {
  message: string;
  fields?: Record<string, string>;
}

async function failureOf(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: ApiFailure };
    if (body.error?.message) return { message: body.error.message, fields: body.error.fields };
  } catch {
    // not JSON: fall through
  }
  return { message: "Something went wrong. Nothing was changed; please try again." };
}

export async function createTokenRequest(input: {
  name: string;
  expiresInDays: number | null;
}): Promise<{ ok: true; token: string; apiToken: ApiTokenDto } | ({ ok: false } & ApiFailure)> {
  try {
    const res = await fetch("/api/v1/tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    if (!res.ok) return { ok: false, ...(await failureOf(res)) };
    const body = (await res.json()) as { token: string; apiToken: ApiTokenDto };
    return { ok: true, ...body };
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
}

export async function revokeTokenRequest(id: string): Promise<{ ok: true } | ({ ok: false } & ApiFailure)> {
  try {
    const res = await fetch(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!res.ok) return { ok: false, ...(await failureOf(res)) };
    return { ok: true };
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
}
