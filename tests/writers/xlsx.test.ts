// The XLSX writer: workbook layout, text-only cells, sheet names, options, and byte-identical
// builds stamped with SOURCE_DATE_EPOCH. Read back with exceljs (tests/support/xlsx-text.ts);
// tests/writers/xlsx-libreoffice.test.ts opens the same workbooks in LibreOffice.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { writeXlsx } from '../../src/writers/xlsx/index.js';
import { cellXml, sheetNames } from '../../src/writers/xlsx/ooxml.js';
import { dosDateTime } from '../../src/writers/xlsx/zip.js';
import { writerContext } from '../support/writer-context.js';
import { TRICKY_TEXTS, trickyLadder } from '../support/tricky-ladder.js';
import { readXlsx } from '../support/xlsx-text.js';

const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;

function render(ladder: Ladder, options: { xlsxFreeze?: boolean } = {}, sourceDateEpoch = 1_700_000_000) {
  return writeXlsx(ladder, writerContext('xlsx', options, {}, { sourceDateEpoch }));
}

const bytesOf = (ladder: Ladder, options: { xlsxFreeze?: boolean } = {}, epoch?: number): Uint8Array => render(ladder, options, epoch).files[0]!.contents as Uint8Array;

/** The zip's entries as stored: name, DOS date and time, and inflated bytes. */
function zipEntries(bytes: Uint8Array): Array<{ name: string; date: number; time: number; data: Buffer }> {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const size = buf.readUInt32LE(local + 18);
    const localName = buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({
      name: buf.toString('ascii', at + 46, at + 46 + nameLength),
      date: buf.readUInt16LE(at + 14),
      time: buf.readUInt16LE(at + 12),
      data: inflateRawSync(buf.subarray(local + 30 + localName, local + 30 + localName + size)),
    });
    at += 46 + nameLength + extra;
  }
  return out;
}

