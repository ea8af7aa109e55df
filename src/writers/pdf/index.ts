// PDF output: per track a PDF (cover, matrix, level profiles) and per level a fillable review form.
// Pure: fonts arrive as assets, bytes leave as files; dates come from context.sourceDateEpoch.

import { en } from '../../locale/en.js';
import { catalogue, DEFAULT_LOCALE, type Catalogue } from '../../locale/index.js';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import type { Ladder } from '../../model.js';
import { statementCount } from '../../views/levels.js';
import type { OutputFile, WriterContext, WriterEntry, WriterResult } from '../types.js';
import { pdfInfo } from '../index.js';
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
  ...pdfInfo,
  ladder: writePdf,
};
