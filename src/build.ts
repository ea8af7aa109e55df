// The pipeline: source bytes → ladders → output files, with diagnostics. Pure: the caller does I/O,
// including the cache, which arrives as an interface (src/cache.ts implements it on disk).

import { createHash } from 'node:crypto';
import type { ContentCache } from './cache.js';
import type { Diagnostic } from './diagnostics.js';
import { appendAll, diagnostic } from './diagnostics.js';
import type { Ladder } from './model.js';
import type { Options, OutputFormat } from './options.js';
import { readSource, type ReadResult } from './readers/index.js';
import { IdAllocator } from './text/slug.js';
import { writerFor } from './writers/index.js';
import { TemplateError } from './writers/template.js';
import type { OutputFile, TemplateFile, WriterContext } from './writers/types.js';

export interface SourceInput {
  /** Display path: relative to the working directory, "/" separators. */
  path: string;
  bytes: Uint8Array;
}

export interface CompileResult {
  ladders: Ladder[];
  diagnostics: Diagnostic[];
}

/** A digest of a JSON-able value; object keys are sorted so equal values give equal digests. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** What a build did, so tests and `LADDERC_DEBUG_CACHE=1` can see that a no-op rebuild did nothing. */
export interface BuildStats {
  /** Sources read by a reader (cache misses). */
  parsed: number;
  /** Sources whose reading came from the cache. */
  parseHits: number;
  /** Formats rendered by their writer (cache misses). */
  rendered: number;
  /** Formats whose files came from the cache. */
  renderHits: number;
}

export function emptyStats(): BuildStats {
  return { parsed: 0, parseHits: 0, rendered: 0, renderHits: 0 };
}

/** Optional extras for a build: a cache, counters to fill, and a callback per step (progress). */
export interface BuildHooks {
  cache?: ContentCache;
  stats?: BuildStats;
  /** Called before each step: a source path while compiling, a format while rendering. */
  onStep?: (label: string) => void;
  /** ladderc's version and code identity, part of every cache key (defaults to "dev"). */
  version?: string;
}

/**
 * The cache key of one source's reading: its bytes, its display path (messages and ids come from
 * it), its per-source options and the ladderc code identity (held by the cache itself).
 */
export function readKey(source: SourceInput, sourceOptions: unknown, version: string): string {
  return digestOf({ kind: 'read', version, path: source.path, options: sourceOptions ?? {}, sha256: createHash('sha256').update(source.bytes).digest('hex') });
}

/**
 * Reads one source through the cache. A miss stores the result; both paths hand back a fresh
 * object parsed from the same JSON, so a cached build cannot differ from an uncached one (JSON drops
 * `undefined` fields either way).
 */
function readCached(source: SourceInput, sourceOptions: Options['sources'][string] | undefined, hooks: BuildHooks): ReadResult {
  const stats = hooks.stats;
  const cache = hooks.cache;
  const key = cache ? readKey(source, sourceOptions, hooks.version ?? 'dev') : '';
  const hit = cache?.get('read', key);
  if (hit !== undefined) {
    const parsed = parseReadResult(hit);
    if (parsed) {
      if (stats) stats.parseHits += 1;
      return parsed;
    }
  }
  if (stats) stats.parsed += 1;
  const payload = JSON.stringify(readSource(source.bytes, source.path, sourceOptions ?? {}));
  cache?.put('read', key, payload);
  return JSON.parse(payload) as ReadResult;
}

