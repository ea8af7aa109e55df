// Level overview helpers: display labels and equivalents (of the same ladder) resolved to the levels they name.

import type { Competency, Ladder, Level, Track } from '../model.js';

export { competencyLabels, levelLabel } from '../text/labels.js';

export interface ResolvedEquivalent {
  track: Track;
  level: Level;
}

export function resolveEquivalents(ladder: Ladder, level: Level): ResolvedEquivalent[] {
  const out: ResolvedEquivalent[] = [];
  for (const eq of level.equivalents ?? []) {
    // Equivalents in other ladders appear in the crosswalk, which sees every ladder of a build.
    if (eq.ladder !== ladder.id) continue;
    const track = ladder.tracks.find((t) => t.id === eq.track);
    const target = track?.levels.find((l) => l.id === eq.level);
    if (track && target) out.push({ track, level: target });
  }
  return out;
}

/** Number of statements a reviewer would tick at a level (not-applicable expectations excluded). */
export function statementCount(track: Track, levelId: string): number {
  let n = 0;
  for (const c of track.competencies) {
    for (const e of c.expectations) if (e.level === levelId && e.applicable !== false) n += e.statements.length;
  }
  return n;
}
