import "server-only";
import type { z } from "zod";
import { searchParamsObject } from "@/lib/schemas/export";
import { fieldErrorsOf } from "@/lib/server/action";
import { AppError } from "@/lib/server/errors";
import { hasNul } from "@/lib/server/nul";

/**
 * Validates a request's query string with one strict schema (`repeatable` names the
 * parameters that may appear several times); a bad parameter is a 400 naming it.
 */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
  repeatable: readonly string[] = [],
): z.output<S> {
  const params = new URL(request.url).searchParams;
  if (hasNul([...params.entries()])) {
    throw new AppError("INVALID_INPUT", "Parameters may not contain NUL (U+0000) characters.");
  }
  const parsed = schema.safeParse(searchParamsObject(params, repeatable));
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const unknown = parsed.error.issues.find((i) => i.code === "unrecognized_keys");
    const message =
      unknown && "keys" in unknown
        ? `Unknown parameter: ${(unknown.keys as string[]).join(", ")}.`
        : "Some parameters are not valid.";
    throw new AppError("INVALID_INPUT", message, { fields });
  }
  return parsed.data;
}
