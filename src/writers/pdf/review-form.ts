// A fillable review form for one level: who/when fields, then per competency its statements with a
// tick box (drawn, so it prints; a checkbox field, so it fills on screen), a rating and comments,
// and a summary at the end. Expectations marked not applicable are left out.

import PDFDocument from 'pdfkit';
import type { Competency, Ladder, Level, Track } from '../../model.js';
import { applicableStatements, trackMatrix } from '../../views/matrix.js';
import { slugify } from '../../text/slug.js';
import { PdfDoc } from './document.js';
import type { Face, FontkitFont } from './fonts.js';
import { FormFields } from './form-fields.js';
import { STYLES, ensure, flow, heading, levelName, lines, paragraph, paragraphsOf, rule, run } from './layout.js';
import { heightOf, type Line } from './text.js';
import { COLORS } from './theme.js';
import type { DocSettings, Rendered } from './track.js';

const BOX = 10;
const TEXT_INDENT = 20;
const FIELD_HEIGHT = 22;
const COMMENT_HEIGHT = 46;
const SUMMARY_HEIGHT = 130;
const LABEL_GAP = 3;

interface Item {
  competency: Competency;
  statements: string[];
  /** Rated and commented on (competencies); baseline items only get their tick boxes. */
  assessed: boolean;
}

/** A field's label above a drawn box (prints) and the field itself inside it (fills on screen). */
function boxedField(pdf: PdfDoc, fields: FormFields, parent: PDFKit.PDFStructureElement, name: string, label: string, x: number, y: number, w: number, h: number, multiline: boolean): number {
  const ls = lines(pdf, [run(label, STYLES.smallBold)], { width: w });
  pdf.tagged(parent, 'P', ls, x, y);
  const top = y + heightOf(ls) + LABEL_GAP;
  pdf.artifact(() => {
    pdf.doc.save().rect(x, top, w, h).lineWidth(0.7).fillAndStroke(COLORS.band, COLORS.rule).restore();
    pdf.resetStyle();
  });
  fields.text(parent, name, label, x + 1, top + 1, w - 2, h - 2, multiline);
  return top + h;
}

function ratingValues(ratings: readonly string[]): Array<{ value: string; label: string }> {
  const used = new Set<string>(['Off']);
  return ratings.map((label, i) => {
    let value = slugify(label, `option-${i + 1}`);
    while (used.has(value)) value = `${value}-${i + 1}`;
    used.add(value);
    return { value, label };
  });
}

/**
 * Whether pdfkit can embed the logo, tried in a scratch document: a failure halfway through
 * embedding would leave the real document with objects that never end (and never finish).
 */
/** The review forms' options (the PDF writer's `review.*`). */
export interface ReviewFormOptions {
  ratings: string[];
  labels: {
    person: string;
    reviewer: string;
    date: string;
    period: string;
    comment: string;
    summary: string;
  };
  /** Display path of a PNG or JPEG logo; its bytes arrive as the asset "review.logo". */
  logo?: string;
}

