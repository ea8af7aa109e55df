// PDF output: per track a PDF (cover, matrix, level profiles) and per level a fillable review form.
// Pure: fonts arrive as assets, bytes leave as files; dates come from context.sourceDateEpoch.

import { appendAll, diagnostic, type Diagnostic } from '../../diagnostics.js';
import type { Ladder } from '../../model.js';
import { statementCount } from '../../views/levels.js';
import type { OutputFile, WriterContext, WriterEntry, WriterResult } from '../types.js';
import { describeCharacter, FACE_ASSETS, parseFace, REPLACEMENT, type Face, type FontkitFont } from './fonts.js';
import { logoProblem, renderReviewForm } from './review-form.js';
import { renderTrack, type DocSettings, type Rendered } from './track.js';

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

export async function writePdf(ladders: readonly Ladder[], context: WriterContext): Promise<WriterResult> {
  const faces = loadFaces(context.assets);
  const settings: DocSettings = {
    creator: `ladderc ${context.version}`,
    sourceDateEpoch: context.sourceDateEpoch,
    paper: context.options.paper,
    lang: 'en',
  };
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let logo = context.assets.logo;
  const problem = logo ? logoProblem(logo) : undefined;
  if (problem !== undefined) {
    const file = context.options.review.logo ?? 'ladderc';
    diagnostics.push(diagnostic('warning', 'pdf-logo', `the review forms' logo cannot be used (${problem}); the forms have none`, file, undefined, 'use a PNG or JPEG file'));
    logo = undefined;
  }
  let missing = new Set<string>();
  let affected: string[] = [];
  const add = (ladder: Ladder, track: string, path: string, r: Rendered): void => {
    files.push({ path, format: 'pdf', ladder: ladder.id, track, contents: r.bytes });
    if (r.missing.length) affected.push(path);
    for (const c of r.missing) missing.add(c);
  };
  for (const ladder of ladders) {
    missing = new Set();
    affected = [];
    for (const track of ladder.tracks) {
      const base = `${ladder.id}--${track.id}`;
      add(ladder, track.id, `pdf/${base}.pdf`, await renderTrack(ladder, track, faces, settings));
      for (const level of track.levels) {
        if (statementCount(track, level.id) === 0) continue;
        const form = await renderReviewForm(ladder, track, level, faces, settings, context.options.review, logo);
        add(ladder, track.id, `pdf/review/${base}--${level.id}.pdf`, form);
      }
    }
    appendAll(diagnostics, missingGlyphs(ladder, affected, missing));
  }
  return { files, diagnostics };
}

export const pdfWriter: WriterEntry = {
  format: 'pdf',
  write: writePdf,
  assets: {
    [FACE_ASSETS.regular]: `dejavu-fonts-ttf/ttf/${FACE_ASSETS.regular}`,
    [FACE_ASSETS.bold]: `dejavu-fonts-ttf/ttf/${FACE_ASSETS.bold}`,
  },
};
