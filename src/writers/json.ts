// JSON: the model itself, one file per ladder, with stable key order and a final newline; and the
// build's crosswalk (json/crosswalk.json, described by schema/crosswalk.schema.json).

import type { Ladder } from '../model.js';
import { crosswalkJson } from '../views/crosswalk.js';
import type { WriterContext, WriterEntry, WriterResult } from './types.js';
import { jsonInfo } from './index.js';

export function ladderToJson(ladder: Ladder): string {
  return `${JSON.stringify(ladder, null, 2)}\n`;
}

export function writeJson(ladder: Ladder): WriterResult {
  return { files: [{ path: `json/${ladder.id}.json`, format: 'json', kind: 'model', ladder: ladder.id, contents: ladderToJson(ladder) }], diagnostics: [] };
}

/** Every level of the build on one scale of rungs, each with the basis of its placement. */
export function writeCrosswalkJson(_ladders: readonly Ladder[], context: WriterContext): WriterResult {
  return { files: [{ path: 'json/crosswalk.json', format: 'json', kind: 'crosswalk', contents: `${JSON.stringify(crosswalkJson(context.crosswalk), null, 2)}\n` }], diagnostics: [] };
}

export const jsonWriter: WriterEntry<Record<string, never>, 'json'> = {
  ...jsonInfo,
  ladder: writeJson,
  shared: writeCrosswalkJson,
};
