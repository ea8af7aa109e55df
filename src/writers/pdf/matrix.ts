// The competency × level matrix on landscape pages, laid out by hand: pdfkit's table() clips rows
// taller than a page and never repeats its header, so rows here split between lines, cell by cell,
// and every page starts with the header row.

import { fillIn } from '../../locale/index.js';
import type { Expectation, Track } from '../../model.js';
import { notApplicableNote, trackMatrix, type MatrixRow } from '../../views/matrix.js';
import type { OutlineItem, PdfDoc, StructElement } from './document.js';
import { lines, paragraphsOf, run } from './layout.js';
import { fittingLines, heightOf, type Line, type Style } from './text.js';
import { COLORS } from './theme.js';

const PAD_X = 4;
const PAD_Y = 4;

interface Sizes {
  cell: Style;
  cellMuted: Style;
  example: Style;
  name: Style;
  header: Style;
  headerSub: Style;
  category: Style;
  marker: Style;
}

/** Smaller type when many levels share the page width. */
function sizesFor(levels: number): Sizes {
  const base = levels > 7 ? 6.6 : 7.6;
  return {
    cell: { face: 'regular', size: base, color: COLORS.ink },
    cellMuted: { face: 'regular', size: base, color: COLORS.muted },
    example: { face: 'regular', size: base - 0.8, color: COLORS.muted },
    name: { face: 'bold', size: base + 0.6, color: COLORS.ink },
    header: { face: 'bold', size: base + 0.6, color: COLORS.headerInk },
    headerSub: { face: 'regular', size: base, color: COLORS.headerInk },
    category: { face: 'bold', size: base + 1.4, color: COLORS.accent },
    marker: { face: 'regular', size: base, color: COLORS.muted },
  };
}

interface Columns {
  x: number[];
  widths: number[];
}

function columnsFor(pdf: PdfDoc, levels: number): Columns {
  const { left, width } = pdf.box;
  const first = Math.min(150, Math.max(104, width * 0.16));
  const rest = (width - first) / Math.max(1, levels);
  const widths = [first, ...Array.from({ length: levels }, () => rest)];
  const x: number[] = [];
  let at = left;
  for (const w of widths) {
    x.push(at);
    at += w;
  }
  return { x, widths };
}

/** The lines of one level cell: statements as a bulleted list, examples under their statement. */
export function expectationLines(pdf: PdfDoc, e: Expectation | undefined, width: number, s: Sizes): Line[] {
  if (!e) return lines(pdf, [run('—', s.cellMuted)], { width });
  if (e.applicable === false) {
    const out = lines(pdf, [run(pdf.t.pdf.notApplicable, { ...s.cellMuted, face: 'bold' })], { width });
    const note = notApplicableNote(e);
    if (note) out.push(...paragraphsOf(note).flatMap((p) => lines(pdf, [run(p, s.cellMuted)], { width, gapBefore: 1.5 })));
    return out;
  }
  if (e.statements.length === 0) return paragraphsOf(e.text).flatMap((p) => lines(pdf, [run(p, s.cell)], { width, gapBefore: 2 }));
  const out: Line[] = [];
  e.statements.forEach((statement, i) => {
    out.push(...lines(pdf, [run(statement, s.cell)], { width, indent: 7, gapBefore: i > 0 ? 2.5 : 0, marker: { text: '•', style: s.marker } }));
    for (const group of e.examples ?? []) {
      if (group.statement !== i) continue;
      for (const example of group.examples) out.push(...lines(pdf, [run(example, s.example)], { width, indent: 14, gapBefore: 1, marker: { text: '   ›', style: s.example } }));
    }
  });
  return out;
}

function competencyLines(pdf: PdfDoc, row: MatrixRow, width: number, s: Sizes): Line[] {
  const c = row.competency;
  const out = lines(pdf, [run(c.name, s.name)], { width });
  if (c.area && c.area.toLowerCase() !== c.name.toLowerCase()) out.push(...lines(pdf, [run(c.area, { ...s.cellMuted, face: 'bold' })], { width, gapBefore: 1.5 }));
  if (c.description) for (const p of paragraphsOf(c.description)) out.push(...lines(pdf, [run(p, s.example)], { width, gapBefore: 1.5 }));
  return out;
}

