// Property-based fuzzing (fast-check), bounded and seeded in the normal suite; `make fuzz` sets
// FUZZ_RUNS for longer runs (and FUZZ_SEED to explore other seeds). A counterexample found here is
// printed with its seed and path; it becomes a fixture under tests/fixtures/ or a case in
// tests/hostile/inputs.ts.
//
// Readers: every reader (each format forced, and detection) on seed, corpus and fixture documents
// mutated — cells cut, rows duplicated, tags dropped, bytes flipped, headings shuffled — never
// throws, answers within a hang bound, and a ladder read without errors is schema-valid.
// Writers: models of the schema's shape full of hostile strings give output each format's own
// check accepts — Markdown reads back with the same competencies, HTML parses without active
// content, every CSV record has the header's column count.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';
import { SOURCE_FORMATS, type SourceFormat } from '../../src/readers/registry.js';
import { allCases } from '../support/cases.js';
import { parseCsv } from '../support/csv.js';
import { renderFormat } from '../support/render.js';
import { schemaErrors } from '../support/schema.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 0x12);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };
/** Only a hang exceeds this (a bound, not a benchmark). */
const HANG_MS = 20_000;

type Mutation = { op: 'cut-cell' | 'dup-row' | 'drop-tag' | 'flip-byte' | 'shuffle-headings'; at: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('cut-cell', 'dup-row', 'drop-tag', 'flip-byte', 'shuffle-headings'),
  at: fc.nat(),
  by: fc.nat(),
});

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let text = new TextDecoder().decode(bytes);
  let raw: Uint8Array | undefined;
  for (const m of mutations) {
    const lines = text.split('\n');
    const i = m.at % Math.max(1, lines.length);
    const line = lines[i] ?? '';
    if (m.op === 'cut-cell') {
      const cells = line.split('|');
      if (cells.length > 2) cells.splice(1 + (m.by % (cells.length - 2)), 1);
      lines[i] = cells.join('|');
    } else if (m.op === 'dup-row') lines.splice(i, 0, line);
    else if (m.op === 'drop-tag') {
      const tags = [...text.matchAll(/<\/?[a-zA-Z][^>]*>/g)];
      const tag = tags[m.by % Math.max(1, tags.length)];
      if (tag) {
        text = text.slice(0, tag.index) + text.slice(tag.index + tag[0].length);
        continue;
      }
    } else if (m.op === 'shuffle-headings') {
      const heads = lines.map((l, j) => (/^\s*(#{1,6}\s|<h[1-6])/.test(l) ? j : -1)).filter((j) => j >= 0);
      if (heads.length >= 2) {
        const a = heads[m.at % heads.length]!;
        const b = heads[m.by % heads.length]!;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
    } else {
      const b = new TextEncoder().encode(text);
      if (b.length) b[m.at % b.length] ^= 1 << m.by % 8;
      raw = b;
      text = new TextDecoder().decode(b);
      continue;
    }
    text = lines.join('\n');
    raw = undefined;
  }
  return raw ?? new TextEncoder().encode(text);
}

describe('fuzzing the readers', () => {
  const cases = allCases();
  const formats: Array<SourceFormat | undefined> = [undefined, ...SOURCE_FORMATS];

  it('never throw, answer in time, and give schema-valid ladders on mutated documents', () => {
    fc.assert(
      fc.property(fc.nat(cases.length - 1), fc.constantFrom(...formats), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, format, mutations) => {
        const c = cases[index]!;
        const bytes = mutate(c.bytes, mutations);
        const started = performance.now();
        const result = readSource(bytes, c.path, format ? { format } : {});
        expect(performance.now() - started).toBeLessThan(HANG_MS);
        if (!result.diagnostics.some((d) => d.severity === 'error')) expect(schemaErrors(result.ladder)).toEqual([]);
      }),
      settings,
    );
  }, 600_000);
});

/** Strings that break naive writers. */
const hostile = fc.oneof(
  fc.constantFrom(
    '</script><script>alert(1)</script>',
    '{{constructor}}',
    '{{{x}}}',
    '| a | b |',
    '"quoted" \'single\'',
    '=1+1',
    '@SUM(A1)',
    '\u202Eevil\u202C',
    '\u0000\u0001\u0007\u001B[31m',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '# heading\n\n- list',
    '*a _b `c [d](e)',
    'x'.repeat(10_000),
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;

/** The kitchen-sink model with every free-text field replaced by generated hostile strings. */
function poisoned(strings: readonly string[]): Ladder {
  let n = 0;
  const next = (): string => {
    // As readers leave names (cleanInline): no control characters, white space collapsed and trimmed.
    const s = strings[n++ % strings.length]!.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim();
    return s === '' ? `text ${n}` : s;
  };
  const ladder = structuredClone(kitchenSink()) as Ladder;
  // Names as readers keep them: with a letter (a name without one is replaced: nameless-title) and
  // distinct within their list (two tracks or levels of one name are one).
  const named = (suffix: string): string => {
    const s = next();
    return /\p{L}/u.test(s) ? `${s} ${suffix}` : `${s} name ${suffix}`;
  };
  ladder.title = named('ladder');
  for (const track of ladder.tracks) {
    track.name = named(track.id);
    for (const level of track.levels) level.title = named(level.id);
    for (const c of track.competencies) {
      c.name = `${next()} ${c.id}`;
      for (const e of c.expectations) {
        if (e.applicable === false) continue;
        const statements = [next(), next()].map((s) => s.replace(/\s+/g, ' ').trim() || 'x');
        e.statements = statements;
        e.text = statements.join('\n');
      }
    }
  }
  return ladder;
}

function elements(node: Root | RootContent): Element[] {
  const out: Element[] = [];
  const stack: Array<Root | RootContent> = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'element') out.push(n);
    if ('children' in n) stack.push(...n.children);
  }
  return out;
}

describe('fuzzing the writers', () => {
  const strings = fc.array(hostile, { minLength: 4, maxLength: 12 });

  it('HTML: parses without active content', async () => {
    const parse = unified().use(rehypeParse);
    await fc.assert(
      fc.asyncProperty(strings, async (s) => {
        const { files } = await renderFormat('html', [poisoned(s)]);
        for (const f of files.filter((f) => f.path.endsWith('.html'))) {
          for (const el of elements(parse.parse(String(f.contents)))) {
            expect(el.tagName).not.toMatch(/^(style|iframe|img|object|base|svg)$/);
            for (const k of Object.keys(el.properties)) expect(k).not.toMatch(/^on/i);
            if (el.tagName === 'script') expect(el.children).toEqual([]);
          }
        }
      }),
      { ...settings, numRuns: Math.max(3, Math.round(RUNS / 5)) },
    );
  }, 600_000);

  it('CSV: every record has the header’s column count, and no field starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(strings, async (s) => {
        const { files } = await renderFormat('csv', [poisoned(s)]);
        for (const f of files) {
          const records = parseCsv(String(f.contents).replace(/^\uFEFF/, ''));
          for (const r of records) expect(r.length, f.path).toBe(records[0]!.length);
          for (const field of records.flat()) expect(field).not.toMatch(/^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/);
        }
      }),
      { ...settings, numRuns: Math.max(3, Math.round(RUNS / 2)) },
    );
  }, 600_000);

  it('Markdown: reads back with the same tracks and competencies', async () => {
    await fc.assert(
      fc.asyncProperty(strings, async (s) => {
        const ladder = poisoned(s);
        const { files } = await renderFormat('md', [ladder]);
        const md = files.find((f) => f.path === `md/${ladder.id}.md`)!; // not md/crosswalk.md
        const back = readSource(new TextEncoder().encode(String(md.contents)), 'back.md');
        expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(back.ladder!.tracks.map((t) => t.competencies.length)).toEqual(ladder.tracks.map((t) => t.competencies.length));
        expect(back.ladder!.tracks.map((t) => t.levels.length)).toEqual(ladder.tracks.map((t) => t.levels.length));
      }),
      { ...settings, numRuns: Math.max(3, Math.round(RUNS / 5)) },
    );
  }, 600_000);
});
