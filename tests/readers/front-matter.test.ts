// The front-matter reader (progression-framework YAML), through readSource: the Monzo corpus file,
// an invented framework, and malformed input.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Competency } from '../../src/model.js';
import { readSource, type ReadResult } from '../../src/readers/index.js';
import { schemaErrors } from '../support/schema.js';

const MONZO = 'tests/corpus/monzo-backend-engineering.md';

function read(text: string, path = 'tests/framework.md', format?: 'front-matter'): ReadResult {
  return readSource(new TextEncoder().encode(text), path, format ? { format } : {});
}

function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** 1-based line and column where `needle` first occurs in `text`. */
function where(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const EMOJI_LEFTOVERS = /[\p{Extended_Pictographic}\uFE0E\uFE0F\u200D]/u;

describe('corpus: monzo backend engineering', () => {
  const source = readFileSync(MONZO, 'utf8');
  const result = readSource(readFileSync(MONZO), MONZO);
  const ladder = result.ladder!;
  const track = ladder.tracks[0]!;
  const byName = (name: string): Competency => track.competencies.find((c) => c.name === name)!;
  const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

  it('is detected as front matter and read without errors or warnings, to a valid ladder', () => {
    expect(ladder.source.format).toBe('front-matter');
    expect(schemaErrors(ladder)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('takes the title (emoji stripped) and names its one track from it', () => {
    expect(ladder.title).toBe('Backend Engineering Framework');
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Backend Engineering']);
  });

  it('gives levels 1..6, labelled only by their number', () => {
    expect(track.levels.map((l) => [l.ordinal, l.title, l.code])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, `${n}`, `${n}`]));
  });

  it('names competencies from their title, else their name capitalised', () => {
    expect(track.competencies.map((c) => c.name)).toEqual(['Communication', 'Impact', 'Leadership', 'Influence', 'Mastery']);
    expect(EMOJI_LEFTOVERS.test(JSON.stringify(ladder))).toBe(false);
  });

  it('has 28 non-empty cells, none for leadership at levels 1 and 2', () => {
    const cells = track.competencies.flatMap((c) => c.expectations);
    expect(cells).toHaveLength(28);
    expect(byName('Leadership').expectations.map((e) => e.level)).toEqual(['3', '4', '5', '6']);
  });

  it('keeps every criterion and example criterion as a line: 121 + 14', () => {
    const data = parse(source.split('\n---\n')[0]!.replace(/^---\n/, '')) as {
      topics: Array<{ content: Array<{ criteria?: string[]; exampleCriteria?: Array<{ criteria: string }> }> }>;
    };
    const criteria = data.topics.flatMap((t) => t.content.flatMap((c) => c.criteria ?? []));
    const exampleCriteria = data.topics.flatMap((t) => t.content.flatMap((c) => c.exampleCriteria ?? []));
    expect([criteria.length, exampleCriteria.length]).toEqual([121, 14]);
    const all = track.competencies.flatMap((c) => c.expectations.flatMap((e) => lines(e.text)));
    expect(all).toHaveLength(135);
    expect(all).toEqual(expect.arrayContaining([...criteria, ...exampleCriteria.map((e) => e.criteria)].map((s) => s.trim())));
  });

  it('attaches examples to their example criterion', () => {
    const cell = byName('Mastery').expectations.find((e) => e.level === '3')!;
    const group = cell.examples!.find((g) => cell.statements[g.statement] === 'Proactively considers security implications of their work')!;
    expect(group.examples).toEqual([
      "Appropriately ties down internal access to resources they're working with (e.g. RPC blacklisting, BigQuery permissions)",
      '"There\'s a risk here of X, Y but given Z, I think this is OK"',
      'Loops in Security when their squad is unsure about something',
    ]);
    const examples = track.competencies.flatMap((c) => c.expectations.flatMap((e) => e.examples ?? []));
    expect(examples).toHaveLength(14);
  });

  it('positions each cell at its first criterion and each competency at its topic', () => {
    const communication = byName('Communication');
    expect(communication.expectations[0]!.position).toEqual(where(source, '"Provides regular status updates'));
    expect(byName('Mastery').position).toEqual(where(source, 'name: "mastery"'));
  });

  it('keeps the Markdown body, prose about the framework, as the ladder description, with one info', () => {
    const kept = result.diagnostics.filter((d) => d.ruleId === 'introduction');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ severity: 'info', line: where(source, '### About our engineering').line });
    expect(ladder.description).toContain('About our engineering progression frameworks\n\nThe engineering progression framework is a tool');
    expect(ladder.description).toContain('The framework is a compass, not a GPS.');
    expect(ladder.tracks[0]!.competencies.some((c) => JSON.stringify(c).includes('compass'))).toBe(false);
  });
});

