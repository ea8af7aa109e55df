// One PDF being written: deterministic set-up, pages, tagging (structure tree and artifacts),
// drawing broken lines, outline entries, footers, and the bytes at the end.

import type { Catalogue } from '../../locale/index.js';
import PDFDocument from 'pdfkit';
import type { Paper } from './theme.js';
import { Coverage, type Face, type FontkitFont } from './fonts.js';
import { Measurer, type Line, type Style } from './text.js';
import { COLORS, FOOTER_OFFSET, LEADING, MARGINS, PAPER_SIZES, type Orientation } from './theme.js';

export type StructElement = PDFKit.PDFStructureElement;
export type OutlineItem = PDFKit.PDFOutline;

export interface DocumentMeta {
  title: string;
  subject: string;
  keywords: string;
  /** "ladderc <version>". */
  creator: string;
  /** Seconds since the epoch; the only date in the file. */
  sourceDateEpoch: number;
  paper: Paper;
  /** Left part of every footer (the ladder's name). */
  footer: string;
  lang: string;
  /** The words of the document, in its language (src/locale). */
  labels: Catalogue;
}

/** pdfkit internals this writer relies on, typed narrowly because @types/pdfkit lags 0.20. */
/** pdfkit's embedded font object (fonts.js in pdfkit). */
interface EmbeddedFont {
  id: string;
  widthOfString(text: string, size: number): number;
  /** pdfkit's shaped runs of this font (a word each), by their text; per document unless shared. */
  layoutCache?: Record<string, unknown>;
}

/**
 * The shaped words of each face, shared by every document of the process. Shaping (fontkit's
 * layout: substitution and positioning) was a quarter of a PDF's time, and the documents of a
 * build repeat the same words. A run depends only on the font and the text, and pdfkit only reads
 * a cached run (the glyphs a document uses go into its own subset when it encodes them).
 */
const sharedLayouts = new WeakMap<FontkitFont, Record<string, unknown>>();
function layoutCacheOf(face: FontkitFont): Record<string, unknown> {
  let cache = sharedLayouts.get(face);
  if (!cache) sharedLayouts.set(face, (cache = Object.create(null) as Record<string, unknown>));
  return cache;
}

interface PdfkitInternals {
  _font: EmbeddedFont | null;
  _root: { data: { AcroForm?: { data: { Fields: PDFKit.PDFKitReference[] } } } };
  outline: PDFKit.PDFOutline & {
    addItem(title: string, options?: { expanded?: boolean; top?: number; left?: number }): OutlineItem;
  };
  page: PDFKit.PDFPage & { annotations: PDFKit.PDFKitReference[] };
}

