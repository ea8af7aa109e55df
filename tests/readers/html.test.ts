import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder, Position } from '../../src/model.js';
import type { SourceOptions } from '../../src/options.js';
import type { TableFragment } from '../../src/readers/draft.js';
import { readHtmlTables } from '../../src/readers/html-table.js';
import { readSource } from '../../src/readers/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

function readHtml(html: string, options: SourceOptions = {}) {
  return readSource(enc(html), 'test.html', options);
}

function tables(html: string, start: Position = { line: 1, column: 1 }, options: SourceOptions = {}) {
  const diagnostics = new Diagnostics('test.md');
  const fragments = readHtmlTables(html, start, { text: html, file: 'test.md', options, diagnostics });
  return { fragments, diagnostics: diagnostics.list };
}

function onlyTrack(ladder: Ladder | undefined) {
  expect(ladder?.tracks).toHaveLength(1);
  return ladder!.tracks[0]!;
}

/** Level label → competency name → cell text, for compact assertions on fragments. */
function matrix(fragment: TableFragment): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const competency of fragment.competencies) {
    for (const cell of competency.cells) {
      const label = fragment.levels[cell.level]!.label;
      out[label] ??= {};
      out[label]![competency.name] = cell.text;
    }
  }
  return out;
}

describe('sources/sre-skills-matrix.txt (levels as rows)', () => {
  const path = 'sources/sre-skills-matrix.txt';
  const bytes = readFileSync(path);
  const result = readSource(bytes, path);
  const track = onlyTrack(result.ladder);

  it('is read as an HTML table without errors', () => {
    expect(result.ladder?.source.format).toBe('html-table');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has six levels labelled 1–6', () => {
    expect(track.levels.map((l) => [l.id, l.code, l.title, l.ordinal])).toEqual(
      ['1', '2', '3', '4', '5', '6'].map((n, i) => [n, n, n, i + 1]),
    );
  });

  it('has eleven competencies, the corner cell not among them and no padding', () => {
    expect(track.competencies.map((c) => c.name)).toEqual([
      'Scope',
      'Collaboration',
      'Skills Development',
      'Mentorship',
      'Communications',
      'On-call',
      'Security',
      'Operations',
      'Development / Automation',
      'Reliability',
      'Systems Experience and Understanding',
    ]);
  });

  it('has 54 expectations: the 12 empty cells give none', () => {
    const count = track.competencies.reduce((n, c) => n + c.expectations.length, 0);
    expect(count).toBe(54);
    const mentorship = track.competencies.find((c) => c.name === 'Mentorship')!;
    expect(mentorship.expectations.map((e) => e.level)).toEqual(['2', '3', '5']);
  });

  it('decodes entities and makes list items separate statements', () => {
    const development = track.competencies.find((c) => c.name === 'Development / Automation')!;
    expect(development.expectations.find((e) => e.level === '3')?.text).toContain('backup & restore');
    const communications = track.competencies.find((c) => c.name === 'Communications')!;
    expect(communications.expectations[0]).toMatchObject({
      level: '1',
      statements: ['Updates internal documentation Asks clear questions in Pull Requests, Slack, etc', 'Keeps the team updated on activities and blockers'],
    });
  });

  it('gives source positions of levels, competencies and cells', () => {
    const lines = bytes.toString('utf8').split('\n');
    const at = (p: Position | undefined) => (p ? lines[p.line - 1]!.slice(p.column - 1, p.column + 3) : undefined);
    expect(track.levels[0]!.position).toEqual({ line: 18, column: 5 });
    expect(track.levels.map((l) => at(l.position))).toEqual(Array(6).fill('<td>'));
    expect(track.competencies.map((c) => at(c.position))).toEqual(Array(11).fill('<th>'));
    for (const c of track.competencies) for (const e of c.expectations) expect(at(e.position)).toBe('<td>');
  });
});

