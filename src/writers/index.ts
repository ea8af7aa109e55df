// The writer registry: every output format, with its writer and its own options. Everything else
// that lists output formats or their options (OUTPUT_FORMATS, the OutputFormat type, `--format`,
// the writers' flags and `--help`, config validation, the manifest, the render cache key) is
// derived from here, and tests/unit/registry.test.ts fails on any mismatch.
//
// Adding a writer = one writer file + one entry below.

import { csvWriter } from './csv.js';
import { htmlWriter } from './html.js';
import { jsonWriter } from './json.js';
import { markdownWriter } from './markdown.js';
import { pdfWriter } from './pdf/index.js';
import type { WriterEntry } from './types.js';
import { xlsxWriter } from './xlsx/index.js';

export const WRITERS = [jsonWriter, markdownWriter, htmlWriter, csvWriter, pdfWriter, xlsxWriter] as const;

/** An output format: the id of a writer. */
export type OutputFormat = (typeof WRITERS)[number]['id'];

export const OUTPUT_FORMATS: readonly OutputFormat[] = WRITERS.map((w) => w.id);

/** Each writer's options type, by format. */
export type WriterOptionsMap = {
  [F in OutputFormat]: Extract<(typeof WRITERS)[number], { id: F }> extends WriterEntry<infer O, F> ? O : never;
};

export function writerFor(format: string): WriterEntry<any> | undefined {
  return WRITERS.find((w) => w.id === format) as WriterEntry<any> | undefined;
}

/** Where a format's templates live: templates/<folder>/ (e.g. "markdown" for md). */
export function templateFolder(format: OutputFormat): string {
  return writerFor(format)?.templateFolder ?? format;
}
