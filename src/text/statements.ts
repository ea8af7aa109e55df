// Splits an expectation's text into the separate statements a reviewer would tick.

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'incl', 'esp', 'viz', 'al', 'eg', 'ie',
  'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'no', 'inc', 'ltd', 'co', 'corp', 'dept', 'fig',
]);

// A sentence end: . ! or ? (possibly closed by quotes or brackets), then optional white space,
// then (optionally opening quotes/brackets and) a capital letter.
const SENTENCE_END = /([.!?]+)(["'”’)\]]*)(\s*)(?=["'“‘(\[]?\p{Lu})/gu;

// A list marker typed into a line ("• Reviews PRs", "- Writes code", "2. Tests it" in a table
// cell): it marks the item, it is not part of the statement.
const LINE_MARKER = /^(?:[•·◦▪▸‣∙●○■□✓✔➢➤]\s*|[-–—*+]\s+|\d{1,2}[.)]\s+)/u;

/**
 * Statements of a text: its non-empty lines (list items, `<br>` lines, paragraphs) without a typed
 * list marker, each further split at sentence ends. Never splits where there is no punctuation.
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim().replace(LINE_MARKER, '').trim();
    if (line) out.push(...splitSentences(line));
  }
  return out;
}

export function splitSentences(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of line.matchAll(SENTENCE_END)) {
    const at = m.index;
    const [whole, , closers = '', space = ''] = m;
    const before = line.slice(start, at);
    if (!isSentenceEnd(before, space.length > 0, closers, line.slice(at + whole.length))) continue;
    const end = at + whole.length - space.length;
    const sentence = line.slice(start, end).trim();
    if (sentence) parts.push(sentence);
    start = at + whole.length;
  }
  const rest = line.slice(start).trim();
  if (rest) parts.push(rest);
  return parts;
}

function isSentenceEnd(before: string, spaced: boolean, closers: string, after: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare) || ABBREVIATIONS.has(bare.replace(/\.$/, ''))) return false;
  // An initial such as "J. Smith" or a dotted acronym such as "U.S."
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return false;
  if (before.trim() === '') return false;
  if (!spaced) {
    // "planning.Demonstrates": only between a lower-case word (or a closing bracket) and a
    // capitalised word, so that "Node.JS" or "v1.2" stay whole.
    const last = before.slice(-1);
    if (closers === '' && !/[\p{Ll})\]"'”’]/u.test(last)) return false;
    if (!/^["'“‘(\[]?\p{Lu}\p{Ll}/u.test(after)) return false;
  }
  return true;
}
