// Reads ladder tables out of HTML (whole documents, or HTML embedded in Markdown): spans expanded
// into a grid, orientation decided, levels (with summaries and metadata) and competency cells drafted.

import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Diagnostics } from '../diagnostics.js';
import type { Position } from '../model.js';
import type { Orientation } from '../options.js';
import { isLevelCode, parseLevelLabel } from '../text/level-label.js';
import { cleanInline, cleanText } from '../text/plain.js';
import type { DraftCell, DraftCompetency, DraftLevel, TableFragment } from './draft.js';
import type { ReaderInput } from './types.js';
import { isEmptyMark } from './placeholder.js';
import { looksLikeLevel, splitExperience } from './markdown/level-words.js';
import { COMPETENCY_AXIS, FACT_HEADER, LEVEL_AXIS, TITLE_HEADER } from './lexicon.js';
import { GROUP_AXIS, isDescribingHeader, rowNamesEnd, SUMMARY_HEADER } from './table-axes.js';

/** Where a parsed HTML string sits in its source, and where its messages go. */
export interface TableContext {
  /** Maps a position in the parsed HTML string to the source. */
  toSource(point: Position | undefined): Position | undefined;
  diagnostics: Diagnostics;
  orientation?: Orientation;
}

/**
 * Every top-level table of `html` (a document or fragment) that holds a ladder, as fragments.
 * `start` is where `html` begins in the source, so that positions are source positions.
 */
export function readHtmlTables(html: string, start: Position, input: ReaderInput): TableFragment[] {
  const context = tableContext(start, input);
  const fragments: TableFragment[] = [];
  for (const table of outerTables(parseHtml(html))) fragments.push(...readTableElement(table, context));
  return fragments;
}

export function tableContext(start: Position, input: ReaderInput): TableContext {
  const context: TableContext = {
    toSource: (point) => (point ? shiftPosition(start, point) : undefined),
    diagnostics: input.diagnostics,
  };
  if (input.options.orientation) context.orientation = input.options.orientation;
  return context;
}

/** A position in a string that starts at `start` in the source → the same place in the source. */
export function shiftPosition(start: Position, point: Position): Position {
  return {
    line: start.line + point.line - 1,
    column: point.line === 1 ? start.column + point.column - 1 : point.column,
  };
}

// Content a browser never shows never reaches the model.
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript']);

/** Parses HTML as a fragment (a whole document works too: html/head/body tags dissolve). */
export function parseHtml(html: string): Root {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  prune(tree);
  return tree;
}

function visible(node: RootContent): boolean {
  return node.type !== 'comment' && node.type !== 'doctype' && !(node.type === 'element' && INVISIBLE.has(node.tagName));
}

function prune(node: Root | Element): void {
  if (node.type === 'root') node.children = node.children.filter(visible);
  else node.children = node.children.filter(visible);
  for (const child of node.children) if (child.type === 'element') prune(child);
}

/** Tables not nested in another table (a nested table is part of its cell's text). */
export function outerTables(node: Root | Element): Element[] {
  const out: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'table') out.push(child);
    else out.push(...outerTables(child));
  }
  return out;
}

/**
 * Plain text as a browser's innerText gives it: blocks, list items and `<br>` on their own lines.
 * Blank lines are folded into line breaks: in the model a blank line separates merged cells, and
 * innerText leaves stray blank lines between some blocks (e.g. `</li> <li>`).
 */
export function textOf(node: Nodes): string {
  return cleanText(toText(node)).replace(/\n{2,}/g, '\n');
}

export function elementPosition(node: Nodes): Position | undefined {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The grid: every slot of the table points at the cell covering it.

interface GridCell {
  element: Element;
  header: boolean;
  text: string;
  /** Source position of the cell's start tag. */
  position?: Position;
}

type Slot = GridCell | undefined;
type Grid = Slot[][];

interface TableRow {
  element: Element;
  section: number;
  inHead: boolean;
}

function tableRows(table: Element): TableRow[] {
  const rows: TableRow[] = [];
  let section = 0;
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push({ element: child, section, inHead: false });
    if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      section += 1;
      for (const tr of child.children) {
        if (tr.type === 'element' && tr.tagName === 'tr') rows.push({ element: tr, section, inHead: child.tagName === 'thead' });
      }
      section += 1;
    }
  }
  return rows;
}

