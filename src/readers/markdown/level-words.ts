// Whether a label names a level: a level code ("IC3", "L1", "Level 0") or a seniority title ("Senior SRE").

import { parseLevelLabel } from '../../text/level-label.js';
import { FACT_HEADER, GENERIC_CODE_PREFIX, NUMBERED_ROLE, ROLE_WORD as ROLE, ROMAN_SUFFIX, RUNG_PREFIX, SENIORITY_WORD as SENIORITY, TITLE_HEADER } from '../lexicon.js';

/** The label without the emoji or symbols that decorate it ("🥉 Level 1" → "Level 1"), for recognition. */
function bare(label: string): string {
  return label.replace(/\s+/g, ' ').trim().replace(/^[^\p{L}\p{N}([]+/u, '').trim();
}

/**
 * A label that carries a level code: "IC3", "L1", "Level 0", "Junior SRE (L1)", "3 - Competent". A
 * number followed by a full stop counts only when the title reads as a level ("3. Senior Engineer"),
 * so that numbered sections ("1. Introduction") are not taken for levels.
 */
export function hasLevelCode(label: string): boolean {
  const text = bare(label);
  const { code, title } = parseLevelLabel(text);
  if (code === undefined) return false;
  // "1. Introduction" numbers a section; "3 - Competent" or "3: Senior" names a level.
  if (/^\d+[a-z]?\.(?:\d+\.?)*\s/.test(text)) return SENIORITY.test(title) || ROMAN_SUFFIX.test(title);
  return true;
}

export function looksLikeLevel(label: string): boolean {
  const text = bare(label);
  if (!text || text.length > 80) return false;
  return hasLevelCode(text) || SENIORITY.test(text) || ROMAN_SUFFIX.test(text) || NUMBERED_ROLE.test(text);
}



/** A title that names a job or a level, as a page about one level is titled. */
export function namesARole(label: string): boolean {
  return ROLE.test(label) || looksLikeLevel(label);
}

/** A key under which the same level is recognised wherever it appears (table column or heading). */
export function levelKey(label: string): string {
  const { code, title } = parseLevelLabel(bare(label));
  // "Level 1", "Grade 1" and "1" are the same rung.
  return (code ?? title).toLowerCase().replace(RUNG_PREFIX, '').replace(/[\s_-]+/g, '');
}

/** "IC" for IC1…IC5: the letters every code shares, when they are more than a generic word. */
export function sharedCodePrefix(labels: readonly string[]): string | undefined {
  const prefixes = labels.map((l) => {
    const code = parseLevelLabel(l).code;
    return code ? /^([A-Za-z]{2,})\s*-?\d/.exec(code)?.[1] : undefined;
  });
  const first = prefixes[0];
  if (!first || GENERIC_CODE_PREFIX.test(first)) return undefined;
  return prefixes.every((p) => p?.toLowerCase() === first.toLowerCase()) ? first : undefined;
}

const FILLER = /^(?:of|the|and|a|an|\/|&|i|ii|iii|iv|v|vi|vii|viii|ix|x|level|\d+)$/i;

/** "OSPO Engineer" for "OSPO Engineer I" … "Distinguished OSPO Engineer": words every title shares. */
export function sharedTitleWords(labels: readonly string[]): string | undefined {
  const titles = labels.map((l) => parseLevelLabel(l).title.split(/\s+/));
  const [first, ...rest] = titles;
  if (!first || rest.length === 0) return undefined;
  const shared = first.filter(
    (w) => !FILLER.test(w) && !SENIORITY.test(w) && rest.every((t) => t.some((x) => x.toLowerCase() === w.toLowerCase())),
  );
  return shared.length ? shared.join(' ') : undefined;
}

// "Junior Engineer (0-2 years)": the years in a level heading are a fact about the level.
const YEARS = /\s*[(\[]\s*(\d+\s*(?:[-–]\s*\d+\+?|\+)?\s*(?:years?|yrs?)\b[^)\]]*)[)\]]\s*$/i;

// "Junior<br><small>0-2 years</small>": years after the title without brackets.
const BARE_YEARS = /\s+(\d+\s*(?:[-–]\s*\d+\+?|\+)?\s*(?:years?|yrs?)(?:\s+of\s+experience)?)\s*$/i;

export function splitExperience(label: string): { label: string; experience?: string } {
  const m = YEARS.exec(label) ?? BARE_YEARS.exec(label);
  if (!m || m.index === 0) return { label };
  return { label: label.slice(0, m.index).trim(), experience: m[1]!.trim() };
}

/** A column or label that gives a level's title; a fact about a level (the lexicon's rules). */
export { FACT_HEADER, TITLE_HEADER as TITLE_LABEL };

// "Engineering Manager (equivalent to Senior/Staff IC)": an equivalent written into the heading.
const EQUIVALENT_NOTE = /\s*[(\[]\s*(?:equivalent|equiv\.?|equals|same\s+as)\s+(?:to\s+)?([^)\]]+)[)\]]\s*$/i;

export function splitEquivalent(label: string): { label: string; equivalent?: string } {
  const m = EQUIVALENT_NOTE.exec(label);
  if (!m || m.index === 0) return { label };
  return { label: label.slice(0, m.index).trim(), equivalent: m[1]!.trim() };
}
