// The HTML site as its readers meet it: Debian's Chromium, driven by playwright-core, opening every
// page from file://. One browser for the whole file; pages are checked a few at a time.
//
// Without /usr/bin/chromium the file is skipped, unless CI is set: there it must run (`make test`
// installs Chromium through scripts/test-deps.sh).
// Screenshots go to a temporary folder; UPDATE_SCREENSHOTS=1 writes the ones the README shows
// into docs/ instead (review them before committing).

// The callbacks given to page.evaluate() run in the browser: they need the DOM's types.
/// <reference lib="dom" />

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/host/io.js';
import type { Ladder } from '../../src/model.js';
import { catalogue } from '../../src/locale/index.js';
import { sourceFormatLabel } from '../../src/readers/registry.js';
import { linkLadders } from '../../src/pipeline/link.js';
import { readSource } from '../../src/readers/index.js';
import { writeHtml } from '../../src/writers/html.js';
import type { BuiltFile } from '../../src/writers/types.js';

const CHROMIUM = '/usr/bin/chromium';
const AXE = 'node_modules/axe-core/axe.min.js';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const RUN = HAVE_CHROMIUM || IN_CI;

// The machine's network is closed: without these flags Chromium keeps trying to reach Google.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The seeds that compile without errors (all five once every reader is done), then the kitchen sink. */
function ladders(): Ladder[] {
  const out: Ladder[] = [];
  for (const name of readdirSync('sources').filter((n) => !n.startsWith('.')).sort()) {
    const path = `sources/${name}`;
    const result = readSource(new Uint8Array(readFileSync(path)), path);
    if (result.ladder && !result.diagnostics.some((d) => d.severity === 'error')) out.push(result.ladder);
  }
  out.push(JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder);
  return out;
}

/**
 * The other formats' files a full build makes beside html/ (as the pipeline tells the HTML writer),
 * so the pages carry their Downloads lists; the test writes a placeholder at each path.
 */
