// `ladderc init [DIR] [--force]`: scaffolds a ladder project. Self-contained (its own arguments, help
// and messages), so the CLI only has to hand it argv; it reads and writes through the host layer.

import { basename, join, resolve } from 'node:path';
import { packageTemplateFiles, pathKind, readTextFile, writeFilesUnder } from '../host/io.js';
import { slugify } from '../text/slug.js';
import { OUTPUT_FORMATS } from '../writers/index.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { CliIo } from './io.js';

/** What init needs of the CLI's streams: output and the working folder. */
export type InitIo = Pick<CliIo, 'stdout' | 'stderr' | 'cwd'>;

export const INIT_HELP = `Usage: ladderc init [DIR] [--force]

Sets up a ladder project in DIR (default: the current folder):
  sources/example-ladder.md      an example ladder, a Markdown table: edit it or add your own
  ladderc.config.json            the config: out/, every format, templates/
  templates/                     a copy of the default templates, yours to edit (--templates)
  .github/workflows/ladder.yml   CI: npx ladderc build --check on push and pull request
  package.json                   npm scripts ladder:build and ladder:check (created if missing;
                                 other fields, key order and indentation are kept)

It never overwrites a file without --force: when any of them exists, it lists them, writes
nothing and exits 2.

Options:
  --force      overwrite the existing files (and ladder:* scripts that say something else)
  -h, --help   show this help
`;

export const EXAMPLE_SOURCE = 'sources/example-ladder.md';

/** Three levels × four competencies in two categories; compiles with no diagnostics. */
export const EXAMPLE_LADDER = `# Example Ladder

What we expect of engineers at each level. This is the example \`ladderc init\` wrote: rename the
levels, rewrite the cells, add rows and categories, then run \`npx ladderc build\`.

## Engineering

| Category | Competency | Engineer I (L1) | Engineer II (L2) | Senior Engineer (L3) |
|---|---|---|---|---|
| Craft | Code quality | Writes clear, tested code with guidance. | Writes clear, tested code without guidance. Reviews peers' changes. | Sets the team's standards for code quality. Improves shared tooling. |
| | Operations | Follows runbooks during incidents. | Handles incidents in their area. Writes runbooks. | Leads incident response. Removes classes of failure. |
| Collaboration | Communication | Shares progress and asks for help early. | Writes clear design notes for their work. | Aligns several teams on technical decisions. |
| | Mentoring | Learns from reviews and pairing. | Helps new teammates get productive. | Mentors engineers on the team. Grows future leads. |
`;

/** Where the example's track book lands (ladder id "example-ladder", track "engineering"). */
export const EXAMPLE_PDF = 'out/pdf/example-ladder--engineering.pdf';

const CONFIG = `${JSON.stringify({ out: 'out', formats: [...OUTPUT_FORMATS], templates: 'templates', pdf: { paper: 'a4' } }, null, 2)}\n`;

const WORKFLOW = `# Written by \`ladderc init\`: fails when out/ is not exactly what sources/ produce.
name: ladder
on: [push, pull_request]
jobs:
  ladder:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: out/ is exactly what the sources produce
        run: npx ladderc build --check
`;

export const INIT_SCRIPTS: Readonly<Record<string, string>> = { 'ladder:build': 'ladderc build', 'ladder:check': 'ladderc build --check' };

interface Planned {
  path: string;
  contents: string | Uint8Array;
  /** What it is, for the summary. */
  what?: string;
}

/** The package.json to write (or undefined when it already has the scripts), and any conflicts. */
function planPackageJson(dir: string, force: boolean): { file?: Planned; conflicts: string[]; errors: string[]; hasLadderc: boolean; added: string[] } {
  const path = join(dir, 'package.json');
  const kind = pathKind(path);
  if (kind === undefined) {
    const pkg = { name: slugify(basename(dir), 'ladder'), version: '1.0.0', private: true, scripts: { ...INIT_SCRIPTS } };
    return { file: { path: 'package.json', contents: `${JSON.stringify(pkg, null, 2)}\n` }, conflicts: [], errors: [], hasLadderc: false, added: Object.keys(INIT_SCRIPTS) };
  }
  const fail = (message: string) => ({ conflicts: [], errors: [`package.json: ${message}`], hasLadderc: false, added: [] });
  if (kind !== 'file') return fail('is not a file');
  let text: string;
  let pkg: unknown;
  try {
    text = readTextFile(path);
    pkg = JSON.parse(text);
  } catch (error) {
    return fail(`cannot be read as JSON (${(error as Error).message}); fix it, then run "ladderc init" again`);
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) return fail('is not a JSON object');
  const obj = pkg as Record<string, unknown>;
  const scripts = obj.scripts ?? {};
  if (typeof scripts !== 'object' || scripts === null || Array.isArray(scripts)) return fail('"scripts" is not an object');
  const deps = [obj.dependencies, obj.devDependencies].filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null);
  const hasLadderc = deps.some((d) => 'ladderc' in d);
  const current = scripts as Record<string, unknown>;
  const conflicts: string[] = [];
  const added: string[] = [];
  for (const [name, command] of Object.entries(INIT_SCRIPTS)) {
    if (current[name] === command) continue;
    if (name in current && !force) conflicts.push(`package.json (scripts.${name} is ${JSON.stringify(current[name])})`);
    else added.push(name);
  }
  if (conflicts.length || added.length === 0) return { conflicts, errors: [], hasLadderc, added };
  // Edit in place: JSON.parse keeps key order; the file's own indentation and line ends are reused.
  const nextScripts: Record<string, unknown> = { ...current };
  for (const name of added) nextScripts[name] = INIT_SCRIPTS[name];
  obj.scripts = nextScripts;
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let json = JSON.stringify(obj, null, indent);
  if (eol !== '\n') json = json.replace(/\n/g, eol);
  if (/\r?\n$/.test(text) || text === '') json += eol;
  return { file: { path: 'package.json', contents: json }, conflicts: [], errors: [], hasLadderc, added };
}

