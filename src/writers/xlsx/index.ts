// XLSX output: per ladder one workbook (xlsx/<ladder-id>.xlsx) with a sheet per track — the
// competency × level matrix, category rows set apart — and an "Expectations" sheet listing every
// statement on its own row (ladder, track, level, code, category, area, competency, statement)
// under an autofilter. Header rows frozen, text wrapped, columns sized to their text.
//
// Why not exceljs: it zips through JSZip, which stamps every entry with the current time and offers
// no way to set it through exceljs, so two builds differ in their bytes. A workbook of text cells is
// a few XML parts (./ooxml.ts) in a zip (./zip.ts), written here with node:zlib; the bytes depend
// only on the model, the options and SOURCE_DATE_EPOCH.

import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import type { Catalogue } from '../../locale/index.js';
import type { Ladder, Level, Track } from '../../model.js';
import { levelLabel } from '../../views/levels.js';
import { trackMatrix } from '../../views/matrix.js';
import type { WriterContext, WriterEntry, WriterResult } from '../types.js';
import { xlsxInfo } from '../index.js';
import { MAX_CELL_LENGTH, sheetNames, xlsxPackage, type Cell, type CellStyle, type Sheet } from './ooxml.js';

export interface XlsxOptions {
  /** Freeze the header row (and, on track sheets, the competency column). */
  xlsxFreeze: boolean;
}

/** The long sheet's column headings. */
/** The expectations sheet's columns in English: the words of diagnostics (the sheet's own header comes from the locale). */
export const EXPECTATION_COLUMNS = ['Ladder', 'Track', 'Level', 'Code', 'Category', 'Area', 'Competency', 'Statement'] as const;

/** Width in characters: the longest line (plus padding), between a floor and a ceiling. */
function widthOf(texts: readonly string[], min: number, max: number): number {
  let longest = 0;
  for (const text of texts) for (const line of text.split('\n')) longest = Math.max(longest, [...line].length);
  return Math.min(max, Math.max(min, longest + 2));
}

/** Level headings: the title, with the code added where two levels of the track share a title. */
function levelHeading(track: Track, level: Level): string {
  return track.levels.filter((l) => l.title === level.title).length > 1 ? levelLabel(level) : level.title;
}

interface Build {
  ladder: Ladder;
  diagnostics: Diagnostic[];
}

/** A cell, cut to Excel's limit with a warning (Excel refuses to open a file with a longer cell). */
function cell(build: Build, text: string, style: CellStyle, where: string): Cell {
  if (text.length <= MAX_CELL_LENGTH) return { text, style };
  build.diagnostics.push(
    diagnostic(
      'warning',
      'xlsx-cell-too-long',
      `${where}: ${text.length} characters, more than a spreadsheet cell holds (${MAX_CELL_LENGTH}); the workbook shows the first ${MAX_CELL_LENGTH - 1} and "…"`,
      build.ladder.source.path,
      undefined,
      'split the text into shorter statements; the CSV and JSON outputs keep it whole',
    ),
  );
  return { text: `${text.slice(0, MAX_CELL_LENGTH - 1)}…`, style };
}

