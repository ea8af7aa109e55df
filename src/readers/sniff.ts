// What detection looks at in a source's text: the patterns and facts each reader's detector uses.
// The file name is never consulted. A leaf module: readers import it, it imports no reader.

export const CANONICAL_MARKER = /^<!--\s*ladderc:canonical\b/;

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body|table|div|section|article|main|meta|style|link|title|script|p|h[1-6]|nav|header|footer|aside|ul|ol|dl|details|figure|a|span|center|strong|b|em|i|br|hr)\b/i;
const GFM_DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/m;
const GFM_SINGLE_COLUMN_DELIMITER = /^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*$/m;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/m;
// Linear on long lines: `[^\S\n]*\S` cannot backtrack the way `[^\n]*\S[^\n]*` does (O(line²)).
const SETEXT_HEADING = /^[^\S\n]*\S[^\n]*\n {0,3}(?:=+|-{2,})[ \t]*$/m;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/m;
const EMPHASIS = /(\*\*|__)\S[^\n]*?\S\1/;
// `[` excluded inside the text, so a line of unclosed brackets is scanned once, not once per `[`.
const LINK = /\[[^\][\n]+\]\([^)\s]+\)/;
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

/** What every detector may ask of a text, computed once per source. */
export interface SourceFacts {
  text: string;
  /** The YAML front matter at the top, if any. */
  front: { yaml: string; endLine: number } | undefined;
  /** The text after the front matter. */
  body: string;
}

export function sourceFacts(text: string): SourceFacts {
  const front = frontMatterOf(text);
  const body = front ? text.split('\n').slice(front.endLine).join('\n') : text;
  return { text, front, body };
}

/** `topics:` and `levels:` keys in the front matter: ladder data for the front-matter reader. */
export function frontMatterHasLadder(facts: SourceFacts): boolean {
  return !!facts.front && /^topics\s*:/m.test(facts.front.yaml) && /^levels\s*:/m.test(facts.front.yaml);
}

/** `levels:` or `topics:` in the front matter over a body with no ladder of its own. */
export function frontMatterOverEmptyBody(facts: SourceFacts): boolean {
  const { front, body } = facts;
  return !!front && /^(?:levels|topics)\s*:/m.test(front.yaml) && !ATX_HEADING.test(body) && !SETEXT_HEADING.test(body) && !GFM_DELIMITER_ROW.test(body) && !HTML_TABLE.test(body);
}

/** An HTML document or fragment with a <table>. */
export function isHtmlWithTable(facts: SourceFacts): boolean {
  return HTML_START.test(facts.text) && HTML_TABLE.test(facts.text);
}

/** A GFM table's delimiter row in the body. */
export function hasGfmTable(facts: SourceFacts): boolean {
  return GFM_DELIMITER_ROW.test(facts.body) || GFM_SINGLE_COLUMN_DELIMITER.test(facts.body);
}

/** Markdown structure: a heading, or two of list items, emphasis, links and embedded tables. */
export function looksLikeMarkdown(facts: SourceFacts): boolean {
  const body = facts.body;
  const signals = [LIST_ITEM.test(body), EMPHASIS.test(body), LINK.test(body), HTML_TABLE.test(body)].filter(Boolean).length;
  return ATX_HEADING.test(body) || SETEXT_HEADING.test(body) || signals >= 2;
}
