// Escaping for the formats whose syntax lives in ordinary characters: Markdown (GFM) and CSV.
//
// Markdown: a value must read back (remark-parse + remark-gfm) as exactly the same text, wherever a
// template puts it — a paragraph, a list item, a heading or a table cell. So every value is escaped
// as if it started a line and sat in a table. Only ASCII punctuation is ever backslash-escaped
// (CommonMark allows that anywhere, so over-escaping is harmless); letters are never touched.
//
// CSV: RFC 4180 quoting with CRLF, and OWASP formula neutralisation. Never HTML escaping.

/** Characters that start inline syntax anywhere in a line: code, emphasis, links, HTML, tables, strikethrough. */
const INLINE_SPECIAL = /[\\`*[\]<|~]/g;
// `_` only opens or closes emphasis at a word boundary: between two letters or digits it is text.
const UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// An entity or numeric character reference would be decoded ("&amp;" → "&").
const ENTITY = /&(?=#?[\p{L}\p{N}]+;)/gu;
// Autolink literals: micromark keeps backslashes inside a URL it recognises, so break the trigger
// itself (the ":" of "http://", the "." of "www.", the "@" of an e-mail). remark-gfm then still
// links the decoded text, and the reader sees the same characters.
const URL_SCHEME = /\b(https?|ftp|mailto|xmpp):/gi;
const WWW = /\b(www)\./gi;
const EMAIL_AT = /(?<=[\p{L}\p{N}._+-])@/gu;

/**
 * One line of text as Markdown inline content that reads back unchanged, even at the start of a
 * line or inside a table cell: inline syntax escaped, and a leading `#`, `-`, `+`, `>`, `=` or
 * `1.`/`1)` that would start a block, a trailing `#` that would close a heading.
 */
export function escapeMarkdownLine(line: string): string {
  let out = line
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(UNDERSCORE, '\\_')
    .replace(ENTITY, '\\&')
    .replace(URL_SCHEME, '$1\\:')
    .replace(WWW, '$1\\.')
    .replace(EMAIL_AT, '\\@');
  // Block starts. `*` and `|` are escaped above already.
  out = out.replace(/^([#+\->=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  // A heading's closing sequence is a run of `#` at the end of the line.
  out = out.replace(/#+$/, (run) => run.replace(/#/g, '\\#'));
  // Leading white space could make an indented code block; keep it as character references.
  out = out.replace(/^[ \t]+/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  // Trailing white space could make a hard break (two spaces) or vanish.
  out = out.replace(/[ \t]+$/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  return out;
}

/**
 * Any text as inline Markdown on one physical line: lines escaped and joined with `<br>`, so a
 * value never breaks the table row, heading or list item it sits in. The reader turns `<br>` back
 * into a line break (and `<br><br>` into a blank line).
 */
export function escapeMarkdown(text: string): string {
  return text.split('\n').map(escapeMarkdownLine).join('<br>');
}

/**
 * Multi-line text as Markdown blocks: each blank-line-separated block a paragraph, each line of a
 * block ended by a backslash hard break. `indent` prefixes every line but the first (for list items).
 */
export function markdownParagraphs(text: string, indent = ''): string {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map(escapeMarkdownLine).join(`\\\n${indent}`))
    .join(`\n\n${indent}`);
}

// OWASP CSV injection: a cell starting with one of these may run as a formula in a spreadsheet —
// also after leading white space (spreadsheets trim it) and in their full-width forms (＝＋－＠,
// which East Asian input methods type and some spreadsheets read as the ASCII ones).
const FORMULA_START = /^[\t\r\n]|^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes `'` to a value a spreadsheet could take for a formula (OWASP "CSV injection"). */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One CSV field (RFC 4180): formula-neutralised, line breaks as CRLF, quoted when it holds a comma,
 * a quote, CR or LF, with quotes doubled.
 */
export function csvField(value: string): string {
  const text = neutraliseFormula(value).replace(/\r\n|\r|\n/g, '\r\n');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV record without its line end. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * Template output → RFC 4180 records: every line end outside a quoted field becomes CRLF, and empty
 * lines outside quotes (left by template tags) are dropped, since a CSV record is never empty here.
 */
export function csvLines(rendered: string): string {
  let out = '';
  let record = '';
  let quoted = false;
  for (let i = 0; i < rendered.length; i += 1) {
    const ch = rendered[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && rendered[i + 1] === '\n') i += 1;
      if (record !== '') out += `${record}\r\n`;
      record = '';
      continue;
    }
    record += ch;
  }
  if (record !== '') out += `${record}\r\n`;
  return out;
}
