// The linear-time GFM table resolver (src/readers/markdown/gfm-table-linear.ts) gives the same
// mdast as remark-gfm's own, positions included, on every document the tests know and on odd tables.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { linearGfmTables, nextLineCanDelimit } from '../../src/readers/markdown/gfm-table-linear.js';
import { allCases } from '../support/cases.js';

const library = unified().use(remarkParse).use(remarkGfm);
const linear = unified().use(remarkParse).use(remarkGfm).use(linearGfmTables);

const ODD = [
  '| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |\n',
  'a | b\n--|--\n1 | 2\n\ntext\n\n| x |\n|---|\n| y |\n',
  '> | q | r |\n> |:--|--:|\n> | s \\| t | u |\n\n- | l | m |\n  |---|---|\n  | n | *o* |\n',
  '| a |\n| - |\n| b |\nlazy\n| c |\n\n|||\n|-|-|\n||x|\n',
  '| `a|b` | c |\n|---|---|\n| [l](u) | **d** e |\n',
  // The head is tried only where the next line could be a delimiter row: CRLF, list and quote
  // markers in front of it, no pipes, no final newline, nested containers, a pipe line at the end.
  '| a | b |\r\n| --- | --- |\r\n| 1 | 2 |\r\n',
  '1. | a | b |\n   | - | - |\n   | c | d |\n\n* x | y\n  :-- | --:\n',
  '- > | a |\n  > |---|\n  > | b |\n\n>> | q |\n>> | - |',
  'a | b\n-- | --\n1 | 2',
  '| not | a | table |\nplain text\n\n| last | line |',
  '|||||\n|||||\n\n| x |\n|:-:|   \n| y |\t\n',
];

describe('linear GFM tables', () => {
  it('give the library’s tree on every seed, corpus and fixture document and on odd tables', () => {
    const texts = [...allCases().map((c) => new TextDecoder().decode(c.bytes)), ...ODD];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(linear.parse(text)).toEqual(library.parse(text));
  });

  it('a document with many table cells parses in linear time: 8× the cells takes well under 8² the time', () => {
    const doc = (rows: number) => `| a | b | c | d |\n|---|---|---|---|\n${'| w | x | y | z |\n'.repeat(rows)}`;
    // CPU time: a machine busy with other work stretches wall time of either size.
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const time = (text: string) => {
      const t = cpu();
      linear.parse(text);
      return cpu() - t;
    };
    time(doc(400)); // warm-up
    const small = Math.min(time(doc(400)), time(doc(400)), time(doc(400)));
    const large = Math.min(time(doc(3200)), time(doc(3200)));
    expect(large / small).toBeLessThan(8 * 1.8);
  });

  it('tries a head row only where the next line could be a delimiter row', () => {
    expect(nextLineCanDelimit('| a | b |\n|---|:-:|\n', 0)).toBe(true);
    expect(nextLineCanDelimit('| a |\r\n| - |', 0)).toBe(true);
    expect(nextLineCanDelimit('x\n- | a |\n  > | --- |\n', 2)).toBe(true);
    expect(nextLineCanDelimit('| a |\n| b |\n', 0)).toBe(false);
    expect(nextLineCanDelimit('| a |\n|||\n', 0)).toBe(false);
    expect(nextLineCanDelimit('| a |', 0)).toBe(false);
    expect(nextLineCanDelimit('| a |\n', 0)).toBe(false);
  });
});
