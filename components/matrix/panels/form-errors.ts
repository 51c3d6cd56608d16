/**
 * Turning validation and save errors into what the dialogs show: one message per field
 * (keyed by the dotted path, like the server's `fields`) and a form-level message.
 */
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** The first message per field path, as lib/server/action.ts does for the server. */
export function fieldErrorsOf(error: z.ZodError, humanize?: (issue: z.core.$ZodIssue) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= humanize ? humanize(issue) : issue.message;
  }
  return out;
}

/** What a rejected save says: `ApiError`-like objects carry `.fields` and `.message`. */
export interface SaveErrors {
  message?: string;
  fields?: FieldErrors;
}

const FALLBACK = "Something went wrong. Nothing was saved; please try again.";

/**
 * Reads any rejection of `onSave` into messages for people. Field messages from the
 * server use the same keys as the form (the same zod schemas produce them); a message
 * without fields becomes the form message.
 */
export function saveErrorsOf(e: unknown): SaveErrors {
  if (typeof e !== "object" || e === null) return { message: FALLBACK };
  const raw = e as { message?: unknown; fields?: unknown };
  let fields: FieldErrors | undefined;
  if (typeof raw.fields === "object" && raw.fields !== null) {
    fields = {};
    for (const [k, v] of Object.entries(raw.fields)) if (typeof v === "string") fields[k] = v;
    if (Object.keys(fields).length === 0) fields = undefined;
  }
  const message = typeof raw.message === "string" && raw.message.trim() !== "" ? raw.message : undefined;
  if (fields) return { fields, message: message ?? "Check the highlighted fields." };
  return { message: message ?? FALLBACK };
}

/** Errors for keys the form does not show, folded into the form message so none is lost. */
export function unshownErrors(fields: FieldErrors | undefined, shown: readonly string[]): string | undefined {
  if (!fields) return undefined;
  const rest = Object.entries(fields)
    .filter(([k]) => !shown.includes(k))
    .map(([, v]) => v);
  return rest.length > 0 ? rest.join(" ") : undefined;
}

/**
 * The server validates a new column as `{ person: {...} }`, so its field errors come
 * back as "person.name"; the form's fields are "name". Returns a rejection-like object
 * with the prefix removed (other keys unchanged).
 */
export function withoutFieldPrefix(e: unknown, prefix: string): unknown {
  const errors = saveErrorsOf(e);
  if (!errors.fields) return e;
  const fields: FieldErrors = {};
  for (const [k, v] of Object.entries(errors.fields)) fields[k.startsWith(prefix) ? k.slice(prefix.length) : k] = v;
  return { message: errors.message, fields };
}
