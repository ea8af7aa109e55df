// Splits a level's label as written ("Junior SRE (L1)", "Level 3 - Senior Engineer", "IC3") into title and code.

// A level code: "L1", "IC3", "IC 1", "P6", "M3", "E5", "SE2", "2", "2a", "Level 3".
const CODE = String.raw`(?:[A-Z]{1,4}[ -]?\d{1,2}[a-z]?|\d{1,2}[a-z]?|(?:Level|Lvl\.?|Grade|Band|Tier)\s*\d{1,2}[a-z]?)`;
const ONLY_CODE = new RegExp(`^${CODE}$`);
const TITLE_THEN_CODE = new RegExp(`^(.+?)\\s*[(\\[]\\s*(${CODE})\\s*[)\\]]$`);
const CODE_THEN_TITLE = new RegExp(`^(${CODE})\\s*(?:[-–—:|.]|\\s)\\s*(.+)$`);
const CODE_THEN_PAREN = new RegExp(`^(${CODE})\\s*[(\\[]\\s*(.+?)\\s*[)\\]]$`);
const TITLE_DASH_CODE = new RegExp(`^(.+?)\\s+[-–—,|]\\s+(${CODE})$`);

export interface LevelLabel {
  title: string;
  code?: string;
}

export function isLevelCode(text: string): boolean {
  return ONLY_CODE.test(text.trim());
}

export function parseLevelLabel(label: string): LevelLabel {
  const text = label.replace(/\s+/g, ' ').trim();
  if (ONLY_CODE.test(text)) return { title: text, code: text };
  let m = TITLE_THEN_CODE.exec(text);
  if (m) return { title: m[1]!.trim(), code: m[2]! };
  m = CODE_THEN_PAREN.exec(text);
  if (m) return { title: m[2]!.trim(), code: m[1]! };
  m = CODE_THEN_TITLE.exec(text);
  // "D4 - Developer 4", "Level 3 - Senior Engineer", "L3: Senior Engineer" — but not "1-2 years".
  if (m && /\p{L}/u.test(m[2]!)) return { title: m[2]!.trim(), code: m[1]! };
  m = TITLE_DASH_CODE.exec(text);
  if (m) return { title: m[1]!.trim(), code: m[2]! };
  return { title: text };
}
