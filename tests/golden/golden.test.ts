// Golden tests: each case's model (expected.json) and diagnostics (messages.json) as reviewed.
// They live beside each fixture's input (tests/fixtures/<case>/) and under tests/expected/.
// `make golden` (UPDATE=1) rewrites them; review the diff like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';
import { allCases } from '../support/cases.js';
import { schemaErrors } from '../support/schema.js';

const UPDATE = process.env.UPDATE === '1';

describe.each(allCases())('$path', ({ path, expectedDir: dir, bytes }) => {
  const result = readSource(bytes, path);
  const expectedText = `${JSON.stringify(result.ladder ?? null, null, 2)}\n`;
  const messagesText = `${JSON.stringify(result.diagnostics, null, 2)}\n`;
  if (UPDATE) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'expected.json'), expectedText);
    writeFileSync(join(dir, 'messages.json'), messagesText);
  }

  it('compiles without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('validates against the schema', () => {
    expect(schemaErrors(result.ladder)).toEqual([]);
  });
  it('matches expected.json', () => {
    const file = join(dir, 'expected.json');
    expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
    expect(expectedText).toBe(readFileSync(file, 'utf8'));
  });
  it('matches messages.json', () => {
    const file = join(dir, 'messages.json');
    expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
    expect(messagesText).toBe(readFileSync(file, 'utf8'));
  });
});
