// The Markdown reader on real public ladders (tests/corpus): shapes nobody here wrote.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Ladder, Track } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';

function read(path: string): { ladder: Ladder; diagnostics: Diagnostic[] } {
  const { ladder, diagnostics } = readSource(readFileSync(path), path);
  if (!ladder) throw new Error(`no ladder from ${path}`);
  return { ladder, diagnostics };
}

const expectations = (t: Track) => t.competencies.flatMap((c) => c.expectations);
const errors = (list: Diagnostic[]) => list.filter((d) => d.severity === 'error');
const infos = (list: Diagnostic[], ruleId: string) => list.filter((d) => d.severity === 'info' && d.ruleId === ruleId);

describe('socialbakers: score tables and a heading per level, one track', () => {
  const { ladder, diagnostics } = read('tests/corpus/socialbakers-developers-path.md');
  const [track] = ladder.tracks;

  it('has one track of 5 levels: table columns and headings are the same levels', () => {
    expect(errors(diagnostics)).toEqual([]);
    expect(ladder.title).toBe('Skill ladder for developers');
    expect(ladder.tracks).toHaveLength(1);
    expect(track!.levels.map((l) => l.title)).toEqual(['Level 0', 'Level 1', 'Level 2', 'Level 3', 'Level 4']);
  });

  it('takes competencies from both tables and from the four sections per level, by heading', () => {
    const byCategory = (category: string) => track!.competencies.filter((c) => c.category === category).map((c) => c.name);
    expect(byCategory('Required sublevels')).toEqual([
      'delivery CODE',
      'delivery CI/CD',
      'delivery QA',
      'contribution',
      'leadership',
      'communication',
    ]);
    expect(byCategory('Must-have requirements')).toHaveLength(6);
    expect(byCategory('Responsibilities')).toEqual(['Description', 'Essential skills', 'Nice-to-have skills', 'Setbacks']);
    expect(track!.competencies).toHaveLength(16);
    // Every competency says something at every level.
    expect(expectations(track!)).toHaveLength(16 * 5);
    const skills = track!.competencies.find((c) => c.name === 'Essential skills')!;
    expect(skills.expectations[0]!.statements).toHaveLength(5);
  });

  it('says why the totals row, the code block and the perks are not ladder content', () => {
    expect(track!.competencies.some((c) => /sum/i.test(c.name))).toBe(false);
    expect(infos(diagnostics, 'summary-row')).toEqual([expect.objectContaining({ line: 16 })]);
    // Text, not page chrome: a warning names each, so the loss is seen.
    const skipped = diagnostics.filter((d) => d.severity === 'warning' && d.ruleId.startsWith('skipped'));
    expect(skipped.map((d) => d.line)).toEqual(expect.arrayContaining([20, 33]));
    expect(skipped.find((d) => d.line === 20)!.message).toMatch(/code block/);
    expect(skipped.find((d) => d.line === 33)!.message).toMatch(/Sum boosts \(perks\)/);
  });
});

