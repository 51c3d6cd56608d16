/**
 * Client calls of POST /api/v1/teams/{teamId}/matrices/import (docs/api-v1.md): the
 * preview (`?preview=1`, nothing saved) and the save. Both send the same body.
 */
import { ApiError, toApiError } from "@/lib/query/api-client";
import type { FindingsSummary } from "@/lib/raci/findings";
import type { ImportIssue, ImportPreview } from "@/lib/raci/import/types";
import type { Finding } from "@/lib/raci/types";

export type PasteFormat = "auto" | "markdown" | "tsv" | "csv";

/** What the person gave: pasted text (with a format choice) or a file. */
export type ImportInput = { kind: "text"; text: string; format: PasteFormat } | { kind: "file"; file: File };

export interface SavedImport {
  matrix: { id: string; name: string; teamSlug: string };
  findings: Finding[];
  summary: FindingsSummary;
  issues: ImportIssue[];
}

function body(input: ImportInput): FormData {
  const form = new FormData();
  if (input.kind === "file") form.append("file", input.file);
  else form.append("text", input.text);
  return form;
}

async function post<T>(url: string, input: ImportInput, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      body: body(input),
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", "Could not reach Remit. Check your connection; nothing was imported.");
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) throw toApiError(res.status, json);
  return json as T;
}

function importUrl(teamId: string, params: Record<string, string>): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/matrices/import?${new URLSearchParams(params).toString()}`;
}

/** Reads and checks the table; saves nothing. */
export async function previewImport(teamId: string, input: ImportInput, signal?: AbortSignal): Promise<ImportPreview> {
  const params: Record<string, string> = { preview: "1" };
  if (input.kind === "text" && input.format !== "auto") params.format = input.format;
  const { preview } = await post<{ preview: ImportPreview }>(importUrl(teamId, params), input, signal);
  return preview;
}

/** Creates the matrix (one transaction on the server). */
export function saveImport(teamId: string, input: ImportInput, name: string): Promise<SavedImport> {
  const params: Record<string, string> = { name };
  if (input.kind === "text" && input.format !== "auto") params.format = input.format;
  return post<SavedImport>(importUrl(teamId, params), input);
}
