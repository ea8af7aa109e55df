// Where a table's row names end and its level columns begin: shared by the GFM and HTML table readers.

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

const DESCRIBING = String.raw`descriptions?|definitions?|notes?|examples?|details?|what (?:it|this) means|meaning`;

const DESCRIBING_HEADER = new RegExp(`^(?:${DESCRIBING}|comments?)$`, 'i');

/** Headers of columns that describe the row rather than hold a level. */
const NOT_A_LEVEL_HEADER = new RegExp(`^(?:${DESCRIBING}|summary|overview|purpose|why|owner|weight|sub-?competenc(?:y|ies)|sub-?skills?)$`, 'i');

/** A header for the rows of a competency matrix: what each row is. */
export const ROW_DIMENSION = /^(?:competenc(?:y|ies)|skills?|areas?|categor(?:y|ies)|dimensions?|attributes?|capabilit(?:y|ies)|criteria|criterion|behaviou?rs?|topics?|pillars?|themes?|sub-?categor(?:y|ies))(?:\s*\/\s*levels?)?$/i;


/** A row or column that sums a level up rather than naming a competency ("Summary", "Overview"). */
export const SUMMARY_HEADER = /^(?:(?:level\s+)?(?:summary|overview)|(?:in\s+)?(?:a|one)\s+(?:sentence|line|nutshell)|at\s+a\s+glance)$/i;

/** A header over labels that group levels: a track, a ladder, a role family. */
export const GROUP_AXIS = /^(?:tracks?|ladders?|paths?|families|(?:role|job)\s+famil(?:y|ies)|disciplines?|streams?|functions?)$/i;

/**
 * A heading that introduces or explains ("How to read the matrix", "Overview", "About this
 * framework") rather than naming whose levels follow: never a track's name.
 */
export const INTRODUCING_HEADING = /^(?:how\s+(?:to|we|it)\b|overview\b|introduction\b|intro\b|about\b|reading\b|using\b|guide\b|faq\b|background\b|purpose\b|summary\b|the\s+(?:matrix|framework|ladder)$)|\?\s*$/i;