describe('xlsx writer', () => {
  it('writes one workbook per ladder: a matrix sheet per track, then every expectation', async () => {
    const result = render(kitchenSink());
    expect(result.files.map((f) => f.path)).toEqual(['xlsx/kitchen-sink.xlsx']);
    expect(result.diagnostics).toEqual([]);
    const book = await readXlsx(result.files[0]!.contents as Uint8Array);
    expect(book.sheets.map((s) => s.name)).toEqual(['Engineering', 'Management', 'Expectations']);
    const engineering = book.sheets[0]!;
    expect(engineering.frozen).toEqual({ rows: 1, columns: 1 });
    expect(engineering.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['Competency', 'Area', 'Engineer I', 'Engineer II', 'Senior Engineer']);
    // Category rows span the row, bold.
    expect(engineering.merges).toEqual(['A2:E2', 'A5:E5']);
    expect(engineering.cells.find((c) => c.address === 'A2')).toMatchObject({ text: 'Technical skills', bold: true });
    const long = book.sheets[2]!;
    expect(long.autoFilter).toBe('A1:H15');
    expect(long.frozen).toEqual({ rows: 1, columns: 0 });
    expect(long.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['Ladder', 'Track', 'Level', 'Code', 'Category', 'Area', 'Competency', 'Statement']);
    // Every cell: a string, wrapped, in the Text number format.
    for (const sheet of book.sheets) for (const c of sheet.cells) expect([c.address, c.type, c.wrap, c.numFmt]).toEqual([c.address, 'string', true, '@']);
    // Widths follow the text, within bounds.
    expect(long.widths[7]).toBeGreaterThan(long.widths[3]!);
    for (const w of long.widths) expect(w).toBeGreaterThanOrEqual(8);
  });

  it('keeps every character of text that looks like a number, a date, a formula or markup', async () => {
    const book = await readXlsx(bytesOf(trickyLadder()));
    expect(book.sheets.map((s) => s.name)).toEqual(['Expectations', 'Expectations (2)']);
    const matrix = book.sheets[0]!;
    const names = matrix.cells.filter((c) => c.column === 1 && c.bold && c.row > 1).map((c) => c.text);
    for (const text of TRICKY_TEXTS) expect(names).toContain(text);
    const statements = book.sheets[1]!.cells.filter((c) => c.column === 8 && c.row > 1);
    expect(statements.map((c) => c.text)).toEqual(TRICKY_TEXTS.flatMap((t) => [t]).concat(TRICKY_TEXTS.flatMap((t) => [t, t])));
    // A matrix cell holds the level's statements on separate lines, tabs and spaces included.
    const cells = matrix.cells.filter((c) => c.column === 3 && c.row > 1 && !c.bold).map((c) => c.text);
    for (const text of TRICKY_TEXTS) expect(cells).toContain(`${text}\n${text}`);
    for (const sheet of book.sheets) for (const c of sheet.cells) expect(c.type, `${sheet.name}!${c.address} ${JSON.stringify(c.text)}`).toBe('string');
    // No formula anywhere in the package: no <f> element in any sheet.
    for (const entry of zipEntries(bytesOf(trickyLadder()))) expect(entry.data.toString('utf8')).not.toMatch(/<f[ >]/);
  });

  it('is byte-identical for the same input, with every date from SOURCE_DATE_EPOCH', () => {
    const epoch = 1_767_225_600; // 2026-01-01T00:00:00Z
    const a = bytesOf(kitchenSink(), {}, epoch);
    const b = bytesOf(kitchenSink(), {}, epoch);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const entries = zipEntries(a);
    const expected = dosDateTime(epoch);
    expect(expected).toEqual({ date: (46 << 9) | (1 << 5) | 1, time: 0 });
    for (const e of entries) expect([e.name, e.date, e.time]).toEqual([e.name, expected.date, expected.time]);
    const core = entries.find((e) => e.name === 'docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>');
    // A different date changes the bytes (so the date is really the only clock).
    expect(Buffer.from(bytesOf(kitchenSink(), {}, epoch + 86_400)).equals(Buffer.from(a))).toBe(false);
  });

  it('clamps dates a zip cannot hold to its range', () => {
    expect(dosDateTime(0)).toEqual({ date: (1 << 5) | 1, time: 0 });
    expect(dosDateTime(Date.UTC(2024, 1, 29, 13, 45, 59) / 1000)).toEqual({ date: (44 << 9) | (2 << 5) | 29, time: (13 << 11) | (45 << 5) | 29 });
  });

  it('leaves panes unfrozen with xlsxFreeze off', async () => {
    const book = await readXlsx(bytesOf(kitchenSink(), { xlsxFreeze: false }));
    for (const sheet of book.sheets) expect(sheet.frozen).toBeNull();
  });

  it('names sheets as spreadsheets require: short, unique, without reserved characters', () => {
    const long = 'A very long track name that goes on and on';
    expect(sheetNames(['a/b:c?', 'History', long, long, "'quoted'", '[x]', '', 'expectations', 'Expectations'])).toEqual([
      'a b c',
      'History (sheet)',
      'A very long track name that go…',
      'A very long track name tha… (2)',
      'quoted',
      'x',
      'Sheet',
      'expectations',
      'Expectations (2)',
    ]);
    for (const name of sheetNames([long, long, long])) expect([...name].length).toBeLessThanOrEqual(31);
  });

  it('escapes what XML cannot carry and protects literal _xHHHH_ sequences', () => {
    expect(cellXml('a & <b> "c"')).toBe('a &amp; &lt;b&gt; &quot;c&quot;');
    expect(cellXml('bell\u0007')).toBe('bell_x0007_');
    expect(cellXml('_x0041_')).toBe('_x005F_x0041_');
    expect(cellXml('one\r\ntwo')).toBe('one\ntwo');
    expect(cellXml('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate');
    expect(cellXml('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('warns when a cell is longer than a spreadsheet holds, and shortens only that cell', async () => {
    const ladder = kitchenSink();
    const statement = 'x'.repeat(40_000);
    const expectation = ladder.tracks[0]!.competencies[0]!.expectations[0]!;
    expectation.text = statement;
    expectation.statements = [statement];
    const result = render(ladder);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['xlsx-cell-too-long', 'xlsx-cell-too-long']);
    expect(result.diagnostics[0]!.message).toContain('40000 characters');
    expect(result.diagnostics[0]!.file).toBe(ladder.source.path);
    const book = await readXlsx(result.files[0]!.contents as Uint8Array);
    const cell = book.sheets[0]!.cells.find((c) => c.address === 'C3')!;
    expect(cell.text.length).toBe(32_767);
    expect(cell.text.endsWith('x…')).toBe(true);
  });
});
