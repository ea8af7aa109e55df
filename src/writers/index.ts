// The writer registry: adding an output format = one writer file + one line here.

import type { OutputFormat } from '../options.js';
import { csvWriter } from './csv.js';
import { htmlWriter } from './html.js';
import { writeJson } from './json.js';
import { markdownWriter } from './markdown.js';
import { pdfWriter } from './pdf/index.js';
import type { WriterEntry } from './types.js';

export const WRITERS: readonly WriterEntry[] = [
  { format: 'json', write: writeJson },
  markdownWriter,
  htmlWriter,
  csvWriter,
  pdfWriter,
];

export function writerFor(format: OutputFormat): WriterEntry | undefined {
  return WRITERS.find((w) => w.format === format);
}

/** Where a format's templates live: templates/<folder>/ (e.g. "markdown" for md). */
export function templateFolder(format: OutputFormat): string {
  return writerFor(format)?.templateFolder ?? format;
}

/** The formats `--format` defaults to: every one implemented. */
export function implementedFormats(): OutputFormat[] {
  return WRITERS.map((w) => w.format);
}
