// The documents every reader-level test runs over: the seeds in sources/, the real-world corpus
// in tests/corpus/, and hand-made fixtures in tests/fixtures/<case>/input.*.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Case {
  /** Golden folder name under tests/golden/. */
  name: string;
  /** Display path, relative to the repository root (the tests' working directory). */
  path: string;
  bytes: Uint8Array;
}

function files(dir: string, keep: (name: string) => boolean): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(keep).sort() : [];
}

export function allCases(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, path: string) => cases.push({ name, path, bytes: new Uint8Array(readFileSync(path)) });
  for (const f of files('sources', (n) => !n.startsWith('.'))) add(`sources--${f.replace(/\.[^.]+$/, '')}`, `sources/${f}`);
  for (const f of files('tests/corpus', (n) => n.endsWith('.md') && n !== 'CORPUS.md')) add(`corpus--${f.replace(/\.md$/, '')}`, `tests/corpus/${f}`);
  for (const d of files('tests/fixtures', (n) => n !== 'model')) {
    const input = files(join('tests/fixtures', d), (n) => n.startsWith('input.'))[0];
    if (input) add(`fixture--${d}`, `tests/fixtures/${d}/${input}`);
  }
  return cases;
}
