// A ladder of text that spreadsheets like to reinterpret (dates, fractions, formulas, numbers) or
// that XML cannot carry as it is; for the spreadsheet writers' tests.
import type { Ladder } from '../../src/model.js';

/** Texts a spreadsheet could take for something else, or that XML cannot carry as they are. */
export const TRICKY_TEXTS = [
  '1-2 areas',
  '3/4',
  '2-4',
  '10:30',
  '50%',
  '1e5',
  '=SUM(A1:A2)',
  '@cmd',
  '+44 20 7946 0000',
  '-1',
  '_x0041_ stays literal',
  'tab\there',
  '  leading and trailing  ',
  'Über “smart” façade — 😀',
  '<b>&amp;</b>',
];

export function trickyLadder(): Ladder {
  return {
    schemaVersion: 1,
    id: 'tricky',
    title: 'Tricky: 1-2 / 3/4',
    source: { path: 'tricky.md', format: 'prose', sha256: '0'.repeat(64) },
    tracks: [
      {
        id: 'expectations',
        // A track named like the long sheet: the sheets' names must still differ.
        name: 'Expectations',
        levels: [
          { id: '1-2', ordinal: 1, title: '1-2' },
          { id: '3-4', ordinal: 2, title: '3/4', code: '=A1' },
        ],
        competencies: TRICKY_TEXTS.map((text, i) => ({
          id: `c${i}`,
          name: text,
          ...(i % 2 === 0 ? { category: i < 6 ? '=CATEGORY()' : '2-3' } : {}),
          expectations: [
            { level: '1-2', text, statements: [text] },
            { level: '3-4', text: `${text}\n${text}`, statements: [text, text] },
          ],
        })),
      },
    ],
  };
}
