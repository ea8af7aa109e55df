// One portrait profile per level: what each competency expects there, with the statements that
// are new compared with the level below marked, and reworded ones shown word by word (from
// levelDiff, the comparison every writer shows).

import { fillIn } from '../../locale/index.js';
import type { Ladder, Level, Track } from '../../model.js';
import { levelDiff, statementKey, type WordPart } from '../../views/level-diff.js';
import { notApplicableNote, trackMatrix } from '../../views/matrix.js';
import { resolveEquivalents } from '../../views/levels.js';
import { levelDestination } from './cover.js';
import type { OutlineItem, PdfDoc, StructElement } from './document.js';
import { STYLES, ensure, flow, heading, levelName, lines, paragraph, paragraphsOf, rule, run } from './layout.js';
import { heightOf, type Line, type Run, type Style } from './text.js';
import { COLORS } from './theme.js';

const NEW_MARK = '●';
const KEPT_MARK = '–';
const REWORDED_MARK = '◆';

/** A reworded statement's new wording, its changed words in bold. */
function reworded(parts: readonly WordPart[], keep: WordPart['change'], base: Style, marked: Style): Run[] {
  const out: Run[] = [];
  for (const p of parts) {
    if (p.change !== 'same' && p.change !== keep) continue;
    out.push(run(`${out.length ? ' ' : ''}${p.text}`, p.change === keep ? marked : base));
  }
  return out;
}

/**
 * Draws the profile from a new page; returns the index of that page. In a track book the level is
 * a second-level heading under the track; a standalone profile (`standalone`) is its own document,
 * so its headings start at H1 and its eyebrow names the ladder too.
 */
