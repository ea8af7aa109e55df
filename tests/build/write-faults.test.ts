// Faults while writing out/ (issue #16), with real processes: a second build on a locked out/, the
// file system refusing a write, SIGTERM/SIGINT in the middle of the write, and SIGKILL part-way
// followed by recovery. LADDERC_TEST_WRITE_DELAY_MS (a test hook, see src/host/node.ts) slows the
// write down so that a signal lands in its middle.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOutputs } from '../../src/host/output.js';
import { CLEAN_SEED, CLI, cleanEnv, cleanup, contents, ensureDist, ladderc, project } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const SOURCE = `src/${CLEAN_SEED}`;

interface Running {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function startBuild(dir: string, delayMs: number): Running {
  const child = spawn(process.execPath, [CLI, 'build', 'src', '--out', 'out'], {
    cwd: dir,
    env: cleanEnv({ LADDERC_TEST_WRITE_DELAY_MS: String(delayMs) }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Waits until the build has recorded its plan in its staging folder (it renames from then on). */
async function untilWriting(out: string, run: Running): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const staging = existsSync(out) ? readdirSync(out).find((n) => n.startsWith('.ladderc-staging-') && existsSync(join(out, n, 'plan.json'))) : undefined;
    if (staging) return staging;
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`the build never started writing: ${(await run.done).stderr}`);
    await sleep(10);
  }
}

/** out/'s files without the lock a killed build leaves (it is taken over by the next one). */
function tree(out: string): Record<string, string> {
  const all = contents(out);
  delete all['.ladderc-lock'];
  return all;
}

function editSource(dir: string): void {
  const path = join(dir, SOURCE);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/Reliability/g, 'Dependability'));
}

describe('the lock on out/', () => {
  it('a second build while another holds out/ fails with exit 2 naming the lock and the pid; a dead holder is taken over', async () => {
    const dir = project({ [SOURCE]: { seed: CLEAN_SEED } });
    const out = join(dir, 'out');
    mkdirSync(out);
    // A live process that is not ladderc holds the lock.
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const gone = new Promise<void>((done) => sleeper.on('exit', () => done()));
    writeFileSync(join(out, '.ladderc-lock'), `${sleeper.pid}\n`);
    const refused = ladderc(['build', 'src', '--out', 'out'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('out/.ladderc-lock');
    expect(refused.stderr).toContain(`pid ${sleeper.pid}`);
    expect(refused.stderr).not.toContain('internal error');
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    expect(readFileSync(join(out, '.ladderc-lock'), 'utf8')).toBe(`${sleeper.pid}\n`);
    sleeper.kill('SIGKILL');
    await gone;
    // Its pid is dead now: the lock is stale and the next build takes it over.
    const built = ladderc(['build', 'src', '--out', 'out'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(existsSync(join(out, '.ladderc-lock'))).toBe(false);
    const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain('ladderc-lock');
    expect(ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir }).code).toBe(0);
  });

  it('two real builds at once: the second fails with exit 2 naming the first one\'s pid; --check and check take no lock', async () => {
    const dir = project({ [SOURCE]: { seed: CLEAN_SEED } });
    const out = join(dir, 'out');
    expect(ladderc(['build', 'src', '--out', 'out'], { cwd: dir }).code).toBe(0);
    editSource(dir);
    const first = startBuild(dir, 150);
    await untilWriting(out, first);
    expect(readFileSync(join(out, '.ladderc-lock'), 'utf8').trim()).toBe(String(first.child.pid));
    const second = ladderc(['build', 'src', '--out', 'out'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`ladderc: error: out/\\.ladderc-lock: .*pid ${first.child.pid}`));
    // Neither takes the lock nor fails for it (their verdict on the half-written tree is beside the point).
    const checked = ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir });
    expect(checked.stderr).not.toContain('locked');
    expect(ladderc(['check', 'src'], { cwd: dir }).code).toBe(0);
    const result = await first.done;
    expect(result.code).toBe(0);
    expect(existsSync(join(out, '.ladderc-lock'))).toBe(false);
    const after = ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir });
    expect(after.stderr).toContain('up to date');
    expect(after.code).toBe(0);
  }, 60_000);

  it('a lock held by a live process does not stop --check or check, and they leave it in place', async () => {
    const dir = project({ [SOURCE]: { seed: CLEAN_SEED } });
    const out = join(dir, 'out');
    expect(ladderc(['build', 'src', '--out', 'out'], { cwd: dir }).code).toBe(0);
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(join(out, '.ladderc-lock'), `${sleeper.pid}\n`);
      const checked = ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir });
      expect(checked.code).toBe(0);
      expect(checked.stderr).toContain('up to date');
      expect(ladderc(['check', 'src'], { cwd: dir }).code).toBe(0);
      expect(readFileSync(join(out, '.ladderc-lock'), 'utf8')).toBe(`${sleeper.pid}\n`);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});

