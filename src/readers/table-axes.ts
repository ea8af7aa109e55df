// Where a table's row names end and its level columns begin: shared by the GFM and HTML table readers.

import { DESCRIBING_HEADER, NOT_A_LEVEL_HEADER, ROW_DIMENSION } from './lexicon.js';

/**
 * The first level column is the first that looks like one ("Senior Engineer", "L3") — unless a
 * header before it says what the rows are ("Competency", or an empty corner): then every named
 * column after that header is a level too, so "| Competency | Engineer | Senior Engineer |"
 * keeps its most junior level, whose name carries no seniority word.
 */
export function rowNamesEnd(header: readonly { text: string }[], k: number): number {
  let last = -1;
  for (let j = 0; j < k; j += 1) if (ROW_DIMENSION.test(header[j]!.text)) last = j;
  if (last < 0 && header[0]?.text === '') last = 0;
  if (last < 0 || last + 1 >= k) return k;
  const between = header.slice(last + 1, k);
  return between.every((c) => c.text !== '' && !NOT_A_LEVEL_HEADER.test(c.text)) ? last + 1 : k;
}

/** A column that describes its row ("Description", "Notes", "Examples"), wherever it stands. */
export function isDescribingHeader(text: string): boolean {
  return DESCRIBING_HEADER.test(text.trim());
}

export { GROUP_AXIS, INTRODUCING_HEADING, ROW_DIMENSION, SUMMARY_HEADER } from './lexicon.js';
