// GFM tables in linear time: remark-gfm's table construct with its resolver replaced by the same
// algorithm over an edit map that finds an edit by its index in O(1).
//
// micromark-extension-gfm-table 2.1's resolver runs once over a whole document and records each
// cell's events in an EditMap whose `add` scans every earlier edit: O(cells²) per document, so a
// 4 MB Markdown ladder took minutes. This file is a port of its `resolveTable`, `flushCell`,
// `flushTableEnd` and `gfmTableAlign` (MIT, © Titus Wormer) with only the edit map changed; the
// tokenizer is the library's own. The events it yields are the library's, event for event
// (tests/readers/gfm-linear.test.ts compares the trees).

import type { Processor } from 'unified';

type Point = { line: number; column: number; offset: number; _index?: number; _bufferIndex?: number };
interface Token {
  type: string;
  start: Point;
  end: Point;
  contentType?: string;
  _align?: string[];
  [key: string]: unknown;
}
type Event = [kind: 'enter' | 'exit', token: Token, context: unknown];
interface Context {
  events: Event[];
}
type Range = [number, number, number, number];
type RowKind = 0 | 1 | 2 | 3;
interface Construct {
  name?: string;
  resolveAll?: (events: Event[], context: Context) => Event[];
  [key: string]: unknown;
}

/** Edits keyed by where they apply: one remove count and the events to add there. */
class EditMap {
  readonly #edits = new Map<number, [remove: number, add: Event[]]>();

  add(index: number, remove: number, add: Event[]): void {
    if (remove === 0 && add.length === 0) return;
    const edit = this.#edits.get(index);
    if (edit) {
      edit[0] += remove;
      for (const e of add) edit[1].push(e);
    } else this.#edits.set(index, [remove, add]);
  }

