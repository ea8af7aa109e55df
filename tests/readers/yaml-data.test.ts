// The YAML data reader (levels, themes and a flat list of entries joined by ids), through readSource.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelText } from '../../src/readers/coverage.js';
import { detectFormat, readSource } from '../../src/readers/index.js';

const read = (text: string, path = 'tests/framework.yaml') => readSource(new TextEncoder().encode(text), path);
const THEMES = 'tests/fixtures/yaml-data-themes/input.yaml';

describe('yaml-data', () => {
  const text = readFileSync(THEMES, 'utf8');
  const { ladder, diagnostics } = read(text, THEMES);
  const track = ladder!.tracks[0]!;

  it('is detected from its top-level lists, never from front matter', () => {
    expect(detectFormat(text)).toBe('yaml-data');
    expect(detectFormat(`---\n${text}---\n# Body\n`)).not.toBe('yaml-data');
    expect(detectFormat('levels: 3\ntitle: x\n')).not.toBe('yaml-data');
  });
  it('keeps the levels in list order and makes each theme a competency', () => {
    expect(track.levels.map((l) => l.title)).toEqual(['Associate Engineer', 'Engineer', 'Senior Engineer']);
    expect(track.competencies.map((c) => [c.name, c.description])).toEqual([
      ['Delivery', 'How work reaches production.'],
      ['People', 'How you grow the people around you.'],
    ]);
  });
  it('makes each entry one line of the expectation its level and theme point at', () => {
    const delivery = track.competencies[0]!;
    expect(delivery.expectations[0]!.statements).toEqual(['Ships small changes with review.', 'Asks for help when blocked.']);
    expect(track.competencies[1]!.expectations.map((e) => e.level)).toEqual(['engineer', 'senior-engineer']);
  });
  it('never keeps an id, a UUID or a sheet key as text, nor a zero-width space', () => {
    const all = modelText(ladder!).join('\n');
    expect(all).not.toMatch(/[0-9a-f]{8}-|th-|1hX9|\u200b/);
  });
  it('warns about an entry whose level is not listed, naming its text', () => {
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.ruleId, d.line])).toEqual([['yaml-data-entry', 43]]);
    expect(diagnostics.find((d) => d.severity === 'warning')!.message).toContain('Names a level nobody listed.');
  });
  it('says where the YAML does not parse', () => {
    const bad = read('levels:\n  - name: A\ncompetencies: [\n');
    expect(bad.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toContain('yaml-data-syntax');
  });
});
