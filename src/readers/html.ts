// HTML documents and fragments holding ladder tables: title, description, and one track per set of levels.

import type { Element, Root } from 'hast';
import { cleanInline } from '../text/plain.js';
import type { DraftCompetency, DraftLadder, DraftLevel, DraftTrack, TableFragment } from './draft.js';
import { looksLikeLevel } from './markdown/level-words.js';
import { levelLabels } from './markdown/prose.js';
import { parseHtml, readTableElement, tableContext, textOf } from './html-table.js';
import type { ReaderInput } from './types.js';
import { INTRODUCING_HEADING } from './table-axes.js';

/**
 * Tracks: every table (or table section) becomes a fragment; a table whose set of levels matches an
 * earlier table's joins that track (its competencies appended), since it is the same ladder split
 * for layout — unless the two carry different captions of their own.
 * A track is named by the table's own caption, else the nearest heading before it, else the
 * ladder title, else "Engineering" (the usual family of a published ladder; the config renames it).
 */
const DEFAULT_TRACK_NAME = 'Engineering';

interface HeadingBlock {
  kind: 'heading';
  depth: number;
  text: string;
}
interface TableBlock {
  kind: 'table';
  element: Element;
}
type Block = { kind: 'title'; text: string } | { kind: 'paragraph'; text: string } | HeadingBlock | TableBlock;

const HEADING = /^h([1-6])$/;
// Embedded SVG and MathML have <title> elements of their own that do not title the document.
const FOREIGN = new Set(['svg', 'math']);

/** The document's blocks in reading order; tables are not entered (their text is cell text). */
function blocks(node: Root | Element, out: Block[] = []): Block[] {
  for (const child of node.children) {
    if (child.type !== 'element' || FOREIGN.has(child.tagName)) continue;
    const heading = HEADING.exec(child.tagName);
    if (child.tagName === 'table') out.push({ kind: 'table', element: child });
    else if (child.tagName === 'title') out.push({ kind: 'title', text: cleanInline(textOf(child)) });
    else if (heading) out.push({ kind: 'heading', depth: Number(heading[1]), text: cleanInline(textOf(child)) });
    else if (child.tagName === 'p') out.push({ kind: 'paragraph', text: textOf(child) });
    else blocks(child, out);
  }
  return out;
}

export function readHtmlDocument(input: ReaderInput): DraftLadder {
  const tree = parseHtml(input.text);
  const list = blocks(tree);
  const tables = list.filter((b): b is TableBlock => b.kind === 'table');
  if (tables.length === 0) {
    input.diagnostics.error('no-table', 'found no <table> in this HTML source', { line: 1, column: 1 }, 'ladderc reads HTML ladders laid out as tables; set the format in ladderc.config.json if this is not HTML');
    return { tracks: [] };
  }

  const ladder: DraftLadder = { tracks: [] };
  const title = documentTitle(list, tables);
  if (title) ladder.title = title;
  const description = ladderDescription(list);
  if (description) ladder.description = description;
  ladder.tracks = readTracks(list, title, input);
  return ladder;
}

/** Reads the tables in order, each with the heading and paragraphs that precede it. */
function readTracks(list: readonly Block[], title: string | undefined, input: ReaderInput): DraftTrack[] {
  const context = tableContext({ line: 1, column: 1 }, input);
  const tracks = new Map<string, DraftTrack>();
  const read: Array<{ fragment: TableFragment; heading: HeadingBlock | undefined; parent: HeadingBlock | undefined; paragraphs: string[] }> = [];
  let heading: HeadingBlock | undefined;
  // The open headings, outermost first: a table named by its heading belongs to the one above.
  const open: HeadingBlock[] = [];
  let paragraphs: string[] = [];
  for (const block of list) {
    if (block.kind === 'heading') {
      heading = block;
      while (open.length && open[open.length - 1]!.depth >= block.depth) open.pop();
      open.push(block);
      paragraphs = [];
    } else if (block.kind === 'paragraph') paragraphs.push(block.text);
    else if (block.kind === 'table') {
      for (const fragment of readTableElement(block.element, context)) read.push({ fragment, heading, parent: open[open.length - 2], paragraphs });
      paragraphs = [];
    }
  }
  const byHeading = levelsByHeading(read);
  for (const { fragment, heading, parent, paragraphs } of read) {
    const level = byHeading.get(fragment);
    if (level) {
      addLevelTable(fragment, level, parent, title, tracks, input);
      continue;
    }
    const named = heading ? nameUnnamedRows(fragment, heading, paragraphs) : undefined;
    const around = named ? { heading: parent, paragraphs: [], title } : { heading, paragraphs, title };
    addFragment(named ?? fragment, around, tracks, input);
  }
  return [...tracks.values()];
}

