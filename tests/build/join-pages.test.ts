// Link: pages that each describe one level of one track join into one ladder, ordered by code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkLadders } from '../../src/pipeline/link.js';
import { readSource } from '../../src/readers/index.js';
import { schemaErrors } from '../support/schema.js';

const read = (path: string) => readSource(new Uint8Array(readFileSync(path)), path).ladder!;
const IC4 = 'tests/fixtures/html-one-level-page/input.html';
const IC3 = 'tests/fixtures/prose-one-level-page/input.md';

describe('pages of one level each', () => {
  // Given senior first: the join orders by code, not by the order of the files.
  const { ladders, diagnostics } = linkLadders([read(IC4), read(IC3)]);

  it('join into one ladder whose track holds every level, ordered by code', () => {
    expect(ladders).toHaveLength(1);
    const [ladder] = ladders;
    expect(ladder!.title).toBe('Software Engineer');
    expect(ladder!.tracks[0]!.levels.map((l) => [l.ordinal, l.code, l.title])).toEqual([
      [1, 'IC3', 'Software Engineer'],
      [2, 'IC4', 'Senior Software Engineer'],
    ]);
    expect(ladder!.source.path).toBe(IC3);
    expect(ladder!.source.joined).toEqual([IC4]);
    expect(schemaErrors(ladder)).toEqual([]);
  });
  it('merge the competencies of every page', () => {
    const track = ladders[0]!.tracks[0]!;
    expect(track.competencies.map((c) => [c.category, c.name, c.expectations.map((e) => e.level)])).toEqual([
      ['Craft', 'Code quality', ['ic3', 'ic4']],
      ['Craft', 'Debugging', ['ic3', 'ic4']],
      ['Collaboration', 'Code review', ['ic3', 'ic4']],
      ['Collaboration', 'Communication', ['ic3', 'ic4']],
    ]);
  });
  it('say which pages were joined', () => {
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'info', ruleId: 'joined-pages', file: IC4 })]);
  });
  it('leave pages of different tracks or kinds of code apart', () => {
    const other = read(IC3);
    const manager = { ...other, id: 'm3', tracks: [{ ...other.tracks[0]!, levels: [{ ...other.tracks[0]!.levels[0]!, id: 'm3', code: 'M3' }] }] };
    expect(linkLadders([read(IC3), manager]).ladders).toHaveLength(2);
  });
});
