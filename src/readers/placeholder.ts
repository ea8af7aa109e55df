// A level cell holding only a dash ("-", "–", "—") is the matrix convention for "nothing at this
// level": read like a blank cell (no expectation), never as the statement "-".
const DASH_ONLY = /^[-–—‐]+$/u;

export function isEmptyMark(text: string): boolean {
  return DASH_ONLY.test(text.trim());
}
