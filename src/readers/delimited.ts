// Tables pasted as text: comma- or tab-separated values, as a spreadsheet or a browser copies them.
// The rows become a Markdown table node (every cell keeping its line and column), which the
// Markdown reader reads as it reads a GFM table.

import type { PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import type { DraftLadder } from './draft.js';
import { readMarkdownTree } from './markdown.js';
import type { ReaderInput } from './types.js';
import { delimitedTable, parseDelimited, type Field } from './delimited-text.js';

export function readDelimited(input: ReaderInput): DraftLadder {
  // Told the format by the config, a text that is no clean table is still read as well as it can be.
  const rows = delimitedTable(input.text) ?? parseDelimited(input.text, input.text.includes('\t') ? '\t' : ',');
  const width = Math.max(0, ...rows.map((r) => r.length));
  const cell = (f: Field | undefined): TableCell => {
    // Line breaks inside a quoted field separate statements, as <br> does in a Markdown cell.
    const children: PhrasingContent[] = (f?.text ? f.text.split('\n') : []).flatMap((part, i): PhrasingContent[] =>
      i === 0 ? [{ type: 'text', value: part }] : [{ type: 'break' }, { type: 'text', value: part }],
    );
    const node: TableCell = { type: 'tableCell', children };
    if (f) {
      node.position = { start: { line: f.line, column: f.column }, end: { line: f.line, column: f.column + f.text.length } };
      if (children[0]) children[0].position = node.position;
    }
    return node;
  };
  const tableRows: TableRow[] = rows.map((r) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, j) => cell(r[j] ?? (r[0] ? { text: '', line: r[0].line, column: 1 } : undefined))),
    position: { start: { line: r[0]!.line, column: 1 }, end: { line: r[r.length - 1]!.line, column: 1 } },
  }));
  const table: Table = { type: 'table', align: [], children: tableRows };
  if (tableRows[0]) table.position = { start: tableRows[0].position!.start, end: tableRows[tableRows.length - 1]!.position!.end };
  const tree: Root = { type: 'root', children: rows.length ? [table] : [] };
  return readMarkdownTree(input, tree);
}
