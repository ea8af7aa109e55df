// The one table interpreter: a grid (from HTML, GFM or delimited text) → levels and competencies.
// It finds the title and header rows, decides which axis holds the levels, sets aside describing
// columns, and reads category lines, group (track) columns, level facts (titles, codes, years,
// numeric ranges) and summaries. The syntax a table was written in never matters here.

import type { Diagnostics } from '../../diagnostics.js';
import type { Position } from '../../model.js';
import type { Orientation } from '../../options.js';
import { isLevelCode, parseLevelLabel } from '../../text/level-label.js';
import { cleanInline, cleanText } from '../../text/plain.js';
import type { DraftCell, DraftCompetency, DraftLevel, TableFragment } from '../draft.js';
import {
  CODE_HEADER,
  COMPETENCY_AXIS,
  FACT_HEADER,
  GROUP_AXIS,
  LEVEL_AXIS,
  NUMERIC_FACT,
  ROW_DIMENSION,
  SUMMARY_HEADER,
  TITLE_HEADER,
} from '../lexicon.js';
import { looksLikeLevel, splitExperience } from '../markdown/level-words.js';
import { isEmptyMark } from '../placeholder.js';
import { isDescribingHeader, rowNamesEnd } from '../table-axes.js';
import { distinct, gridWidth as width, transpose, type Grid, type GridCell, type Slot } from './grid.js';
import { pivotLongTable } from './long.js';

/** Where a table's messages go, and the orientation the configuration imposes, if any. */
export interface GridContext {
  diagnostics: Diagnostics;
  orientation?: Orientation;
}

export interface GridReading {
  /** One fragment; several when group labels or lines across the table split the levels into tracks. */
  fragments: TableFragment[];
  /** A level per row and only short facts in the cells: a levels overview. */
  overview: boolean;
}

type Slots = Slot[][];

const text = (slot: Slot): string => cleanInline(slot?.text ?? '');

/**
 * Reads a grid. Undefined when it holds no ladder: a standalone table says why (a warning); a
 * table among prose is left to its reader, which reports it as skipped content.
 */
export function readGrid(grid: Grid, context: GridContext): GridReading | undefined {
  const where = grid.position;
  const { slots, headRows } = withoutSheetLabels(grid.slots, grid.headRows);
  if (slots.length < 2 || width(slots) < 2) {
    if (grid.standalone) {
      context.diagnostics.warn(
        'table-too-small',
        'this table has fewer than two rows or two columns, so it cannot hold levels and competencies; it is skipped',
        where,
        'a ladder table needs a header line and a label line',
      );
    }
    return undefined;
  }
  const titleRows = countTitleRows(slots);
  let body = slots.slice(titleRows);
  const headerRows = countHeaderRows(body, headRows === undefined ? undefined : headRows - titleRows);
  const long = pivotLongTable(body, headerRows, grid.standalone);
  if (long) {
    context.diagnostics.info(
      'long-table',
      `this table lists one row per level and competency: read as ${long.levels} levels × ${long.competencies} competencies${long.grids.length > 1 ? ` in ${long.grids.length} tracks` : ''}`,
      where,
    );
    const fragments = long.grids.flatMap(({ track, grid: pivoted }) =>
      (readGrid({ ...pivoted, ...(grid.caption ? { caption: grid.caption } : {}), ...(where ? { position: where } : {}) }, context)?.fragments ?? []).map((f) => (track ? { ...f, caption: track } : f)),
    );
    if (fragments.length) return { fragments, overview: false };
  }
  let axes = describeAxes(body, headerRows);
  const orientation = decideOrientation(axes, grid, context);
  if (!orientation) return undefined;
  // With levels as columns, "Description", "Notes" or "Examples" columns describe each row's
  // competency: set aside (by source row) and removed, so they are neither names nor levels.
  const descriptions = new Map<number, string>();
  if (orientation === 'levels-as-columns') {
    const header = body[headerRows - 1] ?? [];
    const describing = header.map((cell, j) => (j > 0 && cell && header[j - 1] !== cell && isDescribingHeader(text(cell)) ? j : -1)).filter((j) => j > 0);
    if (describing.length) {
      body.forEach((row, r) => {
        const described = describing.map((j) => (row[j] ? cleanText(row[j]!.text) : '')).filter((t) => t && !isEmptyMark(t)).join('\n');
        if (r >= headerRows && described) descriptions.set(r, described);
      });
      body = body.map((row) => row.filter((_, j) => !describing.includes(j)));
      axes = describeAxes(body, headerRows);
    }
    if (axes.firstLevelColumn === undefined && !grid.standalone && !context.orientation) return undefined;
  }
  const sections = new LayoutReader(layoutFor(body, axes, orientation), context, descriptions).read();
  if (sections.length === 0) {
    if (grid.standalone) context.diagnostics.warn('table-without-levels', 'found no level in this table; it is skipped', where, 'label each level in the first column or the header row');
    return undefined;
  }
  const caption = tableCaption(grid.caption, slots.slice(0, titleRows).map((row) => row[0]!), context);
  const fragments = sections.map((section) => {
    const fragment: TableFragment = { levels: section.levels, competencies: section.competencies, position: section.position ?? where ?? { line: 1, column: 1 } };
    const name = section.title ?? caption;
    if (name) fragment.caption = name;
    return fragment;
  });
  const facts = fragments.flatMap((f) => f.competencies.flatMap((c) => c.cells.map((cell) => cell.text)));
  const overview = orientation === 'levels-as-rows' && facts.every((t) => t.length <= 40 && !t.includes('\n'));
  return { fragments, overview };
}