describe('the sourcegraph management table (rowspan level headers, colspan summaries)', () => {
  const source = readFileSync('tests/corpus/sourcegraph-career-development-framework.md', 'utf8');
  const from = source.indexOf('<table class="levels-table">');
  const to = source.indexOf('</table>', from) + '</table>'.length;
  const before = source.slice(0, from).split('\n');
  const start = { line: before.length, column: before[before.length - 1]!.length + 1 };
  const html = source.slice(from, to);
  const { fragments, diagnostics } = tables(html, start);
  const fragment = fragments[0]!;
  const lines = source.split('\n');
  const at = (p: Position | undefined, n = 3) => (p ? lines[p.line - 1]!.slice(p.column - 1, p.column - 1 + n) : undefined);

  it('reads one table with no warnings', () => {
    expect(fragments).toHaveLength(1);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(at(fragment.position, 6)).toBe('<table');
  });

  it('has levels M3–M6, one per rowspan header', () => {
    expect(fragment.levels.map((l) => l.label)).toEqual(['M3', 'M4', 'M5', 'M6']);
    expect(fragment.levels.map((l) => at(l.position))).toEqual(Array(4).fill('<th'));
    expect(fragment.levels[0]!.position).toEqual({ line: 151, column: 7 });
  });

  it('has four competencies; the corner "Level" is not one', () => {
    expect(fragment.competencies.map((c) => c.name)).toEqual(['Proficiency', 'Execution', 'Teamwork', 'Additional Notes/Key Points/Examples']);
    expect(fragment.competencies.map((c) => at(c.position))).toEqual(Array(4).fill('<th'));
  });

  it('reads the colspan row as the summary, and its bold "Label:" item as metadata', () => {
    expect(fragment.levels[0]).toMatchObject({
      summary: 'Accountable for the performance and results of a small team of professional individual contributors..',
      metadata: { 'Years of experience': 'Typically 0-2' },
    });
    expect(fragment.levels.map((l) => l.metadata?.['Years of experience'])).toEqual(['Typically 0-2', 'Typically 2+', 'Typically 4+', 'Typically 6+']);
  });

  it('gives every level one cell per competency, at its <td>', () => {
    for (const competency of fragment.competencies) {
      expect(competency.cells.map((c) => c.level)).toEqual([0, 1, 2, 3]);
      for (const cell of competency.cells) expect(at(cell.position)).toBe('<td');
    }
  });

  it('loses and duplicates no list item, closed or not', () => {
    const items = html.match(/<li>/g)!.length;
    const cellLines = fragment.competencies.flatMap((c) => c.cells.flatMap((cell) => cell.text.split('\n')));
    const metadataLines = fragment.levels.length; // one "Years of experience" item per level
    expect(cellLines.length + metadataLines).toBe(items);
    // "Technical expectations in line with M4." twice and "Responsible for managing…" thrice, as written
    expect(new Set(cellLines).size).toBe(cellLines.length - 3);
    const m3 = matrix(fragment)['M3']!;
    expect(m3['Teamwork']!.split('\n')).toHaveLength(10);
    expect(m3['Teamwork']).toContain('Ensures team members are happy and engaged, as measured by impact reviews.\nProactively resolves interpersonal conflicts.');
    expect(matrix(fragment)['M6']!['Execution']!.split('\n')).toEqual([
      'Own a significant business area - entire service or multiple services.',
      'Set the goals for and own the operational responsibility for the entire business area.',
      'Focus is on driving outcomes with significant impact through others.',
    ]);
  });
});