  consume(events: Event[]): void {
    if (this.#edits.size === 0) return;
    const at = [...this.#edits.keys()].sort((a, b) => a - b);
    const out: Event[] = [];
    let from = 0;
    for (const index of at) {
      const [remove, add] = this.#edits.get(index)!;
      for (let i = from; i < index; i += 1) out.push(events[i]!);
      for (const e of add) out.push(e);
      from = Math.max(from, index + remove);
    }
    for (let i = from; i < events.length; i += 1) out.push(events[i]!);
    events.length = 0;
    for (const e of out) events.push(e);
    this.#edits.clear();
  }
}

const copy = (p: Point): Point => ({ ...p });

function getPoint(events: readonly Event[], index: number): Point {
  const event = events[index]!;
  return event[0] === 'enter' ? event[1].start : event[1].end;
}

function flushCell(map: EditMap, context: Context, range: Range, rowKind: RowKind, rowEnd: number | undefined, previous: Token | undefined): Token | undefined {
  const groupName = rowKind === 1 ? 'tableHeader' : rowKind === 2 ? 'tableDelimiter' : 'tableData';
  if (range[0] !== 0) {
    previous!.end = copy(getPoint(context.events, range[0]));
    map.add(range[0], 0, [['exit', previous!, context]]);
  }
  const now = getPoint(context.events, range[1]);
  let cell: Token | undefined = { type: groupName, start: copy(now), end: copy(now) };
  map.add(range[1], 0, [['enter', cell, context]]);
  if (range[2] !== 0) {
    const relatedStart = getPoint(context.events, range[2]);
    const relatedEnd = getPoint(context.events, range[3]);
    const valueToken: Token = { type: 'tableContent', start: copy(relatedStart), end: copy(relatedEnd) };
    map.add(range[2], 0, [['enter', valueToken, context]]);
    if (rowKind !== 2) {
      const start = context.events[range[2]]!;
      const end = context.events[range[3]]!;
      start[1].end = copy(end[1].end);
      start[1].type = 'chunkText';
      start[1].contentType = 'text';
      if (range[3] > range[2] + 1) map.add(range[2] + 1, range[3] - range[2] - 1, []);
    }
    map.add(range[3] + 1, 0, [['exit', valueToken, context]]);
  }
  if (rowEnd !== undefined) {
    cell.end = copy(getPoint(context.events, rowEnd));
    map.add(rowEnd, 0, [['exit', cell, context]]);
    cell = undefined;
  }
  return cell;
}

function flushTableEnd(map: EditMap, context: Context, index: number, table: Token, body: Token | undefined): void {
  const exits: Event[] = [];
  const related = getPoint(context.events, index);
  if (body) {
    body.end = copy(related);
    exits.push(['exit', body, context]);
  }
  table.end = copy(related);
  exits.push(['exit', table, context]);
  map.add(index + 1, 0, exits);
}

function gfmTableAlign(events: readonly Event[], index: number): string[] {
  let inDelimiterRow = false;
  const align: string[] = [];
  for (; index < events.length; index += 1) {
    const event = events[index]!;
    if (inDelimiterRow) {
      if (event[0] === 'enter') {
        if (event[1].type === 'tableContent') align.push(events[index + 1]![1].type === 'tableDelimiterMarker' ? 'left' : 'none');
      } else if (event[1].type === 'tableContent') {
        if (events[index - 1]![1].type === 'tableDelimiterMarker') {
          const last = align.length - 1;
          align[last] = align[last] === 'left' ? 'center' : 'right';
        }
      } else if (event[1].type === 'tableDelimiterRow') break;
    } else if (event[0] === 'enter' && event[1].type === 'tableDelimiterRow') inDelimiterRow = true;
  }
  return align;
}

const isCellData = (type: string): boolean => type === 'data' || type === 'tableDelimiterMarker' || type === 'tableDelimiterFiller';

function resolveTable(events: Event[], context: Context): Event[] {
  let inFirstCellAwaitingPipe = true;
  let rowKind: RowKind = 0;
  let lastCell: Range = [0, 0, 0, 0];
  let cell: Range = [0, 0, 0, 0];
  let afterHeadAwaitingFirstBodyRow = false;
  let lastTableEnd = 0;
  let currentTable: Token | undefined;
  let currentBody: Token | undefined;
  let currentCell: Token | undefined;
  const map = new EditMap();
  for (let index = 0; index < events.length; index += 1) {
    const [kind, token] = events[index]!;
    if (kind === 'enter') {
      if (token.type === 'tableHead') {
        afterHeadAwaitingFirstBodyRow = false;
        if (lastTableEnd !== 0) {
          flushTableEnd(map, context, lastTableEnd, currentTable!, currentBody);
          currentBody = undefined;
          lastTableEnd = 0;
        }
        currentTable = { type: 'table', start: copy(token.start), end: copy(token.end) };
        map.add(index, 0, [['enter', currentTable, context]]);
      } else if (token.type === 'tableRow' || token.type === 'tableDelimiterRow') {
        inFirstCellAwaitingPipe = true;
        currentCell = undefined;
        lastCell = [0, 0, 0, 0];
        cell = [0, index + 1, 0, 0];
        if (afterHeadAwaitingFirstBodyRow) {
          afterHeadAwaitingFirstBodyRow = false;
          currentBody = { type: 'tableBody', start: copy(token.start), end: copy(token.end) };
          map.add(index, 0, [['enter', currentBody, context]]);
        }
        rowKind = token.type === 'tableDelimiterRow' ? 2 : currentBody ? 3 : 1;
      } else if (rowKind && isCellData(token.type)) {
        inFirstCellAwaitingPipe = false;
        if (cell[2] === 0) {
          if (lastCell[1] !== 0) {
            cell[0] = cell[1];
            currentCell = flushCell(map, context, lastCell, rowKind, undefined, currentCell);
            lastCell = [0, 0, 0, 0];
          }
          cell[2] = index;
        }
      } else if (token.type === 'tableCellDivider') {
        if (inFirstCellAwaitingPipe) inFirstCellAwaitingPipe = false;
        else {
          if (lastCell[1] !== 0) {
            cell[0] = cell[1];
            currentCell = flushCell(map, context, lastCell, rowKind, undefined, currentCell);
          }
          lastCell = cell;
          cell = [lastCell[1], index, 0, 0];
        }
      }
    } else if (token.type === 'tableHead') {
      afterHeadAwaitingFirstBodyRow = true;
      lastTableEnd = index;
    } else if (token.type === 'tableRow' || token.type === 'tableDelimiterRow') {
      lastTableEnd = index;
      if (lastCell[1] !== 0) {
        cell[0] = cell[1];
        currentCell = flushCell(map, context, lastCell, rowKind, index, currentCell);
      } else if (cell[1] !== 0) {
        currentCell = flushCell(map, context, cell, rowKind, index, currentCell);
      }
      rowKind = 0;
    } else if (rowKind && isCellData(token.type)) {
      cell[3] = index;
    }
  }
  if (lastTableEnd !== 0) flushTableEnd(map, context, lastTableEnd, currentTable!, currentBody);
  map.consume(context.events);
  for (let index = 0; index < context.events.length; index += 1) {
    const event = context.events[index]!;
    if (event[0] === 'enter' && event[1].type === 'table') event[1]._align = gfmTableAlign(context.events, index);
  }
  return events;
}

type State = (code: number | null) => unknown;
interface TokenizeContext extends Context {
  now(): Point;
}
type Tokenizer = (this: TokenizeContext, effects: unknown, ok: State, nok: State) => State;

/** Whether the last event before this line (line endings and prefixes aside) ends a table head or row. */
function inTable(events: readonly Event[]): boolean {
  let index = events.length - 1;
  while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index -= 1;
  const tail = index > -1 ? events[index]![1].type : undefined;
  return tail === 'tableHead' || tail === 'tableRow';
}

// Every character a delimiter row may hold ("| :-- | --: |"), with the container markers in front
// of it (block quote ">", list markers "-", "*", "+", "1." and "1)").
const DELIMITER_CHARACTERS = /^[ \t>|:\-*+.)0-9]*-[ \t>|:\-*+.)0-9]*$/;