function span(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  if (!Number.isFinite(n) || n < 0) return fallback;
  return Math.min(n, max);
}

/** The HTML table model: `rowspan`/`colspan` expanded, `rowspan=0` to the end of its row group. */
function buildGrid(rows: readonly TableRow[], context: TableContext): Grid {
  const grid: Grid = rows.map(() => []);
  // Where each row's group (thead/tbody/tfoot) ends: spans never cross it.
  const ends: number[] = [];
  for (let r = rows.length - 1; r >= 0; r -= 1) {
    ends[r] = r + 1 < rows.length && rows[r + 1]!.section === rows[r]!.section ? ends[r + 1]! : r + 1;
  }
  rows.forEach((row, r) => {
    const end = ends[r]!;
    let c = 0;
    for (const el of row.element.children) {
      if (el.type !== 'element' || (el.tagName !== 'td' && el.tagName !== 'th')) continue;
      while (grid[r]![c]) c += 1;
      const colSpan = Math.max(1, span(el.properties.colSpan, 1, 1000));
      const rowSpanRaw = span(el.properties.rowSpan, 1, 65534);
      const rowSpan = rowSpanRaw === 0 ? end - r : Math.max(1, Math.min(rowSpanRaw, end - r));
      const cell: GridCell = { element: el, header: el.tagName === 'th', text: textOf(el) };
      const position = context.toSource(elementPosition(el));
      if (position) cell.position = position;
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) grid[r + dr]![c + dc] = cell;
      }
      c += colSpan;
    }
  });
  return grid;
}

function width(grid: Grid): number {
  return Math.max(0, ...grid.map((row) => row.length));
}

function transpose(grid: Grid): Grid {
  const w = width(grid);
  return Array.from({ length: w }, (_, c) => grid.map((row) => row[c]));
}

/** Distinct cells in order of first appearance. */
function distinct(slots: readonly Slot[]): GridCell[] {
  const out: GridCell[] = [];
  for (const s of slots) if (s && !out.includes(s)) out.push(s);
  return out;
}

/**
 * Leading rows holding one cell over the whole width are the table's title, not a header of
 * competencies or levels ("<tr><th colspan=5>Engineering ladder</th></tr>").
 */
function countTitleRows(grid: Grid): number {
  const w = width(grid);
  let n = 0;
  while (n < grid.length - 2) {
    const cells = distinct(grid[n]!);
    const only = cells.length === 1 ? cells[0]! : undefined;
    const spansWidth = only !== undefined && grid[n]!.length === w && grid[n]!.every((s) => s === only);
    if (!spansWidth || grid[n + 1]!.includes(only)) break;
    n += 1;
  }
  return n;
}

/**
 * thead rows; else leading rows made entirely of `<th>` slots (but not a single cell across the
 * table: that is a heading between body rows); else the first row.
 */
function countHeaderRows(rows: readonly TableRow[], grid: Grid): number {
  const head = rows.findIndex((row) => !row.inHead);
  if (head > 0) return head;
  if (head === -1 && rows.length > 0) return rows.length;
  const w = width(grid);
  let n = 0;
  while (n < grid.length - 1) {
    const row = grid[n]!;
    const slots = Array.from({ length: w }, (_, c) => row[c]);
    const allHeaders = slots.every((s) => s?.header && s.element.properties.scope !== 'row');
    if (!allHeaders || distinct(slots).length < 2) break;
    n += 1;
  }
  return Math.max(1, n);
}

