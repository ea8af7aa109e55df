// A long table: one row per level and competency (a spreadsheet export, a database dump), with a
// column naming the level, one naming the competency and one holding the statement — optionally a
// track column and a category column. It is pivoted into the matrix it lists (competencies as rows,
// levels as columns, in order of first appearance; one grid per track) and read like any matrix.

import { cleanInline } from '../../text/plain.js';
import { CATEGORY_COLUMN, GROUP_AXIS, LEVEL_COLUMN, ROW_DIMENSION, STATEMENT_HEADER } from '../lexicon.js';
import { plainCell, type Grid, type GridCell, type Slot } from './grid.js';

export interface LongTable {
  /** One grid per track, in order of first appearance; the track's name when a column gives it. */
  grids: Array<{ track?: string; grid: Grid }>;
  levels: number;
  competencies: number;
}

const text = (slot: Slot): string => cleanInline(slot?.text ?? '');

interface Columns {
  level: number;
  competency: number;
  statement: number;
  track?: number;
  category?: number;
}

/** The columns of a long table, from its one header row; undefined when it is not one. */
function columnsOf(header: readonly string[]): Columns | undefined {
  const find = (test: (h: string) => boolean, except: readonly number[] = []) => header.findIndex((h, i) => !except.includes(i) && test(h));
  const statement = find((h) => STATEMENT_HEADER.test(h));
  const level = find((h) => LEVEL_COLUMN.test(h), [statement]);
  if (statement === -1 || level === -1) return undefined;
  // "Category" and "Competency" both name rows: the narrower one is the competency.
  const category = find((h) => CATEGORY_COLUMN.test(h), [statement, level]);
  let competency = find((h) => ROW_DIMENSION.test(h) && !CATEGORY_COLUMN.test(h), [statement, level]);
  if (competency === -1 && category !== -1) competency = category;
  if (competency === -1) return undefined;
  const track = find((h) => GROUP_AXIS.test(h), [statement, level, competency]);
  const columns: Columns = { level, competency, statement };
  if (track !== -1) columns.track = track;
  if (category !== -1 && category !== competency) columns.category = category;
  return columns;
}

/**
 * The long table a grid holds, pivoted; undefined unless its header names a level, a competency
 * and a statement column and a level or competency recurs down the rows (else it is a plain table
 * with levels as rows). A blank level, competency, track or category cell repeats the one above,
 * as a spreadsheet's merged cells export.
 */
export function pivotLongTable(slots: readonly Slot[][], headerRows: number, standalone: boolean): LongTable | undefined {
  if (headerRows !== 1 || slots.length < 3) return undefined;
  const header = (slots[0] ?? []).map(text);
  const columns = columnsOf(header);
  if (!columns) return undefined;
  interface Row { track: string; category: string; level: string; levelCell: GridCell | undefined; competency: string; competencyCell: GridCell | undefined; statement: GridCell }
  const rows: Row[] = [];
  let last: Row | undefined;
  for (const slot of slots.slice(1)) {
    const statement = slot[columns.statement];
    if (!statement || text(statement) === '') continue;
    const pick = (c: number | undefined, before: string | undefined) => (c === undefined ? '' : text(slot[c]) || before || '');
    const row: Row = {
      track: pick(columns.track, last?.track),
      category: pick(columns.category, last?.category),
      level: pick(columns.level, last?.level),
      levelCell: slot[columns.level] ?? last?.levelCell,
      competency: pick(columns.competency, last?.competency),
      competencyCell: slot[columns.competency] ?? last?.competencyCell,
      statement,
    };
    if (!row.level || !row.competency) return undefined;
    rows.push(row);
    last = row;
  }
  const levels = new Set(rows.map((r) => `${r.track}\0${r.level}`));
  const competencies = new Set(rows.map((r) => `${r.track}\0${r.category}\0${r.competency}`));
  // A table with levels as rows has one row per level; a long table lists each level again.
  if (levels.size >= rows.length || competencies.size >= rows.length) return undefined;
  const grids: LongTable['grids'] = [];
  const tracks = [...new Set(rows.map((r) => r.track))];
  for (const track of tracks) {
    const mine = rows.filter((r) => r.track === track);
    const levelOrder = [...new Set(mine.map((r) => r.level))];
    const headerCells: Slot[] = [plainCell(header[columns.competency] || 'Competency', true, slots[0]![columns.competency]?.position)];
    for (const level of levelOrder) headerCells.push(plainCell(level, true, mine.find((r) => r.level === level)!.levelCell?.position));
    const body: Slot[][] = [];
    let category = '';
    const seen = new Map<string, Slot[]>();
    for (const r of mine) {
      const key = `${r.category}\0${r.competency}`;
      let line = seen.get(key);
      if (!line) {
        if (r.category && r.category !== category) {
          // A category line: a bold cell with no cells of its own (grid category heading).
          const cell = plainCell(r.category, false, undefined);
          cell.bold = true;
          body.push([cell]);
          category = r.category;
        }
        line = [plainCell(r.competency, false, r.competencyCell?.position)];
        seen.set(key, line);
        body.push(line);
      }
      const at = 1 + levelOrder.indexOf(r.level);
      const before = line[at];
      const joined = before ? `${before.text}\n${r.statement.text}` : r.statement.text;
      const cell = plainCell(joined, false, before?.position ?? r.statement.position);
      line[at] = cell;
    }
    const width = levelOrder.length + 1;
    for (const line of body) if (line.length > 1) for (let c = 1; c < width; c += 1) line[c] ??= plainCell('', false, undefined);
    const grid: Grid = { slots: [headerCells, ...body], headRows: 1, standalone };
    grids.push(track ? { track, grid } : { grid });
  }
  return { grids, levels: levels.size, competencies: competencies.size };
}