/**
 * A spreadsheet's "download as web page" keeps the sheet's own labels: a row of column letters (A,
 * B, C …) over the table and a column of row numbers (1, 2, 3 …) beside it. They are not the
 * ladder's: without them the table reads as the sheet shows it.
 */
function withoutSheetLabels(slots: Slots, headRows: number | undefined): { slots: Slots; headRows: number | undefined } {
  const first = slots[0] ?? [];
  const letters = first.slice(1).map(text);
  if (letters.length < 2 || text(first[0]) !== '' || !letters.every((l, i) => l === String.fromCharCode(65 + i))) return { slots, headRows };
  let body = slots.slice(1);
  const numbers = body.map((row) => text(row[0]));
  if (numbers.every((n, i) => n === String(i + 1))) body = body.map((row) => row.slice(1));
  return { slots: body, headRows: headRows === undefined || headRows <= 1 ? undefined : headRows - 1 };
}

/**
 * Leading rows holding one text over the whole width are the table's title, not a header of
 * competencies or levels: one cell spanning the row (`<th colspan=5>Engineering ladder</th>`), or
 * a first cell followed by blank ones (a sheet's title line copied as CSV, a GFM header row).
 */
function countTitleRows(slots: Slots): number {
  const w = width(slots);
  const filled = (row: readonly Slot[]) => distinct(row).filter((s) => s.text.trim() !== '');
  let n = 0;
  while (n < slots.length - 2) {
    const row = slots[n]!;
    const cells = filled(row);
    const only = cells.length === 1 ? cells[0]! : undefined;
    const alone = only !== undefined && row[0] === only && (row.length === w || row.every((s) => s === only)) && filled(slots[n + 1]!).length >= 2;
    if (!alone || slots[n + 1]!.includes(only)) break;
    n += 1;
  }
  return n;
}

/**
 * The rows the syntax marks as the head; else leading rows made entirely of header slots (but not
 * a single cell across the table: that is a heading between body rows); else the first row.
 */
function countHeaderRows(slots: Slots, marked: number | undefined): number {
  if (marked !== undefined && marked > 0) return Math.min(marked, slots.length);
  const w = width(slots);
  let n = 0;
  while (n < slots.length - 1) {
    const row = slots[n]!;
    const cells = Array.from({ length: w }, (_, c) => row[c]);
    const allHeaders = cells.every((s) => s?.header && !s.rowHeader);
    if (!allHeaders || distinct(cells).length < 2) break;
    n += 1;
  }
  return Math.max(1, n);
}

/** A header naming the column that labels each level: "Level", "Grade", a title or a code. */
function labelsLevels(header: string): boolean {
  return LEVEL_AXIS.test(header) || TITLE_HEADER.test(header) || CODE_HEADER.test(header);
}

/** Leading columns whose body slots are all row headers; at least the first column. */
function countLabelColumns(slots: Slots, headerRows: number): number {
  const body = slots.slice(headerRows);
  const w = width(slots);
  let n = 0;
  while (n < w - 1 && body.length && body.every((row) => row[n]?.header === true)) n += 1;
  // "| Track | Level | Technical | …": header cells that name a grouping, then the level column.
  const header = slots[headerRows - 1] ?? [];
  let g = 0;
  while (g < w - 2 && header[g] && GROUP_AXIS.test(text(header[g]))) g += 1;
  if (g > 0 && header[g] && labelsLevels(text(header[g]))) n = Math.max(n, g + 1);
  return Math.max(1, n);
}

// ---------------------------------------------------------------------------------------------
// Orientation: which axis holds the levels.

