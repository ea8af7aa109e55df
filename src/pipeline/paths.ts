// Paths as people see them and the model stores them: relative to the project folder, "/"-separated.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export function displayPath(path: string, base: string): string {
  const rel = relative(base, resolve(base, path));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** The build's own files (out/, the cache, the config), never read as sources (`ladderc build .`). */
export function ownPaths(options: { outDir: string; cacheDir?: string | undefined; configFile?: string | undefined }): string[] {
  return [options.outDir, ...(options.cacheDir ? [options.cacheDir] : []), ...(options.configFile ? [options.configFile] : [])];
}

/** `path` made absolute against `base` (a path already absolute stays as it is). */
export function absolute(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

/** True when `dir` is `parent` or inside it. */
export function isInside(dir: string, parent: string): boolean {
  const rel = relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The deepest folder holding every one of `dirs` (absolute paths). */
export function commonFolder(dirs: readonly string[]): string | undefined {
  let common: string[] | undefined;
  for (const dir of dirs) {
    const parts = resolve(dir).split(sep);
    if (!common) common = parts;
    else {
      let i = 0;
      while (i < common.length && i < parts.length && common[i] === parts[i]) i += 1;
      common = common.slice(0, i);
    }
  }
  if (!common) return undefined;
  return common.length <= 1 ? sep : common.join(sep);
}

/**
 * The project folder, which the model's source paths, the config's `sources` keys and the manifest
 * are relative to (never the working directory, so a build from any folder gives the same bytes):
 * the config file's folder when there is one, else the sources root — the folder named, or the
 * folder of the file named, or the deepest folder holding all of them when several are named.
 * `named` are the paths given (absolute); `files` the source files found (absolute), which tell a
 * named file from a named folder.
 */
export function projectFolder(configFile: string | undefined, named: readonly string[], files: readonly string[]): string | undefined {
  if (configFile) return dirname(configFile);
  const isFile = new Set(files.map((f) => resolve(f)));
  return commonFolder(named.map((p) => (isFile.has(resolve(p)) ? dirname(p) : p)));
}
