/**
 * The workshop endpoints, from the browser (docs/workshops.md): same-origin JSON with the
 * session cookie; a non-2xx answer is an ApiError with the body's code and message.
 */
import { apiRequest } from "@/lib/query/api-client";
import type { WorkshopStateDto, WorkshopSummaryDto, WorkshopSummaryRefDto } from "@/lib/matrix/workshop-dto";
import type { WorkshopAction } from "@/lib/schemas/workshop";
import type { Letters } from "@/lib/raci/types";

/** Same-origin JSON with the session cookie (lib/query/api-client). */
const call = apiRequest;

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
