// Small text helpers shared by readers: white space, emphasis markers, "not applicable" cells.

/** Collapses runs of spaces and tabs, trims each line, and drops leading/trailing blank lines. */
export function cleanText(text: string): string {
  return text
    .replace(/\u00A0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** One line: all white space collapsed to single spaces. */
export function cleanInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Strips Markdown emphasis wrappers such as *x*, **x**, _x_, __x__ around a whole name. */
export function stripEmphasis(text: string): string {
  let t = text.trim();
  for (;;) {
    const m = /^(\*{1,3}|_{1,3})(.+)\1$/s.exec(t);
    if (!m) return t;
    t = m[2]!.trim();
  }
}

const NOT_APPLICABLE = /^(?:n\/a|n\.a\.?|not applicable)(?:\b|$)/i;

/** True for cells such as "n/a", "N/A" or "n/a (not applicable at this level)". */
export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.trim());
}
