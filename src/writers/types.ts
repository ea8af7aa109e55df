// The contract every writer keeps: model in, files out; no file system, no clock, no globals.
// A writer sees only its own options (declared in its registry entry), never the build's.

import type { Diagnostic } from '../diagnostics.js';
import type { Crosswalk, Ladder, SourceFormat } from '../model.js';
import type { Catalogue, Locale } from '../locale/index.js';
import type { OptionSpec } from './option-spec.js';

export interface OutputFile {
  /** Relative to the output directory, "/" separators. */
  path: string;
  /** The id of the writer that made it (an OutputFormat). */
  format: string;
  ladder?: string;
  track?: string;
  /** The level it belongs to (a level's profile or review form). */
  level?: string;
  /** What the file is, for the pages that link it: "book", "profile", "review-form", "workbook", … */
  kind?: string;
  contents: string | Uint8Array;
}

/** A file of the same build that another writer may link (an OutputFile without its bytes). */
export type BuiltFile = Omit<OutputFile, 'contents'>;

export interface TemplateFile {
  /** Display path for messages, e.g. "templates/html/track.hbs" or a user's override. */
  path: string;
  text: string;
  /**
   * This text compiled ahead of time (Handlebars template specs as JavaScript source), for the
   * formats that escape `{{x}}` themselves (`escaped`) and for HTML (`plain`): the host attaches
   * them to the default templates it ships compiled. Never part of a cache key: it is the text's.
   */
  precompiled?: { escaped?: string; plain?: string };
}

export interface WriterContext<O = Record<string, unknown>> {
  /** This writer's own options, every default filled in. */
  options: Readonly<O>;
  /** Templates of this writer's format, keyed by their path below templates/<format>/ (e.g. "track.hbs"). */
  templates: Readonly<Record<string, TemplateFile>>;
  /** Files the writer declared in its registry entry, and its file options' bytes, keyed as declared. */
  assets: Readonly<Record<string, Uint8Array>>;
  /** ladderc's version, for generator metadata. */
  version: string;
  /** Seconds since the epoch: SOURCE_DATE_EPOCH, else a fixed date (never the clock, never other ladders). */
  sourceDateEpoch: number;
  /** How people call a source format ("Markdown table"), from the reader registry. */
  sourceFormatLabel: (format: SourceFormat) => string;
  /**
   * Every level of the build on one scale of rungs (computed once, in link). Always given to
   * shared(); given to ladder() only when the entry sets `ladderUsesCrosswalk` (else it is empty),
   * so a crosswalk change re-renders exactly the renderings that can show it.
   */
  crosswalk: Crosswalk;
  /**
   * Only for writers whose entry sets `linksOutputs`: the files the build's other formats made
   * (given to ladder() only those of that ladder), sorted by path. Absent otherwise.
   */
  outputs?: readonly BuiltFile[];
  /** The reader's language (`--locale`, the config's `locale`). */
  locale: Locale;
  /** Every word the writer writes itself, in that language (src/locale). */
  labels: Catalogue;
}

export interface WriterResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

/** A writer's metadata (everything but its code): what the CLI's help, config validation and planning need. */
export type WriterInfo<O = Record<string, unknown>, Id extends string = string> = Omit<WriterEntry<O, Id>, 'ladder' | 'shared' | 'copyOf'>;

/** A registry entry: the metadata, and the writer itself loaded on demand (its code and dependencies are imported only then). */
export interface RegisteredWriter<O = Record<string, unknown>, Id extends string = string> extends WriterInfo<O, Id> {
  readonly load: () => Promise<WriterEntry<O, Id>>;
}

export interface WriterEntry<O = Record<string, unknown>, Id extends string = string> {
  /** The format's id, as in `--format` and the config's `formats`. */
  readonly id: Id;
  /** What the format is, for `--help` and the README. */
  readonly label: string;
  /** The files of one ladder (rendered as soon as that ladder is compiled). */
  readonly ladder: (ladder: Ladder, context: WriterContext<O>) => WriterResult | Promise<WriterResult>;
  /** Files that span every ladder of a build (the HTML index, shared assets); after the ladders. */
  readonly shared?: (ladders: readonly Ladder[], context: WriterContext<O>) => WriterResult;
  /** Whether ladder() shows the crosswalk (it then gets it, and it is part of that rendering's cache key). */
  readonly ladderUsesCrosswalk?: boolean;
  /**
   * false when shared() reads only the crosswalk, never the ladders (it is then given none): a build
   * keeps its ladders as JSON text and would otherwise parse every one of them again for it.
   */
  readonly sharedUsesLadders?: boolean;
  /**
   * Whether the writer links the files of the build's other formats: it then renders after them and
   * is given them as `context.outputs` (they are part of its cache keys).
   */
  readonly linksOutputs?: boolean;
  /**
   * With `linksOutputs`: where this writer carries a copy of another format's file (a path in out/),
   * or undefined for none. The build emits the copy as this writer's file, as the original streams by.
   */
  readonly copyOf?: (file: BuiltFile, options: Readonly<O>) => string | undefined;
  /** The writer's own options: config, flags, defaults. */
  readonly options: readonly OptionSpec[];
  /** The folder under templates/ (and under a user's --templates folder); default: the id. */
  readonly templateFolder?: string;
  /** Binary assets the writer needs (fonts), as module specifiers resolved by the host. */
  readonly assets?: Readonly<Record<string, string>>;
}
