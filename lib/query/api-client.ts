/**
 * Typed fetch wrappers for every /api/v1 endpoint (docs/api-v1.md). Same-origin, JSON,
 * cookie session. A non-2xx answer becomes an {@link ApiError} carrying the status and
 * the body's `{ error: { code, message, fields?, details? } }`.
 */
import type { ColumnDto, MatrixDto, RowDto } from "@/lib/matrix/dto";
import type { Domain, Finding, Letters, RaciSettings, RoleKind } from "@/lib/raci/types";
import type { FindingsSummary } from "@/lib/raci/findings";

/** Error codes of the API (see lib/server/errors.ts), plus the client's own NETWORK. */
export type ApiErrorCode =
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "ALREADY_EXISTS"
  | "RATE_LIMITED"
  | "TOO_LARGE"
  | "INTERNAL"
  /** The request never got an answer (offline, DNS, aborted). */
  | "NETWORK"
  /** The server answered something that is not the documented JSON. */
  | "BAD_RESPONSE";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode | (string & {});
  readonly fields?: Record<string, string>;
  readonly details?: unknown;

  constructor(
    status: number,
    code: ApiErrorCode | (string & {}),
    message: string,
    extra: { fields?: Record<string, string>; details?: unknown } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = extra.fields;
    this.details = extra.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A message fit for a person, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return "Something went wrong. Nothing was changed.";
}

// ---- Wire types not already in lib/matrix/dto.ts.

export interface TeamSummary {
  id: string;
  slug: string;
  name: string;
  role: "owner" | "manager" | "member" | "viewer";
}

export interface MatrixSummary {
  id: string;
  name: string;
  description: string;
  updatedAt: string;
  rowCount: number;
  columnCount: number;
}

export interface TemplateSummary {
  id: string;
  name: string;
  summary: string;
  rowCount: number;
  columnCount: number;
}

export interface PersonDto {
  id: string;
  name: string;
  roleTitle: string;
  roleKinds: RoleKind[];
  kindsManual: boolean;
  isVacant: boolean;
  codingShare: number | null;
  userId: string | null;
  version: number;
}

export interface PersonInput {
  name: string;
  roleTitle?: string;
  roleKinds?: RoleKind[];
  kindsManual?: boolean;
  isVacant?: boolean;
  codingShare?: number | null;
}

export type PersonPatch = Partial<PersonInput> & { version: number };

export interface CellWrite {
  responsibilityId: string;
  personId: string;
  letters: Letters;
  version: number;
}

export interface CellResult {
  responsibilityId: string;
  personId: string;
  letters: Letters;
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

export interface MatrixPatch {
  name?: string;
  description?: string;
  settings?: RaciSettings;
  version: number;
}

export interface MatrixHeader {
  id: string;
  name: string;
  description: string;
  settings: RaciSettings;
  version: number;
}

export interface RowInput {
  title: string;
  description?: string;
  category?: string;
  domain?: Domain | null;
  /** Insert after this row; null or absent = at the end. */
  afterId?: string | null;
}

export interface RowPatch {
  title?: string;
  description?: string;
  category?: string;
  domain?: Domain | null;
  /** Move after this row; null = to the top. */
  afterId?: string | null;
  version: number;
}

export type AddColumnInput = ({ personId: string } | { person: PersonInput }) & { afterId?: string | null };

// ---- Transport.

const BASE = "/api/v1";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Reads `{ error: {...} }` out of a failed response; tolerant of any body. */
export function toApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof err?.code === "string" ? err.code : status >= 500 ? "INTERNAL" : "BAD_RESPONSE";
  const message =
    typeof err?.message === "string" && err.message
      ? err.message
      : status >= 500
        ? "Something went wrong on our side. Nothing was changed."
        : `The request failed (${status}).`;
  const fields = isRecord(err?.fields) ? (err.fields as Record<string, string>) : undefined;
  return new ApiError(status, code, message, { fields, details: err?.details });
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, {
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
    throw new ApiError(0, "NETWORK", "Could not reach Remit. Check your connection; nothing was changed.");
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      if (res.ok) throw new ApiError(res.status, "BAD_RESPONSE", "The server sent an unreadable answer.");
    }
  }
  if (!res.ok) throw toApiError(res.status, json);
  return json as T;
}

/** The transport, for endpoint groups kept in their own files (lib/query/history-api.ts). */
export { request as apiRequest };

const enc = encodeURIComponent;

