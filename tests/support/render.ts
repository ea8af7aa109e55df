// The one place tests say how a writer is invoked for a whole build. It does what
// src/pipeline/render.ts does for one format, without the cache: the writer from the registry, its
// default options, templates and assets from the package (tests/support/writer-context.ts), each
// ladder's files then the shared ones, and a fixed version and date so the output is the same on
// every machine. When the writer API changes, adapt this file and writer-context.ts only.
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Locale } from '../../src/locale/index.js';
import type { Ladder } from '../../src/model.js';
import { OUTPUT_FORMATS, type OutputFormat, type WriterOptionsMap } from '../../src/writers/index.js';
import { TemplateError } from '../../src/writers/template.js';
import { writeAll, writerContext } from './writer-context.js';

export interface RenderedFile {
  /** Relative to the output directory, "/" separators, e.g. "csv/kitchen-sink.csv". */
  path: string;
  contents: string | Uint8Array;
}

export interface Rendered {
  /** Sorted by path. */
  files: RenderedFile[];
  diagnostics: Diagnostic[];
}

/** Every output format the writer registry implements. */
export function renderFormats(): OutputFormat[] {
  return [...OUTPUT_FORMATS];
}

/** Renders the ladders in one format with default options (plus `options`, if given), in `locale` (default en). */
export async function renderFormat<F extends OutputFormat>(format: F, ladders: readonly Ladder[], options: Partial<WriterOptionsMap[F]> = {}, locale: Locale = 'en'): Promise<Rendered> {
  try {
    const result = await writeAll(format, ladders, writerContext(format, options, undefined, { locale }));
    const files = result.files.map((f) => ({ path: f.path, contents: f.contents }));
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, diagnostics: result.diagnostics };
  } catch (error) {
    // As the pipeline does: a broken template is a diagnostic, anything else a bug.
    if (error instanceof TemplateError) return { files: [], diagnostics: [error.diagnostic] };
    throw error;
  }
}
