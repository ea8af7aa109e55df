// Writer goldens: the kitchen-sink model (tests/fixtures/model/kitchen-sink.json: two tracks,
// categories, an n/a cell, multi-statement and merged cells, notes, description, years, an
// equivalent, and text that needs escaping in every format) rendered in each format, compared with
// tests/writers/golden/<format>/… file by file. A PDF is compared as text (tests/support/pdf-text.ts:
// metadata, page sizes, form fields and text per page), never as bytes; a workbook likewise
// (tests/support/xlsx-text.ts: properties, and per sheet its panes, filter, widths and cells). Each format's diagnostics
// are in tests/writers/golden/diagnostics/<format>.json. `make golden` (UPDATE=1) rewrites them all.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { json } from '../support/expected.js';
import { pdfSummary } from '../support/pdf-text.js';
import { xlsxSummary } from '../support/xlsx-text.js';
import { renderFormat, renderFormats, type RenderedFile } from '../support/render.js';

const UPDATE = process.env.UPDATE === '1';
const ROOT = 'tests/writers/golden';
const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;

/** A rendered file as its golden: text as is, a PDF as its text summary. */
async function golden(file: RenderedFile): Promise<{ name: string; text: string }> {
  if (typeof file.contents === 'string') return { name: file.path, text: file.contents };
  if (file.path.endsWith('.pdf')) return { name: `${file.path}.txt`, text: await pdfSummary(file.contents) };
  if (file.path.endsWith('.xlsx')) return { name: `${file.path}.txt`, text: await xlsxSummary(file.contents) };
  throw new Error(`${file.path}: binary output with no text form; teach tests/writers/golden.test.ts one`);
}

function listed(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(ROOT, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe.each(renderFormats())('%s writer on the kitchen-sink model', async (format) => {
  const rendered = await renderFormat(format, [kitchenSink()]);
  const goldens = await Promise.all(rendered.files.map(golden));
  const diagnosticsFile = join(ROOT, 'diagnostics', `${format}.json`);
  const diagnosticsText = json(rendered.diagnostics);
  if (UPDATE) {
    rmSync(join(ROOT, format), { recursive: true, force: true });
    for (const g of goldens) {
      mkdirSync(dirname(join(ROOT, g.name)), { recursive: true });
      writeFileSync(join(ROOT, g.name), g.text);
    }
    mkdirSync(dirname(diagnosticsFile), { recursive: true });
    writeFileSync(diagnosticsFile, diagnosticsText);
  }

  it('writes files, all under its own folder', () => {
    expect(goldens.length).toBeGreaterThan(0);
    for (const g of goldens) expect(g.name.startsWith(`${format}/`), g.name).toBe(true);
  });
  it('writes exactly the files in the golden folder (none missing, none stale)', () => {
    expect(goldens.map((g) => g.name).sort(), `${ROOT}/${format}: run "make golden" and review the diff`).toEqual(listed(join(ROOT, format)));
  });
  it.each(goldens.map((g) => [g.name, g.text] as const))('matches %s', (name, text) => {
    const file = join(ROOT, name);
    expect(existsSync(file), `${file} is missing: run "make golden" and review it`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
  it('matches its diagnostics', () => {
    expect(existsSync(diagnosticsFile), `${diagnosticsFile} is missing: run "make golden" and review it`).toBe(true);
    expect(diagnosticsText).toBe(readFileSync(diagnosticsFile, 'utf8'));
  });
});
