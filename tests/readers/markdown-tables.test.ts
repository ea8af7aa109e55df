// The Markdown reader on the GFM table seeds (issue 2): levels as columns, hierarchy columns,
// category rows, tracks from headings.
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

describe('all-the-levels (GFM tables, two tracks)', () => {
  const { ladder, diagnostics } = read('sources/all-the-levels.txt');
  const [se, sre] = ladder.tracks;

  it('reads the title and two tracks named by their headings', () => {
    expect(ladder.source.format).toBe('gfm-table');
    expect(ladder.title).toBe('All the levels');
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Software Engineering', 'Site Reliability Engineering']);
  });

  it('reads Software Engineering: 4 levels, 27 competencies, 106 expectations (3 n/a)', () => {
    expect(se!.levels.map((l) => l.title)).toEqual([
      'Associate Software Engineer',
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Software Engineer',
    ]);
    expect(se!.levels.map((l) => l.ordinal)).toEqual([1, 2, 3, 4]);
    expect(se!.competencies).toHaveLength(27);
    expect([...new Set(se!.competencies.map((c) => c.category))]).toEqual([
      'Technical skills',
      'Delivery',
      'Communication',
      'Leadership',
      'Strategic Impact',
    ]);
    expect(expectations(se!)).toHaveLength(106);
    expect(expectations(se!).filter((e) => e.applicable === false)).toHaveLength(3);
  });

  it('takes areas from the second column, filled down', () => {
    const testing = se!.competencies.find((c) => c.name === 'Testing')!;
    expect(testing).toMatchObject({ category: 'Technical skills', area: 'Quality & testing' });
    const observability = se!.competencies.find((c) => c.name === 'Observability')!;
    expect(observability.area).toBe('Debugging & observability');
    // "Title" heads the competency column; it is not a level.
    expect(se!.levels.some((l) => l.title === 'Title')).toBe(false);
  });

  it('reads Site Reliability Engineering: 3 levels, 27 competencies, 81 expectations (1 n/a)', () => {
    expect(sre!.levels.map((l) => l.title)).toEqual(['Associate SRE', 'SRE', 'Senior SRE']);
    expect(sre!.competencies).toHaveLength(27);
    expect(expectations(sre!)).toHaveLength(81);
    expect(expectations(sre!).filter((e) => e.applicable === false)).toHaveLength(1);
  });

  it('warns about the empty Management section and skips the nav links with an info', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'empty-section', line: 71 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', ruleId: 'skipped-content', line: 3 }));
    expect(ladder.tracks.some((t) => t.name === 'Management')).toBe(false);
  });

  it('keeps positions on levels, competencies and cells', () => {
    expect(se!.levels[0]!.position).toEqual({ line: 9, column: 97 });
    const writing = se!.competencies[0]!;
    expect(writing.position?.line).toBe(11);
    expect(writing.expectations[0]!.position?.line).toBe(11);
  });
});

describe('titles-for-ops (GFM table with category rows)', () => {
  const { ladder, diagnostics } = read('sources/titles-for-ops.txt');
  const [track] = ladder.tracks;

  it('reads one track of 5 coded levels', () => {
    expect(ladder.title).toBe('Titles for Ops');
    expect(ladder.tracks).toHaveLength(1);
    expect(track!.levels.map((l) => [l.code, l.title])).toEqual([
      ['L1', 'Junior SRE'],
      ['L2', 'SRE'],
      ['L3', 'Senior SRE'],
      ['L4', 'Lead SRE'],
      ['L5', 'Principal SRE'],
    ]);
  });

  it('takes categories from bold rows and merges the three Mastery rows', () => {
    expect([...new Set(track!.competencies.map((c) => c.category))]).toEqual(['Skill', 'Engagement', 'Coachability']);
    expect(track!.competencies).toHaveLength(10);
    expect(track!.competencies[0]!.name).toBe('Mastery');
    expect(expectations(track!)).toHaveLength(50);
    expect(diagnostics.filter((d) => d.ruleId === 'merged-rows')).toHaveLength(2);
  });

  it('repairs mojibake and splits run-together sentences', () => {
    const all = expectations(track!).map((e) => e.text).join('\n');
    expect(all).toContain('doesn’t');
    expect(all).not.toContain('â€');
    const judgment = track!.competencies.find((c) => c.name === 'Judgment')!;
    expect(judgment.expectations[0]!.statements.slice(0, 2)).toEqual([
      'Manages projects with help scoping and planning.',
      'Demonstrates curiosity in their discipline and seeks out advice from more senior teammates.',
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('strips emphasis markers from names', () => {
    expect(track!.competencies.every((c) => !/[*_]/.test(c.name + (c.category ?? '')))).toBe(true);
  });
});
