// The file system, for the node host: one walker, the package's own files (templates, assets found
// by module resolution), reading sources. Nothing is read at import time and nothing is kept in
// module state; every path is resolved against a folder the caller names.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, isInside } from '../pipeline/paths.js';
import type { TemplateFile } from '../writers/types.js';

export { displayPath } from '../pipeline/paths.js';

/** The folder holding ladderc's package.json (works from src/ under vitest and from dist/src/). */
export function packageRoot(): string {
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
}

/** ladderc's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Every file below `dir`, in sorted order, hidden files and folders skipped. Symbolic links are
 * not followed (a link loop cannot make it walk forever, a link cannot lead it out of the tree).
 */
export function walkFiles(dir: string, skipped?: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
      else skipped?.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * The templates of one format: the defaults from templates/<folder>/, each overridden by a file
 * of the same relative path under `<overrideDir>/<folder>/` (a user's folder mirrors templates/).
 * Display paths are relative to `cwd`.
 */
export function loadTemplateSet(folder: string, overrideDir?: string, cwd: string = packageRoot(), precompiled = precompiledTemplates()): Record<string, TemplateFile> {
  const set: Record<string, TemplateFile> = {};
  const add = (root: string, shipped: boolean): void => {
    if (!existsSync(root) || !statSync(root).isDirectory()) return;
    for (const file of walkFiles(root)) {
      const key = relative(root, file).split(sep).join('/');
      const text = readFileSync(file, 'utf8');
      const ahead = shipped ? precompiled[createHash('sha256').update(text).digest('hex')] : undefined;
      set[key] = ahead ? { path: displayPath(file, cwd), text, precompiled: ahead } : { path: displayPath(file, cwd), text };
    }
  };
  add(join(packageRoot(), 'templates', folder), true);
  if (overrideDir) add(join(overrideDir, folder), false);
  return set;
}

/**
 * The default templates compiled when ladderc was built (scripts/precompile-templates.mjs), by the
 * sha256 of their text; empty when the file is missing (a build without that step compiles them
 * at run time, as it does a user's templates).
 */
export function precompiledTemplates(): Record<string, { escaped?: string; plain?: string }> {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), 'dist', 'templates.precompiled.json'), 'utf8')) as Record<string, { escaped?: string; plain?: string }>;
  } catch {
    return {};
  }
}

/**
 * Where a package asset is on disk, by module specifier ("dejavu-fonts-ttf/ttf/X.ttf"): found by
 * Node's module resolution from this module, so wherever npm put the dependency (hoisted next to
 * ladderc in an installed project, or nested under it). A missing one is named.
 */
export function assetPath(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch (error) {
    throw new Error(`cannot find the asset "${specifier}" (${(error as NodeJS.ErrnoException).code ?? 'not found'}); is ladderc's dependency installed?`);
  }
}

/** A package asset by module specifier (see assetPath). */
export function loadAsset(specifier: string): Uint8Array {
  return new Uint8Array(readFileSync(assetPath(specifier)));
}

/** The assets a writer declares, keyed as declared. */
export function loadAssets(declared: Readonly<Record<string, string>> | undefined): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [key, specifier] of Object.entries(declared ?? {})) out[key] = loadAsset(specifier);
  return out;
}

export interface CollectedSources {
  sources: Array<{ path: string; bytes: Uint8Array }>;
  /** Usage errors: paths that do not exist or cannot be read, each named. */
  errors: string[];
  /** Symbolic links, FIFOs and sockets met in the folders: not read (display paths). */
  skipped: string[];
}

/**
 * Reads every file named, and every file below every folder named (hidden files skipped), except
 * those inside `exclude`. Paths resolve against `cwd`; display paths are relative to it.
 */
export function collectSources(paths: readonly string[], cwd: string, exclude: readonly string[] = []): CollectedSources {
  const errors: string[] = [];
  const files = new Set<string>();
  const skipped: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      try {
        for (const f of walkFiles(full, skipped)) files.add(f);
      } catch (error) {
        errors.push(`${p}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    } else if (stat.isFile()) files.add(full);
    // A FIFO would block the read forever; a socket or device is no source either.
    else errors.push(`${p}: not a regular file or folder`);
  }
  const sources: CollectedSources['sources'] = [];
  for (const file of [...files].sort()) {
    if (exclude.some((dir) => isInside(file, dir))) continue;
    try {
      sources.push({ path: displayPath(file, cwd), bytes: new Uint8Array(readFileSync(file)) });
    } catch (error) {
      errors.push(`${displayPath(file, cwd)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return { sources, errors, skipped: skipped.filter((f) => !exclude.some((dir) => isInside(f, dir))).map((f) => displayPath(f, cwd)) };
}

/** Every file of the package's default templates (`templates/…` paths, "/" separators), sorted. */
export function packageTemplateFiles(): Array<{ path: string; bytes: Uint8Array }> {
  const root = join(packageRoot(), 'templates');
  return walkFiles(root).map((file) => ({ path: `templates/${relative(root, file).split(sep).join('/')}`, bytes: new Uint8Array(readFileSync(file)) }));
}

/** What stands at `path`: a file, a folder, something else, or nothing (undefined). */
export function pathKind(path: string): 'file' | 'folder' | 'other' | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}

/** A text file's contents. */
export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Writes each file below `root` ("/"-separated relative paths), creating folders as needed. */
export function writeFilesUnder(root: string, files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): void {
  for (const file of files) {
    const target = join(root, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}
