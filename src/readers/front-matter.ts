// YAML front matter in the progression-framework layout (levels, topics[].content[]): the ladder is
// the data; the Markdown body after it is prose about the framework, not ladder content.
//
// Rules:
// - `levels: N` gives levels labelled "1".."N" (a list of names is read as the labels instead).
// - Each `topics[]` entry is a competency: named by `title` when it has one (emoji, variation
//   selectors and joiners stripped, so "👩‍💼 Leadership" → "Leadership"), else by `name` with its
//   first letter capitalised ("communication" → "Communication"), otherwise as written.
// - `content[].level` picks the level; the cell's lines are its `criteria`, then each
//   `exampleCriteria[].criteria`, whose `examples` are attached to that line.
// - Ladder title: `title` without emoji (an info `emoji-dropped` names what was dropped, for topic
//   titles too). One track, named by the title without a trailing generic
//   word ("Backend Engineering Framework" → "Backend Engineering"), else by `sidebarTitle`, else "Levels".
// - A `description` beside `title`, or in a topic, describes the ladder or the competency.
// - Positions: a competency at its topic, a cell at its first criterion, the levels at `levels`.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Position } from '../model.js';
import { cleanInline } from '../text/plain.js';
import type { DraftCell, DraftCompetency, DraftLadder, DraftLevel } from './draft.js';
import { frontMatterOf } from './sniff.js';
import { blockLines, parseMarkdown } from './markdown/mdast.js';
import type { ReaderInput } from './types.js';

const LAYOUT_HINT = 'expected `levels: N` and `topics: [{ name, title, content: [{ level, criteria, exampleCriteria }] }]`';

/** Emoji and the invisible characters that build them (joiners, variation selectors, tags, skin tones). */
const EMOJI_RUN = String.raw`[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}\s]+`;
const EDGE_EMOJI = new RegExp(`^${EMOJI_RUN}|${EMOJI_RUN}$`, 'gu');

export function stripEmoji(text: string): string {
  return cleanInline(text.replace(EDGE_EMOJI, ' '));
}

/**
 * A title without the emoji that decorate its ends, with an info naming what was dropped (the
 * PDF fonts have no emoji, and names are compared without them): never dropped silently.
 */
function titleText(node: unknown, what: string, locator: Locator, input: ReaderInput): string {
  const raw = scalarText(node) ?? '';
  const kept = stripEmoji(raw);
  const dropped = [...raw.matchAll(EDGE_EMOJI)].map((m) => m[0].trim()).filter(Boolean);
  if (dropped.length && kept) {
    input.diagnostics.info('emoji-dropped', `dropped ${dropped.map((e) => `"${e}"`).join(' and ')} from ${what} "${cleanInline(raw)}"; it reads "${kept}"`, startOf(node, locator), 'write the title without emoji to silence this');
  }
  return kept;
}

/** Words that name the document rather than the role: "Backend Engineering Framework". */
const GENERIC_TAIL = /\s+(?:progression\s+|career\s+|competency\s+)?(?:framework|ladder|levels|matrix|path)$/i;

/** Where things are: offsets in the YAML → lines and columns in the document. */
interface Locator {
  at(offset: number | undefined): Position;
  doc: Document;
}

/** The node under `key` (aliases followed), not its JavaScript value: nodes keep their ranges. */
function field(map: YAMLMap<unknown, unknown>, key: string, locator: Locator): unknown {
  const node: unknown = map.get(key, true);
  return isAlias(node) ? node.resolve(locator.doc) : node;
}

function startOf(node: unknown, locator: Locator): Position {
  const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
  return locator.at(range?.[0]);
}

/** A scalar's text: strings as written, numbers and booleans as YAML shows them; else undefined. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

// ---------------------------------------------------------------------------------------------

function readLevels(root: YAMLMap<unknown, unknown>, locator: Locator, input: ReaderInput): DraftLevel[] | undefined {
  const node = field(root, 'levels', locator);
  const position = startOf(node ?? root, locator);
  if (isSeq(node)) {
    const labels = node.items.map(scalarText).filter((l): l is string => !!l && l.trim() !== '');
    if (labels.length) return labels.map((label) => ({ label, position }));
  }
  // `levels: 6`, or `levels: "6"` from a generator that quotes everything.
  const count = isScalar(node) ? Number(scalarText(node) ?? Number.NaN) : Number.NaN;
  if (Number.isInteger(count) && count >= 1 && count <= 100) {
    return Array.from({ length: count }, (_, i) => ({ label: String(i + 1), position }));
  }
  const what = node === undefined ? 'has no `levels`' : '`levels` is neither a count (1–100) nor a list of level names';
  input.diagnostics.error('front-matter-levels', `the front matter ${what}`, position, LAYOUT_HINT);
  return undefined;
}

/** Index of the level a content entry names: a label as written, else a 1-based number. */
function levelIndex(node: unknown, levels: readonly DraftLevel[]): number | undefined {
  const text = scalarText(node);
  if (text === undefined) return undefined;
  const byLabel = levels.findIndex((l) => l.label === text.trim());
  if (byLabel !== -1) return byLabel;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= levels.length ? n - 1 : undefined;
}

