"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { menuItemClasses } from "@/components/ui/disclosure-menu";
import { Select } from "@/components/ui/select";
import { Checkbox } from "@/components/ui/checkbox";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** What the grid shows; the export writes the same rows and columns. Empty lists do not filter. */
export interface ExportMenuFilter {
  categories?: readonly string[];
  /** "SYSTEM", "PEOPLE", "SHARED" (any case), or null / "none" for rows without a domain. */
  domains?: readonly (string | null)[];
  /** Column ids (or person ids) of the shown columns. */
  columnIds?: readonly string[];
  onlyWithFindings?: boolean;
  /** The grid's title search, if any. */
  query?: string;
}

type Paper = "a4" | "letter";
type Orientation = "auto" | "portrait" | "landscape";
type Format = "pdf" | "csv" | "xlsx";

// Letter paper is the norm in the US, Canada, Mexico and a few others.
const LETTER_REGIONS = new Set(["US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"]);
const noSubscribe = () => () => {};

function localePaper(): Paper {
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    return region && LETTER_REGIONS.has(region) ? "letter" : "a4";
  } catch {
    return "a4";
  }
}

function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

function isFiltered(f: ExportMenuFilter | undefined): boolean {
  return Boolean(
    f &&
    ((f.categories?.length ?? 0) > 0 ||
      (f.domains?.length ?? 0) > 0 ||
      (f.columnIds?.length ?? 0) > 0 ||
      f.onlyWithFindings ||
      f.query?.trim()),
  );
}

/** The export URL for a format; the parameters are lib/schemas/export.ts's. */
export function exportUrl(
  matrixId: string,
  format: Format,
  filter: ExportMenuFilter | undefined,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const c of filter?.categories ?? []) params.append("category", c);
  for (const d of filter?.domains ?? []) params.append("domain", d === null || d === "" ? "none" : d.toLowerCase());
  for (const id of filter?.columnIds ?? []) params.append("column", id);
  if (filter?.onlyWithFindings) params.set("onlyWithFindings", "1");
  if (filter?.query?.trim()) params.set("q", filter.query.trim());
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const qs = params.toString();
  return `/api/v1/matrices/${encodeURIComponent(matrixId)}/export.${format}${qs ? `?${qs}` : ""}`;
}

/** The file name from Content-Disposition (RFC 5987 form first), or a fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      /* fall through */
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * The Export menu's panel: the matrix as PDF (paper, orientation, findings), CSV or
 * Excel. Downloads are links (they can be copied or opened in a new tab); a plain click
 * fetches instead, so that a failure shows here rather than as a broken file.
 */
export function ExportPanel({ matrixId, filter }: { matrixId: string; filter?: ExportMenuFilter }) {
  const id = useId();
  const defaultPaper = useSyncExternalStore(noSubscribe, localePaper, () => "a4" as Paper);
  const tz = useSyncExternalStore(noSubscribe, localTimeZone, () => "UTC");
  const [paperChoice, setPaper] = useState<Paper | null>(null);
  const [orientation, setOrientation] = useState<Orientation>("auto");
  const [includeFindings, setIncludeFindings] = useState(true);
  const [busy, setBusy] = useState<Format | null>(null);
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const paper = paperChoice ?? defaultPaper;
  const filtered = isFiltered(filter);

  const urls: Record<Format, string> = {
    pdf: exportUrl(matrixId, "pdf", filter, { paper, orientation, includeFindings: includeFindings ? "1" : "0", tz }),
    csv: exportUrl(matrixId, "csv", filter),
    xlsx: exportUrl(matrixId, "xlsx", filter),
  };

  async function download(format: Format, e: React.MouseEvent<HTMLAnchorElement>) {
    // Let modified clicks (new tab, save link as…) do what the browser does.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    e.stopPropagation();
    if (busy) return;
    setBusy(format);
    setStatus({ tone: "info", text: `Preparing the ${format.toUpperCase()}…` });
    try {
      const res = await fetch(urls[format], { credentials: "same-origin", cache: "no-store" });
      if (!res.ok) {
        let message = `The export failed (${res.status}).`;
        try {
          const body = (await res.json()) as { error?: { message?: string } };
          if (body.error?.message) message = body.error.message;
        } catch {
          /* not JSON */
        }
        setStatus({ tone: "error", text: message });
        return;
      }
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = href;
      a.download = fileNameOf(res, `matrix.${format}`);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setStatus({ tone: "info", text: `Downloaded ${a.download}.` });
    } catch {
      setStatus({ tone: "error", text: "Could not reach Remit. Check your connection and try again." });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="w-72 space-y-3 p-2">
      {filtered ? (
        <p className="rounded-md bg-accent-50 px-2.5 py-1.5 text-xs text-accent-700 dark:bg-accent-700/20 dark:text-accent-100">
          Filters are on: the export holds what the grid shows.
        </p>
      ) : null}
      <fieldset className="space-y-2.5">
        <legend className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          PDF
        </legend>
        <div className="grid grid-cols-2 gap-2">
          <Select id={`${id}-paper`} label="Paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
            <option value="a4">A4</option>
            <option value="letter">Letter</option>
          </Select>
          <Select
            id={`${id}-orientation`}
            label="Orientation"
            value={orientation}
            onChange={(e) => setOrientation(e.target.value as Orientation)}
          >
            <option value="auto">Automatic</option>
            <option value="portrait">Portrait</option>
            <option value="landscape">Landscape</option>
          </Select>
        </div>
        <Checkbox
          id={`${id}-findings`}
          label="Include findings"
          description="A summary page of the gaps and conflicts, and markers on the rows."
          checked={includeFindings}
          onChange={(e) => setIncludeFindings(e.target.checked)}
        />
        <a
          href={urls.pdf}
          download
          onClick={(e) => void download("pdf", e)}
          aria-busy={busy === "pdf" || undefined}
          className={buttonClasses("primary", "sm", "w-full")}
        >
          {busy === "pdf" ? "Preparing PDF…" : "Download PDF"}
        </a>
      </fieldset>
      <div className="space-y-1 border-t border-slate-200 pt-2 dark:border-slate-700">
        <p className="px-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Spreadsheet
        </p>
        <a
          href={urls.csv}
          download
          onClick={(e) => void download("csv", e)}
          aria-busy={busy === "csv" || undefined}
          className={menuItemClasses}
        >
          {busy === "csv" ? "Preparing CSV…" : "Download CSV"}
        </a>
        <a
          href={urls.xlsx}
          download
          onClick={(e) => void download("xlsx", e)}
          aria-busy={busy === "xlsx" || undefined}
          className={menuItemClasses}
        >
          {busy === "xlsx" ? "Preparing Excel file…" : "Download Excel (XLSX)"}
        </a>
      </div>
      <p
        aria-live="polite"
        role={status?.tone === "error" ? "alert" : undefined}
        className={cn(
          "min-h-4 px-1 text-xs",
          status?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-slate-500 dark:text-slate-400",
        )}
      >
        {status?.text ?? ""}
      </p>
    </div>
  );
}
