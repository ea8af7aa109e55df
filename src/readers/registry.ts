// The reader registry: every source format ladderc reads (its id and label from formats.ts), with
// its detector and its reader. Everything else that lists source formats (SOURCE_FORMATS, the
// SourceFormat type, the config's `format` values, the JSON schema's enum, the HTML pages' labels)
// is derived from formats.ts, and tests/unit/registry.test.ts fails when this list differs from it.
//
// Adding a reader = one reader file + one line in formats.ts + one entry below.

import { readCanonicalMarkdown } from './canonical-md.js';
import { readDelimited } from './delimited.js';
import { delimitedTable } from './delimited-text.js';
import { readFrontMatter } from './front-matter.js';
import { readHtmlDocument } from './html.js';
import { readMarkdown } from './markdown.js';
import {
  CANONICAL_MARKER,
  frontMatterHasLadder,
  frontMatterOverEmptyBody,
  hasGfmTable,
  isHtmlPage,
  isHtmlWithTable,
  looksLikeMarkdown,
  sourceFacts,
  type SourceFacts,
} from './sniff.js';
import { readText } from './text.js';
import { isYamlData, readYamlData } from './yaml-data.js';
import type { Reader } from './types.js';
import { formatInfo, type SourceFormat } from './formats.js';

export { SOURCE_FORMATS, sourceFormatLabel, type SourceFormat } from './formats.js';

/**
 * How strongly a text looks like this format: a rank, lower is stronger (0 = certain), or
 * undefined for "not this format". Detection takes the format with the lowest rank.
 */
export type Detector = (facts: SourceFacts) => number | undefined;

export interface ReaderEntry {
  /** The format's id, as written in the model (`source.format`) and in the config's `format`. */
  readonly id: SourceFormat;
  /** How people call it ("Markdown table"), in messages and on HTML pages. */
  readonly label: string;
  readonly detect: Detector;
  readonly read: Reader;
}

const when = (rank: number, test: (facts: SourceFacts) => boolean): Detector => (facts) => (test(facts) ? rank : undefined);

export const READERS = [
  { ...formatInfo('html-table'), detect: when(20, isHtmlWithTable), read: readHtmlDocument },
  { ...formatInfo('gfm-table'), detect: when(50, hasGfmTable), read: readMarkdown },
  {
    ...formatInfo('prose'),
    // An HTML page without tables (headings, lists, paragraphs) is read as prose too.
    detect: (facts) => (isHtmlPage(facts.text) ? 30 : looksLikeMarkdown(facts) ? 60 : undefined),
    read: readMarkdown,
  },
  { ...formatInfo('text'), detect: () => 100, read: readText },
  {
    ...formatInfo('front-matter'),
    // Ladder data in the front matter over a body with no ladder of its own: the front-matter
    // reader explains what layout it expects, where the text reader would read YAML as text.
    detect: (facts) => (frontMatterHasLadder(facts) ? 10 : frontMatterOverEmptyBody(facts) ? 40 : undefined),
    read: readFrontMatter,
  },
  { ...formatInfo('ladderc-md'), detect: when(0, (facts) => CANONICAL_MARKER.test(facts.text)), read: readCanonicalMarkdown },
  { ...formatInfo('yaml-data'), detect: when(15, (facts) => !facts.front && isYamlData(facts.text)), read: readYamlData },
  {
    ...formatInfo('csv'),
    detect: when(70, (facts) => !facts.front && delimitedTable(facts.text) !== undefined),
    read: readDelimited,
  },
] as const satisfies readonly ReaderEntry[];

export function readerFor(format: SourceFormat): ReaderEntry {
  return READERS.find((r) => r.id === format)!;
}

/** The format whose detector ranks the text strongest (ties go to the earlier entry). */
export function detectFormat(text: string): SourceFormat {
  const facts = sourceFacts(text);
  let best: { id: SourceFormat; rank: number } | undefined;
  for (const reader of READERS) {
    const rank = reader.detect(facts);
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = { id: reader.id, rank };
  }
  return best?.id ?? 'text';
}
