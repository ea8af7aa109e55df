// The CSV writer, byte by byte: header, BOM, CRLF, quoting, formula neutralisation, no HTML
// escaping, not-applicable expectations, template overrides and template errors.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOutputs } from '../../src/pipeline/render.js';
import { loadTemplateSet } from '../../src/host/io.js';
import type { Ladder } from '../../src/model.js';
import { defaultOptions } from '../../src/pipeline/options.js';
import type { CsvOptions } from '../../src/writers/csv.js';
import { writeEach, writerContext } from '../support/writer-context.js';
import { csvField, csvLines, csvRecord, neutraliseFormula } from '../../src/writers/escape.js';
import { writeCsv } from '../../src/writers/csv.js';
import { TemplateError } from '../../src/writers/template.js';
import type { OutputFile, WriterContext } from '../../src/writers/types.js';
import { parseCsv } from '../support/csv.js';

const work = mkdtempSync(join(tmpdir(), 'ladderc-csv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;
const contextWith = (options: Partial<CsvOptions> = {}, templates = loadTemplateSet('csv')) => writerContext('csv', options, templates);
const text = (file: OutputFile | undefined): string => String(file?.contents);
const byPath = (files: OutputFile[], path: string): OutputFile | undefined => files.find((f) => f.path === path);

describe('CSV escaping', () => {
  it('neutralises every formula start (OWASP) and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n', '  =', ' \u00A0@', '\u3000+', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', ' \uFF1D']) {
      expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
    }
    for (const safe of ['1-2', '3/4', 'a=b', "'quoted", 'a =spaced', 'x\uFF1D1', '']) expect(neutraliseFormula(safe)).toBe(safe);
  });

  it('quotes, doubles quotes and writes line breaks as CRLF (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField('one\r\ntwo\rthree')).toBe('"one\r\ntwo\r\nthree"');
    expect(csvField('\nlead')).toBe('"\'\r\nlead"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('<b>&amp;</b>')).toBe('<b>&amp;</b>');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",');
  });

  it('turns template lines into CRLF records, keeping breaks inside quotes and dropping empty lines', () => {
    expect(csvLines('a,b\n\n"x\r\ny",z\n')).toBe('a,b\r\n"x\r\ny",z\r\n');
    expect(csvLines('h\r\nv')).toBe('h\r\nv\r\n');
  });
});

