// JSON: the model itself, one file per ladder, with stable key order and a final newline.

import type { Ladder } from '../model.js';
import type { WriterResult } from './types.js';

export function ladderToJson(ladder: Ladder): string {
  return `${JSON.stringify(ladder, null, 2)}\n`;
}

export function writeJson(ladders: readonly Ladder[]): WriterResult {
  return {
    files: ladders.map((ladder) => ({
      path: `json/${ladder.id}.json`,
      format: 'json' as const,
      ladder: ladder.id,
      contents: ladderToJson(ladder),
    })),
    diagnostics: [],
  };
}
