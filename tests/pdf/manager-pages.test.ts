// PDFs are for managers and HR: source positions (line and column of a statement) stay in the JSON
// model and diagnostics and are never printed, on track books, level profiles or review forms.
import { describe, expect, it } from 'vitest';
import { kitchenSink, render, run, tempPdf, toolsMissing } from './support.js';

describe.skipIf(toolsMissing('pdftotext'))('PDF pages carry no developer detail', () => {
  it('no source line or column on any page of any PDF, although the model has positions', async () => {
    const ladder = kitchenSink();
    const positioned = ladder.tracks.flatMap((t) => t.competencies.flatMap((c) => c.expectations)).filter((e) => e.position);
    expect(positioned.length).toBeGreaterThan(0);
    const result = await render([ladder]);
    expect(result.files.length).toBeGreaterThan(3);
    for (const file of result.files) {
      const text = run('pdftotext', [tempPdf(file.contents as Uint8Array, file.path), '-']);
      expect(text, file.path).not.toMatch(/\bline \d+\b|\bcolumn \d+\b|\b\d+:\d+\b/i);
    }
  });
});