/** Options pdfkit 0.20 accepts for structure elements beyond what @types/pdfkit lists. */
export interface StructOptions {
  title?: string;
  alt?: string;
  actual?: string;
  lang?: string;
  scope?: 'Row' | 'Column' | 'Both';
}

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export class PdfDoc {
  readonly doc: PDFKit.PDFDocument;
  readonly measurer: Measurer;
  readonly coverage: Coverage;
  /** The structure tree's Document element: every tagged element hangs below it. */
  readonly root: StructElement;
  orientation: Orientation = 'portrait';
  /** The cursor: top of the next thing drawn on the current page. */
  y = 0;
  /** Shown at the top of pages that continue a section ("… (continued)"); set by each section. */
  runningHead: string | undefined;
  readonly #meta: DocumentMeta;
  readonly #chunks: Uint8Array[] = [];
  readonly #done: Promise<void>;
  #inContent = false;
  #pageTop = 0;
  readonly #pageRefs: Array<{ page: number; y: number; target: () => number | undefined }> = [];
  #style = '';

  /** The words the writer writes itself, in the document's language. */
  readonly t: Catalogue;

  constructor(meta: DocumentMeta, faces: Readonly<Record<Face, FontkitFont>>) {
    this.#meta = meta;
    this.t = meta.labels;
    const date = new Date(meta.sourceDateEpoch * 1000);
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: meta.lang,
      displayTitle: true,
      // The /ID is a hash of the info dictionary as given HERE; dates set later would make the
      // ID depend on the clock at construction time.
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Keywords: meta.keywords,
        Creator: meta.creator,
        Producer: 'pdfkit',
        CreationDate: date,
        ModDate: date,
      },
    });
    this.doc.on('data', (chunk: Uint8Array) => this.#chunks.push(chunk));
    this.#done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    // A parsed fontkit font is a valid pdfkit font source (pdfkit checks for .layout); the
    // types only list files and buffers.
    this.doc.registerFont('regular', faces.regular as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont('bold', faces.bold as unknown as PDFKit.Mixins.PDFFontSource);
    // Load both faces now, in a fixed order: pdfkit numbers fonts (F1, F2) as they are first
    // used, and measuring (cached across documents) would otherwise change that order.
    const loaded = {} as Record<Face, EmbeddedFont>;
    for (const face of ['regular', 'bold'] as const) {
      this.doc.font(face);
      const font = this.internals._font;
      if (!font) throw new Error('pdfkit did not load the font');
      if (font.layoutCache) font.layoutCache = layoutCacheOf(faces[face]);
      loaded[face] = font;
    }
    this.doc.font('regular');
    this.coverage = new Coverage([faces.regular, faces.bold]);
    // Measures through the font objects, not the document, so measuring never changes the
    // document's font state (and the bytes do not depend on which widths were cached).
    this.measurer = new Measurer((face, text) => loaded[face].widthOfString(text, 1));
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get internals(): PdfkitInternals {
    return this.doc as unknown as PdfkitInternals;
  }

  /** The body area of the current page. */
  get box(): Box {
    const [w, h] = PAPER_SIZES[this.#meta.paper];
    const width = this.orientation === 'portrait' ? w : h;
    const height = this.orientation === 'portrait' ? h : w;
    const m = MARGINS[this.orientation];
    return { width: width - m.left - m.right, height: height - m.top - m.bottom, left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom };
  }

  addPage(orientation: Orientation = this.orientation): void {
    this.orientation = orientation;
    const [w, h] = PAPER_SIZES[this.#meta.paper];
    const m = MARGINS[orientation];
    this.doc.addPage({ size: [w, h], layout: orientation, margins: m });
    // Tab through links and fields in structure order (PDF/UA asks for it on pages with annotations).
    (this.internals.page.dictionary.data as { Tabs?: string }).Tabs = 'S';
    this.#style = '';
    this.y = m.top;
    if (this.runningHead) {
      const style = { face: 'regular' as const, size: 8, color: COLORS.muted };
      const text = this.fit(this.coverage.clean(this.runningHead), style, this.box.width);
      this.artifact(() => {
        this.setStyle(style.face, style.size, style.color);
        this.doc.text(text, m.left, this.y, { lineBreak: false });
      }, 'Pagination');
      this.y += style.size * LEADING + 8;
    }
    this.#pageTop = this.y;
  }

  /** True when nothing has been drawn below the page's head yet (moving on would not help). */
  atPageTop(): boolean {
    return this.y <= this.#pageTop + 0.01;
  }

  remaining(): number {
    return this.box.bottom - this.y;
  }

  /** A new structure element below `parent`. */
  struct(parent: StructElement, type: string, options?: StructOptions): StructElement {
    // pdfkit reads `scope` (table header scope) although @types/pdfkit does not list it.
    const el = this.doc.struct(type, (options ?? {}) as PDFKit.Mixins.StructureElementOptions);
    parent.add(el);
    return el;
  }

  /** Draws real content, marked as belonging to `el` (one marked sequence on the current page). */
  content(el: StructElement, tag: string, draw: () => void): void {
    if (this.#inContent) throw new Error('nested marked content');
    this.#inContent = true;
    const content = this.doc.markStructureContent(tag);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
    this.#inContent = false;
  }

  /** Draws decoration (rules, fills, repeated headers, footers) that assistive tech should skip. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (this.#inContent) throw new Error('artifact inside marked content');
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A heading, paragraph or any text element made of already broken lines, on this page. */
  tagged(parent: StructElement, type: string, lines: readonly Line[], x: number, y: number): StructElement {
    const el = this.struct(parent, type);
    this.content(el, type, () => this.drawLines(lines, x, y));
    return el;
  }

  setStyle(face: Face, size: number, color: string): void {
    const key = `${face}|${size}|${color}`;
    if (key === this.#style) return;
    this.doc.font(face).fontSize(size).fillColor(color);
    this.#style = key;
  }

  /** Draws lines from `y` down; returns the y below the last line. */
  drawLines(lines: readonly Line[], x: number, y: number): number {
    let top = y;
    lines.forEach((line, i) => {
      if (i > 0) top += line.gapBefore;
      const lineSize = line.height / LEADING;
      if (line.marker) {
        const m = line.marker;
        this.setStyle(m.style.face, m.style.size, m.style.color);
        this.doc.text(`${m.text} `, x + m.x, top + (lineSize - m.style.size) * 0.93, { lineBreak: false });
      }
      line.items.forEach((item, j) => {
        this.setStyle(item.style.face, item.style.size, item.style.color);
        // Smaller type on a line with larger type sits on the same baseline.
        const shift = (lineSize - item.style.size) * 0.93;
        // A trailing space ends every line: text extracted from the structure tree (screen
        // readers) then has word breaks where the lines break.
        const text = j === line.items.length - 1 ? `${item.text} ` : item.text;
        this.doc.text(text, x + line.dx + item.x, top + shift, { lineBreak: false });
      });
      top += line.height;
    });
    return top;
  }

  /** Fills and strokes must not inherit the text colour state we cache. */
  resetStyle(): void {
    this.#style = '';
  }

  /** An outline entry pointing at `y` on the current page. */
  outline(parent: OutlineItem | null, title: string, y = this.y, expanded = false): OutlineItem {
    const page = this.internals.page;
    const target = parent ?? this.internals.outline;
    // pdfkit computes left as page width − options.left (0.20): pass the width to land on x = 0.
    // Outline titles are shown by the viewer in its own UI font: no glyph replacement needed.
    return (target as PdfkitInternals['outline']).addItem(title, { expanded, top: Math.max(0, y - 12), left: page.width });
  }

  /** One line of text shortened with "…" to fit `width` (running heads and footers only). */
  fit(text: string, style: Style, width: number): string {
    if (this.measurer.width(style, text) <= width) return text;
    const chars = [...text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measurer.width(style, `${chars.slice(0, mid).join('').trimEnd()}…`) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('').trimEnd()}…`;
  }

  /** Index of the current page (0-based; every page stays buffered). */
  pageIndex(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  /**
   * A page number to print right-aligned at `y` on the current page, once the target page is
   * known (a printed overview cannot follow links).
   */
  pageReference(y: number, target: () => number | undefined): void {
    this.#pageRefs.push({ page: this.pageIndex(), y, target });
  }

  /** Writes page references and footers (n / N needs the final count); returns the file's bytes. */
  async finish(): Promise<Uint8Array> {
    const { start, count } = this.doc.bufferedPageRange();
    const refStyle = { face: 'regular' as const, size: 9, color: COLORS.muted };
    for (const ref of this.#pageRefs) {
      const target = ref.target();
      if (target === undefined) continue;
      this.doc.switchToPage(ref.page);
      this.orientation = this.internals.page.width > this.internals.page.height ? 'landscape' : 'portrait';
      const text = `p. ${target - start + 1}`;
      const x = this.box.right - this.measurer.width(refStyle, text);
      this.resetStyle();
      this.artifact(() => {
        this.setStyle(refStyle.face, refStyle.size, refStyle.color);
        this.doc.text(text, x, ref.y, { lineBreak: false });
      }, 'Pagination');
    }
    const footer = this.coverage.clean(this.#meta.footer);
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const page = this.internals.page;
      const landscape = page.width > page.height;
      this.orientation = landscape ? 'landscape' : 'portrait';
      const b = this.box;
      const y = page.height - FOOTER_OFFSET;
      this.resetStyle();
      this.artifact(() => {
        this.doc.save().moveTo(b.left, y - 6).lineTo(b.right, y - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
        const style = { face: 'regular' as const, size: 7.5, color: COLORS.muted };
        const number = `${i - start + 1} / ${count}`;
        const numberWidth = this.measurer.width(style, number);
        const left = this.fit(footer, style, b.width - numberWidth - 24);
        this.setStyle(style.face, style.size, style.color);
        this.doc.text(left, b.left, y, { lineBreak: false });
        this.doc.text(number, b.right - numberWidth, y, { lineBreak: false });
      }, 'Pagination');
    }
    this.doc.end();
    await this.#done;
    const total = this.#chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of this.#chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }
}
