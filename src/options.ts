// One typed options object. Its defaults come from the registries (src/pipeline/options.ts fills
// it: defaults < config file < command line), so the CLI, the config file and the API agree.

import type { Locale } from './locale/index.js';
import type { SourceFormat } from './model.js';
import type { OutputFormat, WriterOptionsMap } from './writers/index.js';

export type { OutputFormat } from './writers/index.js';
export type { Paper } from './writers/pdf/theme.js';
export type { ReviewFormOptions } from './writers/pdf/review-form.js';

export type Orientation = 'levels-as-rows' | 'levels-as-columns';
export const ORIENTATIONS: readonly Orientation[] = ['levels-as-rows', 'levels-as-columns'];

/** Per-source overrides, from the config file's `sources` map. */
export interface SourceOptions {
  id?: string;
  title?: string;
  format?: SourceFormat;
  orientation?: Orientation;
  /** Track names as detected (or track ids) → the names to use. */
  tracks?: Record<string, string>;
}

export interface Options {
  /** Files or directories to compile (absolute, or relative to `cwd`). */
  paths: string[];
  /** Absolute. */
  outDir: string;
  formats: OutputFormat[];
  strict: boolean;
  /** A folder whose templates override the defaults one by one (absolute). */
  templates?: string;
  /** Keyed by source path relative to the project folder (the config file's folder), "/" separators. */
  sources: Record<string, SourceOptions>;
  /** Crosswalk pins from the config: levels (`ladder/track/level`) that share a rung. */
  crosswalk?: string[][];
  /** Each writer's own options, every default filled in. */
  writers: WriterOptionsMap;
  /** The working folder: relative paths given by a person (flags, the API) start here. */
  cwd: string;
  /**
   * The project folder: the model's source paths, `sources` keys and the manifest are relative to
   * it. Default: the config file's folder, else the sources root (see pipeline/paths.ts projectFolder).
   */
  project?: string;
  /** The config file in use (absolute), if any: never read as a source. */
  configFile?: string;
  /** The build cache folder (absolute), or undefined for no cache. */
  cacheDir?: string;
  /** The largest source read, in megabytes (default 50); a larger one is an error naming it. */
  maxSourceSize?: number;
  /** The language of every word ladderc writes itself (default "en"); see src/locale. */
  locale: Locale;
  /** How many workers read and render (`--jobs`): 1 works in the main thread; default os.availableParallelism(). */
  jobs?: number;
}
