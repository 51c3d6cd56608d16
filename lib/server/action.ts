import "server-only";
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import type { z } from "zod";
import { isAppError } from "@/lib/server/errors";
import { requireUser, type CurrentUser } from "@/lib/server/session";
import { logger } from "@/lib/server/logger";
import { hasNul } from "@/lib/server/nul";
import type { FormState } from "@/lib/form-state";

export type { FormState } from "@/lib/form-state";

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && key !== "password") values[key] = value;
  }
  return values;
}

/** First message per field from a zod error. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

type Handler<T, U> = (data: T, user: U, formData: FormData) => Promise<FormState | void>;

function run<T>(
  schema: z.ZodType<T>,
  formData: FormData,
  body: (data: T) => Promise<FormState | void>,
): Promise<FormState> {
  const values = formValues(formData);
  if (hasNul(values)) {
    // PostgreSQL cannot store U+0000 (lib/server/nul.ts): refuse it here, on both databases.
    return Promise.resolve({ message: "Text may not contain NUL (U+0000) characters.", values: {} });
  }
  const parsed = schema.safeParse(
    Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION"))),
  );
  if (!parsed.success) {
    return Promise.resolve({
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
      message: "Check the highlighted fields.",
    });
  }
  return body(parsed.data).then(
    (result) => result ?? { ok: true },
    async (e: unknown) => {
      unstable_rethrow(e);
      if (isAppError(e)) {
        // Field problems are shown at the field; the form-level line only points there.
        return e.fields
          ? { message: "Check the highlighted fields.", fieldErrors: e.fields, values }
          : { message: e.message, values };
      }
      // The id the proxy gave this request (app pages), to find it among the logs.
      const requestId = (await headers().catch(() => null))?.get(REQUEST_ID_HEADER) ?? undefined;
      logger.error("action failed", { err: e, requestId });
      return { message: "Something went wrong on our side. Nothing was saved; please try again.", values };
    },
  );
}

/**
 * A public form action (sign-up, sign-in): parse the form with one zod schema, run the
 * handler, turn coded errors into field messages.
 */
export function publicFormAction<T>(schema: z.ZodType<T>, handler: Handler<T, null>) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> =>
    run(schema, formData, (data) => handler(data, null, formData));
}

/** A form action for a signed-in user: the session is checked here, by the action itself. */
export function userFormAction<T>(schema: z.ZodType<T>, handler: Handler<T, CurrentUser>) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    let user: CurrentUser;
    try {
      user = await requireUser();
    } catch (e) {
      if (isAppError(e)) return { message: e.message };
      throw e;
    }
    return run(schema, formData, (data) => handler(data, user, formData));
  };
}
