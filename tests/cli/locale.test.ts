// --locale and the config's locale, from the built CLI: the words of every output in the locale,
// lang set, an unknown locale a usage error naming the shipped ones, and a switch re-rendering
// through the build cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';
import { CLEAN_SEED, cleanup, ensureDist, ladderc, project } from './support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const formats = ['--format', 'html,csv,md'];
const read = (dir: string, path: string): string => readFileSync(join(dir, 'out', path), 'utf8');

describe('locale', () => {
  it('--locale de writes German words and lang="de"; the Markdown reads back', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', ...formats, '--locale', 'de'], { cwd: dir });
    expect(run.stderr).toMatch(/compiled 1 ladder/);
    expect(run.code).toBe(0);
    const index = read(dir, 'html/index.html');
    expect(index).toContain('<html lang="de">');
    expect(index).toContain('<h1>Karriereleitern</h1>');
    expect(index).not.toContain('Career ladders');
    expect(read(dir, 'csv/crosswalk.csv')).toMatch(/^\uFEFF?sprosse,leiter,pfad,stufe/);
    expect(JSON.parse(read(dir, 'manifest.json')).options.locale).toBe('de');
    // The canonical Markdown of a German build reads back as canonical Markdown, without errors.
    const back = readSource(readFileSync(join(dir, 'out/md/a.md')), 'a.md');
    expect(back.ladder?.source.format).toBe('ladderc-md');
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('takes locale from the config, and the flag wins over it', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'ladderc.config.json': JSON.stringify({ locale: 'de' }) });
    expect(ladderc(['build', 'src', ...formats], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'html/index.html')).toContain('<html lang="de">');
    expect(ladderc(['build', 'src', ...formats, '--locale', 'en'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'html/index.html')).toContain('<html lang="en">');
    expect(read(dir, 'html/index.html')).toContain('<h1>Career ladders</h1>');
  });

  it('an unknown locale is a usage error naming the shipped ones', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const flag = ladderc(['build', 'src', ...formats, '--locale', 'fr'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('locale "fr" is not shipped (shipped: en, de)');
    const config = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'ladderc.config.json': JSON.stringify({ locale: 'xx' }) });
    const run = ladderc(['build', 'src', ...formats], { cwd: config });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('locale "xx" is not shipped (shipped: en, de) (locale in the config)');
  });

  it('switching locale re-renders through the cache, and --check sees the switch', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', ...formats], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'html/index.html')).toContain('lang="en"');
    expect(ladderc(['build', 'src', ...formats, '--locale', 'de', '--check'], { cwd: dir }).code).not.toBe(0);
    expect(ladderc(['build', 'src', ...formats, '--locale', 'de'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'html/index.html')).toContain('lang="de"');
    expect(ladderc(['build', 'src', ...formats, '--locale', 'de', '--check'], { cwd: dir }).code).toBe(0);
  });

  it('--help lists --locale with the shipped locales', () => {
    const dir = project({});
    expect(ladderc(['--help'], { cwd: dir }).stdout).toMatch(/--locale TAG\s+the language of the words ladderc writes: en, de/);
  });
});
