// Characters the font lacks are replaced visibly and reported once per document, never dropped.
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { bytesOf, kitchenSink, render, run, tempPdf, toolsMissing } from './support.js';

describe('PDF glyph coverage', () => {
  it('reports the emoji of the kitchen sink once, for the document that shows it, against the source', async () => {
    const result = await render([kitchenSink()]);
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'pdf-missing-glyph');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'tests/fixtures/model/kitchen-sink.md', line: 1, column: 1 });
    expect(warnings[0]!.message).toContain('pdf/kitchen-sink--engineering.pdf');
    expect(warnings[0]!.message).toContain('🎉 (U+1F389)');
  });

  it('lists each missing character once even when it repeats, and one warning per affected document', async () => {
    const ladder = kitchenSink();
    const track = ladder.tracks[0]!;
    track.description = 'Rockets 🚀🚀 and more 🚀 and a family 👩‍👩‍👧 and ✓ → — ’ é (all but emoji render)';
    const result = await render([ladder]);
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'pdf-missing-glyph');
    expect(warnings.map((w) => w.message.split(':')[0])).toEqual(['pdf/kitchen-sink--engineering.pdf']);
    const message = warnings[0]!.message;
    expect(message.match(/U\+1F680/g)).toHaveLength(1);
    expect(message).toContain('U+1F469');
    expect(message).not.toMatch(/U\+2713|U\+2192|U\+2014|U\+2019|U\+00E9/);
  });

  it.skipIf(toolsMissing('pdftotext'))('the replacement is visible in the text, and supported symbols come through unchanged', async () => {
    const ladder: Ladder = kitchenSink();
    ladder.tracks[0]!.description = 'Ship it 🚀 now → ✓ — it’s café';
    const result = await render([ladder]);
    const text = run('pdftotext', [tempPdf(bytesOf(result, 'pdf/kitchen-sink--engineering.pdf')), '-']);
    expect(text).toContain('Ship it \uFFFD now → ✓ — it’s café');
  });
});