/** Leading columns whose body slots are all `<th>` (row headers); at least the first column. */
function countLabelColumns(grid: Grid, headerRows: number): number {
  const body = grid.slice(headerRows);
  const w = width(grid);
  let n = 0;
  while (n < w - 1 && body.length && body.every((row) => row[n]?.header === true)) n += 1;
  // "| Track | Level | Technical | …": header cells that name a grouping, then the level column.
  const header = grid[headerRows - 1] ?? [];
  let g = 0;
  while (g < w - 2 && header[g] && GROUP_AXIS.test(cleanInline(header[g]!.text))) g += 1;
  if (g > 0 && header[g] && LEVEL_AXIS.test(cleanInline(header[g]!.text))) n = Math.max(n, g + 1);
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
  if (LEVEL_AXIS.test(last) && !COMPETENCY_AXIS.test(last)) return 'levels-as-columns';
  if (COMPETENCY_AXIS.test(first)) return 'levels-as-columns';
  return undefined;
}

interface Axes {
  headerRows: number;
  labelColumns: number;
  /** First column holding levels if levels are columns (after the competency hierarchy columns). */
  firstLevelColumn: number;
  rowLabels: GridCell[];
  columnLabels: GridCell[];
  corner: string;
}

function describeAxes(grid: Grid, headerRows: number): Axes {
  const labelColumns = countLabelColumns(grid, headerRows);
  const header = grid[headerRows - 1] ?? [];
  const w = width(grid);
  let firstLevelColumn = labelColumns;
  for (let c = 1; c < w; c += 1) {
    const cell = header[c];
    if (cell && cell !== header[c - 1] && looksLikeLevel(cell.text)) {
      firstLevelColumn = rowNamesEnd(
        header.map((h) => ({ text: cleanInline(h?.text ?? '') })),
        c,
      );
      break;
    }
  }
  const corner = distinct(grid.slice(0, headerRows).map((row) => row[0]))
    .map((c) => cleanInline(c.text))
    .join(' ');
  return {
    headerRows,
    labelColumns,
    firstLevelColumn,
    rowLabels: distinct(grid.slice(headerRows).map((row) => row[labelColumns - 1])),
    columnLabels: distinct(header.slice(firstLevelColumn)),
    corner,
  };
}

/** The configured orientation, else what labels say, else a structural guess with a warning. */
function decideOrientation(axes: Axes, table: Element, context: TableContext): Orientation {
  if (context.orientation) return context.orientation;
  const hint = cornerHint(axes.corner);
  const rows = levelShare(axes.rowLabels.map((c) => c.text)) + (hint === 'levels-as-rows' ? 0.5 : 0);
  const columns = levelShare(axes.columnLabels.map((c) => c.text)) + (hint === 'levels-as-columns' ? 0.5 : 0);
  if (Math.max(rows, columns) >= 0.5 && rows !== columns) return rows > columns ? 'levels-as-rows' : 'levels-as-columns';

  // Labels say nothing: a ladder has fewer levels than competencies, and level labels are short.
  const meanLength = (cells: readonly GridCell[]) => cells.reduce((n, c) => n + c.text.length, 0) / Math.max(1, cells.length);
  const byCount = Math.sign(axes.columnLabels.length - axes.rowLabels.length);
  const byLength = Math.sign(meanLength(axes.columnLabels) - meanLength(axes.rowLabels));
  const guess: Orientation = (byCount || byLength) > 0 ? 'levels-as-rows' : 'levels-as-columns';
  const reason = byCount ? 'the axis with fewer labels' : byLength ? 'the axis with shorter labels' : 'the usual layout';
  context.diagnostics.warn(
    'orientation-guessed',
    `neither the row labels nor the column labels of this table look like levels; read as ${guess} (${reason} taken as levels)`,
    context.toSource(elementPosition(table)),
    'set "orientation" ("levels-as-rows" or "levels-as-columns") for this source in ladderc.config.json',
  );
  return guess;
}

// ---------------------------------------------------------------------------------------------
// Reading: after an optional transpose, levels are rows and competencies are columns.