describe('the file system refusing a write', () => {
  it('out/ under a regular file: exit 2, "cannot write (ENOTDIR: …)" and a hint, not an internal error', () => {
    const dir = project({ [SOURCE]: { seed: CLEAN_SEED }, blocker: 'a file, not a folder' });
    const run = ladderc(['build', 'src', '--out', 'blocker/out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ladderc: error: blocker/out: cannot write (ENOTDIR: not a directory)');
    expect(run.stderr).toMatch(/\n {2}hint: /);
    expect(run.stderr).not.toContain('internal error');
  });

  it('the json reporter carries the same error as a diagnostic', () => {
    const dir = project({ [SOURCE]: { seed: CLEAN_SEED }, blocker: 'x' });
    const run = ladderc(['build', 'src', '--out', 'blocker/out', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('cannot write (ENOTDIR');
  });
});

describe('signals during the write', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} in the middle of the write: the write completes, "interrupted (${signal})", exit 130`, async () => {
      const dir = project({ [SOURCE]: { seed: CLEAN_SEED } });
      const out = join(dir, 'out');
      const run = startBuild(dir, 100);
      await untilWriting(out, run);
      run.child.kill(signal);
      const result = await run.done;
      expect(result.signal).toBeNull();
      expect(result.code).toBe(130);
      expect(result.stderr).toContain(`ladderc: interrupted (${signal})`);
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir }).code).toBe(0);
    }, 60_000);
  }
});

describe('SIGKILL in the middle of the write', () => {
  /** A built project, its source then edited, and a build of the edit killed after a few renames. */
  async function killedMidWrite(): Promise<{ dir: string; out: string; before: Record<string, string> }> {
    const dir = project({ [SOURCE]: { seed: CLEAN_SEED } });
    const out = join(dir, 'out');
    expect(ladderc(['build', 'src', '--out', 'out'], { cwd: dir }).code).toBe(0);
    const before = tree(out);
    editSource(dir);
    const run = startBuild(dir, 200);
    await untilWriting(out, run);
    await sleep(500); // two or three renames
    run.child.kill('SIGKILL');
    const result = await run.done;
    expect(result.signal).toBe('SIGKILL');
    // Killed part-way: the staging folder is still there, and out/ is neither tree.
    expect(readdirSync(out).some((n) => n.startsWith('.ladderc-staging-'))).toBe(true);
    expect(tree(out)).not.toEqual(before);
    return { dir, out, before };
  }

  it('recovery rolls out/ back to exactly the tree before the killed build', async () => {
    const { out, before } = await killedMidWrite();
    expect(recoverOutputs(out)).toHaveLength(1);
    expect(tree(out)).toEqual(before);
  }, 60_000);

  it('--check never calls the half-written out/ up to date; the next build recovers, says so, and ends as a clean build', async () => {
    const { dir, out } = await killedMidWrite();
    const checked = ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('half-written');
    const built = ladderc(['build', 'src', '--out', 'out'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(built.stderr).toContain('ladderc: recovered out/ from an interrupted build');
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    // The same sources built from scratch elsewhere.
    const clean = project({ [SOURCE]: readFileSync(join(dir, SOURCE)) });
    expect(ladderc(['build', 'src', '--out', 'out'], { cwd: clean }).code).toBe(0);
    expect(contents(out)).toEqual(contents(join(clean, 'out')));
    expect(ladderc(['build', 'src', '--out', 'out', '--check'], { cwd: dir }).code).toBe(0);
  }, 60_000);
});
