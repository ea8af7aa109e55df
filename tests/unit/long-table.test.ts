// The long-table pivot (src/readers/grid/long.ts): one row per level and competency becomes the
// matrix it lists; a table with one row per level is left alone.
import { describe, expect, it } from 'vitest';
import { plainCell, type Slot } from '../../src/readers/grid/grid.js';
import { pivotLongTable } from '../../src/readers/grid/long.js';

const rows = (lines: string[][]): Slot[][] => lines.map((line, r) => line.map((t) => plainCell(t, r === 0, { line: r + 1, column: 1 })));
const texts = (slots: Slot[][]) => slots.map((row) => row.map((c) => c?.text ?? ''));

describe('pivotLongTable', () => {
  it('pivots levels to columns and joins the statements of one level and competency', () => {
    const long = pivotLongTable(
      rows([
        ['Level', 'Competency', 'Expectation'],
        ['Junior', 'Coding', 'Writes tests.'],
        ['', 'Coding', 'Fixes bugs.'],
        ['Senior', 'Coding', 'Designs systems.'],
        ['Senior', 'Review', 'Reviews designs.'],
      ]),
      1,
      true,
    );
    expect(long?.grids).toHaveLength(1);
    expect(texts(long!.grids[0]!.grid.slots)).toEqual([
      ['Competency', 'Junior', 'Senior'],
      ['Coding', 'Writes tests.\nFixes bugs.', 'Designs systems.'],
      ['Review', '', 'Reviews designs.'],
    ]);
  });
  it('makes a grid per track, in order of first appearance', () => {
    const long = pivotLongTable(
      rows([
        ['Track', 'Grade', 'Skill', 'Description'],
        ['IC', 'L1', 'Coding', 'a'],
        ['IC', 'L1', 'Review', 'b'],
        ['IC', 'L2', 'Coding', 'c'],
        ['Manager', 'M1', 'Coaching', 'd'],
        ['Manager', 'M1', 'Planning', 'e'],
      ]),
      1,
      true,
    );
    expect(long?.grids.map((g) => g.track)).toEqual(['IC', 'Manager']);
  });
  it('leaves a table with one row per level alone', () => {
    const table = rows([
      ['Level', 'Title', 'Description'],
      ['L1', 'Junior', 'Learns the ropes.'],
      ['L2', 'Senior', 'Leads projects.'],
      ['L3', 'Staff', 'Sets direction.'],
    ]);
    expect(pivotLongTable(table, 1, true)).toBeUndefined();
  });
  it('needs a level, a competency and a statement column', () => {
    expect(pivotLongTable(rows([['Competency', 'Junior', 'Senior'], ['Coding', 'a', 'b'], ['Review', 'c', 'd']]), 1, true)).toBeUndefined();
  });
});
