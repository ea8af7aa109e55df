// What `diff` and `promote` share: options resolved like a build's, and sources compiled and linked
// into ladders (no cache, nothing written).

import { countBySeverity, type Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model.js';
import type { Options } from '../options.js';
import { crosswalkInput } from '../pipeline/build.js';
import { compileSources, type SourceInput } from '../pipeline/compile.js';
import { linkLadders } from '../pipeline/link.js';
import { absolute, isInside, ownPaths } from '../pipeline/paths.js';

export { ownPaths } from '../pipeline/paths.js';

export interface CompiledSide {
  ladders: Ladder[];
  diagnostics: Diagnostic[];
  errors: number;
}

export async function compileSide(sources: readonly SourceInput[], options: Options): Promise<CompiledSide> {
  const compiled = await compileSources(sources, options);
  const linked = linkLadders(compiled.ladders, crosswalkInput(options));
  const diagnostics = [...compiled.diagnostics, ...linked.diagnostics];
  return { ladders: linked.ladders, diagnostics, errors: countBySeverity(diagnostics).error };
}


export function withoutOwn(sources: readonly SourceInput[], options: Options): SourceInput[] {
  const own = ownPaths(options);
  return sources.filter((s) => !own.some((dir) => isInside(absolute(s.path, options.cwd), dir)));
}
