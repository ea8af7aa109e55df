// The grid builders (HTML, GFM) and the one interpreter, tested on grids directly.
import type { Element } from 'hast';
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { gridFromHtml } from '../../src/readers/grid/from-html.js';
import { gridFromMdast } from '../../src/readers/grid/from-mdast.js';
import { plainCell, type Grid } from '../../src/readers/grid/grid.js';
import { readGrid } from '../../src/readers/grid/interpret.js';
import { outerTables, parseHtml } from '../../src/readers/html-table.js';
import { parseMarkdown } from '../../src/readers/markdown/mdast.js';

const same = (p: unknown) => p as never;

function htmlGrid(html: string): Grid {
  const table = outerTables(parseHtml(html))[0] as Element;
  return gridFromHtml(table, same);
}

function gfmGrid(md: string, diagnostics = new Diagnostics('t.md')): Grid {
  const table = parseMarkdown(md).children.find((n) => n.type === 'table') as Table;
  return gridFromMdast(table, diagnostics);
}

/** A grid of plain cells: the first row is the head. */
function plainGrid(rows: string[][], standalone = true): Grid {
  return { slots: rows.map((r, i) => r.map((t) => plainCell(t, i === 0, undefined))), headRows: 1, standalone };
}

const texts = (grid: Grid) => grid.slots.map((row) => row.map((s) => s?.text ?? '·'));

describe('gridFromHtml', () => {
  it('expands rowspan and colspan: one cell covers several slots', () => {
    const grid = htmlGrid('<table><tr><th>A</th><th colspan="2">B</th></tr><tr><td rowspan="2">x</td><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>');
    expect(texts(grid)).toEqual([['A', 'B', 'B'], ['x', '1', '2'], ['x', '3', '4']]);
    expect(grid.slots[0]![1]).toBe(grid.slots[0]![2]);
    expect(grid.slots[1]![0]).toBe(grid.slots[2]![0]);
  });

  it('takes rowspan=0 to the end of its row group, never across it', () => {
    const grid = htmlGrid('<table><tbody><tr><td rowspan="0">x</td><td>1</td></tr><tr><td>2</td></tr></tbody><tbody><tr><td>y</td><td>3</td></tr></tbody></table>');
    expect(texts(grid)).toEqual([['x', '1'], ['x', '2'], ['y', '3']]);
  });

  it('counts a <thead> without <tr> as one head row', () => {
    const grid = htmlGrid('<table><thead><th>Skill</th><th>Senior</th></thead><tbody><tr><td>Testing</td><td>Owns it</td></tr></tbody></table>');
    expect(grid.headRows).toBe(1);
    expect(texts(grid)).toEqual([['Skill', 'Senior'], ['Testing', 'Owns it']]);
  });

  it('marks header, bold and row-header cells, and reads bold label lines as facts', () => {
    const grid = htmlGrid('<table><tr><th>Level</th><th>Summary</th></tr><tr><th scope="row">L1</th><td><b>Years:</b> 0-2<br>Learns the craft</td></tr><tr><td><strong>Total</strong></td><td></td></tr></table>');
    expect(grid.slots[0]![0]!.header).toBe(true);
    expect(grid.slots[1]![0]!.rowHeader).toBe(true);
    expect(grid.slots[2]![0]!.bold).toBe(true);
    expect(grid.slots[1]![1]!.facts).toEqual({ summary: 'Learns the craft', metadata: { Years: '0-2' } });
  });
});

describe('gridFromMdast', () => {
  it('pads a short row with blank cells and warns', () => {
    const diagnostics = new Diagnostics('t.md');
    const grid = gfmGrid('| A | B | C |\n|---|---|---|\n| 1 | 2 |\n', diagnostics);
    expect(texts(grid)).toEqual([['A', 'B', 'C'], ['1', '2', '']]);
    expect(diagnostics.list.map((d) => d.ruleId)).toEqual(['ragged-row']);
  });

  it('marks the header row and bold cells', () => {
    const grid = gfmGrid('| Skill | Senior |\n|---|---|\n| **Craft** | |\n');
    expect(grid.headRows).toBe(1);
    expect(grid.slots[0]![0]!.header).toBe(true);
    expect(grid.slots[1]![0]!.bold).toBe(true);
    expect(grid.slots[1]![0]!.header).toBe(false);
  });
});

