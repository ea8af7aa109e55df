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

describe('YAML and JSON data: competencies listing their milestones', () => {
  const yamlPath = 'tests/fixtures/yaml-milestones/input.yaml';
  const jsonPath = 'tests/fixtures/json-milestones/input.json';
  const fromYaml = readSource(new Uint8Array(readFileSync(yamlPath)), yamlPath);
  const fromJson = readSource(new Uint8Array(readFileSync(jsonPath)), jsonPath);
  const track = fromYaml.ladder!.tracks[0]!;
  it('is detected in both syntaxes', () => {
    expect([fromYaml.ladder?.source.format, fromJson.ladder?.source.format]).toEqual(['yaml-data', 'yaml-data']);
  });
  it('makes milestone n of every competency the n-th level, and a competency per entry', () => {
    expect(track.levels.map((l) => l.title)).toEqual(['Level 1', 'Level 2', 'Level 3']);
    expect(track.competencies.map((c) => [c.category, c.name, c.expectations.length])).toEqual([
      ['A', 'Mobile', 2],
      ['A', 'Servers', 2],
      ['C', 'Mentoring', 3],
    ]);
  });
  it("keeps the summary and signals as statements, the examples as the last statement's examples", () => {
    const first = track.competencies[0]!.expectations[0]!;
    expect(first.statements).toEqual(['Works effectively within established iOS or Android architectures', 'Delivers features requiring simple local modifications', 'Adds simple actions that call server endpoints']);
    expect(first.examples).toEqual([{ statement: 2, examples: ['Added support for a new type of post'] }]);
  });
  it('gives one model from YAML and from JSON, and keeps every word but the keys', () => {
    const strip = (l: typeof fromYaml.ladder) => JSON.parse(JSON.stringify({ ...l, id: '', source: undefined }, (k, v) => (k === 'position' ? undefined : v)));
    expect(strip(fromJson.ladder)).toEqual(strip(fromYaml.ladder));
    expect([fromYaml.ladder!.source.coverage, fromJson.ladder!.source.coverage]).toEqual([1, 1]);
  });
});
