// The site links the build's other files (issue 15): every ladder, track and level page has a
// Downloads list of the PDFs, CSVs, workbooks… made beside it, every link resolves to a file the
// build wrote, `html.downloads: copy` makes out/html/ publishable alone, and `none` links nothing.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, CLEAN_SEED, ensureDist, ladderc, project } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

function pages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Every relative href of a page's Downloads lists, resolved to an absolute path. */
function downloadLinks(page: string): string[] {
  const html = readFileSync(page, 'utf8');
  const lists = [...html.matchAll(/<nav class="downloads"[\s\S]*?<\/nav>/g)].map((m) => m[0]);
  return lists.flatMap((list) => [...list.matchAll(/href="([^"#]+)"/g)].map((m) => resolve(dirname(page), m[1]!)));
}

/** Every relative href and src of a page (not http:, mailto:), without its #hash, resolved. */
function allLinks(page: string): string[] {
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/(?:href|src)="([^"]*)"/g)]
    .map((m) => m[1]!.split('#')[0]!)
    .filter((href) => href !== '' && !/^[a-z]+:/i.test(href))
    .map((href) => resolve(dirname(page), href));
}

function build(...args: string[]): string {
  const dir = project({ [`src/${CLEAN_SEED}`]: { seed: CLEAN_SEED } });
  const run = ladderc(['build', 'src', '--no-cache', ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return join(dir, 'out');
}

const rel = (out: string, path: string) => relative(out, path).split(sep).join('/');

describe('the Downloads lists', { timeout: 120_000 }, () => {
  it('link every PDF, CSV and workbook of the build from its ladder, track or level page, and every link resolves', () => {
    const out = build();
    const linked = new Set<string>();
    for (const page of pages(join(out, 'html'))) {
      for (const target of allLinks(page)) expect(existsSync(target), `${rel(out, page)} links ${rel(out, target)}`).toBe(true);
      for (const target of downloadLinks(page)) linked.add(rel(out, target));
    }
    // Every file of the other formats is linked from some page (the manifest is not a download).
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; format: string }> };
    const others = manifest.files.filter((f) => f.format !== 'html').map((f) => f.path).sort();
    expect(others.length).toBeGreaterThan(10);
    expect([...linked].sort()).toEqual(others);

    // Each file on the page it belongs to: a track's book and matrix on the track page, a level's
    // profile and review form on the level page, the ladder's workbook and the crosswalk on the index.
    const book = manifest.files.find((f) => /^pdf\/[^/]+\.pdf$/.test(f.path))!;
    const [ladder, track] = book.path.slice('pdf/'.length, -'.pdf'.length).split('--') as [string, string];
    const trackPage = readFileSync(join(out, `html/${ladder}/${track}.html`), 'utf8');
    expect(trackPage).toContain(`href="../../pdf/${ladder}--${track}.pdf"`);
    expect(trackPage).toContain(`href="../../csv/${ladder}--${track}.csv"`);
    expect(trackPage).not.toContain('pdf/review/');
    const levels = readdirSync(join(out, `html/${ladder}/${track}`)).sort();
    expect(levels.length).toBeGreaterThan(1);
    for (const name of levels) {
      const level = name.slice(0, -'.html'.length);
      const levelPage = readFileSync(join(out, `html/${ladder}/${track}/${name}`), 'utf8');
      expect(levelPage, name).toContain(`href="../../../pdf/review/${ladder}--${track}--${level}.pdf"`);
      expect(levelPage, name).toContain(`href="../../../pdf/level/${ladder}--${track}--${level}.pdf"`);
      expect(downloadLinks(join(out, `html/${ladder}/${track}/${name}`)), name).toHaveLength(2);
    }
    const index = readFileSync(join(out, 'html/index.html'), 'utf8');
    expect(index).toContain(`href="../xlsx/${ladder}.xlsx"`);
    expect(index).toContain('href="../csv/crosswalk.csv"');
  });

  it('copy: out/html/ carries every file it links, byte for byte, and links nothing outside itself', () => {
    const out = build('--html-downloads', 'copy');
    const site = join(out, 'html');
    let count = 0;
    for (const page of pages(site)) {
      for (const target of allLinks(page)) {
        expect(rel(site, target).startsWith('..'), `${rel(out, page)} links ${rel(out, target)} outside html/`).toBe(false);
        expect(existsSync(target), `${rel(out, page)} links ${rel(out, target)}`).toBe(true);
      }
      for (const target of downloadLinks(page)) {
        const original = join(out, rel(join(site, 'downloads'), target));
        expect(readFileSync(target).equals(readFileSync(original)), rel(out, target)).toBe(true);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(10);
    // The copies are the build's files: the manifest lists them and --check holds them to it.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; format: string }> };
    const copies = manifest.files.filter((f) => f.path.startsWith('html/downloads/'));
    expect(copies.every((f) => f.format === 'html')).toBe(true);
    expect(copies.map((f) => f.path.slice('html/downloads/'.length)).sort()).toEqual(manifest.files.filter((f) => f.format !== 'html').map((f) => f.path).sort());
    const check = ladderc(['build', 'src', '--no-cache', '--html-downloads', 'copy', '--check'], { cwd: dirname(out) });
    expect(check.code, check.stderr).toBe(0);
  });

  it('none: no page has a Downloads list, and no copies', () => {
    const out = build('--html-downloads', 'none');
    for (const page of pages(join(out, 'html'))) expect(readFileSync(page, 'utf8'), rel(out, page)).not.toContain('class="downloads"');
    expect(existsSync(join(out, 'html/downloads'))).toBe(false);
  });

  it('lists only the formats built: html alone links nothing, html with csv links only CSVs', () => {
    const alone = build('--format', 'html');
    for (const page of pages(join(alone, 'html'))) {
      expect(readFileSync(page, 'utf8'), rel(alone, page)).not.toContain('class="downloads"');
      for (const target of allLinks(page)) expect(existsSync(target), `${rel(alone, page)} links ${rel(alone, target)}`).toBe(true);
    }
    const withCsv = build('--format', 'html,csv');
    const targets = pages(join(withCsv, 'html')).flatMap(downloadLinks);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(rel(withCsv, target)).toMatch(/^csv\//);
      expect(existsSync(target)).toBe(true);
    }
  });

  it('follow the other formats through the build cache: no profiles, no profile links', () => {
    const dir = project({ [`src/${CLEAN_SEED}`]: { seed: CLEAN_SEED } });
    const cached = ['build', 'src', '--cache-dir', 'cache', '--format', 'html,pdf'];
    expect(ladderc(cached, { cwd: dir }).code).toBe(0);
    const links = () => pages(join(dir, 'out/html')).flatMap(downloadLinks).map((t) => rel(join(dir, 'out'), t));
    expect(links().some((l) => l.startsWith('pdf/level/'))).toBe(true);
    writeFileSync(join(dir, 'ladderc.config.json'), JSON.stringify({ pdf: { profiles: false } }));
    expect(ladderc(cached, { cwd: dir }).code).toBe(0);
    expect(links().length).toBeGreaterThan(0);
    expect(links().filter((l) => l.startsWith('pdf/level/'))).toEqual([]);
    for (const l of links()) expect(existsSync(join(dir, 'out', l)), l).toBe(true);
  });

  it('are labelled in the locale of the build (--locale de)', () => {
    const out = build('--format', 'html,csv', '--locale', 'de');
    const track = pages(join(out, 'html')).find((p) => readFileSync(p, 'utf8').includes('class="downloads"'))!;
    const html = readFileSync(track, 'utf8');
    expect(html).toContain('<p class="downloads-title">Zum Herunterladen</p>');
    expect(html).toContain('aria-label="Dateien zum Herunterladen: ');
    expect(html).toMatch(/>(?:Kompetenzmatrix \(CSV\)|Alle Erwartungen, eine pro Zeile \(CSV\))</);
    expect(html).not.toContain('>Downloads<');
  });
});
