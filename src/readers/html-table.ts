// Ladder tables out of HTML (whole documents, or HTML embedded in Markdown): each `<table>` becomes
// a grid (grid/from-html.ts) read by the one table interpreter (grid/interpret.ts).

import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Diagnostics } from '../diagnostics.js';
import type { Position } from '../model.js';
import type { Orientation } from '../options.js';
import type { TableFragment } from './draft.js';
import { gridFromHtml } from './grid/from-html.js';
import { readGrid } from './grid/interpret.js';
import type { ReaderInput } from './types.js';

export { elementPosition, summaryAndMetadata, textOf } from './grid/from-html.js';

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
export function readHtmlTables(html: string, start: Position, input: ReaderInput, standalone = true): TableFragment[] {
  const context = tableContext(start, input);
  const fragments: TableFragment[] = [];
  for (const table of outerTables(parseHtml(html))) fragments.push(...readTableElement(table, context, standalone));
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
 * Reads one `<table>`: one fragment, or one per section when rows spanning the whole table split
 * its levels into sections; none when it holds no level (with a warning when it is `standalone`,
 * the content of an HTML page rather than a table among Markdown prose).
 */
export function readTableElement(table: Element, context: TableContext, standalone = true): TableFragment[] {
  const grid = gridFromHtml(table, context.toSource, standalone);
  const gridContext = context.orientation ? { diagnostics: context.diagnostics, orientation: context.orientation } : { diagnostics: context.diagnostics };
  return readGrid(grid, gridContext)?.fragments ?? [];
}
