// The one shape every table becomes before it is read: a grid of slots, each pointing at the cell
// that covers it (a cell spanning rows or columns covers several slots), with its header rows.
// HTML, GFM and delimited text each build one (from-html.ts, from-mdast.ts); interpret.ts reads it.

import type { Position } from '../../model.js';

export interface GridCell {
  /** Plain text; separate items (list items, `<br>` lines, paragraphs) on separate lines. */
  text: string;
  /** A header cell: `<th>`, or a cell of a GFM or CSV table's first row. */
  header: boolean;
  /** `<th scope="row">`: a header of its row, never of a column. */
  rowHeader: boolean;
  /** The whole text is bold (`<strong>`, `**…**`): a category heading or a totals line. */
  bold: boolean;
  /** Only links or pictures: a sponsors or navigation cell, not an expectation. */
  linksOnly: boolean;
  /**
   * The cell's lines as level facts: "**Years of experience:** 2+" lines become metadata, the rest
   * the summary. Only markup can tell a label, so the builders work this out.
   */
  facts: { summary: string; metadata: Record<string, string> };
  /** Where the cell starts in the source. */
  position?: Position;
}

export type Slot = GridCell | undefined;

export interface Grid {
  /** Rows of slots; a row may be shorter than the widest one. */
  slots: Slot[][];
  /**
   * How many leading rows the syntax itself marks as the head (`<thead>`, the GFM header row, a
   * CSV's first line); undefined when it marks none (an HTML table without `<thead>`).
   */
  headRows: number | undefined;
  /** The table's own caption (`<caption>`), if any. */
  caption?: string;
  /** Where the table starts. */
  position?: Position;
  /**
   * The table is the whole document (an HTML page's table, a CSV file): it is read as a ladder
   * even when no label says which axis holds the levels (with a warning). A table among prose
   * must show levels, or it is not a ladder table.
   */
  standalone: boolean;
}

export function gridWidth(slots: readonly Slot[][]): number {
  return Math.max(0, ...slots.map((row) => row.length));
}

export function transpose(slots: readonly Slot[][]): Slot[][] {
  const w = gridWidth(slots);
  return Array.from({ length: w }, (_, c) => slots.map((row) => row[c]));
}

/** Distinct cells in order of first appearance. */
export function distinct(slots: readonly Slot[]): GridCell[] {
  // A Set, not out.includes: a column of a long table has thousands of slots.
  const seen = new Set<GridCell>();
  for (const s of slots) if (s) seen.add(s);
  return [...seen];
}

/** A cell of plain text (delimited text, or a builder's padding). */
export function plainCell(text: string, header: boolean, position: Position | undefined): GridCell {
  const cell: GridCell = { text, header, rowHeader: false, bold: false, linksOnly: false, facts: { summary: text, metadata: {} } };
  if (position) cell.position = position;
  return cell;
}