describe('readGrid', () => {
  const read = (grid: Grid) => {
    const diagnostics = new Diagnostics('t');
    return { reading: readGrid(grid, { diagnostics }), diagnostics: diagnostics.list };
  };

  it('reads header groups over level columns as tracks', () => {
    const { reading } = read(
      htmlGrid(`<table><thead><tr><th rowspan="2">Competency</th><th colspan="2">Individual contributor</th><th colspan="2">Manager</th></tr>
      <tr><th>IC1</th><th>IC2</th><th>M1</th><th>M2</th></tr></thead>
      <tr><td>Delivery</td><td>a</td><td>b</td><td>c</td><td>d</td></tr></table>`),
    );
    expect(reading!.fragments.map((f) => [f.caption, f.levels.map((l) => l.label)])).toEqual([
      ['Individual contributor', ['IC1', 'IC2']],
      ['Manager', ['M1', 'M2']],
    ]);
  });

  it('keeps a title repeated with another code as another level, and joins rows of one track that are apart', () => {
    const { reading } = read(
      plainGrid([
        ['Track', 'Job title', 'Grade code', 'Scope'],
        ['Eng', 'Engineer', 'G1', 'Tasks'],
        ['Eng', 'Engineer', 'G2', 'Features'],
        ['Ops', 'Operator', 'G1', 'Shifts'],
        ['Eng', 'Senior Engineer', 'G3', 'Systems'],
      ]),
    );
    const [eng, ops] = reading!.fragments;
    expect(eng!.caption).toBe('Eng');
    expect(eng!.levels.map((l) => [l.label, l.code])).toEqual([
      ['Engineer', 'G1'],
      ['Engineer', 'G2'],
      ['Senior Engineer', 'G3'],
    ]);
    expect(ops!.levels.map((l) => [l.label, l.code])).toEqual([['Operator', 'G1']]);
  });

  it('reads a column of numbers beside a row per level as metadata, and a line of numbers across levels as a competency', () => {
    const rows = read(plainGrid([['Level', 'Salary min', 'Scope'], ['Junior', '50000', 'Tasks'], ['Senior', '80000', 'Projects']])).reading!;
    expect(rows.fragments[0]!.levels.map((l) => l.metadata)).toEqual([{ 'Salary min': '50000' }, { 'Salary min': '80000' }]);
    expect(rows.fragments[0]!.competencies.map((c) => c.name)).toEqual(['Scope']);
    const columns = read(plainGrid([['Skill', 'Junior', 'Senior'], ['Delivery score', '1', '2-3'], ['Testing', 'Writes tests', 'Designs tests']])).reading!;
    expect(columns.fragments[0]!.competencies.map((c) => c.name)).toEqual(['Delivery score', 'Testing']);
  });

  it('guesses the orientation of a standalone table whose labels say nothing, with a warning; a table among prose is not a ladder', () => {
    const rows = [['Name', 'Colour', 'Size'], ['Apple', 'red', 'small'], ['Melon', 'green', 'big']];
    const standalone = read(plainGrid(rows, true));
    expect(standalone.reading!.fragments).toHaveLength(1);
    expect(standalone.diagnostics.map((d) => d.ruleId)).toEqual(['orientation-guessed']);
    const amongProse = read(plainGrid(rows, false));
    expect(amongProse.reading).toBeUndefined();
    expect(amongProse.diagnostics).toEqual([]);
  });

  it('reads the same levels from the same table in HTML and GFM', () => {
    const html = read(htmlGrid('<table><thead><th>Competency</th><th>Practitioner</th><th>Proficient</th><th>Mastery</th></thead><tr><td>Testing</td><td>a</td><td>b</td><td>c</td></tr><tr><td>Delivery</td><td>d</td><td>e</td><td>f</td></tr></table>'));
    const gfm = read(gfmGrid('| Competency | Practitioner | Proficient | Mastery |\n|---|---|---|---|\n| Testing | a | b | c |\n| Delivery | d | e | f |\n'));
    const shape = (r: typeof html) => r.reading!.fragments.map((f) => ({ levels: f.levels.map((l) => l.label), competencies: f.competencies.map((c) => [c.name, c.cells.map((x) => [x.level, x.text])]) }));
    expect(shape(html)).toEqual(shape(gfm));
    expect(shape(html)[0]!.levels).toEqual(['Practitioner', 'Proficient', 'Mastery']);
    expect(html.diagnostics).toEqual([]);
  });
});

describe('tables among prose', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('skip a table whose labels say nothing, in HTML as in GFM, and read it when it is the whole document', async () => {
    const { readSource } = await import('../../src/readers/index.js');
    const gfm = '| Name | Colour | Size |\n|---|---|---|\n| Apple | red | small |\n| Melon | green | big |\n';
    const html = '<table><tr><th>Name</th><th>Colour</th><th>Size</th></tr><tr><td>Apple</td><td>red</td><td>small</td></tr><tr><td>Melon</td><td>green</td><td>big</td></tr></table>\n';
    const prose = (table: string) => `# Fruit\n\nWhat we sell.\n\n${table}\nAsk us about melons.\n`;
    for (const table of [gfm, html]) {
      const among = readSource(enc(prose(table)), 'fruit.md');
      expect(among.ladder?.tracks ?? []).toEqual([]);
      expect(among.diagnostics.map((d) => d.ruleId)).not.toContain('orientation-guessed');
    }
    const alone = readSource(enc(gfm), 'fruit.md');
    expect(alone.ladder?.tracks).toHaveLength(1);
    expect(alone.diagnostics.map((d) => d.ruleId)).toContain('orientation-guessed');
  });
});