function levelShare(labels: readonly string[]): number {
  const present = labels.filter((l) => l.trim() !== '');
  return present.length ? present.filter(looksLikeLevel).length / present.length : 0;
}

/** "Level/Skill" names the rows first, the columns second. */
function cornerHint(corner: string): Orientation | undefined {
  const parts = corner.split(/\s*[/\\|×]\s*|\s+(?:x|vs\.?|by)\s+/i).filter(Boolean);
  const first = parts[0] ?? '';
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  if (LEVEL_AXIS.test(first) && !COMPETENCY_AXIS.test(first)) return 'levels-as-rows';
  // "Job title | Scope …", "Grade code | …": the rows are named by their titles or codes.
  // ("Name" alone names anything.)
  if (parts.length === 1 && ((TITLE_HEADER.test(first) && !/^names?$/i.test(first)) || CODE_HEADER.test(first))) return 'levels-as-rows';
  if (LEVEL_AXIS.test(last) && !COMPETENCY_AXIS.test(last)) return 'levels-as-columns';
  if (COMPETENCY_AXIS.test(first)) return 'levels-as-columns';
  return undefined;
}

/** Bare numbers label levels when they count up or down one by one (1, 2, 3 — not 49, 5, 1). */
function isNumberSequence(labels: readonly string[]): boolean {
  const numbers = labels.map(Number);
  if (numbers.length < 2) return true;
  const step = numbers[1]! - numbers[0]!;
  return (step === 1 || step === -1) && numbers.every((n, i) => i === 0 || n - numbers[i - 1]! === step);
}

interface Axes {
  headerRows: number;
  labelColumns: number;
  /** First column holding levels if levels are columns (after the row-name columns); undefined when no header reads as one. */
  firstLevelColumn: number | undefined;
  rowLabels: GridCell[];
  columnLabels: GridCell[];
  corner: string;
}

function isLongTextColumn(body: Slots, column: number): boolean {
  // Links and pictures (a sponsors table) are not expectations, however long their text.
  const texts = body.map((r) => r[column]).filter((s) => s && !s.linksOnly).map((s) => s!.text).filter((t) => t !== '');
  if (texts.length === 0 || texts.length * 2 < body.length) return false;
  return texts.reduce((n, t) => n + t.length, 0) / texts.length >= 30;
}

/**
 * The first level column: a header that reads as a level, or a column of long texts (expectations,
 * not names). The first header a level: 0 (the rows carry no names). A lone last column of long texts
 * under a plain header ("Area | Typical expectation") is a name/text table: undefined. Levels with
 * names of the company's own ("Bronze | Silver | Gold"): the columns after a header that says what
 * the rows are ("Competency").
 */
function levelColumnsStart(header: readonly Slot[], body: Slots): number | undefined {
  const texts = header.map(text);
  const w = texts.length;
  // No column of names: the first header is a level, so every named column is one ("Junior
  // Engineer | Engineer | Senior Engineer" keeps "Engineer", which has no seniority word).
  const separate = header.every((h, j) => j === 0 || h !== header[j - 1]);
  if (w >= 2 && separate && looksLikeLevel(texts[0]!) && texts.slice(1).some(looksLikeLevel) && texts.every((t) => t !== '')) return 0;
  for (let k = 1; k < w; k += 1) {
    if (header[k] === header[k - 1]) continue;
    if (looksLikeLevel(texts[k]!)) return rowNamesEnd(texts.map((t) => ({ text: t })), k);
    if (ROW_DIMENSION.test(texts[k]!)) continue;
    if (isLongTextColumn(body, k)) return k === w - 1 ? undefined : rowNamesEnd(texts.map((t) => ({ text: t })), k);
  }
  const last = texts.reduce((at, t, j) => (ROW_DIMENSION.test(t) ? j : at), -1);
  if (last >= 0 && w - last - 1 >= 2 && texts.slice(0, last + 1).every((t) => t === '' || ROW_DIMENSION.test(t))) return last + 1;
  return undefined;
}

function describeAxes(slots: Slots, headerRows: number): Axes {
  const labelColumns = countLabelColumns(slots, headerRows);
  const header = slots[headerRows - 1] ?? [];
  const body = slots.slice(headerRows);
  const firstLevelColumn = levelColumnsStart(Array.from({ length: width(slots) }, (_, c) => header[c]), body);
  // The corner names the axes; beside group columns ("Track | Level | …") the header of the
  // level label column does.
  const cornerColumn = labelColumns > 1 && labelsLevels(text(header[labelColumns - 1])) ? labelColumns - 1 : 0;
  const corner = distinct(slots.slice(0, headerRows).map((row) => row[cornerColumn]))
    .map((c) => cleanInline(c.text))
    .join(' ');
  return {
    headerRows,
    labelColumns,
    firstLevelColumn,
    rowLabels: distinct(body.map((row) => row[labelColumns - 1])),
    columnLabels: distinct(header.slice(firstLevelColumn ?? labelColumns)),
    corner,
  };
}

