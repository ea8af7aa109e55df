// writeOutputsAtomically rolls back when a rename fails part-way: out/ ends as it began.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

let failOn: string | undefined;
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (failOn && String(to).endsWith(failOn)) throw Object.assign(new Error('simulated failure'), { code: 'EIO' });
      real.renameSync(from, to);
    },
  };
});

const { buildManifest, manifestText, writeOutputsAtomically } = await import('../../src/host/output.js');

const dir = mkdtempSync(join(tmpdir(), 'ladderc-rollback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('restores replaced files and removes new ones when a later rename fails', () => {
  const out = join(dir, 'out');
  const first = [
    { path: 'json/a.json', format: 'json' as const, contents: 'a1' },
    { path: 'json/b.json', format: 'json' as const, contents: 'b1' },
  ];
  writeOutputsAtomically(out, first, buildManifest('0.0.0', {}, first));
  const second = [
    { path: 'json/a.json', format: 'json' as const, contents: 'a2' },
    { path: 'json/b.json', format: 'json' as const, contents: 'b2' },
    { path: 'new/c.json', format: 'json' as const, contents: 'c2' },
    { path: 'z/d.json', format: 'json' as const, contents: 'd2' },
  ];
  failOn = 'z/d.json';
  expect(() => writeOutputsAtomically(out, second, buildManifest('0.0.0', {}, second))).toThrow('simulated failure');
  failOn = undefined;
  expect(readFileSync(join(out, 'json/a.json'), 'utf8')).toBe('a1');
  expect(readFileSync(join(out, 'json/b.json'), 'utf8')).toBe('b1');
  expect(readdirSync(out).sort()).toEqual(['json', 'manifest.json']);
  expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifestText(buildManifest('0.0.0', {}, first)));
});

it('the manifest is renamed last: when even that fails, every file is put back (all or nothing)', () => {
  const out = join(dir, 'out2');
  mkdirSync(out);
  writeFileSync(join(out, 'keep.txt'), 'mine');
  const files = [{ path: 'json/a.json', format: 'json' as const, contents: 'a1' }];
  failOn = 'manifest.json';
  expect(() => writeOutputsAtomically(out, files, buildManifest('0.0.0', {}, files))).toThrow('cannot write (EIO: simulated failure)');
  failOn = undefined;
  expect(readdirSync(out).sort()).toEqual(['keep.txt']);
  // A rebuild completes.
  writeOutputsAtomically(out, files, buildManifest('0.0.0', {}, files));
  expect(readdirSync(out).sort()).toEqual(['json', 'keep.txt', 'manifest.json']);
});