export function logoProblem(logo: Uint8Array): string | undefined {
  try {
    const scratch = new PDFDocument({ autoFirstPage: true });
    scratch.image(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength), 0, 0, { fit: [120, 40] });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function renderReviewForm(
  ladder: Ladder,
  track: Track,
  level: Level,
  faces: Readonly<Record<Face, FontkitFont>>,
  settings: DocSettings,
  review: ReviewFormOptions,
  logo: Uint8Array | undefined,
): Promise<Rendered> {
  const label = levelName(level);
  // A one-track ladder usually names its track after itself: say it once.
  const trackIsLadder = track.name.trim().toLowerCase() === ladder.title.trim().toLowerCase();
  const pdf = new PdfDoc(
    {
      ...settings,
      title: `Review form: ${track.name}, ${label}`,
      subject: `${ladder.title}: review form for ${label} (${track.name})`,
      keywords: ['review form', ladder.title, track.name, label].join(', '),
      // The level first: a long ladder title is what gets shortened, never the level's name.
      footer: [label, ...(trackIsLadder ? [] : [track.name]), ladder.title].join('  ·  '),
    },
    faces,
  );
  const fields = new FormFields(pdf);
  const labels = review.labels;
  const ratings = ratingValues(review.ratings);
  const sect = pdf.struct(pdf.root, 'Part', { title: label });
  pdf.addPage('portrait');
  const outline = pdf.outline(null, `${label}: review`, pdf.y, true);
  pdf.runningHead = `${track.name}  ·  ${label} (continued)`;
  const { left, width, right } = pdf.box;

  let headerWidth = width;
  if (logo) {
    const w = 120;
    const h = 40;
    const figure = pdf.struct(sect, 'Figure', { alt: 'Logo' });
    pdf.content(figure, 'Figure', () => {
      pdf.doc.image(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength), right - w, pdf.y, { fit: [w, h], align: 'right' });
    });
    headerWidth = width - w - 12;
  }
  paragraph(pdf, sect, [run(ladder.title, STYLES.eyebrow)], { width: headerWidth });
  pdf.y += 3;
  heading(pdf, sect, 'H1', label, { ...STYLES.h1, size: 20 }, { gapBefore: 0, gapAfter: 2 });
  if (!trackIsLadder) paragraph(pdf, sect, [run(track.name, STYLES.lead)], { width: headerWidth });
  if (level.summary) paragraph(pdf, sect, [run(level.summary, STYLES.small)], { gapBefore: 3 });
  pdf.y = Math.max(pdf.y, pdf.box.top + 44) + 10;
  rule(pdf, pdf.y, COLORS.accent, left, width, 1.2);
  pdf.y += 10;

  // Who and when: two columns, two rows.
  const who = pdf.struct(sect, 'Sect');
  const colW = (width - 18) / 2;
  const pairs: Array<[string, string]> = [
    ['person', labels.person],
    ['reviewer', labels.reviewer],
    ['date', labels.date],
    ['period', labels.period],
  ];
  for (let i = 0; i < pairs.length; i += 2) {
    const y = pdf.y;
    let bottom = y;
    pairs.slice(i, i + 2).forEach(([name, text], j) => {
      bottom = Math.max(bottom, boxedField(pdf, fields, who, name, text, left + j * (colW + 18), y, colW, FIELD_HEIGHT, false));
    });
    pdf.y = bottom + 10;
  }

  // What the track expects at every level is part of the review too: ticked, not rated.
  const baseline = (track.baseline ?? []).filter((b) => b.statements.length > 0);
  if (baseline.length > 0) {
    const baseSect = pdf.struct(sect, 'Sect');
    heading(pdf, baseSect, 'H2', 'Expected at every level', { ...STYLES.h2, size: 13 }, { gapBefore: 14, gapAfter: 2, keep: 60 });
    const baseOutline = pdf.outline(outline, 'Expected at every level', pdf.y - 18);
    baseline.forEach((b, i) => {
      const competency: Competency = { id: `baseline-${i + 1}-${slugify(b.competency)}`, name: b.competency, expectations: [] };
      const item: Item = { competency, statements: b.statements, assessed: false };
      drawCompetency(pdf, fields, baseSect, baseOutline, item, measureCompetency(pdf, item, labels.comment), ratings, labels.comment);
    });
  }

  const matrix = trackMatrix(track);
  for (const group of matrix.groups) {
    const items: Item[] = group.rows
      .map((row) => ({ competency: row.competency, statements: applicableStatements(row.cells.find((c) => c.level.id === level.id)?.expectation), assessed: true }))
      .filter((item) => item.statements.length > 0);
    if (items.length === 0) continue;
    const measured = items.map((item) => measureCompetency(pdf, item, labels.comment));
    let groupSect = sect;
    let groupOutline = outline;
    if (group.category !== undefined) {
      groupSect = pdf.struct(sect, 'Sect');
      // The heading moves on with its first competency (as much of it as drawCompetency keeps together).
      heading(pdf, groupSect, 'H2', group.category, { ...STYLES.h2, size: 13 }, { gapBefore: 14, gapAfter: 2, keep: measured[0]!.need });
      groupOutline = pdf.outline(outline, group.category, pdf.y - 18);
    }
    items.forEach((item, i) => drawCompetency(pdf, fields, groupSect, groupOutline, item, measured[i]!, ratings, labels.comment));
  }

  // Summary: heading, box and field stay together.
  const summary = pdf.struct(sect, 'Sect');
  ensure(pdf, 24 + 14 + SUMMARY_HEIGHT);
  pdf.y += 14;
  pdf.outline(outline, labels.summary, pdf.y);
  rule(pdf, pdf.y - 6);
  pdf.y = boxedField(pdf, fields, summary, 'summary', labels.summary, left, pdf.y, width, SUMMARY_HEIGHT, true);

  const pages = pdf.doc.bufferedPageRange().count;
  const bytes = await pdf.finish();
  return { bytes, missing: pdf.coverage.missing, pages };
}

const RATING_HEIGHT = 8 + BOX + 4;

type Measured = ReturnType<typeof measureCompetency>;

/** A competency's lines, and the height it needs where it starts (all of it when it fits a page). */
function measureCompetency(pdf: PdfDoc, item: Item, commentLabel: string) {
  const c = item.competency;
  const name = lines(pdf, [run(c.name, STYLES.h3)]);
  const area = c.area && c.area.toLowerCase() !== c.name.toLowerCase() ? c.area : undefined;
  const sub = [area, ...(c.description ? paragraphsOf(c.description) : [])].filter((s): s is string => !!s);
  const subLines = sub.length > 0 ? lines(pdf, [run(sub.join('  ·  '), STYLES.small)], { gapBefore: 1 }) : [];
  const statements: Line[][] = item.statements.map((s) => lines(pdf, [run(s, STYLES.body)], { indent: TEXT_INDENT, gapBefore: 4 }));
  const commentLabelLines = lines(pdf, [run(commentLabel, STYLES.smallBold)]);
  const commentHeight = 6 + heightOf(commentLabelLines) + LABEL_GAP + COMMENT_HEIGHT;
  const head = 14 + heightOf(name) + heightOf(subLines);
  const total = head + statements.reduce((h, s) => h + heightOf(s), 0) + (item.assessed ? RATING_HEIGHT + commentHeight : 0);
  const need = total <= pdf.box.height ? total : head + (statements[0] ? heightOf(statements[0]) + 4 : 0);
  return { name, subLines, statements, commentLabelLines, commentHeight, need };
}

