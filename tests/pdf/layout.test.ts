// The matrix is laid out by hand: a cell taller than a page continues on the next page, under a
// repeated header row, and nothing is clipped.
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { bytesOf, context, render, run, squeeze, squeezedText, tempPdf, toolsMissing } from './support.js';

function longLadder(statements: number): Ladder {
  const long = Array.from({ length: statements }, (_, i) => `Statement number ${i + 1} describes a behaviour at some length so that it wraps onto a second line in a narrow matrix column.`);
  return {
    schemaVersion: 1,
    id: 'long',
    title: 'Long cells',
    source: { path: 'tests/pdf/long.md', format: 'prose', sha256: '0'.repeat(64) },
    tracks: [
      {
        id: 'ic',
        name: 'Individual contributors',
        levels: [
          { id: 'l1', ordinal: 1, code: 'L1', title: 'Junior' },
          { id: 'l2', ordinal: 2, code: 'L2', title: 'Mid' },
          { id: 'l3', ordinal: 3, code: 'L3', title: 'Senior' },
        ],
        competencies: [
          {
            id: 'delivery',
            name: 'Delivery',
            category: 'Craft',
            expectations: [
              { level: 'l1', text: long.join('\n'), statements: long },
              { level: 'l2', text: 'Short.', statements: ['Short.'] },
            ],
          },
          {
            id: 'after',
            name: 'After the long one',
            category: 'Craft',
            expectations: [{ level: 'l3', text: 'The row after the long row.', statements: ['The row after the long row.'] }],
          },
        ],
      },
    ],
  };
}

function pageTexts(path: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))?.[1] ?? '0');
  return Array.from({ length: pages }, (_, i) => squeezedText(path, i + 1));
}

describe.skipIf(toolsMissing('pdftotext', 'pdfinfo', 'qpdf'))('PDF matrix layout', () => {
  for (const paper of ['a4', 'letter'] as const) {
    it(`a cell longer than a page continues on the next pages with the header repeated (${paper})`, async () => {
      const ladder = longLadder(120);
      const result = await render([ladder], context({ paper }));
      const path = tempPdf(bytesOf(result, 'pdf/long--ic.pdf'));
      run('qpdf', ['--check', path]);
      const pages = pageTexts(path);
      const matrixPages = pages.filter((p) => p.includes(squeeze('Individual contributors: competency matrix')));
      expect(matrixPages.length).toBeGreaterThanOrEqual(3);
      for (const p of matrixPages) {
        // Header row on every matrix page.
        for (const h of ['Competency', 'L1', 'Junior', 'L2', 'Mid', 'L3', 'Senior']) expect(p).toContain(h);
      }
      // Continuation pages say so, and name the row again.
      expect(matrixPages.slice(1).every((p) => p.includes(squeeze('competency matrix (continued)')))).toBe(true);
      expect(matrixPages[1]).toContain(squeeze('Delivery (continued)'));
      // Nothing clipped: every statement, in order, across the pages.
      const all = matrixPages.join('');
      let at = 0;
      for (const s of ladder.tracks[0]!.competencies[0]!.expectations[0]!.statements) {
        const i = all.indexOf(squeeze(s), at);
        expect(i, s).toBeGreaterThanOrEqual(0);
        at = i;
      }
      expect(all).toContain(squeeze('The row after the long row.'));
    });
  }

  it('the outline has the track, the matrix with its categories, and every level', async () => {
    const result = await render([longLadder(5)]);
    const raw = Buffer.from(bytesOf(result, 'pdf/long--ic.pdf')).toString('latin1');
    for (const title of ['Individual contributors', 'Levels', 'Competency matrix', 'Craft', 'Junior (L1)', 'Mid (L2)', 'Senior (L3)']) expect(raw).toContain(`/Title (${title.replace(/[()]/g, '\\$&')})`);
    // Named destinations for the level pages, and links to them from the overview.
    expect(raw).toMatch(/\/S \/GoTo\n\/D \(level-l1\)/);
    expect(raw).toContain('(level-l3)');
  });

  it('the level overview prints the page each profile starts on (paper cannot follow links)', async () => {
    const result = await render([longLadder(40)]);
    const path = tempPdf(bytesOf(result, 'pdf/long--ic.pdf'));
    const pages = run('pdftotext', ['-layout', path, '-']).split('\f');
    const cover = pages[0]!;
    for (const [i, title] of ['Junior', 'Mid', 'Senior'].entries()) {
      const page = Number(new RegExp(`${title}\\s+p\\. (\\d+)`).exec(cover)?.[1]);
      expect(pages[page - 1], title).toContain(`Level ${i + 1} of 3`);
    }
  });

  it('a single statement longer than a page, and forms and profiles longer than a page, lose nothing', async () => {
    const ladder = longLadder(60);
    const giant = Array.from({ length: 2500 }, (_, i) => `w${i + 1}`).join(' ');
    const c = ladder.tracks[0]!.competencies[1]!;
    c.expectations.push({ level: 'l2', text: giant, statements: [giant] });
    const result = await render([ladder]);
    for (const name of ['pdf/long--ic.pdf', 'pdf/review/long--ic--l1.pdf', 'pdf/review/long--ic--l2.pdf']) {
      const path = tempPdf(bytesOf(result, name), name);
      run('qpdf', ['--check', path]);
      expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))?.[1]), name).toBeGreaterThan(1);
    }
    const words = new Set(run('pdftotext', [tempPdf(bytesOf(result, 'pdf/long--ic.pdf')), '-']).split(/\s+/));
    const missing = Array.from({ length: 2500 }, (_, i) => `w${i + 1}`).filter((w) => !words.has(w));
    expect(missing).toEqual([]);
    const form = squeezedText(tempPdf(bytesOf(result, 'pdf/review/long--ic--l1.pdf')));
    for (const s of ladder.tracks[0]!.competencies[0]!.expectations[0]!.statements) expect(form).toContain(squeeze(s));
    expect(form).toContain(squeeze('Individual contributors · Junior (L1) (continued)'));
  });
});

