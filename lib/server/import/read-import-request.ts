import "server-only";
import { formatBytes, IMPORT_LIMITS } from "@/lib/raci/import";
import { importFormSchema, type ImportQuery } from "@/lib/schemas/import";
import { AppError } from "@/lib/server/errors";

/** What was sent: text to detect and read, or the bytes of a workbook. */
export type ImportSource =
  | { kind: "text"; text: string; format: "auto" | "csv" | "tsv" | "markdown"; fileName?: string; name?: string }
  | { kind: "xlsx"; bytes: Buffer; fileName?: string; name?: string };

// A multipart body carries the file plus a few hundred bytes of framing.
const MAX_BODY = IMPORT_LIMITS.maxFileBytes + 64 * 1024;

const TEXT_TYPES: Readonly<Record<string, "auto" | "csv" | "tsv" | "markdown">> = {
  "text/csv": "csv",
  "application/csv": "csv",
  "text/tab-separated-values": "tsv",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "auto",
};
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function tooLarge(): AppError {
  return new AppError(
    "TOO_LARGE",
    `The upload is larger than ${formatBytes(IMPORT_LIMITS.maxFileBytes)}, the most an import takes.`,
  );
}

/** Reads the body without ever holding more than the limit. */
async function readBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Bytes to text: UTF-8 (a BOM is dropped), UTF-16 when it starts with a UTF-16 BOM
 * (Excel's "Unicode text"), and Windows-1252 when the bytes are not UTF-8 (CSV saved
 * by an older Excel): liberal in what is accepted.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes…); some
// Node builds decode it as Latin-1, so the table is here.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function formatFromFileName(fileName: string | undefined): "auto" | "csv" | "tsv" | "markdown" {
  const ext = fileName?.toLowerCase().split(".").pop();
  if (ext === "csv") return "csv";
  if (ext === "tsv" || ext === "tab") return "tsv";
  if (ext === "md" || ext === "markdown") return "markdown";
  return "auto";
}

/** "Team RACI.xlsx" → "Team RACI": the default matrix name of an upload. */
export function nameFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]+$/, "")
    .replace(/[_]+/g, " ")
    .trim();
  return base ? base.slice(0, IMPORT_LIMITS.maxMatrixNameLength) : undefined;
}

function fromBytes(
  bytes: Buffer,
  query: ImportQuery,
  fileName: string | undefined,
  name: string | undefined,
  declared: "auto" | "csv" | "tsv" | "markdown",
): ImportSource {
  if (isOldExcel(bytes)) {
    throw new AppError("INVALID_INPUT", "This is an old Excel file (.xls). Save it as .xlsx or CSV and import that.", {
      fields: { file: "Use .xlsx, .csv, .tsv, .md or text." },
    });
  }
  const wantsXlsx = query.format === "xlsx";
  if (isZip(bytes) || wantsXlsx) {
    if (!isZip(bytes))
      throw new AppError("INVALID_INPUT", "This is not an Excel (.xlsx) file.", {
        fields: { file: "Choose an .xlsx file, or another format." },
      });
    return { kind: "xlsx", bytes, fileName, name };
  }
  if (bytes.length > IMPORT_LIMITS.maxTextBytes) {
    throw new AppError(
      "TOO_LARGE",
      `The text is larger than ${formatBytes(IMPORT_LIMITS.maxTextBytes)}, the most an import takes.`,
    );
  }
  const forced = query.format === "auto" || query.format === "xlsx" ? undefined : query.format;
  const chosen = forced ?? (declared !== "auto" ? declared : formatFromFileName(fileName));
  return { kind: "text", text: decodeText(bytes), format: chosen, fileName, name };
}

/**
 * The import's input, from a multipart form (`file` or `text`, optional `name`) or from
 * a raw body (text types, or an .xlsx). Bounded in size; anything else is a clear 400.
 */
export async function readImportRequest(request: Request, query: ImportQuery): Promise<ImportSource> {
  // The multipart boundary is case-sensitive: only the media type is lower-cased.
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const body = await readBody(request);

  if (mediaType === "multipart/form-data") {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new AppError("INVALID_INPUT", "The upload could not be read as a form.");
    }
    const file = form.get("file");
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (key === "file") continue;
      if (typeof value !== "string")
        throw new AppError("INVALID_INPUT", `Unexpected file in field “${key}”.`, {
          fields: { [key]: "Send the file as “file”." },
        });
      fields[key] = value;
    }
    const parsed = importFormSchema.safeParse(fields);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".") || "form";
        fieldErrors[key] ??= issue.code === "unrecognized_keys" ? "Unknown field." : issue.message;
      }
      throw new AppError("INVALID_INPUT", `Some fields are not valid: ${Object.keys(fieldErrors).join(", ")}.`, {
        fields: fieldErrors,
      });
    }
    const name = query.name ?? parsed.data.name;
    if (file instanceof File) {
      if (file.size > IMPORT_LIMITS.maxFileBytes) throw tooLarge();
      const bytes = Buffer.from(await file.arrayBuffer());
      const declared = TEXT_TYPES[file.type.toLowerCase()] ?? "auto";
      return fromBytes(bytes, query, file.name || undefined, name, declared);
    }
    if (typeof parsed.data.text === "string") {
      return fromBytes(Buffer.from(parsed.data.text, "utf8"), query, undefined, name, "auto");
    }
    throw new AppError("INVALID_INPUT", "Send a file (field “file”) or pasted text (field “text”).", {
      fields: { file: "Choose a file or paste a table." },
    });
  }

  if (
    mediaType === XLSX_TYPE ||
    mediaType === "application/octet-stream" ||
    TEXT_TYPES[mediaType] !== undefined ||
    mediaType === ""
  ) {
    return fromBytes(body, query, undefined, query.name, TEXT_TYPES[mediaType] ?? "auto");
  }
  throw new AppError(
    "INVALID_INPUT",
    `Unsupported content type “${mediaType}”: send multipart/form-data, text/csv, text/tab-separated-values, text/markdown, text/plain or an .xlsx file.`,
  );
}