interface Layout {
  grid: Grid;
  /** Leading rows with the competency hierarchy: category, area, then name (the last). */
  nameRows: number;
  /** The column with level labels; columns before it hold group labels. */
  labelColumn: number;
  /** Columns from here on are competencies. */
  firstCompetencyColumn: number;
  /** True when the source had levels as columns (competencies are source rows). */
  transposed: boolean;
}

function layoutFor(grid: Grid, axes: Axes, orientation: Orientation): Layout {
  if (orientation === 'levels-as-rows') {
    return { grid, nameRows: axes.headerRows, labelColumn: axes.labelColumns - 1, firstCompetencyColumn: axes.labelColumns, transposed: false };
  }
  // Levels as columns: transposed, the hierarchy columns become name rows and the header row
  // (the last header row) becomes the label column.
  return {
    grid: transpose(grid),
    nameRows: Math.max(1, axes.firstLevelColumn),
    labelColumn: axes.headerRows - 1,
    firstCompetencyColumn: axes.headerRows,
    transposed: true,
  };
}

/**
 * Reads one `<table>`: one fragment, or one per section when rows spanning the whole table split
 * its levels into sections; none (with a warning) when it holds no level.
 */
/**
 * A spreadsheet's "download as web page" keeps the sheet's own labels: a row of column letters (A,
 * B, C …) over the table and a column of row numbers (1, 2, 3 …) beside it. They are not the
 * ladder's: without them the table reads as the sheet shows it.
 */
function withoutSheetLabels(grid: Grid, rows: TableRow[]): { grid: Grid; rows: TableRow[] } {
  const text = (slot: Slot) => cleanInline(slot?.text ?? '');
  const first = grid[0] ?? [];
  const letters = first.slice(1).map(text);
  if (letters.length < 2 || text(first[0]) !== '' || !letters.every((l, i) => l === String.fromCharCode(65 + i))) return { grid, rows };
  let body = grid.slice(1);
  const numbers = body.map((row) => text(row[0]));
  if (numbers.every((n, i) => n === String(i + 1))) body = body.map((row) => row.slice(1));
  return { grid: body, rows: rows.slice(1) };
}

export function readTableElement(table: Element, context: TableContext): TableFragment[] {
  const where = context.toSource(elementPosition(table));
  const allRows = tableRows(table);
  const { grid, rows } = withoutSheetLabels(buildGrid(allRows, context), allRows);
  if (grid.length < 2 || width(grid) < 2) {
    context.diagnostics.warn(
      'table-too-small',
      'this table has fewer than two rows or two columns, so it cannot hold levels and competencies; it is skipped',
      where,
      'a ladder table needs a header line and a label line',
    );
    return [];
  }
  const titleRows = countTitleRows(grid);
  let body = grid.slice(titleRows);
  const headerRows = countHeaderRows(rows.slice(titleRows), body);
  let axes = describeAxes(body, headerRows);
  const orientation = decideOrientation(axes, table, context);
  // With levels as columns, "Description", "Notes" or "Examples" columns describe each row's
  // competency: set aside (by source row) and removed, so they are neither names nor levels.
  const descriptions = new Map<number, string>();
  if (orientation === 'levels-as-columns') {
    const header = body[headerRows - 1] ?? [];
    const describing = header.map((cell, j) => (j > 0 && cell && header[j - 1] !== cell && isDescribingHeader(cleanInline(cell.text)) ? j : -1)).filter((j) => j > 0);
    if (describing.length) {
      body.forEach((row, r) => {
        const text = describing.map((j) => (row[j] ? cleanText(row[j]!.text) : '')).filter((t) => t && !isEmptyMark(t)).join('\n');
        if (r >= headerRows && text) descriptions.set(r, text);
      });
      body = body.map((row) => row.filter((_, j) => !describing.includes(j)));
      axes = describeAxes(body, headerRows);
    }
  }
  const sections = new LayoutReader(layoutFor(body, axes, orientation), context, descriptions).read();
  if (sections.length === 0) {
    context.diagnostics.warn('table-without-levels', 'found no level in this table; it is skipped', where, 'label each level in the first column or the header row');
    return [];
  }
  const caption = tableCaption(table, grid.slice(0, titleRows).map((row) => row[0]!), context);
  return sections.map((section) => {
    const fragment: TableFragment = { levels: section.levels, competencies: section.competencies, position: section.position ?? where ?? { line: 1, column: 1 } };
    const name = section.title ?? caption;
    if (name) fragment.caption = name;
    return fragment;
  });
}

