// `ladderc init`: from an empty folder to a project that builds and passes --check, never
// overwriting a file unless told to.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXAMPLE_PDF, EXAMPLE_SOURCE } from '../../src/cli/init-command.js';
import { packageRoot } from '../../src/host/io.js';

const PACKAGE_ROOT = packageRoot();
import { cleanup, contents, ensureDist, ladderc, project, snapshot } from './support.js';

beforeAll(ensureDist);
afterAll(cleanup);

function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('ladderc init', () => {
  it('scaffolds a project that builds every format and passes build --check', () => {
    const dir = project({});
    const init = ladderc(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(EXAMPLE_SOURCE);
    expect(init.stdout).toMatch(/Next steps:[\s\S]*npm install -D ladderc[\s\S]*npx ladderc build/);

    const build = ladderc(['build'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/compiled 1 ladder into out\/ .*: 0 errors, 0 warnings, 0 info/);
    const out = filesBelow(join(dir, 'out'));
    for (const f of ['json/example-ladder.json', 'md/example-ladder.md', 'html/index.html', 'csv/example-ladder.csv', 'manifest.json', EXAMPLE_PDF.replace(/^out\//, '')]) expect(out, f).toContain(f);
    for (const pdf of out.filter((f) => f.endsWith('.pdf'))) expect(readFileSync(join(dir, 'out', pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(out.filter((f) => f.startsWith('pdf/review/'))).toHaveLength(3);

    // the example: three levels, four competencies in two categories
    const model = JSON.parse(readFileSync(join(dir, 'out/json/example-ladder.json'), 'utf8')) as { tracks: Array<{ levels: unknown[]; competencies: Array<{ category?: string; expectations: unknown[] }> }> };
    expect(model.tracks).toHaveLength(1);
    expect(model.tracks[0]!.levels).toHaveLength(3);
    expect(model.tracks[0]!.competencies.map((c) => c.category)).toEqual(['Craft', 'Craft', 'Collaboration', 'Collaboration']);
    for (const c of model.tracks[0]!.competencies) expect(c.expectations).toHaveLength(3);

    const check = ladderc(['build', '--check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/out\/ is up to date/);
  });

  it('copies the default templates into templates/, which the build then uses', () => {
    const dir = project({});
    expect(ladderc(['init'], { cwd: dir }).code).toBe(0);
    const own = filesBelow(join(PACKAGE_ROOT, 'templates')).sort();
    expect(filesBelow(join(dir, 'templates')).sort()).toEqual(own);
    for (const f of own) expect(readFileSync(join(dir, 'templates', f), 'utf8'), f).toBe(readFileSync(join(PACKAGE_ROOT, 'templates', f), 'utf8'));
    const hbs = join(dir, 'templates/markdown/ladder.hbs');
    writeFileSync(hbs, `<!-- edited by us -->\n${readFileSync(hbs, 'utf8')}`);
    expect(ladderc(['build', '--format', 'md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'out/md/example-ladder.md'), 'utf8')).toContain('<!-- edited by us -->');
  });

  it('writes a workflow that runs build --check on push and pull_request', () => {
    const dir = project({});
    expect(ladderc(['init'], { cwd: dir }).code).toBe(0);
    const workflow = parseYaml(readFileSync(join(dir, '.github/workflows/ladder.yml'), 'utf8')) as { on: string[]; jobs: Record<string, { steps: Array<{ run?: string }> }> };
    expect(workflow.on).toEqual(['push', 'pull_request']);
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run).filter(Boolean));
    expect(runs).toContain('npx ladderc build --check');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toEqual({ 'ladder:build': 'ladderc build', 'ladder:check': 'ladderc build --check' });
  });

  it('refuses to run over its own files (exit 2, naming them, changing nothing), and --force overwrites', () => {
    const dir = project({});
    expect(ladderc(['init'], { cwd: dir }).code).toBe(0);
    const before = snapshot(dir);
    const again = ladderc(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/nothing written/);
    for (const f of [EXAMPLE_SOURCE, 'ladderc.config.json', 'templates/html/site.css', '.github/workflows/ladder.yml']) expect(again.stderr).toContain(`  ${f}\n`);
    expect(snapshot(dir)).toEqual(before);

    writeFileSync(join(dir, EXAMPLE_SOURCE), 'my own ladder\n');
    const forced = ladderc(['init', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/overwritten/);
    expect(readFileSync(join(dir, EXAMPLE_SOURCE), 'utf8')).toMatch(/^# Example Ladder\n/);
  });

  it('refuses when one file of its set exists, and writes none of the others', () => {
    const dir = project({ '.github/workflows/ladder.yml': 'name: mine\n' });
    const before = contents(dir);
    const r = ladderc(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  .github/workflows/ladder.yml\n');
    expect(contents(dir)).toEqual(before);
  });

  it('adds its scripts to an existing package.json, keeping every other field, the key order and the indentation', () => {
    const original = '{\n    "name": "acme-ladders",\n    "version": "2.0.0",\n    "scripts": {\n        "test": "echo ok"\n    },\n    "devDependencies": {\n        "ladderc": "^0.1.0"\n    }\n}\n';
    const dir = project({ 'package.json': original });
    const r = ladderc(['init'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(
      '{\n    "name": "acme-ladders",\n    "version": "2.0.0",\n    "scripts": {\n        "test": "echo ok",\n        "ladder:build": "ladderc build",\n        "ladder:check": "ladderc build --check"\n    },\n    "devDependencies": {\n        "ladderc": "^0.1.0"\n    }\n}\n',
    );
    // ladderc is already a dependency: the next steps do not tell the user to install it
    expect(r.stdout).not.toContain('npm install -D ladderc');
  });

  it('treats a ladder:* script that says something else as a file in the way', () => {
    const original = '{\n  "name": "x",\n  "scripts": { "ladder:build": "make ladders" }\n}\n';
    const dir = project({ 'package.json': original });
    const r = ladderc(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('package.json (scripts.ladder:build is "make ladders")');
    expect(filesBelow(dir)).toEqual(['package.json']);
    expect(ladderc(['init', '--force'], { cwd: dir }).code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
    expect(pkg).toEqual({ name: 'x', scripts: { 'ladder:build': 'ladderc build', 'ladder:check': 'ladderc build --check' } });
  });

  it('leaves a package.json it cannot read alone (exit 2, nothing written)', () => {
    const dir = project({ 'package.json': '{ "name": ' });
    const r = ladderc(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/package\.json: cannot be read as JSON/);
    expect(filesBelow(dir)).toEqual(['package.json']);
  });

  it('scaffolds into a given folder, creating it, and builds from there', () => {
    const dir = project({});
    const r = ladderc(['init', 'ladders'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('cd ladders');
    expect(filesBelow(dir).every((f) => f.startsWith('ladders/'))).toBe(true);
    expect(ladderc(['build'], { cwd: join(dir, 'ladders') }).code).toBe(0);
    expect(filesBelow(join(dir, 'ladders', 'out'))).toContain('json/example-ladder.json');
  });

  it('has its own --help; bad arguments are usage errors; the main help names it', () => {
    const dir = project({});
    const help = ladderc(['init', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ladderc init \[DIR\] \[--force\]/);
    expect(filesBelow(dir)).toEqual([]);
    const bad = ladderc(['init', '--frce'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option "--frce"');
    expect(ladderc(['init', 'a', 'b'], { cwd: dir }).code).toBe(2);
    expect(filesBelow(dir)).toEqual([]);
    expect(ladderc(['--help'], { cwd: dir }).stdout).toMatch(/ladderc init \[DIR\] \[--force\]/);
  });
});
