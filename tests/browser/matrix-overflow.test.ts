// A matrix wider than the window says so: at 1,280 px a six-level track shows the scroll hint (and
// really is wider than the window), a four-level track that fits shows none. Needs chromium.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/host/io.js';
import type { Ladder } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';
import { writeHtml } from '../../src/writers/html.js';
import { writerContext } from '../support/writer-context.js';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'ladderc-overflow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ladder(path: string): Ladder {
  return readSource(readFileSync(path), path).ladder!;
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('matrix wider than the window', () => {
  it('shows the scroll hint exactly when the table is wider than a 1,280 px window', { timeout: 120_000 }, async () => {
    const six = ladder('sources/sre-skills-matrix.txt');
    const four = ladder('sources/all-the-levels.txt');
    expect(six.tracks[0]!.levels).toHaveLength(6);
    const narrow = four.tracks.find((t) => t.levels.length === 4)!;
    const { files } = writeHtml([six, four], writerContext('html', {}, loadTemplateSet('html')));
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const probe = async (path: string) => {
        await page.goto(pathToFileURL(join(dir, 'html', path)).href);
        return page.evaluate(() => ({
          hint: getComputedStyle(document.querySelector('.matrix-hint')!).display,
          wider: document.documentElement.scrollWidth > window.innerWidth,
        }));
      };
      expect(await probe(`${six.id}/${six.tracks[0]!.id}.html`)).toEqual({ hint: 'block', wider: true });
      expect(await probe(`${four.id}/${narrow.id}.html`)).toEqual({ hint: 'none', wider: false });
      await page.emulateMedia({ media: 'print' });
      expect((await probe(`${six.id}/${six.tracks[0]!.id}.html`)).hint).toBe('none');
    } finally {
      await browser.close();
    }
  });
});
