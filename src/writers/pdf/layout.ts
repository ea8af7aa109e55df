// Flowing text down portrait pages: styles, headings that keep with what follows, paragraphs and
// lists that break between lines (never leaving one line alone), all tagged.

import { fillIn, type Catalogue } from '../../locale/index.js';
import type { Level } from '../../model.js';
import { levelLabel } from '../../views/levels.js';
import type { PdfDoc, StructElement } from './document.js';
import { fittingLines, heightOf, wrap, type Line, type Run, type Style } from './text.js';
import { COLORS } from './theme.js';

export const STYLES = {
  eyebrow: { face: 'bold', size: 9, color: COLORS.accent },
  h1: { face: 'bold', size: 24, color: COLORS.ink },
  h2: { face: 'bold', size: 15, color: COLORS.accent },
  h3: { face: 'bold', size: 11.5, color: COLORS.ink },
  h4: { face: 'bold', size: 10, color: COLORS.ink },
  lead: { face: 'regular', size: 11.5, color: COLORS.ink },
  body: { face: 'regular', size: 9.5, color: COLORS.ink },
  bodyBold: { face: 'bold', size: 9.5, color: COLORS.ink },
  small: { face: 'regular', size: 8.5, color: COLORS.muted },
  smallBold: { face: 'bold', size: 8.5, color: COLORS.muted },
  accentMarker: { face: 'bold', size: 8, color: COLORS.accent },
  mutedMarker: { face: 'regular', size: 9.5, color: COLORS.muted },
} as const satisfies Record<string, Style>;

export function run(text: string, style: Style): Run {
  return { text, style };
}

/** Text from the model, cleaned for the embedded faces (missing glyphs replaced and recorded). */
export function clean(pdf: PdfDoc, text: string): string {
  return pdf.coverage.clean(text);
}

export interface FlowOptions {
  x?: number;
  width?: number;
  gapBefore?: number;
  /** Hanging indent: lines start this far right; the marker sits at the column's left. */
  indent?: number;
  marker?: { text: string; style: Style };
}

/** Breaks runs into lines for the body column (or the given width). */
export function lines(pdf: PdfDoc, runs: readonly Run[], options: FlowOptions = {}): Line[] {
  const indent = options.indent ?? 0;
  const width = (options.width ?? pdf.box.width) - indent;
  const cleaned = runs.map((r) => ({ text: clean(pdf, r.text), style: r.style }));
  const out = wrap(cleaned, { width, dx: indent, gapBefore: options.gapBefore ?? 0 }, pdf.measurer);
  const first = out[0];
  if (first && options.marker) {
    const text = clean(pdf, options.marker.text);
    first.marker = { text, style: options.marker.style, x: 0, width: pdf.measurer.width(options.marker.style, text) };
  }
  return out;
}

/** Starts a new page when fewer than `height` points are left (at the top of a page: never). */
export function ensure(pdf: PdfDoc, height: number): void {
  if (!pdf.atPageTop() && pdf.remaining() < height) pdf.addPage();
}

/**
 * Draws lines as one tagged element, continuing on new pages. Never leaves a single line of a
 * paragraph at the bottom of a page (orphan) or carries a single line over (widow).
 */
export function flow(pdf: PdfDoc, parent: StructElement, type: string, all: readonly Line[], x = pdf.box.left): StructElement {
  const el = pdf.struct(parent, type);
  let rest = all;
  let first = true;
  while (rest.length > 0) {
    const gap = first && !pdf.atPageTop() ? (rest[0]?.gapBefore ?? 0) : 0;
    let n = fittingLines(rest, pdf.remaining() - gap);
    if (n < rest.length) {
      if (n === 1 && rest.length > 1) n = 0;
      else if (rest.length - n === 1 && n > 1) n -= 1;
    }
    if (n === 0) {
      if (pdf.atPageTop()) n = 1;
      else {
        pdf.addPage();
        continue;
      }
    }
    const chunk = rest.slice(0, n);
    pdf.y += gap;
    pdf.content(el, type, () => {
      pdf.y = pdf.drawLines(chunk, x, pdf.y);
    });
    rest = rest.slice(n);
    first = false;
    if (rest.length > 0) pdf.addPage();
  }
  return el;
}

/** A heading that is never the last thing on a page: it moves on with `keep` points of what follows. */
export function heading(pdf: PdfDoc, parent: StructElement, type: string, text: string, style: Style, options: { gapBefore?: number; gapAfter?: number; keep?: number } = {}): StructElement {
  const ls = lines(pdf, [run(text, style)]);
  const gapBefore = options.gapBefore ?? style.size * 0.8;
  const h = heightOf(ls);
  ensure(pdf, gapBefore + h + (options.keep ?? 40));
  if (!pdf.atPageTop()) pdf.y += gapBefore;
  const el = flow(pdf, parent, type, ls);
  pdf.y += options.gapAfter ?? style.size * 0.35;
  return el;
}

/** A paragraph of one or more runs. */
export function paragraph(pdf: PdfDoc, parent: StructElement, runs: readonly Run[], options: FlowOptions = {}): StructElement {
  return flow(pdf, parent, 'P', lines(pdf, runs, options), options.x ?? pdf.box.left);
}

/** A thin rule across the column, as decoration. */
export function rule(pdf: PdfDoc, y: number, color: string = COLORS.rule, x = pdf.box.left, width = pdf.box.width, weight = 0.6): void {
  pdf.artifact(() => {
    pdf.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(weight).strokeColor(color).stroke().restore();
  });
}

/** Multi-line model text (descriptions): one paragraph per line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A level's name for headings: levelLabel, with "Level" before a bare number (a heading or
 * bookmark that reads just "3" says nothing on its own).
 */
export function levelName(level: Level, t: Catalogue): string {
  const label = levelLabel(level);
  return /^\d+$/.test(label) ? fillIn(t.levelNumber, { n: label }) : label;
}
