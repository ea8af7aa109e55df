// A standalone PDF per level: the level's profile as in the track book, on its own, tagged with
// its own H1, for every level of every track that lists competencies; `profiles: false` leaves
// them out.
import { describe, expect, it } from 'vitest';
import { levelDiff } from '../../src/views/level-diff.js';
import { bytesOf, context, kitchenSink, render, run, squeeze, squeezedText, tempPdf, toolsMissing } from './support.js';

describe('PDF level profiles', () => {
  it('one profile PDF per level of every track with competencies', async () => {
    const ladder = kitchenSink();
    const result = await render([ladder]);
    const profiles = result.files.filter((f) => f.path.startsWith('pdf/level/'));
    const expected = ladder.tracks.filter((t) => t.competencies.length > 0).flatMap((t) => t.levels.map((l) => `pdf/level/${ladder.id}--${t.id}--${l.id}.pdf`));
    expect(expected.length).toBeGreaterThan(2);
    expect(profiles.map((f) => f.path)).toEqual(expected);
    for (const f of profiles) expect(f).toMatchObject({ format: 'pdf', ladder: ladder.id });
    const none = await render([ladder], context({ profiles: false }));
    expect(none.files.filter((f) => f.path.startsWith('pdf/level/'))).toEqual([]);
  });

  it.skipIf(toolsMissing('pdftotext', 'pdfinfo', 'qpdf'))('shows what the book shows for that level, and only that level', async () => {
    const ladder = kitchenSink();
    const track = ladder.tracks[0]!;
    const level = track.levels[2]!;
    const result = await render([ladder]);
    const path = tempPdf(bytesOf(result, `pdf/level/${ladder.id}--${track.id}--${level.id}.pdf`));
    run('qpdf', ['--check', path]);
    const info = run('pdfinfo', [path]).replace(/[ \t]+/g, ' ');
    expect(info).toContain(`Title: ${track.name}: ${level.title}`);
    const text = squeezedText(path);
    expect(text).toContain(squeeze(level.title));
    expect(text).toContain(squeeze(`Level 3 of ${track.levels.length}`));
    for (const c of track.competencies) for (const s of c.expectations.find((e) => e.level === level.id)?.statements ?? []) expect(text).toContain(squeeze(s));
    // Statements of other levels only (not repeated at this one, nor the old wording of one it
    // rewords, which the profile shows beneath) are not there.
    const reworded = levelDiff(track, level.id).competencies.flatMap((c) => c.reworded.map((r) => r.before));
    expect(reworded.length).toBeGreaterThan(0);
    const here = new Set([...track.competencies.flatMap((c) => c.expectations.filter((e) => e.level === level.id).flatMap((e) => e.statements)), ...reworded]);
    const elsewhere = track.competencies.flatMap((c) => c.expectations.filter((e) => e.level !== level.id).flatMap((e) => e.statements)).filter((s) => !here.has(s));
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const s of elsewhere) expect(text).not.toContain(squeeze(s));
    // The book's profile of the same level says the same (its text is a part of the book's).
    const book = squeezedText(tempPdf(bytesOf(result, `pdf/${ladder.id}--${track.id}.pdf`)));
    expect(book).toContain(squeeze(level.summary ?? level.title));
  });

  it.skipIf(toolsMissing('qpdf'))('its structure tree starts at H1 (the level), with no level skipped', async () => {
    const ladder = kitchenSink();
    const track = ladder.tracks[0]!;
    const result = await render([ladder]);
    const raw = Buffer.from(bytesOf(result, `pdf/level/${ladder.id}--${track.id}--${track.levels[0]!.id}.pdf`)).toString('latin1');
    const headings = [...raw.matchAll(/\/S \/H(\d)\b/g)].map((m) => Number(m[1]));
    expect(headings[0]).toBe(1);
    expect(headings.filter((h) => h === 1)).toHaveLength(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
  });
});
