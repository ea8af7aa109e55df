// The crosswalk page of a track PDF: the track's rungs and what else sits on each, in pdftotext.
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Ladder } from '../../src/model.js';
import { linkLadders } from '../../src/pipeline/link.js';
import { bytesOf, context, render, run, tempPdf, toolsMissing } from './support.js';

function ladder(id: string, titles: string[]): Ladder {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: `Ladder ${id}`,
    source: { path: `${id}.md`, format: 'gfm-table', sha256: '0'.repeat(64) },
    tracks: [{ id: 'eng', name: `Engineering ${id}`, competencies: [], levels: titles.map((title, i) => ({ id: `l${i + 1}`, ordinal: i + 1, title })) }],
  };
}

describe.skipIf(toolsMissing('pdftotext'))('crosswalk page', () => {
  it('lists the track\'s rungs with the other tracks\' levels on each', async () => {
    const ladders = [ladder('a', ['Junior A', 'Senior A']), ladder('b', ['Associate B', 'Mid B', 'Senior B'])];
    const ctx = { ...context(), crosswalk: linkLadders(ladders).crosswalk };
    const text = run('pdftotext', ['-layout', tempPdf(bytesOf(await render([ladders[0]!], ctx), 'pdf/a--eng.pdf')), '-']);
    const page = text.slice(text.lastIndexOf('Crosswalk'));
    expect(page).toMatch(/1\s+Junior A\s+Ladder b › Engineering b: Associate B\s+placed by title/);
    expect(page).toMatch(/3\s+Senior A\s+Ladder b › Engineering b: Senior B\s+placed by title/);
    // Rung 2 holds only b's Mid B: a has no level there, so the page does not list it.
    expect(page).not.toContain('Mid B');
  });

  it('names the other tracks of a big build by count past the first ones', async () => {
    const ladders = [ladder('a', ['Junior A']), ...Array.from({ length: 20 }, (_, i) => ladder(`o${i + 1}`, ['Junior O']))];
    const ctx = { ...context(), crosswalk: linkLadders(ladders).crosswalk };
    const text = run('pdftotext', [tempPdf(bytesOf(await render([ladders[0]!], ctx), 'pdf/a--eng.pdf')), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('… and 6 more tracks on this rung');
    expect(text).toContain('Ladder o14 › Engineering o14: Junior O');
    expect(text).not.toContain('Ladder o15 › Engineering o15');
  });
});
