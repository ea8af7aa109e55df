// The no-op stamp (src/host/stamp.ts): a rebuild with nothing to do prints exactly what a full
// rebuild prints, without loading a reader or a writer; anything that could change out/ or what
// the build says (a source byte, a template, an option, a file in out/) makes the build run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_SEED, cleanEnv, cleanup, CLI, ensureDist, project, REPO, WARNING_SEED, type Run } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const RECORDER = join(REPO, 'tests', 'support', 'record-imports.mjs');
const STAMPS = 'node_modules/.cache/ladderc/stamp';

/** One CLI run, with the modules it loaded. */
function run(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Run & { loaded: string[] } {
  const record = join(cwd, `.imports-${Math.random().toString(36).slice(2)}`);
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], { cwd, env: cleanEnv({ ...env, RECORD_IMPORTS: record }), encoding: 'utf8' });
  const loaded = existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(record, { force: true });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, loaded };
}

/** Whether the run did the build's work: it loaded the pipeline that reads and renders. */
const built = (r: { loaded: string[] }) => r.loaded.some((url) => url.endsWith('/pipeline/build.js'));
const heavy = (r: { loaded: string[] }) => r.loaded.filter((url) => /node_modules\/(pdfkit|unified|micromark|handlebars|yaml)\/|\/readers\/(index|markdown|html)\.js$|\/writers\/(pdf\/(?!theme\.js)|html|csv|markdown|template)/.test(url));

function twoSources(): string {
  return project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': { seed: WARNING_SEED } });
}

describe('a rebuild with nothing to do', () => {
  it('prints exactly what a full rebuild prints, from the stamp, loading no reader and no writer', () => {
    const dir = twoSources();
    const args = ['build', 'src', '--format', 'json,md,html,csv,pdf'];
    const cold = run(args, dir);
    expect(cold.code).toBe(0);
    expect(built(cold)).toBe(true);
    // A full rebuild (no stamp yet), then one answered from the stamp that it left.
    rmSync(join(dir, STAMPS), { recursive: true, force: true });
    const full = run(args, dir);
    expect(built(full)).toBe(true);
    expect(full.stderr).toContain('0 changed, 0 removed');
    const fast = run(args, dir);
    expect(built(fast)).toBe(false);
    expect(heavy(fast)).toEqual([]);
    expect({ code: fast.code, stdout: fast.stdout, stderr: fast.stderr }).toEqual({ code: full.code, stdout: full.stdout, stderr: full.stderr });
    expect(fast.stderr).toContain('[mojibake-repaired]');
    expect(fast.stderr).toContain('words kept:');
  });

  it('answers --check from the stamp too, and with the json reporter prints the same document', () => {
    const dir = twoSources();
    expect(run(['build', 'src'], dir).code).toBe(0);
    rmSync(join(dir, STAMPS), { recursive: true, force: true });
    const fullCheck = run(['build', 'src', '--check'], dir);
    expect(fullCheck.code).toBe(0);
    expect(built(fullCheck)).toBe(true);
    // --check writes nothing, so the stamp comes from a build.
    expect(existsSync(join(dir, STAMPS))).toBe(false);
    expect(run(['build', 'src'], dir).code).toBe(0);
    const fastCheck = run(['build', 'src', '--check'], dir);
    expect(built(fastCheck)).toBe(false);
    expect({ code: fastCheck.code, stdout: fastCheck.stdout, stderr: fastCheck.stderr }).toEqual({ code: fullCheck.code, stdout: fullCheck.stdout, stderr: fullCheck.stderr });

    // The reporter is part of the key: the json document is printed by a full build first, then replayed.
    const jsonFull = run(['build', 'src', '--reporter', 'json'], dir);
    expect(built(jsonFull)).toBe(true);
    const jsonFast = run(['build', 'src', '--reporter', 'json'], dir);
    expect(built(jsonFast)).toBe(false);
    expect(jsonFast.stdout).toBe(jsonFull.stdout);
    expect(JSON.parse(jsonFast.stdout)).toBeTruthy();
  });

  it('runs in full when a source, an option, a template, the date or out/ differ from the stamp', () => {
    const dir = twoSources();
    expect(run(['build', 'src'], dir).code).toBe(0);
    expect(built(run(['build', 'src'], dir))).toBe(false);

    // A source's bytes (same size, so only the content tells).
    const a = join(dir, 'src/a.txt');
    const text = readFileSync(a, 'utf8');
    const i = text.indexOf('e');
    writeFileSync(a, `${text.slice(0, i)}E${text.slice(i + 1)}`);
    const edited = run(['build', 'src'], dir);
    expect(built(edited)).toBe(true);
    expect(edited.stderr).not.toContain(' 0 changed');
    expect(built(run(['build', 'src'], dir))).toBe(false);

    // An option, the locale, SOURCE_DATE_EPOCH.
    expect(built(run(['build', 'src', '--locale', 'de'], dir))).toBe(true);
    expect(built(run(['build', 'src'], dir))).toBe(true);
    expect(built(run(['build', 'src'], dir, { SOURCE_DATE_EPOCH: '1700000000' }))).toBe(true);
    expect(built(run(['build', 'src'], dir))).toBe(true);
    expect(built(run(['build', 'src'], dir))).toBe(false);

    // A template override that did not exist before.
    mkdirSync(join(dir, 'tpl/markdown'), { recursive: true });
    writeFileSync(join(dir, 'tpl/markdown/ladder.hbs'), '# A ladder\n');
    expect(built(run(['build', 'src', '--templates', 'tpl'], dir))).toBe(true);
    expect(built(run(['build', 'src', '--templates', 'tpl'], dir))).toBe(false);
    writeFileSync(join(dir, 'tpl/markdown/ladder.hbs'), '# A ladder!\n');
    expect(built(run(['build', 'src', '--templates', 'tpl'], dir))).toBe(true);

    // A file in out/ edited by hand is put back, not reported up to date.
    expect(built(run(['build', 'src'], dir))).toBe(true);
    const page = join(dir, 'out/json/a.json');
    writeFileSync(page, '{}\n');
    const stale = run(['build', 'src', '--check'], dir);
    expect(built(stale)).toBe(true);
    expect(stale.code).toBe(1);
    const restored = run(['build', 'src'], dir);
    expect(built(restored)).toBe(true);
    expect(restored.stderr).toContain('1 changed');
    // …and a file added to out/ (or a lock or staging folder left behind) is not the out/ the stamp saw.
    writeFileSync(join(dir, 'out/.extra'), 'x\n');
    expect(built(run(['build', 'src', '--check'], dir))).toBe(true);
    expect(built(run(['build', 'src'], dir))).toBe(true);
  });

  it('leaves no stamp without a cache (--no-cache), and LADDERC_DEBUG_CACHE=1 always builds', () => {
    const dir = twoSources();
    expect(run(['build', 'src', '--no-cache'], dir).code).toBe(0);
    expect(existsSync(join(dir, STAMPS))).toBe(false);
    expect(built(run(['build', 'src', '--no-cache'], dir))).toBe(true);
    expect(run(['build', 'src'], dir).code).toBe(0);
    const debug = run(['build', 'src'], dir, { LADDERC_DEBUG_CACHE: '1' });
    expect(built(debug)).toBe(true);
    expect(debug.stderr).toContain('ladderc: cache: parsed 0, rendered 0');
  });
});
