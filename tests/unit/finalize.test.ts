import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { finalizeLadder } from '../../src/readers/finalize.js';
import type { DraftLadder } from '../../src/readers/draft.js';

function run(draft: DraftLadder) {
  const d = new Diagnostics('x.md');
  return { ladder: finalizeLadder(draft, d, 'x'), messages: d.list };
}

describe('finalizeLadder', () => {
  it('splits labels, merges duplicate rows, marks n/a and drops blank cells', () => {
    const { ladder, messages } = run({
      tracks: [
        {
          name: 'Ops',
          levels: [{ label: 'Junior SRE (L1)' }, { label: 'SRE (L2)' }],
          competencies: [
            { name: 'Mastery', category: 'Skill', cells: [{ level: 0, text: 'Do a. Do b' }, { level: 1, text: '  ' }] },
            { name: 'Mastery', category: 'Skill', cells: [{ level: 0, text: 'C' }, { level: 1, text: 'n/a' }] },
          ],
        },
      ],
    });
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => [l.id, l.code, l.title, l.ordinal])).toEqual([
      ['l1', 'L1', 'Junior SRE', 1],
      ['l2', 'L2', 'SRE', 2],
    ]);
    expect(track.competencies).toHaveLength(1);
    expect(track.competencies[0]!.expectations).toEqual([
      { level: 'l1', text: 'Do a. Do b\n\nC', statements: ['Do a.', 'Do b', 'C'] },
      { level: 'l2', text: 'n/a', statements: [], applicable: false },
    ]);
    expect(messages.map((m) => m.ruleId)).toEqual(['merged-rows']);
  });

  it('prefixes ids of names shared across categories and suffixes other collisions', () => {
    const { ladder, messages } = run({
      tracks: [
        {
          name: 'T',
          levels: [{ label: '1' }],
          competencies: [
            { name: 'Security', category: 'Tech', cells: [] },
            { name: 'Security', category: 'Ops', cells: [] },
            { name: 'Scope', area: 'a', cells: [] },
            { name: 'Scope', area: 'b', cells: [] },
          ],
        },
      ],
    });
    expect(ladder.tracks[0]!.competencies.map((c) => c.id)).toEqual(['tech-security', 'ops-security', 'scope', 'scope-2']);
    expect(messages.map((m) => m.ruleId)).toEqual(['duplicate-id']);
  });

  it('orders numbered levels junior first', () => {
    const { ladder } = run({ tracks: [{ name: 'T', levels: [{ label: 'L3' }, { label: 'L2' }, { label: 'L1' }], competencies: [] }] });
    expect(ladder.tracks[0]!.levels.map((l) => l.id)).toEqual(['l1', 'l2', 'l3']);
  });

  it('resolves equivalents on title words, skips n/a, warns when nothing matches', () => {
    const { ladder, messages } = run({
      tracks: [
        {
          name: 'Engineers',
          levels: [
            { label: 'Operations Engineer', equivalents: [{ text: 'n/a' }] },
            { label: 'Lead Operations Engineer', equivalents: [{ text: 'Manager', trackHint: 'Management' }] },
          ],
          competencies: [],
        },
        {
          name: 'Managers',
          levels: [
            { label: 'Manager', equivalents: [{ text: 'Lead Engineer' }] },
            { label: 'Senior Manager', equivalents: [{ text: 'Wizard' }] },
          ],
          competencies: [],
        },
      ],
    });
    const [eng, mgr] = ladder.tracks;
    expect(eng!.levels[0]!.equivalents).toBeUndefined();
    expect(eng!.levels[1]!.equivalents).toEqual([{ ladder: 'x', track: 'managers', level: 'manager' }]);
    expect(mgr!.levels[0]!.equivalents).toEqual([{ ladder: 'x', track: 'engineers', level: 'lead-operations-engineer' }]);
    expect(messages.map((m) => m.ruleId)).toEqual(['unresolved-equivalent']);
  });

  it('drops a track without levels with a warning', () => {
    const { ladder, messages } = run({ tracks: [{ name: 'Management', levels: [], competencies: [] }] });
    expect(ladder.tracks).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toEqual(['empty-track']);
  });

  it('points examples at the first statement of their line', () => {
    const { ladder } = run({
      tracks: [
        {
          name: 'T',
          levels: [{ label: '1' }],
          competencies: [{ name: 'C', cells: [{ level: 0, text: 'One. Two.\nThree', examples: [{ line: 1, examples: ['ex'] }] }] }],
        },
      ],
    });
    expect(ladder.tracks[0]!.competencies[0]!.expectations[0]!.examples).toEqual([{ statement: 2, examples: ['ex'] }]);
  });

  describe('level order', () => {
    const titles = (labels: string[]) => {
      const { ladder, messages } = run({ tracks: [{ name: 'T', levels: labels.map((label) => ({ label })), competencies: [] }] });
      return { titles: ladder.tracks[0]!.levels.map((l) => l.title), reversed: messages.some((m) => m.ruleId === 'levels-reversed') };
    };

    it('reverses levels listed senior first by their codes', () => {
      expect(titles(['Senior (L3)', 'Mid (L2)', 'Junior (L1)'])).toEqual({ titles: ['Junior', 'Mid', 'Senior'], reversed: true });
    });

    it('reverses levels listed senior first by Roman numerals', () => {
      expect(titles(['Engineer III', 'Engineer II', 'Engineer I']).titles).toEqual(['Engineer I', 'Engineer II', 'Engineer III']);
    });

    it('reverses three or more levels listed senior first by seniority words', () => {
      expect(titles(['Principal Engineer', 'Senior Staff Engineer', 'Staff Engineer', 'Senior Engineer', 'Engineer', 'Junior Engineer'])).toEqual({
        titles: ['Junior Engineer', 'Engineer', 'Senior Engineer', 'Staff Engineer', 'Senior Staff Engineer', 'Principal Engineer'],
        reversed: true,
      });
    });

    it('keeps the source order when seniority is ascending, mixed or unclear', () => {
      expect(titles(['Junior Engineer', 'Engineer', 'Senior Engineer'])).toEqual({ titles: ['Junior Engineer', 'Engineer', 'Senior Engineer'], reversed: false });
      expect(titles(['Team Lead', 'Engineering Manager', 'Director'])).toEqual({ titles: ['Team Lead', 'Engineering Manager', 'Director'], reversed: false });
      expect(titles(['Senior Engineer', 'Engineer']).reversed).toBe(false);
      expect(titles(['Staff Engineer', 'Senior Engineer', 'Senior Engineer II']).reversed).toBe(false);
    });
  });
});