/**
 * The configured orientation, else what labels say, else (a standalone table) a structural guess
 * with a warning; a table among prose whose labels say nothing is not read (undefined) unless its
 * columns hold long texts under named rows.
 */
function decideOrientation(axes: Axes, grid: Grid, context: GridContext): Orientation | undefined {
  if (context.orientation) return context.orientation;
  const rowTexts = axes.rowLabels.map((c) => cleanInline(c.text)).filter((t) => t !== '');
  // Bare numbers that do not count one by one (49, 5, 1) are values, not rungs.
  if (rowTexts.length > 0 && rowTexts.every((l) => /^\d+$/.test(l)) && !isNumberSequence(rowTexts)) return 'levels-as-columns';
  const hint = cornerHint(axes.corner);
  const rows = levelShare(rowTexts) + (hint === 'levels-as-rows' ? 0.5 : 0);
  const columns = levelShare(axes.columnLabels.map((c) => c.text)) + (hint === 'levels-as-columns' ? 0.5 : 0);
  if (Math.max(rows, columns) >= 0.5 && rows !== columns) return rows > columns ? 'levels-as-rows' : 'levels-as-columns';
  if (!grid.standalone) return axes.firstLevelColumn !== undefined ? 'levels-as-columns' : undefined;

  // Labels say nothing: a ladder has fewer levels than competencies, and level labels are short.
  const meanLength = (cells: readonly GridCell[]) => cells.reduce((n, c) => n + c.text.length, 0) / Math.max(1, cells.length);
  const byCount = Math.sign(axes.columnLabels.length - axes.rowLabels.length);
  const byLength = Math.sign(meanLength(axes.columnLabels) - meanLength(axes.rowLabels));
  const guess: Orientation = (byCount || byLength) > 0 ? 'levels-as-rows' : 'levels-as-columns';
  const reason = byCount ? 'the axis with fewer labels' : byLength ? 'the axis with shorter labels' : 'the usual layout';
  context.diagnostics.warn(
    'orientation-guessed',
    `neither the row labels nor the column labels of this table look like levels; read as ${guess} (${reason} taken as levels)`,
    grid.position,
    'set "orientation" ("levels-as-rows" or "levels-as-columns") for this source in ladderc.config.json',
  );
  return guess;
}

// ---------------------------------------------------------------------------------------------
// Reading: after an optional transpose, levels are rows and competencies are columns.

interface Layout {
  slots: Slots;
  /** Leading rows with the competency hierarchy: category, area, then name (the last); 0 when rows carry no names. */
  nameRows: number;
  /** The column with level labels; columns before it hold group labels. */
  labelColumn: number;
  /** Columns from here on are competencies. */
  firstCompetencyColumn: number;
  /** True when the source had levels as columns (competencies are source rows). */
  transposed: boolean;
}

function layoutFor(slots: Slots, axes: Axes, orientation: Orientation): Layout {
  if (orientation === 'levels-as-rows') {
    return { slots, nameRows: axes.headerRows, labelColumn: axes.labelColumns - 1, firstCompetencyColumn: axes.labelColumns, transposed: false };
  }
  // Levels as columns: transposed, the row-name columns become name rows and the header row
  // (the last header row) becomes the label column.
  return {
    slots: transpose(slots),
    nameRows: axes.firstLevelColumn ?? axes.labelColumns,
    labelColumn: axes.headerRows - 1,
    firstCompetencyColumn: axes.headerRows,
    transposed: true,
  };
}

/** The caption, else the first title row; title rows beyond what is used are reported. */
function tableCaption(caption: string | undefined, titleCells: readonly GridCell[], context: GridContext): string | undefined {
  const titles = [caption ?? '', ...titleCells.map((c) => cleanInline(c.text))].filter(Boolean);
  titleCells.forEach((cell) => {
    const t = cleanInline(cell.text);
    if (t && t !== titles[0]) context.diagnostics.info('table-title-row', `"${t}" spans the whole table above its header and is not read as ladder content`, cell.position);
  });
  return titles[0];
}

interface CompetencyColumns {
  draft: DraftCompetency;
  columns: number[];
}

/** A line of the table that describes each level rather than expecting something of it. */
interface LevelAttribute {
  kind: 'title' | 'code' | 'metadata' | 'summary';
  name: string;
  column: number;
}

