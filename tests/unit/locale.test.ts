// The shipped locales: every key of the English catalogue in every locale, no empty words, the
// other locales really translated; placeholders kept; dates through Intl.
import { describe, expect, it } from 'vitest';
import { catalogue, fillIn, formatDate, isLocale, LOCALES } from '../../src/locale/index.js';

type Tree = { [key: string]: string | readonly string[] | Tree };

/** Every leaf of a catalogue by dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string | readonly string[]> {
  const out = new Map<string, string | readonly string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value as string | readonly string[]);
    else for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('locales', () => {
  const english = leaves(catalogue('en') as unknown as Tree);

  it('ships English and German', () => {
    expect(LOCALES).toEqual(['en', 'de']);
    expect(isLocale('de')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });

  it.each(LOCALES)('%s has every key of en and no other, none empty, the same placeholders', (locale) => {
    const words = leaves(catalogue(locale) as unknown as Tree);
    expect([...words.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of words) {
      const list = typeof value === 'string' ? [value] : value;
      expect(list.length, key).toBeGreaterThan(0);
      for (const text of list) expect(text.trim(), key).not.toBe('');
      const en = english.get(key)!;
      if (typeof en === 'string') expect(placeholders(value as string), key).toEqual(placeholders(en));
      else expect(list.length, `${key}: as many entries as in English`).toBe(en.length);
    }
  });

  it('German is a translation, not a copy', () => {
    const german = leaves(catalogue('de') as unknown as Tree);
    const same = [...english].filter(([key, value]) => JSON.stringify(german.get(key)) === JSON.stringify(value)).map(([key]) => key);
    // Only words that are the same in both languages.
    expect(same.sort()).toEqual(['html.filter', 'pdf.form.name', 'pdf.form.person', 'pdf.logo']);
    expect(catalogue('de').lang).toBe('de');
  });

  it('fills in placeholders and leaves unknown ones as written', () => {
    expect(fillIn('Level {ordinal} of {count}', { ordinal: 2, count: 5 })).toBe('Level 2 of 5');
    expect(fillIn('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  it('formats dates with Intl in the locale, in UTC', () => {
    expect(formatDate('en', 315532800)).toBe('January 1, 1980');
    expect(formatDate('de', 315532800)).toBe('1. Januar 1980');
  });
});

describe('the API', () => {
  it('render() writes in the locale it is given', async () => {
    const { render } = await import('../../src/api.js');
    const { readFileSync } = await import('node:fs');
    const ladder = JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8'));
    const german = await render(ladder, 'csv', { locale: 'de' });
    const english = await render(ladder, 'csv');
    const header = (r: typeof german) => String(r.files.find((f) => f.path === 'csv/crosswalk.csv')!.contents).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header(german)).toBe('sprosse,leiter,pfad,stufe,grundlage,leiter_id,pfad_id,stufe_id');
    expect(header(english)).toBe('rung,ladder,track,level,basis,ladder_id,track_id,level_id');
  });
});

describe('the review forms in a locale', () => {
  it('take the locale\'s words where the config keeps the defaults, and the config\'s words where it sets them', async () => {
    const { renderFormat } = await import('../support/render.js');
    const { pdfSummary } = await import('../support/pdf-text.js');
    const { defaultWriterOptions } = await import('../../src/pipeline/options.js');
    const { readFileSync } = await import('node:fs');
    const ladder = JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8'));
    const review = defaultWriterOptions().pdf.review;
    const rendered = await renderFormat('pdf', [ladder], { profiles: false, review: { ...review, labels: { ...review.labels, person: 'Teammitglied' }, ratings: ['A', 'B'] } }, 'de');
    const form = rendered.files.find((f) => f.path.startsWith('pdf/review/'))!;
    const text = await pdfSummary(form.contents as Uint8Array);
    expect(text).toContain('Teammitglied');
    expect(text).toContain('Beurteilt von');
    expect(text).not.toContain('Reviewer');
    expect(text).toMatch(/^A B$/m);
    expect(text).toContain('Innerhalb eines Jahres');
  });
});
