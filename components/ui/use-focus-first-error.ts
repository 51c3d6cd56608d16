"use client";
import { useEffect, type RefObject } from "react";

/** After a refused submit, move focus to the first invalid field of the form. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, trigger: unknown) {
  useEffect(() => {
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    invalid?.focus();
  }, [formRef, trigger]);
}
