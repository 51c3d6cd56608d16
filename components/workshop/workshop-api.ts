/**
 * The workshop endpoints, from the browser (docs/workshops.md): same-origin JSON with the
 * session cookie; a non-2xx answer is an ApiError with the body's code and message.
 */
import { ApiError, toApiError } from "@/lib/query/api-client";
import type { WorkshopStateDto, WorkshopSummaryDto, WorkshopSummaryRefDto } from "@/lib/matrix/workshop-dto";
import type { WorkshopAction } from "@/lib/schemas/workshop";
import type { Letters } from "@/lib/raci/types";

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", "Could not reach Remit. Check your connection and try again.");
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw toApiError(res.status, json);
  return json as T;
}

const enc = encodeURIComponent;

export const workshopApi = {
  forMatrix: (matrixId: string, signal?: AbortSignal) =>
    call<{ active: WorkshopSummaryRefDto | null; workshops: WorkshopSummaryRefDto[] }>(
      "GET",
      `/matrices/${enc(matrixId)}/workshops`,
      undefined,
      signal,
    ),
  start: (matrixId: string, input: { name?: string; timerSeconds?: number | null }) =>
    call<{ workshop: WorkshopStateDto }>("POST", `/matrices/${enc(matrixId)}/workshops`, input),
  get: (workshopId: string, signal?: AbortSignal) =>
    call<{ workshop: WorkshopStateDto }>("GET", `/workshops/${enc(workshopId)}`, undefined, signal),
  join: (code: string) =>
    call<{ workshop: { workshopId: string; teamSlug: string; status: "active" | "ended" } }>(
      "POST",
      "/workshops/join",
      {
        code,
      },
    ),
  heartbeat: (workshopId: string) => call<null>("POST", `/workshops/${enc(workshopId)}/heartbeat`),
  vote: (
    workshopId: string,
    vote: { itemId: string; letters: Record<string, Letters> } | { itemId: string; skipped: true },
  ) => call<{ version: number }>("PUT", `/workshops/${enc(workshopId)}/votes`, vote),
  act: (workshopId: string, action: WorkshopAction) =>
    call<{ version: number }>("POST", `/workshops/${enc(workshopId)}/actions`, action),
  summary: (workshopId: string, signal?: AbortSignal) =>
    call<{ summary: WorkshopSummaryDto }>("GET", `/workshops/${enc(workshopId)}/summary`, undefined, signal),
};

export function workshopEventsUrl(workshopId: string): string {
  return `/api/v1/workshops/${enc(workshopId)}/events`;
}
