// The writer registry: every output format, with its metadata and a loader for its writer. Everything
// else that lists output formats or their options (OUTPUT_FORMATS, the OutputFormat type, `--format`,
// the writers' flags and `--help`, config validation, the manifest, the render cache key) is derived
// from here, and tests/unit/registry.test.ts fails on any mismatch.
//
// The metadata (ids, labels, option specs, flags like `linksOutputs`, templates, assets) is here, so
// that the CLI's help, config validation and planning import no writer. Each writer's code (and
// pdfkit, handlebars…) is imported by `load()`, only when a build renders that format.
//
// Adding a writer = one writer file (its entry spreads its info from here) + one entry below.

import { en } from '../locale/en.js';
import type { CsvOptions } from './csv.js';
import type { HtmlOptions } from './html.js';
import type { PdfOptions } from './pdf/index.js';
import { FACE_ASSETS, PAPERS } from './pdf/theme.js';
import type { RegisteredWriter, WriterEntry, WriterInfo } from './types.js';
import type { XlsxOptions } from './xlsx/index.js';

/** html.downloads: link the other formats' files, carry copies of them under html/downloads/, or neither. */
export const DOWNLOAD_MODES = ['link', 'copy', 'none'] as const;

export const jsonInfo: WriterInfo<Record<string, never>, 'json'> = {
  id: 'json',
  label: 'the model as JSON, one file per ladder, and the crosswalk of every level',
  // crosswalk.json is the crosswalk alone.
  sharedUsesLadders: false,
  options: [],
};

export const markdownInfo: WriterInfo<Record<string, never>, 'md'> = {
  id: 'md',
  label: 'canonical Markdown, one file per ladder (ladderc reads it back)',
  templateFolder: 'markdown',
  sharedUsesLadders: false,
  options: [],
};

export const htmlInfo: WriterInfo<HtmlOptions, 'html'> = {
  id: 'html',
  label: 'a static site: an index, a page per track and per level',
  // The Downloads lists link the PDFs, CSVs, workbooks… of the same build.
  linksOutputs: true,
  options: [
    { key: 'positions', config: 'html.positions', kind: { type: 'boolean' }, default: false, flag: '--html-positions', help: 'source line and column under each level and competency on HTML pages' },
    {
      key: 'downloads',
      config: 'html.downloads',
      kind: { type: 'enum', values: DOWNLOAD_MODES },
      default: 'link',
      flag: '--html-downloads',
      help: "the pages' Downloads lists: link (to out/pdf/… beside html/), copy (html/downloads/ carries the files, so html/ can be published alone) or none",
    },
  ],
};

export const csvInfo: WriterInfo<CsvOptions, 'csv'> = {
  id: 'csv',
  label: 'spreadsheets: one long CSV per ladder, a matrix CSV per track, and the crosswalk',
  sharedUsesLadders: false,
  options: [{ key: 'csvBom', config: 'csv.bom', kind: { type: 'boolean' }, default: true, flag: '--csv-bom', help: 'UTF-8 byte order mark in CSV files' }],
};

/** The review forms' labels by default: the English catalogue's (the build's locale replaces them). */
const LABEL_DEFAULTS: PdfOptions['review']['labels'] = { ...en.pdf.form };

