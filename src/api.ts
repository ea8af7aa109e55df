// The programmatic API: the same pipeline as the CLI, as three functions.

import { EXIT_USAGE, type Diagnostic } from './diagnostics.js';
import { nodeHost } from './host/node.js';
import { loadAsset, loadTemplateSet } from './host/io.js';
import { DEFAULT_LOCALE, type Locale } from './locale/index.js';
import type { Ladder } from './model.js';
import type { SourceOptions } from './options.js';
import { runBuild, type BuildOutcome } from './pipeline/build.js';
import { linkLadders } from './pipeline/link.js';
import { parseConfig } from './pipeline/config.js';
import { defaultWriterOptions, resolveOptions, type OptionRequest } from './pipeline/options.js';
import { prepareWriter, renderLadder, renderShared, type RenderResult } from './pipeline/render.js';
import { readSource } from './readers/index.js';
import type { SourceFormat } from './readers/formats.js';
import { writerFor, type OutputFormat, type WriterOptionsMap } from './writers/index.js';

export interface CompileOptions {
  /** The source's path as messages and the model name it ("ladders/backend.md"); ids derive from it. */
  path: string;
  /** Skip detection and read the text as this format. */
  format?: SourceFormat;
  /** A config object (the contents of ladderc.config.json): its `sources[path]` overrides apply. */
  config?: unknown;
}

export interface CompileOutput {
  /** The ladder the text holds (none when it holds no levels: a diagnostic says why). */
  ladders: Ladder[];
  diagnostics: Diagnostic[];
}

/**
 * Compiles one document's text into the model, as `ladderc build` would.
 *
 * @example
 * const { ladders, diagnostics } = compile('| | Junior | Senior |\n|-|-|-|\n| Code | Writes | Reviews |\n', { path: 'ladder.md' });
 */
export function compile(text: string | Uint8Array, options: CompileOptions): CompileOutput {
  const diagnostics: Diagnostic[] = [];
  let overrides: SourceOptions = {};
  if (options.config !== undefined) {
    const parsed = parseConfig(JSON.stringify(options.config));
    for (const e of parsed.errors) diagnostics.push({ severity: 'error', ruleId: 'usage', message: `invalid config: ${e}`, file: 'ladderc', line: 1, column: 1 });
    overrides = { ...(parsed.config.sources?.[options.path] ?? {}) };
  }
  if (options.format) overrides.format = options.format;
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const result = readSource(bytes, options.path, overrides);
  for (const d of result.diagnostics) diagnostics.push(d);
  const ladders = result.ladder && result.ladder.tracks.length > 0 ? linkLadders([result.ladder]).ladders : [];
  return { ladders, diagnostics };
}

export interface BuildApiOptions extends OptionRequest {
  /** The project folder (default: process.cwd()): relative paths and the config file start here. */
  cwd?: string;
  /** Compare with out/ instead of writing it (`build --check`). */
  check?: boolean;
  /** The environment (default: process.env): SOURCE_DATE_EPOCH. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface BuildApiResult extends Omit<BuildOutcome, 'usageErrors'> {
  /** Usage and environment errors (exit code 2 in the CLI). */
  usageErrors: string[];
}

/**
 * Builds like `ladderc build`: resolves options (defaults < config file < these), compiles every
 * source, renders every format and writes out/ (or, with `check`, compares it).
 *
 * @example
 * const result = await build({ paths: ['sources'], out: 'out', formats: ['json', 'html'] });
 * if (result.code !== 0) console.error(result.diagnostics);
 */
export async function build(options: BuildApiOptions = {}): Promise<BuildApiResult> {
  const host = nodeHost(options.cwd ?? process.cwd(), options.env ?? process.env);
  const resolved = resolveOptions(options, host);
  if (resolved.errors.length) {
    return { code: EXIT_USAGE, stage: 'usage', usageErrors: resolved.errors, sourceCount: 0, ladders: [], summaries: [], files: [], diagnostics: [], stats: { parsed: 0, parseHits: 0, rendered: 0, renderHits: 0 }, outDisplay: '', shownPaths: new Map() };
  }
  const outcome = await runBuild({ options: resolved.options, mode: options.check ? 'check' : 'write' }, host);
  if (outcome.usageErrors.length || outcome.stage === 'conflicts') return { ...outcome, code: EXIT_USAGE };
  return outcome;
}

export interface RenderApiOptions<F extends OutputFormat> {
  /** This writer's options (defaults filled in for what is left out). */
  options?: Partial<WriterOptionsMap[F]>;
  /** A folder whose <format>/… templates override the defaults. */
  templates?: string;
  /** Seconds since 1970 for dates embedded in the output (default: 0). */
  sourceDateEpoch?: number;
  /** The language of the words ladderc writes (default "en"). */
  locale?: Locale;
}

/**
 * Renders one ladder in one format: its files (a string for text formats, bytes for PDF), and
 * for formats with build-wide files (the HTML index) those too.
 *
 * @example
 * const { files } = await render(ladders[0], 'md');
 * console.log(files[0].contents);
 */
export async function render<F extends OutputFormat>(ladder: Ladder, format: F, options: RenderApiOptions<F> = {}): Promise<RenderResult> {
  const entry = writerFor(format);
  if (!entry) throw new Error(`unknown format "${format}"`);
  const writers = defaultWriterOptions();
  Object.assign(writers[format], options.options ?? {});
  const writer = (await prepareWriter(
    format,
    { paths: [], outDir: '', formats: [format], strict: false, sources: {}, writers, cwd: process.cwd(), locale: options.locale ?? DEFAULT_LOCALE },
    {
      templates: (f) => loadTemplateSet(writerFor(f)?.templateFolder ?? f, options.templates),
      assets: (f) => Object.fromEntries(Object.entries(writerFor(f)?.assets ?? {}).map(([k, s]) => [k, loadAsset(s)])),
    },
    { version: 'api', sourceDateEpoch: options.sourceDateEpoch ?? 0, crosswalk: linkLadders([ladder]).crosswalk },
  ))!;
  const own = await renderLadder(writer, ladder);
  const shared = await renderShared(writer, [ladder]);
  return { files: [...own.files, ...shared.files].sort((a, b) => (a.path < b.path ? -1 : 1)), diagnostics: [...own.diagnostics, ...shared.diagnostics] };
}
