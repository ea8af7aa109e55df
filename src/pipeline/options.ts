// The one place options are resolved: defaults (from the registries) < config file < flags. The CLI
// and the API both call it; config paths are relative to the config file, others to the project.

import { DEFAULT_LOCALE, isLocale, LOCALES } from '../locale/index.js';
import { DEFAULT_MAX_SOURCE_MB } from '../readers/limits.js';
import { dirname } from 'node:path';
import type { Options } from '../options.js';
import { OUTPUT_FORMATS, WRITERS, type OutputFormat, type WriterOptionsMap } from '../writers/index.js';
import { defaultsOf, getPath, setPath } from '../writers/option-spec.js';
import { CONFIG_FILE, parseConfig, type ConfigFile } from './config.js';
import type { Host } from './host.js';
import { absolute, displayPath, isInside } from './paths.js';

/** Where the cache lives unless the config or `--cache-dir` says otherwise (relative to the project). */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/ladderc';

/** What a caller may set; everything left out comes from the config file or the defaults. */
export interface OptionRequest {
  /** Files or folders to compile (default: sources/). */
  paths?: readonly string[];
  out?: string;
  formats?: readonly OutputFormat[];
  /** The config file (default: ./ladderc.config.json when present; false: none). */
  config?: string | false;
  templates?: string;
  /** The language of the words ladderc writes (a shipped locale: en, de). */
  locale?: string;
  strict?: boolean;
  cacheDir?: string;
  /** Neither read nor write the build cache. */
  noCache?: boolean;
  /** How many render workers (a positive integer; 1 = none, everything in the main thread). */
  jobs?: number;
  /** Writer options by format and key, e.g. { pdf: { paper: 'letter' } }. */
  writers?: Partial<Record<OutputFormat, Record<string, unknown>>>;
}

export interface ResolvedOptions {
  options: Options;
  /** The config file in use or looked for (watch follows it even before it exists). */
  configPath: string;
  /** Usage errors, each naming what is wrong. */
  errors: string[];
}

/** Every writer's options with their defaults: a fresh object each call. */
export function defaultWriterOptions(): WriterOptionsMap {
  const out: Record<string, unknown> = {};
  for (const w of WRITERS) out[w.id] = defaultsOf(w.options);
  return out as WriterOptionsMap;
}

/** The options of a build with nothing set: every format, sources/ into out/, in `cwd`. */
export function defaultOptions(cwd: string): Options {
  return {
    paths: ['sources'],
    outDir: absolute('out', cwd),
    formats: [...OUTPUT_FORMATS],
    strict: false,
    sources: {},
    writers: defaultWriterOptions(),
    cwd,
    cacheDir: absolute(DEFAULT_CACHE_DIR, cwd),
    maxSourceSize: DEFAULT_MAX_SOURCE_MB,
    locale: DEFAULT_LOCALE,
  };
}

type OptionHost = Pick<Host, 'cwd' | 'env' | 'exists' | 'readText'>;

function loadConfig(request: OptionRequest, host: OptionHost, errors: string[]): { config: ConfigFile; dir: string; path: string } {
  const cwd = host.cwd;
  const fallback = absolute(CONFIG_FILE, cwd);
  if (request.config === false) return { config: {}, dir: cwd, path: fallback };
  const named = request.config ?? (host.exists(fallback) ? fallback : undefined);
  if (named === undefined) return { config: {}, dir: cwd, path: fallback };
  const path = absolute(named, cwd);
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = host.readText(path);
  } catch {
    errors.push(`${shown}: cannot read the config file`);
    return { config: {}, dir: dirname(path), path };
  }
  const parsed = parseConfig(text);
  for (const e of parsed.errors) errors.push(`${shown}: invalid config: ${e}`);
  return { config: parsed.config, dir: dirname(path), path };
}

export function resolveOptions(request: OptionRequest, host: OptionHost): ResolvedOptions {
  const errors: string[] = [];
  const cwd = host.cwd;
  const { config, dir: configDir, path: configPath } = loadConfig(request, host, errors);
  const options = defaultOptions(cwd);
  if (host.exists(configPath) && (request.config !== false)) options.configFile = configPath;

  if (config.out) options.outDir = absolute(config.out, configDir);
  if (config.formats) options.formats = config.formats;
  if (config.strict !== undefined) options.strict = config.strict;
  if (config.maxSourceSize !== undefined) options.maxSourceSize = config.maxSourceSize;
  if (config.templates) options.templates = absolute(config.templates, configDir);
  if (config.crosswalk?.length) options.crosswalk = config.crosswalk;
  for (const [path, overrides] of Object.entries(config.sources ?? {})) options.sources[displayPath(absolute(path, configDir), configDir)] = overrides;

  if (request.paths?.length) options.paths = [...request.paths];
  if (request.out) options.outDir = absolute(request.out, cwd);
  if (request.formats) options.formats = [...request.formats];
  if (request.strict) options.strict = true;
  if (request.templates) options.templates = absolute(request.templates, cwd);
  const locale = request.locale ?? config.locale;
  if (locale !== undefined) {
    if (isLocale(locale)) options.locale = locale;
    else errors.push(`locale "${locale}" is not shipped (shipped: ${LOCALES.join(', ')})${request.locale === undefined ? ' (locale in the config)' : ''}`);
  }

  // Each writer's options: its defaults < the config < the flags. Labels merge over the defaults;
  // file options are paths relative to the config file, kept relative to the project.
  for (const w of WRITERS) {
    const target = options.writers[w.id] as Record<string, unknown>;
    for (const spec of w.options) {
      for (const [source, base] of [[config.writers?.[w.id], configDir], [request.writers?.[w.id], cwd]] as const) {
        const value = source?.[spec.key];
        if (value === undefined) continue;
        if (spec.kind.type === 'labels') setPath(target, spec.key, { ...(getPath(target, spec.key) as object), ...(value as object) });
        else if (spec.kind.type === 'file') {
          const file = absolute(String(value), base);
          if (!host.exists(file)) errors.push(`${displayPath(file, cwd)}: ${spec.kind.what} not found (${spec.config} in the config)`);
          setPath(target, spec.key, displayPath(file, cwd));
        } else setPath(target, spec.key, value);
      }
    }
  }

  for (const format of options.formats) if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) errors.push(`format "${format}" is not implemented yet`);
  if (options.templates && !host.exists(options.templates)) errors.push(`${displayPath(options.templates, cwd)}: templates folder not found`);

  if (request.noCache) delete options.cacheDir;
  else {
    options.cacheDir = request.cacheDir ? absolute(request.cacheDir, cwd) : config.cacheDir ? absolute(config.cacheDir, configDir) : absolute(DEFAULT_CACHE_DIR, cwd);
    // A cache inside out/ would put files there that no manifest lists (and --check must not write).
    if (isInside(options.cacheDir, options.outDir)) {
      errors.push(`${displayPath(options.cacheDir, cwd)}: the cache folder must not be inside the output folder ${displayPath(options.outDir, cwd)}`);
    }
  }

  if (config.jobs !== undefined) options.jobs = config.jobs;
  if (request.jobs !== undefined) {
    if (Number.isSafeInteger(request.jobs) && request.jobs >= 1) options.jobs = request.jobs;
    else errors.push(`jobs must be a positive whole number, not ${JSON.stringify(request.jobs)}`);
  }

  // reproducible-builds.org: a malformed SOURCE_DATE_EPOCH is an error, never silently replaced.
  const epoch = host.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch.trim())) errors.push(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);

  return { options, configPath, errors };
}
