// One GFM table → levels and competency rows: orientation, hierarchy columns, category rows, ragged rows.

import type { Table, TableCell } from 'mdast';
import type { Position } from '../../model.js';
import type { Orientation } from '../../options.js';
import type { DraftCompetency, DraftLevel, TableFragment } from '../draft.js';
import type { ReadContext } from './context.js';
import { isLevelCode } from '../../text/level-label.js';
import { FACT_HEADER, looksLikeLevel, splitExperience, TITLE_LABEL } from './level-words.js';
import { inlineText, isLinksOrImagesOnly, positionOf } from './mdast.js';
import { isEmptyMark } from '../placeholder.js';
import { GROUP_AXIS, isDescribingHeader, ROW_DIMENSION, rowNamesEnd, SUMMARY_HEADER } from '../table-axes.js';

interface Cell {
  text: string;
  /** The whole cell is `**bold**`: a category heading or a totals row. */
  bold: boolean;
  /** Only links or pictures. */
  linksOnly: boolean;
  position: Position | undefined;
}

function readCell(cell: TableCell): Cell {
  const meaningful = cell.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const text = inlineText(cell.children);
  // Point at the cell's text rather than at the pipe before it.
  const position = positionOf(meaningful[0] ?? cell) ?? positionOf(cell);
  const bold = text !== '' && meaningful.length === 1 && meaningful[0]!.type === 'strong';
  return { text, bold, linksOnly: isLinksOrImagesOnly(cell.children), position };
}

const BLANK: Cell = { text: '', bold: false, linksOnly: false, position: undefined };

export interface GfmTable {
  /** One fragment; several when a Track column groups the levels (each with its caption). */
  fragments: TableFragment[];
  /** A level per row and only short facts in the cells: a levels overview. */
  overview: boolean;
}

/** Levels and rows of a GFM table, or undefined when it has no level columns or rows (not a ladder table). */
export function readGfmTable(table: Table, ctx: ReadContext): GfmTable | undefined {
  const [headerRow, ...bodyRows] = table.children;
  if (!headerRow || bodyRows.length === 0) return undefined;
  const header = headerRow.children.map(readCell);
  const width = header.length;
  const body = bodyRows.map((row) => {
    const cells = row.children.map(readCell);
    if (cells.length !== width) {
      const what = cells.length < width ? 'padded with blank cells' : 'extra cells dropped';
      ctx.input.diagnostics.warn(
        'ragged-row',
        `table row has ${cells.length} cells but the header has ${width}; ${what}`,
        positionOf(row),
        'give every row as many cells as the header',
      );
    }
    return Array.from({ length: width }, (_, i) => cells[i] ?? { ...BLANK, position: positionOf(row) });
  });
  const position = positionOf(table) ?? { line: 1, column: 1 };
  const forced = ctx.input.options.orientation;
  const orientation = forced ?? detectOrientation(header, body);
  const grouped = forced === 'levels-as-columns' ? undefined : trackColumnGroups(header, body);
  if (grouped) {
    const fragments = grouped.flatMap(({ name, rows }) => {
      const fragment = levelsAsRows(header.slice(1), rows.map((r) => r.slice(1)), position, ctx);
      return fragment ? [{ ...fragment, caption: name }] : [];
    });
    return fragments.length ? { fragments, overview: false } : undefined;
  }
  if (orientation === 'levels-as-rows') {
    const fragment = levelsAsRows(header, body, position, ctx);
    const facts = body.flatMap((r) => r.slice(1)).filter((c) => c.text !== '');
    const overview = facts.every((c) => c.text.length <= 40 && !c.text.includes('\n'));
    return fragment && { fragments: [fragment], overview };
  }
  const fragment = levelsAsColumns(header, body, position, ctx, forced !== undefined);
  return fragment && { fragments: [fragment], overview: false };
}

/**
 * "| Track | Level | Technical |" with a track per group of rows (a blank cell: the track above):
 * the rows of each track, in order. Undefined unless the first header names a grouping, the second
 * the levels, and two or more tracks are named.
 */
