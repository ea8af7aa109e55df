// The workbooks as a spreadsheet sees them: LibreOffice Calc (headless) opens every workbook the
// XLSX writer makes for the kitchen-sink model, a ladder of date-, number- and formula-like text and
// the seeds, in one soffice call, and saves them as flat ODS. Every cell must be text (never a
// number, date or formula) and hold exactly what the CSV writer's matching field holds, less the
// CSV's formula-neutralising apostrophe (a typed text cell needs none).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/host/io.js';
import type { Ladder } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';
import { writeCsv } from '../../src/writers/csv.js';
import { EXPECTATION_COLUMNS, writeXlsx } from '../../src/writers/xlsx/index.js';
import { allCases } from '../support/cases.js';
import { parseCsv } from '../support/csv.js';
import { readFodsSheets, type FodsCell } from '../support/fods.js';
import { TRICKY_TEXTS, trickyLadder } from '../support/tricky-ladder.js';
import { writeEach, writerContext } from '../support/writer-context.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const inCi = Boolean(process.env.CI);

/**
 * A CSV field as the text LibreOffice shows for it: line breaks as in a cell, the formula guard
 * taken off. One loss is LibreOffice's own (7.x): a tab in a cell that also has a line break is
 * dropped when it opens any XLSX (the file holds it: exceljs reads it back in xlsx.test.ts; a tab
 * in a one-line cell survives, and TRICKY_TEXTS has both).
 */
function unCsv(field: string): string {
  const text = field.replace(/\r\n/g, '\n').replace(/^'(?=[=+\-@\t\r\n])/, '');
  return text.includes('\n') ? text.replace(/\t/g, '') : text;
}

const texts = (row: readonly FodsCell[] | undefined): string[] => (row ?? []).map((c) => c.text);
/** A row's texts without trailing empty fields (LibreOffice drops trailing empty cells). */
const trimmed = (fields: readonly string[]): string[] => {
  const out = [...fields];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
};

const work = mkdtempSync(join(tmpdir(), 'ladderc-lo-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasSoffice && !inCi)('XLSX in LibreOffice Calc', () => {
  it('is installed (in CI it must be)', () => {
    expect(hasSoffice, 'soffice is missing: scripts/test-deps.sh installs libreoffice-calc-nogui').toBe(true);
  });

  it('opens every cell as the same text as the CSV, with no formula, number or date', async () => {
    const kitchenSink = JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;
    const seeds = allCases()
      .filter((c) => c.path.startsWith('sources/'))
      .map((c) => readSource(c.bytes, c.path).ladder)
      .filter((l): l is Ladder => l !== undefined && l.tracks.length > 0);
    const ladders = [kitchenSink, trickyLadder(), ...seeds];
    const xlsx = writeEach(writeXlsx, ladders, writerContext('xlsx', {}, {}, { sourceDateEpoch: 1_700_000_000 }));
    const csv = writeEach(writeCsv, ladders, writerContext('csv', {}, loadTemplateSet('csv')));
    const csvText = new Map(csv.files.map((f) => [f.path, String(f.contents).replace(/^\uFEFF/, '')]));
    const inDir = join(work, 'xlsx');
    const outDir = join(work, 'fods');
    mkdirSync(inDir, { recursive: true });
    mkdirSync(outDir, { recursive: true });
    for (const f of xlsx.files) writeFileSync(join(inDir, f.path.replace(/^xlsx\//, '')), f.contents);

    // A control workbook not written by ladderc: its formula and date must come back as such, or
    // the checks below would prove nothing.
    const control = new ExcelJS.Workbook();
    const sheet = control.addWorksheet('control');
    sheet.addRow([{ formula: '1+1', result: 2 }, new Date(Date.UTC(2026, 2, 4)), 3]);
    writeFileSync(join(inDir, 'zz-control.xlsx'), Buffer.from(await control.xlsx.writeBuffer()));

    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'fods', '--outdir', outDir, ...xlsx.files.map((f) => join(inDir, f.path.replace(/^xlsx\//, ''))), join(inDir, 'zz-control.xlsx')],
      { stdio: 'pipe', timeout: 180_000 },
    );
    const controlRow = readFodsSheets(readFileSync(join(outDir, 'zz-control.fods'), 'utf8'))[0]!.rows[0]!;
    expect(controlRow.map((c) => [c.type, c.formula])).toEqual([['float', true], ['date', false], ['float', false]]);

    for (const ladder of ladders) {
      const sheets = readFodsSheets(readFileSync(join(outDir, `${ladder.id}.fods`), 'utf8'));
      expect(sheets.length, `${ladder.id}: a sheet per track and the expectations`).toBe(ladder.tracks.length + 1);
      for (const s of sheets) {
        s.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            const where = `${ladder.id} ${s.name} ${r + 1}:${c + 1} ${JSON.stringify(cell.text)}`;
            expect(cell.formula, where).toBe(false);
            if (cell.text !== '') expect(cell.type, where).toBe('string');
          }),
        );
      }

      // The expectations sheet is the CSV's long table, column for column.
      const long = parseCsv(csvText.get(`csv/${ladder.id}.csv`)!);
      const header = long[0]!;
      const pick = ['ladder', 'track', 'level_title', 'level_code', 'category', 'area', 'competency', 'statement'].map((h) => header.indexOf(h));
      const expectations = sheets[sheets.length - 1]!;
      expect(texts(expectations.rows[0])).toEqual([...EXPECTATION_COLUMNS]);
      expect(expectations.rows.slice(1).map(texts), `${ladder.id}: expectations`).toEqual(long.slice(1).map((record) => trimmed(pick.map((i) => unCsv(record[i]!)))));

      // Each track sheet is the CSV's matrix, with the category as a row above its competencies.
      ladder.tracks.forEach((track, t) => {
        const matrix = parseCsv(csvText.get(`csv/${ladder.id}--${track.id}.csv`)!);
        const hasArea = matrix.slice(1).some((record) => record[1] !== '');
        const expected: string[][] = [trimmed(['Competency', ...(hasArea ? ['Area'] : []), ...matrix[0]!.slice(3)])];
        let category: string | undefined;
        matrix.slice(1).forEach((record, i) => {
          const [cat, area, competency, ...cells] = record.map(unCsv);
          if (cat !== category && (cat !== '' || i > 0)) expected.push(trimmed([cat!]));
          category = cat;
          expected.push(trimmed([competency!, ...(hasArea ? [area!] : []), ...cells]));
        });
        expect(sheets[t]!.rows.map(texts), `${ladder.id} ${track.name}`).toEqual(expected);
      });
    }

    // The texts a spreadsheet would reinterpret are there, whole, as text.
    const tricky = readFodsSheets(readFileSync(join(outDir, 'tricky.fods'), 'utf8'));
    const statements = tricky[1]!.rows.slice(1).map((row) => row[7]!);
    for (const text of TRICKY_TEXTS) expect(statements.map((s) => s.text)).toContain(text);
    expect(tricky.map((s) => s.name)).toEqual(['Expectations', 'Expectations (2)']);
  });
});

describe.skipIf(hasSoffice || inCi)('XLSX in LibreOffice Calc (skipped)', () => {
  it.skip('needs soffice (libreoffice-calc-nogui); `make test` installs it, and in CI this test runs', () => {});
});
