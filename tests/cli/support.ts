// Shared by the CLI and build tests: the built CLI run as a child process in temp projects.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const CLI = join(REPO, 'dist', 'src', 'cli.js');

function srcFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(full).update(readFileSync(full));
    }
  };
  walk(join(REPO, 'src'));
  return hash.digest('hex');
}

/**
 * Builds dist/ once per change of src/, whichever test file asks first (a lock folder keeps
 * parallel test files from running tsc at the same time). tsc's exit code is ignored: files other
 * people are editing may not type-check yet, and tsc emits anyway.
 */
export function ensureDist(): void {
  const stamp = join(tmpdir(), `ladderc-test-dist-${createHash('sha256').update(REPO).digest('hex').slice(0, 12)}`);
  const lock = `${stamp}.lock`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.2']);
    }
  }
  try {
    const want = srcFingerprint();
    const have = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
    if (have !== want || !existsSync(CLI)) {
      spawnSync('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'ignore' });
      writeFileSync(stamp, want);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(CLI)) throw new Error(`tsc did not emit ${CLI}`);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a plain local run: no CI, no GitHub, no debug switches, no fixed date. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['GITHUB_ACTIONS', 'CI', 'LADDERC_DEBUG_CACHE', 'SOURCE_DATE_EPOCH', 'NO_COLOR', 'LADDERC_WATCH_POLL', 'FORCE_COLOR']) delete env[key];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function ladderc(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export { spawn };

const made: string[] = [];

/**
 * A temp project: `src/` holding copies of the named seeds from sources/ (or given contents).
 * Removed by cleanup().
 */
export function project(files: Record<string, string | Uint8Array | { seed: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladderc-cli-'));
  made.push(dir);
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof contents === 'object' && 'seed' in contents) copyFileSync(join(REPO, 'sources', contents.seed), target);
    else writeFileSync(target, contents);
  }
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file and folder below `dir` (hidden ones included) with its mtime and content digest. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full).split(sep).join('/');
      const stat = lstatSync(full);
      if (stat.isDirectory()) {
        out[`${rel}/`] = 'folder';
        walk(full);
      } else out[rel] = `${stat.mtimeMs} ${stat.size} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

/** Every file below `dir` with its bytes as hex digest only (for byte-identical comparisons). */
export function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, value] of Object.entries(snapshot(dir))) out[path] = value === 'folder' ? value : value.split(' ')[2]!;
  return out;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The seeds that compile today with no warnings (sre) and with a warning (titles: mojibake repaired). */
export const CLEAN_SEED = 'sre-skills-matrix.txt';
export const WARNING_SEED = 'titles-for-ops.txt';
