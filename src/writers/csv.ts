// CSV output for spreadsheets: per ladder a long table (csv/<ladder-id>.csv, one row per statement
// and per not-applicable expectation, with id columns), per track a competency × level matrix
// (csv/<ladder-id>--<track-id>.csv); per build the crosswalk (csv/crosswalk.csv, one row per level).
//
// Why CSV goes through templates at all: the columns are the part people want to change (add ids,
// drop the area), and a template of the columns is the smallest way to let them. The bytes stay the
// writer's job: every `{{x}}` passes through `csvField` (formula neutralisation, RFC 4180 quoting,
// CRLF inside fields; never HTML escaping), and the writer turns the template's line ends into
// CRLF record ends, drops blank lines that template tags leave, and adds the BOM. So no template
// can produce a live formula, a broken quote or a bare LF.
//
// Template data (plain objects, every value a string or number; `{{x}}` is one escaped CSV field):
//   ladder.hbs  (the long table)
//     ladder { id, title }
//     rows[]   { ladder, ladderId, track, trackId, levelOrdinal, levelCode, levelTitle, levelId,
//                category, area, competency, competencyId, applicable, statement }   ('' where the
//                model has none). A row per statement (applicable "yes"), and one per not-applicable
//                expectation (applicable "no", its text as the statement).
//   track.hbs   (one matrix per track)
//     ladder { id, title }, track { id, name }
//     levels[] { id, ordinal, code, title, column }   column: the title, or "Title (Code)" where
//                                                       two levels of the track share a title
//     rows[]   { category, area, competency, competencyId, cells[] }   one cell per level: its
//                statements joined by line breaks; a not-applicable expectation shows its text
//   crosswalk.hbs (csv/crosswalk.csv, one per build: the crosswalk, one row per level)
//     rows[]   { rung, ladder, track, level, basis, ladderId, trackId, levelId }   level: "Title (Code)"
// Helpers: none. Line ends in the template are record ends; write each record on one line.

import type { Diagnostic } from '../diagnostics.js';
import type { Ladder, Level, Track } from '../model.js';
import { levelLabel } from '../views/levels.js';
import { trackMatrix } from '../views/matrix.js';
import { csvField, csvLines } from './escape.js';
import { createTemplateEngine } from './template.js';
import type { OutputFile, WriterContext, WriterEntry, WriterResult } from './types.js';
import { csvInfo } from './index.js';

const BOM = '\uFEFF';

interface LongRow {
  ladder: string;
  ladderId: string;
  track: string;
  trackId: string;
  levelOrdinal: number;
  levelCode: string;
  levelTitle: string;
  levelId: string;
  category: string;
  area: string;
  competency: string;
  competencyId: string;
  /** "yes" for a statement, "no" for the row of a not-applicable expectation. */
  applicable: 'yes' | 'no';
  statement: string;
}

/** Level-major (a level's expectations together, as a review reads them); competencies in track order. */
function longRows(ladder: Ladder): LongRow[] {
  const rows: LongRow[] = [];
  for (const track of ladder.tracks) {
    for (const level of track.levels) {
      for (const competency of track.competencies) {
        const expectation = competency.expectations.find((e) => e.level === level.id);
        if (!expectation) continue;
        // A not-applicable expectation holds no statement, but it is a fact about the level: one
        // row says so (applicable "no", the source's own wording as the statement).
        const notApplicable = expectation.applicable === false;
        for (const statement of notApplicable ? [expectation.text] : expectation.statements) {
          rows.push({
            ladder: ladder.title,
            ladderId: ladder.id,
            track: track.name,
            trackId: track.id,
            levelOrdinal: level.ordinal,
            levelCode: level.code ?? '',
            levelTitle: level.title,
            levelId: level.id,
            category: competency.category ?? '',
            area: competency.area ?? '',
            competency: competency.name,
            competencyId: competency.id,
            applicable: notApplicable ? 'no' : 'yes',
            statement,
          });
        }
      }
    }
  }
  return rows;
}

/** Column headings: the level titles, with the code added where two levels share a title. */
function levelColumns(track: Track): Array<{ id: string; ordinal: number; code: string; title: string; column: string }> {
  const repeated = (level: Level) => track.levels.filter((l) => l.title === level.title).length > 1;
  return track.levels.map((level) => ({
    id: level.id,
    ordinal: level.ordinal,
    code: level.code ?? '',
    title: level.title,
    column: repeated(level) ? levelLabel(level) : level.title,
  }));
}

function trackData(ladder: Ladder, track: Track, header: readonly string[]): object {
  return {
    header,
    ladder: { id: ladder.id, title: ladder.title },
    track: { id: track.id, name: track.name },
    levels: levelColumns(track),
    rows: trackMatrix(track).groups.flatMap((group) =>
      group.rows.map((row) => ({
        category: row.competency.category ?? '',
        area: row.competency.area ?? '',
        competency: row.competency.name,
        competencyId: row.competency.id,
        cells: row.cells.map((cell) => {
          const e = cell.expectation;
          if (!e) return '';
          return e.applicable === false ? e.text : e.statements.join('\n');
        }),
      })),
    ),
  };
}

export interface CsvOptions {
  /** A UTF-8 byte order mark at the start of every file (Excel needs it to read UTF-8). */
  csvBom: boolean;
}

export function writeCsv(ladder: Ladder, context: WriterContext<CsvOptions>): WriterResult {
  const engine = createTemplateEngine(context.templates, { escape: csvField });
  const bom = context.options.csvBom ? BOM : '';
  const files: OutputFile[] = [];
  {
    files.push({
      path: `csv/${ladder.id}.csv`,
      format: 'csv',
      kind: 'expectations',
      ladder: ladder.id,
      contents: bom + csvLines(engine.render('ladder.hbs', { header: context.labels.csv.long, ladder: { id: ladder.id, title: ladder.title }, rows: longRows(ladder) })),
    });
    for (const track of ladder.tracks) {
      files.push({
        path: `csv/${ladder.id}--${track.id}.csv`,
        format: 'csv',
        kind: 'matrix',
        ladder: ladder.id,
        track: track.id,
        contents: bom + csvLines(engine.render('track.hbs', trackData(ladder, track, context.labels.csv.track))),
      });
    }
  }
  const diagnostics: Diagnostic[] = [];
  return { files, diagnostics };
}

/** csv/crosswalk.csv: every level of the build with its rung, rung by rung. */
export function writeCrosswalkCsv(_ladders: readonly Ladder[], context: WriterContext<CsvOptions>): WriterResult {
  const engine = createTemplateEngine(context.templates, { escape: csvField });
  const names = new Map(context.crosswalk.tracks.map((t) => [`${t.ladder}\0${t.track}`, t]));
  const rows = context.crosswalk.rungs.flatMap((r) =>
    r.levels.map((p) => {
      const t = names.get(`${p.ladder}\0${p.track}`);
      return { rung: r.rung, ladder: t?.ladderTitle ?? p.ladder, track: t?.trackName ?? p.track, level: t?.levels[p.level] ?? p.level, basis: p.basis, ladderId: p.ladder, trackId: p.track, levelId: p.level };
    }),
  );
  const bom = context.options.csvBom ? BOM : '';
  return { files: [{ path: 'csv/crosswalk.csv', format: 'csv', kind: 'crosswalk', contents: bom + csvLines(engine.render('crosswalk.hbs', { header: context.labels.csv.crosswalk, rows })) }], diagnostics: [] };
}

export const csvWriter: WriterEntry<CsvOptions, 'csv'> = {
  ...csvInfo,
  ladder: writeCsv,
  shared: writeCrosswalkCsv,
};
