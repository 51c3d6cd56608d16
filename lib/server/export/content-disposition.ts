import "server-only";

// Characters no file system or browser download takes in a name, and controls.
const UNSAFE = /[\u0000-\u001f\u007f"*/:<>?\\|]/gu;

/** A file name for a download: the matrix name, made safe, with a date and an extension. */
export function downloadName(base: string, date: string, extension: string): string {
  const clean = base.replace(UNSAFE, " ").replace(/\s+/gu, " ").trim().slice(0, 100).trim() || "matrix";
  return `${clean} ${date}.${extension}`;
}

/** RFC 5987 `ext-value` encoding: UTF-8, percent-encoded, attr-chars left as they are. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Plain-ASCII stand-in for old clients: accents dropped, everything else outside ASCII becomes "_". */
function asciiFallback(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[^\u0020-\u007e]/gu, "_")
    .replace(/["\\%;]/g, "_");
}

/**
 * `Content-Disposition: attachment` with both forms of the name (RFC 6266): an ASCII
 * `filename` and the exact UTF-8 `filename*` (RFC 5987), so "Zoë's 平台 matrix"
 * downloads under its own name and nothing in it can break the header.
 */
export function attachmentHeader(filename: string): string {
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
