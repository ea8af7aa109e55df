// Writer goldens in every shipped locale but English (whose goldens are tests/writers/golden/): the
// kitchen-sink model in each format, compared with tests/writers/golden-locale/<locale>/<format>/…
// (PDFs and workbooks as their text summaries). `make golden` (UPDATE=1) rewrites them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, LOCALES } from '../../src/locale/index.js';
import type { Ladder } from '../../src/model.js';
import { pdfSummary } from '../support/pdf-text.js';
import { renderFormat, renderFormats, type RenderedFile } from '../support/render.js';
import { xlsxSummary } from '../support/xlsx-text.js';

const UPDATE = process.env.UPDATE === '1';
const ROOT = 'tests/writers/golden-locale';
const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;

async function golden(file: RenderedFile): Promise<{ name: string; text: string }> {
  if (typeof file.contents === 'string') return { name: file.path, text: file.contents };
  if (file.path.endsWith('.pdf')) return { name: `${file.path}.txt`, text: await pdfSummary(file.contents) };
  return { name: `${file.path}.txt`, text: await xlsxSummary(file.contents) };
}

const cases = LOCALES.filter((l) => l !== 'en').flatMap((locale) => renderFormats().map((format) => [locale, format] as const));

describe.each(cases)('%s: %s writer on the kitchen-sink model', async (locale, format) => {
  const rendered = await renderFormat(format, [kitchenSink()], {}, locale);
  const english = await renderFormat(format, [kitchenSink()]);
  const goldens = await Promise.all(rendered.files.map(golden));
  if (UPDATE) {
    rmSync(join(ROOT, locale, format), { recursive: true, force: true });
    for (const g of goldens) {
      mkdirSync(dirname(join(ROOT, locale, g.name)), { recursive: true });
      writeFileSync(join(ROOT, locale, g.name), g.text);
    }
  }

  it('writes the same files as in English, without errors', () => {
    expect(rendered.files.map((f) => f.path)).toEqual(english.files.map((f) => f.path));
    expect(rendered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  if (format === 'html') {
    it('leaves no English word of the catalogue on the pages, and sets lang', () => {
      // Every string of the html section, nested ones (downloadFiles) too, keyed by its path.
      const leaves = (o: object, at = ''): Record<string, string> => Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${at}${k}`, v]] : Object.entries(leaves(v as object, `${at}${k}.`)))));
      const english = leaves(catalogue('en').html);
      const own = leaves(catalogue(locale).html);
      const source = JSON.stringify(kitchenSink()); // a competency may be called "Expectations"
      // Whole catalogue strings (without placeholders; not the lowercase single words, which are also class names, nor the source's own words) that the locale words differently.
      const words = Object.keys(english).filter((k) => !english[k]!.includes('{') && english[k] !== own[k] && /^[A-Z]|\s/.test(english[k]!) && !source.includes(english[k]!)).map((k) => english[k]!);
      expect(words.length).toBeGreaterThan(40);
      for (const file of rendered.files.filter((f) => f.path.endsWith('.html'))) {
        const text = String(file.contents);
        expect(text, file.path).toContain(`<html lang="${locale}">`);
        for (const word of words) expect(text.includes(`>${word}<`) || text.includes(`"${word}"`), `${file.path}: "${word}"`).toBe(false);
      }
    });
  }
  it.each(goldens.map((g) => [g.name, g.text] as const))('matches %s', (name, text) => {
    const file = join(ROOT, locale, name);
    expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
