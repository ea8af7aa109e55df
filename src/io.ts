// The only code that touches the file system: finding and reading sources, loading templates and
// assets, and writing outputs.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateFile } from './writers/types.js';

/** The folder holding ladderc's package.json (works from src/ under vitest and from dist/src/). */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'ladderc') return dir;
      } catch {
        // not ours; keep looking upward
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the ladderc package root');
    dir = parent;
  }
})();

export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** A path as shown to people and stored in the model: relative to `base`, with "/" separators. */
export function displayPath(path: string, base = process.cwd()): string {
  const rel = relative(base, resolve(path));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * The templates of one format: the defaults from templates/<format>/, each overridden by a file
 * of the same relative path under `<overrideDir>/<format>/` (a user's folder mirrors templates/).
 */
export function loadTemplateSet(format: string, overrideDir?: string): Record<string, TemplateFile> {
  const set: Record<string, TemplateFile> = {};
  const add = (root: string): void => {
    if (!existsSync(root) || !statSync(root).isDirectory()) return;
    for (const file of listFiles(root).sort()) {
      const key = relative(root, file).split(sep).join('/');
      set[key] = { path: displayPath(file), text: readFileSync(file, 'utf8') };
    }
  };
  add(join(PACKAGE_ROOT, 'templates', format));
  if (overrideDir) add(join(overrideDir, format));
  return set;
}

/** Loads assets declared by a writer, as package-relative paths (or node_modules package paths). */
export function loadAssets(declared: Readonly<Record<string, string>> | undefined): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [key, path] of Object.entries(declared ?? {})) {
    const local = join(PACKAGE_ROOT, path);
    out[key] = new Uint8Array(readFileSync(existsSync(local) ? local : join(PACKAGE_ROOT, 'node_modules', path)));
  }
  return out;
}

export interface CollectedSources {
  sources: Array<{ path: string; bytes: Uint8Array }>;
  /** Usage errors: paths that do not exist or cannot be read, each named. */
  errors: string[];
}

/** Reads every file named, and every file below every folder named (hidden files skipped). */
export function collectSources(paths: readonly string[]): CollectedSources {
  const errors: string[] = [];
  const files = new Set<string>();
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      try {
        for (const f of listFiles(p)) files.add(resolve(f));
      } catch (error) {
        errors.push(`${p}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    } else files.add(resolve(p));
  }
  const sources: CollectedSources['sources'] = [];
  for (const file of [...files].sort()) {
    try {
      sources.push({ path: displayPath(file), bytes: new Uint8Array(readFileSync(file)) });
    } catch (error) {
      errors.push(`${displayPath(file)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return { sources, errors };
}

export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}
