// The documents every reader-level test runs over: the seeds in sources/, the real-world corpus
// in tests/corpus/, and hand-made fixtures in tests/fixtures/<case>/input.*; and where each one's
// expected model and messages live (see the README's "Tests" section).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CaseKind = 'sources' | 'corpus' | 'fixture';

export interface Case {
  /** Unique across all cases, e.g. "sources--all-the-levels" (also used as a ladder id by tests). */
  name: string;
  kind: CaseKind;
  /** Display path, relative to the repository root (the tests' working directory). */
  path: string;
  /**
   * The folder holding the expected model and messages: tests/fixtures/<case>/ (beside input.*)
   * for fixtures, tests/expected/sources/<name>/ and tests/expected/corpus/<name>/ otherwise.
   */
  expectedDir: string;
  bytes: Uint8Array;
}

function files(dir: string, keep: (name: string) => boolean): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(keep).sort() : [];
}

export function allCases(): Case[] {
  const cases: Case[] = [];
  const add = (kind: CaseKind, base: string, path: string, expectedDir: string) =>
    cases.push({ name: `${kind}--${base}`, kind, path, expectedDir, bytes: new Uint8Array(readFileSync(path)) });
  for (const f of files('sources', (n) => !n.startsWith('.'))) {
    const base = f.replace(/\.[^.]+$/, '');
    add('sources', base, `sources/${f}`, `tests/expected/sources/${base}`);
  }
  for (const f of files('tests/corpus', (n) => n.endsWith('.md') && n !== 'CORPUS.md')) {
    const base = f.replace(/\.md$/, '');
    add('corpus', base, `tests/corpus/${f}`, `tests/expected/corpus/${base}`);
  }
  for (const d of files('tests/fixtures', (n) => n !== 'model')) {
    const input = files(join('tests/fixtures', d), (n) => n.startsWith('input.'))[0];
    if (input) add('fixture', d, `tests/fixtures/${d}/${input}`, `tests/fixtures/${d}`);
  }
  return cases;
}
