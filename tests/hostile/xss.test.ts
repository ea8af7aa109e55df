// An XSS payload corpus through the whole pipeline: sources in three shapes (HTML table, GFM
// table, Markdown prose) carry payloads in the title, level names, competency names, cells and
// links; the built CLI compiles them to HTML; every page is checked with a real HTML parser (no
// script but the site's own, no event handler, no javascript:/data: URL, no style, iframe, base,
// object or meta http-equiv from a source) and, where Chromium is installed, opened in it: no
// payload runs (no dialog, no marker set on window).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ensureDist, ladderc, project } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

/** Each payload sets window.__xss or opens a dialog if it ever runs. */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload=window.__xss=3>',
  '"><script>window.__xss=4</script>',
  "'><iframe src=javascript:window.top.__xss=5>",
  '<a href="javascript:window.__xss=6">click</a>',
  '<a href="&#106;avascript:alert(7)">entity</a>',
  '<a href="jav&#x09;ascript:alert(8)">tab</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==">data</a>',
  '<style>body{background:url(javascript:alert(10))}</style>',
  '<base href="javascript:alert(11)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(12)">',
  '<object data="javascript:alert(13)"></object>',
  '<details open ontoggle=window.__xss=14>',
  '{{constructor.constructor("window.__xss=15")()}}',
  '</textarea></title><script>window.__xss=16</script>',
  '[link](javascript:alert(17))',
  '![img](x" onerror="alert(18))',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(19)>',
];

const cell = (i: number) => `Does ${PAYLOADS[i % PAYLOADS.length]!.replace(/\|/g, '\\|')} well`;

function gfmSource(): string {
  const rows = PAYLOADS.map((p, i) => `| Skill ${i} ${p.replace(/\|/g, '\\|')} | ${cell(i)} | ${cell(i + 1)} | ${cell(i + 2)} |`);
  return `# Ladder ${PAYLOADS[0]} ${PAYLOADS[5]}\n\n| Competency | Junior ${PAYLOADS[1]} | Senior ${PAYLOADS[6]} | Staff ${PAYLOADS[10]} |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

function htmlSource(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = PAYLOADS.map((p, i) => `<tr><td>Skill ${i} ${esc(p)}</td><td>${esc(cell(i))}</td><td>${p}</td></tr>`).join('\n');
  return `<!doctype html><html><head><title>T ${esc(PAYLOADS[0]!)}</title><base href="javascript:alert(1)//"><meta http-equiv="refresh" content="0;url=javascript:alert(2)"></head><body onload="window.__xss=20"><h1>Ladder ${esc(PAYLOADS[3]!)}</h1><script>window.__xss=21</script><table><tr><th>Competency</th><th>Junior ${esc(PAYLOADS[2]!)}</th><th>Senior <a href="javascript:alert(3)">x</a></th></tr>\n${rows}</table></body></html>`;
}

function proseSource(): string {
  const levels = ['Junior', 'Senior', 'Staff'].map(
    (level, i) => `## ${level} ${PAYLOADS[i + 4]}\n\n- **Coding ${PAYLOADS[7]}:** ${PAYLOADS[i]} and [a link](javascript:alert(${i})) and <https://example.com/"onmouseover="alert(1)>\n- **Review:** ${PAYLOADS[i + 9]}\n`,
  );
  return `# Prose ${PAYLOADS[16]}\n\n${levels.join('\n')}`;
}

function elements(node: Root | RootContent): Element[] {
  const out: Element[] = [];
  const stack: Array<Root | RootContent> = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'element') out.push(n);
    if ('children' in n) stack.push(...n.children);
    if (n.type === 'element' && n.content) stack.push(n.content);
  }
  return out;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

const CSP = /^default-src 'none'; script-src 'self'; style-src 'self';/;

describe('an XSS payload corpus through the CLI into HTML', () => {
  let dir = '';
  let pages: string[] = [];

  beforeAll(() => {
    dir = project({ 'src/gfm.md': gfmSource(), 'src/page.html': htmlSource(), 'src/prose.md': proseSource() });
    const run = ladderc(['build', 'src', '--format', 'html', '--no-cache'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    pages = htmlFiles(join(dir, 'out/html'));
  });

  it('builds every source, and the payloads reach the pages as text', () => {
    expect(pages.length).toBeGreaterThan(8);
    const parse = unified().use(rehypeParse);
    const texts: string[] = [];
    const collect = (node: Root | RootContent): void => {
      if (node.type === 'text') texts.push(node.value);
      if ('children' in node) for (const c of node.children) collect(c);
    };
    for (const page of pages) collect(parse.parse(readFileSync(page, 'utf8')));
    const all = texts.join('\n');
    for (const p of ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=2">', 'javascript:window.__xss=6']) expect(all).toContain(p);
  });

  it('no page holds active content from a source (checked with an HTML parser)', () => {
    const parse = unified().use(rehypeParse);
    for (const page of pages) {
      const name = relative(dir, page);
      const tree = parse.parse(readFileSync(page, 'utf8'));
      const els = elements(tree);
      const metas = els.filter((e) => e.tagName === 'meta' && e.properties.httpEquiv !== undefined);
      expect(metas.map((m) => String(m.properties.httpEquiv)), name).toEqual(['Content-Security-Policy']);
      expect(String(metas[0]!.properties.content), name).toMatch(CSP);
      for (const el of els) {
        expect(el.tagName, name).not.toMatch(/^(style|iframe|object|embed|base|form|svg|math|img|frame|frameset|applet)$/);
        for (const prop of Object.keys(el.properties)) expect(prop.toLowerCase(), `${name}: <${el.tagName} ${prop}>`).not.toMatch(/^on/);
        expect(el.properties.style, name).toBeUndefined();
        if (el.tagName === 'script') {
          expect(String(el.properties.src), name).toMatch(/^(\.\.\/)*assets\/(site|self-assessment)\.js$/);
          expect(el.children, name).toEqual([]);
        }
        for (const attr of ['href', 'src', 'action', 'formAction', 'data', 'poster', 'srcSet']) {
          const value = el.properties[attr];
          if (value === undefined) continue;
          // The parser has decoded entities: "&#106;avascript:" is "javascript:" here.
          const url = String(value).replace(/[\u0000-\u0020]/g, '');
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
          if (scheme !== undefined) expect(['http', 'https', 'mailto'], `${name}: ${attr}=${url}`).toContain(scheme);
        }
      }
    }
  });

  const CHROMIUM = '/usr/bin/chromium';
  it.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('no payload runs in Chromium (no dialog, no marker, no CSP violation from a source)', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const file of pages) {
        await page.goto(pathToFileURL(file).href);
        // Hover and click everything a payload could hang on.
        for (const a of await page.locator('a, details, summary').all()) await a.hover({ timeout: 1000 }).catch(() => undefined);
        const marker = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
        expect(marker, relative(dir, file)).toBeUndefined();
        // The self-assessment page keeps its state in the URL's fragment: the page itself stays.
        expect(page.url().replace(/#.*$/, ''), 'no redirect').toBe(pathToFileURL(file).href);
      }
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
