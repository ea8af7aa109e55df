// A failed build leaves out/ as it was; a person's files in out/ are never deleted or overwritten.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, findConflicts, writeOutputsAtomically } from '../../src/host/output.js';
import { CLEAN_SEED, cleanup, ensureDist, ladderc, project, snapshot, WARNING_SEED } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const json = ['--format', 'json'];

function built(): string {
  const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
  expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('a failed build leaves out/ exactly as it was', () => {
  it('warnings under --strict', () => {
    const dir = built();
    // The new source would add a file and change nothing else: the build must still write nothing.
    writeFileSync(join(dir, 'src/b.txt'), readFileSync(join('sources', WARNING_SEED)));
    const before = snapshot(join(dir, 'out'));
    const run = ladderc(['build', 'src', ...json, '--strict'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing written');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('errors in any one source', () => {
    const dir = built();
    writeFileSync(join(dir, 'src/a.txt'), `${readFileSync(join(dir, 'src/a.txt'), 'utf8')}\n<p>more</p>\n`);
    writeFileSync(join(dir, 'src/z.txt'), new Uint8Array([0, 0x41, 0, 0x42]));
    const before = snapshot(join(dir, 'out'));
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(1);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('strict in the config file', () => {
    const dir = built();
    writeFileSync(join(dir, 'src/b.txt'), readFileSync(join('sources', WARNING_SEED)));
    writeFileSync(join(dir, 'ladderc.config.json'), '{ "strict": true }');
    const before = snapshot(join(dir, 'out'));
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(1);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });
});

describe('a template error leaves out/ exactly as it was', () => {
  it('a broken override of an HTML template', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', '--format', 'json,html'], { cwd: dir }).code).toBe(0);
    mkdirSync(join(dir, 'tpl/html'), { recursive: true });
    writeFileSync(join(dir, 'tpl/html/track.hbs'), '{{#each tracks}}\n<p>never closed\n');
    writeFileSync(join(dir, 'src/b.txt'), readFileSync(join('sources', CLEAN_SEED)));
    const before = snapshot(join(dir, 'out'));
    const run = ladderc(['build', 'src', '--format', 'json,html', '--templates', 'tpl'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tpl\/html\/track\.hbs:\d+:\d+: error/);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });
});

describe('writeOutputsAtomically', () => {
  it('a failure while staging (a name the file system refuses) leaves out/ untouched', () => {
    const dir = built();
    const out = join(dir, 'out');
    const before = snapshot(out);
    const manifest = buildManifest('0.0.0', {}, []);
    const files = [
      { path: 'json/a.json', contents: 'changed' },
      { path: `json/${'x'.repeat(300)}.json`, contents: 'too long a name' },
    ];
    expect(() => writeOutputsAtomically(out, files, manifest)).toThrow();
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses to overwrite a file no manifest lists, even when called directly', () => {
    const dir = project({ 'out/json/a.json': 'mine' });
    expect(() => writeOutputsAtomically(join(dir, 'out'), [{ path: 'json/a.json', contents: 'x' }], buildManifest('0.0.0', {}, []))).toThrow(/not written by ladderc/);
    expect(readFileSync(join(dir, 'out/json/a.json'), 'utf8')).toBe('mine');
  });

  it("a build killed while renaming: its files are still ladderc's to overwrite or remove", () => {
    const dir = project({});
    const out = join(dir, 'out');
    const before = [{ path: 'json/a.json', format: 'json' as const, contents: 'a1' }];
    writeOutputsAtomically(out, before, buildManifest('0.0.0', {}, before));
    // The state a kill leaves: the next files renamed in, their pending manifest in a staging folder
    // of a process that no longer runs, and the old manifest still in place.
    const died = [...before, { path: 'json/b.json', format: 'json' as const, contents: 'b1' }, { path: 'json/c.json', format: 'json' as const, contents: 'c1' }];
    writeFileSync(join(out, 'json/b.json'), 'b1');
    writeFileSync(join(out, 'json/c.json'), 'c1');
    mkdirSync(join(out, '.ladderc-staging-999999999-dead'));
    writeFileSync(join(out, '.ladderc-staging-999999999-dead/pending-manifest.json'), JSON.stringify(buildManifest('0.0.0', {}, died)));
    const next = [...before, { path: 'json/b.json', format: 'json' as const, contents: 'b2' }];
    expect(findConflicts(out, next)).toEqual([]);
    const result = writeOutputsAtomically(out, next, buildManifest('0.0.0', {}, next));
    expect(result).toMatchObject({ written: ['json/b.json'], removed: ['json/c.json'], kept: [] });
    expect(readdirSync(out).sort()).toEqual(['json', 'manifest.json']);
    expect(readdirSync(join(out, 'json')).sort()).toEqual(['a.json', 'b.json']);
  });

  it('refuses paths that leave the output folder', () => {
    const dir = project({});
    for (const path of ['../escape.json', '/abs.json', 'a/../../b.json']) {
      expect(() => writeOutputsAtomically(join(dir, 'out'), [{ path, contents: 'x' }], buildManifest('0.0.0', {}, []))).toThrow(/outside/);
    }
  });
});

describe("a person's files in out/", () => {
  it('survive rebuilds, including ones that remove generated files', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED } });
    mkdirSync(join(dir, 'out/json'), { recursive: true });
    writeFileSync(join(dir, 'out/NOTES.md'), 'mine');
    writeFileSync(join(dir, 'out/json/extra.json'), '{"mine":true}');
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    rmSync(join(dir, 'src/b.txt'));
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 removed');
    expect(existsSync(join(dir, 'out/json/b.json'))).toBe(false);
    expect(readFileSync(join(dir, 'out/NOTES.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'out/json/extra.json'), 'utf8')).toBe('{"mine":true}');
  });

  it('a clash with a generated path is a usage error (exit 2), and nothing is written', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'out/json/a.json': '{"mine":true}' });
    const before = snapshot(join(dir, 'out'));
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out/json/a.json exists and was not written by ladderc');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('a clash after earlier builds (a new ladder whose file a person already made) is exit 2 too', () => {
    const dir = built();
    writeFileSync(join(dir, 'out/json/b.json'), 'mine');
    writeFileSync(join(dir, 'src/b.txt'), readFileSync(join('sources', CLEAN_SEED)));
    const before = snapshot(join(dir, 'out'));
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(2);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('a manifest.json that is not ladderc\'s is never overwritten', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'out/manifest.json': '{"name":"my deployment"}' });
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out/manifest.json exists and is not a ladderc manifest');
    expect(readFileSync(join(dir, 'out/manifest.json'), 'utf8')).toBe('{"name":"my deployment"}');
  });

  it('a file where ladderc needs a folder is a usage error, not a crash', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'out/json': 'a file' });
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out/json is a file where ladderc writes a folder');
  });

  it('an identical file that no manifest lists is adopted, not a clash', () => {
    const first = built();
    const bytes = readFileSync(join(first, 'out/json/a.json'));
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'out/json/a.json': bytes });
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
  });

  it('a generated file edited after it stopped being generated is kept, not deleted', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'out/json/b.json'), 'edited by hand');
    rmSync(join(dir, 'src/b.txt'));
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('kept out/json/b.json');
    expect(readFileSync(join(dir, 'out/json/b.json'), 'utf8')).toBe('edited by hand');
  });
});

describe('interrupted builds', () => {
  it('a staging folder left by a crashed build is removed; none is left by a good one', () => {
    const dir = built();
    // pid 999999999 cannot be running (Linux caps pids far lower).
    mkdirSync(join(dir, 'out/.ladderc-staging-999999999-abcd/new/json'), { recursive: true });
    writeFileSync(join(dir, 'out/.ladderc-staging-999999999-abcd/new/json/a.json'), 'half');
    writeFileSync(join(dir, 'src/b.txt'), readFileSync(join('sources', CLEAN_SEED)));
    expect(ladderc(['build', 'src', ...json], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a staging folder is never read as a source nor checked as output', () => {
    const dir = built();
    mkdirSync(join(dir, 'out/.ladderc-staging-999999999-abcd'), { recursive: true });
    expect(ladderc(['build', 'src', ...json, '--check'], { cwd: dir }).code).toBe(0);
  });

  it('unchanged files keep their mtimes on a rebuild', () => {
    const dir = built();
    const before = snapshot(join(dir, 'out'));
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.stderr).toContain('0 changed, 0 removed');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });
});
