// Characters the font lacks are replaced visibly and reported once per ladder, never dropped.
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { bytesOf, context, kitchenSink, render, run, tempPdf, toolsMissing } from './support.js';

describe('PDF glyph coverage', () => {
  it('reports the emoji of the kitchen sink once, for the document that shows it, against the source', async () => {
    const result = await render([kitchenSink()]);
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'pdf-missing-glyph');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'tests/fixtures/model/kitchen-sink.md', line: 1, column: 1 });
    expect(warnings[0]!.message).toContain('pdf/kitchen-sink--engineering.pdf');
    expect(warnings[0]!.message).toContain('🎉 (U+1F389)');
  });

  it('reports an emoji shown in several PDFs of one ladder (track book and review form) once', async () => {
    const ladder = kitchenSink();
    const expectation = ladder.tracks[0]!.competencies[0]!.expectations[0]!;
    expectation.statements = [...expectation.statements, 'Celebrates wins 🎈'];
    const result = await render([ladder]);
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'pdf-missing-glyph');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^\d+ PDFs \(pdf\//);
    expect(warnings[0]!.message).toContain('U+1F388');
  });

  it('lists each missing character once even when it repeats', async () => {
    const ladder = kitchenSink();
    const track = ladder.tracks[0]!;
    track.description = 'Rockets 🚀🚀 and more 🚀 and a family 👩‍👩‍👧 and ✓ → — ’ é (all but emoji render)';
    // Without the level profiles, which repeat the kitchen sink's own emoji, only the book has any.
    const result = await render([ladder], context({ profiles: false }));
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
