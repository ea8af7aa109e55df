// A GFM table (or delimited text turned into one) as a grid: the first row is the head, every cell
// one slot (GFM has no spans), ragged rows padded with blank cells or cut, with a warning.

import type { Table, TableCell } from 'mdast';
import type { Diagnostics } from '../../diagnostics.js';
import type { Position } from '../../model.js';
import { inlineText, isLinksOrImagesOnly, positionOf } from '../markdown/mdast.js';
import { plainCell, type Grid, type GridCell } from './grid.js';

function cellOf(cell: TableCell, header: boolean): GridCell {
  const meaningful = cell.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const text = inlineText(cell.children);
  // Point at the cell's text rather than at the pipe before it.
  const position = positionOf(meaningful[0] ?? cell) ?? positionOf(cell);
  const out = plainCell(text, header, position);
  out.bold = text !== '' && meaningful.length === 1 && meaningful[0]!.type === 'strong';
  out.linksOnly = isLinksOrImagesOnly(cell.children);
  return out;
}

export function gridFromMdast(table: Table, diagnostics: Diagnostics, standalone = false): Grid {
  const [headerRow, ...bodyRows] = table.children;
  const header = headerRow ? headerRow.children.map((c) => cellOf(c, true)) : [];
  const width = header.length;
  const body = bodyRows.map((row) => {
    const cells = row.children.map((c) => cellOf(c, false));
    if (cells.length !== width) {
      const what = cells.length < width ? 'padded with blank cells' : 'extra cells dropped';
      diagnostics.warn('ragged-row', `table row has ${cells.length} cells but the header has ${width}; ${what}`, positionOf(row), 'give every row as many cells as the header');
    }
    return Array.from({ length: width }, (_, i) => cells[i] ?? plainCell('', false, positionOf(row)));
  });
  const grid: Grid = { slots: headerRow ? [header, ...body] : [], headRows: headerRow ? 1 : undefined, standalone };
  const position: Position | undefined = positionOf(table);
  if (position) grid.position = position;
  return grid;
}