function competencyName(topic: YAMLMap<unknown, unknown>, locator: Locator, input: ReaderInput): string | undefined {
  const fromTitle = titleText(field(topic, 'title', locator), 'the topic title', locator, input);
  if (fromTitle) return fromTitle;
  // No title (Monzo leaves some null): the machine name, capitalised and otherwise as written.
  const name = titleText(field(topic, 'name', locator), 'the topic name', locator, input);
  return name ? name[0]!.toUpperCase() + name.slice(1) : undefined;
}

interface Line {
  text: string;
  position: Position;
}

/** One scalar as one line of a cell (YAML may fold it over several); non-strings warned about. */
function lineOf(node: unknown, what: string, locator: Locator, input: ReaderInput): Line | undefined {
  const item = isAlias(node) ? node.resolve(locator.doc) : node;
  if (isAbsent(item)) return undefined;
  const text = scalarText(item);
  if (text === undefined) {
    input.diagnostics.warn('front-matter-shape', `${what} is not a string; ignored`, startOf(item, locator), LAYOUT_HINT);
    return undefined;
  }
  const clean = cleanInline(text);
  return clean ? { text: clean, position: startOf(item, locator) } : undefined;
}

function isAbsent(node: unknown): boolean {
  return node === undefined || node === null || (isScalar(node) && node.value === null);
}

/** The items of a list (aliases followed); anything else but an absent value is warned about. */
function listOf(node: unknown, what: string, locator: Locator, input: ReaderInput): unknown[] {
  if (isAbsent(node)) return [];
  if (!isSeq(node)) {
    input.diagnostics.warn('front-matter-shape', `${what} should be a list; ignored`, startOf(node, locator), LAYOUT_HINT);
    return [];
  }
  return node.items.map((item) => (isAlias(item) ? item.resolve(locator.doc) : item));
}

/** The non-empty lines of a list of strings. */
function linesOf(node: unknown, what: string, locator: Locator, input: ReaderInput): Line[] {
  return listOf(node, what, locator, input)
    .map((item) => lineOf(item, `an item of ${what}`, locator, input))
    .filter((l): l is Line => l !== undefined);
}

function readCell(entry: unknown, levels: readonly DraftLevel[], topic: string, locator: Locator, input: ReaderInput): DraftCell | undefined {
  if (!isMap(entry)) {
    input.diagnostics.warn('front-matter-shape', `a content entry of "${topic}" is not a mapping; ignored`, startOf(entry, locator), LAYOUT_HINT);
    return undefined;
  }
  const levelNode = field(entry, 'level', locator);
  const level = levelIndex(levelNode, levels);
  if (level === undefined) {
    const written = scalarText(levelNode);
    const message = written === undefined ? 'has no `level`' : `names level "${written}", which is not one of the ${levels.length} levels`;
    input.diagnostics.warn('unknown-level', `a content entry of "${topic}" ${message}; ignored`, startOf(levelNode ?? entry, locator));
    return undefined;
  }
  const lines = linesOf(field(entry, 'criteria', locator), `the criteria of "${topic}"`, locator, input);
  const examples: Array<{ line: number; examples: string[] }> = [];
  for (const item of listOf(field(entry, 'exampleCriteria', locator), `the example criteria of "${topic}"`, locator, input)) {
    if (!isMap(item)) {
      input.diagnostics.warn('front-matter-shape', `an example criterion of "${topic}" is not a mapping; ignored`, startOf(item, locator), LAYOUT_HINT);
      continue;
    }
    const criterion = lineOf(field(item, 'criteria', locator), `an example criterion of "${topic}"`, locator, input);
    if (!criterion) continue;
    const items = linesOf(field(item, 'examples', locator), `the examples of "${criterion.text}"`, locator, input);
    if (items.length) examples.push({ line: lines.length, examples: items.map((i) => i.text) });
    lines.push(criterion);
  }
  if (!lines.length) return undefined;
  const cell: DraftCell = { level, text: lines.map((l) => l.text).join('\n'), position: lines[0]!.position };
  if (examples.length) cell.examples = examples;
  return cell;
}

function readTopic(topic: unknown, levels: readonly DraftLevel[], locator: Locator, input: ReaderInput): DraftCompetency | undefined {
  const position = startOf(topic, locator);
  const name = isMap(topic) ? competencyName(topic, locator, input) : undefined;
  if (!isMap(topic) || !name) {
    input.diagnostics.warn('front-matter-shape', 'a topic has neither a `title` nor a `name`; ignored', position, LAYOUT_HINT);
    return undefined;
  }
  const cells = listOf(field(topic, 'content', locator), `the content of "${name}"`, locator, input)
    .map((entry) => readCell(entry, levels, name, locator, input))
    .filter((c): c is DraftCell => c !== undefined);
  const competency: DraftCompetency = { name, cells, position };
  const description = scalarText(field(topic, 'description', locator));
  if (description) competency.description = description;
  return competency;
}