describe('invented frameworks', () => {
  const framework = [
    '---',
    'title: "🧑🏽‍💻 Data Platform Progression Framework 🇬🇧"',
    'description: How data platform engineers grow.',
    'levels: 3',
    'topics:',
    '  - name: "delivery"',
    '    title:',
    '    description: Getting work to users.',
    '    content:',
    '      - level: 1',
    '        criteria:',
    '          - "Ships small changes"',
    '          - ""',
    '          - >-',
    '            Writes tests',
    '            for new code',
    '        exampleCriteria:',
    '          - criteria: "Reviews pipelines"',
    '            examples: ["Checks schemas", "Checks backfills"]',
    '      - level: 3',
    '        criteria: ["Plans quarters"]',
    '      - level: 7',
    '        criteria: ["Beyond the ladder"]',
    '  - name: craft',
    '    title: "⚙️ Craft"',
    '    content:',
    '      - level: 2',
    '        criteria:',
    '          - "Designs tables"',
    '---',
    '',
  ].join('\n');

  it('reads levels, names, lines and examples, and warns about a level that does not exist', () => {
    const { ladder, diagnostics } = read(framework);
    expect(schemaErrors(ladder)).toEqual([]);
    const track = ladder!.tracks[0]!;
    expect(ladder!.title).toBe('Data Platform Progression Framework');
    expect(track.name).toBe('Data Platform');
    expect(track.levels.map((l) => l.title)).toEqual(['1', '2', '3']);
    expect(track.competencies.map((c) => c.name)).toEqual(['Delivery', 'Craft']);
    expect(ladder!.description).toBe('How data platform engineers grow.');
    expect(track.competencies[0]!.description).toBe('Getting work to users.');
    const first = track.competencies[0]!.expectations[0]!;
    // Empty criteria are dropped; a folded criterion stays one line.
    expect(first.statements).toEqual(['Ships small changes', 'Writes tests for new code', 'Reviews pipelines']);
    expect(first.examples).toEqual([{ statement: 2, examples: ['Checks schemas', 'Checks backfills'] }]);
    expect(first.position).toEqual({ line: 12, column: 13 });
    expect(diagnostics.filter((d) => d.ruleId === 'unknown-level').map((d) => [d.severity, d.line])).toEqual([['warning', 22]]);
    // No body after the front matter: nothing to report as skipped.
    expect(diagnostics.some((d) => d.ruleId === 'introduction')).toBe(false);
  });

  it('reads through shape slips (quoted count, aliases, stray items) with a warning for each', () => {
    const text = [
      '---',
      'levels: "2"',
      'topics:',
      '  - name: scope',
      '    content:',
      '      - level: 1',
      '        criteria:',
      '          - &shared "Owns small tasks"',
      '          - 42',
      '          - { not: a string }',
      '        exampleCriteria: "not a list"',
      '      - level: 2',
      '        criteria: [*shared, "Owns projects"]',
      '        exampleCriteria:',
      '          - "not a mapping"',
      '  - 7',
      '---',
      '',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    expect(schemaErrors(ladder)).toEqual([]);
    const scope = ladder!.tracks[0]!.competencies;
    expect(scope.map((c) => c.name)).toEqual(['Scope']);
    expect(scope[0]!.expectations.map((e) => [e.level, e.statements])).toEqual([
      ['1', ['Owns small tasks', '42']],
      ['2', ['Owns small tasks', 'Owns projects']],
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'front-matter-shape').map((d) => [d.severity, d.line])).toEqual([
      ['warning', 10],
      ['warning', 11],
      ['warning', 15],
      ['warning', 16],
    ]);
    expect(errors(diagnostics)).toEqual([]);
  });

  it('reports malformed YAML at its place, with a hint, and does not throw', () => {
    const broken = ['---', 'levels: 3', 'topics:', '  - name: x', '    content: [', '      - level: 1', '---', ''].join('\n');
    const result = read(broken);
    const syntax = errors(result.diagnostics).filter((d) => d.ruleId === 'yaml-syntax');
    // One error, at the first problem: later ones cascade from it.
    expect(syntax).toHaveLength(1);
    const error = syntax[0];
    expect(error!.line).toBeGreaterThanOrEqual(5);
    expect(error!.hint).toBeTruthy();
  });

  it('reports missing levels and topics with a hint', () => {
    const noLevels = read(['---', 'title: X', 'topics: []', '---', ''].join('\n'), 'a.md', 'front-matter');
    expect(errors(noLevels.diagnostics).map((d) => d.ruleId)).toContain('front-matter-levels');
    expect(errors(noLevels.diagnostics).find((d) => d.ruleId === 'front-matter-levels')!.hint).toContain('levels');

    const noTopics = read(['---', 'title: X', 'levels: 2', '---', ''].join('\n'), 'b.md', 'front-matter');
    const error = errors(noTopics.diagnostics).find((d) => d.ruleId === 'front-matter-topics')!;
    expect(error).toMatchObject({ line: 2, column: 1 });
    expect(error.hint).toContain('topics');

    const badLevels = read(['---', 'levels: many', 'topics: []', '---', ''].join('\n'), 'c.md');
    expect(errors(badLevels.diagnostics).find((d) => d.ruleId === 'front-matter-levels')).toMatchObject({ line: 2, column: 9 });
  });

  it('reports a forced front-matter read of a file that has none', () => {
    const result = read('# Just Markdown\n', 'd.md', 'front-matter');
    expect(errors(result.diagnostics).map((d) => d.ruleId)).toContain('front-matter-missing');
  });
});
