// What changes from one level to the next: statements new, gone and unchanged per competency.
// Computed once here; the Markdown, HTML and PDF writers all show the same comparison.

import type { Competency, Expectation, Level, Track } from '../model.js';
import { applicableStatements } from './matrix.js';

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
}

export interface LevelDiff {
  level: Level;
  /** The level below, if any. */
  previous?: Level;
  /** Competencies that have an expectation at this level or the level below, in track order. */
  competencies: CompetencyChange[];
  counts: { added: number; removed: number; unchanged: number };
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
  const diff: LevelDiff = { level, competencies: [], counts: { added: 0, removed: 0, unchanged: 0 } };
  if (previous) diff.previous = previous;
  for (const competency of track.competencies) {
    const current = competency.expectations.find((e) => e.level === level.id);
    const before = previous ? competency.expectations.find((e) => e.level === previous.id) : undefined;
    if (!current && !before) continue;
    const now = applicableStatements(current);
    const then = applicableStatements(before);
    const thenKeys = new Set(then.map(statementKey));
    const nowKeys = new Set(now.map(statementKey));
    const change: CompetencyChange = {
      competency,
      added: now.filter((s) => !thenKeys.has(statementKey(s))),
      removed: then.filter((s) => !nowKeys.has(statementKey(s))),
      unchanged: now.filter((s) => thenKeys.has(statementKey(s))),
    };
    if (current) change.current = current;
    if (before) change.previous = before;
    diff.counts.added += change.added.length;
    diff.counts.removed += change.removed.length;
    diff.counts.unchanged += change.unchanged.length;
    diff.competencies.push(change);
  }
  return diff;
}

export function trackLevelDiffs(track: Track): LevelDiff[] {
  return track.levels.map((l) => levelDiff(track, l.id));
}
