// Golden tests: each case's model and diagnostics (messages.json) as reviewed. Fixtures keep the
// whole model beside their input (tests/fixtures/<case>/expected.json); seeds and corpus documents
// keep it split per track under tests/expected/<kind>/<name>/ (ladder.json + tracks/<id>.json, see
// tests/support/expected.ts) with facts.json, a summary to check against the source by eye.
// `make golden` (UPDATE=1) rewrites them all; review the diff like code, facts.json first.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';
import { allCases } from '../support/cases.js';
import { existingModelFiles, factsOf, isSplit, joinModel, json, modelFiles } from '../support/expected.js';
import { schemaErrors } from '../support/schema.js';

const UPDATE = process.env.UPDATE === '1';

describe.each(allCases())('$path', (c) => {
  const { path, expectedDir: dir, bytes } = c;
  const split = isSplit(c);
  const result = readSource(bytes, path);
  const ladder = result.ladder ?? null;
  const expected = modelFiles(ladder, split);
  const messagesText = json(result.diagnostics);
  const factsText = json(factsOf(ladder, result.diagnostics));
  if (UPDATE) {
    mkdirSync(dir, { recursive: true });
    if (split) rmSync(join(dir, 'tracks'), { recursive: true, force: true });
    for (const [name, text] of Object.entries(expected)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    writeFileSync(join(dir, 'messages.json'), messagesText);
    if (split) writeFileSync(join(dir, 'facts.json'), factsText);
  }

  it('compiles without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('validates against the schema', () => {
    expect(schemaErrors(result.ladder)).toEqual([]);
  });
  it('has exactly the expected model files (none missing, none stale)', () => {
    expect(existingModelFiles(dir, split), `${dir}: run "make golden" and review the diff`).toEqual(Object.keys(expected).sort());
  });
  it.each(Object.keys(expected))('matches %s', (name) => {
    const file = join(dir, name);
    expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
    expect(expected[name]).toBe(readFileSync(file, 'utf8'));
  });
  if (split) {
    it('is reconstructed exactly by ladder.json and tracks/*.json', () => {
      expect(json(joinModel(dir))).toBe(json(ladder));
    });
    it('matches facts.json', () => {
      const file = join(dir, 'facts.json');
      expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
      expect(factsText).toBe(readFileSync(file, 'utf8'));
    });
  }
  it('matches messages.json', () => {
    const file = join(dir, 'messages.json');
    expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
    expect(messagesText).toBe(readFileSync(file, 'utf8'));
  });
});
