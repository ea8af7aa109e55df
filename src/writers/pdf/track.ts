// A track's PDFs: the book (cover with level overview, landscape matrix, portrait profile per
// level, and the crosswalk page: where the track's levels sit among every track of the build) and
// each level's profile on its own.

import { fillIn } from '../../locale/index.js';
import type { Crosswalk, Ladder, Track } from '../../model.js';
import { levelLabel } from '../../views/levels.js';
import { levelName } from './layout.js';
import { drawCover } from './cover.js';
import { drawCrosswalk } from './crosswalk.js';
import { PdfDoc, type DocumentMeta } from './document.js';
import type { Face, FontkitFont } from './fonts.js';
import { drawMatrix } from './matrix.js';
import { drawProfile } from './profile.js';

export interface Rendered {
  bytes: Uint8Array;
  /** Characters the faces lack, replaced in the output. */
  missing: string[];
  pages: number;
}

export type DocSettings = Pick<DocumentMeta, 'creator' | 'sourceDateEpoch' | 'paper' | 'lang' | 'labels'>;

export async function renderTrack(ladder: Ladder, track: Track, faces: Readonly<Record<Face, FontkitFont>>, settings: DocSettings, crosswalk?: Crosswalk): Promise<Rendered> {
  const pdf = new PdfDoc(
    {
      ...settings,
      title: `${ladder.title}: ${track.name}`,
      subject: fillIn(settings.labels.pdf.bookSubject, { track: track.name }),
      keywords: [settings.labels.pdf.keywordLadder, ladder.title, track.name, ...track.levels.map(levelLabel)].join(', '),
      footer: ladder.title,
    },
    faces,
  );
  const hasCompetencies = track.competencies.length > 0;
  const sect = pdf.struct(pdf.root, 'Part', { title: track.name });
  pdf.addPage('portrait');
  pdf.runningHead = fillIn(pdf.t.pdf.continued, { what: track.name });
  const outline = pdf.outline(null, track.name, pdf.y, true);
  const profilePages = new Map<string, number>();
  drawCover(pdf, sect, ladder, track, outline, hasCompetencies ? profilePages : undefined, settings.creator);
  if (hasCompetencies) {
    drawMatrix(pdf, sect, track, outline);
    for (const level of track.levels) profilePages.set(level.id, drawProfile(pdf, sect, ladder, track, level, outline));
  }
  if (crosswalk) drawCrosswalk(pdf, sect, crosswalk, ladder, track, outline);
  const pages = pdf.doc.bufferedPageRange().count;
  const bytes = await pdf.finish();
  return { bytes, missing: pdf.coverage.missing, pages };
}

/** One level's profile as its own PDF (what a person at that level, or aiming for it, reads). */
export async function renderLevelProfile(ladder: Ladder, track: Track, level: Track['levels'][number], faces: Readonly<Record<Face, FontkitFont>>, settings: DocSettings): Promise<Rendered> {
  const label = levelName(level, settings.labels);
  const trackIsLadder = track.name.trim().toLowerCase() === ladder.title.trim().toLowerCase();
  const pdf = new PdfDoc(
    {
      ...settings,
      title: `${track.name}: ${label}`,
      subject: fillIn(settings.labels.pdf.profileSubject, { ladder: ladder.title, level: label, track: track.name }),
      keywords: [settings.labels.pdf.keywordLadder, settings.labels.pdf.keywordProfile, ladder.title, track.name, levelLabel(level)].join(', '),
      footer: [label, ...(trackIsLadder ? [] : [track.name]), ladder.title].join('  ·  '),
    },
    faces,
  );
  const sect = pdf.struct(pdf.root, 'Part', { title: label });
  drawProfile(pdf, sect, ladder, track, level, null, true);
  const pages = pdf.doc.bufferedPageRange().count;
  const bytes = await pdf.finish();
  return { bytes, missing: pdf.coverage.missing, pages };
}
