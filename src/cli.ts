#!/usr/bin/env node
// argv → command → exit code. The only module that prints; every exit code is decided here
// through diagnostics.ts.

import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileSources, emptyStats, renderOutputs, sourceDateEpoch, type BuildHooks, type WriterResources } from './build.js';
import { DEFAULT_CACHE_DIR, DiskCache, isInside } from './cache.js';
import { CONFIG_FILE, parseConfig, type ConfigFile } from './config.js';
import {
  countBySeverity,
  diagnostic,
  EXIT_INTERNAL,
  EXIT_OK,
  EXIT_SOURCE_ERRORS,
  EXIT_USAGE,
  exitCodeFor,
  type Diagnostic,
} from './diagnostics.js';
import { collectSources, displayPath, fileExists, loadAssets, loadTemplateSet, readTextFile, VERSION } from './io.js';
import { DEFAULT_OPTIONS, OUTPUT_FORMATS, type Options, type OutputFormat, type Paper } from './options.js';
import { buildManifest, compareOutputs, findConflictDetails, manifestText, writeOutputsAtomically } from './output.js';
import { createProgress } from './progress.js';
import { report, REPORTERS, type ReporterName } from './report.js';
import { implementedFormats, templateFolder, writerFor } from './writers/index.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (colour, progress). */
  isTTY: boolean;
  /** Terminal width for the progress bar (defaults to 80). */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

type Command = 'build' | 'check' | 'watch';
const COMMANDS: readonly Command[] = ['build', 'check', 'watch'];

const HELP = `ladderc ${VERSION} — compile engineering career ladders

Usage:
  ladderc build [PATH…] [options]   compile sources into out/ (JSON, Markdown, HTML, CSV, PDF)
  ladderc check [PATH…] [options]   parse and report only; writes nothing
  ladderc watch [PATH…] [options]   rebuild whenever sources, templates or the config change
  ladderc --help | --version

PATH is a file or a folder (default: sources/). The format of each source is detected from
its content, never from its file name.

Options:
  --out DIR              output folder (default: out)
  --format LIST          comma-separated: ${OUTPUT_FORMATS.join(',')} (default: all)
  --config FILE          config file (default: ./${CONFIG_FILE} when present)
  --templates DIR        folder whose <format>/… templates override the defaults one by one
  --strict               treat warnings as errors
  --check                (build) compare with out/ instead of writing; exit 1 when stale
  --csv-bom=BOOL         UTF-8 byte order mark in CSV files (default: true)
  --paper a4|letter      PDF paper size (default: a4)
  --reporter NAME        human, json or github (default: github when GITHUB_ACTIONS=true, else human)
  --cache-dir DIR        build cache (default: node_modules/.cache/ladderc, or cacheDir in the config)
  --no-cache             neither read nor write the build cache
  -h, --help             show this help
  -V, --version          show the version

Exit codes:
  0    success (watch: stopped with Ctrl-C)
  1    errors in the sources (or warnings under --strict, or a template error), or --check
       found out/ stale
  2    usage or environment errors: unknown flags or formats, missing paths, invalid config,
       unreadable files, output files ladderc did not write in the way
  70   internal error: a bug in ladderc (LADDERC_DEBUG=1 shows the stack)
  130  interrupted by a signal (a build interrupted while writing finishes writing first)

Environment: SOURCE_DATE_EPOCH (dates embedded in outputs), NO_COLOR, CI (no progress bar),
GITHUB_ACTIONS=true (github reporter), LADDERC_DEBUG_CACHE=1 (print what was parsed and rendered),
LADDERC_WATCH_POLL=1 (watch by polling, for network drives and some containers).
`;

interface ParsedArgs {
  command?: Command;
  paths: string[];
  flags: {
    out?: string;
    formats?: OutputFormat[];
    config?: string;
    templates?: string;
    strict?: boolean;
    check?: boolean;
    csvBom?: boolean;
    paper?: Paper;
    reporter?: ReporterName;
    cacheDir?: string;
    noCache?: boolean;
    help?: boolean;
    version?: boolean;
  };
  errors: string[];
}