/** The `<caption>`, else the first title row; title rows beyond what is used are reported. */
function tableCaption(table: Element, titleCells: readonly GridCell[], context: TableContext): string | undefined {
  const element = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const titles = [element ? cleanInline(textOf(element)) : '', ...titleCells.map((c) => cleanInline(c.text))].filter(Boolean);
  titleCells.forEach((cell) => {
    const text = cleanInline(cell.text);
    if (text && text !== titles[0]) {
      context.diagnostics.info('table-title-row', `"${text}" spans the whole table above its header and is not read as ladder content`, cell.position);
    }
  });
  return titles[0];
}

interface CompetencyColumns {
  draft: DraftCompetency;
  columns: number[];
}

/** A line of the table that describes each level rather than expecting something of it. */
interface LevelAttribute {
  kind: 'title' | 'metadata' | 'summary';
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
  readonly #context: TableContext;
  readonly #levelRows: readonly number[];
  readonly #competencyColumns: readonly number[];
  readonly #competencies: CompetencyColumns[] = [];
  readonly #attributes: LevelAttribute[] = [];
  readonly #levels: LevelBuild[] = [];
  #levelsByLabel = new Map<string, LevelBuild>();
  /** Section rows met so far; levels before the first one are section 0. */
  readonly #sectionRows: GridCell[] = [];
  readonly #groupSections = new Set<GridCell>();

  /** Competency descriptions by transposed column (the source row), from describing columns. */
  readonly #descriptions: ReadonlyMap<number, string>;

  constructor(layout: Layout, context: TableContext, descriptions: ReadonlyMap<number, string> = new Map()) {
    this.#descriptions = descriptions;
    this.#layout = layout;
    this.#context = context;
    this.#levelRows = layout.grid.map((_, r) => r).filter((r) => r >= layout.nameRows);
    const w = width(layout.grid);
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
      if (levels.length) sections.push(this.#section(s, levels));
    }
    return sections;
  }

