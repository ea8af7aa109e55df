// Splits a level's label as written ("Junior SRE (L1)", "Level 3 - Senior Engineer", "IC3") into title and code.

import { CODE_RANGE as RANGE, SENIORITY_WORD } from '../readers/lexicon.js';

const ONLY_CODE = new RegExp(`^${RANGE}$`);
const TITLE_THEN_CODE = new RegExp(`^(.+?)\\s*[(\\[]\\s*(${RANGE})\\s*[)\\]]$`);
const CODE_THEN_TITLE = new RegExp(`^(${RANGE})\\s*(?:[-–—:|.]|\\s)\\s*(.+)$`);
const CODE_THEN_PAREN = new RegExp(`^(${RANGE})\\s*[(\\[]\\s*(.+?)\\s*[)\\]]$`);
const TITLE_DASH_CODE = new RegExp(`^(.+?)(?:\\s*,\\s+|\\s+[-–—|/]\\s+)(${RANGE})$`);

export interface LevelLabel {
  title: string;
  code?: string;
}

export function isLevelCode(text: string): boolean {
  return ONLY_CODE.test(text.trim());
}

/** A pictograph before or after the label ("🌱 Junior", "Senior (L5) 🚀"): kept on the title, ignored when splitting. */
const SYMBOLS = String.raw`(?:[\p{Extended_Pictographic}\u200d\ufe0f\u{1f3fb}-\u{1f3ff}]|\p{So})+`;
const LEADING_SYMBOL = new RegExp(`^(${SYMBOLS})\\s+(?=\\S)`, 'u');
const TRAILING_SYMBOL = new RegExp(`(?<=\\S)\\s+(${SYMBOLS})$`, 'u');

export function parseLevelLabel(label: string): LevelLabel {
  const text = label.replace(/\s+/g, ' ').trim();
  const lead = LEADING_SYMBOL.exec(text);
  if (lead) {
    const rest = parseLevelLabel(text.slice(lead[0].length));
    return { ...rest, title: `${lead[1]} ${rest.title}` };
  }
  const trail = TRAILING_SYMBOL.exec(text);
  if (trail) {
    const rest = parseLevelLabel(text.slice(0, trail.index));
    return { ...rest, title: `${rest.title} ${trail[1]}` };
  }
  return splitLabel(text);
}

// "Role Guidance: Academy Engineer" after a code: a heading word for the page, then the title.
const HEADWORD_THEN_TITLE = /^([^:]{2,40}):\s+((?:\p{Lu}[\p{L}\p{N}'’&/-]*\s*){1,5})$/u;

/** The title after a colon, when what comes before it names no rung and the rest is a Title Case name. */
function afterHeadword(title: string): string {
  const m = HEADWORD_THEN_TITLE.exec(title);
  if (!m || SENIORITY_WORD.test(m[1]!) || /\d/.test(m[1]!)) return title;
  return m[2]!.trim();
}

function splitLabel(text: string): LevelLabel {
  if (ONLY_CODE.test(text)) return { title: text, code: text };
  let m = TITLE_THEN_CODE.exec(text);
  if (m) return { title: m[1]!.trim(), code: m[2]! };
  m = CODE_THEN_PAREN.exec(text);
  if (m) return { title: m[2]!.trim(), code: m[1]! };
  m = CODE_THEN_TITLE.exec(text);
  // "D4 - Developer 4", "Level 3 - Senior Engineer", "L3: Senior Engineer" — but not "1-2 years".
  if (m && /\p{L}/u.test(m[2]!) && !/^\d/.test(m[2]!)) return { title: afterHeadword(m[2]!.trim()), code: m[1]! };
  m = TITLE_DASH_CODE.exec(text);
  if (m) return { title: m[1]!.trim(), code: m[2]! };
  return { title: text };
}
