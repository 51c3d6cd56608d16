"use client";
import dynamic from "next/dynamic";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
import type { ExportMenuFilter } from "./export-panel";

export type { ExportMenuFilter } from "./export-panel";

// The panel (its options, URLs and download handling) loads when someone points at or
// focuses the button, or at the latest when the menu first opens.
const loadPanel = () => import("./export-panel");
const ExportPanel = dynamic(() => import("./export-panel").then((m) => m.ExportPanel), {
  ssr: false,
  loading: () => <p className="w-72 p-3 text-sm text-slate-500 dark:text-slate-400">Loading…</p>,
});

/** "Export": the matrix as PDF, CSV or Excel, holding what the grid shows. */
export function ExportMenu({ matrixId, filter }: { matrixId: string; filter?: ExportMenuFilter }) {
  return (
    <DisclosureMenu
      label="Export"
      align="right"
      mountOnOpen
      onIntent={() => void loadPanel()}
      buttonContent={
        <>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M10 3a1 1 0 0 1 1 1v7.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V4a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
          </svg>
          <span>Export</span>
        </>
      }
    >
      <ExportPanel matrixId={matrixId} filter={filter} />
    </DisclosureMenu>
  );
}
