// Paths as people see them and the model stores them: relative to the project folder, "/"-separated.

import { isAbsolute, relative, resolve, sep } from 'node:path';

export function displayPath(path: string, base: string): string {
  const rel = relative(base, resolve(base, path));
  return (rel === '' ? '.' : rel).split(sep).join('/');
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
