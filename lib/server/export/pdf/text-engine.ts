import "server-only";
import type PDFDocument from "pdfkit";
import { face, fallbackFor, type FaceName } from "./fonts";
import { shape } from "./shaping";

/** A piece of text drawn with one face. */
export interface Run {
  face: FaceName;
  text: string;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: string;
}

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The parts of pdfkit's embedded font the fast path uses: the subset (glyphs the PDF
 * embeds), and the widths and code points it records per glyph, from which pdfkit
 * writes the font's widths and ToUnicode map — what keeps the text selectable and
 * searchable. `encode` is pdfkit's own way to do the same, used when those change.
 */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  subset?: { includeGlyph(glyphId: number): number };
  widths?: number[];
  unicode?: number[][];
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}

interface DocInternals {
  _font?: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

// Everything up to Latin Extended-B, plus common punctuation: Noto Sans has all of it,
// so such text is one run without looking up glyphs.
const MAIN_ONLY = /^[\u0000-\u024f\u2000-\u206f\u20ac\u2122]*$/u;
const SPACE = /\s/u;
// Break opportunities inside text without spaces: after each CJK character.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

// Runs and wrapped lines depend only on the text and the metrics, so they are kept for
// the process (bounded): a matrix exported again costs no layout at all.
const MAX_CACHED = 20_000;
const runCache = new Map<string, Run[]>();
const wrapCache = new Map<string, string[]>();
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
}

// Four-digit hex of subset glyph indexes, filled as they are met.
const HEX4: string[] = [];
function hex4(i: number): string {
  return (HEX4[i] ??= i.toString(16).padStart(4, "0"));
}