describe('postman: a heading per level, unlabelled paragraphs', () => {
  const { ladder, diagnostics } = read('tests/corpus/postman-ospo-engineer-ladder.md');
  const [track] = ladder.tracks;

  it('has one track of 6 levels and one implicit competency', () => {
    expect(errors(diagnostics)).toEqual([]);
    expect(ladder.tracks).toHaveLength(1);
    expect(track!.name).toBe('OSPO Engineer');
    expect(track!.levels.map((l) => l.title)).toEqual([
      'OSPO Engineer I',
      'OSPO Engineer II',
      'Senior OSPO Engineer',
      'Staff OSPO Engineer',
      'Principal OSPO Engineer',
      'Distinguished OSPO Engineer',
    ]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Expectations']);
  });

  it('keeps one line per paragraph: 52 in all', () => {
    const lines = track!.competencies[0]!.expectations.map((e) => e.text.split('\n').length);
    expect(lines).toEqual([5, 7, 14, 7, 12, 7]);
    const principal = track!.competencies[0]!.expectations[4]!;
    expect(principal.text).toContain('customer benefit.Creates strategies');
  });

  it('makes the Experience lines metadata and the italic lines summaries', () => {
    expect(track!.levels.map((l) => l.metadata?.['experience'])).toEqual([
      'Typically doesn’t require professional experience.',
      'Typically requires a minimum of 2 years of professional experience.',
      'Typically requires a minimum of 5 years of professional experience.',
      'Typically requires a minimum of 8 years of professional experience.',
      'Typically requires a minimum of 10 years of professional experience.',
      'Typically requires a minimum of 12 years of professional experience.',
    ]);
    expect(track!.levels[2]!.summary).toBe('At this point, a person is mastering how effective they can be as an individual contributor.');
    expect(track!.levels.filter((l) => l.summary)).toHaveLength(3);
    const text = expectations(track!).map((e) => e.text).join('\n');
    expect(text).not.toMatch(/Experience:|At this point|__|_/);
  });
});

describe('sourcegraph: IC levels as labelled lists, a baseline, Management as an HTML table', () => {
  const { ladder, diagnostics } = read('tests/corpus/sourcegraph-career-development-framework.md');
  const [ic, management] = ladder.tracks;

  it('reads the title, description and two tracks', () => {
    expect(errors(diagnostics)).toEqual([]);
    expect(ladder.title).toBe('Sourcegraph engineering career development framework');
    expect(ladder.description).toMatch(/^Our career development framework is here/);
    expect(ladder.tracks.map((t) => t.name)).toEqual(['IC', 'Management']);
  });

  it('reads IC1–IC5 with Impact, Scope, Execution, Teamwork', () => {
    expect(ic!.levels.map((l) => l.code)).toEqual(['IC1', 'IC2', 'IC3', 'IC4', 'IC5']);
    expect(ic!.competencies.map((c) => c.name)).toEqual(['Impact', 'Scope', 'Execution', 'Teamwork']);
    expect(expectations(ic!)).toHaveLength(20);
    const teamwork = ic!.competencies[3]!;
    expect(teamwork.expectations[2]!.statements).toEqual([
      'Actively mentors junior team members.',
      'Gives feedback which influences the work of others.',
      'Gathers input from customers and users to guide decisions.',
    ]);
    expect(ic!.levels[0]!.position).toEqual({ line: 53, column: 1 });
    expect(ic!.competencies[0]!.expectations[0]!.position).toEqual({ line: 55, column: 1 });
  });

  it('keeps "All Levels" as the baseline, not a level', () => {
    expect(ic!.baseline?.map((b) => b.competency)).toEqual(['Impact', 'Scope', 'Execution', 'Teamwork']);
    expect(ic!.baseline?.[3]!.statements).toHaveLength(4);
    expect(ic!.levels.some((l) => /all/i.test(l.title))).toBe(false);
  });

  it('keeps the intro sections in the ladder description, each led by its heading', () => {
    expect(infos(diagnostics, 'introduction').map((d) => d.line)).toEqual([5, 18, 22]);
    expect(diagnostics.filter((d) => d.ruleId.startsWith('skipped-section'))).toEqual([]);
    expect(ladder.description).toContain('\n\nWhen do I get promoted?\n\nYou are eligible for promotion');
  });

  it('reads Management M3–M6 from the embedded HTML table', () => {
    expect(management!.levels.map((l) => l.code)).toEqual(['M3', 'M4', 'M5', 'M6']);
    expect(management!.competencies).toHaveLength(4);
    expect(expectations(management!)).toHaveLength(16);
  });
});

describe('every Markdown source', () => {
  const paths = [
    'sources/all-the-levels.txt',
    'sources/titles-for-ops.txt',
    'sources/operations-and-management-titles.txt',
    'tests/corpus/socialbakers-developers-path.md',
    'tests/corpus/postman-ospo-engineer-ladder.md',
    'tests/corpus/sourcegraph-career-development-framework.md',
  ];

  it.each(paths)('%s: no markup in names or text, positions everywhere, no errors', (path) => {
    const { ladder, diagnostics } = read(path);
    expect(['gfm-table', 'prose']).toContain(ladder.source.format);
    expect(errors(diagnostics)).toEqual([]);
    const markup = /\*\*|__|<\/?[a-z][^>]*>|\]\(|^#+\s|^\s*[-*+]\s|\[[ xX]\]/m;
    const strings: string[] = [ladder.title, ladder.description ?? ''];
    for (const track of ladder.tracks) {
      strings.push(track.name, track.description ?? '', ...(track.notes ?? []));
      for (const level of track.levels) {
        strings.push(level.title, level.summary ?? '', ...Object.entries(level.metadata ?? {}).flat());
        expect(level.position, `${track.name} / ${level.title}`).toBeDefined();
      }
      for (const c of track.competencies) {
        strings.push(c.name, c.category ?? '', c.area ?? '', c.description ?? '');
        expect(c.position, `${track.name} / ${c.name}`).toBeDefined();
        for (const e of c.expectations) {
          strings.push(e.text, ...e.statements);
          expect(e.position, `${track.name} / ${c.name} / ${e.level}`).toBeDefined();
        }
      }
      for (const b of track.baseline ?? []) strings.push(b.competency, ...b.statements);
    }
    expect(strings.filter((s) => markup.test(s))).toEqual([]);
  });
});
