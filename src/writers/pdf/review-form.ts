// A fillable review form for one level: who/when fields, then per competency its statements with a
// tick box (drawn, so it prints; a checkbox field, so it fills on screen), the person's
// self-assessment beside the manager's rating, evidence and comments; at the end an overall rating,
// a promotion recommendation, a summary and sign-off lines. What appears is set by the `review`
// options. Expectations marked not applicable are left out.

import { fillIn } from '../../locale/index.js';
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
const SUMMARY_HEIGHT = 110;
const LABEL_GAP = 3;
const COLUMN_GAP = 18;
/** Space between a radio button's circle and its label, and after the label. */
const OPTION_GAP = 5;
const OPTION_SPACING = 22;

type Choice = { value: string; label: string };

interface Item {
  competency: Competency;
  statements: string[];
  /** Rated and commented on (competencies); baseline items only get their tick boxes. */
  assessed: boolean;
}

/**
 * A field's label above a drawn box (prints) and the field itself inside it (fills on screen).
 * `tooltip` is the field's accessible name: it says whose field it is where the label alone does
 * not ("Testing: Comments", not a 27th "Comments").
 */
function boxedField(pdf: PdfDoc, fields: FormFields, parent: PDFKit.PDFStructureElement, name: string, label: string, x: number, y: number, w: number, h: number, multiline: boolean, tooltip = label): number {
  const ls = lines(pdf, [run(label, STYLES.smallBold)], { width: w });
  pdf.tagged(parent, 'P', ls, x, y);
  const top = y + heightOf(ls) + LABEL_GAP;
  pdf.artifact(() => {
    pdf.doc.save().rect(x, top, w, h).lineWidth(0.7).fillAndStroke(COLORS.band, COLORS.rule).restore();
    pdf.resetStyle();
  });
  fields.text(parent, name, tooltip, x + 1, top + 1, w - 2, h - 2, multiline);
  return top + h;
}

/** Radio options with export values that are PDF names (slugs), unique and never "Off". */
function choices(ratings: readonly string[]): Choice[] {
  const used = new Set<string>(['Off']);
  return ratings.map((label, i) => {
    let value = slugify(label, `option-${i + 1}`);
    while (used.has(value)) value = `${value}-${i + 1}`;
    used.add(value);
    return { value, label };
  });
}

/** The review forms' options (the PDF writer's `review.*`). */
export interface ReviewFormOptions {
  ratings: string[];
  /** A self-assessment rating (same scale) beside the manager's rating of each competency. */
  selfAssessment: boolean;
  /** An evidence field beside the comments of each competency. */
  evidence: boolean;
  /** An overall rating (same scale) at the end of the form. */
  overall: boolean;
  /** The promotion recommendation's options; none: no recommendation. */
  promotion: string[];
  /** Who signs the form (a name, a date and a signature line each); none: no sign-off. */
  signoff: string[];
  labels: ReviewLabels;
  /** Display path of a PNG or JPEG logo; its bytes arrive as the asset "review.logo". */
  logo?: string;
}

export interface ReviewLabels {
  person: string;
  reviewer: string;
  date: string;
  period: string;
  rating: string;
  self: string;
  evidence: string;
  comment: string;
  overall: string;
  promotion: string;
  summary: string;
  signoff: string;
  name: string;
  signature: string;
}

