/**
 * The live endpoints, from the browser: same-origin fetches with the session cookie.
 * Kept apart from lib/query/api-client so that live collaboration stays one folder.
 */
import type { ChangesFeedDto, PresenceSelection } from "@/lib/matrix/live";

/** A non-2xx answer; `status` 0 when there was no answer at all. */
export class LiveHttpError extends Error {
  constructor(readonly status: number) {
    super(status ? `The server answered ${status}.` : "No answer from the server.");
    this.name = "LiveHttpError";
  }
}

/** Retrying cannot fix these: signed out, no longer a member, matrix deleted. */
export function isFatalLiveError(e: unknown): boolean {
  return e instanceof LiveHttpError && (e.status === 401 || e.status === 403 || e.status === 404);
}

const base = (matrixId: string) => `/api/v1/matrices/${encodeURIComponent(matrixId)}`;

export function eventsUrl(matrixId: string): string {
  return `${base(matrixId)}/events`;
}

export async function fetchChanges(matrixId: string, after: number, signal?: AbortSignal): Promise<ChangesFeedDto> {
  let res: Response;
  try {
    res = await fetch(`${base(matrixId)}/changes?after=${after}`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
      signal,
    });
  } catch {
    throw new LiveHttpError(0);
  }
  if (!res.ok) throw new LiveHttpError(res.status);
  return (await res.json()) as ChangesFeedDto;
}

export async function postPresence(matrixId: string, selection: PresenceSelection | null): Promise<void> {
  const res = await fetch(`${base(matrixId)}/presence`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ selection }),
    // Small and fire-and-forget: may outlive the page (a last selection change on leave).
    keepalive: true,
  });
  if (!res.ok) throw new LiveHttpError(res.status);
}
