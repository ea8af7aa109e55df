// Sources as they were at a git revision (`ladderc diff --git REV`): the one place ladderc runs git.

import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import type { CollectedSources } from './io.js';

function git(cwd: string, args: readonly string[]): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}

function gitError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
  if (e.code === 'ENOENT') return 'git is not installed (or not on PATH)';
  const text = e.stderr?.toString('utf8').trim().split('\n')[0];
  return text || e.message;
}

/**
 * The files under `paths` (files or folders, relative to `cwd`) as they are at `rev`, with the
 * display paths they have in the working tree, so that config overrides apply to both sides.
 */
export function gitSources(cwd: string, rev: string, paths: readonly string[]): CollectedSources {
  const errors: string[] = [];
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch (error) {
    const e = error as { status?: number };
    return { sources: [], errors: [e.status === 1 ? `--git ${rev}: not a revision of this repository` : `--git ${rev}: ${gitError(error)}`], skipped: [] };
  }
  let listed: string[];
  try {
    // Paths relative to cwd in, relative to cwd out (ls-tree's default without --full-name).
    listed = git(cwd, ['ls-tree', '-r', '-z', '--name-only', rev, '--', ...paths]).toString('utf8').split('\0').filter(Boolean);
  } catch (error) {
    return { sources: [], errors: [`--git ${rev}: ${gitError(error)}`], skipped: [] };
  }
  const sources: CollectedSources['sources'] = [];
  for (const file of [...new Set(listed)].sort()) {
    const display = relative(cwd, resolve(cwd, file)).split(sep).join('/');
    if (display.split('/').some((part) => part.startsWith('.') && part !== '..')) continue;
    try {
      sources.push({ path: display, bytes: new Uint8Array(git(cwd, ['show', `${rev}:./${file}`])) });
    } catch (error) {
      errors.push(`${display} at ${rev}: ${gitError(error)}`);
    }
  }
  if (sources.length === 0 && errors.length === 0) errors.push(`--git ${rev}: no source files in ${paths.join(', ')} at that revision`);
  return { sources, errors, skipped: [] };
}