function otherOutputs(ladders: readonly Ladder[]): BuiltFile[] {
  const files: BuiltFile[] = [{ path: 'csv/crosswalk.csv', format: 'csv', kind: 'crosswalk' }];
  for (const ladder of ladders) {
    files.push({ path: `xlsx/${ladder.id}.xlsx`, format: 'xlsx', kind: 'workbook', ladder: ladder.id });
    files.push({ path: `csv/${ladder.id}.csv`, format: 'csv', kind: 'expectations', ladder: ladder.id });
    for (const track of ladder.tracks) {
      const base = `${ladder.id}--${track.id}`;
      files.push({ path: `pdf/${base}.pdf`, format: 'pdf', kind: 'book', ladder: ladder.id, track: track.id });
      files.push({ path: `csv/${base}.csv`, format: 'csv', kind: 'matrix', ladder: ladder.id, track: track.id });
      for (const level of track.levels) {
        files.push({ path: `pdf/level/${base}--${level.id}.pdf`, format: 'pdf', kind: 'profile', ladder: ladder.id, track: track.id, level: level.id });
        files.push({ path: `pdf/review/${base}--${level.id}.pdf`, format: 'pdf', kind: 'review-form', ladder: ladder.id, track: track.id, level: level.id });
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Runs `work` over `items`, `width` at a time (two cores here; more only queue up). */
async function inPool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

if (!RUN) {
  describe('HTML site in Chromium', () => {
    it.skip(`skipped: no Chromium at ${CHROMIUM} (run \`make test-deps\`, or set CI to make this a failure)`, () => {});
  });
} else {
  describe('HTML site in Chromium', () => {
    let browser: Browser;
    let outDir: string;
    let pages: string[];
    let trackPages: string[];

    const url = (page: string) => {
      const [path, hash] = page.split('#') as [string, string | undefined];
      return pathToFileURL(join(outDir, path)).href + (hash ? `#${hash}` : '');
    };

    /** A context that enforces the pages' CSP and records every request and every console error. */
    async function strictContext(
      options: Parameters<Browser['newContext']>[0] = {},
    ): Promise<{ context: BrowserContext; problems: string[]; requests: string[] }> {
      const context = await browser.newContext({ viewport: DESKTOP, ...options });
      const problems: string[] = [];
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      context.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.location().url}: ${message.text()}`);
      });
      context.on('weberror', (error) => problems.push(error.error().message));
      return { context, problems, requests };
    }

    async function open(context: BrowserContext, page: string): Promise<Page> {
      const tab = await context.newPage();
      await tab.goto(url(page));
      return tab;
    }

    beforeAll(async () => {
      if (!HAVE_CHROMIUM) throw new Error(`CI is set but there is no Chromium at ${CHROMIUM}: scripts/test-deps.sh should have installed it`);
      const outputs = otherOutputs(ladders());
      const result = await writeHtml(ladders(), {
        options: {},
        outputs,
        sourceFormatLabel,
        locale: 'en',
        labels: catalogue('en'),
        templates: loadTemplateSet('html'),
        assets: {},
        version: 'test',
        sourceDateEpoch: 0,
        crosswalk: linkLadders(ladders()).crosswalk,
      });
      outDir = mkdtempSync(join(tmpdir(), 'ladderc-html-'));
      for (const file of result.files) {
        const path = join(outDir, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.contents);
      }
      for (const file of outputs) {
        const path = join(outDir, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, `placeholder for ${file.path}\n`);
      }
      pages = result.files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
      trackPages = pages.filter((p) => p.split('/').length === 3 && p !== 'html/index.html');
      // launch() gives Chromium a fresh, empty profile of its own each time: nothing cached or synced.
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });

    afterAll(async () => {
      await browser?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    it('opens every page with its own style and script, no CSP violation, no error', async () => {
      const { context, problems, requests } = await strictContext();
      await inPool(pages, 3, async (page) => {
        const tab = await open(context, page);
        // site.css applied (the header has its border) and site.js ran under the CSP (filter shown).
        expect(await tab.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle), page).toBe('solid');
        if (trackPages.includes(page) && (await tab.locator('[data-matrix]').count()) > 0) {
          await expect.poll(() => tab.locator('[data-filter]').isVisible(), { message: page }).toBe(true);
        }
        await tab.close();
      });
      await context.close();
      expect(problems).toEqual([]);
      // The pages did load their assets (so requests are being seen), and nothing but files.
      expect(requests.some((r) => r.endsWith('/assets/site.css'))).toBe(true);
      expect(requests.some((r) => r.endsWith('/assets/site.js'))).toBe(true);
      expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
    }, 120_000);

    it('shows each page\'s Downloads list, and every download link opens a file beside html/', async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const seen = new Set<string>();
      await inPool(pages.filter((p) => !p.includes('.self-assessment.')), 3, async (page) => {
        const tab = await open(context, page);
        const list = tab.locator('nav.downloads').first();
        expect(await list.isVisible(), page).toBe(true);
        const hrefs = await tab.locator('nav.downloads a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        expect(hrefs.length, page).toBeGreaterThan(0);
        for (const href of hrefs) {
          const path = decodeURIComponent(new URL(href).pathname);
          expect(path.startsWith(outDir) && existsSync(path), `${page} → ${href}`).toBe(true);
          seen.add(path.slice(outDir.length + 1));
        }
        await tab.close();
      });
      await context.close();
      const outputs = otherOutputs(ladders()).map((f) => f.path);
      expect([...seen].sort()).toEqual(outputs);
    }, 120_000);

    it('works the same from a web server (relative links, CSP \'self\' is the server)', async () => {
      const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };
      const server = createServer((request, response) => {
        const path = normalize(join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
        if (!path.startsWith(outDir) || !existsSync(path)) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const { context, problems } = await strictContext();
        const served: string[] = [];
        context.on('response', (response) => served.push(`${response.status()} ${response.url()}`));
        const tab = await context.newPage();
        await tab.goto(`http://127.0.0.1:${port}/html/kitchen-sink/engineering.html`);
        await expect.poll(() => tab.locator('[data-filter]').isVisible()).toBe(true);
        await Promise.all([tab.waitForURL(/\/html\/kitchen-sink\/engineering\/e2\.html$/), tab.locator('thead a[href="engineering/e2.html"]').click()]);
        expect(await tab.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
        await context.close();
        expect(problems).toEqual([]);
        expect(served.filter((r) => !r.startsWith('200 '))).toEqual([]);
      } finally {
        server.close();
      }
    });

    it('lays out the matrix: a column per level, a row per competency, sticky header and first column', async () => {
      const { context } = await strictContext();
      const tab = await open(context, 'html/kitchen-sink/engineering.html');
      const table = tab.locator('table[data-matrix]');
      expect(await table.locator('thead th[scope="col"]').allInnerTexts()).toEqual(['COMPETENCY', 'E1\nEngineer I', 'E2\nEngineer II', 'E3\nSenior Engineer']);
      expect(await table.locator('tbody th[scope="row"] .competency-name').allInnerTexts()).toEqual(['Code Quality', 'Testing', 'Communication']);
      expect(await table.locator('tbody th[scope="rowgroup"]').allInnerTexts()).toEqual(['TECHNICAL SKILLS', 'COLLABORATION']);
      expect(await table.locator('#competency-testing td').nth(0).innerText()).toContain('Not applicable');
      await tab.close();

      // Six levels do not fit 1280 px: the page scrolls sideways, the header row and the
      // competency column stay in view.
      const wide = pages.find((p) => p.endsWith('sre-skills-matrix/engineering.html')) ?? 'html/kitchen-sink/engineering.html';
      const page = await open(context, wide);
      await page.setViewportSize({ width: 900, height: 600 });
      await page.evaluate(() => window.scrollTo(400, 900));
      const header = await page.locator('thead th').nth(1).boundingBox();
      const rowHead = await page.locator('tbody tr[data-row] th').last().boundingBox();
      expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([400, 900]);
      expect(header!.y).toBe(0);
      expect(rowHead!.x).toBe(0);
      await context.close();
    });

    it('narrows the matrix to the competencies or statements matching the typed words', async () => {
      const { context } = await strictContext();
      const tab = await open(context, 'html/kitchen-sink/engineering.html');
      const visibleRows = () => tab.locator('table[data-matrix] tr[data-row]:visible th .competency-name').allInnerTexts();
      const input = tab.getByLabel('Filter');
      await input.fill('readable');
      expect(await visibleRows()).toEqual(['Code Quality']);
      await expect.poll(() => tab.locator('#filter-status').innerText()).toBe('1 of 3 competencies shown');
      // A category with no match left disappears with its rows.
      expect(await tab.locator('tbody[data-group]:visible').count()).toBe(1);
      await input.fill('STÄTUS daily');
      expect(await visibleRows()).toEqual(['Communication']);
      expect(await tab.locator('li.is-match:visible').allInnerTexts()).toEqual(['Shares status <script>alert(1)</script> daily.']);
      // Competency names, areas and categories match too: "testing" is an area of Code Quality.
      await input.fill('testing');
      expect(await visibleRows()).toEqual(['Code Quality', 'Testing']);
      await input.fill('@sum(a1)');
      expect(await visibleRows()).toEqual(['Testing']);
      // A category's name keeps all of its competencies.
      await input.fill('collaboration');
      expect(await visibleRows()).toEqual(['Communication']);
      await input.fill('no such words');
      expect(await visibleRows()).toEqual([]);
      expect(await tab.locator('#filter-status').innerText()).toBe('No competency matches.');
      await input.press('Escape');
      expect(await visibleRows()).toEqual(['Code Quality', 'Testing', 'Communication']);
      await context.close();
    });

    it('is fully readable without JavaScript (the filter box stays hidden)', async () => {
      const { context } = await strictContext({ javaScriptEnabled: false });
      const tab = await open(context, 'html/kitchen-sink/engineering.html');
      expect(await tab.locator('[data-filter]').isVisible()).toBe(false);
      expect(await tab.locator('table[data-matrix] tr[data-row]:visible').count()).toBe(3);
      await context.close();
    });

    it('turns the matrix into per-level cards on a phone, without sideways scrolling', async () => {
      const { context } = await strictContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      await inPool(trackPages, 3, async (page) => {
        const tab = await open(context, page);
        if ((await tab.locator('[data-matrix]').count()) > 0) {
          expect(await tab.locator('table[data-matrix]').isVisible(), page).toBe(false);
          expect(await tab.locator('.level-card').first().isVisible(), page).toBe(true);
        }
        expect(await tab.evaluate(() => document.documentElement.scrollWidth), page).toBeLessThanOrEqual(PHONE.width);
        await tab.close();
      });
      // The filter narrows the cards too.
      const cards = await open(context, 'html/kitchen-sink/engineering.html');
      await cards.getByLabel('Filter').fill('readable');
      expect(await cards.locator('#card-e2 .card-entry:visible .card-competency').allInnerTexts()).toEqual(['Code Quality\nQuality & testing']);
      expect(await cards.locator('#card-e2 .card-group:visible').count()).toBe(1);
      await cards.close();
      // A deep link to a level column lands on that level's card.
      const tab = await open(context, 'html/kitchen-sink/engineering.html#level-e3');
      await expect.poll(() => tab.locator('#card-e3').evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(80);
      // And one to a competency row, on the competency in the first card.
      await tab.goto(url('html/kitchen-sink/engineering.html#competency-communication'));
      const entry = tab.locator('#card-e1 [data-anchor="competency-communication"]');
      await expect.poll(() => entry.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(80);
      await context.close();
    });

    it('prints without navigation chrome', async () => {
      const { context } = await strictContext();
      const tab = await open(context, 'html/kitchen-sink/engineering/e2.html');
      await tab.emulateMedia({ media: 'print' });
      expect(await tab.locator('.site-header').isVisible()).toBe(false);
      expect(await tab.locator('.level-nav').isVisible()).toBe(false);
      const track = await open(context, 'html/kitchen-sink/engineering.html');
      await track.emulateMedia({ media: 'print' });
      expect(await track.locator('table[data-matrix]').isVisible()).toBe(true);
      expect(await track.locator('.level-cards').isVisible()).toBe(false);
      // The matrix prints across the long side of the paper, over as many pages as it needs.
      const wide = trackPages.find((p) => p.endsWith('sre-skills-matrix/engineering.html')) ?? 'html/kitchen-sink/engineering.html';
      await track.goto(url(wide));
      const pdf = (await track.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      expect(boxes.length).toBeGreaterThan(0);
      for (const [width, height] of boxes) expect(width).toBeGreaterThan(height);
      await context.close();
    });

    it('follows the system colour scheme', async () => {
      const background = async (colorScheme: 'light' | 'dark'): Promise<string> => {
        const { context } = await strictContext({ colorScheme });
        const tab = await open(context, 'html/kitchen-sink/engineering.html');
        const value = await tab.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        await context.close();
        return value;
      };
      expect(await background('light')).toBe('rgb(255, 255, 255)');
      expect(await background('dark')).toBe('rgb(17, 20, 24)');
    });

    it('has no serious or critical axe-core violation on any page, light and dark, desktop and phone', async () => {
      const axe = readFileSync(AXE, 'utf8');
      const failures: string[] = [];
      const check = async (context: BrowserContext, page: string, label: string): Promise<void> => {
        const tab = await open(context, page);
        // The pages' CSP would refuse this script; the context bypasses CSP for it.
        await tab.addScriptTag({ content: axe });
        const results = await tab.evaluate(() =>
          (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
        );
        for (const v of results.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            failures.push(`${label} ${page}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
        await tab.close();
      };
      const light = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
      await inPool(pages, 3, (page) => check(light, page, 'light'));
      await light.close();
      // Dark and phone layouts restyle the same templates: one page of each kind, plus the widest track.
      const sample = ['html/index.html', 'html/kitchen-sink/engineering.html', 'html/kitchen-sink/engineering/e3.html', ...trackPages.filter((p) => p.includes('sre-skills-matrix'))];
      const dark = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, colorScheme: 'dark' });
      await inPool(sample, 3, (page) => check(dark, page, 'dark'));
      await dark.close();
      const phone = await browser.newContext({ viewport: PHONE, bypassCSP: true, isMobile: true });
      await inPool(sample, 3, (page) => check(phone, page, 'phone'));
      await phone.close();
      expect(failures).toEqual([]);
    }, 600_000); // axe-core takes ~0.5 s a page on an idle machine (self-assessment pages included); CI machines are shared

    it('takes desktop and phone screenshots of a track page', async () => {
      const page = trackPages.find((p) => p.endsWith('all-the-levels/software-engineering.html')) ?? 'html/kitchen-sink/engineering.html';
      const dir = process.env.UPDATE_SCREENSHOTS ? 'docs' : mkdtempSync(join(tmpdir(), 'ladderc-screens-'));
      for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const context = await browser.newContext({ viewport, isMobile: name === 'phone', deviceScaleFactor: 1 });
        const tab = await open(context, page);
        const png = await tab.screenshot({ path: join(dir, `html-track-${name}.png`) });
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        await context.close();
      }
      if (!process.env.UPDATE_SCREENSHOTS) rmSync(dir, { recursive: true, force: true });
    });
  });
}
