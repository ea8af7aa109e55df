// Line breaking and drawing. pdfkit's own wrapper cannot split a paragraph at a page boundary we
// choose or report its lines, so we break lines here (greedy, at spaces) and draw them one by one.

import type { Face } from './fonts.js';
import { LEADING } from './theme.js';

export interface Style {
  face: Face;
  size: number;
  color: string;
}

export interface Run {
  text: string;
  style: Style;
}

/** A piece of a line in one style; `x` is relative to the line's start. */
export interface Item {
  text: string;
  style: Style;
  x: number;
  width: number;
}

export interface Line {
  items: Item[];
  width: number;
  /** Advance to the next line. */
  height: number;
  /** Offset from the column's left edge (hanging indents). */
  dx: number;
  /** Extra space above this line (paragraph spacing). */
  gapBefore: number;
  /** A list marker drawn left of the line (x relative to the column). */
  marker?: Item;
}

/** Measures text at 1 pt through pdfkit; the caller multiplies by the size. */
export type UnitMeasure = (face: Face, text: string) => number;

/**
 * Widths at 1 pt, cached per face for the whole process: the faces are fixed, so a word measured
 * for one document is already known for the next.
 */
const unitWidths: Record<Face, Map<string, number>> = { regular: new Map(), bold: new Map() };

export class Measurer {
  constructor(private readonly measure: UnitMeasure) {}

  width(style: Style, text: string): number {
    const cache = unitWidths[style.face];
    let w = cache.get(text);
    if (w === undefined) {
      w = this.measure(style.face, text);
      cache.set(text, w);
    }
    return w * style.size;
  }
}

export function lineHeight(style: Style): number {
  return style.size * LEADING;
}

interface Token {
  text: string;
  style: Style;
  spaceBefore: boolean;
}

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  let pendingSpace = false;
  for (const run of runs) {
    // Break at white space, except no-break spaces (they keep "5 years" or "10 %" together).
    for (const part of run.text.split(/([^\S\u00A0\u202F]+)/)) {
      if (part === '') continue;
      if (/^[^\S\u00A0\u202F]+$/.test(part)) {
        pendingSpace = tokens.length > 0;
        continue;
      }
      tokens.push({ text: part, style: run.style, spaceBefore: pendingSpace });
      pendingSpace = false;
    }
  }
  return tokens;
}

/** Cuts a word wider than the column (a URL, say) into pieces that fit, preferring to cut after / - . ? & = _ */
function splitLongWord(token: Token, width: number, m: Measurer): Token[] {
  const pieces: Token[] = [];
  const chars = [...token.text];
  let start = 0;
  while (start < chars.length) {
    let w = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length) {
      const cw = m.width(token.style, chars[end]!);
      if (w + cw > width && end > start) break;
      w += cw;
      if ('/-.?&=_'.includes(chars[end]!)) lastBreak = end + 1;
      end += 1;
    }
    if (end < chars.length && lastBreak > start + 1) end = lastBreak;
    pieces.push({ text: chars.slice(start, end).join(''), style: token.style, spaceBefore: start === 0 && token.spaceBefore });
    start = end;
  }
  return pieces;
}

export interface WrapOptions {
  /** Width of the first line and of the lines after it (hanging indent = firstDx ≠ restDx). */
  width: number;
  dx?: number;
  gapBefore?: number;
}

/** Greedy line breaking at spaces; mixed styles on one line share a baseline. */
export function wrap(runs: readonly Run[], options: WrapOptions, m: Measurer): Line[] {
  const { width } = options;
  const dx = options.dx ?? 0;
  const lines: Line[] = [];
  const baseHeight = runs.reduce((h, r) => Math.max(h, lineHeight(r.style)), 0);
  let line: Line = { items: [], width: 0, height: baseHeight, dx, gapBefore: options.gapBefore ?? 0 };
  const push = (): void => {
    lines.push(line);
    line = { items: [], width: 0, height: baseHeight, dx, gapBefore: 0 };
  };
  const place = (token: Token, tokenWidth: number): void => {
    const space = token.spaceBefore && line.items.length > 0 ? m.width(token.style, ' ') : 0;
    const last = line.items[line.items.length - 1];
    if (last && last.style === token.style) {
      last.text += (space > 0 ? ' ' : '') + token.text;
      last.width += space + tokenWidth;
    } else {
      // A space before a change of style belongs to the new piece, so extracted text keeps it.
      line.items.push({ text: space > 0 ? ` ${token.text}` : token.text, style: token.style, x: line.width, width: space + tokenWidth });
    }
    line.width += space + tokenWidth;
  };
  for (const token of tokenize(runs)) {
    const w = m.width(token.style, token.text);
    const space = token.spaceBefore && line.items.length > 0 ? m.width(token.style, ' ') : 0;
    if (line.width + space + w <= width) {
      place(token, w);
      continue;
    }
    if (line.items.length > 0) push();
    if (w <= width) {
      place({ ...token, spaceBefore: false }, w);
      continue;
    }
    const pieces = splitLongWord(token, width, m);
    pieces.forEach((piece, i) => {
      if (i > 0) push();
      place({ ...piece, spaceBefore: false }, m.width(piece.style, piece.text));
    });
  }
  if (line.items.length > 0 || lines.length === 0) push();
  return lines;
}

/** Total height of lines, including their gaps. */
export function heightOf(lines: readonly Line[]): number {
  let h = 0;
  for (const l of lines) h += l.gapBefore + l.height;
  return h;
}

/** How many of the lines fit in `space` (at least the gap of the first is counted). */
export function fittingLines(lines: readonly Line[], space: number): number {
  let h = 0;
  let n = 0;
  for (const l of lines) {
    h += (n === 0 ? 0 : l.gapBefore) + l.height;
    if (h > space) break;
    n += 1;
  }
  return n;
}
