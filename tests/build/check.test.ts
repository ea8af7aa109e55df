// `ladderc build --check`: exit codes, every stale/missing/unexpected file listed, nothing written.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_SEED, cleanup, ensureDist, ladderc, project, snapshot, WARNING_SEED } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const json = ['--format', 'json'];

function built(): string {
  const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED } });
  expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('build --check', () => {
  it('exits 0 when out/ is current, and writes nothing', () => {
    const dir = built();
    const before = snapshot(dir);
    const run = ladderc(['build', 'src', ...json, '--check'], { cwd: dir });
    expect(run.code).toBe(0);
    // Two ladders' JSON, json/crosswalk.json and the manifest.
    expect(run.stderr).toContain('out/ is up to date (4 files)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 1 listing every stale, missing and unexpected file, and writes nothing', () => {
    const dir = built();
    // stale: edited; missing: deleted; unexpected: the manifest lists it, no source makes it now.
    writeFileSync(join(dir, 'out/json/a.json'), '{}\n');
    rmSync(join(dir, 'out/json/b.json'));
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { files: Array<Record<string, unknown>> };
    manifest.files.push({ path: 'json/old.json', format: 'json', ladder: 'old', bytes: 3, sha256: '0'.repeat(64) });
    writeFileSync(join(dir, 'out/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(join(dir, 'out/json/old.json'), '{}\n');
    // A person's file that no manifest lists is none of --check's business.
    writeFileSync(join(dir, 'out/README.txt'), 'mine');
    const before = snapshot(dir);
    const run = ladderc(['build', 'src', ...json, '--check'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale: out/json/a.json');
    expect(run.stderr).toContain('missing: out/json/b.json');
    expect(run.stderr).toContain('unexpected: out/json/old.json');
    expect(run.stderr).toContain('stale: out/manifest.json');
    expect(run.stderr).not.toContain('README.txt');
    expect(run.stderr).toContain('out/ is out of date (4 files)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 1 when out/ was never built, and creates neither out/ nor a cache', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const before = snapshot(dir);
    const run = ladderc(['build', 'src', ...json, '--check'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing: out/json/a.json');
    expect(run.stderr).toContain('missing: out/manifest.json');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes no cache entry even with an explicit cache folder', () => {
    const dir = built();
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    mkdirSync(join(dir, 'cache'));
    const before = snapshot(dir);
    expect(ladderc(['build', 'src', ...json, '--check', '--cache-dir', 'cache'], { cwd: dir }).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the check command (parse only) writes nothing either, cache included', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const before = snapshot(dir);
    expect(ladderc(['check', 'src'], { cwd: dir }).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it("sees a change of a selected writer's option as stale output (the manifest records the options)", () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', '--format', 'csv', '--csv-bom=false'], { cwd: dir }).code).toBe(0);
    const run = ladderc(['build', 'src', '--format', 'csv', '--check'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale: out/manifest.json');
    expect(run.stderr).toContain('stale: out/csv/a.csv');
    // An option of a writer the build does not run changes nothing it writes.
    expect(ladderc(['build', 'src', '--format', 'csv', '--csv-bom=false', '--paper', 'letter', '--check'], { cwd: dir }).code).toBe(0);
  });

  it('fails with exit 1 and no listing when the sources have errors', () => {
    const dir = built();
    writeFileSync(join(dir, 'src/c.txt'), new Uint8Array([0, 0, 0x41]));
    const before = snapshot(dir);
    const run = ladderc(['build', 'src', ...json, '--check'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[not-text]');
    expect(snapshot(dir)).toEqual(before);
  });

  it('speaks github: one error command per stale file', () => {
    const dir = built();
    writeFileSync(join(dir, 'out/json/a.json'), '{}\n');
    const run = ladderc(['build', 'src', ...json, '--check'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('::error file=out/json/a.json,line=1,col=1,title=ladderc stale-output::out/json/a.json differs from what the sources produce');
  });

  it('speaks json: one document on stdout with the findings among the diagnostics', () => {
    const dir = built();
    rmSync(join(dir, 'out/json/a.json'));
    const run = ladderc(['build', 'src', ...json, '--check', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { diagnostics: Array<{ ruleId: string; file: string }> };
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'missing-output', file: 'out/json/a.json' }));
  });
});
