// Level overview helpers: display labels and equivalents resolved to the levels they name.

import type { Ladder, Level, Track } from '../model.js';

/** "Junior SRE (L1)", or just the title when the code says the same thing or there is none. */
export function levelLabel(level: Level): string {
  return level.code && level.code !== level.title ? `${level.title} (${level.code})` : level.title;
}

export interface ResolvedEquivalent {
  track: Track;
  level: Level;
}

export function resolveEquivalents(ladder: Ladder, level: Level): ResolvedEquivalent[] {
  const out: ResolvedEquivalent[] = [];
  for (const eq of level.equivalents ?? []) {
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
