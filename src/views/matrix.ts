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
