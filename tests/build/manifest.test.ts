// out/manifest.json: what it lists is true of the files beside it.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLEAN_SEED, cleanup, contents, ensureDist, ladderc, project, WARNING_SEED } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

interface Manifest {
  ladderc: string;
  options: Record<string, unknown>;
  files: Array<{ path: string; format: string; ladder: string; track?: string; bytes: number; sha256: string }>;
}

it('lists every generated file, sorted by path, with true sizes and hashes', () => {
  const dir = project({ 'src/b.txt': { seed: WARNING_SEED }, 'src/a.txt': { seed: CLEAN_SEED } });
  const run = ladderc(['build', 'src', '--format', 'json,pdf', '--paper', 'letter'], { cwd: dir });
  expect(run.code).toBe(0);
  const out = join(dir, 'out');
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  expect(manifest.ladderc).toBe(version);
  // The selected writers' own options, and no other writer's.
  expect(manifest.options).toMatchObject({ formats: ['json', 'pdf'], paper: 'letter', review: { ratings: ['Not yet', 'Meets', 'Exceeds'] } });
  expect(manifest.options).not.toHaveProperty('csvBom');
  const paths = manifest.files.map((f) => f.path);
  expect(paths).toEqual([...paths].sort());
  expect(paths).toEqual(expect.arrayContaining(['json/a.json', 'json/b.json', 'json/crosswalk.json']));
  // Every file on disk but the manifest itself is listed, and nothing else.
  const onDisk = Object.keys(contents(out)).filter((p) => !p.endsWith('/') && p !== 'manifest.json');
  expect(paths).toEqual(onDisk.sort());
  for (const entry of manifest.files) {
    const bytes = readFileSync(join(out, entry.path));
    expect(entry.bytes).toBe(bytes.length);
    expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.path.startsWith(`${entry.format}/`)).toBe(true);
    // Build-wide files (the crosswalk) belong to no one ladder.
    if (entry.path === 'json/crosswalk.json') expect(entry.ladder).toBeUndefined();
    else expect(['a', 'b']).toContain(entry.ladder);
    expect(entry.path).not.toMatch(/\\|^\//);
  }
  // Written last: no file is newer than the manifest.
  const manifestTime = statSync(join(out, 'manifest.json')).mtimeMs;
  for (const entry of manifest.files) expect(statSync(join(out, entry.path)).mtimeMs).toBeLessThanOrEqual(manifestTime);
});

it('records no absolute path, so it does not depend on where the project lives', () => {
  const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'tpl/json/.keep': '' });
  expect(ladderc(['build', 'src', '--format', 'json', '--templates', 'tpl'], { cwd: dir }).code).toBe(0);
  const text = readFileSync(join(dir, 'out/manifest.json'), 'utf8');
  expect(text).not.toContain(dir);
  // Relative to the project folder: with no config file, the sources root (src/).
  expect((JSON.parse(text) as Manifest).options.templates).toBe('../tpl');
});
