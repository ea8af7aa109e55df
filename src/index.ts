// The public API: re-exports only (a test pins this list).

export { SCHEMA_VERSION, SOURCE_FORMATS } from './model.js';
export type {
  BaselineItem,
  Competency,
  Equivalent,
  ExampleGroup,
  Expectation,
  Ladder,
  Level,
  Position,
  Source,
  SourceFormat,
  Track,
} from './model.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { EXIT_OK, EXIT_SOURCE_ERRORS, EXIT_USAGE, exitCodeFor, formatDiagnostic, sortDiagnostics } from './diagnostics.js';
export { DEFAULT_OPTIONS, OUTPUT_FORMATS } from './options.js';
export type { Options, OutputFormat, Orientation, Paper, SourceOptions } from './options.js';
export { parseConfig } from './config.js';
export { readSource } from './readers/index.js';
export type { ReadResult } from './readers/index.js';
export { detectFormat } from './readers/detect.js';
export { compileSources, renderOutputs, sourceDateEpoch } from './build.js';
export type { CompileResult, RenderResult, SourceInput, WriterResources } from './build.js';
export type { OutputFile, WriterContext } from './writers/types.js';
export { splitStatements } from './text/statements.js';
export { parseLevelLabel } from './text/level-label.js';
export { slugify } from './text/slug.js';
export { trackMatrix } from './views/matrix.js';
export { levelDiff, trackLevelDiffs } from './views/level-diff.js';
