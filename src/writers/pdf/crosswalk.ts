// The crosswalk page of a track's PDF: the rungs this track's levels sit on, and on each rung the
// levels of every other track of the build (views/crosswalk.ts). A tagged table whose header row
// repeats, as decoration, on a continuation page.

import { fillIn } from '../../locale/index.js';
import type { Crosswalk, Ladder, Track } from '../../model.js';
import { BASIS_LEGEND, trackCrosswalk } from '../../views/crosswalk.js';
import type { OutlineItem, PdfDoc, StructElement } from './document.js';
import { STYLES, heading, lines, paragraph, run } from './layout.js';
import { heightOf, type Line, type Style } from './text.js';
import { COLORS } from './theme.js';

const PAD_X = 5;
const PAD_Y = 4.5;

const CELL: Style = { face: 'regular', size: 9, color: COLORS.ink };
const CELL_BOLD: Style = { face: 'bold', size: 9, color: COLORS.ink };
const BASIS: Style = { face: 'regular', size: 7.5, color: COLORS.muted };
const OTHER_HEAD: Style = { face: 'bold', size: 8, color: COLORS.muted };
const OTHER: Style = { face: 'regular', size: 8.5, color: COLORS.ink };
const HEADER: Style = { face: 'bold', size: 8.5, color: COLORS.headerInk };

/** Other tracks listed per rung; a build of many ladders names the rest by count (crosswalk.csv has them all). */
const MAX_OTHERS = 14;

/** Draws the crosswalk from a new portrait page; nothing when the crosswalk does not place the track. */
export function drawCrosswalk(pdf: PdfDoc, parent: StructElement, crosswalk: Crosswalk, ladder: Ladder, track: Track, trackOutline: OutlineItem): void {
  const rows = trackCrosswalk(crosswalk, ladder.id, track.id);
  if (rows.length === 0) return;
  pdf.runningHead = undefined;
  pdf.addPage('portrait');
  pdf.runningHead = fillIn(pdf.t.pdf.continued, { what: `${track.name}  ·  ${pdf.t.pdf.crosswalk}` });
  const sect = pdf.struct(parent, 'Sect');
  pdf.outline(trackOutline, pdf.t.pdf.crosswalk, pdf.y);
  heading(pdf, sect, 'H2', pdf.t.pdf.crosswalk, { ...STYLES.h1, size: 20 }, { gapBefore: 0, gapAfter: 4 });
  const tracks = crosswalk.tracks.length;
  paragraph(
    pdf,
    sect,
    [
      run(
        tracks > 1
          ? fillIn(pdf.t.pdf.crosswalkShared, { track: track.name, n: tracks })
          : fillIn(pdf.t.pdf.crosswalkAlone, { track: track.name }),
        STYLES.lead,
      ),
    ],
    { gapBefore: 2 },
  );
  pdf.y += 10;

  const { left, width } = pdf.box;
  const widths = [44, Math.round(width * 0.3), 0];
  widths[2] = width - widths[0]! - widths[1]!;
  const xs = [left, left + widths[0]!, left + widths[0]! + widths[1]!];
  const inner = widths.map((w) => w - 2 * PAD_X);

  const table = pdf.struct(sect, 'Table');
  const header: Line[][] = [
    lines(pdf, [run(pdf.t.pdf.rung, HEADER)], { width: inner[0]! }),
    lines(pdf, [run(track.name, HEADER)], { width: inner[1]! }),
    lines(pdf, [run(tracks > 1 ? pdf.t.pdf.alsoOnRung : pdf.t.pdf.otherTracks, HEADER)], { width: inner[2]! }),
  ];
  const headerHeight = Math.max(...header.map(heightOf)) + 2 * PAD_Y;
  const drawHeader = (first: boolean): void => {
    const y = pdf.y;
    pdf.artifact(() => {
      pdf.doc.save().rect(left, y, width, headerHeight).fillColor(COLORS.headerFill).fill().restore();
      pdf.resetStyle();
    });
    if (first) {
      const tr = pdf.struct(table, 'TR');
      header.forEach((cell, i) => {
        const th = pdf.struct(tr, 'TH', { scope: 'Column' });
        pdf.content(th, 'TH', () => pdf.drawLines(cell, xs[i]! + PAD_X, y + PAD_Y));
      });
    } else pdf.artifact(() => header.forEach((cell, i) => pdf.drawLines(cell, xs[i]! + PAD_X, y + PAD_Y)), 'Pagination');
    pdf.y = y + headerHeight;
  };
  drawHeader(true);

  rows.forEach((row, r) => {
    const rung = lines(pdf, [run(String(row.rung), CELL_BOLD)], { width: inner[0]! });
    const own = row.levels.flatMap((l, i) => [
      ...lines(pdf, [run(l.label, CELL_BOLD)], { width: inner[1]!, gapBefore: i > 0 ? 4 : 0 }),
      ...lines(pdf, [run(fillIn(pdf.t.pdf.placedBy, { basis: l.basis }), BASIS)], { width: inner[1]!, gapBefore: 1 }),
    ]);
    const others =
      row.others.length === 0
        ? lines(pdf, [run('—', { ...OTHER, color: COLORS.muted })], { width: inner[2]! })
        : [
            ...row.others.slice(0, MAX_OTHERS).flatMap((o, i) => lines(pdf, [run(`${o.heading}: `, OTHER_HEAD), run(o.levels.map((l) => l.label).join(', '), OTHER)], { width: inner[2]!, gapBefore: i > 0 ? 2.5 : 0 })),
            ...(row.others.length > MAX_OTHERS
              ? lines(pdf, [run(fillIn(pdf.t.pdf.moreTracks, { n: row.others.length - MAX_OTHERS }), { ...OTHER, color: COLORS.muted })], { width: inner[2]!, gapBefore: 2.5 })
              : []),
          ];
    const cells = [rung, own, others];
    const height = Math.max(...cells.map(heightOf)) + 2 * PAD_Y;
    if (pdf.remaining() < height) {
      pdf.addPage('portrait');
      drawHeader(false);
    }
    const y = pdf.y;
    pdf.artifact(() => {
      const d = pdf.doc.save();
      if (r % 2 === 1) d.rect(left, y, width, height).fillColor(COLORS.band).fill();
      d.lineWidth(0.5).strokeColor(COLORS.rule);
      d.moveTo(left, y + height).lineTo(left + width, y + height).stroke();
      for (const x of xs.slice(1)) d.moveTo(x, y).lineTo(x, y + height).stroke();
      d.restore();
      pdf.resetStyle();
    });
    const tr = pdf.struct(table, 'TR');
    cells.forEach((cell, i) => {
      const el = pdf.struct(tr, i === 0 ? 'TH' : 'TD', i === 0 ? { scope: 'Row' } : undefined);
      pdf.content(el, i === 0 ? 'TH' : 'TD', () => pdf.drawLines(cell, xs[i]! + PAD_X, y + PAD_Y));
    });
    pdf.y = y + height;
  });

  pdf.y += 8;
  paragraph(pdf, sect, [run(pdf.t.pdf.placedByLegend, STYLES.smallBold), run(BASIS_LEGEND.map((b) => `${b.basis}, ${pdf.t.basis[b.basis]}`).join('; '), STYLES.small), run('.', STYLES.small)]);
}
