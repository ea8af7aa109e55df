// Link: one pass over every ladder of a build at once, after each was compiled on its own. It joins
// pages that each describe one level of the same track into one ladder, makes ladder ids unique
// (output paths derive from them) and places every level on the crosswalk (crosswalk.ts), which
// writers receive through their context.

import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Competency, Crosswalk, Ladder, Level } from '../model.js';
import { codeNumber } from '../readers/lexicon.js';
import { IdAllocator, slugify } from '../text/slug.js';
import { buildCrosswalk, type CrosswalkInput } from './crosswalk.js';

export interface LinkResult {
  ladders: Ladder[];
  crosswalk: Crosswalk;
  diagnostics: Diagnostic[];
}

/** A renamed ladder's own equivalents follow it to its new id. */
function renamed(ladder: Ladder, id: string): Ladder {
  return {
    ...ladder,
    id,
    tracks: ladder.tracks.map((track) => ({
      ...track,
      levels: track.levels.map((level) =>
        level.equivalents ? { ...level, equivalents: level.equivalents.map((eq) => (eq.ladder === ladder.id ? { ...eq, ladder: id } : eq)) } : level,
      ),
    })),
  };
}

/** The one level of a page about one level, when it has a numbered code ("IC3"). */
function onlyLevel(ladder: Ladder): Level | undefined {
  const [track, ...others] = ladder.tracks;
  if (!track || others.length || track.levels.length !== 1) return undefined;
  const level = track.levels[0]!;
  return level.code !== undefined && codeNumber(level.code) !== undefined ? level : undefined;
}

/** Same track, same kind of code: "Software Engineer" with IC3 and IC4 join; with IC3 and M3 they do not. */
function joinKey(ladder: Ladder, level: Level): string {
  return `${slugify(ladder.tracks[0]!.name)}\0${level.code!.replace(/\s*\d.*$/, '').toLowerCase()}`;
}

/**
 * Pages that each describe one level (a single track holding a single coded level) and name the
 * same track with the same kind of code are one ladder written as several files: they become one
 * ladder whose track holds every level, ordered by code number, with the competencies of all
 * (merged by id). The joined ladder takes the first page's place; an info names the pages.
 */
export function joinOneLevelPages(ladders: readonly Ladder[]): Omit<LinkResult, 'crosswalk'> {
  const groups = new Map<string, Ladder[]>();
  for (const ladder of ladders) {
    const level = onlyLevel(ladder);
    if (!level) continue;
    const key = joinKey(ladder, level);
    groups.set(key, [...(groups.get(key) ?? []), ladder]);
  }
  const diagnostics: Diagnostic[] = [];
  const replaced = new Map<Ladder, Ladder | undefined>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const pages = [...group].sort((a, b) => codeNumber(onlyLevel(a)!.code!)! - codeNumber(onlyLevel(b)!.code!)! || (a.source.path < b.source.path ? -1 : 1));
    const joined = joinPages(pages);
    const first = group[0]!;
    for (const page of group) replaced.set(page, page === first ? joined : undefined);
    diagnostics.push(
      diagnostic('info', 'joined-pages', `joined ${pages.length} pages of one level each into the track "${joined.tracks[0]!.name}": ${pages.map((p) => p.source.path).join(', ')}`, first.source.path, undefined),
    );
  }
  const out: Ladder[] = [];
  for (const ladder of ladders) {
    if (!replaced.has(ladder)) out.push(ladder);
    else if (replaced.get(ladder)) out.push(replaced.get(ladder)!);
  }
  return { ladders: out, diagnostics };
}

function joinPages(pages: readonly Ladder[]): Ladder {
  const base = pages[0]!;
  const track = base.tracks[0]!;
  const levelIds = new IdAllocator();
  const levels: Level[] = [];
  const competencies = new Map<string, Competency>();
  for (const page of pages) {
    const pageTrack = page.tracks[0]!;
    const level = pageTrack.levels[0]!;
    const { id } = levelIds.allocate(level.id);
    levels.push({ ...level, id, ordinal: levels.length + 1 });
    for (const c of pageTrack.competencies) {
      const expectations = c.expectations.map((e) => ({ ...e, level: id }));
      const known = competencies.get(c.id);
      if (known) known.expectations.push(...expectations);
      else competencies.set(c.id, { ...c, expectations });
    }
  }
  const coverage = pages.map((p) => p.source.coverage).filter((c): c is number => c !== undefined);
  const source = { ...base.source, joined: pages.slice(1).map((p) => p.source.path) };
  if (coverage.length) source.coverage = Math.min(...coverage);
  return {
    schemaVersion: base.schemaVersion,
    id: slugify(track.name, base.id),
    title: track.name,
    source,
    tracks: [{ ...track, levels, competencies: [...competencies.values()] }],
  };
}

/**
 * Joins pages of one level each (joinOneLevelPages), then gives every ladder a unique id (in
 * order: the first keeps its id), warning about each renamed one, then builds the crosswalk over
 * them all.
 */
export function linkLadders(input: readonly Ladder[], crosswalk: CrosswalkInput = {}): LinkResult {
  const { ladders, diagnostics } = joinOneLevelPages(input);
  const ids = new IdAllocator();
  const linked = ladders.map((ladder) => {
    const { id, collided } = ids.allocate(ladder.id);
    if (!collided) return ladder;
    diagnostics.push(
      diagnostic('warning', 'duplicate-id', `another source already has the ladder id "${ladder.id}"; this one gets "${id}"`, ladder.source.path, undefined, 'set a unique "id" for this source in ladderc.config.json'),
    );
    return renamed(ladder, id);
  });
  const placed = buildCrosswalk(linked, crosswalk);
  for (const d of placed.diagnostics) diagnostics.push(d);
  return { ladders: linked, crosswalk: placed.crosswalk, diagnostics };
}
