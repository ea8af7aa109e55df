// The self-assessment pages in Chromium (playwright-core), from file:// under the pages' own CSP:
// tick and write notes, reload, share the URL into a fresh browser context, and the same answers
// come back; the level the answers point to and the gaps follow the ticks; the JSON export holds
// exactly the ticks; keyboard use, print and phone layout; axe-core finds nothing.
// Skipped without /usr/bin/chromium unless CI is set. UPDATE_SCREENSHOTS=1 writes the README's
// pictures (docs/self-assessment-{desktop,phone}.png).

/// <reference lib="dom" />

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';
import { writeAll, writerContext } from '../support/writer-context.js';

const CHROMIUM = '/usr/bin/chromium';
const RUN = existsSync(CHROMIUM) || Boolean(process.env.CI);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PAGE = 'html/kitchen-sink/engineering.self-assessment.html';

const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;

interface Exported {
  format: string;
  ladder: { id: string };
  track: { id: string };
  pointsTo: { id: string; label: string } | null;
  next: { id: string; label: string } | null;
  levels: Array<{ id: string; met: number; statements: number }>;
  competencies: Array<{ id: string; notes: string; levels: Array<{ level: string; statements: Array<{ text: string; met: boolean }> }> }>;
}

if (!RUN) {
  describe('self-assessment pages in Chromium', () => {
    it.skip(`skipped: no Chromium at ${CHROMIUM} (run \`make test-deps\`, or set CI to make this a failure)`, () => {});
  });
} else {
  describe('self-assessment pages in Chromium', () => {
    let browser: Browser;
    let outDir: string;
    let pages: string[];
    const url = (page: string) => pathToFileURL(join(outDir, page)).href;

    async function strict(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; problems: string[]; requests: string[] }> {
      const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, ...options });
      const problems: string[] = [];
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      context.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      context.on('weberror', (e) => problems.push(e.error().message));
      return { context, problems, requests };
    }

    /** What the page shows: which boxes are ticked (by data-index) and each competency's notes. */
    async function answers(tab: Page): Promise<{ ticked: number[]; notes: Record<string, string> }> {
      return tab.evaluate(() => ({
        ticked: [...document.querySelectorAll<HTMLInputElement>('input[data-index]')].filter((b) => b.checked).map((b) => Number(b.dataset.index)),
        notes: Object.fromEntries([...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-notes]')].map((t) => [t.dataset.notes!, t.value])),
      }));
    }

    beforeAll(async () => {
      const seeds = ['sources/all-the-levels.md', 'sources/sre-skills-matrix.txt']
        .filter((p) => existsSync(p))
        .map((p) => readSource(new Uint8Array(readFileSync(p)), p).ladder)
        .filter((l): l is Ladder => l !== undefined);
      const result = await writeAll('html', [kitchenSink(), ...seeds], writerContext('html'));
      outDir = mkdtempSync(join(tmpdir(), 'ladderc-assess-'));
      for (const file of result.files) {
        const path = join(outDir, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.contents);
      }
      pages = result.files.map((f) => f.path).filter((p) => p.endsWith('.self-assessment.html'));
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });

    afterAll(async () => {
      await browser?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    it('writes one page per track, linked from the track page', async () => {
      expect(pages).toContain(PAGE);
      expect(pages).toContain('html/kitchen-sink/management.self-assessment.html');
      const { context } = await strict();
      const tab = await context.newPage();
      await tab.goto(url('html/kitchen-sink/engineering.html'));
      await Promise.all([tab.waitForURL(/engineering\.self-assessment\.html$/), tab.getByRole('link', { name: 'Assess yourself against this track' }).click()]);
      expect(await tab.locator('h1').innerText()).toBe('Self-assessment');
      await context.close();
    });

    it('keeps ticks and notes in the URL: through a reload and into a fresh browser', async () => {
      const { context, problems, requests } = await strict();
      const tab = await context.newPage();
      await tab.goto(url(PAGE));
      // Scripts ran under the page's CSP: the actions are shown, the no-script note hidden.
      await expect.poll(() => tab.locator('[data-actions]').isVisible()).toBe(true);
      expect(await tab.locator('[data-needs-script]').isVisible()).toBe(false);
      await tab.getByLabel('Writes readable code.').first().check();
      // By keyboard: focus a box, Space ticks it.
      await tab.getByLabel('Asks for reviews.').focus();
      await tab.keyboard.press('Space');
      await tab.getByLabel('Reviews others\' code.').check();
      const note = 'Pairing with Ana — reviews & “tests”, 1-2 a week';
      await tab.getByLabel('Notes on Code Quality').fill(note);
      const before = await answers(tab);
      expect(before.ticked).toEqual([0, 1, 3]);
      expect(before.notes['code-quality']).toBe(note);
      const shared = await tab.evaluate(() => location.href);
      expect(shared).toMatch(/#s=1&t=[A-Za-z0-9_-]+&n\.code-quality=/);
      expect(await tab.locator('[data-share]').inputValue()).toBe(shared);

      await tab.reload();
      expect(await answers(tab)).toEqual(before);
      await context.close();

      const fresh = await strict({ viewport: PHONE, isMobile: true });
      const other = await fresh.context.newPage();
      await other.goto(shared);
      expect(await answers(other)).toEqual(before);
      expect(await other.locator('[data-result]').innerText()).toBe('Your answers do not reach Engineer I (E1) yet: 2 of its 3 statements are ticked.');
      await fresh.context.close();
      expect([...problems, ...fresh.problems]).toEqual([]);
      expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
      expect(requests.some((r) => r.endsWith('/assets/self-assessment.js'))).toBe(true);
    });

    it('points to the highest level whose statements (and those below) are all ticked, and lists the gaps', async () => {
      const { context, problems } = await strict();
      const tab = await context.newPage();
      await tab.goto(url(PAGE));
      const result = tab.locator('[data-result]');
      expect(await result.innerText()).toBe('No statement ticked yet.');
      for (const box of await tab.locator('fieldset[data-level="e1"] input').all()) await box.check();
      expect(await result.innerText()).toBe('Your answers point to Engineer I (E1).');
      expect(await tab.locator('[data-count-for="e1"]').innerText()).toBe('3 of 3');
      expect(await tab.locator('[data-gaps-title]').innerText()).toBe('Gaps to Engineer II (E2) (3 statements)');
      expect(await tab.locator('[data-gaps-list] > li > strong').allInnerTexts()).toEqual(['Code Quality', 'Testing']);
      expect(await tab.locator('[data-gaps-list] a').allInnerTexts()).toEqual(['Writes readable code.', "Reviews others' code.", '=HYPERLINK("http://evil.example","click")']);
      // A gap's link moves focus to its statement and keeps the answers in the URL.
      const hash = await tab.evaluate(() => location.hash);
      await tab.locator('[data-gaps-list] a').last().click();
      expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-index'))).not.toBeNull();
      expect(await tab.evaluate(() => location.hash)).toBe(hash);
      for (const box of await tab.locator('input[data-index]').all()) await box.check();
      expect(await result.innerText()).toBe('Your answers point to Senior Engineer (E3), the top level of this track.');
      expect(await tab.locator('[data-gaps]').isVisible()).toBe(false);
      // The skip link's fragment does not lose the answers either.
      const all = await answers(tab);
      await tab.locator('.skip-link').focus();
      await tab.keyboard.press('Enter');
      await expect.poll(() => tab.evaluate(() => location.hash.startsWith('#s=1&'))).toBe(true);
      await tab.reload();
      expect(await answers(tab)).toEqual(all);
      await context.close();
      expect(problems).toEqual([]);
    });

    it('exports exactly the ticks and notes as JSON', async () => {
      const { context, problems } = await strict();
      const tab = await context.newPage();
      await tab.goto(url(PAGE));
      await tab.getByLabel('Sets standards for readable code.').check();
      await tab.getByLabel(/^Shares status/).check();
      await tab.getByLabel('Notes on Testing').fill('line one\nline two');
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Export as JSON' }).click()]);
      expect(download.suggestedFilename()).toBe('kitchen-sink--engineering-self-assessment.json');
      const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as Exported;
      expect([data.format, data.ladder.id, data.track.id]).toEqual(['ladderc-self-assessment', 'kitchen-sink', 'engineering']);
      const ticked = await tab.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[data-index]')].map((b) => [b.closest('[data-competency]')!.getAttribute('data-competency'), b.closest('fieldset')!.dataset.level, document.querySelector(`label[for="${b.id}"]`)!.textContent!.trim(), b.checked]));
      const exported = data.competencies.flatMap((c) => c.levels.flatMap((l) => l.statements.map((s) => [c.id, l.level, s.text, s.met])));
      expect(exported).toEqual(ticked);
      expect(exported.filter((e) => e[3]).map((e) => e[2])).toEqual(['Sets standards for readable code.', 'Shares status <script>alert(1)</script> daily.']);
      expect(data.competencies.find((c) => c.id === 'testing')!.notes).toBe('line one\nline two');
      expect(data.pointsTo).toBeNull();
      expect(data.next?.id).toBe('e1');
      expect(data.levels.map((l) => [l.id, l.met, l.statements])).toEqual([['e1', 1, 3], ['e2', 0, 3], ['e3', 1, 4]]);
      await context.close();
      expect(problems).toEqual([]);
    });

    it('prints the answers without the controls, and fits a phone without sideways scrolling', async () => {
      const { context } = await strict();
      const tab = await context.newPage();
      await tab.goto(url(PAGE));
      await tab.getByLabel('Asks for reviews.').check();
      await tab.emulateMedia({ media: 'print' });
      expect(await tab.locator('[data-actions]').isVisible()).toBe(false);
      expect(await tab.locator('[data-result]').isVisible()).toBe(true);
      expect(await tab.getByLabel('Asks for reviews.').isChecked()).toBe(true);
      const pdf = await tab.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await context.close();
      const phone = await strict({ viewport: PHONE, isMobile: true, hasTouch: true });
      for (const page of pages) {
        const p = await phone.context.newPage();
        await p.goto(url(page));
        expect(await p.evaluate(() => document.documentElement.scrollWidth), page).toBeLessThanOrEqual(PHONE.width);
        await p.close();
      }
      await phone.context.close();
    });

    it('has no axe-core violation, with and without answers, light and dark, desktop and phone', async () => {
      const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
      const failures: string[] = [];
      for (const [label, options] of [
        ['desktop', { viewport: DESKTOP }],
        ['dark', { viewport: DESKTOP, colorScheme: 'dark' as const }],
        ['phone', { viewport: PHONE, isMobile: true }],
      ] as const) {
        // axe-core is injected, which the pages' CSP would refuse: this context bypasses it.
        const context = await browser.newContext({ ...options, bypassCSP: true });
        for (const page of pages) {
          const tab = await context.newPage();
          await tab.goto(url(page));
          if (label !== 'desktop') await tab.locator('input[data-index]').first().check();
          await tab.addScriptTag({ content: axe });
          const results = await tab.evaluate(() => (window as unknown as { axe: { run: (d: Document, o: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }));
          for (const v of results.violations) failures.push(`${label} ${page}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          await tab.close();
        }
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it('takes desktop and phone screenshots', async () => {
      const dir = process.env.UPDATE_SCREENSHOTS ? 'docs' : mkdtempSync(join(tmpdir(), 'ladderc-assess-shots-'));
      for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const context = await browser.newContext({ viewport, isMobile: name === 'phone', deviceScaleFactor: 1 });
        const tab = await context.newPage();
        await tab.goto(url(PAGE));
        for (const label of ['Writes readable code.', 'Asks for reviews.']) await tab.getByLabel(label).first().check();
        await tab.getByLabel(/^Shares status/).check();
        await tab.getByLabel('Notes on Code Quality').fill('Pairs on reviews every week.');
        await tab.evaluate(() => window.scrollTo(0, 0));
        const png = await tab.screenshot({ path: join(dir, `self-assessment-${name}.png`) });
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        await context.close();
      }
      if (!process.env.UPDATE_SCREENSHOTS) rmSync(dir, { recursive: true, force: true });
    });
  });
}