/** Every endpoint of docs/api-v1.md. */
export const api = {
  // Teams
  listTeams: (signal?: AbortSignal) => request<{ teams: TeamSummary[] }>("GET", "/teams", undefined, signal),
  listMatrices: (teamId: string, signal?: AbortSignal) =>
    request<{ matrices: MatrixSummary[] }>("GET", `/teams/${enc(teamId)}/matrices`, undefined, signal),
  createMatrix: (teamId: string, input: { name: string; description?: string; template?: string }) =>
    request<{ matrix: { id: string; name: string } }>("POST", `/teams/${enc(teamId)}/matrices`, input),
  listTemplates: (signal?: AbortSignal) =>
    request<{ templates: TemplateSummary[] }>("GET", "/templates", undefined, signal),

  // People
  listPeople: (teamId: string, signal?: AbortSignal) =>
    request<{ people: PersonDto[] }>("GET", `/teams/${enc(teamId)}/people`, undefined, signal),
  createPerson: (teamId: string, input: PersonInput) =>
    request<{ person: PersonDto }>("POST", `/teams/${enc(teamId)}/people`, input),
  updatePerson: (personId: string, patch: PersonPatch) =>
    request<{ person: PersonDto }>("PATCH", `/people/${enc(personId)}`, patch),

  // Matrices
  getMatrix: (matrixId: string, signal?: AbortSignal) =>
    request<MatrixDto>("GET", `/matrices/${enc(matrixId)}`, undefined, signal),
  updateMatrix: (matrixId: string, patch: MatrixPatch) =>
    request<{ matrix: MatrixHeader }>("PATCH", `/matrices/${enc(matrixId)}`, patch),
  deleteMatrix: (matrixId: string) => request<{ ok: true }>("DELETE", `/matrices/${enc(matrixId)}`),
  getFindings: (matrixId: string, signal?: AbortSignal) =>
    request<{ findings: Finding[]; summary: FindingsSummary }>(
      "GET",
      `/matrices/${enc(matrixId)}/findings`,
      undefined,
      signal,
    ),

  // Cells
  putCell: (matrixId: string, cell: CellWrite) =>
    request<{ cells: CellResult[]; changeId: number }>("PUT", `/matrices/${enc(matrixId)}/cells`, cell),
  putCells: (matrixId: string, cells: CellWrite[], origin?: "fix") =>
    request<{ cells: CellResult[]; changeId: number }>(
      "PUT",
      `/matrices/${enc(matrixId)}/cells`,
      // One cell travels in the single form: smaller, and the documented common case.
      origin ? { cells, origin } : cells.length === 1 ? cells[0] : { cells },
    ),

  // Rows
  createRow: (matrixId: string, input: RowInput) =>
    request<{ row: RowDto }>("POST", `/matrices/${enc(matrixId)}/rows`, input),
  updateRow: (matrixId: string, rowId: string, patch: RowPatch) =>
    request<{ row: RowDto }>("PATCH", `/matrices/${enc(matrixId)}/rows/${enc(rowId)}`, patch),
  deleteRow: (matrixId: string, rowId: string) =>
    request<{ ok: true }>("DELETE", `/matrices/${enc(matrixId)}/rows/${enc(rowId)}`),
  restoreRow: (matrixId: string, rowId: string) =>
    request<{ row: RowDto }>("POST", `/matrices/${enc(matrixId)}/rows/${enc(rowId)}/restore`),

  // Columns
  addColumn: (matrixId: string, input: AddColumnInput) =>
    request<{ column: ColumnDto }>("POST", `/matrices/${enc(matrixId)}/columns`, input),
  moveColumn: (matrixId: string, columnId: string, move: { afterId: string | null; version: number }) =>
    request<{ column: ColumnDto }>("PATCH", `/matrices/${enc(matrixId)}/columns/${enc(columnId)}`, move),
  deleteColumn: (matrixId: string, columnId: string) =>
    request<{ ok: true }>("DELETE", `/matrices/${enc(matrixId)}/columns/${enc(columnId)}`),
  restoreColumn: (matrixId: string, columnId: string) =>
    request<{ column: ColumnDto }>("POST", `/matrices/${enc(matrixId)}/columns/${enc(columnId)}/restore`),
} as const;

/** The `details.cells` of a cell CONFLICT, or [] when the body is not the documented one. */
export function conflictCells(e: unknown): CellResult[] {
  if (!isApiError(e) || e.status !== 409) return [];
  const d = e.details;
  if (!isRecord(d) || !Array.isArray(d.cells)) return [];
  return d.cells.filter(
    (c): c is CellResult =>
      isRecord(c) &&
      typeof c.responsibilityId === "string" &&
      typeof c.personId === "string" &&
      typeof c.letters === "string" &&
      typeof c.version === "number",
  );
}