const VALUE_FLAGS = ['--out', '--format', '--config', '--templates', '--paper', '--reporter', '--csv-bom', '--cache-dir'];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { paths: [], flags: {}, errors: [] };
  const args = [...argv];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (!parsed.command && parsed.paths.length === 0 && !parsed.flags.help) {
        if ((COMMANDS as readonly string[]).includes(arg)) parsed.command = arg as Command;
        else if (arg === 'help') parsed.flags.help = true;
        else parsed.errors.push(`unknown command "${arg}" (commands: ${COMMANDS.join(', ')})`);
      } else parsed.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string | undefined => {
      if (value !== undefined) return value;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        parsed.errors.push(`${name} needs a value`);
        return undefined;
      }
      i += 1;
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        parsed.flags.help = true;
        break;
      case '-V':
      case '--version':
        parsed.flags.version = true;
        break;
      case '--strict':
        parsed.flags.strict = true;
        break;
      case '--check':
        parsed.flags.check = true;
        break;
      case '--csv-bom': {
        value ??= 'true';
        if (value === 'true' || value === 'false') parsed.flags.csvBom = value === 'true';
        else parsed.errors.push(`--csv-bom must be true or false, not "${value}"`);
        break;
      }
      case '--no-csv-bom':
        parsed.flags.csvBom = false;
        break;
      case '--no-cache':
        parsed.flags.noCache = true;
        break;
      case '--cache-dir': {
        const v = takeValue();
        if (v !== undefined) parsed.flags.cacheDir = v;
        break;
      }
      case '--out':
      case '--config':
      case '--templates': {
        const v = takeValue();
        if (v !== undefined) parsed.flags[name.slice(2) as 'out' | 'config' | 'templates'] = v;
        break;
      }
      case '--format': {
        const v = takeValue();
        if (v === undefined) break;
        const formats: OutputFormat[] = [];
        for (const f of v.split(',').map((s) => s.trim()).filter(Boolean)) {
          if ((OUTPUT_FORMATS as readonly string[]).includes(f)) {
            if (!formats.includes(f as OutputFormat)) formats.push(f as OutputFormat);
          } else parsed.errors.push(`unknown format "${f}" (formats: ${OUTPUT_FORMATS.join(', ')})`);
        }
        if (formats.length === 0 && !v.split(',').some((s) => s.trim())) parsed.errors.push('--format needs at least one format');
        parsed.flags.formats = formats;
        break;
      }
      case '--paper': {
        const v = takeValue();
        if (v === 'a4' || v === 'letter') parsed.flags.paper = v;
        else if (v !== undefined) parsed.errors.push(`--paper must be a4 or letter, not "${v}"`);
        break;
      }
      case '--reporter': {
        const v = takeValue();
        if (v !== undefined && (REPORTERS as readonly string[]).includes(v)) parsed.flags.reporter = v as ReporterName;
        else if (v !== undefined) parsed.errors.push(`--reporter must be one of ${REPORTERS.join(', ')}, not "${v}"`);
        break;
      }
      default:
        parsed.errors.push(`unknown option "${name}"`);
    }
    if (value !== undefined && !VALUE_FLAGS.includes(name) && !['--csv-bom'].includes(name)) {
      parsed.errors.push(`${name} takes no value`);
    }
  }
  return parsed;
}

interface Resolved {
  options: Options;
  reporter: ReporterName;
  check: boolean;
  logo?: string;
  /** Absolute cache folder, or undefined with --no-cache. */
  cacheDir?: string;
  /** The config file in use or looked for (watch follows it even before it exists). */
  configPath: string;
  errors: string[];
}

