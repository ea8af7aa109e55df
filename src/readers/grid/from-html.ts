// An HTML `<table>` as a grid: rowspan and colspan expanded (`rowspan=0` to the end of its row
// group, spans never crossing thead/tbody/tfoot), `<thead>` rows (with or without `<tr>`: the
// parser implies it) as the head, `<th>` cells as headers, bold label lines as level facts.

import type { Element, ElementContent, Nodes } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Position } from '../../model.js';
import { cleanInline, cleanText } from '../../text/plain.js';
import type { Grid, GridCell, Slot } from './grid.js';

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

/** The grid of one `<table>`; `toSource` maps a position in the parsed HTML to the source. */
export function gridFromHtml(table: Element, toSource: (point: Position | undefined) => Position | undefined, standalone = true): Grid {
  const rows = tableRows(table);
  const slots: Slot[][] = rows.map(() => []);
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
      while (slots[r]![c]) c += 1;
      const colSpan = Math.max(1, span(el.properties.colSpan, 1, 1000));
      const rowSpanRaw = span(el.properties.rowSpan, 1, 65534);
      const rowSpan = rowSpanRaw === 0 ? end - r : Math.max(1, Math.min(rowSpanRaw, end - r));
      const cell = cellOf(el, toSource(elementPosition(el)));
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) slots[r + dr]![c + dc] = cell;
      }
      c += colSpan;
    }
  });
  const head = rows.findIndex((row) => !row.inHead);
  const grid: Grid = { slots, headRows: head > 0 ? head : head === -1 && rows.length > 0 ? rows.length : undefined, standalone };
  const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const captionText = caption ? cleanInline(textOf(caption)) : '';
  if (captionText) grid.caption = captionText;
  const at = toSource(elementPosition(table));
  if (at) grid.position = at;
  return grid;
}

function cellOf(el: Element, position: Position | undefined): GridCell {
  const text = textOf(el);
  const cell: GridCell = {
    text,
    header: el.tagName === 'th',
    rowHeader: el.tagName === 'th' && el.properties.scope === 'row',
    bold: isBoldOnly(el),
    linksOnly: isLinksOnly(el),
    facts: summaryAndMetadata(el),
  };
  if (position) cell.position = position;
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Level facts: bold "Label:" lines are metadata, the rest is the summary.

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
  if (!hasBold(cell)) return { summary: cleanText(textOf(cell)), metadata };
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

function hasBold(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (BOLD.has(c.tagName) || hasBold(c)));
}

/** A cell whose whole text is bold (a category heading line). */
function isBoldOnly(cell: Element): boolean {
  const meaningful = cell.children.filter((c: ElementContent) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'element' && BOLD.has(meaningful[0]!.tagName);
}

/** Links, pictures and separators only. */
function isLinksOnly(cell: Element): boolean {
  let saw = false;
  for (const c of cell.children) {
    if (c.type === 'text' && /^[\s,;|·•–-]*$/.test(c.value)) continue;
    if (c.type === 'element' && (c.tagName === 'a' || c.tagName === 'img' || c.tagName === 'br')) {
      saw = true;
      continue;
    }
    return false;
  }
  return saw;
}
