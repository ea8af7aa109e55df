// What the pipeline needs from the outside world, as an interface: the file system, the package's
// own files, the environment. src/host/node.ts implements it on disk; tests may pass their own.
// The pipeline itself does no I/O.

import type { SourceInput } from './compile.js';
import type { Manifest, ManifestEntry, StaleReport } from './plan.js';
import type { OutputFile, TemplateFile } from '../writers/types.js';

export interface ContentCache {
  get(kind: 'read' | 'render', key: string): string | undefined;
  put(kind: 'read' | 'render', key: string, payload: string): void;
}

/** What a cache saw during a build (`LADDERC_DEBUG_CACHE=1` prints it). */
export interface CacheCounters {
  hits: number;
  misses: number;
  /** Entries found but rejected: corrupt, truncated, from other code, or under the wrong key. */
  rejected: number;
  writes: number;
  /** Reads or writes that failed at the file-system level (ignored). */
  errors: number;
}

export interface Conflict {
  /** Relative to the output folder, "/" separators. */
  path: string;
  reason: string;
}

export interface WriteResult {
  /** Files whose bytes changed (the manifest not counted). */
  written: string[];
  /** Files the previous manifest listed that are no longer produced, now removed. */
  removed: string[];
  /** Files the previous manifest listed, no longer produced, but edited since: left in place. */
  kept: string[];
  /** Paths the previous manifest listed that lead through a symbolic link out of out/: never touched. */
  skipped: string[];
  /** Staging folders of killed builds that were rolled back (out/ restored) before this write. */
  recovered?: string[];
}

export interface Host {
  /** The project folder: relative paths and display paths start here. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** ladderc's version. */
  version(): string;
  exists(path: string): boolean;
  /** A UTF-8 file's text; throws when it cannot be read. */
  readText(path: string): string;
  readBytes(path: string): Uint8Array;
  /**
   * Every file named and every file below every folder named (hidden files skipped), minus those
   * inside `exclude`, in path order, with display paths relative to `cwd`.
   */
  /** `skipped`: symbolic links and special files met in folders and not read (display paths). */
  collectSources(paths: readonly string[], exclude: readonly string[]): { sources: SourceInput[]; errors: string[]; skipped?: string[] };
  /** A format's templates: the package's defaults, each overridden by `<overrideDir>/<folder>/…`. */
  templates(folder: string, overrideDir?: string): Record<string, TemplateFile>;
  /** A package asset by module specifier ("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), found by module resolution. */
  asset(specifier: string): Uint8Array;
  /** The build cache in `dir`; read-only serves hits and stores nothing. */
  cache(dir: string, readOnly: boolean): ContentCache & { prune(): void; readonly counters?: CacheCounters };
  /** `--check`: files are compared with out/ one at a time as they are rendered, then forgotten. */
  openCheck(outDir: string): CheckSession;
  /** A write into out/: files are staged one at a time as they are rendered, then committed at once. */
  openWrite(outDir: string): WriteSession;
  /** Called after each source and each rendered file: a chance to give memory back (host/memory.ts). */
  relieve?(): void;
}

/** Where a build hands each rendered file; it keeps the file's manifest entry, not its bytes. */
export interface OutputSink {
  add(file: OutputFile): ManifestEntry;
}

export interface CheckSession extends OutputSink {
  /** After the last file (the manifest included): what is stale, missing, unexpected. */
  finish(): StaleReport;
}

export interface WriteSession extends OutputSink {
  /** Files in the way (a person's file, a folder where a file goes): the build must not commit. */
  readonly conflicts: Conflict[];
  /** Renames the staged files into out/ (the manifest last). */
  commit(manifest: Manifest): WriteResult;
  /** Drops what was staged and releases out/ (idempotent; also after commit). */
  abort(): void;
}
