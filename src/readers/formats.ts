// The source formats ladderc reads, as data: each format's id and label, without its detector or
// reader. The config, the model's type and the HTML pages' labels need only this, so they do not
// load the readers (unified, micromark, yaml: a third of a second) before any source needs reading.
// src/readers/registry.ts pairs each id with its detector and reader, in this order, and
// tests/unit/registry.test.ts fails when the two lists differ.

export const SOURCE_FORMAT_INFO = [
  { id: 'html-table', label: 'HTML table' },
  { id: 'gfm-table', label: 'Markdown table' },
  { id: 'prose', label: 'Markdown prose' },
  { id: 'text', label: 'plain text' },
  { id: 'front-matter', label: 'YAML front matter' },
  { id: 'ladderc-md', label: 'ladderc Markdown' },
  { id: 'yaml-data', label: 'YAML data file' },
  { id: 'csv', label: 'comma- or tab-separated table' },
] as const;

/** How a source document was recognised; decided from its content, never its file name. */
export type SourceFormat = (typeof SOURCE_FORMAT_INFO)[number]['id'];

export const SOURCE_FORMATS: readonly SourceFormat[] = SOURCE_FORMAT_INFO.map((r) => r.id);

/** A format's label, e.g. "Markdown table" for gfm-table. */
export function sourceFormatLabel(format: SourceFormat): string {
  return SOURCE_FORMAT_INFO.find((r) => r.id === format)!.label;
}

/** A format's id and label, for its registry entry. */
export function formatInfo<F extends SourceFormat>(id: F): { readonly id: F; readonly label: string } {
  return { id, label: sourceFormatLabel(id) };
}