/**
 * Whether pdfkit can embed the logo, tried in a scratch document: a failure halfway through
 * embedding would leave the real document with objects that never end (and never finish).
 */
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
  const label = levelName(level, settings.labels);
  // A one-track ladder usually names its track after itself: say it once.
  const trackIsLadder = track.name.trim().toLowerCase() === ladder.title.trim().toLowerCase();
  const pdf = new PdfDoc(
    {
      ...settings,
      title: fillIn(settings.labels.pdf.reviewTitle, { track: track.name, level: label }),
      subject: fillIn(settings.labels.pdf.reviewSubject, { ladder: ladder.title, level: label, track: track.name }),
      keywords: [settings.labels.pdf.keywordReview, ladder.title, track.name, label].join(', '),
      // The level first: a long ladder title is what gets shortened, never the level's name.
      footer: [label, ...(trackIsLadder ? [] : [track.name]), ladder.title].join('  ·  '),
    },
    faces,
  );
  const fields = new FormFields(pdf);
  const labels = review.labels;
  const form: Form = { pdf, fields, review, ratings: choices(review.ratings) };
  const sect = pdf.struct(pdf.root, 'Part', { title: label });
  pdf.addPage('portrait');
  const outline = pdf.outline(null, fillIn(pdf.t.pdf.reviewOutline, { level: label }), pdf.y, true);
  pdf.runningHead = fillIn(pdf.t.pdf.continued, { what: `${track.name}  ·  ${label}` });
  const { left, width, right } = pdf.box;

  let headerWidth = width;
  if (logo) {
    const w = 120;
    const h = 40;
    const figure = pdf.struct(sect, 'Figure', { alt: pdf.t.pdf.logo });
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
  const colW = (width - COLUMN_GAP) / 2;
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
      bottom = Math.max(bottom, boxedField(pdf, fields, who, name, text, left + j * (colW + COLUMN_GAP), y, colW, FIELD_HEIGHT, false));
    });
    pdf.y = bottom + 10;
  }

  // What the track expects at every level is part of the review too: ticked, not rated.
  const baseline = (track.baseline ?? []).filter((b) => b.statements.length > 0);
  if (baseline.length > 0) {
    const baseSect = pdf.struct(sect, 'Sect');
    heading(pdf, baseSect, 'H2', pdf.t.pdf.baseline, { ...STYLES.h2, size: 13 }, { gapBefore: 14, gapAfter: 2, keep: 60 });
    const baseOutline = pdf.outline(outline, pdf.t.pdf.baseline, pdf.y - 18);
    baseline.forEach((b, i) => {
      const competency: Competency = { id: `baseline-${i + 1}-${slugify(b.competency)}`, name: b.competency, expectations: [] };
      const item: Item = { competency, statements: b.statements, assessed: false };
      drawCompetency(form, baseSect, baseOutline, item, measureCompetency(form, item));
    });
  }

  const matrix = trackMatrix(track);
  for (const group of matrix.groups) {
    const items: Item[] = group.rows
      .map((row) => ({ competency: row.competency, statements: applicableStatements(row.cells.find((c) => c.level.id === level.id)?.expectation), assessed: true }))
      .filter((item) => item.statements.length > 0);
    if (items.length === 0) continue;
    const measured = items.map((item) => measureCompetency(form, item));
    let groupSect = sect;
    let groupOutline = outline;
    if (group.category !== undefined) {
      groupSect = pdf.struct(sect, 'Sect');
      // The heading moves on with its first competency (as much of it as drawCompetency keeps together).
      heading(pdf, groupSect, 'H2', group.category, { ...STYLES.h2, size: 13 }, { gapBefore: 14, gapAfter: 2, keep: measured[0]!.need });
      groupOutline = pdf.outline(outline, group.category, pdf.y - 18);
    }
    items.forEach((item, i) => drawCompetency(form, groupSect, groupOutline, item, measured[i]!));
  }

  drawConclusion(form, sect, outline);
  drawSignoff(form, sect, outline);

  const pages = pdf.doc.bufferedPageRange().count;
  const bytes = await pdf.finish();
  return { bytes, missing: pdf.coverage.missing, pages };
}

/** What every part of one form draws with. */
interface Form {
  pdf: PdfDoc;
  fields: FormFields;
  review: ReviewFormOptions;
  ratings: Choice[];
}

/** A row of radio buttons laid out (positions relative to the block's top-left), not yet drawn. */
interface ChoiceLayout {
  label: Line[];
  /** Where the buttons start, relative to the block. */
  options: Array<Choice & { dx: number; dy: number; lines: Line[] }>;
  height: number;
}

