// Link: one pass over every ladder of a build at once, after each was compiled on its own. Today it
// makes ladder ids unique (output paths derive from them); cross-ladder work (a crosswalk of
// equivalent levels) belongs here too.

import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model.js';
import { IdAllocator } from '../text/slug.js';

export interface LinkResult {
  ladders: Ladder[];
  diagnostics: Diagnostic[];
}

/** Gives every ladder a unique id (in order: the first keeps its id), warning about each renamed one. */
export function linkLadders(ladders: readonly Ladder[]): LinkResult {
  const ids = new IdAllocator();
  const diagnostics: Diagnostic[] = [];
  const linked = ladders.map((ladder) => {
    const { id, collided } = ids.allocate(ladder.id);
    if (!collided) return ladder;
    diagnostics.push(
      diagnostic('warning', 'duplicate-id', `another source already has the ladder id "${ladder.id}"; this one gets "${id}"`, ladder.source.path, undefined, 'set a unique "id" for this source in ladderc.config.json'),
    );
    return { ...ladder, id };
  });
  return { ladders: linked, diagnostics };
}
