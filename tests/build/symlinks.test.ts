// ladderc never writes or removes through a symbolic link that leads out of out/ (issue #16).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, writeOutputsAtomically } from '../../src/host/output.js';
import { CLEAN_SEED, cleanup, ensureDist, ladderc, project, snapshot } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const json = ['--format', 'json'];

describe('symbolic links in out/', () => {
  it('a manifest entry through a link out of out/ is skipped, never deleted', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'victim/precious.txt': 'precious' });
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    symlinkSync('../victim', join(dir, 'out/link'));
    const manifestPath = join(dir, 'out/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: unknown[] };
    // The hash matches, so without the check the file counts as ladderc's and is removed.
    manifest.files.push({ path: 'link/precious.txt', format: 'json', bytes: 8, sha256: createHash('sha256').update('precious').digest('hex') });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('0 removed');
    expect(run.stderr).toContain('skipped out/link/precious.txt: it goes through a symbolic link out of out/');
    expect(readFileSync(join(dir, 'victim/precious.txt'), 'utf8')).toBe('precious');
    // --check does not report it as a no-longer-generated file of out/ either.
    expect(ladderc(['build', 'src', ...json, '--check'], { cwd: dir }).code).toBe(0);
  });

  it('a generated path through a link out of out/ is refused (exit 2), nothing written there', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'elsewhere/keep.txt': 'mine' });
    mkdirSync(join(dir, 'out'));
    symlinkSync('../elsewhere', join(dir, 'out/json'));
    const before = snapshot(join(dir, 'elsewhere'));
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out/json/a.json goes through a symbolic link out of the output folder');
    expect(snapshot(join(dir, 'elsewhere'))).toEqual(before);
    expect(() => writeOutputsAtomically(join(dir, 'out'), [{ path: 'json/a.json', contents: 'x' }], buildManifest('0.0.0', {}, []))).toThrow(/symbolic link out of the output folder/);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual(['keep.txt']);
  });

  it('out/ itself may be a link: its real folder is used and everything stays in it', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    mkdirSync(join(dir, 'real-out'));
    symlinkSync('real-out', join(dir, 'out'));
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'real-out/json/a.json'))).toBe(true);
    expect(ladderc(['build', 'src', ...json, '--check'], { cwd: dir }).code).toBe(0);
  });
});