export function drawProfile(pdf: PdfDoc, parent: StructElement, ladder: Ladder, track: Track, level: Level, trackOutline: OutlineItem | null, standalone = false): number {
  const h = (n: number): string => `H${standalone ? n - 1 : n}`;
  pdf.runningHead = undefined;
  pdf.addPage('portrait');
  const firstPage = pdf.pageIndex();
  pdf.runningHead = fillIn(pdf.t.pdf.continued, { what: `${track.name}  ·  ${levelName(level, pdf.t)}` });
  pdf.doc.addNamedDestination(levelDestination(level.id), 'XYZ', null, pdf.y, null);
  const sect = pdf.struct(parent, 'Sect');
  const levelOutline = pdf.outline(trackOutline, levelName(level, pdf.t), pdf.y);
  const diff = levelDiff(track, level.id);
  const changes = new Map(diff.competencies.map((c) => [c.competency.id, c]));
  const index = track.levels.findIndex((l) => l.id === level.id);

  const trackIsLadder = track.name.trim().toLowerCase() === ladder.title.trim().toLowerCase();
  const eyebrow = [...(standalone && !trackIsLadder ? [ladder.title] : []), track.name, fillIn(pdf.t.pdf.levelOf, { ordinal: index + 1, count: track.levels.length })];
  paragraph(pdf, sect, [run(eyebrow.join('  ·  '), STYLES.eyebrow)]);
  pdf.y += 4;
  heading(pdf, sect, h(2), levelName(level, pdf.t), { ...STYLES.h1, size: 20 }, { gapBefore: 0, gapAfter: 6 });
  if (level.summary) paragraph(pdf, sect, [run(level.summary, STYLES.lead)], { gapBefore: 2 });
  const meta = Object.entries(level.metadata ?? {});
  for (const [k, v] of meta) paragraph(pdf, sect, [run(`${k}: `, STYLES.smallBold), run(v, STYLES.small)], { gapBefore: 3 });
  const eqs = resolveEquivalents(ladder, level);
  if (eqs.length > 0) {
    paragraph(pdf, sect, [run(pdf.t.pdf.equivalentTo, STYLES.smallBold), run(eqs.map((e) => `${e.track.name}: ${levelName(e.level, pdf.t)}`).join('; '), STYLES.small)], { gapBefore: 3 });
  }
  if (diff.previous) {
    const prev = levelName(diff.previous, pdf.t);
    const { added, unchanged, removed } = diff.counts;
    const legend = [
      run(`${NEW_MARK} `, STYLES.accentMarker),
      run(fillIn(pdf.t.pdf.newHere, { n: added }), STYLES.small),
      run(`${KEPT_MARK} `, STYLES.mutedMarker),
      run(fillIn(pdf.t.pdf.alsoAt, { n: unchanged, level: prev }), STYLES.small),
      ...(diff.counts.reworded > 0 ? [run(` · `, STYLES.small), run(`${REWORDED_MARK} `, STYLES.accentMarker), run(fillIn(pdf.t.pdf.rewordedHere, { n: diff.counts.reworded }), STYLES.small)] : []),
      ...(removed > 0 ? [run(fillIn(pdf.t.pdf.removedHere, { n: removed, level: prev }), STYLES.small)] : []),
    ];
    paragraph(pdf, sect, legend, { gapBefore: 8 });
  }
  pdf.y += 8;
  rule(pdf, pdf.y, COLORS.accent, pdf.box.left, pdf.box.width, 1.2);
  pdf.y += 4;

  const matrix = trackMatrix(track);
  if (matrix.groups.every((g) => g.rows.length === 0)) {
    paragraph(pdf, sect, [run(pdf.t.pdf.noCompetencies, STYLES.small)], { gapBefore: 10 });
    return firstPage;
  }
  for (const group of matrix.groups) {
    let groupSect = sect;
    if (group.category !== undefined) {
      groupSect = pdf.struct(sect, 'Sect');
      heading(pdf, groupSect, h(3), group.category, { ...STYLES.h2, size: 12.5 }, { gapBefore: 16, gapAfter: 4, keep: 60 });
      pdf.outline(levelOutline, group.category, pdf.y - 20);
    }
    for (const row of group.rows) {
      const c = row.competency;
      const cell = row.cells.find((x) => x.level.id === level.id);
      const e = cell?.expectation;
      const change = changes.get(c.id);
      const added = new Set((change?.added ?? []).map(statementKey));
      const rewordings = new Map((change?.reworded ?? []).map((r) => [statementKey(r.after), r]));
      const body: Array<{ lines: Line[] }> = [];
      const sub: string[] = [];
      // An area that only repeats the competency's name says nothing new.
      if (c.area && c.area.toLowerCase() !== c.name.toLowerCase()) sub.push(c.area);
      const subLines = sub.length > 0 || c.description ? lines(pdf, [run([...sub, ...(c.description ? paragraphsOf(c.description) : [])].join('  ·  '), STYLES.small)], { gapBefore: 1 }) : [];
      if (!e) body.push({ lines: lines(pdf, [run(pdf.t.pdf.notListed, STYLES.small)], { gapBefore: 3 }) });
      else if (e.applicable === false) {
        // The label once; the source's wording after it only when it says more than "n/a".
        const note = notApplicableNote(e);
        body.push({ lines: lines(pdf, [run(pdf.t.pdf.notApplicableHere, STYLES.smallBold), ...(note ? [run(` ${paragraphsOf(note).join(' ')}`, STYLES.small)] : [])], { gapBefore: 3 }) });
      } else {
        e.statements.forEach((statement, i) => {
          const isNew = diff.previous !== undefined && added.has(statementKey(statement));
          const rewording = diff.previous !== undefined ? rewordings.get(statementKey(statement)) : undefined;
          const marker = diff.previous === undefined ? { text: '•', style: STYLES.mutedMarker } : isNew ? { text: NEW_MARK, style: STYLES.accentMarker } : rewording ? { text: REWORDED_MARK, style: STYLES.accentMarker } : { text: KEPT_MARK, style: STYLES.mutedMarker };
          const ls = rewording
            ? [
                ...lines(pdf, reworded(rewording.parts, 'added', STYLES.body, STYLES.bodyBold), { indent: 14, gapBefore: 4, marker }),
                ...lines(pdf, [run(fillIn(pdf.t.pdf.atLevel, { level: levelName(diff.previous!, pdf.t) }), STYLES.small), ...reworded(rewording.parts, 'removed', STYLES.small, STYLES.smallBold)], { indent: 14, gapBefore: 1 }),
              ]
            : lines(pdf, [run(statement, STYLES.body)], { indent: 14, gapBefore: 4, marker });
          for (const g of e.examples ?? []) {
            if (g.statement !== i) continue;
            for (const ex of g.examples) ls.push(...lines(pdf, [run(ex, STYLES.small)], { indent: 26, gapBefore: 2, marker: { text: '      ›', style: STYLES.small } }));
          }
          body.push({ lines: ls });
        });
      }
      const name = lines(pdf, [run(c.name, STYLES.h4)]);
      // The competency's name stays with its first statement (or the whole block when short).
      const firstBlock = body[0] ? heightOf(body[0].lines) : 0;
      ensure(pdf, 10 + heightOf(name) + heightOf(subLines) + Math.min(firstBlock, 40));
      if (!pdf.atPageTop()) pdf.y += 10;
      flow(pdf, groupSect, h(4), name);
      if (subLines.length > 0) flow(pdf, groupSect, 'P', subLines);
      const list = pdf.struct(groupSect, 'L');
      for (const b of body) {
        const li = pdf.struct(list, 'LI');
        flow(pdf, li, 'LBody', b.lines);
      }
    }
  }
  return firstPage;
}
