// What changes from one level to the next: statements new, gone, reworded and unchanged per
// competency. Computed once here; the Markdown, HTML and PDF writers all show the same comparison,
// and `ladderc promote` prints it.

import type { Competency, Expectation, Level, Track } from '../model.js';
import { applicableStatements } from './matrix.js';

/** A run of words of a reworded statement: in both wordings, only the new one, or only the old one. */
export interface WordPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** A statement of the level below said again with some words changed ("Scopes small projects" → "Scopes large projects"). */
export interface Rewording {
  before: string;
  after: string;
  /** The words of both, in reading order: removed words just before the words that replace them. */
  parts: WordPart[];
}

export interface CompetencyChange {
  competency: Competency;
  current?: Expectation;
  previous?: Expectation;
  /** In this level and not in the level below. */
  added: string[];
  /** In the level below and no longer here. */
  removed: string[];
  /** In both. */
  unchanged: string[];
  /** Said again in other words: paired from what would otherwise be one gone and one new statement. */
  reworded: Rewording[];
}

export interface LevelDiff {
  level: Level;
  /** The level below, if any. */
  previous?: Level;
  /** Competencies that have an expectation at this level or the level below, in track order. */
  competencies: CompetencyChange[];
  counts: { added: number; removed: number; unchanged: number; reworded: number };
}

/** Statements compare equal when they differ only in case, white space or final punctuation. */
export function statementKey(statement: string): string {
  return statement.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.;,!]+$/, '').trim();
}

export function levelDiff(track: Track, levelId: string): LevelDiff {
  const index = track.levels.findIndex((l) => l.id === levelId);
  if (index === -1) throw new Error(`no level "${levelId}" in track "${track.id}"`);
  const level = track.levels[index]!;
  const previous = index > 0 ? track.levels[index - 1] : undefined;
  const diff: LevelDiff = { level, competencies: [], counts: { added: 0, removed: 0, unchanged: 0, reworded: 0 } };
  if (previous) diff.previous = previous;
  for (const competency of track.competencies) {
    const current = competency.expectations.find((e) => e.level === level.id);
    const before = previous ? competency.expectations.find((e) => e.level === previous.id) : undefined;
    if (!current && !before) continue;
    const now = applicableStatements(current);
    const then = applicableStatements(before);
    const thenKeys = new Set(then.map(statementKey));
    const nowKeys = new Set(now.map(statementKey));
    const paired = pairRewordings(
      then.filter((s) => !nowKeys.has(statementKey(s))),
      now.filter((s) => !thenKeys.has(statementKey(s))),
    );
    const change: CompetencyChange = {
      competency,
      added: paired.added,
      removed: paired.removed,
      unchanged: now.filter((s) => thenKeys.has(statementKey(s))),
      reworded: paired.reworded,
    };
    if (current) change.current = current;
    if (before) change.previous = before;
    diff.counts.added += change.added.length;
    diff.counts.removed += change.removed.length;
    diff.counts.unchanged += change.unchanged.length;
    diff.counts.reworded += change.reworded.length;
    diff.competencies.push(change);
  }
  return diff;
}

export function trackLevelDiffs(track: Track): LevelDiff[] {
  return track.levels.map((l) => levelDiff(track, l.id));
}

/** Words as the word diff compares them: split at white space, compared exactly (so both wordings read right from the parts). */
function wordsOf(statement: string): string[] {
  return statement.split(/\s+/).filter(Boolean);
}

/** The longest common subsequence of two word lists, as pairs of indexes. */
function commonWords(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const ka = a;
  const kb = b;
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i]![j] = ka[i] === kb[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (ka[i] === kb[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return pairs;
}

/** The word-level difference between two statements. */
export function wordDiff(before: string, after: string): WordPart[] {
  const a = wordsOf(before);
  const b = wordsOf(after);
  const parts: WordPart[] = [];
  const push = (text: string, change: WordPart['change']) => {
    const last = parts[parts.length - 1];
    if (last && last.change === change) last.text += ` ${text}`;
    else parts.push({ text, change });
  };
  let i = 0;
  let j = 0;
  for (const [ci, cj] of [...commonWords(a, b), [a.length, b.length] as [number, number]]) {
    for (; i < ci; i += 1) push(a[i]!, 'removed');
    for (; j < cj; j += 1) push(b[j]!, 'added');
    if (ci < a.length && cj < b.length) push(b[cj]!, 'same');
    i = ci + 1;
    j = cj + 1;
  }
  return parts;
}

/** How much of two statements' wording they share: 0 (nothing) to 1 (every word). */
export function wordSimilarity(before: string, after: string): number {
  const a = wordsOf(before);
  const b = wordsOf(after);
  return a.length + b.length === 0 ? 1 : (2 * commonWords(a, b).length) / (a.length + b.length);
}

/** Statements that share at least this much wording count as one statement reworded. */
const REWORDED = 0.5;

/**
 * Pairs gone and new statements that say nearly the same thing, most similar first (ties: source
 * order); what is left stays gone or new.
 */
export function pairRewordings(gone: readonly string[], fresh: readonly string[]): { removed: string[]; added: string[]; reworded: Rewording[] } {
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  gone.forEach((before, i) =>
    fresh.forEach((after, j) => {
      const score = wordSimilarity(before, after);
      if (score >= REWORDED) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  const usedGone = new Set<number>();
  const pairOf = new Map<number, number>();
  for (const c of candidates) {
    if (usedGone.has(c.i) || pairOf.has(c.j)) continue;
    usedGone.add(c.i);
    pairOf.set(c.j, c.i);
  }
  const reworded = fresh.flatMap((after, j) => {
    const i = pairOf.get(j);
    return i === undefined ? [] : [{ before: gone[i]!, after, parts: wordDiff(gone[i]!, after) }];
  });
  return { removed: gone.filter((_, i) => !usedGone.has(i)), added: fresh.filter((_, j) => !pairOf.has(j)), reworded };
}
