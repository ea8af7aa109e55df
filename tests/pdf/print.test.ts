// Prints cleanly on A4 and US Letter: every word of every page lies well inside the paper (at least
// half an inch from the sides and top, a third of an inch from the bottom), even for extreme
// models: many levels, very long names and codes, unbreakable URLs.
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { bytesOf, context, kitchenSink, render, run, seedLadders, tempPdf, toolsMissing } from './support.js';

const words = (n: number, p: string): string => Array.from({ length: n }, (_, i) => `${p}${i}`).join(' ');

function extreme(): Ladder {
  const levels = Array.from({ length: 12 }, (_, i) => ({
    id: `l${i}`,
    ordinal: i + 1,
    code: `LEVEL-CODE-${i}-WITHOUTSPACES`,
    title: words(8, 'Title'),
    summary: words(40, 's'),
    metadata: { Experience: words(6, 'y'), [`Key ${i}`]: words(4, 'v') },
  }));
  return {
    schemaVersion: 1,
    id: 'extreme',
    title: words(30, 'Title'),
    description: words(120, 'd'),
    source: { path: 'tests/pdf/extreme.md', format: 'prose', sha256: '1'.repeat(64) },
    tracks: [
      {
        id: 't',
        name: words(16, 'Track'),
        notes: [words(80, 'n')],
        levels,
        competencies: Array.from({ length: 4 }, (_, c) => ({
          id: `c${c}`,
          name: words(20, 'Name'),
          category: words(20, 'Category'),
          area: words(6, 'area'),
          description: words(30, 'desc'),
          expectations: levels.map((l) => ({
            level: l.id,
            text: 'x',
            statements: [words(30, 'st'), `https://example.com/${'a'.repeat(200)}`],
            examples: [{ statement: 0, examples: [words(20, 'ex')] }],
          })),
        })),
      },
    ],
  };
}

interface Box {
  page: number;
  width: number;
  height: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function wordBoxes(path: string): Box[] {
  const out: Box[] = [];
  let page = 0;
  let width = 0;
  let height = 0;
  for (const line of run('pdftotext', ['-bbox', path, '-']).split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      width = Number(p[1]);
      height = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) out.push({ page, width, height, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), word: w[5]! });
  }
  return out;
}

describe.skipIf(toolsMissing('pdftotext'))('PDF print safety', () => {
  for (const paper of ['a4', 'letter'] as const) {
    it(`nothing leaves the body, nothing comes near the paper's edge (${paper})`, async () => {
      // The seeds on A4 only: the extreme model covers Letter's narrower, shorter pages.
      const ladders = paper === 'a4' ? [kitchenSink(), extreme(), ...seedLadders()] : [kitchenSink(), extreme()];
      const result = await render(ladders, context({ paper }));
      for (const file of result.files) {
        const path = tempPdf(bytesOf(result, file.path), file.path);
        // Side margins are at least 40 pt (landscape), the top 40 pt; the footer sits 24 pt up.
        const outside = wordBoxes(path).filter((b) => b.xMin < 39.5 || b.yMin < 39.5 || b.xMax > b.width - 39.5 || b.yMax > b.height - 24);
        expect(outside.slice(0, 5), file.path).toEqual([]);
      }
    }, 120_000);
  }
});