/**
 * Lays out a labelled set of radio buttons in `width`: the label left of the buttons, or above them
 * (`above`, for narrow columns); buttons wrap onto more lines, aligned with the first.
 */
function layoutChoices(pdf: PdfDoc, label: string, options: readonly Choice[], width: number, above: boolean, minStart = 60): ChoiceLayout {
  const labelLines = lines(pdf, [run(label, STYLES.smallBold)], { width });
  const start = above ? 0 : Math.max(minStart, labelLines[0]?.width ?? 0) + 10;
  let dy = above ? heightOf(labelLines) + 4 : 0;
  let dx = start;
  let rowHeight = BOX;
  const out: ChoiceLayout['options'] = [];
  for (const o of options) {
    const text = pdf.coverage.clean(o.label);
    const w = pdf.measurer.width(STYLES.body, text);
    if (dx > start && dx + BOX + OPTION_GAP + w > width) {
      dx = start;
      dy += rowHeight + 8;
      rowHeight = BOX;
    }
    // A label longer than the line wraps beside its button rather than running off the page.
    const ls = lines(pdf, [run(text, STYLES.body)], { width: Math.min(w + 1, width - dx - BOX - OPTION_GAP) });
    out.push({ ...o, dx, dy, lines: ls });
    rowHeight = Math.max(rowHeight, heightOf(ls));
    dx += BOX + OPTION_GAP + Math.max(...ls.map((l) => l.width)) + OPTION_SPACING;
  }
  return { label: labelLines, options: out, height: Math.max(dy + rowHeight, heightOf(labelLines)) };
}

/** Draws laid-out radio buttons at (x, y): a drawn circle each (prints) and one radio group field. */
function drawChoices(form: Form, sect: PDFKit.PDFStructureElement, layout: ChoiceLayout, x: number, y: number, name: string, tooltip: string): void {
  const { pdf, fields } = form;
  pdf.tagged(sect, 'P', layout.label, x, y);
  const labelsRow = pdf.struct(sect, 'P');
  const widgets: Array<Choice & { x: number; y: number }> = [];
  for (const o of layout.options) {
    const cx = x + o.dx;
    const cy = y + o.dy;
    pdf.artifact(() => {
      pdf.doc.save().circle(cx + BOX / 2, cy + BOX / 2 + 0.5, BOX / 2).lineWidth(0.8).strokeColor(COLORS.muted).stroke().restore();
      pdf.resetStyle();
    });
    widgets.push({ value: o.value, label: o.label, x: cx, y: cy + 0.5 });
    pdf.content(labelsRow, 'P', () => pdf.drawLines(o.lines, cx + BOX + OPTION_GAP, cy));
  }
  fields.radioGroup(sect, name, tooltip, widgets, BOX);
}

/** The rating part of a competency: the self-assessment beside the manager's rating, or that alone. */
function ratingLayouts(form: Form, width: number): ChoiceLayout[] {
  const { pdf, review, ratings } = form;
  if (ratings.length === 0) return [];
  if (!review.selfAssessment) return [layoutChoices(pdf, review.labels.rating, ratings, width, false)];
  const w = (width - COLUMN_GAP) / 2;
  return [layoutChoices(pdf, review.labels.self, ratings, w, true), layoutChoices(pdf, review.labels.rating, ratings, w, true)];
}

type Measured = ReturnType<typeof measureCompetency>;

