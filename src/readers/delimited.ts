// Tables pasted as text: comma- or tab-separated values, as a spreadsheet or a browser copies them.
// The rows become a Markdown table node (every cell keeping its line and column), which the
// Markdown reader reads as it reads a GFM table.

import type { PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import type { DraftLadder } from './draft.js';
import { readMarkdownTree } from './markdown.js';
import type { ReaderInput } from './types.js';

interface Field {
  text: string;
  line: number;
  column: number;
}

/** Splits delimited text into rows of fields, honouring double-quoted fields ("a, b", "say ""hi"""). */
export function parseDelimited(text: string, delimiter: ',' | '\t'): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = { line, column };
    let value = '';
    if (text[i] === '"') {
      i += 1;
      column += 1;
      while (i < n) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          column += 2;
        } else if (text[i] === '"') {
          i += 1;
          column += 1;
          break;
        } else {
          if (text[i] === '\n') {
            line += 1;
            column = 1;
          } else column += 1;
          value += text[i];
          i += 1;
        }
      }
      while (i < n && text[i] !== delimiter && text[i] !== '\n') {
        value += text[i];
        i += 1;
        column += 1;
      }
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n') {
        value += text[i];
        i += 1;
        column += 1;
      }
    }
    row.push({ text: value.replace(/\r$/, '').trim(), ...start });
    if (text[i] === delimiter) {
      i += 1;
      column += 1;
      continue;
    }
    // End of line (or of the text): the row is complete.
    if (row.some((f) => f.text !== '')) rows.push(row);
    row = [];
    i += 1;
    line += 1;
    column = 1;
  }
  return rows;
}

/**
 * The rows of this text as a table, if some delimiter makes it one: a header of three or more
 * short fields, and two or more rows with exactly as many fields. Sentences with commas rarely
 * agree line after line.
 */
export function delimitedTable(text: string): Field[][] | undefined {
  for (const delimiter of ['\t', ','] as const) {
    if (!text.includes(delimiter)) continue;
    const rows = parseDelimited(text, delimiter);
    const [header, ...body] = rows;
    if (!header || header.length < 3 || body.length < 2) continue;
    if (!header.every((f) => f.text.length <= 60)) continue;
    if (body.every((r) => r.length === header.length)) return rows;
  }
  return undefined;
}

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
