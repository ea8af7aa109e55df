// The contract every writer keeps: model in, files out; no file system, no clock, no globals.

import type { Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model.js';
import type { Options, OutputFormat } from '../options.js';

export interface OutputFile {
  /** Relative to the output directory, "/" separators. */
  path: string;
  format: OutputFormat;
  ladder?: string;
  track?: string;
  contents: string | Uint8Array;
}

export interface TemplateFile {
  /** Display path for messages, e.g. "templates/html/track.hbs" or a user's override. */
  path: string;
  text: string;
}

export interface WriterContext {
  options: Readonly<Options>;
  /** Templates of this writer's format, keyed by their path below templates/<format>/ (e.g. "track.hbs"). */
  templates: Readonly<Record<string, TemplateFile>>;
  /** Files the writer declared in its registry entry, keyed as declared. */
  assets: Readonly<Record<string, Uint8Array>>;
  /** ladderc's version, for generator metadata. */
  version: string;
  /** Seconds since the epoch: SOURCE_DATE_EPOCH, or a value derived from the inputs only. */
  sourceDateEpoch: number;
}

export interface WriterResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

export type Writer = (ladders: readonly Ladder[], context: WriterContext) => WriterResult | Promise<WriterResult>;

export interface WriterEntry {
  format: OutputFormat;
  write: Writer;
  /** The folder under templates/ (and under a user's --templates folder); default: the format. */
  templateFolder?: string;
  /** Package-relative paths of binary assets the writer needs (fonts, scripts), loaded by io.ts. */
  assets?: Readonly<Record<string, string>>;
}