interface LevelBuild {
  draft: DraftLevel;
  index: number;
  section: number;
  /** Cells already read for this level, per competency: spans never repeat text. */
  seen: Map<DraftCompetency, Set<GridCell>>;
  summaries: Set<GridCell>;
}

/** Levels under one section row of a table (or the whole table), with their competencies. */
interface Section {
  title?: string;
  position?: Position;
  levels: DraftLevel[];
  competencies: DraftCompetency[];
}

/** Reads a layout whose rows are levels and whose columns are competencies. */
class LayoutReader {
  readonly #layout: Layout;
  readonly #context: GridContext;
  readonly #levelRows: readonly number[];
  readonly #competencyColumns: readonly number[];
  readonly #competencies: CompetencyColumns[] = [];
  readonly #attributes: LevelAttribute[] = [];
  readonly #levels: LevelBuild[] = [];
  /** Levels by label (and code, when a column gives codes), per section. */
  readonly #levelsByKey = new Map<string, LevelBuild>();
  /** Sections met so far (a line across the table, or a group label); levels before the first one are section 0. */
  readonly #sectionRows: GridCell[] = [];
  /** Group sections by name: a group's rows need not be adjacent. */
  readonly #groupSections = new Map<string, number>();
  #section = 0;

  /** Competency descriptions by transposed column (the source row), from describing columns. */
  readonly #descriptions: ReadonlyMap<number, string>;

  constructor(layout: Layout, context: GridContext, descriptions: ReadonlyMap<number, string>) {
    this.#descriptions = descriptions;
    this.#layout = layout;
    this.#context = context;
    this.#levelRows = layout.slots.map((_, r) => r).filter((r) => r >= layout.nameRows);
    const w = width(layout.slots);
    this.#competencyColumns = Array.from({ length: Math.max(0, w - layout.firstCompetencyColumn) }, (_, i) => layout.firstCompetencyColumn + i);
  }

