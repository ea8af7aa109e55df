// The Markdown round trip: model → canonical Markdown → ladderc → the same model (except `source`,
// the ladder `id` and positions), and a second round is byte-identical to the first. Runs over the
// kitchen-sink model, every seed and every corpus document that compiles without errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadTemplateSet } from '../../src/host/io.js';
import { LOCALES, type Locale } from '../../src/locale/index.js';
import type { Ladder } from '../../src/model.js';
import { writerContext } from '../support/writer-context.js';
import { detectFormat } from '../../src/readers/registry.js';
import { readSource } from '../../src/readers/index.js';
import { writeMarkdown } from '../../src/writers/markdown.js';
import type { WriterContext } from '../../src/writers/types.js';
import { IdAllocator, slugify } from '../../src/text/slug.js';
import { allCases } from '../support/cases.js';

const context: WriterContext = writerContext('md', {}, loadTemplateSet('markdown')) as WriterContext;

function toMarkdown(ladder: Ladder, locale: Locale = 'en'): string {
  const file = writeMarkdown(ladder, locale === 'en' ? context : (writerContext('md', {}, loadTemplateSet('markdown'), { locale }) as WriterContext)).files[0]!;
  return String(file.contents);
}

/** The model without what the round trip does not keep: source, ladder id (also where equivalents name their own ladder), positions. */
function comparable(ladder: Ladder): unknown {
  const { source: _source, id, ...rest } = ladder;
  return JSON.parse(
    JSON.stringify(rest, (key, value: unknown) => {
      if (key === 'position') return undefined;
      if (key === 'ladder' && value === id) return '(this ladder)';
      return value;
    }),
  );
}

function readBack(markdown: string, path = 'out/md/roundtrip.md'): { ladder?: Ladder; diagnostics: Diagnostic[] } {
  return readSource(new TextEncoder().encode(markdown), path);
}

/**
 * The hand-made fixture gives one level an id no source can produce ("Director", without a code,
 * has the id "m2"): finalize derives a level's id from its code, else its title, and the canonical
 * Markdown carries no ids. Compare against the ids ladderc derives, and nothing else changed.
 */
function withDerivedLevelIds(ladder: Ladder): Ladder {
  const copy = JSON.parse(JSON.stringify(ladder)) as Ladder;
  const renamed = new Map<string, string>();
  for (const track of copy.tracks) {
    const ids = new IdAllocator();
    for (const level of track.levels) {
      const id = ids.allocate(slugify(level.code || level.title, 'level')).id;
      renamed.set(`${track.id}\0${level.id}`, id);
      level.id = id;
    }
    for (const c of track.competencies) for (const e of c.expectations) e.level = renamed.get(`${track.id}\0${e.level}`) ?? e.level;
  }
  for (const track of copy.tracks) {
    for (const level of track.levels) {
      for (const eq of level.equivalents ?? []) eq.level = renamed.get(`${eq.track}\0${eq.level}`) ?? eq.level;
    }
  }
  return copy;
}

function expectRoundTrip(ladder: Ladder, locale: Locale = 'en'): void {
  const first = toMarkdown(ladder, locale);
  expect(detectFormat(first)).toBe('ladderc-md');
  const back = readBack(first);
  // The reader's own layout messages would mean the writer produced something it cannot read.
  const layout = back.diagnostics.filter((d) => d.severity === 'error' || d.ruleId.startsWith('canonical'));
  expect(layout).toEqual([]);
  expect(back.ladder).toBeDefined();
  expect(comparable(back.ladder!)).toEqual(comparable(ladder));
  expect(toMarkdown(back.ladder!, locale)).toBe(first);
}

// The canonical Markdown reads back whatever the build's locale: its grammar words stay English.
describe.each(LOCALES)('Markdown round trip in locale %s', (locale) => {
  const kitchenSink = (): Ladder => withDerivedLevelIds(JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder);
  it('keeps every field of the kitchen-sink model', () => expectRoundTrip(kitchenSink(), locale));
  it('keeps every seed that compiles', () => {
    const seeds = allCases().filter((c) => c.path.startsWith('sources/'));
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const c of seeds) {
      const compiled = readSource(c.bytes, c.path);
      if (compiled.ladder && !compiled.diagnostics.some((d) => d.severity === 'error')) expectRoundTrip(compiled.ladder, locale);
    }
  });
});

describe('Markdown round trip', () => {
  it('keeps every field of the kitchen-sink model', () => {
    const kitchenSink = JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;
    expectRoundTrip(withDerivedLevelIds(kitchenSink));
  });

  // Invented sources with hostile cells, read by the real readers: whatever model they make must
  // round-trip (trailing spaces and tabs are cleaned by finalize, so they test the reader side).
  const invented: Array<[string, string]> = [
    [
      'hostile-gfm.md',
      [
        '# Hostile \\| table',
        '',
        '| Category | Competency | Junior (L1) | Senior (L2) |',
        '| --- | --- | --- | --- |',
        '| **Craft** | Code \\| pipes | - leading dash<br>#hash<br>1. numbered | n/a |',
        '| | Back\\\\slash | <script>alert(1)</script> text   | `code` and *stars* 🎉 👩‍💻 |',
        '| | Code \\| pipes | Second row. Two sentences. | More. |',
        '| | Links | [docs](https://example.com/a_b) and www.example.com | =SUM(1) and @me |',
        '',
      ].join('\n'),
    ],
    [
      'hostile-html.html',
      [
        '<table><tr><th></th><th>Level 1</th><th>Level 2</th></tr>',
        '<tr><th>Delivery &amp; care</th><td><ul><li>- ships</li><li># counts</li><li>1. first</li></ul></td><td rowspan="2">&lt;b&gt; shared &lt;/b&gt; cell</td></tr>',
        '<tr><th>Review</th><td>N/A</td></tr>',
        '</table>',
      ].join('\n'),
    ],
  ];
  for (const [path, text] of invented) {
    it(`round-trips the invented source ${path} (when it compiles without errors)`, () => {
      const compiled = readSource(new TextEncoder().encode(text), path);
      if (!compiled.ladder || compiled.diagnostics.some((d) => d.severity === 'error')) return;
      expectRoundTrip(compiled.ladder);
    });
  }

  const cases = allCases();
  it('has seeds and corpus documents to run over', () => {
    expect(cases.filter((c) => c.path.startsWith('sources/')).length).toBeGreaterThanOrEqual(5);
  });
  for (const c of cases) {
    it(`round-trips ${c.path} (when it compiles without errors)`, () => {
      const compiled = readSource(c.bytes, c.path);
      // Readers are written in parallel: a document that does not compile yet is not a writer's
      // failure. One that compiles must round-trip.
      if (!compiled.ladder || compiled.diagnostics.some((d) => d.severity === 'error')) return;
      expectRoundTrip(compiled.ladder);
    });
  }
});