function drawCompetency(
  pdf: PdfDoc,
  fields: FormFields,
  parent: PDFKit.PDFStructureElement,
  outline: PDFKit.PDFOutline,
  item: Item,
  measured: Measured,
  ratings: ReadonlyArray<{ value: string; label: string }>,
  commentLabel: string,
): void {
  const { left, width } = pdf.box;
  const c = item.competency;
  const id = c.id;
  const { name, subLines, statements, commentLabelLines, commentHeight, need } = measured;
  // A competency stays on one page when it fits on one; otherwise it starts where its heading and
  // first statement fit, and breaks between statements.
  ensure(pdf, need);
  if (!pdf.atPageTop()) pdf.y += 14;
  const sect = pdf.struct(parent, 'Sect');
  pdf.outline(outline, c.name, pdf.y);
  flow(pdf, sect, 'H3', name);
  if (subLines.length > 0) flow(pdf, sect, 'P', subLines);
  const list = pdf.struct(sect, 'L');
  statements.forEach((ls, i) => {
    ensure(pdf, heightOf(ls) + 4);
    const li = pdf.struct(list, 'LI');
    pdf.y += 4;
    const top = pdf.y;
    pdf.artifact(() => {
      pdf.doc.save().rect(left + 0.5, top + 1, BOX, BOX).lineWidth(0.8).strokeColor(COLORS.muted).stroke().restore();
      pdf.resetStyle();
    });
    fields.checkbox(li, `${id}__statement-${i + 1}`, `${c.name}: ${item.statements[i] ?? ''}`, left + 0.5, top + 1, BOX);
    flow(pdf, li, 'LBody', ls.map((l, j) => (j === 0 ? { ...l, gapBefore: 0 } : l)));
  });

  // Rating: one radio button per option, each with a drawn circle so a printed form can be marked.
  if (!item.assessed) return;
  ensure(pdf, RATING_HEIGHT + commentHeight);
  if (ratings.length > 0) drawRating(pdf, fields, sect, `${id}__rating`, `${c.name}: rating`, ratings);
  pdf.y += 6;
  pdf.y = boxedField(pdf, fields, sect, `${id}__comment`, commentLabel, left, pdf.y, width, COMMENT_HEIGHT, true);
}

function drawRating(pdf: PdfDoc, fields: FormFields, sect: PDFKit.PDFStructureElement, name: string, tooltip: string, ratings: ReadonlyArray<{ value: string; label: string }>): void {
  const { left, width } = pdf.box;
  pdf.y += 8;
  let y = pdf.y;
  const ratingLabel = lines(pdf, [run('Rating', STYLES.smallBold)]);
  pdf.tagged(sect, 'P', ratingLabel, left, y);
  const start = left + Math.max(60, ratingLabel[0]?.width ?? 0) + 10;
  let x = start;
  let rowHeight = BOX;
  const options: Array<{ value: string; label: string; x: number; y: number }> = [];
  const optionStyle = STYLES.body;
  const labelsRow = pdf.struct(sect, 'P');
  for (const r of ratings) {
    const text = pdf.coverage.clean(r.label);
    const w = pdf.measurer.width(optionStyle, text);
    if (x > start && x + BOX + 5 + w > left + width) {
      // More options than fit on one line: continue below, aligned with the first.
      x = start;
      y += rowHeight + 8;
      rowHeight = BOX;
    }
    const cx = x;
    const cy = y;
    pdf.artifact(() => {
      pdf.doc.save().circle(cx + BOX / 2, cy + BOX / 2 + 0.5, BOX / 2).lineWidth(0.8).strokeColor(COLORS.muted).stroke().restore();
      pdf.resetStyle();
    });
    options.push({ value: r.value, label: r.label, x: cx, y: cy + 0.5 });
    // A label longer than the line wraps beside its button rather than running off the page.
    const ls = lines(pdf, [run(text, optionStyle)], { width: Math.min(w + 1, left + width - cx - BOX - 5) });
    pdf.content(labelsRow, 'P', () => pdf.drawLines(ls, cx + BOX + 5, cy));
    rowHeight = Math.max(rowHeight, heightOf(ls));
    x += BOX + 5 + Math.max(...ls.map((l) => l.width)) + 22;
  }
  fields.radioGroup(sect, name, tooltip, options, BOX);
  pdf.y = y + rowHeight + 4;
}
