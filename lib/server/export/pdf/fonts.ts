import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { woffToSfnt } from "./woff";

/**
 * The PDF's typefaces. Noto Sans covers Latin (all of Europe, Vietnamese), Greek and
 * Cyrillic; Noto Sans SC covers Chinese and Japanese Kana. Text falls back per
 * character from the first to the second. See fonts/README.md for the files' origin.
 */
export type FaceName = "regular" | "bold" | "cjk";

const FILES: Readonly<Record<FaceName, string>> = {
  regular: "NotoSans-Regular.ttf",
  bold: "NotoSans-Bold.ttf",
  cjk: "NotoSansSC-Regular.woff",
};

/** Fallbacks tried, in order, for a character the main face lacks. */
export const FALLBACKS: readonly FaceName[] = ["cjk"];

// Parsed once per process: reading and parsing the files costs more than a whole
// small PDF. fontkit fonts are read-only once parsed, and pdfkit keeps what it changes
// (the subset, the layout cache) per document, so documents can share them.
const faces = new Map<FaceName, fontkit.Font>();

/** The parsed font of a face (read from disk on first use). */
export function face(name: FaceName): fontkit.Font {
  let font = faces.get(name);
  if (!font) {
    const file = FILES[name];
    // Spelled out in full so that the build traces exactly this folder into the server output.
    const bytes = readFileSync(path.join(process.cwd(), "lib", "server", "export", "fonts", file));
    font = fontkit.create(file.endsWith(".woff") ? woffToSfnt(bytes) : bytes);
    faces.set(name, font);
  }
  return font;
}

// Which face draws a code point the main faces lack; shared by all documents.
const fallbackByCodePoint = new Map<number, FaceName | null>();

/** The fallback face that has a glyph for `codePoint`, or null when none has. */
export function fallbackFor(codePoint: number): FaceName | null {
  const known = fallbackByCodePoint.get(codePoint);
  if (known !== undefined) return known;
  let found: FaceName | null = null;
  for (const name of FALLBACKS) {
    if (face(name).hasGlyphForCodePoint(codePoint)) {
      found = name;
      break;
    }
  }
  // Bounded: at most one entry per distinct character ever seen outside Noto Sans.
  if (fallbackByCodePoint.size < 50_000) fallbackByCodePoint.set(codePoint, found);
  return found;
}
