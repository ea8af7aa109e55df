// The cover of a track PDF: ladder and track, notes, the baseline, and the level overview whose
// titles link to the level profiles.

import { fillIn } from '../../locale/index.js';
import type { Ladder, Track } from '../../model.js';
import { resolveEquivalents } from '../../views/levels.js';
import type { OutlineItem, PdfDoc, StructElement } from './document.js';
import { STYLES, ensure, flow, heading, levelName, lines, paragraph, paragraphsOf, rule, run } from './layout.js';
import { heightOf, type Line } from './text.js';
import { COLORS } from './theme.js';

export function levelDestination(levelId: string): string {
  return `level-${levelId}`;
}

function bulletList(pdf: PdfDoc, parent: StructElement, items: readonly string[], indent = 12): void {
  const list = pdf.struct(parent, 'L');
  for (const item of items) {
    const li = pdf.struct(list, 'LI');
    flow(pdf, li, 'LBody', lines(pdf, [run(item, STYLES.body)], { indent, gapBefore: 3, marker: { text: '•', style: STYLES.mutedMarker } }));
  }
}

/**
 * @param profilePages where each level's profile starts (filled in later; page references are
 *   drawn when the document ends), or undefined when the track has no profiles.
 */
export function drawCover(pdf: PdfDoc, parent: StructElement, ladder: Ladder, track: Track, trackOutline: OutlineItem, profilePages: ReadonlyMap<string, number> | undefined, creator: string): void {
  const linkLevels = profilePages !== undefined;
  // The caller has opened the first page (its outline entry needs a page).
  const sect = pdf.struct(parent, 'Sect');
  const { left, width } = pdf.box;

  paragraph(pdf, sect, [run(ladder.title, STYLES.eyebrow)]);
  for (const p of paragraphsOf(ladder.description ?? '')) paragraph(pdf, sect, [run(p, STYLES.small)], { gapBefore: 2 });
  pdf.y += 10;
  rule(pdf, pdf.y, COLORS.accent, left, width, 1.5);
  pdf.y += 14;
  heading(pdf, sect, 'H1', track.name, STYLES.h1, { gapBefore: 0, gapAfter: 4 });
  const categories = new Set(track.competencies.map((c) => c.category ?? ''));
  const counts = [
    fillIn(track.levels.length === 1 ? pdf.t.pdf.levelOne : pdf.t.pdf.levelMany, { n: track.levels.length }),
    ...(track.competencies.length > 0 ? [fillIn(track.competencies.length === 1 ? pdf.t.pdf.competencyOne : pdf.t.pdf.competencyMany, { n: track.competencies.length })] : []),
    ...(categories.size > 1 ? [fillIn(pdf.t.pdf.categories, { n: categories.size })] : []),
  ];
  paragraph(pdf, sect, [run(counts.join('  ·  '), STYLES.small)], { gapBefore: 0 });
  pdf.y += 6;
  for (const p of paragraphsOf(track.description ?? '')) paragraph(pdf, sect, [run(p, STYLES.lead)], { gapBefore: 4 });

  if (track.notes && track.notes.length > 0) {
    heading(pdf, sect, 'H2', pdf.t.pdf.notes, STYLES.h2, { gapBefore: 18 });
    bulletList(pdf, sect, track.notes);
  }

  if (track.baseline && track.baseline.length > 0) {
    heading(pdf, sect, 'H2', pdf.t.pdf.baseline, STYLES.h2, { gapBefore: 18 });
    for (const item of track.baseline) {
      heading(pdf, sect, 'H3', item.competency, STYLES.h4, { gapBefore: 6, gapAfter: 1, keep: 24 });
      bulletList(pdf, sect, item.statements);
    }
  }

  heading(pdf, sect, 'H2', pdf.t.pdf.levels, STYLES.h2, { gapBefore: 20, gapAfter: 6 });
  pdf.outline(trackOutline, pdf.t.pdf.levels, pdf.y);
  const codeStyle = { face: 'bold' as const, size: 8.5, color: COLORS.white };
  const shownCode = (l: Track['levels'][number]): string | undefined => (l.code && l.code !== l.title ? pdf.coverage.clean(l.code) : undefined);
  const codeWidths = track.levels.map((l) => {
    const code = shownCode(l);
    return code ? pdf.measurer.width(codeStyle, code) : 0;
  });
  // The code column fits the longest code (up to a limit; longer codes wrap inside the badge).
  const badge = Math.max(...codeWidths) > 0 ? Math.max(46, Math.min(120, Math.max(...codeWidths) + 20)) : 0;
  // Room on the right for the page reference ("p. 12").
  const textWidth = width - badge - (linkLevels ? 36 : 0);
  track.levels.forEach((level, index) => {
    const title = lines(pdf, [run(level.title, { ...STYLES.h3, color: linkLevels ? COLORS.accent : COLORS.ink })], { width: textWidth });
    const blocks: Array<{ type: string; lines: Line[] }> = [];
    if (level.summary) blocks.push({ type: 'P', lines: lines(pdf, [run(level.summary, STYLES.body)], { width: textWidth, gapBefore: 3 }) });
    const meta = Object.entries(level.metadata ?? {});
    if (meta.length > 0) {
      const runs = meta.flatMap(([k, v], i) => [run(`${i > 0 ? '·  ' : ''}${k}: `, STYLES.smallBold), run(`${v}  `, STYLES.small)]);
      blocks.push({ type: 'P', lines: lines(pdf, runs, { width: textWidth, gapBefore: 3 }) });
    }
    const eqs = resolveEquivalents(ladder, level);
    if (eqs.length > 0) {
      const text = eqs.map((e) => `${e.track.name}: ${levelName(e.level, pdf.t)}`).join('; ');
      blocks.push({ type: 'P', lines: lines(pdf, [run(pdf.t.pdf.equivalentTo, STYLES.smallBold), run(text, STYLES.small)], { width: textWidth, gapBefore: 3 }) });
    }
    const height = heightOf(title) + blocks.reduce((sum, b) => sum + heightOf(b.lines), 0) + 14;
    // A level's entry stays on one page when it can.
    ensure(pdf, Math.min(height, pdf.box.height));
    if (index > 0 && !pdf.atPageTop()) {
      rule(pdf, pdf.y + 2);
      pdf.y += 8;
    }
    const top = pdf.y;
    const h = pdf.struct(sect, 'H3');
    const code = shownCode(level);
    let badgeBottom = top;
    if (code) {
      const codeLines = lines(pdf, [run(code, codeStyle)], { width: badge - 18 });
      const w = Math.max(...codeLines.map((l) => l.width)) + 10;
      const hh = heightOf(codeLines) + 3;
      badgeBottom = top + 1 + hh;
      pdf.artifact(() => {
        pdf.doc.save().roundedRect(left, top + 1, w, hh, 3).fillColor(COLORS.accent).fill().restore();
        pdf.resetStyle();
      });
      pdf.content(h, 'H3', () => pdf.drawLines(codeLines, left + 5, top + 3));
    }
    if (linkLevels) {
      const link = pdf.struct(h, 'Link');
      pdf.content(link, 'Link', () => {
        pdf.y = pdf.drawLines(title, left + badge, top);
      });
      const w = Math.max(...title.map((l) => l.width));
      // pdfkit reads structParent from annotation options (it ties the link to the Link element).
      pdf.doc.goTo(left + badge, top, w, heightOf(title), levelDestination(level.id), { structParent: link } as PDFKit.Mixins.AnnotationOption);
      pdf.pageReference(top + 1.5, () => profilePages?.get(level.id));
    } else {
      pdf.content(h, 'H3', () => {
        pdf.y = pdf.drawLines(title, left + badge, top);
      });
    }
    for (const b of blocks) flow(pdf, sect, b.type, b.lines, left + badge);
    pdf.y = Math.max(pdf.y, badgeBottom) + 4;
  });
  // Where this came from: the source file (and its hash, to tell versions apart) and the tool.
  pdf.y += 14;
  paragraph(pdf, sect, [run(fillIn(pdf.t.pdf.source, { path: ladder.source.path, format: ladder.source.format, sha: ladder.source.sha256.slice(0, 12), creator }), { ...STYLES.small, size: 7.5 })]);
}