/** defaults < config file < command line; config paths are relative to the config file. */
function resolveOptions(args: ParsedArgs, io: CliIo): Resolved {
  const errors: string[] = [];
  const cwd = io.cwd;
  const abs = (p: string, base: string) => (isAbsolute(p) ? p : resolve(base, p));
  let config: ConfigFile = {};
  let configDir = cwd;
  const configPath = args.flags.config ?? (fileExists(join(cwd, CONFIG_FILE)) ? join(cwd, CONFIG_FILE) : undefined);
  if (configPath) {
    const path = abs(configPath, cwd);
    configDir = dirname(path);
    let text: string | undefined;
    try {
      text = readTextFile(path);
    } catch {
      errors.push(`${displayPath(path, cwd)}: cannot read the config file`);
    }
    if (text !== undefined) {
      const parsed = parseConfig(text);
      for (const e of parsed.errors) errors.push(`${displayPath(path, cwd)}: invalid config: ${e}`);
      config = parsed.config;
    }
  }

  const options: Options = structuredClone({ ...DEFAULT_OPTIONS, formats: implementedFormats() }) as Options;
  if (config.out) options.outDir = abs(config.out, configDir);
  if (config.formats) options.formats = config.formats;
  if (config.strict !== undefined) options.strict = config.strict;
  if (config.templates) options.templates = abs(config.templates, configDir);
  if (config.csv?.bom !== undefined) options.csvBom = config.csv.bom;
  if (config.pdf?.paper) options.paper = config.pdf.paper;
  if (config.review?.ratings) options.review.ratings = config.review.ratings;
  if (config.review?.labels) Object.assign(options.review.labels, config.review.labels);
  for (const [path, overrides] of Object.entries(config.sources ?? {})) {
    options.sources[displayPath(abs(path, configDir), cwd)] = overrides;
  }

  const f = args.flags;
  if (args.paths.length) options.paths = args.paths;
  if (f.out) options.outDir = abs(f.out, cwd);
  else if (!config.out) options.outDir = abs(DEFAULT_OPTIONS.outDir, cwd);
  if (f.formats) options.formats = f.formats;
  if (f.strict) options.strict = true;
  if (f.templates) options.templates = abs(f.templates, cwd);
  if (f.csvBom !== undefined) options.csvBom = f.csvBom;
  if (f.paper) options.paper = f.paper;
  for (const format of options.formats) if (!writerFor(format)) errors.push(`format "${format}" is not implemented yet`);
  if (options.templates && !fileExists(options.templates)) errors.push(`${displayPath(options.templates, cwd)}: templates folder not found`);
  const logo = config.review?.logo ? abs(config.review.logo, configDir) : undefined;
  if (logo && !fileExists(logo)) errors.push(`${displayPath(logo, cwd)}: logo image not found (review.logo in the config)`);

  let cacheDir: string | undefined;
  if (!f.noCache) {
    cacheDir = f.cacheDir ? abs(f.cacheDir, cwd) : config.cacheDir ? abs(config.cacheDir, configDir) : resolve(cwd, DEFAULT_CACHE_DIR);
    // A cache inside out/ would put files there that no manifest lists (and --check must not write).
    if (isInside(cacheDir, options.outDir)) errors.push(`${displayPath(cacheDir, cwd)}: the cache folder must not be inside the output folder ${displayPath(options.outDir, cwd)}`);
  }

  // reproducible-builds.org: a malformed SOURCE_DATE_EPOCH is an error, never silently replaced.
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch.trim())) errors.push(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);

  const reporter = f.reporter ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
  const resolved: Resolved = { options, reporter, check: f.check ?? false, errors, configPath: abs(configPath ?? CONFIG_FILE, cwd) };
  if (logo) resolved.logo = logo;
  if (cacheDir) resolved.cacheDir = cacheDir;
  return resolved;
}

/** The options that shape output, recorded in the manifest (paths relative to the out folder's parent). */
function manifestOptions(options: Options, cwd: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    formats: options.formats,
    csvBom: options.csvBom,
    paper: options.paper,
    review: options.review,
  };
  if (options.templates) out.templates = displayPath(options.templates, cwd);
  if (Object.keys(options.sources).length) out.sources = options.sources;
  return out;
}

function resources(options: Options, logo: string | undefined): WriterResources {
  return {
    templates: (format) => loadTemplateSet(templateFolder(format), options.templates),
    assets: (format) => {
      const assets = loadAssets(writerFor(format)?.assets);
      if (format === 'pdf' && logo) assets.logo = new Uint8Array(readFileSync(logo));
      return assets;
    },
  };
}

/** Usage errors as diagnostics (file "ladderc"), so the json and github reporters carry them too. */
function usageFailure(errors: readonly string[], io: CliIo, reporter: ReporterName = 'human'): number {
  if (reporter === 'human') {
    for (const e of errors) io.stderr(`ladderc: error: ${e}\n`);
    io.stderr('Run "ladderc --help" for usage.\n');
  } else {
    const text = report(reporter, errors.map((e) => diagnostic('error', 'usage', e, 'ladderc', undefined)), { color: false });
    if (reporter === 'json') io.stdout(text);
    else io.stderr(text);
  }
  return EXIT_USAGE;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(list: readonly Diagnostic[]): string {
  const c = countBySeverity(list);
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.help) {
    io.stdout(HELP);
    return args.errors.length ? usageFailure(args.errors, io) : EXIT_OK;
  }
  if (args.flags.version) {
    io.stdout(`ladderc ${VERSION}\n`);
    return EXIT_OK;
  }
  if (!args.command && args.errors.length === 0) {
    io.stderr(HELP);
    return EXIT_USAGE;
  }
  if (args.command === 'watch') {
    if (args.flags.check) args.errors.push('--check belongs to "build"; "watch" always writes');
    if (args.errors.length) return usageFailure(args.errors, io, args.flags.reporter);
    const { watch } = await import('./watch.js');
    return watch(io, {
      build: async () => {
        const run = await runOnce(args, io);
        return { code: run.code, targets: run.targets };
      },
    });
  }
  return (await runOnce(args, io)).code;
}

