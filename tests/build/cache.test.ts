// The incremental cache: a no-op rebuild parses and renders nothing; one changed source is
// re-parsed alone; corrupt or foreign entries are ignored; cache trouble never fails a build.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from '../../src/host/cache.js';
import { compileSources, emptyStats } from '../../src/pipeline/compile.js';
import { CLEAN_SEED, cleanup, contents, ensureDist, ladderc, project, WARNING_SEED } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const json = ['--format', 'json'];
const debug = { LADDERC_DEBUG_CACHE: '1' };

function counts(stderr: string): { parsed: number; rendered: number } {
  const m = /ladderc: cache: parsed (\d+), rendered (\d+)/.exec(stderr);
  if (!m) throw new Error(`no cache line in:\n${stderr}`);
  return { parsed: Number(m[1]), rendered: Number(m[2]) };
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (!e.name.startsWith('.')) out.push(join(d, e.name));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

describe('through the CLI', () => {
  it('a cold build parses every source; a no-op rebuild parses and renders nothing', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED } });
    const cold = ladderc(['build', 'src', ...json], { cwd: dir, env: debug });
    expect(cold.code).toBe(0);
    // One rendering per ladder and format, and json's build-wide file (crosswalk.json).
    expect(counts(cold.stderr)).toEqual({ parsed: 2, rendered: 3 });
    expect(existsSync(join(dir, 'node_modules/.cache/ladderc'))).toBe(true);
    const again = ladderc(['build', 'src', ...json], { cwd: dir, env: debug });
    expect(again.code).toBe(0);
    expect(counts(again.stderr)).toEqual({ parsed: 0, rendered: 0 });
    // The diagnostics of cached sources are reported all the same.
    expect(again.stderr).toContain('[mojibake-repaired]');
    expect(again.stderr).toContain('0 changed');
  });

  it('a change to one source re-parses and re-renders only that source', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED }, 'src/c.txt': { seed: CLEAN_SEED } });
    // A fixed date: the date derived without it spans every source's hash.
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(ladderc(['build', 'src', ...json], { cwd: dir, env }).code).toBe(0);
    writeFileSync(join(dir, 'src/c.txt'), readFileSync(join(dir, 'src/c.txt'), 'utf8').replace('<table', '<h1>Edited</h1>\n<table'));
    const run = ladderc(['build', 'src', ...json], { cwd: dir, env: { ...env, ...debug } });
    expect(run.code).toBe(0);
    // That source's ladder, and the build-wide crosswalk.json (the ladder's title is in it).
    expect(counts(run.stderr)).toEqual({ parsed: 1, rendered: 2 });
  });

  it('output from the cache is byte-identical to a build without it', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED } });
    expect(ladderc(['build', 'src', ...json, '--out', 'cold'], { cwd: dir }).code).toBe(0);
    const warm = ladderc(['build', 'src', ...json, '--out', 'warm'], { cwd: dir, env: debug });
    expect(counts(warm.stderr)).toEqual({ parsed: 0, rendered: 0 });
    expect(ladderc(['build', 'src', ...json, '--out', 'none', '--no-cache'], { cwd: dir }).code).toBe(0);
    expect(contents(join(dir, 'warm'))).toEqual(contents(join(dir, 'cold')));
    expect(contents(join(dir, 'none'))).toEqual(contents(join(dir, 'cold')));
  });

  it('corrupt entries (bad JSON, a payload that fails its checksum) are ignored and rewritten', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED } });
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    const before = contents(join(dir, 'out'));
    // The readings and renderings (the no-op stamp beside them is tests/build/stamp.test.ts's).
    const entries = files(join(dir, 'node_modules/.cache/ladderc')).filter((f) => !f.includes(`${sep}stamp${sep}`));
    expect(entries.length).toBe(5);
    entries.forEach((file, i) => {
      const text = readFileSync(file, 'utf8');
      if (i % 2 === 0) writeFileSync(file, text.slice(0, text.length / 2));
      else {
        // Valid JSON, valid shape, but the payload was tampered with: its checksum no longer matches.
        const envelope = JSON.parse(text) as { payload: string };
        envelope.payload = envelope.payload.replace(/"/, '"x');
        writeFileSync(file, JSON.stringify(envelope));
      }
    });
    const run = ladderc(['build', 'src', ...json], { cwd: dir, env: debug });
    expect(run.code).toBe(0);
    expect(counts(run.stderr)).toEqual({ parsed: 2, rendered: 3 });
    expect(run.stderr).toContain('5 rejected, 5 stored');
    expect(contents(join(dir, 'out'))).toEqual(before);
    expect(counts(ladderc(['build', 'src', ...json], { cwd: dir, env: debug }).stderr)).toEqual({ parsed: 0, rendered: 0 });
  });

  it('--no-cache reads and writes no cache', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    const run = ladderc(['build', 'src', ...json, '--no-cache'], { cwd: dir, env: debug });
    expect(counts(run.stderr)).toEqual({ parsed: 1, rendered: 2 });
    const fresh = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', ...json, '--no-cache'], { cwd: fresh }).code).toBe(0);
    expect(existsSync(join(fresh, 'node_modules'))).toBe(false);
  });

  it('--cache-dir and cacheDir in the config choose the folder', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'conf/ladderc.config.json': '{ "cacheDir": "../.ladder-cache" }' });
    expect(ladderc(['build', 'src', ...json, '--cache-dir', 'my-cache'], { cwd: dir }).code).toBe(0);
    // Two readings and renderings, and the no-op stamp.
    expect(files(join(dir, 'my-cache')).length).toBe(4);
    expect(ladderc(['build', 'src', ...json, '--config', 'conf/ladderc.config.json'], { cwd: dir }).code).toBe(0);
    expect(files(join(dir, '.ladder-cache')).length).toBe(4);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });

  it('a cache that cannot be written never fails the build', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'blocked': 'a file, not a folder' });
    const run = ladderc(['build', 'src', ...json, '--cache-dir', 'blocked/cache'], { cwd: dir, env: debug });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/0 stored, [1-9]\d* errors/);
    expect(existsSync(join(dir, 'out/json/a.json'))).toBe(true);
  });

  it("a writer's own options invalidate its rendering, not parsing, nor other writers' renderings", () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const csv = ['--format', 'csv'];
    expect(ladderc(['build', 'src', ...csv], { cwd: dir }).code).toBe(0);
    const run = ladderc(['build', 'src', ...csv, '--csv-bom=false'], { cwd: dir, env: debug });
    expect(run.code).toBe(0);
    // The ladder's CSV files and csv/crosswalk.csv (both carry the BOM or not).
    expect(counts(run.stderr)).toEqual({ parsed: 0, rendered: 2 });
    // The PDF writer's paper cannot change a CSV file: it is no part of the CSV writer's key.
    const paper = ladderc(['build', 'src', ...csv, '--csv-bom=false', '--paper', 'letter'], { cwd: dir, env: debug });
    expect(counts(paper.stderr)).toEqual({ parsed: 0, rendered: 0 });
    // SOURCE_DATE_EPOCH is embedded in outputs, so it is part of the render key too.
    const dated = ladderc(['build', 'src', ...csv, '--csv-bom=false'], { cwd: dir, env: { ...debug, SOURCE_DATE_EPOCH: '1700000000' } });
    expect(counts(dated.stderr)).toEqual({ parsed: 0, rendered: 2 });
    // The output folder is not: the same build into another folder comes from the cache.
    const elsewhere = ladderc(['build', 'src', ...csv, '--csv-bom=false', '--out', 'elsewhere'], { cwd: dir, env: { ...debug, SOURCE_DATE_EPOCH: '1700000000' } });
    expect(counts(elsewhere.stderr)).toEqual({ parsed: 0, rendered: 0 });
  });
});