/** A competency's lines, and the height it needs where it starts (all of it when it fits a page). */
function measureCompetency(form: Form, item: Item) {
  const { pdf, review } = form;
  const c = item.competency;
  const name = lines(pdf, [run(c.name, STYLES.h3)]);
  const area = c.area && c.area.toLowerCase() !== c.name.toLowerCase() ? c.area : undefined;
  const sub = [area, ...(c.description ? paragraphsOf(c.description) : [])].filter((s): s is string => !!s);
  const subLines = sub.length > 0 ? lines(pdf, [run(sub.join('  ·  '), STYLES.small)], { gapBefore: 1 }) : [];
  const statements: Line[][] = item.statements.map((s) => lines(pdf, [run(s, STYLES.body)], { indent: TEXT_INDENT, gapBefore: 4 }));
  const ratings = ratingLayouts(form, pdf.box.width);
  const ratingHeight = ratings.length > 0 ? 8 + Math.max(...ratings.map((r) => r.height)) + 4 : 0;
  const boxWidth = review.evidence ? (pdf.box.width - COLUMN_GAP) / 2 : pdf.box.width;
  const boxLabels = [review.labels.comment, ...(review.evidence ? [review.labels.evidence] : [])].map((l) => heightOf(lines(pdf, [run(l, STYLES.smallBold)], { width: boxWidth })));
  const boxesHeight = 6 + Math.max(...boxLabels) + LABEL_GAP + COMMENT_HEIGHT;
  const assessment = item.assessed ? ratingHeight + boxesHeight : 0;
  const head = 14 + heightOf(name) + heightOf(subLines);
  const total = head + statements.reduce((h, s) => h + heightOf(s), 0) + assessment;
  const need = total <= pdf.box.height ? total : head + (statements[0] ? heightOf(statements[0]) + 4 : 0);
  return { name, subLines, statements, ratings, ratingHeight, boxWidth, assessment, need };
}

function drawCompetency(form: Form, parent: PDFKit.PDFStructureElement, outline: PDFKit.PDFOutline, item: Item, measured: Measured): void {
  const { pdf, fields, review } = form;
  const { left } = pdf.box;
  const c = item.competency;
  const id = c.id;
  const { name, subLines, statements, ratings, ratingHeight, boxWidth, assessment, need } = measured;
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

  if (!item.assessed) return;
  // Ratings and fields stay together (and below the competency's last statement).
  ensure(pdf, assessment);
  if (ratings.length > 0) {
    const y = pdf.y + 8;
    const columnWidth = (pdf.box.width - COLUMN_GAP) / 2;
    // With a self-assessment: the person's rating on the left, the manager's on the right.
    const names = review.selfAssessment ? [`${id}__self`, `${id}__rating`] : [`${id}__rating`];
    const texts = review.selfAssessment ? [review.labels.self, review.labels.rating] : [review.labels.rating];
    ratings.forEach((layout, i) => drawChoices(form, sect, layout, left + i * (columnWidth + COLUMN_GAP), y, names[i]!, `${c.name}: ${texts[i]!}`));
    pdf.y += ratingHeight;
  }
  pdf.y += 6;
  const y = pdf.y;
  const boxes: Array<[string, string]> = [...(review.evidence ? ([['evidence', review.labels.evidence]] as Array<[string, string]>) : []), ['comment', review.labels.comment]];
  let bottom = y;
  boxes.forEach(([key, text], i) => {
    bottom = Math.max(bottom, boxedField(pdf, fields, sect, `${id}__${key}`, text, left + i * (boxWidth + COLUMN_GAP), y, boxWidth, COMMENT_HEIGHT, true, `${c.name}: ${text}`));
  });
  pdf.y = bottom;
}

