// The competency × level matrix of a track, grouped by category: what every writer lays out.

import type { Competency, Expectation, Level, Track } from '../model.js';

export interface MatrixCell {
  level: Level;
  expectation?: Expectation;
}

export interface MatrixRow {
  competency: Competency;
  /** One cell per level of the track, junior → senior. */
  cells: MatrixCell[];
}

export interface MatrixGroup {
  /** Undefined for competencies without a category. */
  category?: string;
  rows: MatrixRow[];
}

export interface Matrix {
  track: Track;
  levels: Level[];
  /** Categories in order of first appearance; competencies in source order within each. */
  groups: MatrixGroup[];
}

export function trackMatrix(track: Track): Matrix {
  const groups: MatrixGroup[] = [];
  const byCategory = new Map<string, MatrixGroup>();
  for (const competency of track.competencies) {
    const key = competency.category ?? '\0';
    let group = byCategory.get(key);
    if (!group) {
      group = competency.category === undefined ? { rows: [] } : { category: competency.category, rows: [] };
      byCategory.set(key, group);
      groups.push(group);
    }
    const byLevel = new Map(competency.expectations.map((e) => [e.level, e]));
    group.rows.push({
      competency,
      cells: track.levels.map((level) => {
        const expectation = byLevel.get(level.id);
        return expectation ? { level, expectation } : { level };
      }),
    });
  }
  return { track, levels: track.levels, groups };
}

/** Statements a reviewer ticks: none for expectations marked not applicable. */
export function applicableStatements(expectation: Expectation | undefined): string[] {
  return expectation && expectation.applicable !== false ? expectation.statements : [];
}

// A not-applicable cell whose text only says so ("n/a", "N/A (not applicable at this level)", "–")
// needs no line under its "Not applicable" label; anything more is the source's own note.
const NOT_APPLICABLE_WORDS = /n\/a|\bna\b|not applicable|at this level|\bnone\b|[-–—().,;:\s]/gi;

/** The source's own note on a not-applicable expectation, when it says more than "n/a". */
export function notApplicableNote(expectation: Expectation): string | undefined {
  const text = expectation.text.trim();
  return text.replace(NOT_APPLICABLE_WORDS, '') === '' ? undefined : text;
}
