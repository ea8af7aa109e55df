// HTML tables embedded in Markdown: CommonMark ends an HTML block at a blank line, so one `<table>`
// arrives as several `html` nodes; the source slice from the first to the one holding `</table>`
// goes to the HTML table reader as one piece.

import type { Html, RootContent } from 'mdast';
import type { Position } from '../../model.js';
import type { TableFragment } from '../draft.js';
import { readHtmlTables } from '../html-table.js';
import type { ReaderInput } from '../types.js';
import { positionOf } from './mdast.js';

export interface HtmlTableRun {
  /** The `html` nodes the table spans. */
  nodes: Html[];
  html: string;
  /** Offsets of the slice in the text: every block inside it belongs to the table. */
  from: number;
  to: number;
  start: Position;
}

/**
 * Groups the `html` blocks of a section that together hold `<table>…</table>`. A run closes when
 * every `<table` opened in it is closed, so nested tables and two tables in one block stay whole.
 */
export function htmlTableRuns(blocks: readonly RootContent[], text: string): HtmlTableRun[] {
  const runs: HtmlTableRun[] = [];
  let open: Html[] | undefined;
  let depth = 0;
  for (const block of blocks) {
    // Markdown between the pieces (an indented line read as code, say) lies inside the slice
    // handed to the HTML reader, so it belongs to the table too.
    if (block.type !== 'html') continue;
    const opens = block.value.match(/<table\b/gi)?.length ?? 0;
    if (!open && opens === 0) continue;
    open ??= [];
    open.push(block);
    depth += opens - (block.value.match(/<\/table\s*>/gi)?.length ?? 0);
    if (depth <= 0) {
      runs.push(toRun(open, text));
      open = undefined;
      depth = 0;
    }
  }
  if (open && open.length) runs.push(toRun(open, text));
  return runs;
}

function toRun(nodes: Html[], text: string): HtmlTableRun {
  const first = nodes[0]!;
  const last = nodes[nodes.length - 1]!;
  const from = first.position?.start.offset ?? 0;
  const to = last.position?.end.offset ?? text.length;
  return { nodes, html: text.slice(from, to), from, to, start: positionOf(first) ?? { line: 1, column: 1 } };
}

/** The tables of one run, read by the HTML table reader (positions already in the source). */
export function readEmbeddedTables(run: HtmlTableRun, input: ReaderInput, standalone: boolean): TableFragment[] {
  return readHtmlTables(run.html, run.start, input, standalone);
}
