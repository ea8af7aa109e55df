// --jobs: the workers (src/pipeline/pool.ts) give the same bytes, the same diagnostics in the
// same order and the same exit codes as one thread; a failing worker is an internal error, promptly;
// a bad N is a usage error. Through the built CLI: under vitest the sources are .ts, no worker runs.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, contents, ensureDist, ladderc, project, REPO } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const env = { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };

/** A project holding a copy of every seed (sources/). */
function seeds(): string {
  const dir = project({});
  cpSync(join(REPO, 'sources'), join(dir, 'sources'), { recursive: true });
  return dir;
}

/** A project with `copies` copies of each of two seeds under distinct names (ids), 2 × copies ladders. */
function many(copies: number): string {
  const dir = project({});
  mkdirSync(join(dir, 'src'));
  for (const seed of ['sre-skills-matrix.txt', 'titles-for-ops.txt']) {
    const text = readFileSync(join(REPO, 'sources', seed));
    for (let i = 0; i < copies; i += 1) writeFileSync(join(dir, 'src', `${String(i).padStart(2, '0')}-${seed}`), text);
  }
  return dir;
}

describe('--jobs', () => {
  it('the seeds, every format, --jobs 1 and --jobs 2: byte-identical out/, the same messages', { timeout: 600_000 }, () => {
    const dir = seeds();
    const one = ladderc(['build', 'sources', '--out', 'out-1', '--no-cache', '--jobs', '1'], { cwd: dir, env });
    const two = ladderc(['build', 'sources', '--out', 'out-2', '--no-cache', '--jobs', '2'], { cwd: dir, env });
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const a = contents(join(dir, 'out-1'));
    expect(Object.keys(a).some((p) => p.startsWith('pdf/') && p.endsWith('.pdf'))).toBe(true);
    expect(Object.keys(a).some((p) => p.startsWith('xlsx/'))).toBe(true);
    expect(contents(join(dir, 'out-2'))).toEqual(a);
    expect(two.stderr.replaceAll('out-2', 'out-X')).toBe(one.stderr.replaceAll('out-1', 'out-X'));
    expect(two.stdout.replaceAll('out-2', 'out-X')).toBe(one.stdout.replaceAll('out-1', 'out-X'));
  });

  it('many ladders (other formats through the workers too), with the cache cold and warm: the same bytes and JSON report', { timeout: 600_000 }, () => {
    const dir = many(5);
    const formats = ['--format', 'json,md,csv,html', '--reporter', 'json'];
    const one = ladderc(['build', 'src', ...formats, '--out', 'out-1', '--no-cache', '--jobs', '1'], { cwd: dir, env });
    const cold = ladderc(['build', 'src', ...formats, '--out', 'out-2', '--cache-dir', 'cache', '--jobs', '3'], { cwd: dir, env });
    const warm = ladderc(['build', 'src', ...formats, '--out', 'out-3', '--cache-dir', 'cache', '--jobs', '3'], { cwd: dir, env });
    for (const r of [one, cold, warm]) expect(r.code, r.stderr).toBe(0);
    const a = contents(join(dir, 'out-1'));
    expect(Object.keys(a).filter((p) => p.startsWith('md/')).length).toBeGreaterThanOrEqual(10);
    expect(contents(join(dir, 'out-2'))).toEqual(a);
    expect(contents(join(dir, 'out-3'))).toEqual(a);
    const diagnostics = (r: { stdout: string }) => JSON.stringify((JSON.parse(r.stdout) as { diagnostics: unknown }).diagnostics);
    expect(diagnostics(cold)).toBe(diagnostics(one));
    expect(diagnostics(warm)).toBe(diagnostics(one));
    expect(diagnostics(one)).toContain('mojibake-repaired');
  });

  it('a template error in a worker is its diagnostic, in the same order as in one thread', { timeout: 300_000 }, () => {
    const dir = many(5);
    mkdirSync(join(dir, 'tpl', 'markdown'), { recursive: true });
    writeFileSync(join(dir, 'tpl', 'markdown', 'ladder.hbs'), '# {{title}\n{{#each tracks}}\n');
    const args = ['build', 'src', '--format', 'md', '--templates', 'tpl', '--no-cache'];
    const one = ladderc([...args, '--out', 'out-1', '--jobs', '1'], { cwd: dir, env });
    const two = ladderc([...args, '--out', 'out-2', '--jobs', '2'], { cwd: dir, env });
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(one.stderr).toMatch(/ladder\.hbs/);
    expect(two.stderr.replaceAll('out-2', 'out-X')).toBe(one.stderr.replaceAll('out-1', 'out-X'));
    expect(existsSync(join(dir, 'out-2'))).toBe(false);
  });

  for (const [what, preload] of [
    ['throws as it starts', "if (!isMainThread) throw new Error('injected worker failure');"],
    ['throws while it renders', "if (!isMainThread) setTimeout(() => { throw new Error('injected worker failure'); }, 200);"],
    ['exits while it renders', "if (!isMainThread) setTimeout(() => { console.error('injected worker failure'); process.exit(9); }, 200);"],
  ] as const) {
    it(`a worker that ${what}: an internal error, promptly, out/ untouched`, { timeout: 120_000 }, () => {
      const dir = seeds();
      writeFileSync(join(dir, 'crash.mjs'), `import { isMainThread } from 'node:worker_threads';\n${preload}\n`);
      const started = Date.now();
      const run = ladderc(['build', 'sources', '--format', 'pdf', '--no-cache', '--jobs', '2'], { cwd: dir, env: { ...env, NODE_OPTIONS: `--import=${join(dir, 'crash.mjs')}` } });
      expect(run.code, run.stderr).toBe(70);
      expect(run.stderr).toMatch(/internal error: (injected worker failure|render worker exited with code 9)/);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('N must be a positive whole number: a usage error naming it', () => {
    const dir = seeds();
    for (const bad of ['0', '-1', '1.5', 'two', '']) {
      const run = ladderc(['build', 'sources', `--jobs=${bad}`], { cwd: dir, env });
      expect(run.code, bad).toBe(2);
      expect(run.stderr, bad).toContain(`--jobs must be a positive whole number, not "${bad}"`);
    }
    const missing = ladderc(['build', 'sources', '--jobs'], { cwd: dir, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--jobs needs a value');
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('jobs in the config sets the workers (the flag wins), and a bad value is named', () => {
    const dir = seeds();
    writeFileSync(join(dir, 'ladderc.config.json'), '{ "jobs": 0 }');
    const bad = ladderc(['build', 'sources'], { cwd: dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('jobs: must be a positive whole number');
    writeFileSync(join(dir, 'ladderc.config.json'), '{ "jobs": 1 }');
    // A worker that would fail as it starts: with jobs 1 from the config none starts, so the build works…
    writeFileSync(join(dir, 'crash.mjs'), "import { isMainThread } from 'node:worker_threads';\nif (!isMainThread) throw new Error('injected worker failure');\n");
    const crashEnv = { ...env, NODE_OPTIONS: `--import=${join(dir, 'crash.mjs')}` };
    const one = ladderc(['build', 'sources', '--format', 'pdf', '--no-cache'], { cwd: dir, env: crashEnv });
    expect(one.code, one.stderr).toBe(0);
    // …and --jobs 2 on the command line overrides it: the workers start, and fail.
    const two = ladderc(['build', 'sources', '--format', 'pdf', '--no-cache', '--jobs', '2'], { cwd: dir, env: crashEnv });
    expect(two.code).toBe(70);
  });

  it('left to itself, starts workers for PDFs only from twelve ladders (none for the five seeds)', { timeout: 300_000 }, () => {
    const crash = (dir: string) => {
      writeFileSync(join(dir, 'crash.mjs'), "import { isMainThread } from 'node:worker_threads';\nif (!isMainThread) throw new Error('injected worker failure');\n");
      return { ...env, NODE_OPTIONS: `--import=${join(dir, 'crash.mjs')}` };
    };
    const small = seeds();
    const five = ladderc(['build', 'sources', '--format', 'pdf', '--no-cache'], { cwd: small, env: crash(small) });
    expect(five.code, five.stderr).toBe(0);
    const big = many(6);
    const twelve = ladderc(['build', 'src', '--format', 'pdf', '--no-cache'], { cwd: big, env: crash(big) });
    // On a one-core machine there is nothing to share: no worker starts, and the build works.
    expect(twelve.code, twelve.stderr).toBe(availableParallelism() > 1 ? 70 : 0);
  });

  it('reading: workers read many sources (same messages, same order as one thread); left to itself, from twelve sources to read', { timeout: 300_000 }, () => {
    const dir = many(6);
    const one = ladderc(['check', 'src', '--reporter', 'json', '--jobs', '1'], { cwd: dir, env });
    const two = ladderc(['check', 'src', '--reporter', 'json', '--jobs', '2'], { cwd: dir, env });
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('mojibake-repaired');
    // `check` renders nothing: a worker that fails as it starts can only have been started to read.
    writeFileSync(join(dir, 'crash.mjs'), "import { isMainThread } from 'node:worker_threads';\nif (!isMainThread) throw new Error('injected worker failure');\n");
    const crashEnv = { ...env, NODE_OPTIONS: `--import=${join(dir, 'crash.mjs')}` };
    const twelve = ladderc(['check', 'src'], { cwd: dir, env: crashEnv });
    expect(twelve.code, twelve.stderr).toBe(availableParallelism() > 1 ? 70 : 0);
    if (availableParallelism() > 1) expect(twelve.stderr).toMatch(/internal error: (injected worker failure|render worker exited)/);
    expect(ladderc(['check', 'src', '--jobs', '1'], { cwd: dir, env: crashEnv }).code).toBe(0);
    const small = seeds();
    writeFileSync(join(small, 'crash.mjs'), "import { isMainThread } from 'node:worker_threads';\nif (!isMainThread) throw new Error('injected worker failure');\n");
    expect(ladderc(['check', 'sources'], { cwd: small, env: { ...env, NODE_OPTIONS: `--import=${join(small, 'crash.mjs')}` } }).code).toBe(0);
  });

  it('memory relief (LADDERC_MEMORY_MB) collects during a real build and leaves the bytes alone', { timeout: 300_000 }, () => {
    const dir = seeds();
    const plain = ladderc(['build', 'sources', '--out', 'out-1', '--no-cache', '--format', 'json,md,html,csv', '--jobs', '1'], { cwd: dir, env });
    const tight = ladderc(['build', 'sources', '--out', 'out-2', '--no-cache', '--format', 'json,md,html,csv', '--jobs', '1'], { cwd: dir, env: { ...env, LADDERC_MEMORY_MB: '1', LADDERC_DEBUG_MEMORY: '1' } });
    expect(plain.code).toBe(0);
    expect(tight.code).toBe(0);
    expect(plain.stderr).not.toContain('ladderc: memory:');
    expect(tight.stderr).toMatch(/ladderc: memory: heap \d+ MB → \d+ MB live/);
    expect(contents(join(dir, 'out-2'))).toEqual(contents(join(dir, 'out-1')));
  });

  it('--help lists --jobs', () => {
    const help = ladderc(['--help'], { cwd: REPO, env });
    expect(help.stdout).toMatch(/--jobs N\s+workers that read sources and render ladders/);
  });
});
