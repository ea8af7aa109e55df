// Issue #9: the npm package works once installed. Packs this checkout, installs the tarball into an
// empty project and uses it there the way a user would (npx, the bin, `import 'ladderc'`).
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PDF } from '../../src/cli/init-command.js';
import { cleanupTemp, installedProject, NPM_INSTALL_FLAGS, ok, pack, REPO, run, tempDir, type Packed } from './support.js';

// Installing fetches the dependencies (from npm's cache when it has them): minutes, not seconds.
const SLOW = 300_000;

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** The text of the README section under `## <title>`, up to the next `## ` heading. */
function readmeSection(title: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

let packed: Packed;
let project: string;

beforeAll(() => {
  packed = pack();
  project = installedProject(packed.tarball);
}, SLOW);

afterAll(cleanupTemp);

describe('the tarball', () => {
  it('holds the compiled code, its types, the templates (and their compiled specs) and the schema, and nothing else', () => {
    const paths = packed.files.map((f) => f.path);
    const bad = paths.filter(
      (p) =>
        /^(tests|out|sources|docs|src|scripts|node_modules|\.ci|\.github)\//.test(p) ||
        /\.(map|tsbuildinfo|tgz)$/.test(p) ||
        (p.endsWith('.ts') && !p.endsWith('.d.ts')) ||
        /^dist\/(?!src\/|cli\/[^/]+\.js$|templates\.precompiled\.json$)/.test(p),
    );
    expect(bad).toEqual([]);
    for (const need of ['package.json', 'README.md', 'dist/src/cli.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'schema/ladder.schema.json', 'templates/html/site.css', 'templates/markdown/ladder.hbs', 'templates/csv/track.hbs', 'dist/templates.precompiled.json', 'dist/cli/ladderc.js']) {
      expect(paths, need).toContain(need);
    }
    expect(paths.filter((p) => p.startsWith('templates/')).length).toBe(filesBelow(join(REPO, 'templates')).length);
  });

  it('has an executable bin inside the tarball itself', () => {
    const listing = ok(run('tar', ['-tvzf', packed.tarball], REPO), 'tar -tvzf').stdout;
    const line = listing.split('\n').find((l) => l.endsWith(' package/dist/cli/ladderc.js'));
    expect(line, listing).toMatch(/^-rwxr-xr-x /);
    expect(readFileSync(join(REPO, 'dist/cli/ladderc.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('declares an ESM entry with types, the Node versions it runs on and the bin', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.type).toBe('module');
    // The bin is the bundle (scripts/bundle.mjs); the unbundled dist/src/cli.js works too.
    expect(pkg.bin).toEqual({ ladderc: 'dist/cli/ladderc.js' });
    expect(pkg.engines).toEqual({ node: expect.stringMatching(/^>=20/) });
    expect((pkg.exports as Record<string, unknown>)['.']).toEqual({ types: './dist/src/index.d.ts', default: './dist/src/index.js' });
  });
});

describe('the installed package', () => {
  it('builds the repository\'s sources with `npx ladderc build sources`: every format, real PDFs', () => {
    cpSync(join(REPO, 'sources'), join(project, 'sources'), { recursive: true });
    ok(run('npx', ['--no-install', 'ladderc', 'build', 'sources'], project), 'npx ladderc build sources');
    const out = filesBelow(join(project, 'out'));
    const sources = readdirSync(join(REPO, 'sources'));
    for (const format of ['json', 'md', 'csv', 'pdf']) {
      const ext = format === 'md' ? '.md' : `.${format}`;
      expect(out.filter((f) => f.startsWith(`${format}/`) && f.endsWith(ext)).length, format).toBeGreaterThanOrEqual(sources.length);
    }
    expect(out).toContain('html/index.html');
    expect(out).toContain('manifest.json');
    const pdfs = out.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.some((f) => f.startsWith('pdf/review/'))).toBe(true);
    for (const pdf of pdfs) expect(readFileSync(join(project, 'out', pdf)).subarray(0, 5).toString('latin1'), pdf).toBe('%PDF-');
    // and the output is current by the package's own check
    ok(run('npx', ['--no-install', 'ladderc', 'build', 'sources', '--check'], project), 'npx ladderc build sources --check');
  }, SLOW);

  it('runs its bin directly, without node in front', () => {
    for (const bin of ['node_modules/.bin/ladderc', 'node_modules/ladderc/dist/cli/ladderc.js']) {
      const r = ok(run(join(project, bin), ['--version'], project), bin);
      expect(r.stdout).toMatch(/^ladderc \d+\.\d+\.\d+/);
    }
  });

  it('loads as an ES module by its package name: `import { compile } from \'ladderc\'` on a string', () => {
    const script = [
      "import { compile, OUTPUT_FORMATS } from 'ladderc';",
      "const text = '| Competency | Junior | Senior |\\n|---|---|---|\\n| Delivery | Ships small changes. | Leads large projects. |\\n';",
      "const { ladders, diagnostics } = compile(text, { path: 'team.md' });",
      'console.log(JSON.stringify({ formats: OUTPUT_FORMATS, levels: ladders[0].tracks[0].levels.map((l) => l.title), statement: ladders[0].tracks[0].competencies[0].expectations[1].statements[0], errors: diagnostics.filter((d) => d.severity === "error").length }));',
    ].join('\n');
    const r = ok(run(process.execPath, ['--input-type=module', '-e', script], project), 'import { compile } from "ladderc"');
    const result = JSON.parse(r.stdout) as { formats: string[]; levels: string[]; statement: string; errors: number };
    expect(result.levels).toEqual(['Junior', 'Senior']);
    expect(result.statement).toBe('Leads large projects.');
    expect(result.errors).toBe(0);
    expect(result.formats).toContain('pdf');
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/ladderc/package.json'), 'utf8')) as { exports: { '.': { types: string } } };
    expect(existsSync(join(project, 'node_modules/ladderc', installed.exports['.'].types))).toBe(true);
  });
});

describe('the README', () => {
  it('states the file count npm pack reports, and the size roughly', () => {
    const install = readmeSection('Install');
    const stated = /about (\d+) kB \(package size\) holding (\d+) files/.exec(install);
    expect(stated, 'the Install section states "about N kB (package size) holding N files"').not.toBeNull();
    expect(Number(stated![2])).toBe(packed.entryCount);
    expect(Math.abs(Number(stated![1]) * 1000 - packed.size) / packed.size).toBeLessThan(0.15);
  });

  it('tutorial "From nothing to a printed PDF": its shell blocks, run as written, print the PDF it names', () => {
    const section = readmeSection('From nothing to a printed PDF');
    const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const script = blocks.join('\n');
    for (const step of ['npm install -D ladderc', 'npx ladderc init', 'npx ladderc build']) expect(script).toContain(step);
    expect(section).toContain(`\`${EXAMPLE_PDF}\``);
    // the one substitution: the tarball of this checkout instead of the registry's ladderc
    const runnable = script.replace(/^npm install -D ladderc$/m, `npm install -D ${packed.tarball} ${NPM_INSTALL_FLAGS.join(' ')}`);
    expect(runnable).not.toBe(script);
    const dir = tempDir('ladderc-tutorial-');
    ok(run('bash', ['-euo', 'pipefail', '-c', runnable], dir), `the tutorial's commands:\n${runnable}`);
    const project = join(dir, /^mkdir (\S+) && cd \1$/m.exec(script)?.[1] ?? '.');
    const pdf = readFileSync(join(project, EXAMPLE_PDF));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(filesBelow(join(project, 'out/pdf/review')).length).toBe(3);
    // the edit step reached the output, and the npm scripts init added work
    const model = readFileSync(join(project, 'out/json/example-ladder.json'), 'utf8');
    expect(model).toContain('"name": "Documentation"');
    ok(run('npm', ['run', '--silent', 'ladder:check'], project), 'npm run ladder:check');
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(pkg.devDependencies)).toEqual(['ladderc']);
  }, SLOW);
});
