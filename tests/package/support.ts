// The package as a user gets it: `npm pack`, then `npm install <tarball>` into an empty project.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDist, REPO } from '../cli/support.js';

export { REPO };

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: none of the npm_* variables that `npx vitest` sets for its
 * child (they would make a nested npm act on this checkout), no update notifier, no colours.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !['GITHUB_ACTIONS', 'LADDERC_DEBUG_CACHE', 'SOURCE_DATE_EPOCH', 'FORCE_COLOR', 'INIT_CWD'].includes(k)) env[k] = v;
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', NO_COLOR: '1', ...extra };
}

/** Runs a program with no terminal and no input; never throws. */
export function run(command: string, args: readonly string[], cwd: string, extra: Record<string, string> = {}): Ran {
  const r = spawnSync(command, args, { cwd, env: userEnv(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Fails with everything the command printed, so a CI log says why. */
export function ok(r: Ran, what: string): Ran {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Packed {
  tarball: string;
  /** What `npm pack --json` reports. */
  files: Array<{ path: string; size: number; mode: number }>;
  size: number;
  entryCount: number;
}

/** Builds dist/ and packs the package the way `npm publish` would (prepack included). */
export function pack(): Packed {
  ensureDist();
  const dest = tempDir('ladderc-pack-');
  const r = ok(run('npm', ['pack', '--json', '--pack-destination', dest], REPO), 'npm pack');
  const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Array<{ filename: string; files: Packed['files']; size: number; entryCount: number }>;
  const info = json[0]!;
  return { tarball: join(dest, info.filename), files: info.files, size: info.size, entryCount: info.entryCount };
}

export const NPM_INSTALL_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

/** An empty npm project (`npm init -y`) with the tarball installed. */
export function installedProject(tarball: string, prefix = 'ladderc-installed-'): string {
  const dir = tempDir(prefix);
  mkdirSync(dir, { recursive: true });
  ok(run('npm', ['init', '-y'], dir), 'npm init -y');
  ok(run('npm', ['install', ...NPM_INSTALL_FLAGS, tarball], dir), `npm install ${tarball}`);
  return dir;
}