/** Whether the line after the one at `offset` of `source` could be a table's delimiter row. */
export function nextLineCanDelimit(source: string, offset: number): boolean {
  const lineBreak = /\r\n?|\n/g;
  lineBreak.lastIndex = offset;
  const first = lineBreak.exec(source);
  if (!first) return false;
  const start = first.index + first[0].length;
  lineBreak.lastIndex = start;
  const second = lineBreak.exec(source);
  return DELIMITER_CHARACTERS.test(source.slice(start, second ? second.index : source.length));
}

/**
 * A unified plugin, used after remark-gfm: swaps the table construct's resolver in this processor's
 * own micromark extensions (fresh objects remark-gfm made for it; nothing global is touched), and
 * tries a table head only on a line whose next line could be a delimiter row. micromark's flow
 * sees one line at a time, so the library parses every line with a pipe as a head row, cell by
 * cell, before the next line rejects it: a line of 100,000 pipes cost that many cells, twice.
 * The processor's parser is wrapped to know the document it reads (set for one synchronous parse).
 */
export function linearGfmTables(this: Processor): void {
  let source = '';
  const parse = this.parser!;
  this.parser = (document, file) => {
    source = document;
    try {
      return parse(document, file);
    } finally {
      source = '';
    }
  };
  const guarded = (tokenize: Tokenizer): Tokenizer =>
    function (this: TokenizeContext, effects, ok, nok) {
      const start = tokenize.call(this, effects, ok, nok);
      const context = this;
      return (code) => (inTable(context.events) || nextLineCanDelimit(source, context.now().offset) ? start(code) : nok(code));
    };
  const extensions = (this.data('micromarkExtensions') ?? []) as unknown as Array<{ flow?: Record<string, Construct | Construct[]> }>;
  for (const extension of extensions) {
    const flow = extension.flow;
    if (!flow) continue;
    for (const key of Object.keys(flow)) {
      const hook = flow[key]!;
      const swap = (c: Construct): Construct => (c.name === 'table' && c.resolveAll ? { ...c, resolveAll: resolveTable, tokenize: guarded(c.tokenize as Tokenizer) } : c);
      flow[key] = Array.isArray(hook) ? hook.map(swap) : swap(hook);
    }
  }
}
