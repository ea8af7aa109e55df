// The public API: re-exports only (tests/unit/api.test.ts pins this list). README "API" shows each.

/** Compile a document's text, build a project like the CLI, render a ladder in one format. */
export { build, compile, render } from './api.js';
export type { BuildApiOptions, BuildApiResult, CompileOptions, CompileOutput, RenderApiOptions } from './api.js';

/** The model: a ladder of tracks, levels, competencies and per-level expectations. */
export { SCHEMA_VERSION } from './model.js';
export type { BaselineItem, Competency, Equivalent, ExampleGroup, Expectation, Ladder, Level, Position, Source, SourceFormat, Track } from './model.js';
/** The crosswalk: every level of a build on one scale of rungs (out/json/crosswalk.json). */
export type { Crosswalk, CrosswalkBasis, CrosswalkPlacement, CrosswalkRung, CrosswalkTrack } from './model.js';

/** Diagnostics: what a reader or writer found, with file:line:column, and the exit code they lead to. */
export type { Diagnostic, Severity } from './diagnostics.js';
export { exitCodeFor, formatDiagnostic, sortDiagnostics } from './diagnostics.js';
/** Every exit code of the CLI with its meaning. */
export { EXIT_CODES } from './cli/exit-codes.js';

/** The formats, from the registries: every source format ladderc reads, every output format it writes. */
export { SOURCE_FORMATS } from './readers/formats.js';
export { OUTPUT_FORMATS } from './writers/index.js';
export type { OutputFormat, WriterOptionsMap } from './writers/index.js';
export type { OutputFile } from './writers/types.js';

/** Options: what a build takes, with the defaults a build with nothing set uses. */
export { defaultOptions } from './pipeline/options.js';
export type { OptionRequest } from './pipeline/options.js';
export type { Options, Orientation, SourceOptions } from './options.js';
/** Validates the text of a ladderc.config.json. */
export { parseConfig } from './pipeline/config.js';

/** Recognises a source's format from its content alone. */
export { detectFormat } from './readers/registry.js';