function trackColumnGroups(header: readonly Cell[], body: readonly Cell[][]): Array<{ name: string; rows: Cell[][] }> | undefined {
  if (header.length < 3 || !GROUP_AXIS.test(header[0]!.text.trim()) || !LEVEL_COLUMN_HEADER.test(header[1]!.text.trim())) return undefined;
  const groups: Array<{ name: string; rows: Cell[][] }> = [];
  for (const row of body) {
    const name = row[0]!.text.trim();
    // A new name starts a track; a blank cell or the same name again continues the one above.
    if (name && name !== groups[groups.length - 1]?.name) groups.push({ name, rows: [] });
    groups[groups.length - 1]?.rows.push(row);
  }
  return groups.length >= 2 ? groups : undefined;
}

function isLongTextColumn(body: readonly Cell[][], column: number): boolean {
  // Links and pictures (a sponsors table) are not expectations, however long their text.
  const texts = body.filter((r) => !r[column]!.linksOnly).map((r) => r[column]!.text).filter((t) => t !== '');
  if (texts.length === 0 || texts.length * 2 < body.length) return false;
  return texts.reduce((n, t) => n + t.length, 0) / texts.length >= 30;
}

/**
 * The first level column: a level-like header, or a column of long texts (expectations, not names).
 * A lone last column of long texts under a plain header ("Area | Typical expectation") is a
 * name/text table, not a ladder: one level needs a header that reads as a level.
 */
function firstLevelColumn(header: readonly Cell[], body: readonly Cell[][]): number | undefined {
  for (let k = 1; k < header.length; k += 1) {
    if (looksLikeLevel(header[k]!.text)) return rowNamesEnd(header, k);
    // A column headed "Competency" holds names, however long they are.
    if (ROW_DIMENSION.test(header[k]!.text.trim())) continue;
    if (isLongTextColumn(body, k)) return k === header.length - 1 ? undefined : rowNamesEnd(header, k);
  }
  // Levels with names of the company's own ("Bronze | Silver | Gold") and short cells: the header
  // of the row names says what the rows are ("Competency", "Skill"); the two or more columns after
  // it are the levels.
  const last = header.reduce((at, c, j) => (ROW_DIMENSION.test(c.text) ? j : at), -1);
  if (last >= 0 && header.length - last - 1 >= 2 && header.slice(0, last + 1).every((c) => c.text === '' || ROW_DIMENSION.test(c.text))) return last + 1;
  return undefined;
}

/** Could this table hold levels? Tables of two plain columns are name/value lists instead. */
export function mayHoldLevels(table: Table): boolean {
  const header = table.children[0]?.children.map(readCell) ?? [];
  return header.length >= 3 || header.slice(1).some((c) => looksLikeLevel(c.text));
}

/** Bare numbers label levels when they count up or down one by one (1, 2, 3 — not 49, 5, 1). */
function isNumberSequence(labels: readonly string[]): boolean {
  const numbers = labels.map(Number);
  if (numbers.length < 2) return true;
  const step = numbers[1]! - numbers[0]!;
  return (step === 1 || step === -1) && numbers.every((n, i) => i === 0 || n - numbers[i - 1]! === step);
}

const LEVEL_COLUMN_HEADER = /^(?:levels?|level\s+name|grades?|bands?|rungs?|tiers?|steps?|stages?)$/i;

function detectOrientation(header: readonly Cell[], body: readonly Cell[][]): Orientation {
  const labels = body.map((r) => r[0]!.text).filter((t) => t !== '');
  if (labels.length > 0 && labels.every((l) => /^\d+$/.test(l)) && !isNumberSequence(labels)) return 'levels-as-columns';
  const levelRows = labels.filter(looksLikeLevel).length;
  const levelHeaders = header.slice(1).filter((c) => looksLikeLevel(c.text)).length;
  // A first header that says "Level" vouches for a single row too.
  const enough = labels.length >= 2 || (labels.length === 1 && /\blevels?\b/i.test(header[0]!.text));
  if (enough && levelRows * 5 >= labels.length * 3 && levelHeaders * 2 <= header.length - 1) return 'levels-as-rows';
  // "| Level | Scope | Impact |" over "Bronze", "Silver", …: the first header says the rows are
  // levels, even when their names are the company's own.
  if (labels.length >= 2 && levelHeaders === 0 && LEVEL_COLUMN_HEADER.test(header[0]!.text)) return 'levels-as-rows';
  return 'levels-as-columns';
}

