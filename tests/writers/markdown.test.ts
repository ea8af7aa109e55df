// The Markdown writer and the canonical reader: escaping in every place a value can sit, hostile
// text through the round trip, the level-diff marks, markdownlint, template overrides, template
// errors, and clear diagnostics (never a throw) for documents a person has broken by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paragraph, Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOutputs } from '../../src/pipeline/render.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadTemplateSet } from '../../src/host/io.js';
import { SCHEMA_VERSION, type Ladder } from '../../src/model.js';
import { defaultOptions } from '../../src/pipeline/options.js';
import { writerContext } from '../support/writer-context.js';
import { inlineText } from '../../src/readers/canonical-md.js';
import type { DraftLadder } from '../../src/readers/draft.js';
import { finalizeLadder } from '../../src/readers/finalize.js';
import { readSource } from '../../src/readers/index.js';
import { escapeMarkdown, escapeMarkdownLine, markdownParagraphs } from '../../src/writers/escape.js';
import { writeMarkdown } from '../../src/writers/markdown.js';
import { TemplateError } from '../../src/writers/template.js';
import type { WriterContext } from '../../src/writers/types.js';
import { allCases } from '../support/cases.js';
import { prng } from '../support/prng.js';

const work = mkdtempSync(join(tmpdir(), 'ladderc-md-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contextWith = (templates = loadTemplateSet('markdown')): WriterContext => writerContext('md', {}, templates) as WriterContext;
const toMarkdown = (ladder: Ladder, context = contextWith()): string => String(writeMarkdown(ladder, context).files[0]!.contents);
const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;
const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
const read = (md: string) => readSource(new TextEncoder().encode(md), 'edited.md');
// The ladder id is not in the Markdown: neither is it where equivalents name their own ladder.
const comparable = (ladder: Ladder): unknown => {
  const { source: _s, id, ...rest } = ladder;
  return JSON.parse(JSON.stringify(rest, (k, v: unknown) => (k === 'position' ? undefined : k === 'ladder' && v === id ? '(this ladder)' : v)));
};

const HOSTILE = [
  '- leading dash',
  '-2+3',
  '+ plus',
  '* star item',
  '# not a heading',
  '#hashtag',
  '1. one',
  '12) twelve',
  '> quote',
  '=SUM(A1)',
  '---',
  '***',
  '___',
  '===',
  '| pipe | table |',
  'a | b',
  'back\\slash and a trailing backslash \\',
  '\\*not emphasis\\*',
  '<script>alert(1)</script>',
  '<!-- comment -->',
  '<br> and <ins>',
  '&amp; &copy; &#123; &#x41; AT&T',
  '`code` and ```fence```',
  '~~strike~~ and ~single~',
  '[link](http://example.com) and ![img](x.png) and [^1] and [ref][x]',
  '*em* _em_ **strong** __strong__',
  'snake_case_name and _leading and trailing_',
  'https://example.com/a_b?c=d~e&f=g#h and www.example.com and me@example.com',
  'javascript:alert(1)',
  'emoji 🎉 👩‍💻 ✓ → “curly” ‘quotes’',
  'C# and F#',
  'Trailing hash #',
  'Level: fake heading text',
  'Example: not an example',
  ':smile: and $math$ and {braces}',
];

describe('Markdown escaping', () => {
  it('escapes each special character', () => {
    expect(escapeMarkdownLine('a | b')).toBe('a \\| b');
    expect(escapeMarkdownLine('*x*')).toBe('\\*x\\*');
    expect(escapeMarkdownLine('_x_ a_b')).toBe('\\_x\\_ a_b');
    expect(escapeMarkdownLine('<b>')).toBe('\\<b>');
    expect(escapeMarkdownLine('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdownLine('# x')).toBe('\\# x');
    expect(escapeMarkdownLine('- x')).toBe('\\- x');
    expect(escapeMarkdownLine('+ x')).toBe('\\+ x');
    expect(escapeMarkdownLine('1. x')).toBe('1\\. x');
    expect(escapeMarkdownLine('[x](y)')).toBe('\\[x\\](y)');
    expect(escapeMarkdownLine('`x`')).toBe('\\`x\\`');
    expect(escapeMarkdownLine('x #')).toBe('x \\#');
    expect(escapeMarkdownLine('plain words, no change')).toBe('plain words, no change');
    expect(escapeMarkdown('one\ntwo\n\nthree')).toBe('one<br>two<br><br>three');
    expect(markdownParagraphs('one\n- two\n\nthree', '  ')).toBe('one\\\n  \\- two\n\n  three');
  });

  // Each value must read back as itself wherever a template puts it.
  const contexts: Array<[string, (s: string) => string, (root: Root) => string]> = [
    ['a paragraph', (s) => escapeMarkdownLine(s), (r) => inlineText((r.children[0] as Paragraph).children)],
    ['a list item', (s) => `- ${escapeMarkdownLine(s)}`, (r) => inlineText(((r.children[0] as { children: Array<{ children: Paragraph[] }> }).children[0]!.children[0]!).children)],
    ['a heading', (s) => `#### ${escapeMarkdownLine(s)}`, (r) => inlineText((r.children[0] as Paragraph).children)],
    ['a table cell', (s) => `| a |\n| --- |\n| ${escapeMarkdown(s)} |`, (r) => inlineText((r.children[0] as Table).children[1]!.children[0]!.children)],
    ['a line after a hard break', (s) => `first\\\n${escapeMarkdownLine(s)}`, (r) => inlineText((r.children[0] as Paragraph).children).split('\n')[1]!],
  ];
  for (const [where, write, readBack] of contexts) {
    it(`reads every hostile string back unchanged from ${where}`, () => {
      for (const s of HOSTILE) expect(readBack(parse(write(s))), `${where}: ${s}`).toBe(s);
    });
  }
});

/** A finalize-shaped ladder whose every text, name and title is hostile. */
function hostileLadder(): Ladder {
  const draft: DraftLadder = {
    title: '# Ladder | with *stars* and <tags>',
    description: HOSTILE.slice(0, 6).join('\n') + '\n\n' + HOSTILE.slice(6, 12).join('\n'),
    tracks: [
      {
        name: '1. Track #',
        description: '- not a list\n> not a quote',
        notes: ['- note one', '# note two\nsecond line\n\nsecond block'],
        baseline: [{ competency: '*Values*', statements: ['- acts', '1. writes'] }],
        levels: [
          { label: 'x', title: '- Junior | I', code: '1.', summary: '# summary\n- line two\n\nblock two', metadata: { '# key': '- value', 'a|b': '<c>' } },
          { label: 'x', title: 'Level: Notes', summary: 'Notes' },
          { label: 'x', title: '3/4', code: '=1+1', equivalents: [{ text: 'Lead `x`', trackHint: 'Other' }] },
        ],
        competencies: HOSTILE.map((text, i) => ({
          name: i % 5 === 0 ? '- Same name' : `${HOSTILE[(i * 7) % HOSTILE.length]}`,
          category: i % 3 === 0 ? '# Category | one' : i % 3 === 1 ? '_Cat two_' : '',
          area: i % 4 === 0 ? '> area' : '',
          description: i % 2 ? 'desc\n- line' : '',
          cells: [
            { level: 0, text: text, examples: [{ line: 0, examples: ['- example | one', '`two`'] }] },
            { level: 1, text: `${text}\n${HOSTILE[(i + 1) % HOSTILE.length]}. Second sentence.\n\n${HOSTILE[(i + 2) % HOSTILE.length]}` },
            { level: 2, text: i % 4 === 0 ? 'n/a (not applicable at this level)' : `New thing ${i}. ${text}` },
          ],
        })),
      },
      {
        name: 'Other',
        levels: [{ label: 'Lead `x`', title: 'Lead `x`' }],
        // Two merged rows, the first n/a: the expectation applies, and its text starts with n/a.
        competencies: [{ name: 'n/a', cells: [{ level: 0, text: 'n/a' }, { level: 0, text: 'But this applies.' }] }],
      },
    ],
  };
  const diagnostics = new Diagnostics('hostile.md');
  const finalized = finalizeLadder(draft, diagnostics, 'hostile');
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'hostile',
    title: finalized.title!,
    ...(finalized.description ? { description: finalized.description } : {}),
    source: { path: 'hostile.md', format: 'prose', sha256: '0'.repeat(64) },
    tracks: finalized.tracks,
  };
}

describe('canonical Markdown', () => {
  it('round-trips a ladder whose every string is hostile', () => {
    const ladder = hostileLadder();
    // The model must really carry the edge cases under test.
    const other = ladder.tracks[1]!.competencies[0]!.expectations[0]!;
    expect(other.applicable).toBeUndefined();
    expect(other.text.startsWith('n/a')).toBe(true);
    expect(ladder.tracks[0]!.levels[2]!.equivalents).toEqual([{ ladder: 'hostile', track: 'other', level: 'lead-x' }]);
    const first = toMarkdown(ladder);
    const back = read(first);
    expect(back.diagnostics.filter((d) => d.severity === 'error' || d.ruleId.startsWith('canonical'))).toEqual([]);
    expect(comparable(back.ladder!)).toEqual(comparable(ladder));
    expect(toMarkdown(back.ladder!)).toBe(first);
  });

  it('starts with the canonical marker and marks what is new at each level above the first', () => {
    const md = toMarkdown(kitchenSink());
    expect(md).toMatch(/^<!--\s*ladderc:canonical\b/);
    const sections = md.split(/^### Level: /m).slice(1);
    expect(sections[0]).not.toContain('<ins>');
    expect(sections[1]).toContain("- <ins>Reviews others' code.</ins>");
    expect(sections[1]).toContain('- Writes readable code.\n');
    expect(sections[2]).toContain('  - *Example:* Gave a talk on \\| pipes & \\<tags>.');
    // A not-applicable expectation says so, and its text stays.
    expect(sections[0]).toContain('*Not applicable at this level:*\n\n- n/a (not applicable at this level)');
    // Merged rows keep their blank line.
    expect(sections[2]).toContain('are text.</ins>\n\n- <ins>Merged from a second row');
  });

  it('passes markdownlint with the committed config (kitchen sink, hostile ladder, seeds)', () => {
    const dir = join(work, 'lint');
    mkdirSync(dir, { recursive: true });
    const seeds = allCases()
      .filter((c) => c.path.startsWith('sources/'))
      .map((c) => readSource(c.bytes, c.path).ladder)
      .filter((l): l is Ladder => Boolean(l));
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const ladder of [kitchenSink(), hostileLadder(), ...seeds]) writeFileSync(join(dir, `${ladder.id}.md`), toMarkdown(ladder));
    let output = '';
    let status = 0;
    try {
      output = execFileSync('npx', ['--no-install', 'markdownlint-cli2', '--no-globs', '--config', '.markdownlint-cli2.jsonc', `${dir}/*.md`], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      status = e.status;
      output = `${e.stdout}${e.stderr}`;
    }
    expect(output, output).toMatch(/Linting: \d+ file/);
    expect(status, output).toBe(0);

    // The same run on a broken document fails: the linter really checks with this config.
    const bad = join(work, 'lint-bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'bad.md'), '# Title\n\n#No space\n');
    try {
      execFileSync('npx', ['--no-install', 'markdownlint-cli2', '--no-globs', '--config', '.markdownlint-cli2.jsonc', `${bad}/*.md`], { stdio: 'pipe' });
      expect.unreachable();
    } catch (error) {
      const e = error as { stdout: Buffer; stderr: Buffer };
      expect(`${String(e.stdout)}${String(e.stderr)}`).toContain('MD018');
    }
  });
});

describe('Markdown templates', () => {
  it('a user folder overriding one template changes only that part, and the result still reads back', () => {
    const user = join(work, 'user-templates');
    mkdirSync(join(user, 'markdown', 'partials'), { recursive: true });
    writeFileSync(join(user, 'markdown', 'partials', 'matrix.hbs'), '### Matrix\n\nLeft out of this edition ({{matrix.levels.length}} levels).\n');
    const ladder = kitchenSink();
    const standard = toMarkdown(ladder);
    const custom = toMarkdown(ladder, contextWith(loadTemplateSet('markdown', user)));
    expect(custom).toContain('Left out of this edition (3 levels).');
    const withoutMatrix = (md: string) => md.replace(/### Matrix\n[\s\S]*?(?=### Level: )/g, '');
    expect(withoutMatrix(custom)).toBe(withoutMatrix(standard));
    expect(custom).not.toBe(standard);
    expect(comparable(read(custom).ladder!)).toEqual(comparable(read(standard).ladder!));
  });

  it('a template naming a missing variable is an error with the template file and line', async () => {
    const user = join(work, 'broken-templates');
    mkdirSync(join(user, 'markdown', 'partials'), { recursive: true });
    const path = join(user, 'markdown', 'partials', 'level.hbs');
    writeFileSync(path, '### Level: {{label}}\n\n{{levelSummary}}\n');
    const templates = loadTemplateSet('markdown', user);
    try {
      toMarkdown(kitchenSink(), contextWith(templates));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const d = (error as TemplateError).diagnostic;
      expect(d.file).toBe(templates['partials/level.hbs']!.path);
      expect(d.file).toMatch(/broken-templates\/markdown\/partials\/level\.hbs$/);
      expect(d.line).toBe(3);
      expect(d.message).toContain('levelSummary');
    }
    // Through the build pipeline it is a diagnostic, not a crash.
    const result = await renderOutputs([kitchenSink()], { ...defaultOptions(process.cwd()), formats: ['md'] }, { templates: () => templates, assets: () => ({}) }, { version: 'test', sourceDateEpoch: 0 });
    // No file of the ladder (the crosswalk's own template is intact; a build writes nothing on an error).
    expect(result.files.filter((f) => f.ladder !== undefined)).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'template', line: 3 })]);
  });
});

describe('canonical reader on hand-edited documents', () => {
  const original = toMarkdown(kitchenSink());
  const rules = (md: string) => {
    const result = read(md);
    return { result, ids: result.diagnostics.map((d) => `${d.severity}:${d.ruleId}`) };
  };

  it('takes a statement added by hand', () => {
    const edited = original.replace("- <ins>Reviews others' code.</ins>", "- <ins>Reviews others' code.</ins>\n- Mentors a new joiner.");
    const { result, ids } = rules(edited);
    expect(ids.filter((i) => i.startsWith('error'))).toEqual([]);
    const e2 = result.ladder!.tracks[0]!.competencies[0]!.expectations[1]!;
    expect(e2.statements).toEqual(['Writes readable code.', "Reviews others' code.", 'Mentors a new joiner.']);
    // The matrix was not edited: it now disagrees, and the level section wins.
    expect(ids).toContain('warning:canonical-matrix');
  });

  it('warns when the matrix disagrees with a level section, and keeps the section', () => {
    const edited = original.replace('| Code Quality | Writes readable code.<br>Asks for reviews. |', '| Code Quality | Something else entirely. |');
    const { result, ids } = rules(edited);
    expect(ids).toEqual(['warning:canonical-matrix']);
    expect(result.diagnostics[0]!.message).toContain('"Code Quality" at "Engineer I (E1)"');
    expect(comparable(result.ladder!)).toEqual(comparable(read(original).ladder!));
  });

  it('adds a level or competency the tables do not name, with a warning', () => {
    const edited = original
      .replace('### Level: Director', '### Level: Vice President\n\n#### Expectations\n\n- Sets direction.\n\n### Level: Director')
      .replace('#### Communication\n\n- Shares', '#### Hiring\n\n- Interviews.\n\n#### Communication\n\n- Shares');
    const { result, ids } = rules(edited);
    expect(ids.filter((i) => i === 'warning:canonical-layout')).toHaveLength(2);
    const management = result.ladder!.tracks[1]!;
    expect(management.levels.map((l) => l.title)).toEqual(['Manager', 'Director', 'Vice President']);
    expect(result.ladder!.tracks[0]!.competencies.map((c) => c.name)).toContain('Hiring');
  });

  it('reports a broken Levels table without throwing', () => {
    const noTitle = original.replace('| # | Code | Title | Summary | Metadata | Equivalents |', '| # | Code | Name | Summary | Metadata | Equivalents |');
    const { ids } = rules(noTitle);
    expect(ids).toContain('error:canonical-layout');
    const noTable = original.replace(/### Levels\n\n(\|.*\n)+/g, '');
    const { result } = rules(noTable);
    expect(result.diagnostics.map((d) => d.message)).toContain('"Engineering" has no Levels table');
    // The level sections still name the levels: they are kept, each with a warning.
    expect(result.ladder!.tracks[0]!.levels.map((l) => l.title)).toEqual(['Engineer I', 'Engineer II', 'Senior Engineer']);
    expect(result.ladder!.tracks[0]!.levels.map((l) => l.code)).toEqual(['E1', 'E2', 'E3']);
  });

  it('warns about a not-applicable mark on text that does apply', () => {
    const edited = original.replace('- n/a (not applicable at this level)', '- Writes a test now and then.');
    const { result, ids } = rules(edited);
    expect(ids).toContain('warning:canonical-not-applicable');
    expect(result.ladder!.tracks[0]!.competencies[1]!.expectations[0]!.applicable).toBeUndefined();
  });

  it('never throws on arbitrary Markdown behind the marker', () => {
    const junk = [
      '<!-- ladderc:canonical 1 -->\n',
      '<!-- ladderc:canonical 1 -->\n\nJust a paragraph.\n\n## Track\n\n### Level: X\n\n#### Y\n\nText, no list.\n\n> quote\n\n```\ncode\n```\n',
      '<!-- ladderc:canonical 1 -->\n# T\n## A\n### Levels\n| Title |\n|---|\n| |\n| L1 |\n### Competencies\n| Competency |\n|---|\n| |\n### Level: L1\n#### Nope\n- x\n  - ex\n##### deep\n### Matrix\n| Competency | L1 |\n|---|---|\n| Ghost | y |\n',
    ];
    for (const md of junk) {
      const { result } = rules(md);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const d of result.diagnostics) expect(d.line).toBeGreaterThan(0);
    }
  });
});

describe('canonical reader: repeated sections', () => {
  it('merges a level section that appears twice, with a warning', () => {
    const original = toMarkdown(kitchenSink());
    const edited = original.replace('### Level: Director\n', '### Level: Manager (M1)\n\n#### Expectations\n\n- Also delegates.\n\n### Level: Director\n');
    const result = read(edited);
    expect(result.diagnostics.map((d) => d.message)).toContain('"Level: Manager (M1)" appears twice; the second is merged into the first');
    const m1 = result.ladder!.tracks[1]!.competencies[0]!.expectations[0]!;
    expect(m1.text).toBe('Runs 1:1s.\nHires well.\n\nAlso delegates.');
    expect(result.ladder!.tracks[1]!.levels).toHaveLength(2);
  });
});

describe('canonical reader: fuzzed documents', () => {
  it('never throws on line-level mutations of generated documents', () => {
    const random = prng(0x1adde7);
    // Mostly the small kitchen sink: remark-gfm parses the escape-dense hostile document at only
    // ~250 KB/s, and 120 rounds must stay within a few seconds.
    const small = toMarkdown(kitchenSink());
    const docs = [small, small, small, toMarkdown(hostileLadder())];
    for (let round = 0; round < 120; round += 1) {
      const lines = docs[round % docs.length]!.split('\n');
      for (let edit = 0; edit < 1 + Math.floor(random() * 6); edit += 1) {
        const i = Math.floor(random() * lines.length);
        const j = Math.floor(random() * lines.length);
        const op = Math.floor(random() * 5);
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, lines[j]!);
        else if (op === 2) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        else if (op === 3) lines[i] = lines[i]!.slice(0, Math.floor(random() * lines[i]!.length));
        else lines[i] = `${lines[i]!.slice(0, 3)}${lines[j]!.slice(3)}`;
      }
      const md = lines.join('\n');
      expect(() => read(md), `round ${round}`).not.toThrow();
    }
  });
});

describe('canonical reader: equivalents', () => {
  it('resolves an equivalent to the right track where another track has a level of the same title', () => {
    const level = (title: string): DraftLadder['tracks'][number]['levels'][number] => ({ label: title, title });
    const cell = [{ name: 'Delivery', cells: [{ level: 0, text: 'Ships.' }] }];
    const draft: DraftLadder = {
      title: 'Equivalents',
      tracks: [
        { name: 'Engineering', levels: [level('Senior')], competencies: cell },
        { name: 'Engineering Management', levels: [level('Senior')], competencies: cell },
        { name: 'Product', levels: [{ ...level('Lead'), equivalents: [{ text: 'Senior', trackHint: 'Management' }] }], competencies: cell },
        // A title finalize only matches by its words (it strips the underscores of the text).
        { name: 'Design', levels: [{ ...level('Staff'), equivalents: [{ text: '_Staff_' }] }], competencies: cell },
        { name: 'Research', levels: [level('_Staff_')], competencies: cell },
      ],
    };
    const finalized = finalizeLadder(draft, new Diagnostics('eq.md'), 'eq');
    expect(finalized.tracks[2]!.levels[0]!.equivalents).toEqual([{ ladder: 'eq', track: 'engineering-management', level: 'senior' }]);
    expect(finalized.tracks[3]!.levels[0]!.equivalents).toEqual([{ ladder: 'eq', track: 'research', level: 'staff' }]);
    const ladder: Ladder = { schemaVersion: SCHEMA_VERSION, id: 'eq', title: 'Equivalents', source: { path: 'eq.md', format: 'prose', sha256: '0'.repeat(64) }, tracks: finalized.tracks };
    const md = toMarkdown(ladder);
    expect(md).toContain('| 1 | Lead | **Engineering Management:** Senior |');
    const back = read(md);
    expect(back.diagnostics.filter((d) => d.ruleId !== 'merged-rows')).toEqual([]);
    expect(comparable(back.ladder!)).toEqual(comparable(ladder));
  });
});

describe('canonical reader: level order', () => {
  it('keeps the order of levels whose titles look like descending codes but have none', () => {
    const draft: DraftLadder = {
      title: 'Order',
      tracks: [
        {
          name: 'T',
          levels: ['IC3', 'IC2', 'IC1'].map((t) => ({ label: `${t}`, title: t })),
          competencies: [{ name: 'C', cells: [{ level: 0, text: 'Three.' }, { level: 2, text: 'One.' }] }],
        },
      ],
    };
    const tracks = finalizeLadder(draft, new Diagnostics('order.md'), 'o').tracks;
    expect(tracks[0]!.levels.map((l) => [l.title, l.code])).toEqual([['IC1', undefined], ['IC2', undefined], ['IC3', undefined]]);
    // Put them back senior-first, as a reader that gives titles without codes could leave them.
    tracks[0]!.levels.reverse().forEach((l, i) => (l.ordinal = i + 1));
    tracks[0]!.competencies[0]!.expectations.reverse();
    const ladder: Ladder = { schemaVersion: SCHEMA_VERSION, id: 'o', title: 'Order', source: { path: 'o.md', format: 'prose', sha256: '0'.repeat(64) }, tracks };
    const back = read(toMarkdown(ladder));
    expect(back.ladder!.tracks[0]!.levels.map((l) => l.title)).toEqual(['IC3', 'IC2', 'IC1']);
    expect(comparable(back.ladder!)).toEqual(comparable(ladder));
  });
});
