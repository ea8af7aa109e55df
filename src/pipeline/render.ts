// Render: ladder × format → files, one ladder at a time (so output can stream), then each format's
// shared files (the HTML index). Pure: templates and assets arrive through WriterResources, the
// cache through an interface.

import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import type { Crosswalk, Ladder } from '../model.js';
import { catalogue, DEFAULT_LOCALE } from '../locale/index.js';
import type { Options } from '../options.js';
import { SOURCE_FORMATS, sourceFormatLabel } from '../readers/formats.js';
import { loadWriter, writerFor, type OutputFormat } from '../writers/index.js';
import { TemplateError } from '../writers/template.js';
import type { BuiltFile, OutputFile, TemplateFile, WriterContext, WriterEntry, WriterResult } from '../writers/types.js';
import { digestOf, type BuildHooks } from './compile.js';
import { buildCrosswalk } from './crosswalk.js';
import { newPool, poolPays, WorkerPool, WorkerTemplateError, type PortableContext } from './pool.js';

/** What a writer needs from the outside world, provided by the caller (the host, in a build). */
export interface WriterResources {
  templates(format: OutputFormat): Record<string, TemplateFile>;
  /** The writer's declared assets and the bytes of its file options, keyed as declared. */
  assets(format: OutputFormat): Record<string, Uint8Array>;
}

export interface RenderResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

export interface RenderMeta {
  version: string;
  sourceDateEpoch: number;
  /** The build's crosswalk (from link); renderOutputs places the ladders it renders when it is left out. */
  crosswalk?: Crosswalk;
}

/**
 * The date embedded in outputs (PDF metadata) when SOURCE_DATE_EPOCH is not set: 1980-01-01T00:00Z,
 * the epoch reproducible-build tools use for "no date". A constant, so that no ladder's bytes depend
 * on another ladder (a date derived from every source rewrote every PDF when one ladder was added),
 * on the clock, the file times or the clone.
 */
export const FIXED_SOURCE_DATE_EPOCH = 315532800;

/** SOURCE_DATE_EPOCH when set (resolveOptions has rejected a malformed one), else the fixed epoch. */
export function sourceDateEpoch(env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Number(fromEnv.trim());
  return FIXED_SOURCE_DATE_EPOCH;
}

/**
 * The ladders of a build as JSON text, each parsed when its turn comes: a model takes about twice
 * its JSON's size in memory, and a build renders one ladder at a time, so holding 1,000 ladders as
 * text instead of objects keeps the memory a big build needs to what the renderings in flight use.
 * The same JSON a cached reading is stored as, so the bytes are those of a build from the cache.
 */
