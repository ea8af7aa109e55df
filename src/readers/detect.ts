// Recognises a source's shape from its content alone; the file name is never consulted.

import type { SourceFormat } from '../model.js';
import { delimitedTable } from './delimited.js';

export const CANONICAL_MARKER = /^<!--\s*ladderc:canonical\b/;

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body|table|div|section|article|main|meta|style|link|title|script|p|h[1-6]|nav|header|footer|aside|ul|ol|dl|details|figure|a|span|center|strong|b|em|i|br|hr)\b/i;
const GFM_DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/m;
const GFM_SINGLE_COLUMN_DELIMITER = /^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*$/m;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/m;
const SETEXT_HEADING = /^[^\n]*\S[^\n]*\n {0,3}(?:=+|-{2,})[ \t]*$/m;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/m;
const EMPHASIS = /(\*\*|__)\S[^\n]*?\S\1/;
const LINK = /\[[^\]\n]+\]\([^)\s]+\)/;
const HTML_TABLE = /<table\b/i;
const HTML_DOCUMENT = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body)\b/i;
const HTML_HEADING = /<h[1-6]\b/i;

/**
 * An HTML page rather than Markdown with some HTML in it: it starts as a document (`<!doctype>`,
 * `<html>`, `<body>`), or it starts with a tag, has HTML headings and no Markdown headings. (A
 * README that opens with `<p align="center">` over `# Title` is Markdown.)
 */
export function isHtmlPage(text: string): boolean {
  if (HTML_DOCUMENT.test(text)) return true;
  return HTML_START.test(text) && HTML_HEADING.test(text) && !ATX_HEADING.test(text) && !SETEXT_HEADING.test(text);
}

/** The YAML block at the top of a document, if it starts with one. */
export function frontMatterOf(text: string): { yaml: string; endLine: number } | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, endLine: m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0) };
}

export function detectFormat(text: string): SourceFormat {
  if (CANONICAL_MARKER.test(text)) return 'ladderc-md';
  const front = frontMatterOf(text);
  if (front && /^topics\s*:/m.test(front.yaml) && /^levels\s*:/m.test(front.yaml)) return 'front-matter';
  if (HTML_START.test(text) && HTML_TABLE.test(text)) return 'html-table';
  // An HTML page without tables: headings, lists and paragraphs, read as prose.
  if (isHtmlPage(text)) return 'prose';
  const body = front ? text.split('\n').slice(front.endLine).join('\n') : text;
  // Ladder data in the front matter (levels or topics) over a body with no ladder of its own: the
  // front-matter reader explains what layout it expects, where the text reader would read YAML.
  if (front && /^(?:levels|topics)\s*:/m.test(front.yaml) && !ATX_HEADING.test(body) && !SETEXT_HEADING.test(body) && !GFM_DELIMITER_ROW.test(body) && !HTML_TABLE.test(body)) {
    return 'front-matter';
  }
  if (GFM_DELIMITER_ROW.test(body) || GFM_SINGLE_COLUMN_DELIMITER.test(body)) return 'gfm-table';
  const signals = [LIST_ITEM.test(body), EMPHASIS.test(body), LINK.test(body), HTML_TABLE.test(body)].filter(Boolean).length;
  if (ATX_HEADING.test(body) || SETEXT_HEADING.test(body) || signals >= 2) return 'prose';
  // A table pasted as comma- or tab-separated text.
  if (!front && delimitedTable(text)) return 'csv';
  return 'text';
}
