// The file system refusing part of a write (simulated through writeOutputsAtomically's test-only
// fs hook): OutputWriteError with the path and code, thrown after out/ is put back as it was; and
// out/'s lock file is invisible to --check.
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildManifest, compareOutputs, LOCK, manifestText, OutputWriteError, writeOutputsAtomically } from '../../src/host/output.js';
import { contents } from '../cli/support.js';

const dir = mkdtempSync(join(tmpdir(), 'ladderc-write-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enospc = (): never => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
};

type File = { path: string; format: 'json'; contents: string };
const FIRST: File[] = [
  { path: 'json/a.json', format: 'json', contents: 'a1' },
  { path: 'json/b.json', format: 'json', contents: 'b1' },
  { path: 'old/gone.json', format: 'json', contents: 'g1' },
];
const SECOND: File[] = [
  { path: 'json/a.json', format: 'json', contents: 'a2' },
  { path: 'json/b.json', format: 'json', contents: 'b2' },
  { path: 'new/c.json', format: 'json', contents: 'c2' },
];

function built(name: string): string {
  const out = join(dir, name);
  writeOutputsAtomically(out, FIRST, buildManifest('0.0.0', {}, FIRST));
  return out;
}

function attempt(out: string, hooks: Parameters<typeof writeOutputsAtomically>[3]): OutputWriteError {
  try {
    writeOutputsAtomically(out, SECOND, buildManifest('0.0.0', {}, SECOND), hooks);
  } catch (error) {
    expect(error).toBeInstanceOf(OutputWriteError);
    return error as OutputWriteError;
  }
  throw new Error('the write did not fail');
}

it('a full disk while staging: OutputWriteError naming the file, out/ untouched, nothing hidden left', () => {
  const out = built('staging');
  const before = contents(out);
  let calls = 0;
  const error = attempt(out, {
    fs: {
      writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
        calls += 1;
        if (calls === 2) enospc();
        fs.writeFileSync(...args);
      },
    },
  });
  expect(error.code).toBe('ENOSPC');
  expect(error.path).toBe(join(out, 'json/b.json'));
  expect(error.message).toBe(`${join(out, 'json/b.json')}: cannot write (ENOSPC: no space left on device)`);
  expect(contents(out)).toEqual(before);
});

it('a failure on the second rename into out/: every rename undone, the removal never done, no lock left', () => {
  const out = built('rename');
  const before = contents(out);
  let renames = 0;
  const error = attempt(out, {
    fs: {
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (!String(to).includes('.ladderc-staging-') && (renames += 1) === 2) enospc();
        fs.renameSync(from, to);
      },
    },
  });
  expect(error.code).toBe('ENOSPC');
  expect(error.path).toBe(join(out, 'json/b.json'));
  expect(contents(out)).toEqual(before);
  expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
});

it('a failure while moving a no-longer-generated file aside: the replaced files and the new ones are put back too', () => {
  const out = built('remove');
  const before = contents(out);
  const error = attempt(out, {
    fs: {
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (String(from).endsWith('old/gone.json')) throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES', syscall: 'rename' });
        fs.renameSync(from, to);
      },
    },
  });
  expect(error.code).toBe('EACCES');
  expect(error.path).toBe(join(out, 'old/gone.json'));
  expect(contents(out)).toEqual(before);
});

it('the lock file is neither stale, missing nor unexpected for --check', () => {
  const out = built('lock');
  writeFileSync(join(out, LOCK), '1\n');
  const report = compareOutputs(out, [...FIRST, { path: 'manifest.json', contents: manifestText(buildManifest('0.0.0', {}, FIRST)) }]);
  expect(report).toEqual({ stale: [], missing: [], unexpected: [] });
});