  /** The table's sections that hold levels, each with its own level indexes. */
  read(): Section[] {
    this.#readCompetencies();
    this.#readLevels();
    this.#reportGroupLabels();
    const sections: Section[] = [];
    for (let s = 0; s <= this.#sectionRows.length; s += 1) {
      const levels = this.#levels.filter((l) => l.section === s);
      if (levels.length) sections.push(this.#sectionOf(s, levels));
    }
    return sections;
  }

  #sectionOf(s: number, levels: readonly LevelBuild[]): Section {
    const local = new Map(levels.map((l, i) => [l.index, i]));
    const competencies = this.#competencies.map(({ draft }) => ({
      ...draft,
      cells: draft.cells.filter((cell) => local.has(cell.level)).map((cell) => ({ ...cell, level: local.get(cell.level)! })),
    }));
    const section: Section = { levels: levels.map((l) => l.draft), competencies };
    const row = this.#sectionRows[s - 1];
    if (row) {
      section.title = cleanInline(row.text);
      if (row.position) section.position = row.position;
    }
    return section;
  }

  #slot(r: number, c: number): Slot {
    return this.#layout.slots[r]?.[c];
  }

  // --- competencies -----------------------------------------------------------------------------

  /**
   * With competencies as source rows, a row that is one cell across the table, or a bold name with
   * no cells, is a category heading for the rows below it.
   */
  #headingLine(c: number): GridCell | undefined {
    const { nameRows, transposed } = this.#layout;
    if (!transposed || nameRows === 0 || this.#competencyColumns.length < 2) return undefined;
    const levelSlots = this.#levelRows.map((r) => this.#slot(r, c));
    const names = distinct(Array.from({ length: nameRows }, (_, r) => this.#slot(r, c))).filter((s) => s.text !== '');
    const only = names.length === 1 ? names[0]! : undefined;
    if (!only) return undefined;
    if (levelSlots.length && levelSlots.every((s) => s === only)) return only;
    return only.bold && levelSlots.every((s) => !s || s.text === '' || s === only) ? only : undefined;
  }

  /** A line whose every filled cell is bold, levels included: a totals or summary line. */
  #isTotalsLine(c: number): boolean {
    if (!this.#layout.transposed) return false;
    const filled = distinct(this.#layout.slots.map((row) => row[c])).filter((s) => s.text !== '');
    const levelFilled = this.#levelRows.some((r) => (this.#slot(r, c)?.text ?? '') !== '');
    return filled.length >= 2 && levelFilled && filled.every((s) => s.bold);
  }

  #readCompetencies(): void {
    const { nameRows } = this.#layout;
    // The hierarchy as filled so far: a blank category or area continues the one above (as a
    // span would), until a value in a higher column changes.
    const fill: string[] = Array.from({ length: Math.max(0, nameRows - 1) }, () => '');
    let heading: string | undefined;
    let previousName: Slot;
    for (const c of this.#competencyColumns) {
      const line = this.#headingLine(c);
      if (line) {
        const headingText = cleanInline(line.text);
        if (fill.length >= 1) {
          fill[0] = headingText;
          fill.fill('', 1);
        } else heading = headingText;
        previousName = line;
        this.#context.diagnostics.info('category-heading', `"${headingText}" has no cells of its own and is read as a category heading`, line.position);
        continue;
      }
      if (this.#isTotalsLine(c)) {
        const first = distinct(this.#layout.slots.map((row) => row[c])).find((s) => s.text !== '')!;
        this.#context.diagnostics.info('summary-row', `skipped the table row "${cleanInline(first.text)}": every cell is bold (a totals or summary row), not a competency`, first.position);
        continue;
      }
      const name = nameRows > 0 ? this.#slot(nameRows - 1, c) : undefined;
      for (let h = 0; h < fill.length; h += 1) {
        const slot = this.#slot(h, c);
        const value = slot === name ? '' : text(slot);
        if (!value) continue;
        fill[h] = value;
        fill.fill('', h + 1);
      }
      const last = this.#competencies[this.#competencies.length - 1];
      if (name && name === previousName && last) {
        last.columns.push(c); // one name spanning several lines: one competency
        continue;
      }
      previousName = name;
      const nameText = name ? cleanInline(name.text) : '';
      if (!nameText && nameRows > 0) {
        this.#unnamedCompetency(c, last);
        continue;
      }
      if (name && this.#readAttribute(c, nameText, name)) continue;
      const draft: DraftCompetency = { name: nameText, cells: [] };
      const at = name?.position ?? this.#firstPosition(c);
      if (at) draft.position = at;
      const description = this.#descriptions.get(c);
      if (description) draft.description = description;
      const category = fill[0] || heading;
      if (category) draft.category = category;
      const area = fill.slice(1).filter(Boolean).join(' / ');
      if (area) draft.area = area;
      this.#competencies.push({ draft, columns: [c] });
    }
  }

  #firstPosition(c: number): Position | undefined {
    return this.#layout.slots.map((row) => row[c]).find((s) => s?.position)?.position;
  }

  /** Every level's cell in a column, if they are all short one-liners (facts, not expectations). */
  #shortCells(c: number): string[] | undefined {
    const cells = this.#levelRows.map((r) => this.#slot(r, c)?.text ?? '');
    return cells.every((t) => t.length <= 60 && !t.includes('\n')) ? cells : undefined;
  }

  /**
   * A line that describes levels rather than expecting something of them: a summary line, a title
   * or code line, a fact ("Years of experience"), or a line of numbers and ranges. Not a competency.
   */
  #readAttribute(c: number, name: string, cell: GridCell): boolean {
    if (SUMMARY_HEADER.test(name)) {
      this.#attributes.push({ kind: 'summary', name, column: c });
      this.#context.diagnostics.info('level-attribute', `"${name}" holds level summaries, not a competency`, cell.position);
      return true;
    }
    const short = this.#shortCells(c);
    if (!short) return false;
    const filled = short.filter((t) => t !== '');
    // A column of numbers and ranges beside a row per level ("Salary min", "Years") states facts
    // about each level; a line of numbers across levels ("delivery: 0-1 | 1 | 2") is a competency's
    // required score, an expectation.
    const numeric = !this.#layout.transposed && filled.length > 0 && filled.every((t) => NUMERIC_FACT.test(cleanInline(t)));
    const kind = TITLE_HEADER.test(name) ? 'title' : CODE_HEADER.test(name) ? 'code' : FACT_HEADER.test(name) || numeric ? 'metadata' : undefined;
    if (!kind) return false;
    this.#attributes.push({ kind, name, column: c });
    const what = kind === 'title' ? 'level titles' : kind === 'code' ? 'level codes' : 'level metadata';
    this.#context.diagnostics.info('level-attribute', `"${name}" holds ${what}, not a competency`, cell.position);
    return true;
  }

  /** Content without a competency name continues the competency before it; never dropped. */
  #unnamedCompetency(c: number, last: CompetencyColumns | undefined): void {
    const content = this.#levelRows.map((r) => this.#slot(r, c)).find((s) => s && s.text !== '');
    if (!content) return; // an empty column or line: nothing to keep
    const hint = 'give every competency a name in the header';
    if (last) {
      last.columns.push(c);
      this.#context.diagnostics.warn('competency-without-name', `a table line has content but no competency name; it is read as part of "${last.draft.name}"`, content.position, hint);
      return;
    }
    const draft: DraftCompetency = { name: `Competency ${this.#competencies.length + 1}`, cells: [] };
    if (content.position) draft.position = content.position;
    this.#competencies.push({ draft, columns: [c] });
    this.#context.diagnostics.warn('competency-without-name', `a table line has content but no competency name; it is named "${draft.name}"`, content.position, hint);
  }

  // --- levels -----------------------------------------------------------------------------------

  #readLevels(): void {
    let current: LevelBuild | undefined;
    let currentLabel: Slot;
    // Two or more group labels beside the level labels ("Individual contributor" over IC1–IC3,
    // "Manager" over M1–M2): each group is a set of levels of its own, a track.
    const groupColumn = this.#layout.labelColumn - 1;
    const groups = groupColumn < 0 ? [] : distinct(this.#levelRows.map((r) => this.#slot(r, groupColumn)).filter((c): c is GridCell => Boolean(c && cleanInline(c.text))));
    const names = new Set(groups.map((g) => cleanInline(g.text)));
    const codeColumn = this.#attributes.find((a) => a.kind === 'code')?.column;
    let currentGroup: string | undefined;
    for (const r of this.#levelRows) {
      const group = names.size >= 2 ? this.#slot(r, groupColumn) : undefined;
      // A group cell spanning its rows, or the same name repeated row by row (a sheet export).
      const groupName = group ? cleanInline(group.text) : '';
      if (groupName && groupName !== currentGroup) {
        this.#enterGroup(group!, groupName);
        currentGroup = groupName;
        current = undefined;
        currentLabel = undefined;
      }
      const label = this.#slot(r, this.#layout.labelColumn);
      if (label && label === currentLabel && current) {
        this.#readLine(current, r); // under a level label that spans several lines
        continue;
      }
      if (label && this.#spansCompetencies(r, label)) {
        this.#startSection(label);
        current = undefined;
        currentLabel = label;
        continue;
      }
      const labelText = label ? cleanInline(label.text) : '';
      const content = this.#lineContent(r);
      if (!labelText && content.length === 0) continue; // a blank line
      const code = codeColumn === undefined ? '' : text(this.#slot(r, codeColumn));
      current = labelText ? this.#levelFor(labelText, code, label!) : this.#unlabelledLine(current, content[0]!);
      currentLabel = label;
      this.#readLine(current, r);
    }
  }

  /** A group label: its levels are a track of their own, wherever its rows stand. */
  #enterGroup(cell: GridCell, name: string): void {
    const known = this.#groupSections.get(name);
    if (known !== undefined) {
      this.#section = known;
      return;
    }
    this.#sectionRows.push(cell);
    this.#section = this.#sectionRows.length;
    this.#groupSections.set(name, this.#section);
    this.#context.diagnostics.info('group-label', `"${name}" groups levels of this table: they are read as a track of their own`, cell.position);
  }

  /** A line that is one cell across the table starts a new set of levels (a track of its own). */
  #startSection(row: GridCell): void {
    this.#sectionRows.push(row);
    this.#section = this.#sectionRows.length;
    this.#context.diagnostics.info('table-section', `"${cleanInline(row.text)}" spans the whole table: the levels after it are read as a separate track`, row.position);
  }

  #newLevel(label: string, position: Position | undefined): LevelBuild {
    const draft: DraftLevel = { label };
    if (position) draft.position = position;
    const build: LevelBuild = { draft, index: this.#levels.length, section: this.#section, seen: new Map(), summaries: new Set() };
    this.#levels.push(build);
    return build;
  }

  /** Lines with the same label (and code) in one section are one level, even when not adjacent. */
  #levelFor(label: string, code: string, cell: GridCell): LevelBuild {
    const key = `${this.#section}\u0000${label.toLowerCase()}\u0000${code.toLowerCase()}`;
    const existing = this.#levelsByKey.get(key);
    if (!existing) {
      // "Junior<br><small>0-2 years</small>": the years are a fact about the level, not its title.
      const years = splitExperience(label);
      const build = this.#newLevel(years.label, cell.position);
      this.#levelsByKey.set(key, build);
      if (years.experience) build.draft.metadata = { ...build.draft.metadata, experience: years.experience };
      return build;
    }
    if (this.#layout.transposed) {
      // Two level columns with one title: almost always a slip (a header spanning columns is a colspan).
      this.#context.diagnostics.warn('duplicate-level', `two level columns are titled "${label}"; their cells are read as one level`, cell.position, 'give each level column its own title');
    } else this.#context.diagnostics.info('merged-level-rows', `level "${label}" appears again; its cells join the first "${label}"`, cell.position);
    return existing;
  }

  /** A line with content but no level label: part of the level before it (or a new level). */
  #unlabelledLine(current: LevelBuild | undefined, first: GridCell): LevelBuild {
    if (current) {
      this.#context.diagnostics.warn(
        'level-without-label',
        `a table line has content but no level label; it is read as part of level "${current.draft.label}"`,
        first.position,
        'label every level, or span the level label over its lines (rowspan/colspan)',
      );
      return current;
    }
    const build = this.#newLevel(String(this.#levels.length + 1), first.position);
    this.#context.diagnostics.warn(
      'level-without-label',
      `the first table line with content has no level label; it is labelled "${build.draft.label}"`,
      first.position,
      'label every level in the first column or the header row',
    );
    return build;
  }

  #lineContent(r: number): GridCell[] {
    return distinct(this.#competencyColumns.map((c) => this.#slot(r, c))).filter((s) => s.text !== '');
  }

  #spansCompetencies(r: number, label: GridCell): boolean {
    return this.#competencyColumns.length > 0 && this.#competencyColumns.every((c) => this.#slot(r, c) === label);
  }

  /** One cell over every competency of a level's line is the level's summary, not an expectation. */
  #summaryCell(r: number): GridCell | undefined {
    if (this.#competencies.length < 2) return undefined;
    const first = this.#slot(r, this.#competencyColumns[0]!);
    return first && this.#competencyColumns.every((c) => this.#slot(r, c) === first) ? first : undefined;
  }

  #readLine(level: LevelBuild, r: number): void {
    const summary = this.#summaryCell(r);
    if (summary) {
      this.#readSummary(level, summary);
      return;
    }
    this.#readAttributes(level, r);
    for (const competency of this.#competencies) {
      const seen = level.seen.get(competency.draft) ?? new Set<GridCell>();
      level.seen.set(competency.draft, seen);
      for (const c of competency.columns) {
        const cell = this.#slot(r, c);
        if (!cell || seen.has(cell)) continue;
        seen.add(cell);
        if (cell.text === '' || isEmptyMark(cell.text)) continue;
        const draftCell: DraftCell = { level: level.index, text: cell.text };
        if (cell.position) draftCell.position = cell.position;
        competency.draft.cells.push(draftCell);
      }
    }
  }

  #readAttributes(level: LevelBuild, r: number): void {
    for (const attribute of this.#attributes) {
      const value = text(this.#slot(r, attribute.column));
      if (!value) continue;
      if (attribute.kind === 'metadata') {
        level.draft.metadata = { ...level.draft.metadata, [attribute.name]: value };
        continue;
      }
      if (attribute.kind === 'summary') {
        if (!isEmptyMark(value)) level.draft.summary = cleanText(this.#slot(r, attribute.column)!.text);
        continue;
      }
      if (attribute.kind === 'code') {
        level.draft.code = value;
        level.draft.title ??= level.draft.label;
        continue;
      }
      // A title for a coded label ("L3" → "Senior Engineer"); beside a label that is a title
      // itself, a fact about the level rather than a second name.
      const code = isLevelCode(level.draft.label) ? level.draft.label : parseLevelLabel(level.draft.label).code;
      if (code === undefined) {
        level.draft.metadata = { ...level.draft.metadata, [attribute.name]: value };
        continue;
      }
      level.draft.title = value;
      level.draft.code = code;
    }
  }

  #readSummary(level: LevelBuild, cell: GridCell): void {
    if (level.summaries.has(cell)) return; // a summary spanning several lines of its level
    level.summaries.add(cell);
    const { summary, metadata } = cell.facts;
    if (summary) level.draft.summary = level.draft.summary ? `${level.draft.summary}\n${summary}` : summary;
    if (Object.keys(metadata).length) level.draft.metadata = { ...level.draft.metadata, ...metadata };
  }

  /** Labels left of the level labels (a group such as "Individual contributors") not read as tracks are reported. */
  #reportGroupLabels(): void {
    const groups = distinct(this.#levelRows.flatMap((r) => Array.from({ length: Math.max(0, this.#layout.labelColumn) }, (_, c) => this.#slot(r, c))));
    for (const cell of groups) {
      if (!cell.text || this.#groupSections.has(cleanInline(cell.text))) continue;
      this.#context.diagnostics.info('group-label', `"${cleanInline(cell.text)}" groups levels of this table; it is not read as ladder content`, cell.position, 'give each group its own table under its own heading to make it a track');
    }
  }
}