// ---------------------------------------------------------------------------------------------

/**
 * The Markdown after the front matter is prose about the framework ("About our progression
 * framework", "How does it work?"): kept as the ladder's description, its headings and list items
 * on lines of their own, so that none of it is lost.
 */
function bodyDescription(input: ReaderInput, endLine: number): string | undefined {
  const lines = input.text.split('\n');
  const first = lines.findIndex((l, i) => i >= endLine && l.trim() !== '');
  if (first === -1) return undefined;
  const tree = parseMarkdown(lines.map((l, i) => (i < endLine ? '' : l)).join('\n'));
  const paragraphs = tree.children.map((node) => blockLines(node).join('\n')).filter(Boolean);
  if (paragraphs.length === 0) return undefined;
  input.diagnostics.info(
    'introduction',
    'the Markdown after the front matter is prose about the framework: kept as the ladder description',
    { line: first + 1, column: 1 },
    'the ladder is read from the front matter',
  );
  return paragraphs.join('\n\n');
}

function parseYaml(yaml: string, input: ReaderInput): { root: YAMLMap<unknown, unknown>; locator: Locator } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  // The YAML starts on the line after the opening `---`.
  const locator: Locator = {
    doc,
    at(offset) {
      if (offset === undefined) return { line: 1, column: 1 };
      const p = lineCounter.linePos(offset);
      return { line: p.line + 1, column: p.col };
    },
  };
  for (const w of doc.warnings) input.diagnostics.warn('yaml', w.message.split('\n')[0]!, locator.at(w.pos[0]));
  const [first, ...more] = doc.errors;
  if (first) {
    // Later YAML errors mostly cascade from the first: report it, and how many follow.
    const also = more.length ? ` (${more.length} more YAML error${more.length > 1 ? 's' : ''} after it)` : '';
    // The yaml library turns its own stack overflow on deep nesting into an error like any other.
    if (/call stack/i.test(first.message)) {
      input.diagnostics.error('too-deep', 'the front matter nests too deeply for ladderc to read', locator.at(first.pos[0]), 'a ladder needs only a few levels of nesting in its YAML');
      return undefined;
    }
    const message = `front matter is not valid YAML: ${first.message.split('\n')[0]}${also}`;
    input.diagnostics.error('yaml-syntax', message, locator.at(first.pos[0]), 'fix the YAML at this place (indentation, quotes, a missing colon)');
    return undefined;
  }
  if (!isMap(doc.contents)) {
    input.diagnostics.error('front-matter-shape', 'the front matter is not a mapping of keys to values', { line: 1, column: 1 }, LAYOUT_HINT);
    return undefined;
  }
  return { root: doc.contents, locator };
}

function trackName(root: YAMLMap<unknown, unknown>, title: string | undefined, locator: Locator, input: ReaderInput): string {
  const fromTitle = title?.replace(GENERIC_TAIL, '').trim();
  if (fromTitle) return fromTitle;
  const sidebar = titleText(field(root, 'sidebarTitle', locator), 'the sidebar title', locator, input);
  return sidebar || 'Levels';
}

export function readFrontMatter(input: ReaderInput): DraftLadder {
  const front = frontMatterOf(input.text);
  if (!front) {
    input.diagnostics.error('front-matter-missing', 'the document does not start with a `---` front-matter block', { line: 1, column: 1 }, 'start the file with `---`, the YAML, and a closing `---`');
    return { tracks: [] };
  }
  const body = bodyDescription(input, front.endLine);
  const parsed = parseYaml(front.yaml, input);
  if (!parsed) return { tracks: [] };
  const { root, locator } = parsed;

  const title = titleText(field(root, 'title', locator), 'the title', locator, input) || undefined;
  const draft: DraftLadder = { tracks: [] };
  if (title) draft.title = title;
  const description = [scalarText(field(root, 'description', locator)), body].filter(Boolean).join('\n\n');
  if (description) draft.description = description;
  const levels = readLevels(root, locator, input);
  if (!levels) return draft;

  const topics = field(root, 'topics', locator);
  if (!isSeq(topics)) {
    const what = isAbsent(topics) ? 'has no `topics`' : '`topics` is not a list';
    input.diagnostics.error('front-matter-topics', `the front matter ${what}`, startOf(isAbsent(topics) ? root : topics, locator), LAYOUT_HINT);
  }
  const competencies = (isSeq(topics) ? topics.items : [])
    .map((topic) => readTopic(topic, levels, locator, input))
    .filter((c): c is DraftCompetency => c !== undefined);
  draft.tracks.push({ name: trackName(root, title, locator, input), levels, competencies, position: { line: 1, column: 1 } });
  return draft;
}
