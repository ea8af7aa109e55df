// pdftotext of the track PDFs holds every field of the model; review forms hold every applicable
// statement of their level and none that is not applicable.
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { Coverage, parseFace } from '../../src/writers/pdf/fonts.js';
import { bytesOf, context, kitchenSink, render, seedLadders, squeeze, squeezedText, tempPdf, toolsMissing } from './support.js';

/** What the PDF shows for a model string: the same glyph replacement the writer applies. */
function shown(text: string): string {
  const ctx = context();
  const coverage = new Coverage([parseFace(ctx.assets['DejaVuSansCondensed.ttf']!), parseFace(ctx.assets['DejaVuSansCondensed-Bold.ttf']!)]);
  return squeeze(coverage.clean(text));
}

function expectedTexts(ladder: Ladder, trackId: string): string[] {
  const track = ladder.tracks.find((t) => t.id === trackId)!;
  const out = [ladder.title, ladder.description ?? '', track.name, track.description ?? '', ...(track.notes ?? [])];
  for (const b of track.baseline ?? []) out.push(b.competency, ...b.statements);
  for (const l of track.levels) {
    out.push(l.title, l.code ?? '', l.summary ?? '');
    for (const [k, v] of Object.entries(l.metadata ?? {})) out.push(k, v);
    for (const eq of l.equivalents ?? []) {
      const t = ladder.tracks.find((x) => x.id === eq.track);
      out.push(t?.name ?? '', t?.levels.find((x) => x.id === eq.level)?.title ?? '');
    }
  }
  for (const c of track.competencies) {
    out.push(c.name, c.category ?? '', c.area ?? '', c.description ?? '');
    for (const e of c.expectations) {
      out.push(...e.statements);
      for (const g of e.examples ?? []) out.push(...g.examples);
    }
  }
  return out.filter((s) => s.trim() !== '');
}

describe.skipIf(toolsMissing('pdftotext'))('PDF completeness', () => {
  it('the kitchen sink and every seed that compiles: each track PDF contains every field, every statement', async () => {
    const ladders = [kitchenSink(), ...seedLadders()];
    expect(ladders.length).toBeGreaterThan(1);
    const result = await render(ladders, context());
    for (const ladder of ladders) {
      for (const track of ladder.tracks) {
        const path = `pdf/${ladder.id}--${track.id}.pdf`;
        const text = squeezedText(tempPdf(bytesOf(result, path)));
        const missing = expectedTexts(ladder, track.id).filter((s) => !text.includes(shown(s)));
        expect(missing, path).toEqual([]);
      }
    }
  }, 60_000);

  it('a review form lists the applicable statements of its level only', async () => {
    const ladder = kitchenSink();
    const result = await render([ladder]);
    const text = squeezedText(tempPdf(bytesOf(result, 'pdf/review/kitchen-sink--engineering--e2.pdf')));
    for (const s of ['Writes readable code.', "Reviews others' code.", '=HYPERLINK("http://evil.example","click")']) expect(text).toContain(squeeze(s));
    expect(text).not.toContain(squeeze('Asks for reviews.'));
    // No expectation for Communication at e2: the competency is left out.
    expect(text).not.toContain('Communication');
    // e1's Testing expectation is n/a: no form field, no statement, not even the competency.
    const e1 = squeezedText(tempPdf(bytesOf(result, 'pdf/review/kitchen-sink--engineering--e1.pdf')));
    expect(e1).not.toContain('Testing');
    expect(e1).not.toContain('n/a');
  });

  it('profiles say which statements are new at a level, and show n/a as not applicable', async () => {
    const result = await render([kitchenSink()]);
    const path = tempPdf(bytesOf(result, 'pdf/kitchen-sink--engineering.pdf'));
    const all = squeezedText(path);
    expect(all).toContain(squeeze('Not applicable at this level.'));
    expect(all).toContain(squeeze('● 2 new at this level · – 1 also expected at Engineer I (E1)'));
    // e2 keeps "Writes readable code." from e1 (–) and adds "Reviews others' code." (●).
    expect(all).toContain(squeeze("– Writes readable code. ● Reviews others' code."));
  });
});
