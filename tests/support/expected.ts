// How an expected model is stored on disk, so a reviewer sees one track per diff:
//   - fixtures: tests/fixtures/<case>/expected.json, the whole model (they are small);
//   - seeds and corpus: tests/expected/<kind>/<name>/ladder.json, the ladder with each track
//     replaced by its id, plus tracks/<track-id>.json per track, in the ladder's order; and
//     facts.json, a summary a person can check against the source document by eye.
// Together the split files reconstruct exactly the model (joinModel), so any change shows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ladder, Track } from '../../src/model.js';
import type { Case } from './cases.js';

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Whether the case's model is split per track (seeds and corpus) or kept whole (fixtures). */
export const isSplit = (c: Pick<Case, 'kind'>): boolean => c.kind !== 'fixture';

/** The files (relative to the case's expected folder → text) that hold a model. */
export function modelFiles(ladder: Ladder | null, split: boolean): Record<string, string> {
  if (!split) return { 'expected.json': json(ladder) };
  if (!ladder) return { 'ladder.json': json(null) };
  const ids = ladder.tracks.map((t) => t.id);
  for (const id of ids) {
    // Track ids are slugs; anything else would make a bad (or clashing) file name.
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`track id "${id}" is not a safe file name`);
  }
  if (new Set(ids).size !== ids.length) throw new Error(`two tracks share an id in ${ids.join(', ')}`);
  const files: Record<string, string> = { 'ladder.json': json({ ...ladder, tracks: ids }) };
  for (const track of ladder.tracks) files[`tracks/${track.id}.json`] = json(track);
  return files;
}

/** The model files that exist in an expected folder (for spotting stale and missing ones). */
export function existingModelFiles(dir: string, split: boolean): string[] {
  if (!split) return existsSync(join(dir, 'expected.json')) ? ['expected.json'] : [];
  const out = existsSync(join(dir, 'ladder.json')) ? ['ladder.json'] : [];
  const tracks = join(dir, 'tracks');
  if (existsSync(tracks)) for (const f of readdirSync(tracks).sort()) out.push(`tracks/${f}`);
  return out;
}

/** Reads a split model back: ladder.json with each track id replaced by tracks/<id>.json. */
export function joinModel(dir: string): Ladder | null {
  const ladder = JSON.parse(readFileSync(join(dir, 'ladder.json'), 'utf8')) as (Omit<Ladder, 'tracks'> & { tracks: string[] }) | null;
  if (!ladder) return null;
  const tracks = ladder.tracks.map((id) => JSON.parse(readFileSync(join(dir, 'tracks', `${id}.json`), 'utf8')) as Track);
  return { ...ladder, tracks };
}

export interface TrackFacts {
  name: string;
  /** Level titles, most junior first, with the code in brackets where the source gives one. */
  levels: string[];
  /** Category names in order of first appearance (omitted when the track has none). */
  categories?: string[];
  competencies: number;
  /** Every expectation, including those marked not applicable. */
  expectations: number;
  notApplicable: number;
  statements: number;
}

export interface Facts {
  title: string | null;
  format: string | null;
  tracks: TrackFacts[];
  errors: number;
  warnings: number;
}

/** The facts a person can check against the source by eye. */
export function factsOf(ladder: Ladder | null | undefined, diagnostics: ReadonlyArray<{ severity: string }>): Facts {
  return {
    title: ladder?.title ?? null,
    format: ladder?.source.format ?? null,
    tracks: (ladder?.tracks ?? []).map((t) => {
      const expectations = t.competencies.flatMap((c) => c.expectations);
      const categories = [...new Set(t.competencies.map((c) => c.category).filter((c): c is string => c !== undefined))];
      return {
        name: t.name,
        levels: t.levels.map((l) => (l.code ? `${l.title} [${l.code}]` : l.title)),
        ...(categories.length > 0 ? { categories } : {}),
        competencies: t.competencies.length,
        expectations: expectations.length,
        notApplicable: expectations.filter((e) => e.applicable === false).length,
        statements: expectations.reduce((n, e) => n + e.statements.length, 0),
      };
    }),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