  #section(s: number, levels: readonly LevelBuild[]): Section {
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
    return this.#layout.grid[r]?.[c];
  }

  // --- competencies -----------------------------------------------------------------------------

  /**
   * With competencies as source rows, a row that is one cell across the table, or a bold name with
   * no cells, is a category heading for the rows below it (as in Markdown ladders).
   */
  #isHeadingLine(c: number, name: Slot): boolean {
    if (!this.#layout.transposed || !name || this.#competencyColumns.length < 2) return false;
    const levelSlots = this.#levelRows.map((r) => this.#slot(r, c));
    if (levelSlots.length && levelSlots.every((s) => s === name)) return true;
    return isBoldOnly(name.element) && levelSlots.every((s) => !s || s.text === '');
  }

  #readCompetencies(): void {
    const { nameRows } = this.#layout;
    let heading: string | undefined;
    let previousName: Slot;
    for (const c of this.#competencyColumns) {
      const name = this.#slot(nameRows - 1, c);
      if (this.#isHeadingLine(c, name)) {
        heading = cleanInline(name!.text);
        previousName = name;
        this.#context.diagnostics.info('category-heading', `"${heading}" has no cells of its own and is read as a category heading`, name!.position);
        continue;
      }
      const last = this.#competencies[this.#competencies.length - 1];
      if (name && name === previousName && last) {
        last.columns.push(c); // one name spanning several lines: one competency
        continue;
      }
      previousName = name;
      const text = name ? cleanInline(name.text) : '';
      if (!text) {
        this.#unnamedCompetency(c, last);
        continue;
      }
      if (this.#readAttribute(c, text, name!)) continue;
      const draft: DraftCompetency = { name: text, cells: [] };
      if (name?.position) draft.position = name.position;
      const description = this.#descriptions.get(c);
      if (description) draft.description = description;
      this.#addHierarchy(draft, c, heading);
      this.#competencies.push({ draft, columns: [c] });
    }
  }

  /** A "Title" or "Years of experience" line of one-line cells describes levels: not a competency. */
  #readAttribute(c: number, name: string, cell: GridCell): boolean {
    if (SUMMARY_HEADER.test(name)) {
      this.#attributes.push({ kind: 'summary', name, column: c });
      this.#context.diagnostics.info('level-attribute', `"${name}" holds level summaries, not a competency`, cell.position);
      return true;
    }
    const kind = TITLE_HEADER.test(name) ? 'title' : FACT_HEADER.test(name) ? 'metadata' : undefined;
    if (!kind || this.#levelRows.some((r) => this.#slot(r, c)?.text.includes('\n'))) return false;
    this.#attributes.push({ kind, name, column: c });
    const what = kind === 'title' ? 'level titles' : 'level metadata';
    this.#context.diagnostics.info('level-attribute', `"${name}" holds ${what}, not a competency`, cell.position);
    return true;
  }

  #addHierarchy(draft: DraftCompetency, c: number, heading: string | undefined): void {
    const { nameRows } = this.#layout;
    const name = this.#slot(nameRows - 1, c);
    const category = nameRows >= 2 ? this.#slot(0, c) : undefined;
    const area = nameRows >= 3 ? this.#slot(nameRows - 2, c) : undefined;
    const categoryText = category && category !== name ? cleanInline(category.text) : '';
    if (categoryText) draft.category = categoryText;
    else if (heading) draft.category = heading;
    const areaText = area && area !== name && area !== category ? cleanInline(area.text) : '';
    if (areaText) draft.area = areaText;
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
    let currentGroup: Slot;
    for (const r of this.#levelRows) {
      const group = names.size >= 2 ? this.#slot(r, groupColumn) : undefined;
      // A group cell spanning its rows, or the same name repeated row by row (a sheet export).
      const same = group && currentGroup && (group === currentGroup || cleanInline(group.text) === cleanInline(currentGroup.text));
      if (group && !same && groups.includes(group)) {
        this.#startSection(group, 'group');
        this.#groupSections.add(group);
        currentGroup = group;
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
      const text = label ? cleanInline(label.text) : '';
      const content = this.#lineContent(r);
      if (!text && content.length === 0) continue; // a blank line
      current = text ? this.#levelFor(text, label!) : this.#unlabelledLine(current, content[0]!);
      currentLabel = label;
      this.#readLine(current, r);
    }
  }

  /** A line that is one cell across the table, or a group label, starts a new set of levels (a track of its own). */
  #startSection(row: GridCell, kind: 'line' | 'group' = 'line'): void {
    this.#sectionRows.push(row);
    this.#levelsByLabel = new Map();
    if (kind === 'group') {
      this.#context.diagnostics.info('group-label', `"${cleanInline(row.text)}" groups levels of this table: they are read as a track of their own`, row.position);
      return;
    }
    this.#context.diagnostics.info(
      'table-section',
      `"${cleanInline(row.text)}" spans the whole table: the levels after it are read as a separate track`,
      row.position,
    );
  }

  #newLevel(label: string, position: Position | undefined): LevelBuild {
    const draft: DraftLevel = { label };
    if (position) draft.position = position;
    const build: LevelBuild = { draft, index: this.#levels.length, section: this.#sectionRows.length, seen: new Map(), summaries: new Set() };
    this.#levels.push(build);
    this.#levelsByLabel.set(label.toLowerCase(), build);
    return build;
  }

  /** Lines with the same label that are not adjacent are still one level. */
  #levelFor(text: string, label: GridCell): LevelBuild {
    const existing = this.#levelsByLabel.get(text.toLowerCase());
    if (!existing) {
      // "Junior<br><small>0-2 years</small>": the years are a fact about the level, not its title.
      const years = splitExperience(text);
      const build = this.#newLevel(years.label, label.position);
      this.#levelsByLabel.set(text.toLowerCase(), build);
      if (years.experience) build.draft.metadata = { ...build.draft.metadata, experience: years.experience };
      return build;
    }
    this.#context.diagnostics.info('merged-level-rows', `level "${text}" appears again; its cells join the first "${text}"`, label.position);
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
      const text = cleanInline(this.#slot(r, attribute.column)?.text ?? '');
      if (!text) continue;
      if (attribute.kind === 'metadata') {
        level.draft.metadata = { ...level.draft.metadata, [attribute.name]: text };
        continue;
      }
      if (attribute.kind === 'summary') {
        if (!isEmptyMark(text)) level.draft.summary = cleanText(this.#slot(r, attribute.column)!.text);
        continue;
      }
      // The label column then holds the code ("L3"), unless it already reads as a title.
      const code = parseLevelLabel(level.draft.label).code;
      level.draft.title = text;
      if (code) level.draft.code = code;
    }
  }

  #readSummary(level: LevelBuild, cell: GridCell): void {
    if (level.summaries.has(cell)) return; // a summary spanning several lines of its level
    level.summaries.add(cell);
    const { summary, metadata } = summaryAndMetadata(cell.element);
    if (summary) level.draft.summary = level.draft.summary ? `${level.draft.summary}\n${summary}` : summary;
    if (Object.keys(metadata).length) level.draft.metadata = { ...level.draft.metadata, ...metadata };
  }

  /** Labels left of the level labels (a group such as "Individual contributors") are not read. */
  #reportGroupLabels(): void {
    const groups = distinct(this.#levelRows.flatMap((r) => Array.from({ length: this.#layout.labelColumn }, (_, c) => this.#slot(r, c))));
    for (const cell of groups) {
      if (!cell.text || [...this.#groupSections].some((g) => g === cell || cleanInline(g.text) === cleanInline(cell.text))) continue;
      this.#context.diagnostics.info('group-label', `"${cleanInline(cell.text)}" groups levels of this table; it is not read as ladder content`, cell.position, 'give each group its own table under its own heading to make it a track');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Level summaries: bold "Label:" lines are metadata, the rest is the summary.

const BOLD = new Set(['strong', 'b']);
const BOLD_OPEN = '\uE000';
const BOLD_CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;
// "<b>Years of experience:</b> 2+" or "<b>Years of experience</b>: 2+" — one bold label, then a value.
const METADATA_LINE = /^\uE000\s*([^\uE000\uE001]{1,60}?)\s*(?::\s*\uE001|\uE001\s*:)\s*(\S.*)$/;

function markBold(node: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (BOLD.has(child.tagName)) {
      child.children = [{ type: 'text', value: BOLD_OPEN }, ...child.children, { type: 'text', value: BOLD_CLOSE }];
    } else markBold(child);
  }
}

export function summaryAndMetadata(cell: Element): { summary: string; metadata: Record<string, string> } {
  const metadata: Record<string, string> = {};
  if (/[\uE000\uE001]/.test(toText(cell))) return { summary: textOf(cell), metadata };
  const marked = structuredClone(cell);
  markBold(marked);
  const kept: string[] = [];
  for (const line of textOf(marked).split('\n')) {
    const m = METADATA_LINE.exec(line);
    if (m) metadata[cleanInline(m[1]!)] = cleanInline(m[2]!.replace(MARKERS, ''));
    else kept.push(line.replace(MARKERS, ''));
  }
  return { summary: cleanText(kept.join('\n')), metadata };
}

/** A cell whose whole text is bold (a category heading line, as in Markdown tables). */
function isBoldOnly(cell: Element): boolean {
  const meaningful = cell.children.filter((c: ElementContent) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'element' && BOLD.has(meaningful[0]!.tagName);
}
