// The level-diff view (src/views/level-diff.ts): new, gone, unchanged and reworded statements.
import { describe, expect, it } from 'vitest';
import type { Track } from '../../src/model.js';
import { levelDiff, pairRewordings, wordDiff, wordSimilarity } from '../../src/views/level-diff.js';

function track(before: string[], after: string[]): Track {
  return {
    id: 't',
    name: 'T',
    levels: [
      { id: 'a', ordinal: 1, title: 'A' },
      { id: 'b', ordinal: 2, title: 'B' },
    ],
    competencies: [
      {
        id: 'scope',
        name: 'Scope',
        expectations: [
          { level: 'a', text: before.join('\n'), statements: before },
          { level: 'b', text: after.join('\n'), statements: after },
        ],
      },
    ],
  };
}

describe('word diff', () => {
  it('shows one changed word as one removed and one added word', () => {
    expect(wordDiff('Scopes small projects', 'Scopes large projects')).toEqual([
      { text: 'Scopes', change: 'same' },
      { text: 'small', change: 'removed' },
      { text: 'large', change: 'added' },
      { text: 'projects', change: 'same' },
    ]);
  });
  it('joins runs of words and keeps both wordings readable from the parts', () => {
    const parts = wordDiff('Plans individual tasks with help.', 'Plans individual projects effectively with little oversight.');
    expect(parts.filter((p) => p.change !== 'added').map((p) => p.text).join(' ')).toBe('Plans individual tasks with help.');
    expect(parts.filter((p) => p.change !== 'removed').map((p) => p.text).join(' ')).toBe('Plans individual projects effectively with little oversight.');
    expect(parts.find((p) => p.change === 'added')?.text).toBe('projects effectively');
  });
  it('scores shared wording', () => {
    expect(wordSimilarity('a b c d', 'a b c d')).toBe(1);
    expect(wordSimilarity('a b', 'c d')).toBe(0);
  });
});

describe('pairing gone and new statements', () => {
  it('pairs the most similar, leaves unrelated ones new or gone', () => {
    const r = pairRewordings(['Scopes small projects.', 'Writes unit tests.'], ['Mentors the team.', 'Scopes large projects.']);
    expect(r.reworded.map((x) => [x.before, x.after])).toEqual([['Scopes small projects.', 'Scopes large projects.']]);
    expect(r.added).toEqual(['Mentors the team.']);
    expect(r.removed).toEqual(['Writes unit tests.']);
  });
  it('pairs each statement once', () => {
    const r = pairRewordings(['Scopes small projects.'], ['Scopes large projects.', 'Scopes huge projects.']);
    expect(r.reworded).toHaveLength(1);
    expect(r.added).toHaveLength(1);
  });
});

describe('levelDiff', () => {
  it('counts reworded statements apart from new and gone ones', () => {
    const diff = levelDiff(track(['Scopes small projects.', 'Reviews code.'], ['Scopes large projects.', 'Reviews code.', 'Leads incidents.']), 'b');
    expect(diff.counts).toEqual({ added: 1, removed: 0, unchanged: 1, reworded: 1 });
    const [change] = diff.competencies;
    expect(change!.reworded[0]!.parts.filter((p) => p.change !== 'same').map((p) => [p.change, p.text])).toEqual([
      ['removed', 'small'],
      ['added', 'large'],
    ]);
  });
  it('has nothing to compare at the first level', () => {
    expect(levelDiff(track(['x'], ['y']), 'a').counts).toEqual({ added: 1, removed: 0, unchanged: 0, reworded: 0 });
  });
});