export const pdfInfo: WriterInfo<PdfOptions, 'pdf'> = {
  id: 'pdf',
  label: 'print: a book per track (cover, matrix, level profiles), a profile and a fillable review form per level',
  // Each track's PDF ends with its crosswalk page.
  ladderUsesCrosswalk: true,
  options: [
    { key: 'paper', config: 'pdf.paper', kind: { type: 'enum', values: PAPERS }, default: 'a4', flag: '--paper', help: 'PDF paper size' },
    { key: 'profiles', config: 'pdf.profiles', kind: { type: 'boolean' }, default: true, help: 'a standalone profile PDF per level (pdf/level/…), besides the track book' },
    { key: 'review.ratings', config: 'review.ratings', kind: { type: 'strings', min: 2 }, default: [...en.pdf.ratings], help: "the review forms' rating scale" },
    { key: 'review.selfAssessment', config: 'review.selfAssessment', kind: { type: 'boolean' }, default: true, help: "a self-assessment rating beside the manager's rating of each competency" },
    { key: 'review.evidence', config: 'review.evidence', kind: { type: 'boolean' }, default: true, help: 'an evidence field beside the comments of each competency' },
    { key: 'review.overall', config: 'review.overall', kind: { type: 'boolean' }, default: true, help: 'an overall rating at the end of each review form' },
    {
      key: 'review.promotion',
      config: 'review.promotion',
      kind: { type: 'strings', min: 0 },
      default: [...en.pdf.promotionChoices],
      help: 'the promotion recommendation\'s options ([] leaves it out)',
    },
    { key: 'review.signoff', config: 'review.signoff', kind: { type: 'strings', min: 0 }, default: [...en.pdf.signoff], help: 'who signs each review form: a name, a date and a signature line each ([] leaves it out)' },
    { key: 'review.labels', config: 'review.labels', kind: { type: 'labels', keys: Object.keys(LABEL_DEFAULTS) }, default: LABEL_DEFAULTS, help: "the review forms' field labels" },
    { key: 'review.logo', config: 'review.logo', kind: { type: 'file', what: 'logo image' }, default: undefined, help: 'a PNG or JPEG logo on the review forms' },
  ],
  assets: {
    [FACE_ASSETS.regular]: `dejavu-fonts-ttf/ttf/${FACE_ASSETS.regular}`,
    [FACE_ASSETS.bold]: `dejavu-fonts-ttf/ttf/${FACE_ASSETS.bold}`,
  },
};

export const xlsxInfo: WriterInfo<XlsxOptions, 'xlsx'> = {
  id: 'xlsx',
  label: 'spreadsheet workbooks: per ladder a matrix sheet per track and a sheet of every expectation',
  options: [
    { key: 'xlsxFreeze', config: 'xlsx.freeze', kind: { type: 'boolean' }, default: true, flag: '--xlsx-freeze', help: 'freeze the header row and the competency column in workbooks' },
  ],
};

const registered = <O, Id extends string>(info: WriterInfo<O, Id>, load: () => Promise<WriterEntry<O, Id>>): RegisteredWriter<O, Id> => ({ ...info, load });

export const WRITERS = [
  registered(jsonInfo, async () => (await import('./json.js')).jsonWriter),
  registered(markdownInfo, async () => (await import('./markdown.js')).markdownWriter),
  registered(htmlInfo, async () => (await import('./html.js')).htmlWriter),
  registered(csvInfo, async () => (await import('./csv.js')).csvWriter),
  registered(pdfInfo, async () => (await import('./pdf/index.js')).pdfWriter),
  registered(xlsxInfo, async () => (await import('./xlsx/index.js')).xlsxWriter),
] as const;

/** An output format: the id of a writer. */
export type OutputFormat = (typeof WRITERS)[number]['id'];

export const OUTPUT_FORMATS: readonly OutputFormat[] = WRITERS.map((w) => w.id);

/** Each writer's options type, by format. */
export type WriterOptionsMap = {
  [F in OutputFormat]: Extract<(typeof WRITERS)[number], { id: F }> extends RegisteredWriter<infer O, F> ? O : never;
};

/** A format's metadata (no writer code is loaded). */
export function writerFor(format: string): RegisteredWriter<any> | undefined {
  return WRITERS.find((w) => w.id === format) as RegisteredWriter<any> | undefined;
}

/** A format's writer, its code imported now (undefined for an unknown format). */
export async function loadWriter(format: string): Promise<WriterEntry<any> | undefined> {
  return writerFor(format)?.load();
}

/** Where a format's templates live: templates/<folder>/ (e.g. "markdown" for md). */
export function templateFolder(format: OutputFormat): string {
  return writerFor(format)?.templateFolder ?? format;
}