function parseReadResult(payload: string): ReadResult | undefined {
  try {
    const value = JSON.parse(payload) as ReadResult;
    return value && Array.isArray(value.diagnostics) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads every source (in path order, so the result never depends on directory order). */
export function compileSources(sources: readonly SourceInput[], options: Pick<Options, 'sources'>, hooks: BuildHooks = {}): CompileResult {
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const ladders: Ladder[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new IdAllocator();
  for (const source of sorted) {
    hooks.onStep?.(source.path);
    const result = readCached(source, options.sources[source.path], hooks);
    appendAll(diagnostics, result.diagnostics);
    if (!result.ladder || result.ladder.tracks.length === 0) continue;
    const { id, collided } = ids.allocate(result.ladder.id);
    if (collided) {
      diagnostics.push(
        diagnostic('warning', 'duplicate-id', `another source already has the ladder id "${result.ladder.id}"; this one gets "${id}"`, source.path, undefined, 'set a unique "id" for this source in ladderc.config.json'),
      );
      result.ladder.id = id;
    }
    ladders.push(result.ladder);
  }
  return { ladders, diagnostics };
}

/** What a writer needs from the outside world, provided by the caller (io.ts in the CLI). */
export interface WriterResources {
  templates(format: OutputFormat): Record<string, TemplateFile>;
  assets(format: OutputFormat): Record<string, Uint8Array>;
}

export interface RenderResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

/**
 * A date that depends only on the inputs: SOURCE_DATE_EPOCH when set, else a fixed point derived
 * from the sources' hashes (so PDFs are byte-identical across machines, clocks and mtimes).
 */
export function sourceDateEpoch(ladders: readonly Ladder[], env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Number(fromEnv.trim());
  const hash = createHash('sha256');
  for (const l of ladders) hash.update(l.source.sha256);
  // 2020-01-01 plus up to ~6 years, from the hash: stable, plausible, never the clock.
  return 1577836800 + (parseInt(hash.digest('hex').slice(0, 8), 16) % (6 * 365 * 86400));
}

/**
 * Options that cannot change what a writer produces: where sources come from and where files go
 * (the same build into another folder must hit the cache), --strict (decided after rendering), and
 * the templates folder's path (its templates' contents are part of the key instead). Everything else,
 * including options added later, is part of the render key: forgetting one would serve stale files.
 */
const NOT_OUTPUT_SHAPING: ReadonlySet<string> = new Set(['paths', 'outDir', 'strict', 'templates']);

/**
 * The cache key of one format's rendering: the format, the options that shape output, its templates
 * (names, display paths and text), its assets (by content digest), the embedded date and the
 * ladders themselves.
 */
export function renderKey(
  format: OutputFormat,
  options: Readonly<Options>,
  templates: Readonly<Record<string, TemplateFile>>,
  assets: Readonly<Record<string, Uint8Array>>,
  meta: { version: string; sourceDateEpoch: number },
  laddersJson: string,
): string {
  const shaping = Object.fromEntries(Object.entries(options).filter(([k]) => !NOT_OUTPUT_SHAPING.has(k)));
  return digestOf({
    kind: 'render',
    format,
    options: shaping,
    templates: Object.keys(templates).sort().map((name) => [name, templates[name]!.path, templates[name]!.text]),
    assets: Object.keys(assets).sort().map((name) => [name, createHash('sha256').update(assets[name]!).digest('hex')]),
    version: meta.version,
    sourceDateEpoch: meta.sourceDateEpoch,
    ladders: createHash('sha256').update(laddersJson).digest('hex'),
  });
}

/** A writer's result as cache payload: text stays text, bytes travel as base64. */
interface StoredFile {
  path: string;
  format: OutputFormat;
  ladder?: string;
  track?: string;
  text?: string;
  base64?: string;
}

function storeRender(result: RenderResult): string {
  const files = result.files.map((f) => {
    const stored: StoredFile = { path: f.path, format: f.format };
    if (f.ladder !== undefined) stored.ladder = f.ladder;
    if (f.track !== undefined) stored.track = f.track;
    if (typeof f.contents === 'string') stored.text = f.contents;
    else stored.base64 = Buffer.from(f.contents.buffer, f.contents.byteOffset, f.contents.byteLength).toString('base64');
    return stored;
  });
  return JSON.stringify({ files, diagnostics: result.diagnostics });
}

function loadRender(payload: string): RenderResult | undefined {
  try {
    const value = JSON.parse(payload) as { files?: StoredFile[]; diagnostics?: Diagnostic[] };
    if (!Array.isArray(value.files) || !Array.isArray(value.diagnostics)) return undefined;
    const files: OutputFile[] = [];
    for (const s of value.files) {
      const contents = s.text ?? (s.base64 !== undefined ? new Uint8Array(Buffer.from(s.base64, 'base64')) : undefined);
      if (typeof s.path !== 'string' || contents === undefined) return undefined;
      const file: OutputFile = { path: s.path, format: s.format, contents };
      if (s.ladder !== undefined) file.ladder = s.ladder;
      if (s.track !== undefined) file.track = s.track;
      files.push(file);
    }
    return { files, diagnostics: value.diagnostics };
  } catch {
    return undefined;
  }
}

export async function renderOutputs(
  ladders: readonly Ladder[],
  options: Readonly<Options>,
  resources: WriterResources,
  meta: { version: string; sourceDateEpoch: number },
  hooks: BuildHooks = {},
): Promise<RenderResult> {
  // Output paths derive from ladder ids: two ladders with one id would overwrite each other.
  const ids = new Set<string>();
  for (const ladder of ladders) {
    if (ids.has(ladder.id)) throw new Error(`renderOutputs: two ladders have the id "${ladder.id}"; give each a unique id`);
    ids.add(ladder.id);
  }
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const { cache, stats } = hooks;
  // Writers take every ladder at once (the HTML index spans ladders), so a format is the unit of
  // caching: a change to one source re-renders each format, and re-parses only that source.
  const laddersJson = cache ? JSON.stringify(ladders) : '';
  for (const format of options.formats) {
    const entry = writerFor(format);
    if (!entry) continue;
    hooks.onStep?.(format);
    const context: WriterContext = {
      options,
      templates: resources.templates(format),
      assets: resources.assets(format),
      version: meta.version,
      sourceDateEpoch: meta.sourceDateEpoch,
    };
    const key = cache ? renderKey(format, options, context.templates, context.assets, { version: hooks.version ?? meta.version, sourceDateEpoch: meta.sourceDateEpoch }, laddersJson) : '';
    const hit = cache?.get('render', key);
    const cached = hit === undefined ? undefined : loadRender(hit);
    if (cached) {
      if (stats) stats.renderHits += 1;
      appendAll(files, cached.files);
      appendAll(diagnostics, cached.diagnostics);
      continue;
    }
    if (stats) stats.rendered += 1;
    try {
      const result = await entry.write(ladders, context);
      // Only a clean result is stored: a failed rendering must be redone (and reported) next time.
      const payload = storeRender({ files: result.files, diagnostics: result.diagnostics });
      if (!result.diagnostics.some((d) => d.severity === 'error')) cache?.put('render', key, payload);
      const stored = loadRender(payload);
      appendAll(files, stored?.files ?? result.files);
      appendAll(diagnostics, result.diagnostics);
    } catch (error) {
      if (error instanceof TemplateError) diagnostics.push(error.diagnostic);
      else throw error;
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}