/** The end of the form: overall rating, promotion recommendation and summary, kept together. */
function drawConclusion(form: Form, parent: PDFKit.PDFStructureElement, outline: PDFKit.PDFOutline): void {
  const { pdf, fields, review, ratings } = form;
  const { left, width } = pdf.box;
  const labels = review.labels;
  // Both rows' buttons start at the same x, right of the longer label.
  const start = Math.max(60, ...[labels.overall, labels.promotion].map((l) => pdf.measurer.width(STYLES.smallBold, pdf.coverage.clean(l))));
  const overall = review.overall && ratings.length > 0 ? layoutChoices(pdf, labels.overall, ratings, width, false, start) : undefined;
  const promotion = review.promotion.length > 0 ? layoutChoices(pdf, labels.promotion, choices(review.promotion), width, false, start) : undefined;
  const summaryLabel = heightOf(lines(pdf, [run(labels.summary, STYLES.smallBold)]));
  const height = 24 + (overall ? overall.height + 10 : 0) + (promotion ? promotion.height + 10 : 0) + summaryLabel + LABEL_GAP + SUMMARY_HEIGHT;
  ensure(pdf, height);
  pdf.y += 14;
  const sect = pdf.struct(parent, 'Sect');
  pdf.outline(outline, labels.summary, pdf.y);
  rule(pdf, pdf.y - 6);
  if (overall) {
    drawChoices(form, sect, overall, left, pdf.y + 4, 'overall__rating', labels.overall);
    pdf.y += 4 + overall.height + 6;
  }
  if (promotion) {
    drawChoices(form, sect, promotion, left, pdf.y + 4, 'promotion', labels.promotion);
    pdf.y += 4 + promotion.height + 6;
  }
  pdf.y = boxedField(pdf, fields, sect, 'summary', labels.summary, left, pdf.y + 4, width, SUMMARY_HEIGHT, true);
}

/**
 * Sign-off: per signer a name and a date field and a signature line (signed on paper, or over the
 * printed line once the PDF is printed); the block stays on one page.
 */
function drawSignoff(form: Form, parent: PDFKit.PDFStructureElement, outline: PDFKit.PDFOutline): void {
  const { pdf, fields, review } = form;
  if (review.signoff.length === 0) return;
  const { left, width } = pdf.box;
  const labels = review.labels;
  const title = lines(pdf, [run(labels.signoff, { ...STYLES.h2, size: 13 })]);
  const rowHeight = 14 + heightOf(lines(pdf, [run(labels.name, STYLES.smallBold)])) + LABEL_GAP + FIELD_HEIGHT;
  ensure(pdf, 20 + heightOf(title) + review.signoff.length * (rowHeight + 8));
  const sect = pdf.struct(parent, 'Sect');
  if (!pdf.atPageTop()) pdf.y += 20;
  pdf.outline(outline, labels.signoff, pdf.y);
  flow(pdf, sect, 'H2', title);
  // Columns: who signs, their name, the date, the signature line.
  const whoW = Math.min(110, width * 0.2);
  const dateW = 90;
  const nameW = (width - whoW - dateW - 2 * 12) * 0.48;
  const signW = width - whoW - nameW - dateW - 3 * 12;
  review.signoff.forEach((signer, i) => {
    const row = pdf.struct(sect, 'Sect');
    const y = pdf.y + 8;
    const key = `signoff-${slugify(signer, `signer-${i + 1}`)}`;
    const who = lines(pdf, [run(signer, STYLES.bodyBold)], { width: whoW });
    const labelH = heightOf(lines(pdf, [run(labels.name, STYLES.smallBold)]));
    pdf.tagged(row, 'P', who, left, y + labelH + LABEL_GAP + 5);
    let x = left + whoW + 12;
    let bottom = boxedField(pdf, fields, row, `${key}__name`, labels.name, x, y, nameW, FIELD_HEIGHT, false, `${signer}: ${labels.name}`);
    x += nameW + 12;
    bottom = Math.max(bottom, boxedField(pdf, fields, row, `${key}__date`, labels.date, x, y, dateW, FIELD_HEIGHT, false, `${signer}: ${labels.date}`));
    x += dateW + 12;
    const signLabel = lines(pdf, [run(labels.signature, STYLES.smallBold)], { width: signW });
    pdf.tagged(row, 'P', signLabel, x, y);
    const lineY = y + heightOf(signLabel) + LABEL_GAP + FIELD_HEIGHT;
    rule(pdf, lineY, COLORS.ink, x, signW, 0.8);
    pdf.y = Math.max(bottom, lineY) + 6;
  });
}
