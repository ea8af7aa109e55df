// The limits on what one source may be, checked before any reader runs: its size (configurable),
// how deeply its Markdown containers or HTML elements nest, and how many levels a track may have.
// Each guards a cost that grows faster than the input (the parsers' recursive walks overflow the
// stack past ~10,000 levels; nested lists cost the Markdown parser O(depth²)); real ladders stay
// far below every one of them.

/** The default largest source, in megabytes (`maxSourceSize` in ladderc.config.json). */
export const DEFAULT_MAX_SOURCE_MB = 50;

/** Lists and block quotes nested deeper than this are refused (real ladders nest 2–4 deep). */
export const MAX_MARKDOWN_NESTING = 100;

/** HTML elements nested deeper than this are refused (page builders' markup nests 30–60 deep). */
export const MAX_HTML_NESTING = 1000;

/** A track with more levels than this is refused: every level page lists every level (O(levels²)). */
export const MAX_LEVELS_PER_TRACK = 100;

export interface Nesting {
  depth: number;
  line: number;
  column: number;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The deepest nesting of Markdown lists and block quotes, with where it first reaches `limit`
 * (when it does). A line-by-line estimate in one pass: each list item's content column is kept on
 * a stack, a line indented less than an item's content leaves it; `>` markers count on their line.
 */
export function markdownNesting(text: string, limit = MAX_MARKDOWN_NESTING): Nesting | undefined {
  const stack: number[] = [];
  let fence: string | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    lineNo += 1;
    start = end + 1;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (line.trim() === '') continue;
    if (THEMATIC_BREAK.test(line)) continue;
    let p = 0;
    let indent = 0;
    while (p < line.length && (line[p] === ' ' || line[p] === '\t')) {
      indent += line[p] === '\t' ? 4 - (indent % 4) : 1;
      p += 1;
    }
    while (stack.length && stack[stack.length - 1]! > indent) stack.pop();
    let quotes = 0;
    for (;;) {
      if (line[p] === '>') {
        quotes += 1;
        p += 1;
        if (line[p] === ' ') p += 1;
      } else {
        const m = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(line.slice(p, p + 16));
        if (!m) break;
        p += m[0].length;
        stack.push(p);
      }
      while (line[p] === ' ' || line[p] === '\t') p += 1;
      if (stack.length + quotes >= limit) return { depth: stack.length + quotes, line: lineNo, column: p + 1 };
    }
    if (f) fence = f[1];
  }
  return undefined;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Closed by their next sibling or their parent's end: never counted, so `<li>` and `<td>` without
// end tags cannot look deep.
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * The deepest nesting of HTML elements, with where it first reaches `limit` (when it does): start
 * and end tags counted in one pass (void elements, self-closed tags and elements whose end tags
 * are implied are left out; an end tag closes the nearest open element of its name).
 */
export function htmlNesting(text: string, limit = MAX_HTML_NESTING): Nesting | undefined {
  if (!text.includes('<')) return undefined;
  const stack: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const name = m[2]?.toLowerCase();
    if (!name || VOID.has(name) || IMPLIED_END.has(name)) continue;
    if (m[1]) {
      // Look a short way down only, so that stray end tags keep the pass linear.
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - 16); i -= 1) {
        if (stack[i] === name) {
          stack.length = i;
          break;
        }
      }
    } else if (!m[3]) {
      stack.push(name);
      if (stack.length >= limit) return { depth: stack.length, ...lineColumn(text, m.index) };
    }
  }
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** "52.4 MB" */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