function trackSheet(build: Build, track: Track, name: string, freeze: boolean, t: Catalogue['xlsx']): Sheet {
  const matrix = trackMatrix(track);
  // An Area column only where some competency of the track has one.
  const hasArea = track.competencies.some((c) => (c.area ?? '') !== '');
  const lead = hasArea ? [t.competency, t.area] : [t.competency];
  const columnCount = lead.length + track.levels.length;
  const header = [...lead, ...track.levels.map((l) => levelHeading(track, l))].map((t) => ({ text: t, style: 'header' as const }));
  const rows: Array<Array<Cell | undefined>> = [header];
  const merges: Sheet['merges'] = [];
  const columns: string[][] = header.map((h) => [h.text]);
  matrix.groups.forEach((group, index) => {
    // A category row: its name across the whole row, in its own style. Competencies without a
    // category that follow a category get an empty one, so they do not read as part of it.
    if (group.category !== undefined || index > 0) {
      const name = group.category ?? '';
      merges.push([rows.length, 0, columnCount - 1]);
      rows.push([cell(build, name, 'category', `track "${track.name}", category "${name}"`), ...Array.from({ length: columnCount - 1 }, () => ({ text: '', style: 'category' as const }))]);
    }
    for (const row of group.rows) {
      const c = row.competency;
      const lead: Cell[] = [cell(build, c.name, 'name', `track "${track.name}", competency "${c.name}"`)];
      if (hasArea) lead.push(cell(build, c.area ?? '', 'body', `track "${track.name}", competency "${c.name}", area`));
      const cells = row.cells.map((m) => {
        const e = m.expectation;
        const text = !e ? '' : e.applicable === false ? e.text : e.statements.join('\n');
        return cell(build, text, 'body', `track "${track.name}", competency "${c.name}", level "${m.level.title}"`);
      });
      const all = [...lead, ...cells];
      all.forEach((x, i) => columns[i]!.push(x.text));
      rows.push(all);
    }
  });
  return {
    name,
    widths: columns.map((texts, i) => (i === 0 ? widthOf(texts, 16, 32) : i < lead.length ? widthOf(texts, 10, 24) : widthOf(texts, 18, 48))),
    rows,
    freeze: freeze ? { rows: 1, columns: 1 } : { rows: 0, columns: 0 },
    printTitleRows: 1,
    autoFilter: false,
    merges,
  };
}

/** Level-major, as the CSV's long table: a level's expectations together, competencies in track order. */
function expectationsSheet(build: Build, name: string, freeze: boolean, t: Catalogue['xlsx']): Sheet {
  const { ladder } = build;
  const rows: Array<Array<Cell | undefined>> = [t.columns.map((t) => ({ text: t, style: 'header' as const }))];
  for (const track of ladder.tracks) {
    for (const level of track.levels) {
      for (const competency of track.competencies) {
        const expectation = competency.expectations.find((e) => e.level === level.id);
        if (!expectation) continue;
        // As the CSV's long table: a not-applicable expectation holds no statement, but it is a
        // fact about the level, so one row says so (the source's own wording as the statement).
        for (const statement of expectation.applicable === false ? [expectation.text] : expectation.statements) {
          const where = `track "${track.name}", competency "${competency.name}", level "${level.title}"`;
          rows.push(
            [ladder.title, track.name, level.title, level.code ?? '', competency.category ?? '', competency.area ?? '', competency.name, statement].map((text, i) =>
              cell(build, text, 'body', `${where}, ${EXPECTATION_COLUMNS[i]!.toLowerCase()}`),
            ),
          );
        }
      }
    }
  }
  const ceilings = [36, 24, 24, 10, 22, 22, 28, 80];
  return {
    name,
    widths: EXPECTATION_COLUMNS.map((_, i) => widthOf(rows.map((r) => r[i]?.text ?? ''), 8, ceilings[i]!)),
    rows,
    freeze: freeze ? { rows: 1, columns: 0 } : { rows: 0, columns: 0 },
    printTitleRows: 1,
    autoFilter: true,
    merges: [],
  };
}

export function writeXlsx(ladder: Ladder, context: WriterContext<XlsxOptions>): WriterResult {
  const build: Build = { ladder, diagnostics: [] };
  const freeze = context.options.xlsxFreeze;
  const t = context.labels.xlsx;
  const names = sheetNames([...ladder.tracks.map((track) => track.name), t.expectations]);
  const sheets = [...ladder.tracks.map((track, i) => trackSheet(build, track, names[i]!, freeze, t)), expectationsSheet(build, names[names.length - 1]!, freeze, t)];
  const contents = xlsxPackage({
    title: ladder.title,
    creator: `ladderc ${context.version}`,
    description: `${ladder.title}, compiled from ${ladder.source.path}`,
    sourceDateEpoch: context.sourceDateEpoch,
    sheets,
  });
  return { files: [{ path: `xlsx/${ladder.id}.xlsx`, format: 'xlsx', kind: 'workbook', ladder: ladder.id, contents }], diagnostics: build.diagnostics };
}

export const xlsxWriter: WriterEntry<XlsxOptions, 'xlsx'> = {
  ...xlsxInfo,
  ladder: writeXlsx,
};