function num(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

const rgbCache = new Map<string, string>();
function rgb(hex: string): string {
  let s = rgbCache.get(hex);
  if (!s) {
    const v = Number.parseInt(hex.slice(1), 16);
    s = `${num(((v >> 16) & 255) / 255)} ${num(((v >> 8) & 255) / 255)} ${num((v & 255) / 255)}`;
    rgbCache.set(hex, s);
  }
  return s;
}

/**
 * Measures, wraps and draws text with per-character font fallback, for one document.
 * Each distinct string is laid out once (pdfkit's per-font cache) and encoded once;
 * drawing between {@link begin} and {@link end} writes all text of a page as one PDF
 * text object, instead of the dozen operators and allocations pdfkit's `text()` spends
 * per call. That is what lets a 40 × 200 matrix (8,000 cells) render in well under a
 * second.
 */
export class TextEngine {
  private readonly tjCache = new Map<string, string | null>();
  private readonly embedded = new Map<FaceName, EmbeddedFont>();
  private readonly internals: DocInternals;
  private ops: string[] | null = null;
  private opFont = "";
  private opColor = "";
  /** Start of the current text line (what Td is relative to), or null after a rotated line. */
  private line: { x: number; y: number } | null = null;

  constructor(private readonly doc: Doc) {
    this.internals = doc as unknown as DocInternals;
  }

  /** The text split into runs of one face each (NFC-normalised, so "e" + "¨" is one "ë"). */
  runs(text: string, bold = false): Run[] {
    const key = (bold ? "b" : "r") + text;
    const cached = runCache.get(key);
    if (cached) return cached;
    const main: FaceName = bold ? "bold" : "regular";
    const normal = text.normalize("NFC");
    let runs: Run[];
    if (MAIN_ONLY.test(normal)) runs = [{ face: main, text: normal }];
    else {
      runs = [];
      const mainFont = face(main);
      let cur: Run | undefined;
      for (const ch of normal) {
        const cp = ch.codePointAt(0) ?? 0;
        let f: FaceName;
        if (SPACE.test(ch) && cur) f = cur.face;
        else if (cp < 0x250 || mainFont.hasGlyphForCodePoint(cp)) f = main;
        else f = fallbackFor(cp) ?? main;
        if (cur && cur.face === f) cur.text += ch;
        else {
          cur = { face: f, text: ch };
          runs.push(cur);
        }
      }
    }
    remember(runCache, key, runs);
    return runs;
  }

  /** Width of `text` in points at `size`. */
  width(text: string, size: number, bold = false): number {
    let w = 0;
    for (const run of this.runs(text, bold)) w += shape(run.face, run.text).width;
    return w * size;
  }

  /**
   * Greedy word wrap into lines no wider than `maxWidth`: breaks at spaces, after CJK
   * characters, and inside a word only when the word alone is too wide. Never drops text.
   */
  wrap(text: string, maxWidth: number, size: number, bold = false): string[] {
    const key = `${bold ? "b" : "r"}${size}|${maxWidth}|${text}`;
    const cached = wrapCache.get(key);
    if (cached) return cached;
    const clean = text.replace(/\s+/gu, " ").trim();
    let lines: string[];
    if (this.width(clean, size, bold) <= maxWidth) lines = [clean];
    else {
      lines = [];
      let line = "";
      let lineWidth = 0;
      const space = this.width(" ", size, bold);
      const push = () => {
        const trimmed = line.trimEnd();
        if (trimmed) lines.push(trimmed);
        line = "";
        lineWidth = 0;
      };
      for (const seg of segments(clean)) {
        const hasSpace = seg.endsWith(" ");
        const word = hasSpace ? seg.slice(0, -1) : seg;
        const w = this.width(word, size, bold);
        if (line && lineWidth + w > maxWidth) push();
        if (!line && w > maxWidth) {
          // A word wider than the line: split it character by character.
          for (const ch of word) {
            const cw = this.width(ch, size, bold);
            if (line && lineWidth + cw > maxWidth) push();
            line += ch;
            lineWidth += cw;
          }
        } else {
          line += word;
          lineWidth += w;
        }
        if (hasSpace) {
          line += " ";
          lineWidth += space;
        }
      }
      push();
      if (lines.length === 0) lines.push("");
    }
    remember(wrapCache, key, lines);
    return lines;
  }

  /** Starts collecting text for one PDF text object (call {@link end} before drawing shapes over it). */
  begin(): void {
    if (this.ops) return;
    // pdfkit draws in a y-down space; text is set in PDF's own y-up space, as pdfkit does.
    this.ops = [`q 1 0 0 -1 0 ${num(this.internals.page.height)} cm BT`];
    this.opFont = "";
    this.opColor = "";
    this.line = null;
  }

  /** Writes the collected text to the page. */
  end(): void {
    if (!this.ops) return;
    this.ops.push("ET Q");
    this.internals.addContent(this.ops.join("\n"));
    this.ops = null;
  }

  /** Draws one line of text with the left end of its baseline at (x, y). */
  draw(text: string, x: number, y: number, style: TextStyle): void {
    this.place(text, x, y, style, false);
  }

  /** Draws `text` centred on `cx`. */
  drawCentered(text: string, cx: number, y: number, style: TextStyle): void {
    this.draw(text, cx - this.width(text, style.size, style.bold) / 2, y, style);
  }

  /** Draws `text` ending at `right`. */
  drawRight(text: string, right: number, y: number, style: TextStyle): void {
    this.draw(text, right - this.width(text, style.size, style.bold), y, style);
  }

  /** Draws text reading bottom to top, its baseline starting at (x, y). */
  drawUp(text: string, x: number, y: number, style: TextStyle): void {
    this.place(text, x, y, style, true);
  }

  private place(text: string, x: number, y: number, style: TextStyle, up: boolean): void {
    if (text === "") return;
    const own = this.ops === null;
    if (own) this.begin();
    const ops = this.ops as string[];
    const height = this.internals.page.height;
    let offset = 0;
    for (const run of this.runs(text, style.bold)) {
      const width = shape(run.face, run.text).width * style.size;
      const px = up ? x : x + offset;
      const py = up ? y - offset : y;
      offset += width;
      const tj = this.tj(run);
      if (tj === null) {
        this.drawWithPdfkit(run, px, py, style, up);
        continue;
      }
      const font = this.embed(run.face);
      if (this.internals.page.fonts[font.id] == null) this.internals.page.fonts[font.id] = font.ref();
      const tf = `/${font.id} ${num(style.size)} Tf`;
      if (tf !== this.opFont) {
        ops.push(tf);
        this.opFont = tf;
      }
      if (style.color !== this.opColor) {
        ops.push(`${rgb(style.color)} rg`);
        this.opColor = style.color;
      }
      // There is no bold CJK face: a thin outline in the text colour stands in for it.
      const fakeBold = style.bold === true && run.face === "cjk";
      if (fakeBold) ops.push(`2 Tr ${num(style.size * 0.035)} w ${rgb(style.color)} RG`);
      const ty = height - py;
      if (up) {
        ops.push(`0 1 -1 0 ${num(px)} ${num(ty)} Tm ${tj} TJ`);
        this.line = null;
      } else if (this.line) {
        // Td moves relative to the last line start: shorter than a full matrix.
        ops.push(`${num(px - this.line.x)} ${num(ty - this.line.y)} Td ${tj} TJ`);
        this.line = { x: this.line.x + Number(num(px - this.line.x)), y: this.line.y + Number(num(ty - this.line.y)) };
      } else {
        ops.push(`1 0 0 1 ${num(px)} ${num(ty)} Tm ${tj} TJ`);
        this.line = { x: Number(num(px)), y: Number(num(ty)) };
      }
      if (fakeBold) ops.push("0 Tr");
    }
    if (own) this.end();
  }

  /** Text whose glyphs need offsets (combining marks that did not compose): pdfkit draws it. */
  private drawWithPdfkit(run: Run, x: number, y: number, style: TextStyle, up: boolean): void {
    const doc = this.doc;
    this.embed(run.face);
    doc.save();
    if (up) doc.rotate(-90, { origin: [x, y] });
    doc
      .font(run.face, style.size)
      .fillColor(style.color)
      .text(run.text, x, y, { lineBreak: false, baseline: "alphabetic" });
    doc.restore();
  }

  /**
   * The TJ operand of a run in this document, made on first draw (measuring alone must
   * not add glyphs to the subset); null when pdfkit must draw it (glyph offsets).
   * Kerning becomes TJ adjustments, as pdfkit writes them.
   */
  private tj(run: Run): string | null {
    const key = `${run.face}\u0000${run.text}`;
    const known = this.tjCache.get(key);
    if (known !== undefined) return known;
    const s = shape(run.face, run.text);
    let tj: string | null = null;
    if (!s.hasOffsets) {
      const font = this.embed(run.face);
      const { subset, widths, unicode } = font;
      const parts: string[] = [];
      let chunk = "";
      if (subset && widths && unicode) {
        for (let i = 0; i < s.glyphIds.length; i++) {
          const gid = subset.includeGlyph(s.glyphIds[i] ?? 0);
          widths[gid] ??= s.advances[i] ?? 0;
          unicode[gid] ??= s.codePoints[i] ?? [];
          chunk += hex4(gid);
          const k = s.kerning[i] ?? 0;
          if (k !== 0) {
            parts.push(`<${chunk}> ${num(-k)}`);
            chunk = "";
          }
        }
      } else {
        const [hex, positions] = font.encode(run.text);
        hex.forEach((h, i) => {
          chunk += h;
          const p = positions[i];
          const k = p ? p.xAdvance - p.advanceWidth : 0;
          if (k !== 0) {
            parts.push(`<${chunk}> ${num(-k)}`);
            chunk = "";
          }
        });
      }
      if (chunk) parts.push(`<${chunk}>`);
      tj = `[${parts.join(" ")}]`;
    }
    this.tjCache.set(key, tj);
    return tj;
  }

  private embed(name: FaceName): EmbeddedFont {
    let font = this.embedded.get(name);
    if (!font) {
      // pdfkit accepts a parsed fontkit font wherever it accepts a file (its types do not say so).
      this.doc.registerFont(name, face(name) as unknown as Buffer);
      this.doc.font(name);
      font = this.internals._font;
      if (!font || typeof font.encode !== "function")
        throw new Error("pdfkit's embedded font API changed: update lib/server/export/pdf/text-engine.ts.");
      this.embedded.set(name, font);
    }
    return font;
  }
}

/** Words with their trailing space; CJK characters are words of their own. */
function segments(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of text) {
    if (ch === " ") {
      out.push(`${cur} `);
      cur = "";
    } else if (ch.charCodeAt(0) >= 0x2e80 && CJK.test(ch)) {
      if (cur) out.push(cur);
      out.push(ch);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