/**
 * Where to end a piece of a cell that has room for `n` lines: before the item (statement or
 * example) that would be cut, unless that item alone is longer than the room.
 */
function breakBefore(ls: readonly Line[], n: number): number {
  if (n >= ls.length || n === 0) return n;
  for (let j = n; j > 0; j--) if (ls[j]!.marker) return j;
  return n;
}

function cellsHeight(cells: readonly Line[][]): number {
  return Math.max(...cells.map(heightOf)) + 2 * PAD_Y;
}

export function drawMatrix(pdf: PdfDoc, parent: StructElement, track: Track, trackOutline: OutlineItem): void {
  const matrix = trackMatrix(track);
  if (matrix.groups.every((g) => g.rows.length === 0)) return;
  const s = sizesFor(matrix.levels.length);
  // The matrix draws its own continuation line and header row.
  pdf.runningHead = undefined;
  pdf.addPage('landscape');
  const cols = columnsFor(pdf, matrix.levels.length);
  const inner = cols.widths.map((w) => w - 2 * PAD_X);
  const sect = pdf.struct(parent, 'Sect');
  const matrixOutline = pdf.outline(trackOutline, pdf.t.pdf.matrix, pdf.y);

  const titleStyle: Style = { face: 'bold', size: 13, color: COLORS.accent };
  const title = lines(pdf, [run(fillIn(pdf.t.pdf.matrixTitle, { track: track.name }), titleStyle)]);
  pdf.tagged(sect, 'H2', title, pdf.box.left, pdf.y);
  pdf.y += heightOf(title) + 6;

  const table = pdf.struct(sect, 'Table');
  const headerCells: Line[][] = [
    lines(pdf, [run(pdf.t.pdf.competency, s.header)], { width: inner[0]! }),
    ...matrix.levels.map((level, i) => {
      const w = inner[i + 1]!;
      // The code on its own line above the title, unless they say the same thing.
      const code = level.code && level.code !== level.title ? level.code : undefined;
      const head = code ? lines(pdf, [run(code, s.header)], { width: w }) : [];
      return [...head, ...lines(pdf, [run(level.title, code ? s.headerSub : s.header)], { width: w })];
    }),
  ];
  const headerHeight = cellsHeight(headerCells);

  /** The header row; tagged the first time, an artifact when repeated on later pages. */
  const drawHeader = (first: boolean): void => {
    const y = pdf.y;
    pdf.artifact(() => {
      pdf.doc.save().rect(pdf.box.left, y, pdf.box.width, headerHeight).fillColor(COLORS.headerFill).fill().restore();
      pdf.resetStyle();
    });
    if (first) {
      const tr = pdf.struct(table, 'TR');
      headerCells.forEach((cell, i) => {
        const th = pdf.struct(tr, 'TH', { scope: 'Column' });
        pdf.content(th, 'TH', () => pdf.drawLines(cell, cols.x[i]! + PAD_X, y + PAD_Y));
      });
    } else {
      pdf.artifact(() => headerCells.forEach((cell, i) => pdf.drawLines(cell, cols.x[i]! + PAD_X, y + PAD_Y)), 'Pagination');
    }
    pdf.y = y + headerHeight;
  };

  const continuePage = (): void => {
    pdf.addPage('landscape');
    const note = lines(pdf, [run(fillIn(pdf.t.pdf.continued, { what: fillIn(pdf.t.pdf.matrixTitle, { track: track.name }) }), { face: 'regular', size: 8, color: COLORS.muted })]);
    pdf.artifact(() => pdf.drawLines(note, pdf.box.left, pdf.y), 'Pagination');
    pdf.y += heightOf(note) + 4;
    drawHeader(false);
  };

  /** Rules around one piece of a row (decoration). */
  const frame = (y: number, height: number, fill?: string): void => {
    pdf.artifact(() => {
      const d = pdf.doc.save();
      if (fill) d.rect(pdf.box.left, y, pdf.box.width, height).fillColor(fill).fill();
      d.lineWidth(0.5).strokeColor(COLORS.rule);
      d.moveTo(pdf.box.left, y + height).lineTo(pdf.box.right, y + height).stroke();
      if (!fill) for (const x of cols.x.slice(1)) d.moveTo(x, y).lineTo(x, y + height).stroke();
      d.restore();
      pdf.resetStyle();
    });
  };

  drawHeader(true);
  const bodyHeight = (): number => pdf.box.bottom - pdf.box.top - headerHeight - 16;

  for (const group of matrix.groups) {
    const rows = group.rows.map((row) => [competencyLines(pdf, row, inner[0]!, s), ...row.cells.map((cell, i) => expectationLines(pdf, cell.expectation, inner[i + 1]!, s))]);
    if (group.category !== undefined) {
      const cat = lines(pdf, [run(group.category, s.category)], { width: pdf.box.width - 2 * PAD_X });
      const h = heightOf(cat) + 2 * PAD_Y + 2;
      // A category row never ends a page: it moves on with its first competency — all of it when
      // that fits on a page (the row loop below never splits such a row), else its first piece.
      const firstFull = rows[0] ? cellsHeight(rows[0]) : 0;
      const firstRow = firstFull <= bodyHeight() ? firstFull : 2 * PAD_Y + 4 * s.cell.size * 1.3;
      if (pdf.remaining() < h + firstRow) continuePage();
      const y = pdf.y;
      frame(y, h, COLORS.band);
      const tr = pdf.struct(table, 'TR');
      const th = pdf.struct(tr, 'TH', { scope: 'Row' });
      pdf.content(th, 'TH', () => pdf.drawLines(cat, pdf.box.left + PAD_X, y + PAD_Y + 1));
      pdf.outline(matrixOutline, group.category, y);
      pdf.y = y + h;
    }
    group.rows.forEach((row, r) => {
      let cells = rows[r]!;
      const tr = pdf.struct(table, 'TR');
      const tds = cells.map((_, i) => pdf.struct(tr, i === 0 ? 'TH' : 'TD', i === 0 ? { scope: 'Row' } : undefined));
      let firstPiece = true;
      for (;;) {
        const full = cellsHeight(cells);
        const available = pdf.remaining();
        if (full <= available) {
          drawPiece(cells, full);
          break;
        }
        const minPiece = 2 * PAD_Y + 4 * s.cell.size * 1.3;
        if ((firstPiece && full <= bodyHeight()) || available < minPiece) {
          continuePage();
          continue;
        }
        const take = cells.map((ls) => breakBefore(ls, fittingLines(ls, available - 2 * PAD_Y)));
        drawPiece(
          cells.map((ls, i) => ls.slice(0, take[i])),
          available,
        );
        cells = cells.map((ls, i) => ls.slice(take[i]));
        firstPiece = false;
        continuePage();
        // The row's name again on the continuation, as decoration (the text is tagged once).
        if (cells[0]!.length === 0) {
          const again = lines(pdf, [run(fillIn(pdf.t.pdf.continued, { what: row.competency.name }), { ...s.name, color: COLORS.muted })], { width: inner[0]! });
          pdf.artifact(() => pdf.drawLines(again, cols.x[0]! + PAD_X, pdf.y + PAD_Y), 'Pagination');
          cells[0] = again.map((l) => ({ ...l, items: [] }));
        }
      }

      function drawPiece(piece: Line[][], height: number): void {
        const y = pdf.y;
        frame(y, height);
        piece.forEach((ls, i) => {
          if (ls.length === 0 || ls.every((l) => l.items.length === 0 && !l.marker)) return;
          pdf.content(tds[i]!, i === 0 ? 'TH' : 'TD', () => pdf.drawLines(ls, cols.x[i]! + PAD_X, y + PAD_Y));
        });
        pdf.y = y + height;
      }
    });
  }
}