/** What watch follows after a build: inputs to watch and folders whose changes are the build's own. */
export interface WatchTargets {
  paths: string[];
  ignore: string[];
}

/** One build (or check) from argv: options re-resolved each time, so watch picks up config edits. */
async function runOnce(args: ParsedArgs, io: CliIo): Promise<{ code: number; targets: WatchTargets }> {
  const resolved = resolveOptions(args, io);
  const { options } = resolved;
  const absPaths = options.paths.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
  const targets: WatchTargets = {
    paths: [...absPaths, resolved.configPath, ...(options.templates ? [options.templates] : [])],
    ignore: [options.outDir, ...(resolved.cacheDir ? [resolved.cacheDir] : [])],
  };
  const errors = [...args.errors, ...resolved.errors];
  if (args.command === 'check' && resolved.check) errors.push('--check belongs to "build"; "check" never writes anyway');
  // io.ts resolves and displays paths against the process's working directory (the same as io.cwd
  // when run as a command; tests calling main() may differ), so paths go to it relative to that.
  const collected = collectSources(absPaths.map((p) => relative(process.cwd(), p) || '.'));
  // `ladderc build .` must not read its own output, its cache or its config as ladders.
  const own = [options.outDir, ...(resolved.cacheDir ? [resolved.cacheDir] : [])];
  collected.sources = collected.sources.filter((s) => {
    const abs = resolve(s.path);
    return abs !== resolved.configPath && !own.some((dir) => isInside(abs, dir));
  });
  errors.push(...collected.errors);
  if (collected.sources.length === 0 && collected.errors.length === 0) errors.push(`no source files found in ${options.paths.join(', ')}`);
  if (errors.length) return { code: usageFailure(errors, io, resolved.reporter), targets };

  const color = io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
  const print = (list: readonly Diagnostic[]) => {
    const text = report(resolved.reporter, list, { color });
    if (!text) return;
    if (resolved.reporter === 'json') io.stdout(text);
    else io.stderr(text);
  };

  // `check` and `build --check` promise to write nothing, the cache included: they only read it.
  const writes = args.command !== 'check' && !resolved.check;
  const cache = resolved.cacheDir ? new DiskCache(resolved.cacheDir, { readOnly: !writes }) : undefined;
  const stats = emptyStats();
  const progress = createProgress({ write: io.stderr, isTTY: io.isTTY, env: io.env, columns: io.columns ?? 80 });
  progress.total(collected.sources.length + (args.command === 'check' ? 0 : options.formats.length));
  const hooks: BuildHooks = { stats, version: VERSION, onStep: (label) => progress.step(label) };
  if (cache) hooks.cache = cache;
  const debugCache = () => {
    if (io.env.LADDERC_DEBUG_CACHE !== '1') return;
    const c = cache?.counters;
    io.stderr(
      `ladderc: cache: parsed ${stats.parsed}, rendered ${stats.rendered} ` +
        `(from the cache: ${stats.parseHits} parsed, ${stats.renderHits} rendered` +
        (c ? `; ${c.rejected} rejected, ${c.writes} stored, ${c.errors} errors)` : '; cache off)') +
        '\n',
    );
  };

  try {
    const compiled = compileSources(collected.sources, options, hooks);
    if (args.command === 'check') {
      progress.done();
      print(compiled.diagnostics);
      debugCache();
      if (resolved.reporter === 'human') io.stderr(`ladderc: checked ${plural(collected.sources.length, 'source')}: ${summary(compiled.diagnostics)}\n`);
      return { code: exitCodeFor(compiled.diagnostics, options.strict), targets };
    }

    let diagnostics = compiled.diagnostics;
    const failed = () => exitCodeFor(diagnostics, options.strict) !== EXIT_OK;
    if (failed()) {
      progress.done();
      print(diagnostics);
      debugCache();
      io.stderr(`ladderc: nothing written: ${summary(diagnostics)}\n`);
      return { code: EXIT_SOURCE_ERRORS, targets };
    }
    const epoch = sourceDateEpoch(compiled.ladders, io.env);
    const rendered = await renderOutputs(compiled.ladders, options, resources(options, resolved.logo), { version: VERSION, sourceDateEpoch: epoch }, hooks);
    progress.done();
    diagnostics = [...diagnostics, ...rendered.diagnostics];
    debugCache();
    if (failed()) {
      print(diagnostics);
      io.stderr(`ladderc: nothing written: ${summary(diagnostics)}\n`);
      return { code: EXIT_SOURCE_ERRORS, targets };
    }
    const manifest = buildManifest(VERSION, manifestOptions(options, io.cwd), rendered.files);
    const outDisplay = displayPath(options.outDir, io.cwd);
    if (resolved.check) {
      const expected = [...rendered.files, { path: 'manifest.json', contents: manifestText(manifest) }];
      const findings = checkFindings(options.outDir, outDisplay, expected);
      // Machine reporters get one document: the build's diagnostics and the stale files together.
      if (resolved.reporter === 'human') {
        print(diagnostics);
        if (findings.length) io.stderr(`${findings.map((f) => `${f.ruleId.replace(/-output$/, '')}: ${f.file}`).join('\n')}\n`);
      } else print([...diagnostics, ...findings]);
      if (findings.length === 0) {
        io.stderr(`ladderc: ${outDisplay}/ is up to date (${plural(expected.length, 'file')})\n`);
        return { code: EXIT_OK, targets };
      }
      io.stderr(`ladderc: ${outDisplay}/ is out of date (${plural(findings.length, 'file')}); run "ladderc build" and commit the result\n`);
      return { code: EXIT_SOURCE_ERRORS, targets };
    }
    print(diagnostics);

    const conflicts = findConflictDetails(options.outDir, rendered.files);
    if (conflicts.length) {
      const messages = conflicts.map((c) => `${outDisplay}/${c.path} ${c.reason}; move it away or delete it`);
      return { code: usageFailure(messages, io, resolved.reporter), targets };
    }
    const { result, interrupted } = await deferSignals(() => writeOutputsAtomically(options.outDir, rendered.files, manifest));
    cache?.prune();
    for (const path of result.kept) io.stderr(`ladderc: kept ${outDisplay}/${path}: no longer generated, but edited since the last build\n`);
    for (const path of result.skipped) io.stderr(`ladderc: skipped ${outDisplay}/${path}: it goes through a symbolic link out of ${outDisplay}/, and ladderc never follows one\n`);
    io.stderr(
      `ladderc: compiled ${plural(compiled.ladders.length, 'ladder')} into ${outDisplay}/ ` +
        `(${plural(rendered.files.length, 'file')}, ${result.written.length} changed, ${result.removed.length} removed): ${summary(diagnostics)}\n`,
    );
    if (interrupted) {
      io.stderr(`ladderc: interrupted (${interrupted}) after the output was written completely\n`);
      return { code: EXIT_INTERRUPTED, targets };
    }
    return { code: EXIT_OK, targets };
  } finally {
    progress.done();
  }
}

