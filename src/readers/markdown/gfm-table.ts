// One GFM table (or delimited text made into one) → levels and competency rows: the table becomes a
// grid (grid/from-mdast.ts) read by the same interpreter as HTML tables (grid/interpret.ts).

import type { Table } from 'mdast';
import type { TableFragment } from '../draft.js';
import { gridFromMdast } from '../grid/from-mdast.js';
import { readGrid } from '../grid/interpret.js';
import type { ReadContext } from './context.js';
import { looksLikeLevel } from './level-words.js';
import { inlineText } from './mdast.js';

export interface GfmTable {
  /** One fragment; several when a Track column groups the levels (each with its caption). */
  fragments: TableFragment[];
  /** A level per row and only short facts in the cells: a levels overview. */
  overview: boolean;
}

/**
 * Levels and rows of a GFM table, or undefined when it has no level columns or rows (not a ladder
 * table). `standalone`: the table is the whole document (delimited text), read whatever its labels say.
 */
export function readGfmTable(table: Table, ctx: ReadContext, standalone = false): GfmTable | undefined {
  const grid = gridFromMdast(table, ctx.input.diagnostics, standalone);
  const orientation = ctx.input.options.orientation;
  return readGrid(grid, orientation ? { diagnostics: ctx.input.diagnostics, orientation } : { diagnostics: ctx.input.diagnostics });
}

/** Could this table hold levels? Tables of two plain columns are name/value lists instead. */
export function mayHoldLevels(table: Table): boolean {
  const header = table.children[0]?.children.map((c) => inlineText(c.children)) ?? [];
  return header.length >= 3 || header.slice(1).some((t) => looksLikeLevel(t));
}
