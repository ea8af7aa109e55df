// Coverage floors: every fixture, seed and corpus document keeps at least the share of its words
// recorded in tests/expected/coverage.json (source.coverage, see src/readers/coverage.ts). A reader
// change that drops text fails here even when its goldens are regenerated. `UPDATE=1` raises a
// floor to the new coverage and never lowers one: lowering is a decision made by editing the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';
import { allCases } from '../support/cases.js';
import { json } from '../support/expected.js';

const FILE = 'tests/expected/coverage.json';
const UPDATE = process.env.UPDATE === '1';
const floors: Record<string, number> = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>) : {};
const cases = allCases().map((c) => ({ name: c.name, path: c.path, coverage: readSource(c.bytes, c.path).ladder?.source.coverage }));

if (UPDATE) {
  const next: Record<string, number> = {};
  for (const c of cases) if (c.coverage !== undefined) next[c.name] = Math.max(c.coverage, floors[c.name] ?? 0);
  writeFileSync(FILE, json(next));
  Object.assign(floors, next);
}

describe('coverage', () => {
  it.each(cases)('$path keeps at least its recorded share of words', (c) => {
    expect(c.coverage, `${c.path} has no model`).toBeDefined();
    const floor = floors[c.name];
    expect(floor, `${FILE} has no floor for ${c.name}: run UPDATE=1 npx vitest run tests/golden/coverage.test.ts`).toBeDefined();
    expect(c.coverage!).toBeGreaterThanOrEqual(floor!);
  });
  it('records no floor for a case that is gone', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(Object.keys(floors).filter((n) => !names.has(n))).toEqual([]);
  });
});