/** 128 + SIGINT, as shells report a process stopped by Ctrl-C. */
const EXIT_INTERRUPTED = 130;

/**
 * Runs a synchronous write with SIGINT and SIGTERM held back, so Ctrl-C cannot stop it between two
 * renames: the signal is noted and reported once the write has finished.
 */
async function deferSignals<T>(write: () => T): Promise<{ result: T; interrupted?: NodeJS.Signals }> {
  let interrupted: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
  };
  process.on('SIGINT', note);
  process.on('SIGTERM', note);
  try {
    const result = write();
    // One turn of the event loop lets a signal that arrived during the write reach `note`.
    await new Promise<void>((done) => setImmediate(done));
    return interrupted ? { result, interrupted } : { result };
  } finally {
    process.off('SIGINT', note);
    process.off('SIGTERM', note);
  }
}

/** `build --check`: every stale, missing and unexpected file, as error diagnostics on that file. */
function checkFindings(outDir: string, outDisplay: string, files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): Diagnostic[] {
  const stale = compareOutputs(outDir, files);
  const hint = 'run "ladderc build" and commit the result';
  const at = (p: string) => `${outDisplay}/${p}`;
  return [
    ...stale.stale.map((p) => diagnostic('error', 'stale-output', `${at(p)} differs from what the sources produce`, at(p), undefined, hint)),
    ...stale.missing.map((p) => diagnostic('error', 'missing-output', `${at(p)} is missing`, at(p), undefined, hint)),
    ...stale.unexpected.map((p) => diagnostic('error', 'unexpected-output', `${at(p)} is no longer generated (the manifest lists it)`, at(p), undefined, hint)),
  ];
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns ?? 80,
    env: process.env,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug in ladderc, not in the sources: say so plainly, with the details for a bug report.
      process.stderr.write(`ladderc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.LADDERC_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
      process.stderr.write('Please report this with the source that caused it (set LADDERC_DEBUG=1 for details).\n');
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