export class LadderTexts implements Iterable<Ladder> {
  readonly #texts: string[];
  readonly ids: readonly string[];
  constructor(ladders: readonly Ladder[]) {
    this.#texts = ladders.map((l) => JSON.stringify(l));
    this.ids = ladders.map((l) => l.id);
  }
  get length(): number {
    return this.#texts.length;
  }
  *[Symbol.iterator](): Iterator<Ladder> {
    for (const text of this.#texts) yield JSON.parse(text) as Ladder;
  }
}

/** What streamOutputs renders: the models, or the build's JSON text of them. */
export type LadderSet = readonly Ladder[] | LadderTexts;

/** One format's writer with everything it is given: its own options, templates and assets. */
export interface PreparedWriter {
  format: OutputFormat;
  entry: WriterEntry<any>;
  context: WriterContext<any>;
  /** Digest of what shapes this writer's output besides the ladders and the crosswalk (its cache key's base). */
  identity: string;
  /** Digest of the crosswalk: part of the key of every rendering that is given it. */
  crosswalkDigest: string;
}

const NO_CROSSWALK: Crosswalk = { rungs: [], tracks: [] };

/** A format's writer, its code loaded now (the registry imports a writer only when a build renders its format). */
export async function prepareWriter(format: OutputFormat, options: Readonly<Options>, resources: WriterResources, meta: RenderMeta): Promise<PreparedWriter | undefined> {
  const entry = await loadWriter(format);
  return entry ? prepareWith(entry, format, options, resources, meta) : undefined;
}

/**
 * A format whose ladders the workers render, before its code is loaded here (pdfkit and fontkit
 * cost ~0.7 s to import): the registry's metadata, and a ladder() that is never called. Its real
 * entry is loaded only for shared(), unless a worker has said the writer has none.
 */
function workerWriter(format: OutputFormat, options: Readonly<Options>, resources: WriterResources, meta: RenderMeta): PreparedWriter | undefined {
  const info = writerFor(format);
  if (!info) return undefined;
  const entry: WriterEntry<any> = {
    ...info,
    ladder: () => {
      throw new Error(`render: the ${format} ladders are rendered by the workers`);
    },
  };
  return prepareWith(entry, format, options, resources, meta);
}

function prepareWith(entry: WriterEntry<any>, format: OutputFormat, options: Readonly<Options>, resources: WriterResources, meta: RenderMeta): PreparedWriter {
  const context: WriterContext<any> = {
    options: options.writers[format],
    templates: resources.templates(format),
    assets: resources.assets(format),
    version: meta.version,
    sourceDateEpoch: meta.sourceDateEpoch,
    sourceFormatLabel,
    crosswalk: meta.crosswalk ?? NO_CROSSWALK,
    locale: options.locale,
    labels: catalogue(options.locale),
  };
  // Everything else on the context is part of every cache key of this writer; the crosswalk only of
  // the renderings given it (shared files; a ladder's files when the writer shows it there).
  const identity = digestOf({
    format,
    options: context.options,
    templates: Object.keys(context.templates).sort().map((name) => [name, context.templates[name]!.path, context.templates[name]!.text]),
    assets: Object.keys(context.assets).sort().map((name) => [name, createHash('sha256').update(context.assets[name]!).digest('hex')]),
    version: meta.version,
    sourceDateEpoch: meta.sourceDateEpoch,
    // Switching locale re-renders; the default leaves the keys of earlier caches as they were.
    ...(options.locale === DEFAULT_LOCALE ? {} : { locale: options.locale }),
  });
  return { format, entry, context, identity, crosswalkDigest: digestOf(context.crosswalk) };
}

/** A writer's result as cache payload: text stays text, bytes travel as base64. */
interface StoredFile {
  path: string;
  format: string;
  ladder?: string;
  track?: string;
  level?: string;
  kind?: string;
  text?: string;
  base64?: string;
}

function storeRender(result: RenderResult): string {
  const files = result.files.map((f) => {
    const stored: StoredFile = { path: f.path, format: f.format };
    if (f.ladder !== undefined) stored.ladder = f.ladder;
    if (f.track !== undefined) stored.track = f.track;
    if (f.level !== undefined) stored.level = f.level;
    if (f.kind !== undefined) stored.kind = f.kind;
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
      if (s.level !== undefined) file.level = s.level;
      if (s.kind !== undefined) file.kind = s.kind;
      files.push(file);
    }
    return { files, diagnostics: value.diagnostics };
  } catch {
    return undefined;
  }
}

/**
 * Runs one rendering through the cache. Only a clean result is stored: a failed rendering must be
 * redone (and reported) next time. A template error becomes its diagnostic.
 */
async function cached(key: string, hooks: BuildHooks, run: () => WriterResult | Promise<WriterResult>): Promise<RenderResult> {
  const { cache, stats } = hooks;
  const hit = cache?.get('render', key);
  const fromCache = hit === undefined ? undefined : loadRender(hit);
  if (fromCache) {
    if (stats) stats.renderHits += 1;
    return fromCache;
  }
  if (stats) stats.rendered += 1;
  try {
    const result = await run();
    if (cache && !result.diagnostics.some((d) => d.severity === 'error')) cache.put('render', key, storeRender(result));
    return { files: result.files, diagnostics: result.diagnostics };
  } catch (error) {
    if (error instanceof TemplateError || error instanceof WorkerTemplateError) return { files: [], diagnostics: [error.diagnostic] };
    throw error;
  }
}

/** Renders one ladder with the context renderLadder made for it (a worker, instead of the writer here). */
export type LadderRunner = (ladder: Ladder, context: WriterContext<any>) => WriterResult | Promise<WriterResult>;

/** The files of one ladder in one format (rendered by `run` when given, on a cache miss). */
export function renderLadder(writer: PreparedWriter, ladder: Ladder, hooks: BuildHooks = {}, run?: LadderRunner): Promise<RenderResult> {
  const uses = writer.entry.ladderUsesCrosswalk === true;
  const base = uses ? writer.context : { ...writer.context, crosswalk: NO_CROSSWALK };
  // A writer that links the other formats' files is given only this ladder's (its cache key says which).
  const outputs = writer.context.outputs?.filter((f) => f.ladder === ladder.id);
  const context = outputs ? { ...base, outputs } : base;
  const key = hooks.cache
    ? digestOf({ kind: 'render-ladder', writer: writer.identity, code: hooks.version ?? 'dev', ladder: digestOf(ladder), ...(uses ? { crosswalk: writer.crosswalkDigest } : {}), ...(outputs ? { outputs } : {}) })
    : '';
  return cached(key, hooks, () => (run ?? writer.entry.ladder)(ladder, context));
}

/** A format's files that span every ladder (none for most formats). */
export function renderShared(writer: PreparedWriter, ladders: readonly Ladder[], hooks: BuildHooks = {}): Promise<RenderResult> {
  const shared = writer.entry.shared;
  if (!shared) return Promise.resolve({ files: [], diagnostics: [] });
  const key = hooks.cache ? digestOf({ kind: 'render-shared', writer: writer.identity, code: hooks.version ?? 'dev', ladders: ladders.map((l) => digestOf(l)), crosswalk: writer.crosswalkDigest, ...(writer.context.outputs ? { outputs: writer.context.outputs } : {}) }) : '';
  return cached(key, hooks, () => shared(ladders, writer.context));
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Every selected format over every ladder: each ladder's files, then the shared ones; sorted by path. */
export async function renderOutputs(
  ladders: readonly Ladder[],
  options: Readonly<Options>,
  resources: WriterResources,
  meta: RenderMeta,
  hooks: BuildHooks = {},
): Promise<RenderResult> {
  const files: OutputFile[] = [];
  const { diagnostics } = await streamOutputs(ladders, options, resources, meta, hooks, (f) => void files.push(f));
  files.sort(byPath);
  return { files, diagnostics };
}

/**
 * The same renderings, each file handed to `emit` as soon as its writer returns it (a build writes
 * or compares it and keeps only its hash): a build never holds more than one rendering's files.
 * Formats in order (those that link the others' files last); within a format, the ladders in
 * order, then the shared files.
 */
export async function streamOutputs(
  ladders: LadderSet,
  options: Readonly<Options>,
  resources: WriterResources,
  meta: RenderMeta,
  hooks: BuildHooks,
  emit: (file: OutputFile) => void,
): Promise<{ diagnostics: Diagnostic[] }> {
  // Output paths derive from ladder ids: two ladders with one id would overwrite each other.
  const ids = new Set<string>();
  for (const id of ladders instanceof LadderTexts ? ladders.ids : ladders.map((l) => l.id)) {
    if (ids.has(id)) throw new Error(`renderOutputs: two ladders have the id "${id}"; give each a unique id`);
    ids.add(id);
  }
  const diagnostics: Diagnostic[] = [];
  // The workers, started when a format first has enough ladders to pay (see POOL_FROM); with
  // --jobs given, whenever a format has two ladders or more (the person asked for them).
  let pool: WorkerPool | undefined;
  try {
    const collect = (r: RenderResult): void => {
      for (const f of r.files) emit(f);
      for (const d of r.diagnostics) diagnostics.push(d);
    };
    const withCrosswalk: RenderMeta = meta.crosswalk ? meta : { ...meta, crosswalk: buildCrosswalk([...ladders]).crosswalk };
    // Writers that link the other formats' files (the HTML downloads) come last, and are told of them.
    const links = (format: OutputFormat): boolean => writerFor(format)?.linksOutputs === true;
    const order = [...options.formats.filter((f) => !links(f)), ...options.formats.filter(links)];
    const built: BuiltFile[] = [];
    const copiers: Array<{ format: OutputFormat; copyOf: NonNullable<WriterEntry<any>['copyOf']>; options: any }> = [];
    for (const format of options.formats.filter(links)) {
      const entry = await loadWriter(format);
      if (entry?.copyOf) copiers.push({ format, copyOf: entry.copyOf, options: options.writers[format] });
    }
    for (const format of order) {
      const linking = links(format);
      const workers = !linking && poolPays(options.jobs, ladders.length, poolFrom(format)) ? (pool ??= newPool(options.jobs)) : undefined;
      const writer = workers ? workerWriter(format, options, resources, withCrosswalk) : await prepareWriter(format, options, resources, withCrosswalk);
      if (!writer) continue;
      if (linking) writer.context.outputs = [...built].sort(byPath);
      const step = (r: RenderResult): void => {
        collect(r);
        if (linking) return;
        for (const f of r.files) {
          const { contents, ...meta } = f;
          built.push(meta);
          // A linking writer that carries copies of what it links gets them as its own files now, so
          // no rendering's bytes are held until it runs.
          for (const c of copiers) {
            const path = c.copyOf(meta, c.options);
            if (path !== undefined) emit({ ...meta, path, format: c.format, contents });
          }
        }
      };
      hooks.onStep?.(format);
      if (workers) {
        const hasShared = await renderInPool(workers, writer, ladders, hooks, step);
        if (hasShared !== false) {
          const entry = await loadWriter(format);
          if (entry) writer.entry = entry;
        }
      } else for (const ladder of ladders) step(await renderLadder(writer, ladder, hooks));
      // A writer whose shared files are the crosswalk alone is not handed the ladders (nor are they parsed for it).
      const forShared = writerFor(format)?.sharedUsesLadders === false ? [] : ladders instanceof LadderTexts ? [...ladders] : ladders;
      step(await renderShared(writer, forShared, hooks));
    }
    return { diagnostics };
  } finally {
    await pool?.close();
  }
}

/**
 * From how many ladders a format's renderings go to the workers when --jobs is not given. A worker costs its start, its
 * imports (pdfkit and fontkit: about a second) and its warm-up (a cold JIT, fonts parsed and words
 * shaped again, none of it shared with the main thread): on the five seeds (34 PDFs) two workers made
 * the build slower on two cores (3.7–4.2 s → 4.8–5.5 s), while twenty ladders' PDFs gained a quarter.
 * JSON, Markdown, CSV and xlsx render a ladder in a few ms: the workers pay only over many ladders.
 * The HTML writer (linksOutputs) is given the other formats' files and stays in the main thread.
 */
const POOL_FROM: Partial<Record<OutputFormat, number>> = { pdf: 12 };
const POOL_FROM_OTHERS = 32;

function poolFrom(format: OutputFormat): number {
  return POOL_FROM[format] ?? POOL_FROM_OTHERS;
}

/** The context a worker is given once per format (what renderLadder would give the writer here). */
function portableContext(writer: PreparedWriter): PortableContext {
  const c = writer.context;
  const formatLabels: Record<string, string> = {};
  for (const f of SOURCE_FORMATS) formatLabels[f] = c.sourceFormatLabel(f);
  return {
    format: writer.format,
    options: c.options,
    templates: { ...c.templates },
    assets: { ...c.assets },
    version: c.version,
    sourceDateEpoch: c.sourceDateEpoch,
    crosswalk: writer.entry.ladderUsesCrosswalk === true ? c.crosswalk : NO_CROSSWALK,
    locale: c.locale,
    formatLabels,
  };
}

/**
 * A format's ladders through the workers: the cache is looked up here, the misses dispatched, and
 * the results taken in ladder order, at most a window of renderings in flight (memory stays flat
 * however many ladders there are). A failed rendering throws when its turn comes, as in the main
 * thread; the ones after it are dropped when the pool closes. Returns whether the writer has
 * shared files, as a worker found it (undefined when no worker rendered: every rendering was cached).
 */
async function renderInPool(pool: WorkerPool, writer: PreparedWriter, ladders: Iterable<Ladder>, hooks: BuildHooks, step: (r: RenderResult) => void): Promise<boolean | undefined> {
  const context = pool.register(portableContext(writer));
  const run: LadderRunner = (ladder) => pool.render(context, ladder);
  const window: Array<Promise<RenderResult>> = [];
  const limit = pool.size * 2;
  for (const ladder of ladders) {
    const rendering = renderLadder(writer, ladder, hooks, run);
    // Awaited in its turn; until then a rejection must not count as unhandled.
    rendering.catch(() => {});
    window.push(rendering);
    if (window.length >= limit) step(await window.shift()!);
  }
  while (window.length) step(await window.shift()!);
  const hasShared = pool.hasShared(context);
  pool.release(context);
  return hasShared;
}
