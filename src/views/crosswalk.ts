// What the writers show of the crosswalk (computed once per build by link): the whole scale as a
// rung × track table, one track's rungs with what else sits on each, and crosswalk.json's data.

import type { Crosswalk, CrosswalkBasis, CrosswalkRung, CrosswalkTrack } from '../model.js';

export interface CrosswalkColumn {
  ladder: string;
  track: string;
  /** The track's name, with its ladder's title unless they say the same thing. */
  heading: string;
  ladderTitle: string;
  trackName: string;
}

export interface CrosswalkEntry {
  level: string;
  label: string;
  basis: CrosswalkBasis;
}

export interface CrosswalkTableRow {
  rung: number;
  /** One per column: the levels of that track on this rung (usually one, often none). */
  cells: Array<{ levels: CrosswalkEntry[] }>;
}

export interface CrosswalkTable {
  columns: CrosswalkColumn[];
  rows: CrosswalkTableRow[];
}

function heading(t: CrosswalkTrack): string {
  return t.trackName === t.ladderTitle ? t.trackName : `${t.ladderTitle} › ${t.trackName}`;
}

const key = (ladder: string, track: string) => `${ladder}\0${track}`;

export function crosswalkTable(crosswalk: Crosswalk): CrosswalkTable {
  const columns = crosswalk.tracks.map((t) => ({ ladder: t.ladder, track: t.track, heading: heading(t), ladderTitle: t.ladderTitle, trackName: t.trackName }));
  const index = new Map(crosswalk.tracks.map((t, i) => [key(t.ladder, t.track), i]));
  const rows = crosswalk.rungs.map((r) => {
    const cells = columns.map(() => ({ levels: [] as CrosswalkEntry[] }));
    for (const p of r.levels) {
      const i = index.get(key(p.ladder, p.track));
      if (i === undefined) continue;
      cells[i]!.levels.push({ level: p.level, label: crosswalk.tracks[i]!.levels[p.level] ?? p.level, basis: p.basis });
    }
    return { rung: r.rung, cells };
  });
  return { columns, rows };
}

export interface TrackRung {
  rung: number;
  /** This track's levels on the rung. */
  levels: CrosswalkEntry[];
  /** Every other track's levels on the rung, track by track. */
  others: Array<{ heading: string; levels: CrosswalkEntry[] }>;
}

/** The rungs one track's levels sit on, each with what the build's other tracks have there. */
export function trackCrosswalk(crosswalk: Crosswalk, ladder: string, track: string): TrackRung[] {
  const table = crosswalkTable(crosswalk);
  const own = table.columns.findIndex((c) => c.ladder === ladder && c.track === track);
  if (own === -1) return [];
  return table.rows
    .filter((row) => row.cells[own]!.levels.length > 0)
    .map((row) => ({
      rung: row.rung,
      levels: row.cells[own]!.levels,
      others: row.cells.flatMap((cell, i) => (i === own || cell.levels.length === 0 ? [] : [{ heading: table.columns[i]!.heading, levels: cell.levels }])),
    }));
}

/** The rung of a level, if the crosswalk placed it. */
export function rungOf(crosswalk: Crosswalk, ladder: string, track: string, level: string): number | undefined {
  return crosswalk.rungs.find((r) => r.levels.some((p) => p.ladder === ladder && p.track === track && p.level === level))?.rung;
}

/** out/json/crosswalk.json: rungs of placements by id, nothing else. */
export function crosswalkJson(crosswalk: Crosswalk): { rungs: CrosswalkRung[] } {
  return { rungs: crosswalk.rungs.map((r) => ({ rung: r.rung, levels: r.levels.map((p) => ({ ladder: p.ladder, track: p.track, level: p.level, basis: p.basis })) })) };
}

/** What each basis means, for the legend under every crosswalk table. */
export const BASIS_LEGEND: ReadonlyArray<{ basis: CrosswalkBasis; meaning: string }> = [
  { basis: 'explicit', meaning: 'an equivalent the source states' },
  { basis: 'config', meaning: 'a pin in the config file' },
  { basis: 'code', meaning: 'the same level code as another track' },
  { basis: 'title', meaning: 'a title word (Junior … Fellow, Manager … VP)' },
  { basis: 'position', meaning: 'its position in its track' },
];