describe('DiskCache', () => {
  const key = 'ab'.padEnd(64, '0');

  it('round-trips a payload and rejects one written by other code (another version or build)', () => {
    const dir = project({});
    const mine = new DiskCache(dir, { fingerprint: 'one' });
    mine.put('read', key, '{"x":1}');
    expect(mine.get('read', key)).toBe('{"x":1}');
    expect(mine.get('render', key)).toBeUndefined();
    const other = new DiskCache(dir, { fingerprint: 'two' });
    expect(other.get('read', key)).toBeUndefined();
    expect(other.counters).toMatchObject({ rejected: 1, hits: 0 });
  });

  it('rejects an entry stored under another key (a renamed or copied file)', () => {
    const dir = project({});
    const cache = new DiskCache(dir, { fingerprint: 'one' });
    cache.put('read', key, 'payload');
    const otherKey = 'ab'.padEnd(64, '1');
    mkdirSync(join(dir, 'read', 'ab'), { recursive: true });
    writeFileSync(join(dir, 'read', 'ab', `${otherKey}.json`), readFileSync(join(dir, 'read', 'ab', `${key}.json`)));
    expect(cache.get('read', otherKey)).toBeUndefined();
    expect(cache.counters.rejected).toBe(1);
  });

  it('read-only stores nothing', () => {
    const dir = project({});
    const cache = new DiskCache(join(dir, 'c'), { fingerprint: 'one', readOnly: true });
    cache.put('read', key, 'payload');
    expect(existsSync(join(dir, 'c'))).toBe(false);
  });

  it('leaves no temporary files behind', () => {
    const dir = project({});
    const cache = new DiskCache(dir, { fingerprint: 'one' });
    for (let i = 0; i < 5; i += 1) cache.put('render', key, `payload ${i}`);
    expect(files(dir).map((f) => f.slice(dir.length))).toEqual([`/render/ab/${key}.json`]);
    expect(statSync(join(dir, 'render', 'ab', `${key}.json`)).isFile()).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('prunes entries unused for long, then the least recently used beyond the size cap, at most hourly', () => {
    const dir = project({});
    const cache = new DiskCache(dir, { fingerprint: 'one' });
    const keys = ['01', '02', '03'].map((p) => p.padEnd(64, 'a'));
    keys.forEach((k, i) => cache.put('render', k, 'x'.repeat(1000 * (i + 1))));
    const day = 86400_000;
    const now = Date.now();
    // keys[0] unused for 30 days, keys[1] for 2 days, keys[2] just now.
    utimesSync(join(dir, 'render', '01', `${keys[0]}.json`), new Date(now - 30 * day), new Date(now - 30 * day));
    utimesSync(join(dir, 'render', '02', `${keys[1]}.json`), new Date(now - 2 * day), new Date(now - 2 * day));
    expect(cache.prune({ now })).toBe(1);
    expect(cache.get('render', keys[0]!)).toBeUndefined();
    expect(cache.get('render', keys[1]!)).toBeDefined();
    // Within the hour nothing happens, whatever the limits.
    expect(cache.prune({ now, maxBytes: 0 })).toBe(0);
    // Later, a size cap removes the least recently used first (keys[1] was just read, so keys[2] goes).
    utimesSync(join(dir, 'render', '03', `${keys[2]}.json`), new Date(now - day), new Date(now - day));
    expect(cache.prune({ now: now + 2 * 3600_000, maxBytes: 3500 })).toBe(1);
    expect(cache.get('render', keys[2]!)).toBeUndefined();
    expect(cache.get('render', keys[1]!)).toBeDefined();
  });

  it('compileSources counts parses and cache hits', async () => {
    const dir = project({});
    const cache = new DiskCache(dir, { fingerprint: 'one' });
    const sources = [{ path: 'src/a.txt', bytes: new Uint8Array(readFileSync(join('sources', CLEAN_SEED))) }];
    const first = emptyStats();
    const a = await compileSources(sources, { sources: {} }, { cache, stats: first });
    const second = emptyStats();
    const b = await compileSources(sources, { sources: {} }, { cache, stats: second });
    expect(first).toMatchObject({ parsed: 1, parseHits: 0 });
    expect(second).toMatchObject({ parsed: 0, parseHits: 1 });
    expect(b).toEqual(a);
    // Per-source options are part of the key.
    const third = emptyStats();
    await compileSources(sources, { sources: { 'src/a.txt': { title: 'Renamed' } } }, { cache, stats: third });
    expect(third.parsed).toBe(1);
  });
});