function levelsAsColumns(header: Cell[], body: Cell[][], position: Position, ctx: ReadContext, forced: boolean): TableFragment | undefined {
  // Every header a level ("| Beginner | Advanced | Expert |"): the rows have no names of their own;
  // the Markdown reader names them after their heading. Told the levels are columns, every column
  // after the first is one, whatever its header says.
  const unnamedRows = header.length >= 2 && header.every((c) => looksLikeLevel(c.text));
  const k = unnamedRows ? 0 : (firstLevelColumn(header, body) ?? (forced && header.length > 1 ? 1 : undefined));
  if (k === undefined) return undefined;
  // "Description", "Notes", "Examples" columns, before or after the levels, describe the row.
  const describing = header.map((c, j) => j).filter((j) => j > 0 && isDescribingHeader(header[j]!.text));
  const hier = Array.from({ length: k }, (_, j) => j).filter((j) => !describing.includes(j));
  const levelColumns: number[] = [];
  const levels: DraftLevel[] = [];
  for (let j = k; j < header.length; j += 1) {
    const cell = header[j]!;
    if (describing.includes(j)) continue;
    if (!cell.text) {
      ctx.input.diagnostics.warn('unnamed-column', 'a level column has no header; its cells are skipped', cell.position ?? position);
      continue;
    }
    levelColumns.push(j);
    // "Junior<br>(0–2 yrs)": the years are a fact about the level, not part of its title.
    const { label, experience } = splitExperience(cell.text);
    // GFM has no column spans: a title met twice is two columns that will read as one level.
    if (levels.some((l) => l.label.toLowerCase() === label.toLowerCase())) {
      ctx.input.diagnostics.warn('duplicate-level', `two level columns are titled "${label}"; their cells are read as one level`, cell.position ?? position, 'give each level column its own title');
    }
    levels.push(withPosition(experience ? { label, metadata: { experience } } : { label }, cell.position));
  }
  if (levels.length === 0) return undefined;

  // Hierarchy columns: a blank cell repeats the row above; a new value resets the columns right of it.
  const fill: string[] = Array.from({ length: hier.length }, () => '');
  let headingCategory: string | undefined;
  const competencies: DraftCompetency[] = [];
  for (const row of body) {
    const [first] = row;
    const rest = row.slice(1);
    if (k > 0 && first!.bold && rest.every((c) => c.text === '')) {
      // A category heading row: `| **Skill** | | | |`.
      if (hier.length >= 2) {
        fill[0] = first!.text;
        fill.fill('', 1);
      } else headingCategory = first!.text;
      continue;
    }
    const filled = row.filter((c) => c.text !== '');
    if (filled.length === 0) continue;
    if (filled.length >= 2 && filled.every((c) => c.bold) && levelColumns.some((j) => row[j]!.text !== '')) {
      ctx.input.diagnostics.info(
        'summary-row',
        `skipped the table row "${first!.text || filled[0]!.text}": every cell is bold (a totals or summary row), not a competency`,
        first!.position,
      );
      continue;
    }
    hier.forEach((j, h) => {
      const text = row[j]!.text;
      if (!text) return;
      fill[h] = text;
      for (let m = h + 1; m < hier.length; m += 1) if (!row[hier[m]!]!.text) fill[m] = '';
    });
    const name = hier.length > 0 ? fill[hier.length - 1]! : '';
    if (!name && hier.length > 0) {
      ctx.input.diagnostics.info('unnamed-row', 'skipped a table row without a competency name', first!.position);
      continue;
    }
    if (hier.length === 1 && levelFacts(name, row, levelColumns, levels)) continue;
    const competency: DraftCompetency = { name, cells: [] };
    const category = hier.length >= 2 ? fill[0] : headingCategory;
    if (category) competency.category = category;
    const area = hier.length >= 3 ? fill.slice(1, hier.length - 1).filter(Boolean).join(' / ') : '';
    if (area) competency.area = area;
    const description = describing.map((j) => row[j]!.text).filter((t) => t && !isEmptyMark(t)).join('\n');
    if (description) competency.description = description;
    const nameColumn = hier[hier.length - 1];
    const at = nameColumn !== undefined && row[nameColumn]!.text ? row[nameColumn]!.position : first!.position;
    if (at) competency.position = at;
    levelColumns.forEach((j, level) => {
      const cell = row[j]!;
      if (cell.text && !isEmptyMark(cell.text)) competency.cells.push(withPosition({ level, text: cell.text }, cell.position));
    });
    competencies.push(competency);
  }
  return { levels, competencies, position };
}

