// The Markdown reader on prose ladders (issue 3): a heading per level grouped into tracks,
// competencies as sub-headings, equivalents, summaries and notes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Track } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';

const expectations = (t: Track) => t.competencies.flatMap((c) => c.expectations);

describe('operations-and-management-titles (heading per level, two tracks)', () => {
  const path = 'sources/operations-and-management-titles.txt';
  const { ladder, diagnostics } = readSource(readFileSync(path), path);
  const [ic, managers] = ladder!.tracks;

  it('reads two tracks from the top headings, with their intro paragraphs as descriptions', () => {
    expect(ladder!.source.format).toBe('prose');
    expect(ladder!.tracks.map((t) => t.name)).toEqual(['Individual Contributors', 'Managers']);
    expect(ic!.description).toMatch(/^These titles describe seniority along four main axes/);
    expect(managers!.description).toMatch(/^Good managers can do a lot/);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads the Individual Contributors levels and competencies', () => {
    expect(ic!.levels.map((l) => l.title)).toEqual([
      'Operations Admin',
      'Operations Engineer',
      'Lead Operations Engineer',
      'Principal Operations Engineer',
      'Distinguished Operations Engineer',
      'Operations Fellow',
    ]);
    expect(ic!.competencies.map((c) => c.name)).toEqual([
      'Domain Knowledge',
      'Teaching and Mentoring',
      'Culture and Leadership',
      'Customer Success',
    ]);
    expect(expectations(ic!)).toHaveLength(20);
    const fellow = ic!.levels[5]!;
    expect(fellow.summary).toMatch(/^Title bestowed only by action of exec staff/);
    expect(expectations(ic!).some((e) => e.level === fellow.id)).toBe(false);
    expect(ic!.notes).toEqual([expect.stringMatching(/^Note: it is obviously not ideal/)]);
  });

  it('resolves 4 equivalents each way; n/a yields none', () => {
    const icEq = ic!.levels.flatMap((l) => (l.equivalents ?? []).map((e) => [l.title, e.level]));
    expect(icEq).toEqual([
      ['Lead Operations Engineer', 'manager'],
      ['Principal Operations Engineer', 'senior-manager'],
      ['Distinguished Operations Engineer', 'director'],
      ['Operations Fellow', 'vice-president'],
    ]);
    const mEq = managers!.levels.flatMap((l) => (l.equivalents ?? []).map((e) => [l.title, e.track, e.level]));
    expect(mEq).toEqual([
      ['Manager', 'individual-contributors', 'lead-operations-engineer'],
      ['Senior Manager', 'individual-contributors', 'principal-operations-engineer'],
      ['Director', 'individual-contributors', 'distinguished-operations-engineer'],
      ['Vice President', 'individual-contributors', 'operations-fellow'],
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'unresolved-equivalent')).toEqual([]);
  });

  it('reads the Managers levels; the last has only a summary', () => {
    expect(managers!.levels.map((l) => l.title)).toEqual([
      'Manager',
      'Senior Manager',
      'Director',
      'Vice President',
      'Senior Vice President / CTO / CIO',
    ]);
    expect(managers!.competencies.map((c) => c.name)).toEqual(['Scope and Impact', 'Team Development', 'Customer Success']);
    expect(expectations(managers!)).toHaveLength(12);
    expect(managers!.levels[4]!.summary).toMatch(/^Titles bestowed only by decision/);
  });

  it('keeps typos as written, no markup, and positions', () => {
    const text = expectations(ic!).map((e) => e.text).join('\n');
    expect(text).toContain('indepedently');
    expect(text).toContain('orginazation');
    expect(text).not.toMatch(/[*_]{2}|<\/?\w/);
    expect(ic!.levels[0]!.position).toEqual({ line: 5, column: 1 });
    expect(ic!.competencies[0]!.position).toEqual({ line: 9, column: 1 });
    expect(ic!.competencies[0]!.expectations[0]!.position).toEqual({ line: 11, column: 1 });
  });
});
