// One grid, one interpreter: the same table written in HTML, GFM and CSV/TSV (or as HTML and GFM
// under the same headings) compiles to the same model. Each tests/fixtures/grid-*/ holds the table
// in every syntax it can be written in (input.html, input.md, input.csv); the golden test pins the
// first of them (expected.json), this test pins that the others agree with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';
import { titleFromFileName } from '../../src/text/file-title.js';

const ROOT = 'tests/fixtures';
const fixtures = readdirSync(ROOT).filter((d) => d.startsWith('grid-')).sort();

/**
 * The model without what depends on the syntax rather than the table: the source (path, format,
 * hash), positions, and the name a reader invents for a track its document names nowhere (the
 * HTML reader's "Engineering", the Markdown reader's file name).
 */
function comparable(path: string, ladder: Ladder | undefined): unknown {
  if (!ladder) return ladder;
  const invented = new Set(['Engineering', titleFromFileName(path)]);
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'position').map(([k, x]) => [k, strip(x)]));
  };
  const { source: _source, ...rest } = ladder;
  const out = strip(rest) as { tracks: Array<Record<string, unknown>> };
  out.tracks = out.tracks.map((t) => (invented.has(t.name as string) ? { ...t, id: '(invented)', name: '(invented)' } : t));
  return out;
}

it('has grid fixtures, each in two syntaxes or more', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(4);
  for (const d of fixtures) expect(readdirSync(join(ROOT, d)).filter((f) => f.startsWith('input.')).length, d).toBeGreaterThanOrEqual(2);
});

describe.each(fixtures)('%s', (fixture) => {
  const inputs = readdirSync(join(ROOT, fixture)).filter((f) => f.startsWith('input.')).sort();
  const results = inputs.map((f) => {
    const path = join(ROOT, fixture, f);
    return { file: f, path, result: readSource(new Uint8Array(readFileSync(path)), path) };
  });
  const [first, ...rest] = results;

  it('reads a ladder from every syntax, without errors', () => {
    for (const { file, result } of results) {
      expect(result.ladder, file).toBeDefined();
      expect(result.diagnostics.filter((d) => d.severity === 'error'), file).toEqual([]);
    }
  });

  it.each(rest.map((r) => [r.file, r] as const))('%s compiles to the same model as the first syntax', (_, other) => {
    expect(comparable(other.path, other.result.ladder)).toEqual(comparable(first!.path, first!.result.ladder));
  });

  it.each(rest.map((r) => [r.file, r] as const))('%s gives the same warnings as the first syntax', (_, other) => {
    const warnings = (r: typeof first) => r!.result.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.ruleId, d.message]);
    expect(warnings(other)).toEqual(warnings(first));
  });
});