export async function initCommand(argv: readonly string[], io: InitIo): Promise<number> {
  let force = false;
  const dirs: string[] = [];
  const usage: string[] = [];
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') {
      io.stdout(INIT_HELP);
      return EXIT_OK;
    }
    if (arg === '--force' || arg === '-f') force = true;
    else if (arg.startsWith('-') && arg !== '-') usage.push(`unknown option "${arg}" for "init" (options: --force, --help)`);
    else dirs.push(arg);
  }
  if (dirs.length > 1) usage.push(`"init" takes one folder, not ${dirs.length} (${dirs.join(', ')})`);
  const dir = resolve(io.cwd, dirs[0] ?? '.');
  const dirKind = pathKind(dir);
  if (dirKind !== undefined && dirKind !== 'folder') usage.push(`${dirs[0]}: is not a folder`);
  if (usage.length) {
    for (const e of usage) io.stderr(`ladderc: error: ${e}\n`);
    io.stderr('Run "ladderc init --help" for usage.\n');
    return EXIT_USAGE;
  }

  const templates = packageTemplateFiles();
  const files: Planned[] = [
    { path: EXAMPLE_SOURCE, contents: EXAMPLE_LADDER, what: 'an example ladder (a Markdown table) to edit' },
    { path: 'ladderc.config.json', contents: CONFIG, what: 'the config: out/, every format, templates/' },
    ...templates.map((t) => ({ path: t.path, contents: t.bytes })),
    { path: '.github/workflows/ladder.yml', contents: WORKFLOW, what: 'CI: npx ladderc build --check on push and pull request' },
  ];
  const existing = files.filter((f) => pathKind(join(dir, ...f.path.split('/'))) !== undefined).map((f) => f.path);
  const hadPackageJson = pathKind(join(dir, 'package.json')) !== undefined;
  const pkg = planPackageJson(dir, force);
  if (pkg.errors.length) {
    for (const e of pkg.errors) io.stderr(`ladderc: error: ${e}\n`);
    io.stderr('ladderc: nothing written\n');
    return EXIT_USAGE;
  }
  const conflicts = [...existing, ...pkg.conflicts];
  if (conflicts.length && !force) {
    io.stderr(`ladderc: error: init would overwrite ${conflicts.length === 1 ? 'a file that exists' : `${conflicts.length} files that exist`}; nothing written:\n`);
    for (const c of conflicts) io.stderr(`  ${c}\n`);
    io.stderr('Run "ladderc init --force" to overwrite them.\n');
    return EXIT_USAGE;
  }

  const writes: Planned[] = [...files, ...(pkg.file ? [pkg.file] : [])];
  writeFilesUnder(dir, writes);

  const where = dirs[0] === undefined ? 'this folder' : dirs[0];
  const overwritten = new Set(existing);
  const mark = (path: string) => (overwritten.has(path) ? ' (overwritten)' : '');
  const lines = [`ladderc: set up a ladder project in ${where}:`];
  const line = (path: string, what: string) => lines.push(`  ${path.padEnd(30)} ${what}`);
  for (const f of files.slice(0, 2)) line(f.path, `${f.what}${mark(f.path)}`);
  line('templates/', `${templates.length} default templates, yours to edit${templates.some((t) => overwritten.has(t.path)) ? ' (overwritten)' : ''}`);
  for (const f of files.slice(2 + templates.length)) line(f.path, `${f.what}${mark(f.path)}`);
  if (pkg.file) line('package.json', `${hadPackageJson ? 'added the scripts' : 'created, with the scripts'} ${pkg.added.join(', ')}`);
  else line('package.json', `already has the scripts ${Object.keys(INIT_SCRIPTS).join(', ')}`);
  const cd = dirs[0] === undefined ? [] : [`cd ${dirs[0]}`];
  const install = pkg.hasLadderc ? [] : ['npm install -D ladderc'];
  const steps = [
    ...cd,
    ...install,
    `edit ${EXAMPLE_SOURCE} (or put your own ladders in sources/)`,
    `npx ladderc build (or npm run ladder:build): writes out/ in every format (${OUTPUT_FORMATS.join(', ')})`,
    `open ${EXAMPLE_PDF} and print it; the review forms are in out/pdf/review/`,
    'commit sources/ and out/: CI runs "npx ladderc build --check" on every push',
  ];
  lines.push('', 'Next steps:', ...steps.map((s, i) => `  ${i + 1}. ${s}`), '');
  io.stdout(lines.join('\n'));
  return EXIT_OK;
}
