// Compile: source bytes → ladders and diagnostics, one source at a time, through the cache when
// there is one. Pure: the host reads the bytes.

import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model.js';
import type { Options, SourceOptions } from '../options.js';
import type { ReadResult } from '../readers/index.js';
import { DEFAULT_MAX_SOURCE_MB, megabytes } from '../readers/limits.js';
import { diagnostic } from '../diagnostics.js';
import type { ContentCache } from './host.js';
import { defaultJobs, newPool, poolPays } from './pool.js';

export interface SourceInput {
  /** Display path: relative to the project folder, "/" separators. */
  path: string;
  bytes: Uint8Array;
}

export interface CompileResult {
  ladders: Ladder[];
  diagnostics: Diagnostic[];
}

/** What a build did, so tests and `LADDERC_DEBUG_CACHE=1` can see that a no-op rebuild did nothing. */
export interface BuildStats {
  /** Sources read by a reader (cache misses). */
  parsed: number;
  /** Sources whose reading came from the cache. */
  parseHits: number;
  /** Renderings (a ladder or a build's shared files, in one format) done by their writer. */
  rendered: number;
  /** Renderings whose files came from the cache. */
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

/**
 * The cache key of one source's reading: its bytes, its display path (messages and ids come from
 * it), its per-source options and the ladderc code identity (held by the cache itself).
 */
export function readKey(source: SourceInput, sourceOptions: unknown, version: string): string {
  return digestOf({ kind: 'read', version, path: source.path, options: sourceOptions ?? {}, sha256: createHash('sha256').update(source.bytes).digest('hex') });
}

function parseReadResult(payload: string): ReadResult | undefined {
  try {
    const value = JSON.parse(payload) as ReadResult;
    return value && Array.isArray(value.diagnostics) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The readers, imported on the first source the cache does not answer: their libraries (unified,
 * micromark, yaml) are a third of a second to load, which a rebuild from the cache never pays.
 */
function readers(): Promise<typeof import('../readers/index.js')> {
  return import('../readers/index.js');
}

/** How a source's bytes become a ReadResult: readSource in this thread, or a worker's. */
export type SourceReader = (bytes: Uint8Array, path: string, options: SourceOptions) => Promise<ReadResult>;

const inThread: SourceReader = async (bytes, path, options) => (await readers()).readSource(bytes, path, options);

/** A source too large to read, or its reading from the cache; otherwise the cache key to store it under. */
function lookup(source: SourceInput, sourceOptions: SourceOptions | undefined, hooks: BuildHooks, maxSourceSize: number): { result: ReadResult } | { key: string } {
  if (source.bytes.length > maxSourceSize * 1_000_000) {
    const message = `the source is ${megabytes(source.bytes.length)}; ladderc reads sources of at most ${maxSourceSize} MB`;
    return { result: { diagnostics: [diagnostic('error', 'source-too-large', message, source.path, undefined, 'split it into several sources, or raise "maxSourceSize" (megabytes) in ladderc.config.json')] } };
  }
  const { stats, cache } = hooks;
  const key = cache ? readKey(source, sourceOptions, hooks.version ?? 'dev') : '';
  const hit = cache?.get('read', key);
  if (hit !== undefined) {
    const parsed = parseReadResult(hit);
    if (parsed) {
      if (stats) stats.parseHits += 1;
      return { result: parsed };
    }
  }
  return { key };
}

/** A miss read by `read`, stored in the cache when there is one. */
async function readMiss(source: SourceInput, sourceOptions: SourceOptions | undefined, key: string, hooks: BuildHooks, read: SourceReader): Promise<ReadResult> {
  const { stats, cache } = hooks;
  if (stats) stats.parsed += 1;
  const result = await read(source.bytes, source.path, sourceOptions ?? {});
  // Without a cache the model never leaves the process: no JSON round trip.
  if (!cache) return result;
  const payload = JSON.stringify(result);
  cache.put('read', key, payload);
  return JSON.parse(payload) as ReadResult;
}

/**
 * Reads one source through the cache. A miss stores the result; with a cache both paths hand back
 * a fresh object parsed from the same JSON, so a cached build cannot differ from a rebuild from the
 * cache (JSON drops `undefined` fields either way; digests and writers never see the difference).
 */
export async function compileSource(source: SourceInput, sourceOptions: SourceOptions | undefined, hooks: BuildHooks = {}, maxSourceSize = DEFAULT_MAX_SOURCE_MB, read: SourceReader = inThread): Promise<ReadResult> {
  const found = lookup(source, sourceOptions, hooks, maxSourceSize);
  return 'result' in found ? found.result : readMiss(source, sourceOptions, found.key, hooks, read);
}

/**
 * From how many sources to read (cache misses) the workers read them when jobs is not given: a
 * worker costs its start and the readers' import (~0.3 s), a source 30–600 ms to read (the five
 * seeds stay in one thread). With jobs given, from two.
 */
export const READ_POOL_FROM = 12;

/**
 * Reads every source (in path order, so the result never depends on directory order). Ladders
 * with no levels are left out (their source has a diagnostic saying so); ids are not yet unique:
 * that is link's work. With many sources to read and more than one core, workers read them (same
 * results, taken in the same order).
 */
export async function compileSources(sources: readonly SourceInput[], options: Pick<Options, 'sources' | 'maxSourceSize'> & { jobs?: number | undefined }, hooks: BuildHooks = {}): Promise<CompileResult> {
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const max = options.maxSourceSize ?? DEFAULT_MAX_SOURCE_MB;
  const found = sorted.map((source) => lookup(source, options.sources[source.path], hooks, max));
  const misses = found.filter((f) => 'key' in f).length;
  const pool = poolPays(options.jobs, misses, READ_POOL_FROM) ? newPool(Math.min(options.jobs ?? defaultJobs(), misses)) : undefined;
  const ladders: Ladder[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    const read: SourceReader = pool ? (bytes, path, opts) => pool.read(bytes, path, opts) : inThread;
    const reading = (i: number): Promise<ReadResult> | ReadResult => {
      const f = found[i]!;
      return 'result' in f ? f.result : readMiss(sorted[i]!, options.sources[sorted[i]!.path], f.key, hooks, read);
    };
    // With workers every miss is queued at once (the pool posts one per free worker) and taken in order.
    const pending = pool ? sorted.map((_, i) => reading(i)) : [];
    for (const p of pending) if (p instanceof Promise) p.catch(() => {});
    for (const [i, source] of sorted.entries()) {
      hooks.onStep?.(source.path);
      const result = await (pending[i] ?? reading(i));
      for (const d of result.diagnostics) diagnostics.push(d);
      if (result.ladder && result.ladder.tracks.length > 0) ladders.push(result.ladder);
    }
  } finally {
    await pool?.close();
  }
  return { ladders, diagnostics };
}
