// Font faces (DejaVu Sans Condensed, shipped by the dejavu-fonts-ttf package) and glyph coverage:
// which characters the faces can show, and the visible stand-in for those they cannot.

import PDFDocument from 'pdfkit';

import { FACE_ASSETS } from './theme.js';

export { FACE_ASSETS } from './theme.js';

export type Face = keyof typeof FACE_ASSETS;

/** The part of a fontkit font this writer uses (fontkit ships no types). */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

/** pdfkit keeps the parsed fontkit font on its current font object; the types do not say so. */
interface FontInternals {
  _font: { font: FontkitFont } | null;
}

const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/**
 * Parses a TTF once per process and reuses it for every document: pdfkit accepts a fontkit font as
 * a font source and subsets per document, so re-parsing (~7 ms a face) would be wasted work.
 */
export function parseFace(bytes: Uint8Array): FontkitFont {
  const cached = parsedFonts.get(bytes);
  if (cached) return cached;
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.font(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const font = (scratch as unknown as FontInternals)._font?.font;
  if (!font) throw new Error('pdfkit did not load the font');
  parsedFonts.set(bytes, font);
  return font;
}

/** Shown in place of a character the faces lack; DejaVu has it, and readers know what it means. */
export const REPLACEMENT = '\uFFFD';

/**
 * Invisible code points that carry no text of their own (soft hyphen, variation selectors,
 * joiners, BOM): dropped, since drawing their glyph would show something the author never saw.
 */
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/u;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** Caches coverage per set of faces, so repeated documents do not ask fontkit again. */
const coverageCache = new WeakMap<FontkitFont, Map<number, boolean>>();

/**
 * Cleans text for drawing: characters no face can show become one visible REPLACEMENT each
 * (a run of them, e.g. an emoji ZWJ sequence, becomes one), and are remembered for a warning.
 */
export class Coverage {
  /** Characters replaced, in order of first appearance. */
  readonly missing: string[] = [];
  readonly #seen = new Set<string>();
  readonly #known: Map<number, boolean>;

  constructor(private readonly faces: readonly FontkitFont[]) {
    const first = faces[0];
    if (!first) throw new Error('no font faces');
    let known = coverageCache.get(first);
    if (!known) {
      known = new Map();
      coverageCache.set(first, known);
    }
    this.#known = known;
  }

  has(codePoint: number): boolean {
    let ok = this.#known.get(codePoint);
    if (ok === undefined) {
      ok = this.faces.every((f) => f.hasGlyphForCodePoint(codePoint));
      this.#known.set(codePoint, ok);
    }
    return ok;
  }

  clean(text: string): string {
    if (PRINTABLE_ASCII.test(text)) return text;
    let out = '';
    let lastReplaced = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        out += ' ';
        lastReplaced = false;
      } else if (IGNORABLE.test(ch)) {
        continue;
      } else if (this.has(cp)) {
        out += ch;
        lastReplaced = false;
      } else {
        if (!this.#seen.has(ch)) {
          this.#seen.add(ch);
          this.missing.push(ch);
        }
        if (!lastReplaced) out += REPLACEMENT;
        lastReplaced = true;
      }
    }
    return out;
  }
}

/** "🎉 (U+1F389)" for messages. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `${ch} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * What a person may type into a form field, as code point ranges: Latin (with the extended and
 * Vietnamese letters), combining accents, Greek, Cyrillic, digits, punctuation, currency, fractions,
 * and a few arrows, maths and tick-box signs (≈ 70 KB a form). Scripts DejaVu Sans cannot show (CJK,
 * emoji) or that need shaping a viewer's field drawing does not do (Arabic, Hebrew, Indic) are
 * left to the viewer's own fonts.
 */
const FIELD_REPERTOIRE: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x04ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x205e],
  [0x20a0, 0x20c0],
  ...[0x2116, 0x2122, 0x2126, 0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0x221e, 0x2190, 0x2191, 0x2192, 0x2193, 0x2194, 0x21d2].map((cp) => [cp, cp] as const),
  [0x2150, 0x215e],
  ...[0x25a0, 0x25a1, 0x25aa, 0x25ab, 0x25cf, 0x25cb, 0x2605, 0x2606, 0x2610, 0x2611, 0x2612, 0x2713, 0x2714, 0x2717, 0x2718].map((cp) => [cp, cp] as const),
];

/** The part of a fontkit glyph the field font uses. */
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
}

/** pdfkit's embedded (subset) font: the subset, and the widths and Unicode map it writes. */
export interface SubsetFont {
  font: FontkitFont & { glyphForCodePoint(codePoint: number): FontkitGlyph };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}

const repertoireCache = new WeakMap<FontkitFont, number[]>();

/** The code points of the field repertoire that `font` has glyphs for (computed once per face). */
function repertoire(font: FontkitFont): number[] {
  let cps = repertoireCache.get(font);
  if (!cps) {
    cps = [];
    for (const [from, to] of FIELD_REPERTOIRE) for (let cp = from; cp <= to; cp++) if (font.hasGlyphForCodePoint(cp)) cps.push(cp);
    repertoireCache.set(font, cps);
  }
  return cps;
}

/**
 * Puts every glyph of the field repertoire into a font's subset, with its width and its entry in
 * the ToUnicode map. A viewer draws typed text with the field's font and finds a character's glyph
 * through that map (poppler does): a subset of only the glyphs already printed loses the others
 * ("2025-03-01" shown as "225-3-1" on a form without a 0).
 */
export function includeFieldRepertoire(embedded: SubsetFont): void {
  for (const cp of repertoire(embedded.font)) {
    const glyph = embedded.font.glyphForCodePoint(cp);
    const gid = embedded.subset.includeGlyph(glyph.id);
    embedded.widths[gid] ??= glyph.advanceWidth * embedded.scale;
    embedded.unicode[gid] ??= [cp];
  }
}