describe('small tables', () => {
  it('reads levels as columns, with competency names in the first column', () => {
    const header = '<tr><th>Competency</th><th>Junior Engineer</th><th>Engineer</th><th>Senior Engineer</th></tr>';
    const { fragments, diagnostics } = tables(`<table>
${header}
<tr><td>Scope</td><td>Tasks</td><td>Features</td><td>Projects</td></tr>
<tr><td>Craft</td><td>Learns</td><td></td><td>Teaches</td></tr>
</table>`);
    const fragment = fragments[0]!;
    expect(fragment.levels.map((l) => l.label)).toEqual(['Junior Engineer', 'Engineer', 'Senior Engineer']);
    expect(fragment.competencies.map((c) => c.name)).toEqual(['Scope', 'Craft']);
    expect(matrix(fragment)).toEqual({
      'Junior Engineer': { Scope: 'Tasks', Craft: 'Learns' },
      Engineer: { Scope: 'Features' },
      'Senior Engineer': { Scope: 'Projects', Craft: 'Teaches' },
    });
    expect(fragment.levels[1]!.position).toEqual({ line: 2, column: header.indexOf('<th>Engineer') + 1 });
    expect(fragment.competencies[1]!.position).toEqual({ line: 4, column: 5 });
    expect(diagnostics).toEqual([]);
  });

  it('reads category and area columns left of the level columns', () => {
    const { fragments } = tables(`<table>
<tr><th>Category</th><th>Area</th><th>Competency</th><th>L1</th><th>L2</th></tr>
<tr><td rowspan="2">Technical</td><td>Code</td><td>Quality</td><td>a</td><td>b</td></tr>
<tr><td>Ops</td><td>On-call</td><td>c</td><td>d</td></tr>
</table>`);
    expect(fragments[0]!.competencies.map((c) => [c.category, c.area, c.name])).toEqual([
      ['Technical', 'Code', 'Quality'],
      ['Technical', 'Ops', 'On-call'],
    ]);
  });

  it('expands colspan and rowspan into every slot they cover, once per level and competency', () => {
    const { fragments } = tables(`<table>
<tr><th>Level</th><th>Scope</th><th>Craft</th><th>Impact</th></tr>
<tr><td>L1</td><td colspan="2">Shared</td><td rowspan="2">Tall</td></tr>
<tr><td>L2</td><td>s2</td><td>c2</td></tr>
</table>`);
    expect(matrix(fragments[0]!)).toEqual({
      L1: { Scope: 'Shared', Craft: 'Shared', Impact: 'Tall' },
      L2: { Scope: 's2', Craft: 'c2', Impact: 'Tall' },
    });
  });

  it('keeps lines under one rowspan level header in that level', () => {
    const { fragments } = tables(`<table>
<thead><tr><th>Level</th><th>Scope</th><th>Craft</th></tr></thead>
<tbody>
<tr><th rowspan="2">L1</th><td>one</td><td>two</td></tr>
<tr><td>three</td><td></td></tr>
<tr><th rowspan="2">L2</th><td colspan="2"><p>Summary of L2.</p><p><b>Experience</b>: 2+ years</p></td></tr>
<tr><td>four</td><td>five</td></tr>
</tbody></table>`);
    const fragment = fragments[0]!;
    expect(fragment.levels).toMatchObject([{ label: 'L1' }, { label: 'L2', summary: 'Summary of L2.', metadata: { Experience: '2+ years' } }]);
    expect(fragment.levels[0]!.summary).toBeUndefined();
    expect(fragment.competencies[0]!.cells.map((c) => [c.level, c.text])).toEqual([
      [0, 'one'],
      [0, 'three'],
      [1, 'four'],
    ]);
  });

  it('reads category headings between competency rows when levels are columns', () => {
    const { fragments, diagnostics } = tables(`<table>
<tr><th>Skill</th><th>L1</th><th>L2</th></tr>
<tr><th colspan="3">Delivery</th></tr>
<tr><td>Scope</td><td>a</td><td>b</td></tr>
<tr><td><strong>Communication</strong></td><td></td><td></td></tr>
<tr><td>Writing</td><td>c</td><td>d</td></tr>
</table>`);
    expect(fragments[0]!.competencies.map((c) => [c.category, c.name])).toEqual([
      ['Delivery', 'Scope'],
      ['Communication', 'Writing'],
    ]);
    expect(diagnostics.map((d) => [d.severity, d.ruleId, d.line])).toEqual([
      ['info', 'category-heading', 3],
      ['info', 'category-heading', 5],
    ]);
  });

  it('reads a header row of categories above the competency names when levels are rows', () => {
    const { fragments } = tables(`<table>
<tr><th></th><th colspan="2">Technical</th><th>People</th></tr>
<tr><th>Level</th><th>Code</th><th>Ops</th><th>Mentoring</th></tr>
<tr><td>L1</td><td>a</td><td>b</td><td>c</td></tr>
</table>`);
    expect(fragments[0]!.competencies.map((c) => [c.category, c.name])).toEqual([
      ['Technical', 'Code'],
      ['Technical', 'Ops'],
      ['People', 'Mentoring'],
    ]);
  });

  it('takes a title row over the whole table as its caption, and reports a group row over the levels', () => {
    const { fragments, diagnostics } = tables(`<table>
<tr><th colspan="3">Engineering ladder</th></tr>
<tr><th rowspan="2">Competency</th><th colspan="2">Individual contributors</th></tr>
<tr><th>L1</th><th>L2</th></tr>
<tr><td>Scope</td><td>a</td><td>b</td></tr>
</table>`);
    const fragment = fragments[0]!;
    expect(fragment.caption).toBe('Engineering ladder');
    expect(fragment.levels.map((l) => l.label)).toEqual(['L1', 'L2']);
    expect(matrix(fragment)).toEqual({ L1: { Scope: 'a' }, L2: { Scope: 'b' } });
    expect(diagnostics).toMatchObject([{ severity: 'info', ruleId: 'group-label', line: 3 }]);
  });

  it('reads two or more group labels over the levels as separate tracks', () => {
    const { fragments, diagnostics } = tables(`<table>
<thead><tr><th rowspan="2">Competency</th><th colspan="2">Individual Contributor</th><th colspan="2">Manager</th></tr>
<tr><th>IC1</th><th>IC2</th><th>M1</th><th>M2</th></tr></thead>
<tbody><tr><td>Execution</td><td>Completes tasks</td><td>Completes projects</td><td>Team delivers</td><td>Org delivers</td></tr></tbody>
</table>`);
    expect(fragments.map((f) => [f.caption, f.levels.map((l) => l.label)])).toEqual([
      ['Individual Contributor', ['IC1', 'IC2']],
      ['Manager', ['M1', 'M2']],
    ]);
    expect(matrix(fragments[1]!)).toEqual({ M1: { Execution: 'Team delivers' }, M2: { Execution: 'Org delivers' } });
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['group-label', 2],
      ['group-label', 2],
    ]);
  });

  it('reads title and experience columns as level titles and metadata, not competencies', () => {
    const { fragments, diagnostics } = tables(`<table>
<tr><th>Level</th><th>Title</th><th>Years of experience</th><th>Scope</th><th>Craft</th></tr>
<tr><td>L1</td><td>Junior Engineer</td><td>0-2</td><td>a</td><td>b</td></tr>
<tr><td>L2</td><td>Engineer</td><td></td><td>c</td><td>d</td></tr>
</table>`);
    const fragment = fragments[0]!;
    expect(fragment.levels).toMatchObject([
      { label: 'L1', title: 'Junior Engineer', code: 'L1', metadata: { 'Years of experience': '0-2' } },
      { label: 'L2', title: 'Engineer', code: 'L2' },
    ]);
    expect(fragment.competencies.map((c) => c.name)).toEqual(['Scope', 'Craft']);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['level-attribute', 'level-attribute']);
  });

  it('splits the levels at a line spanning the whole table into sections, each its own fragment', () => {
    const { fragments, diagnostics } = tables(`<table>
<tr><th>Level</th><th>Scope</th><th>People</th></tr>
<tr><td>Senior</td><td>a</td><td>b</td></tr>
<tr><th colspan="3">Managers</th></tr>
<tr><td>Senior</td><td>c</td><td>d</td></tr>
<tr><td>Director</td><td>e</td><td></td></tr>
</table>`);
    expect(fragments.map((f) => [f.caption, f.position.line, Object.keys(matrix(f))])).toEqual([
      [undefined, 1, ['Senior']],
      ['Managers', 4, ['Senior', 'Director']],
    ]);
    expect(matrix(fragments[1]!)).toEqual({ Senior: { Scope: 'c', People: 'd' }, Director: { Scope: 'e' } });
    expect(diagnostics).toMatchObject([{ severity: 'info', ruleId: 'table-section', line: 4 }]);
  });

  it('ignores <script>, <style> and comments, and decodes entities', () => {
    const { fragments } = tables(`<style>td { color: red }</style>
<table>
<!-- header -->
<tr><th>Level</th><th>R&amp;D</th><th>Ops</th></tr>
<tr><td>1</td><td>Builds <script>alert(1)</script>things &amp; stuff<!-- hidden --></td><td>&lt;b&gt;</td></tr>
</table>`);
    const fragment = fragments[0]!;
    expect(fragment.competencies.map((c) => c.name)).toEqual(['R&D', 'Ops']);
    expect(matrix(fragment)).toEqual({ '1': { 'R&D': 'Builds things & stuff', Ops: '<b>' } });
  });

  it('trims <pre> and padded header text, and keeps <br> lines apart', () => {
    const { fragments } = tables(`<table><tr><th>Level</th><th><pre>  Craft   </pre></th><th>
      Scope
    </th></tr><tr><td>1</td><td>a<br>b</td><td><p>c</p><p>d</p></td></tr></table>`);
    expect(fragments[0]!.competencies.map((c) => c.name)).toEqual(['Craft', 'Scope']);
    expect(matrix(fragments[0]!)).toEqual({ '1': { Craft: 'a\nb', Scope: 'c\nd' } });
  });

  it('follows the configured orientation over what the labels say', () => {
    const html = `<table><tr><th></th><th>Scope</th><th>Craft</th></tr><tr><td>L1</td><td>a</td><td>b</td></tr><tr><td>L2</td><td>c</td><td>d</td></tr></table>`;
    expect(tables(html).fragments[0]!.levels.map((l) => l.label)).toEqual(['L1', 'L2']);
    const flipped = tables(html, { line: 1, column: 1 }, { orientation: 'levels-as-columns' }).fragments[0]!;
    expect(flipped.levels.map((l) => l.label)).toEqual(['Scope', 'Craft']);
    expect(flipped.competencies.map((c) => c.name)).toEqual(['L1', 'L2']);
  });

  it('warns when no axis looks like levels, and still keeps every cell', () => {
    const { fragments, diagnostics } = tables(`<table>
<tr><th>Name</th><th>Colour</th><th>Size</th><th>Shape</th></tr>
<tr><td>Apple</td><td>red</td><td>small</td><td>round</td></tr>
<tr><td>Melon</td><td>green</td><td>big</td><td>oval</td></tr>
</table>`);
    expect(diagnostics).toMatchObject([{ severity: 'warning', ruleId: 'orientation-guessed', line: 1, column: 1 }]);
    expect(diagnostics[0]!.hint).toContain('orientation');
    const fragment = fragments[0]!;
    expect(fragment.levels.map((l) => l.label)).toEqual(['Apple', 'Melon']);
    expect(fragment.competencies.flatMap((c) => c.cells)).toHaveLength(6);
  });

  it('warns about a line without a level label and reads it into the level above', () => {
    const { fragments, diagnostics } = tables(`<table>
<tr><th>Level</th><th>Scope</th><th>Craft</th></tr>
<tr><td>L1</td><td>a</td><td>b</td></tr>
<tr><td></td><td>more</td><td></td></tr>
<tr><td>L2</td><td>c</td><td>d</td></tr>
</table>`);
    expect(diagnostics).toMatchObject([{ severity: 'warning', ruleId: 'level-without-label', line: 4 }]);
    expect(fragments[0]!.competencies[0]!.cells.map((c) => [c.level, c.text])).toEqual([
      [0, 'a'],
      [0, 'more'],
      [1, 'c'],
    ]);
  });

  it('maps positions of HTML embedded mid-line in a larger source', () => {
    const html = '<table><tr><th>Level</th><th>Scope</th></tr>\n<tr><td>L1</td><td>x</td></tr></table>';
    const { fragments, diagnostics } = tables(html, { line: 10, column: 5 });
    expect(fragments[0]!.position).toEqual({ line: 10, column: 5 });
    expect(fragments[0]!.competencies[0]!.position).toEqual({ line: 10, column: 5 + html.indexOf('<th>Scope') });
    expect(fragments[0]!.levels[0]!.position).toEqual({ line: 11, column: 5 });
    expect(diagnostics).toEqual([]);
  });

  it('skips a table too small to be a ladder, with a warning', () => {
    const { fragments, diagnostics } = tables('<table><tr><td>only</td></tr></table>');
    expect(fragments).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'warning', ruleId: 'table-too-small' }]);
  });
});