/**
 * A heading per level over a table of competencies with one column of expectations
 * (`<h2>Senior Designer</h2>` over `Area | Expectation`): the one column is not a level, the
 * heading is. Two or more such tables whose headings the lexicon reads as levels make a run, and
 * a heading between two of them is a level too ("Designer" between "Junior" and "Senior Designer").
 */
function levelsByHeading(read: ReadonlyArray<{ fragment: TableFragment; heading: HeadingBlock | undefined }>): Map<TableFragment, HeadingBlock> {
  const single = read.filter((r) => r.heading && r.heading.text && r.fragment.levels.length === 1 && !looksLikeLevel(r.fragment.levels[0]!.label));
  const titles = single.map((r) => r.heading!.text);
  const out = new Map<TableFragment, HeadingBlock>();
  if (new Set(titles).size < 2 || titles.filter((t) => looksLikeLevel(t)).length < 2) return out;
  const isLevel = levelLabels([titles]);
  for (const r of single) if (isLevel(r.heading!.text)) out.set(r.fragment, r.heading!);
  return out;
}

/** One level's table: its rows join the track of the heading above (or the ladder's), as a new level. */
function addLevelTable(fragment: TableFragment, heading: HeadingBlock, parent: HeadingBlock | undefined, title: string | undefined, tracks: Map<string, DraftTrack>, input: ReaderInput): void {
  const name = (parent && !INTRODUCING_HEADING.test(parent.text.trim()) ? parent.text : undefined) ?? fragment.caption ?? title ?? DEFAULT_TRACK_NAME;
  const key = `\0levels-by-heading\0${name.toLowerCase()}`;
  const level: DraftLevel = { ...fragment.levels[0]!, label: heading.text };
  let track = tracks.get(key);
  if (!track) {
    track = { name: name || DEFAULT_TRACK_NAME, levels: [], competencies: [], position: fragment.position };
    tracks.set(key, track);
  }
  const index = track.levels.findIndex((l) => cleanInline(l.label).toLowerCase() === heading.text.toLowerCase());
  if (index !== -1) {
    input.diagnostics.warn('duplicate-level', `the heading "${heading.text}" names a level twice; its table is read into the first`, fragment.position, 'give each level its own heading');
  }
  const at = index === -1 ? track.levels.push(level) - 1 : index;
  for (const c of fragment.competencies) {
    const existing = track.competencies.find((x) => x.name.toLowerCase() === c.name.toLowerCase() && (x.category ?? '') === (c.category ?? ''));
    const cells = c.cells.map((cell) => ({ ...cell, level: at }));
    if (existing) existing.cells.push(...cells);
    else track.competencies.push({ ...c, cells });
  }
}

/**
 * A table whose rows carry no name (every column a level) describes the competency its heading
 * names, and the paragraphs under the heading describe it — as in Markdown.
 */
function nameUnnamedRows(fragment: TableFragment, heading: HeadingBlock, paragraphs: readonly string[]): TableFragment | undefined {
  if (!heading.text || !fragment.competencies.some((c) => c.name.trim() === '')) return undefined;
  const description = paragraphs.filter(Boolean).join('\n');
  const competencies = fragment.competencies.map((c) => {
    if (c.name.trim() !== '') return c;
    const named: DraftCompetency = { ...c, name: heading.text };
    if (description && !named.description) named.description = description;
    return named;
  });
  return { ...fragment, competencies };
}

/**
 * `<title>`, unless it is a site's page title ("Careers | Acme", "Ladder – Acme Wiki") and the page
 * has an `<h1>`; else the first `<h1>`, else a lone top-rank heading before the tables, else the
 * first table's caption; else none (the caller uses the file name).
 */