/** Fourteen categories of one competency each, whose L1 cells run from 2 to 9 long statements. */
function manyCategories(): Ladder {
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima', 'Mike', 'November'];
  return {
    schemaVersion: 1,
    id: 'groups',
    title: 'Groups',
    source: { path: 'tests/pdf/groups.md', format: 'gfm-table', sha256: '0'.repeat(64) },
    tracks: [
      {
        id: 'eng',
        name: 'Engineering',
        levels: [
          { id: 'l1', ordinal: 1, code: 'L1', title: 'Engineer I' },
          { id: 'l2', ordinal: 2, code: 'L2', title: 'Engineer II' },
        ],
        competencies: names.map((n, i) => {
          const statements = Array.from({ length: 2 + (i % 8) }, (_, j) => `Statement ${j + 1} of ${n}, written long enough to wrap onto a second line in the form and in the matrix.`);
          return {
            id: n.toLowerCase(),
            name: `Skill ${n}`,
            category: `Category ${n}`,
            expectations: [
              { level: 'l1', text: statements.join('\n'), statements },
              { level: 'l2', text: `Short ${n}.`, statements: [`Short ${n}.`] },
            ],
          };
        }),
      },
    ],
  };
}

describe.skipIf(toolsMissing('pdftotext', 'pdfinfo'))('PDF category headings', () => {
  it('never end a page: each starts on the page where its first competency starts (matrix and review form)', async () => {
    const ladder = manyCategories();
    const result = await render([ladder], context());
    for (const file of ['pdf/groups--eng.pdf', 'pdf/review/groups--eng--l1.pdf']) {
      const pages = pageTexts(tempPdf(bytesOf(result, file), file.replace(/\//g, '_')));
      for (const competency of ladder.tracks[0]!.competencies) {
        // The first page that shows the category, and the first that shows its competency's name.
        const at = (text: string) => pages.findIndex((p) => p.includes(squeeze(text)));
        const heading = at(competency.category!);
        expect(heading, `${file}: ${competency.category}`).toBeGreaterThanOrEqual(0);
        expect(at(competency.name), `${file}: ${competency.category} is alone at the foot of page ${heading + 1}`).toBe(heading);
      }
    }
  });
});

describe.skipIf(toolsMissing('pdftotext'))('PDF review form header and footer', () => {
  it('names a track called like its ladder once, and puts the level first in the footer', async () => {
    const ladder = manyCategories();
    ladder.tracks[0]!.name = 'Groups';
    const result = await render([ladder], context());
    const path = tempPdf(bytesOf(result, 'pdf/review/groups--eng--l1.pdf'), 'footer.pdf');
    const page = run('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-']);
    const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.filter((l) => l === 'Groups')).toHaveLength(1);
    expect(lines[lines.length - 1]).toMatch(/^Engineer I \(L1\) · Groups\s+1\/\d+$/);
  });
});