describe('HTML documents', () => {
  it('takes the title, description and track name from the document', () => {
    const { ladder, diagnostics } = readHtml(`<!doctype html>
<html><head><title>Platform ladder</title></head><body>
<h1>Platform</h1>
<p>How we grow.</p>
<h2>Site Reliability</h2>
<p>For SREs.</p>
<table><tr><th>Level</th><th>Scope</th></tr><tr><td>L1</td><td>x</td></tr></table>
</body></html>`);
    expect(diagnostics).toEqual([]);
    expect(ladder).toMatchObject({ title: 'Platform ladder', description: 'How we grow.' });
    expect(onlyTrack(ladder)).toMatchObject({ name: 'Site Reliability', description: 'For SREs.' });
  });

  it('prefers the <h1> to a site page title such as "Careers | Acme"', () => {
    const { ladder } = readHtml(`<!doctype html>
<html><head><title>Careers | Acme</title></head><body>
<h1>Engineering Competency Matrix</h1>
<table><tr><th>Level</th><th>Scope</th></tr><tr><td>L1</td><td>x</td></tr></table>
</body></html>`);
    expect(ladder?.title).toBe('Engineering Competency Matrix');
  });

  it('joins tables with the same levels into one track, and keeps other level sets apart', () => {
    const { ladder } = readHtml(`<h1>Ladder</h1>
<h2>Engineers</h2>
<table><tr><th>Level</th><th>Scope</th></tr><tr><td>L1</td><td>a</td></tr><tr><td>L2</td><td>b</td></tr></table>
<table><tr><th>Level</th><th>Craft</th></tr><tr><td>L2</td><td>c</td></tr><tr><td>L1</td><td>d</td></tr></table>
<h2>Managers</h2>
<table><caption>Management</caption><tr><th>Level</th><th>People</th></tr><tr><td>M1</td><td>e</td></tr></table>`);
    expect(ladder?.title).toBe('Ladder');
    expect(ladder?.tracks.map((t) => [t.name, t.levels.map((l) => l.id), t.competencies.map((c) => c.name)])).toEqual([
      ['Engineers', ['l1', 'l2'], ['Scope', 'Craft']],
      ['Management', ['m1'], ['People']],
    ]);
    const craft = ladder!.tracks[0]!.competencies[1]!;
    expect(craft.expectations.map((e) => [e.level, e.text])).toEqual([
      ['l1', 'd'],
      ['l2', 'c'],
    ]);
  });

  it('makes a track of each section of a table, named by its section line', () => {
    const { ladder } = readHtml(`<h2>Ladder</h2><table>
<tr><th>Level</th><th>Scope</th></tr>
<tr><td>Senior</td><td>a</td></tr>
<tr><th colspan="2">Managers</th></tr>
<tr><td>Senior</td><td>b</td></tr>
</table>`);
    expect(ladder?.tracks.map((t) => [t.name, t.levels.map((l) => l.title), t.competencies[0]!.expectations.map((e) => e.text)])).toEqual([
      ['Ladder', ['Senior'], ['a']],
      ['Managers', ['Senior'], ['b']],
    ]);
  });

  it('names the track after the ladder title, else "Engineering"', () => {
    expect(onlyTrack(readHtml('<h1>Ops</h1><table><tr><th>Level</th><th>Scope</th></tr><tr><td>L1</td><td>x</td></tr></table>').ladder).name).toBe('Ops');
    const bare = readHtml('<table><tr><th>Level</th><th>Scope</th></tr><tr><td>L1</td><td>x</td></tr></table>').ladder;
    expect(onlyTrack(bare).name).toBe('Engineering');
    expect(bare?.title).toBe('Test');
  });

  it('reports an error when there is no table', () => {
    const { diagnostics } = readHtml('<p>Nothing here</p>', { format: 'html-table' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'no-table' }));
  });
});
