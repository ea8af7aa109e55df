// The same sources and options give byte-identical output in any folder, time zone, locale and
// file order on disk; dates come from SOURCE_DATE_EPOCH.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/writers/index.js';
import { CLEAN_SEED, cleanup, contents, ensureDist, ladderc, project, REPO, WARNING_SEED } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

/** Two projects with the same files, created in opposite orders (so directory order differs). */
function twins(): [string, string] {
  const seeds = [CLEAN_SEED, WARNING_SEED];
  const a = project({});
  const b = project({});
  for (const [dir, order] of [[a, seeds], [b, [...seeds].reverse()]] as const) {
    mkdirSync(join(dir, 'src'), { recursive: true });
    for (const seed of order) writeFileSync(join(dir, 'src', seed), readFileSync(join(REPO, 'sources', seed)));
  }
  return [a, b];
}

const envA = { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };
const envB = { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

describe('byte-identical output', () => {
  it('JSON: two folders, two time zones and locales, opposite file orders, with and without the cache', () => {
    const [a, b] = twins();
    expect(ladderc(['build', 'src', '--format', 'json'], { cwd: a, env: envA }).code).toBe(0);
    expect(ladderc(['build', 'src', '--format', 'json', '--no-cache'], { cwd: b, env: envB }).code).toBe(0);
    const outA = contents(join(a, 'out'));
    expect(Object.keys(outA).length).toBeGreaterThan(2);
    expect(contents(join(b, 'out'))).toEqual(outA);
    expect(readFileSync(join(a, 'out/manifest.json'), 'utf8')).not.toContain(a);
  });

  it('every output format, without SOURCE_DATE_EPOCH (a fixed date)', { timeout: 300_000 }, () => {
    const [a, b] = twins();
    const checked: string[] = [];
    for (const format of OUTPUT_FORMATS) {
      const args = ['build', 'src', '--format', format, '--out', `out-${format}`];
      expect(ladderc(args, { cwd: a, env: envA }).code, format).toBe(0);
      expect(ladderc(args, { cwd: b, env: envB }).code, format).toBe(0);
      expect(contents(join(b, `out-${format}`)), format).toEqual(contents(join(a, `out-${format}`)));
      checked.push(format);
    }
    expect(checked.sort()).toEqual([...OUTPUT_FORMATS].sort());
  });

  it('the same build from two working directories gives the same bytes (paths relative to the project)', { timeout: 120_000 }, () => {
    // With a config file: paths are relative to its folder, wherever the build runs from.
    const dir = project({
      'src/a.txt': { seed: CLEAN_SEED },
      'src/nested/b.txt': { seed: WARNING_SEED },
      'ladderc.config.json': JSON.stringify({ sources: { 'src/a.txt': { title: 'Renamed by the config' } } }),
    });
    const formats = ['--format', 'json,md,html,csv,pdf'];
    expect(ladderc(['build', 'src', ...formats, '--out', 'out-a'], { cwd: dir, env: envA }).code).toBe(0);
    const inner = join(dir, 'src', 'nested');
    const run = ladderc(['build', '..', ...formats, '--config', '../../ladderc.config.json', '--out', '../../out-b'], { cwd: inner, env: envA });
    expect(run.code, run.stderr).toBe(0);
    // Diagnostics still point where the person running the build can open them.
    expect(run.stderr).toContain('b.txt:17:');
    expect(run.stderr).not.toContain('src/nested/b.txt');
    const a = contents(join(dir, 'out-a'));
    expect(contents(join(dir, 'out-b'))).toEqual(a);
    const model = JSON.parse(readFileSync(join(dir, 'out-a/json/a.json'), 'utf8')) as { title: string; source: { path: string } };
    expect(model.source.path).toBe('src/a.txt');
    expect(model.title).toBe('Renamed by the config');

    // Without one: relative to the sources root (the folder named).
    const bare = project({ 'ladders/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'ladders', '--format', 'json,pdf', '--out', 'out-a'], { cwd: bare, env: envA }).code).toBe(0);
    expect(ladderc(['build', '.', '--format', 'json,pdf', '--out', '../out-b'], { cwd: join(bare, 'ladders'), env: envA }).code).toBe(0);
    expect(contents(join(bare, 'out-b'))).toEqual(contents(join(bare, 'out-a')));
    expect(readFileSync(join(bare, 'out-a/json/a.json'), 'utf8')).toContain('"path": "a.txt"');
  });

  it("adding a ladder leaves another ladder's PDF dates and its own PDFs' bytes unchanged (no date derived from other sources)", () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', '--format', 'pdf'], { cwd: dir, env: envA }).code).toBe(0);
    const before = contents(join(dir, 'out'));
    const pdfs = Object.keys(before).filter((p) => p.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(1);
    writeFileSync(join(dir, 'src', 'b.txt'), readFileSync(join(REPO, 'sources', WARNING_SEED)));
    expect(ladderc(['build', 'src', '--format', 'pdf'], { cwd: dir, env: envA }).code).toBe(0);
    const after = contents(join(dir, 'out'));
    expect(Object.keys(after).some((p) => p.startsWith('pdf/b--'))).toBe(true);
    // The files of a ladder alone (level profiles, review forms) keep their bytes; a track book
    // changes only in its last page, the crosswalk of every level of the build, never in its dates.
    const own = pdfs.filter((p) => p.startsWith('pdf/review/') || p.startsWith('pdf/level/'));
    expect(own.length).toBeGreaterThan(0);
    for (const path of own) expect(after[path], path).toBe(before[path]);
    const datesOf = (path: string) => [...readFileSync(join(dir, 'out', path), 'latin1').matchAll(/D:(\d{14})/g)].map((m) => m[1]);
    for (const path of pdfs.filter((p) => !own.includes(p))) expect(datesOf(path), path).toEqual(['19800101000000', '19800101000000']);
    // Without SOURCE_DATE_EPOCH every date is the fixed epoch, 1980-01-01T00:00:00Z.
    const text = readFileSync(join(dir, 'out', pdfs[0]!), 'latin1');
    const dates = [...text.matchAll(/D:(\d{14})/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toBe('19800101000000');
  });

  it('every date in a PDF is SOURCE_DATE_EPOCH when it is set', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', '--format', 'pdf'], { cwd: dir, env: { ...envB, SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { files: Array<{ path: string }> };
    const pdfs = manifest.files.filter((f) => f.path.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const f of pdfs) {
      const text = readFileSync(join(dir, 'out', f.path), 'latin1');
      const dates = [...text.matchAll(/D:(\d{14})/g)].map((m) => m[1]);
      expect(dates.length).toBeGreaterThan(0);
      // 1700000000 = 2023-11-14T22:13:20Z, whatever the time zone.
      for (const d of dates) expect(d).toBe('20231114221320');
    }
  });
});