/**
 * A "Title" row of short texts gives coded levels their titles ("| Title | Junior | Senior |" under
 * "| | L1 | L2 |"); an "Experience" row gives facts. True when the row was one of those.
 */
function levelFacts(name: string, row: readonly Cell[], levelColumns: readonly number[], levels: DraftLevel[]): boolean {
  const texts = levelColumns.map((j) => row[j]!.text);
  if (SUMMARY_HEADER.test(name)) {
    levels.forEach((level, i) => {
      if (texts[i] && !isEmptyMark(texts[i]!)) level.summary = texts[i]!;
    });
    return true;
  }
  if (!texts.every((t) => t.length <= 60 && !t.includes('\n'))) return false;
  if (TITLE_LABEL.test(name) && levels.every((l) => isLevelCode(l.label))) {
    levels.forEach((level, i) => {
      if (!texts[i]) return;
      level.code = level.label;
      level.title = texts[i]!;
    });
    return true;
  }
  if (!FACT_HEADER.test(name)) return false;
  levels.forEach((level, i) => {
    if (texts[i]) level.metadata = { ...(level.metadata ?? {}), [name]: texts[i]! };
  });
  return true;
}

/**
 * A row per level. A short "Title" column gives the titles of coded levels ("L1 | Software Engineer
 * I"), short fact columns ("Experience") become level metadata, a "Summary" column the level's
 * summary; every other column is a competency.
 */
function levelsAsRows(header: Cell[], body: Cell[][], position: Position, ctx: ReadContext): TableFragment | undefined {
  const short = (j: number): boolean => body.every((r) => r[j]!.text.length <= 60 && !r[j]!.text.includes('\n'));
  const columns = header.map((c, j) => ({ c, j })).slice(1).filter(({ c }) => c.text !== '');
  const titleColumn = columns.find(({ c, j }) => TITLE_LABEL.test(c.text) && short(j));
  const summaryColumn = columns.find(({ c }) => SUMMARY_HEADER.test(c.text));
  const factColumns = columns.filter(({ c, j }) => c !== titleColumn?.c && c !== summaryColumn?.c && FACT_HEADER.test(c.text) && short(j));
  const competencyColumns = columns.filter((col) => col !== titleColumn && col !== summaryColumn && !factColumns.includes(col));
  const levels: DraftLevel[] = [];
  const competencies: DraftCompetency[] = competencyColumns.map(({ c }) => withPosition({ name: c.text, cells: [] }, c.position));
  for (const row of body) {
    const label = row[0]!;
    if (!label.text) {
      ctx.input.diagnostics.info('unnamed-row', 'skipped a table row without a level label', row[1]?.position ?? position);
      continue;
    }
    const level = levels.length;
    const years = splitExperience(label.text);
    const draft: DraftLevel = withPosition({ label: years.label }, label.position);
    const metadata: Record<string, string> = years.experience ? { experience: years.experience } : {};
    const title = titleColumn ? row[titleColumn.j]!.text : '';
    if (title && isLevelCode(years.label)) {
      draft.code = years.label;
      draft.title = title;
    } else if (title) metadata[titleColumn!.c.text] = title;
    for (const { c, j } of factColumns) if (row[j]!.text) metadata[c.text] = row[j]!.text;
    if (Object.keys(metadata).length) draft.metadata = metadata;
    const summary = summaryColumn ? row[summaryColumn.j]!.text : '';
    if (summary && !isEmptyMark(summary)) draft.summary = summary;
    levels.push(draft);
    competencyColumns.forEach(({ j }, i) => {
      const cell = row[j]!;
      if (cell.text && !isEmptyMark(cell.text)) competencies[i]!.cells.push(withPosition({ level, text: cell.text }, cell.position));
    });
  }
  if (levels.length === 0) return undefined;
  return { levels, competencies, position };
}

function withPosition<T extends object>(value: T, position: Position | undefined): T & { position?: Position } {
  return position ? { ...value, position } : value;
}
