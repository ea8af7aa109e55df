// Link: one pass over every ladder of a build at once, after each was compiled on its own. It makes
// ladder ids unique (output paths derive from them) and places every level on the crosswalk
// (crosswalk.ts), which writers receive through their context.

import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Crosswalk, Ladder } from '../model.js';
import { IdAllocator } from '../text/slug.js';
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

/**
 * Gives every ladder a unique id (in order: the first keeps its id), warning about each renamed
 * one, then builds the crosswalk over them all.
 */
export function linkLadders(ladders: readonly Ladder[], crosswalk: CrosswalkInput = {}): LinkResult {
  const ids = new IdAllocator();
  const diagnostics: Diagnostic[] = [];
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