describe('CSV writer', () => {
  const { files } = writeEach(writeCsv, [kitchenSink()], contextWith());

  it('writes a long table per ladder and a matrix per track', () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      'csv/kitchen-sink--engineering.csv',
      'csv/kitchen-sink--management.csv',
      'csv/kitchen-sink.csv',
    ]);
  });

  it('starts with a UTF-8 BOM by default, and without one when csvBom is false', () => {
    for (const f of files) expect(text(f).startsWith('\uFEFF')).toBe(true);
    const plain = writeEach(writeCsv, [kitchenSink()], contextWith({ csvBom: false })).files;
    for (const f of plain) {
      expect(text(f).startsWith('\uFEFF')).toBe(false);
      expect(`\uFEFF${text(f)}`).toBe(text(byPath(files, f.path)));
    }
  });

  it('ends every record with CRLF and has no bare CR or LF anywhere', () => {
    for (const f of files) {
      const csv = text(f);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('has the long-table header with id columns, a row per statement and one per not-applicable expectation', () => {
    const ladder = kitchenSink();
    const records = parseCsv(text(byPath(files, 'csv/kitchen-sink.csv')).slice(1));
    expect(text(byPath(files, 'csv/kitchen-sink.csv')).split('\r\n')[0]).toBe(
      '\uFEFFladder_id,ladder,track_id,track,level_id,level_ordinal,level_code,level_title,category,area,competency_id,competency,applicable,statement',
    );
    const expectations = ladder.tracks.flatMap((t) => t.competencies.flatMap((c) => c.expectations));
    const statements = expectations.filter((e) => e.applicable !== false).flatMap((e) => e.statements);
    const notApplicable = expectations.filter((e) => e.applicable === false);
    expect(notApplicable.length).toBeGreaterThan(0);
    expect(records.length - 1).toBe(statements.length + notApplicable.length);
    for (const r of records) expect(r).toHaveLength(14);
    // Each not-applicable expectation is a row that says so, in the source's words, with its ids.
    const naRows = records.filter((r) => r[12] === 'no');
    expect(naRows.map((r) => r[13])).toEqual(expect.arrayContaining(notApplicable.map((e) => e.text)));
    expect(naRows).toHaveLength(notApplicable.length);
    for (const r of naRows) {
      const competency = ladder.tracks.find((t) => t.id === r[2])!.competencies.find((c) => c.id === r[10])!;
      expect(competency.expectations.find((e) => e.level === r[4])?.applicable).toBe(false);
    }
    expect(records.slice(1).every((r) => r[12] === 'yes' || r[12] === 'no')).toBe(true);
    expect(records[1]).toEqual(['kitchen-sink', 'Kitchen Sink Ladder — ünïcödé → “quotes”', 'engineering', 'Engineering', 'e1', '1', 'E1', 'Engineer I', 'Technical skills', 'Quality & testing', 'code-quality', 'Code Quality', 'yes', 'Writes readable code.']);
    const director = records.find((r) => r[7] === 'Director')!;
    expect([director[3], director[5], director[6], director[7]]).toEqual(['Management', '2', '', 'Director']);
  });

  it('neutralises every cell a spreadsheet could run, and never escapes HTML', () => {
    for (const f of files) {
      const records = parseCsv(text(f).slice(1));
      for (const field of records.flat()) expect(field, f.path).not.toMatch(/^[=+\-@\t\r\n]/);
    }
    const long = text(byPath(files, 'csv/kitchen-sink.csv'));
    expect(long).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(long).toContain("'-2+3 and @SUM(A1) and +1 are text.");
    expect(long).toContain('Shares status <script>alert(1)</script> daily.');
    expect(long).not.toMatch(/&lt;|&amp;|&quot;|&#/);
  });

  it('writes a matrix: a row per competency, a column per level, statements on separate lines, n/a as text', () => {
    const records = parseCsv(text(byPath(files, 'csv/kitchen-sink--engineering.csv')).slice(1));
    expect(records[0]).toEqual(['category', 'area', 'competency', 'Engineer I', 'Engineer II', 'Senior Engineer']);
    expect(records.map((r) => r[2])).toEqual(['competency', 'Code Quality', 'Testing', 'Communication']);
    for (const r of records) expect(r).toHaveLength(6);
    expect(records[1]![3]).toBe('Writes readable code.\r\nAsks for reviews.');
    expect(records[2]![3]).toBe('n/a (not applicable at this level)');
    expect(records[2]![5]).toBe("'-2+3 and @SUM(A1) and +1 are text.\r\nMerged from a second row: 1-2 areas, 3/4 of the time.");
    expect(records[3]![4]).toBe('');
    const management = parseCsv(text(byPath(files, 'csv/kitchen-sink--management.csv')).slice(1));
    expect(management).toEqual([
      ['category', 'area', 'competency', 'Manager', 'Director'],
      ['', '', 'Expectations', 'Runs 1:1s.\r\nHires well.', 'Coaches managers.'],
    ]);
  });

  it('names a level column by title and code where two levels share a title', () => {
    const ladder = kitchenSink();
    ladder.tracks[1]!.levels[1]!.title = 'Manager';
    const records = parseCsv(text(byPath(writeEach(writeCsv, [ladder], contextWith()).files, 'csv/kitchen-sink--management.csv')).slice(1));
    expect(records[0]).toEqual(['category', 'area', 'competency', 'Manager (M1)', 'Manager']);
  });
});

describe('CSV templates', () => {
  it('a user folder overriding one template changes only that output', () => {
    const user = join(work, 'user');
    mkdirSync(join(user, 'csv'), { recursive: true });
    writeFileSync(join(user, 'csv', 'track.hbs'), 'competency_id,competency\n{{#each rows}}\n{{competencyId}},{{competency}}\n{{/each}}\n');
    const custom = writeEach(writeCsv, [kitchenSink()], contextWith({}, loadTemplateSet('csv', user))).files;
    const standard = writeEach(writeCsv, [kitchenSink()], contextWith()).files;
    expect(text(byPath(custom, 'csv/kitchen-sink.csv'))).toBe(text(byPath(standard, 'csv/kitchen-sink.csv')));
    expect(text(byPath(custom, 'csv/kitchen-sink--management.csv'))).toBe('\uFEFFcompetency_id,competency\r\nexpectations,Expectations\r\n');
  });

  it('a template naming a missing variable is an error with the template file and line', async () => {
    const user = join(work, 'broken');
    mkdirSync(join(user, 'csv'), { recursive: true });
    writeFileSync(join(user, 'csv', 'ladder.hbs'), 'ladder,statement\n{{#each rows}}\n{{ladder}},{{statment}}\n{{/each}}\n');
    const templates = loadTemplateSet('csv', user);
    try {
      writeEach(writeCsv, [kitchenSink()], contextWith({}, templates));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const d = (error as TemplateError).diagnostic;
      expect(d.file).toMatch(/broken\/csv\/ladder\.hbs$/);
      expect(d.line).toBe(3);
      expect(d.message).toContain('statment');
    }
    const result = await renderOutputs([kitchenSink()], { ...defaultOptions(process.cwd()), formats: ['csv'] }, { templates: () => templates, assets: () => ({}) }, { version: 'test', sourceDateEpoch: 0 });
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'template', line: 3 })]);
  });
});