function documentTitle(list: readonly Block[], tables: readonly TableBlock[]): string | undefined {
  const h1 = list.find((b): b is HeadingBlock => b.kind === 'heading' && b.depth === 1 && b.text !== '')?.text;
  const title = list.find((b): b is Extract<Block, { kind: 'title' }> => b.kind === 'title' && b.text !== '')?.text;
  if (title && !(h1 && SITE_SEPARATOR.test(title))) return title;
  if (h1) return h1;
  // A fragment without an h1: a lone heading of the top rank present, before any table, titles it
  // (an `<h2>` over the one table), as a lone top heading does in Markdown.
  const headings = list.filter((b): b is HeadingBlock => b.kind === 'heading' && b.text !== '');
  const top = Math.min(...headings.map((h) => h.depth));
  const atTop = headings.filter((h) => h.depth === top);
  const firstTable = list.findIndex((b) => b.kind === 'table');
  if (atTop.length === 1 && (firstTable < 0 || list.indexOf(atTop[0]!) < firstTable)) return atTop[0]!.text;
  const caption = tables[0]?.element.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const text = caption ? cleanInline(textOf(caption)) : '';
  return text || undefined;
}

const SITE_SEPARATOR = /\s[|–—·:»-]\s/;

/** Paragraphs before the first table and before any section heading (h2–h6) describe the ladder. */
function ladderDescription(list: readonly Block[]): string | undefined {
  const out: string[] = [];
  for (const block of list) {
    if (block.kind === 'table' || (block.kind === 'heading' && block.depth > 1)) break;
    if (block.kind === 'paragraph' && block.text) out.push(block.text);
  }
  return out.length ? out.join('\n\n') : undefined;
}

interface Surroundings {
  heading: HeadingBlock | undefined;
  /** Paragraphs between that heading and the table. */
  paragraphs: readonly string[];
  title: string | undefined;
}

/** Tables join when their levels match, unless their own captions name them apart. */
function trackKey(fragment: TableFragment): string {
  const levels = [...new Set(fragment.levels.map((l) => cleanInline(l.label).toLowerCase()))].sort();
  return [fragment.caption?.toLowerCase() ?? '', ...levels].join('\0');
}

function addFragment(
  fragment: TableFragment,
  around: Surroundings,
  tracks: Map<string, DraftTrack>,
  input: ReaderInput,
): void {
  const key = trackKey(fragment);
  const existing = tracks.get(key);
  if (existing) {
    mergeInto(existing, fragment);
    input.diagnostics.info('tables-merged', `this table has the same levels as an earlier one; its competencies join track "${existing.name}"`, fragment.position);
    return;
  }
  // A section heading names the track; an h1 that is the ladder's title does only when nothing else does.
  const heading = around.heading && !INTRODUCING_HEADING.test(around.heading.text.trim()) ? around.heading.text : undefined;
  const name = fragment.caption ?? heading ?? around.title ?? DEFAULT_TRACK_NAME;
  const track: DraftTrack = { name: name || DEFAULT_TRACK_NAME, levels: fragment.levels, competencies: fragment.competencies, position: fragment.position };
  // Paragraphs under a section heading describe its track; those under the title describe the ladder.
  const description = around.heading && around.heading.depth > 1 ? around.paragraphs.filter(Boolean).join('\n\n') : '';
  if (description) track.description = description;
  tracks.set(key, track);
}

/** Appends a fragment's competencies to a track with the same levels, re-indexing cells by label. */
function mergeInto(track: DraftTrack, fragment: TableFragment): void {
  const indexByLabel = new Map(track.levels.map((l, i) => [cleanInline(l.label).toLowerCase(), i]));
  const remap = fragment.levels.map((l) => indexByLabel.get(cleanInline(l.label).toLowerCase()) ?? 0);
  fragment.levels.forEach((level, i) => {
    const target = track.levels[remap[i]!]!;
    if (level.summary && !target.summary) target.summary = level.summary;
    if (level.metadata) target.metadata = { ...level.metadata, ...target.metadata };
  });
  const competencies: DraftCompetency[] = fragment.competencies.map((c) => ({
    ...c,
    cells: c.cells.map((cell) => ({ ...cell, level: remap[cell.level] ?? cell.level })),
  }));
  track.competencies.push(...competencies);
}
