import "server-only";
import { face, type FaceName } from "./fonts";

/**
 * A run of text laid out by fontkit (kerning, ligatures), in PDF text-space units
 * (1/1000 of the font size). Shaping is the costly part of drawing text, and its result
 * depends only on the face and the text, so it is kept for the whole process.
 */
export interface Shaping {
  /** Advance of the whole run at a font size of 1 pt. */
  width: number;
  glyphIds: number[];
  /** Each glyph's own advance. */
  advances: number[];
  /** Kerning after each glyph: laid-out advance minus the glyph's own. */
  kerning: number[];
  codePoints: number[][];
  /** True when a glyph is shifted (combining marks that did not compose). */
  hasOffsets: boolean;
}

const MAX_ENTRIES = 50_000;
const cache = new Map<string, Shaping>();

/** The shaping of `text` in `name`, computed once per process (bounded). */
export function shape(name: FaceName, text: string): Shaping {
  const key = `${name}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const font = face(name);
  const scale = 1000 / font.unitsPerEm;
  const run = font.layout(text);
  const n = run.glyphs.length;
  const s: Shaping = {
    width: run.advanceWidth / font.unitsPerEm,
    glyphIds: new Array(n),
    advances: new Array(n),
    kerning: new Array(n),
    codePoints: new Array(n),
    hasOffsets: false,
  };
  for (let i = 0; i < n; i++) {
    const g = run.glyphs[i]!;
    const p = run.positions[i]!;
    const advance = g.advanceWidth * scale;
    s.glyphIds[i] = g.id;
    s.advances[i] = advance;
    s.kerning[i] = p.xAdvance * scale - advance;
    s.codePoints[i] = g.codePoints;
    if (p.xOffset || p.yOffset) s.hasOffsets = true;
  }
  // A simple bound: a long-running server sees a few thousand distinct strings a day.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, s);
  return s;
}
