"use client";
import { useCallback, useState } from "react";
import { saveErrorsOf, unshownErrors, type FieldErrors } from "./form-errors";

/**
 * The save loop every editor dialog shares: validate, call the owner's save, and on a
 * rejection show its `fields` and `message` while keeping what was typed. `attempt`
 * changes on every refused submit: pass it to useFocusFirstError.
 */
export function useDialogSave(shownFields: readonly string[]) {
  const [isSaving, setIsSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  const refuse = useCallback(
    (fields: FieldErrors, formMessage = "Check the highlighted fields.") => {
      setErrors(fields);
      setMessage(unshownErrors(fields, shownFields) ?? formMessage);
      setAttempt((n) => n + 1);
    },
    [shownFields],
  );

  /** Runs `save`; resolves true when it succeeded. */
  const run = useCallback(
    async (save: () => Promise<void>): Promise<boolean> => {
      setIsSaving(true);
      setMessage(undefined);
      try {
        await save();
        setErrors({});
        return true;
      } catch (e) {
        const { fields, message: m } = saveErrorsOf(e);
        setErrors(fields ?? {});
        setMessage([m, unshownErrors(fields, shownFields)].filter(Boolean).join(" ") || undefined);
        setAttempt((n) => n + 1);
        return false;
      } finally {
        setIsSaving(false);
      }
    },
    [shownFields],
  );

  return { isSaving, errors, message, attempt, refuse, run };
}
