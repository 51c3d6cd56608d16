"use client";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/query/api-client";
import type { ImportPreview } from "@/lib/raci/import/types";
import { previewImport, type ImportInput } from "./import-api";

export type PreviewState =
  | { status: "idle" }
  | { status: "loading"; previous: ImportPreview | null }
  | { status: "ready"; preview: ImportPreview }
  | { status: "failed"; message: string };

/**
 * The server's preview of what the person pasted or chose, refreshed as they type
 * (debounced; a newer request aborts the older one, so a slow answer never replaces a
 * newer one).
 */
export function useImportPreview(teamId: string, input: ImportInput | null, delayMs = 350): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const last = useRef<ImportPreview | null>(null);

  useEffect(() => {
    if (!input) return;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        setState({ status: "loading", previous: last.current });
        previewImport(teamId, input, controller.signal).then(
          (preview) => {
            last.current = preview;
            setState({ status: "ready", preview });
          },
          (e: unknown) => {
            if (e instanceof DOMException && e.name === "AbortError") return;
            setState({ status: "failed", message: errorMessage(e) });
          },
        );
      },
      input.kind === "file" ? 0 : delayMs,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [teamId, input, delayMs]);

  return input ? state : { status: "idle" };
}
