// PDF output: per track a PDF (cover, matrix, level profiles) and per level a fillable review form.
// Pure: fonts arrive as assets, bytes leave as files; dates come from context.sourceDateEpoch.

import { en } from '../../locale/en.js';
import { catalogue, DEFAULT_LOCALE, type Catalogue } from '../../locale/index.js';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import type { Ladder } from '../../model.js';
import { statementCount } from '../../views/levels.js';
import type { OutputFile, WriterContext, WriterEntry, WriterResult } from '../types.js';
import { PAPERS, type Paper } from './theme.js';
import type { ReviewFormOptions } from './review-form.js';
import { describeCharacter, FACE_ASSETS, parseFace, REPLACEMENT, type Face, type FontkitFont } from './fonts.js';
import { logoProblem, renderReviewForm } from './review-form.js';
import { renderLevelProfile, renderTrack, type DocSettings, type Rendered } from './track.js';

function loadFaces(assets: WriterContext['assets']): Record<Face, FontkitFont> {
  const face = (key: string): FontkitFont => {
    const bytes = assets[key];
    if (!bytes) throw new Error(`the PDF writer's font asset "${key}" was not loaded`);
    return parseFace(bytes);
  };
  return { regular: face(FACE_ASSETS.regular), bold: face(FACE_ASSETS.bold) };
}

/** One warning per ladder whose PDFs had characters replaced, naming the characters and the files. */
function missingGlyphs(ladder: Ladder, paths: readonly string[], missing: ReadonlySet<string>): Diagnostic[] {
  if (missing.size === 0) return [];
  const where = paths.length === 1 ? paths[0]! : `${paths.length} PDFs (${paths[0]} …)`;
  return [
    diagnostic(
      'warning',
      'pdf-missing-glyph',
      `${where}: the PDF font has no glyph for ${[...missing].map(describeCharacter).join(', ')}; shown as ${REPLACEMENT}`,
      ladder.source.path,
      undefined,
      'use characters the DejaVu fonts cover (emoji are not), or accept the replacement in the PDF',
    ),
  ];
}

export interface PdfOptions {
  paper: Paper;
  /** A standalone profile PDF per level (pdf/level/…), besides the one in the track book. */
  profiles: boolean;
  review: ReviewFormOptions;
}

/** The review forms' labels by default: the English catalogue's (the build's locale replaces them; see localisedReview). */
const LABEL_DEFAULTS: ReviewFormOptions['labels'] = { ...en.pdf.form };

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The review options in the build's locale: a label or list the config left at its (English)
 * default takes the locale's words; what the config sets is kept as written.
 */
function localisedReview(review: ReviewFormOptions, t: Catalogue): ReviewFormOptions {
  const english = catalogue(DEFAULT_LOCALE).pdf;
  const labels = { ...review.labels };
  for (const key of Object.keys(labels) as Array<keyof typeof labels>) if (labels[key] === english.form[key]) labels[key] = t.pdf.form[key];
  return {
    ...review,
    labels,
    ratings: same(review.ratings, english.ratings) ? [...t.pdf.ratings] : review.ratings,
    promotion: same(review.promotion, english.promotionChoices) ? [...t.pdf.promotionChoices] : review.promotion,
    signoff: same(review.signoff, english.signoff) ? [...t.pdf.signoff] : review.signoff,
  };
}

/** The asset key of the review forms' logo (the file named by review.logo in the config). */
export const LOGO_ASSET = 'review.logo';

export async function writePdf(ladder: Ladder, context: WriterContext<PdfOptions>): Promise<WriterResult> {
  const faces = loadFaces(context.assets);
  const settings: DocSettings = {
    creator: `ladderc ${context.version}`,
    sourceDateEpoch: context.sourceDateEpoch,
    paper: context.options.paper,
    lang: context.labels.lang,
    labels: context.labels,
  };
  const review = localisedReview(context.options.review, context.labels);
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let logo = context.assets[LOGO_ASSET];
  const problem = logo ? logoProblem(logo) : undefined;
  if (problem !== undefined) {
    const file = context.options.review.logo ?? 'ladderc';
    diagnostics.push(diagnostic('warning', 'pdf-logo', `the review forms' logo cannot be used (${problem}); the forms have none`, file, undefined, 'use a PNG or JPEG file'));
    logo = undefined;
  }
  const missing = new Set<string>();
  const affected: string[] = [];
  const add = (track: string, path: string, kind: string, level: string | undefined, r: Rendered): void => {
    files.push({ path, format: 'pdf', kind, ladder: ladder.id, track, ...(level !== undefined ? { level } : {}), contents: r.bytes });
    if (r.missing.length) affected.push(path);
    for (const c of r.missing) missing.add(c);
  };
  for (const track of ladder.tracks) {
    const base = `${ladder.id}--${track.id}`;
    add(track.id, `pdf/${base}.pdf`, 'book', undefined, await renderTrack(ladder, track, faces, settings, context.crosswalk));
    // A track without competencies has no profiles in its book either.
    if (context.options.profiles && track.competencies.length > 0) {
      for (const level of track.levels) add(track.id, `pdf/level/${base}--${level.id}.pdf`, 'profile', level.id, await renderLevelProfile(ladder, track, level, faces, settings));
    }
    for (const level of track.levels) {
      if (statementCount(track, level.id) === 0) continue;
      const form = await renderReviewForm(ladder, track, level, faces, settings, review, logo);
      add(track.id, `pdf/review/${base}--${level.id}.pdf`, 'review-form', level.id, form);
    }
  }
  for (const d of missingGlyphs(ladder, affected, missing)) diagnostics.push(d);
  return { files, diagnostics };
}

export const pdfWriter: WriterEntry<PdfOptions, 'pdf'> = {
  id: 'pdf',
  label: 'print: a book per track (cover, matrix, level profiles), a profile and a fillable review form per level',
  ladder: writePdf,
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
