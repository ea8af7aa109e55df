// Level overview helpers: display labels and equivalents resolved to the levels they name.

import type { Competency, Ladder, Level, Track } from '../model.js';

/** "Junior SRE (L1)", or just the title when the code says the same thing or there is none. */
export function levelLabel(level: { title: string; code?: string | undefined }): string {
  return level.code && level.code !== level.title ? `${level.title} (${level.code})` : level.title;
}

/**
 * How a competency is named in level sections and the Markdown matrix: its name, unless another
 * competency of the track has the same name (under another category or area) — then
 * "name (category › area)". The canonical-Markdown reader uses the same labels to find them again.
 */
export function competencyLabels(competencies: readonly Pick<Competency, 'name' | 'category' | 'area'>[]): string[] {
  const count = new Map<string, number>();
  for (const c of competencies) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  return competencies.map((c) => {
    if ((count.get(c.name) ?? 0) < 2) return c.name;
    const where = [c.category, c.area].filter((x): x is string => Boolean(x)).join(' › ');
    return `${c.name} (${where || 'no category'})`;
  });
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
