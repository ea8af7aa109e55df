// Whether what a reader found reads like a career ladder at all: a table of files, prices or
// licences has rows and columns too. Run on every reader's result (readSource), so no reader has
// to know; an implausible ladder is still built, with a warning (`--strict` then fails).

import type { Ladder } from '../model.js';
import { namesARole } from './markdown/level-words.js';

/** A statement that reads as an expectation: two words or more ("Writes code"), not a path, a licence id, a price or a yes. */
function isSentenceLike(statement: string): boolean {
  const words = statement.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !/[/\\@]/.test(w));
  return words.length >= 2;
}

export interface Plausibility {
  plausible: boolean;
  /** Level titles that do not read as levels, for the message. */
  unlikeLevels: string[];
  /** Share of statements that read as expectations (0..1). */
  sentenceShare: number;
}

/**
 * A ladder is implausible when most of its level titles name no level or role (no code, number,
 * seniority or job word: "license", "shape") AND most of its statements are not sentences. Either
 * alone is common in real ladders (company-specific level names; terse score tables).
 */
export function plausibility(ladder: Ladder): Plausibility {
  const levels = ladder.tracks.flatMap((t) => t.levels);
  const unlikeLevels = levels.filter((l) => !namesARole(l.title) && !namesARole(l.code ?? '')).map((l) => l.title);
  const statements = ladder.tracks.flatMap((t) => t.competencies.flatMap((c) => c.expectations.flatMap((e) => e.statements)));
  const sentenceShare = statements.length ? statements.filter(isSentenceLike).length / statements.length : 0;
  const levelsUnlike = levels.length > 0 && unlikeLevels.length * 2 > levels.length;
  return { plausible: !(levelsUnlike && sentenceShare < 0.5), unlikeLevels, sentenceShare };
}
