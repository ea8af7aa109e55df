// `ladderc watch` as a child process: a summary per build, a rebuild per change, exit 0 on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_SEED, cleanEnv, cleanup, CLI, ensureDist, project, REPO, WARNING_SEED } from './support.js';

beforeAll(ensureDist);
afterAll(cleanup);

interface Watched {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves once stderr holds `count` lines matching `pattern`. */
  until: (pattern: RegExp, count: number) => Promise<void>;
  exit: Promise<number | null>;
}

function start(args: string[], cwd: string, env: Record<string, string> = {}): Watched {
  const child = spawn(process.execPath, [CLI, 'watch', ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters: Array<() => void> = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const until = (pattern: RegExp, count: number) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${count} × ${pattern}; stderr so far:\n${text}`)), 30_000);
      const check = () => {
        if ((text.match(new RegExp(pattern, 'gm')) ?? []).length >= count) {
          clearTimeout(timer);
          done();
        } else waiters.push(check);
      };
      check();
    });
  return { child, stderr: () => text, until, exit };
}

const summary = /^ladderc: (compiled|nothing written)/;

describe.each([
  ['fs.watch', {}],
  ['polling', { LADDERC_WATCH_POLL: '1' }],
])('ladderc watch (%s)', (_name, env) => {
  it('rebuilds when a source changes, prints a summary per build, and exits 0 on Ctrl-C', async () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const watched = start(['src', '--format', 'json'], dir, env);
    try {
      await watched.until(/^ladderc: watching /, 1);
      expect(watched.stderr()).toMatch(/compiled 1 ladder into out\//);
      writeFileSync(join(dir, 'src/b.txt'), readFileSync(join(REPO, 'sources', WARNING_SEED)));
      await watched.until(/^ladderc: compiled 2 ladders/, 1);
      expect(watched.stderr()).toContain('[mojibake-repaired]');
      // A broken source: diagnostics and a summary, and watch keeps going.
      writeFileSync(join(dir, 'src/c.txt'), new Uint8Array([0, 0, 0x41]));
      await watched.until(/^ladderc: nothing written/, 1);
      expect(watched.stderr()).toContain('[not-text]');
      expect(watched.stderr().match(new RegExp(summary, 'gm'))!.length).toBe(3);
    } finally {
      watched.child.kill('SIGINT');
    }
    expect(await watched.exit).toBe(0);
    expect(watched.stderr()).toContain('ladderc: watch stopped');
  });
});

it('rebuilds when the config changes, and never for its own output', async () => {
  const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
  // Watching the whole project: out/ and the cache are inside it and must not trigger builds.
  const watched = start(['.', '--format', 'json'], dir);
  try {
    await watched.until(/^ladderc: watching /, 1);
    writeFileSync(join(dir, 'ladderc.config.json'), '{ "sources": { "src/a.txt": { "id": "renamed" } } }');
    await watched.until(summary, 2);
    expect(readFileSync(join(dir, 'out/json/renamed.json'), 'utf8')).toContain('"id": "renamed"');
    // Quiet for a while: no build loops off our own writes.
    await new Promise((r) => setTimeout(r, 1000));
    expect(watched.stderr().match(new RegExp(summary, 'gm'))!.length).toBe(2);
  } finally {
    watched.child.kill('SIGINT');
  }
  expect(await watched.exit).toBe(0);
});

it('exits 2 at once when the first build cannot start', async () => {
  const dir = project({});
  const watched = start(['nowhere'], dir);
  expect(await watched.exit).toBe(2);
  expect(watched.stderr()).toContain('nowhere: no such file or directory');
});
