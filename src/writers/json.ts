// JSON: the model itself, one file per ladder, with stable key order and a final newline.

import type { Ladder } from '../model.js';
import type { WriterEntry, WriterResult } from './types.js';

export function ladderToJson(ladder: Ladder): string {
  return `${JSON.stringify(ladder, null, 2)}\n`;
}

export function writeJson(ladder: Ladder): WriterResult {
  return { files: [{ path: `json/${ladder.id}.json`, format: 'json', ladder: ladder.id, contents: ladderToJson(ladder) }], diagnostics: [] };
}

export const jsonWriter: WriterEntry<Record<string, never>, 'json'> = {
  id: 'json',
  label: 'the model as JSON, one file per ladder',
  ladder: writeJson,
  options: [],
};
