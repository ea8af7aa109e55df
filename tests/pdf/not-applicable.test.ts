// A not-applicable expectation says so once: "Not applicable at this level." in the level profile
// and "Not applicable" in the matrix cell, followed by the source's wording only when that wording
// says more than "n/a" (and then with a space between them).
import { describe, expect, it } from 'vitest';
import { bytesOf, kitchenSink, render, run, tempPdf, toolsMissing } from './support.js';

/** pdftotext of pages first..last, white space collapsed to single spaces. */
function textOf(path: string, first: number, last: number): string {
  return run('pdftotext', ['-f', String(first), '-l', String(last), path, '-']).replace(/\s+/g, ' ');
}

/** The kitchen sink's engineering book: cover (1), matrix (2), profiles E1 (3), E2, E3. */
const BOOK = 'pdf/kitchen-sink--engineering.pdf';

describe.skipIf(toolsMissing('pdftotext'))('PDF: not applicable', () => {
  it('a cell that only says "n/a (not applicable at this level)" shows the label once, in the profile and in the matrix', async () => {
    const ladder = kitchenSink();
    const na = ladder.tracks[0]!.competencies.flatMap((c) => c.expectations).find((e) => e.applicable === false)!;
    expect(na.text).toBe('n/a (not applicable at this level)');
    const path = tempPdf(bytesOf(await render([ladder]), BOOK));
    const matrix = textOf(path, 2, 2);
    const profile = textOf(path, 3, 3);
    expect(profile).toContain('Not applicable at this level.');
    expect(profile).not.toMatch(/n\/a/i);
    expect(profile.match(/not applicable/gi)).toHaveLength(1);
    expect(matrix.match(/not applicable/gi)).toHaveLength(1);
    expect(matrix).not.toMatch(/n\/a/i);
  });

  it("a note that says more follows the label after a space, in the profile and in the matrix", async () => {
    const ladder = kitchenSink();
    const na = ladder.tracks[0]!.competencies.flatMap((c) => c.expectations).find((e) => e.applicable === false)!;
    na.text = 'N/A: pairs with a reviewer instead.';
    const path = tempPdf(bytesOf(await render([ladder]), BOOK));
    expect(textOf(path, 3, 3)).toContain('Not applicable at this level. N/A: pairs with a reviewer instead.');
    const matrix = textOf(path, 2, 2);
    expect(matrix).toContain('Not applicable');
    expect(matrix).toContain('pairs with a reviewer');
  });
});
