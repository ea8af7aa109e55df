// ladderc's own canonical Markdown (what the Markdown writer produces), read back exactly.
//
// The canonical layout (templates/markdown/ writes it; src/writers/markdown.ts has the data):
//
//   <!-- ladderc:canonical 1 … -->       first line; detect.ts routes documents starting so here
//   # Ladder title
//   Paragraphs                            the ladder description (lines end in a `\` hard break)
//   ## Track name                         one H2 per track, in order
//   Paragraphs                            the track description
//   ### Notes                             optional: a list, one item per note
//   ### Baseline                          optional: "- **Competency**" items, statements nested below
//   ### Levels                            the levels in order: a table with the columns
//                                         # | Code | Title | Summary | Metadata | Equivalents
//                                         (found by header name; only Title is required; "#" is a view)
//                                         Metadata: "**key:** value" per line; Equivalents:
//                                         "**Track name:** level title" per line; lines split by <br>
//   ### Competencies                      the competencies in order: Competency | Category | Area |
//                                         Description (found by header name; Competency required)
//   ### Matrix                            a VIEW: tables per category (#### headings). Compared with
//                                         the level sections; where they differ the sections win
//   ### Level: <label>                    one per level ("Title (Code)", or the title or code alone)
//   *Compared with …*                     a VIEW: anything before the first #### is ignored
//   #### <competency label>               the competency's name, or "name (category › area)" when
//                                         two competencies of the track share a name
//   *Not applicable at this level:*       optional: the expectation is `applicable: false`
//   - line                                one item per line of the expectation's text; a blank line
//                                         between items separates blocks (merged rows: "\n\n")
//     - *Example:* text                   examples of the statement the line starts with
//
// Inline content reads as plain text: escapes resolved, emphasis and links reduced to their text,
// <br> and hard breaks as line breaks, <ins> (the "new at this level" mark) dropped; a soft line
// break is a space, as Markdown renders it. Table cells use <br> for line breaks, <br><br> for a
// blank line. Anything the layout does not expect gets a warning and is ignored: the reader never
// throws on a hand-edited document.

import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import { linearGfmTables } from './markdown/gfm-table-linear.js';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import type { BaselineItem, Position } from '../model.js';
import { isNotApplicable } from '../text/plain.js';
import { splitStatements } from '../text/statements.js';
import type { DraftCell, DraftCompetency, DraftLadder, DraftLevel, DraftTrack } from './draft.js';
import type { ReaderInput } from './types.js';
import { competencyLabels, levelLabel } from '../text/labels.js';

const LAYOUT = 'canonical-layout';

type Node = RootContent;

interface RawCompetencyBlock {
  heading: string;
  position: Position;
  nodes: Node[];
}

interface RawLevelSection {
  heading: string;
  position: Position;
  competencies: RawCompetencyBlock[];
}

interface RawTrack {
  name: string;
  position: Position;
  description: Paragraph[];
  notes: List[];
  baseline: List[];
  levels?: Table;
  competencies?: Table;
  matrix: Array<{ heading: string; table: Table }>;
  sections: RawLevelSection[];
}

interface LevelEntry {
  draft: DraftLevel;
  /** Track name and level text of each equivalent, resolved once every track is known. */
  equivalents: Array<{ track: string; level: string; position: Position }>;
}

interface TrackEntry {
  draft: DraftTrack;
  levels: LevelEntry[];
}

function at(node: { position?: { start: { line: number; column: number } } | undefined } | undefined): Position {
  return node?.position ? { line: node.position.start.line, column: node.position.start.column } : { line: 1, column: 1 };
}

const BR = /^<br\s*\/?>$/i;
const INS = /^<\/?ins>$/i;

/** Inline nodes → plain text; see the header comment for the rules. */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        if (BR.test(node.value.trim())) out += '\n';
        else if (!INS.test(node.value.trim())) out += node.value;
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference':
        out += inlineText(node.children);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Lines with trimmed ends; at most one blank line in a row, none at either end (as cleanText). */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function paragraphsText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => tidyLines(inlineText(p.children))).filter(Boolean).join('\n\n');
}

export function readCanonicalMarkdown(input: ReaderInput): DraftLadder {
  const { diagnostics } = input;
  const tree = unified().use(remarkParse).use(remarkGfm).use(linearGfmTables).parse(input.text) as Root;
  const ladder: DraftLadder = { tracks: [] };
  const ladderDescription: Paragraph[] = [];
  const raws: RawTrack[] = [];
  let track: RawTrack | undefined;
  let section: 'description' | 'notes' | 'baseline' | 'levels' | 'competencies' | 'matrix' | 'level' | 'unknown' = 'description';
  let levelSection: RawLevelSection | undefined;
  let competency: RawCompetencyBlock | undefined;
  let matrixHeading = '';
  // The views ladderc wrote of the model (the matrix, the comparison lines, a section's one-line
  // explanation): read as structure, so coverage counts their words as kept.
  const views: string[] = [];

  const ignore = (node: Node, where: string): void => {
    diagnostics.warn(LAYOUT, `unexpected ${node.type} ${where} is ignored`, at(node), 'keep to the layout described in the document\'s first-line comment, or compile the source it was made from');
  };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = inlineText(node.children).trim();
      if (node.depth === 1) {
        if (ladder.title !== undefined || track) diagnostics.warn(LAYOUT, `a second title "${text}" is ignored`, at(node));
        else ladder.title = text;
        continue;
      }
      if (node.depth === 2) {
        track = { name: text, position: at(node), description: [], notes: [], baseline: [], matrix: [], sections: [] };
        raws.push(track);
        section = 'description';
        levelSection = undefined;
        competency = undefined;
        continue;
      }
      if (!track) {
        ignore(node, 'before the first track (## heading)');
        continue;
      }
      if (node.depth === 3) {
        levelSection = undefined;
        competency = undefined;
        matrixHeading = '';
        const m = /^level\s*:\s*(.*)$/is.exec(text);
        if (m) {
          section = 'level';
          levelSection = { heading: m[1]!.trim(), position: at(node), competencies: [] };
          track.sections.push(levelSection);
        } else {
          const known = ['notes', 'baseline', 'levels', 'competencies', 'matrix'] as const;
          const name = known.find((k) => k === text.toLowerCase());
          section = name ?? 'unknown';
          if (!name) {
            diagnostics.warn(LAYOUT, `unknown section "${text}" is ignored`, at(node), 'sections are Notes, Baseline, Levels, Competencies, Matrix and "Level: <title>"');
          }
        }
        continue;
      }
      if (node.depth === 4 && section === 'level' && levelSection) {
        competency = { heading: text, position: at(node), nodes: [] };
        levelSection.competencies.push(competency);
        continue;
      }
      if (node.depth === 4 && section === 'matrix') {
        matrixHeading = text;
        continue;
      }
      if (section !== 'unknown') ignore(node, `in the ${section} section`);
      continue;
    }

    if (node.type === 'html' && /^<!--/.test(node.value)) continue;
    if (!track) {
      if (node.type === 'paragraph' && ladder.title !== undefined) ladderDescription.push(node);
      else ignore(node, 'before the first track');
      continue;
    }
    switch (section) {
      case 'description':
        if (node.type === 'paragraph') track.description.push(node);
        else ignore(node, `in the description of "${track.name}"`);
        break;
      case 'notes':
        if (node.type === 'list') track.notes.push(node);
        else ignore(node, 'in Notes');
        break;
      case 'baseline':
        if (node.type === 'list') track.baseline.push(node);
        // The sentence under the heading says what the section is; it is not data.
        else if (node.type === 'paragraph') views.push(toString(node));
        else ignore(node, 'in Baseline');
        break;
      case 'levels':
      case 'competencies':
        if (node.type === 'table' && !track[section]) track[section] = node;
        else ignore(node, `in ${section === 'levels' ? 'Levels' : 'Competencies'}`);
        break;
      case 'matrix':
        if (node.type === 'table') track.matrix.push({ heading: matrixHeading, table: node });
        views.push(toString(node));
        break;
      case 'level':
        // Before the first competency heading: the comparison line, a view.
        if (competency) competency.nodes.push(node);
        else views.push(toString(node));
        break;
      case 'unknown':
        break;
    }
  }

  if (ladder.title === undefined) diagnostics.warn(LAYOUT, 'the document has no title (# heading)', { line: 1, column: 1 });
  const description = paragraphsText(ladderDescription);
  if (description) ladder.description = description;

  const entries = raws.map((raw) => buildTrack(raw, input));
  resolveEquivalentTexts(entries);
  ladder.tracks = entries.map((e) => e.draft);
  if (views.length) ladder.references = views;
  return ladder;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface ReadTable {
  header: string[];
  rows: Array<{ cells: PhrasingContent[][]; position: Position }>;
}

function readTable(table: Table): ReadTable {
  const [head, ...body] = table.children as TableRow[];
  const header = (head?.children ?? []).map((c) => inlineText(c.children).trim().toLowerCase());
  return { header, rows: body.map((row) => ({ cells: row.children.map((c) => c.children), position: at(row) })) };
}

function column(table: ReadTable, name: string): number {
  return table.header.indexOf(name);
}

function cellText(row: { cells: PhrasingContent[][] }, index: number): string {
  if (index < 0) return '';
  return tidyLines(inlineText(row.cells[index] ?? []));
}

/** "**key:** value" lines of a cell (split at <br>) → [key, value]; "key: value" works too. */
function keyedLines(nodes: readonly PhrasingContent[]): Array<[string, string]> {
  const lines: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if ((node.type === 'html' && BR.test(node.value.trim())) || node.type === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(node);
  }
  const out: Array<[string, string]> = [];
  for (const line of lines) {
    const [first, ...rest] = line;
    if (!first) continue;
    if (first.type === 'strong') {
      const key = inlineText(first.children).trim().replace(/:$/, '').trim();
      out.push([key, inlineText(rest).trim()]);
      continue;
    }
    const text = inlineText(line).trim();
    const colon = text.indexOf(':');
    if (colon > 0) out.push([text.slice(0, colon).trim(), text.slice(colon + 1).trim()]);
    else if (text) out.push(['', text]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tracks

/** The level's name in headings, as the writer puts it: "Title (Code)" or the title alone. */
function labelOf(level: DraftLevel): string {
  return levelLabel({ title: level.title ?? level.label, code: level.code });
}

function buildTrack(raw: RawTrack, input: ReaderInput): TrackEntry {
  const { diagnostics } = input;
  const draft: DraftTrack = { name: raw.name, levels: [], competencies: [], position: raw.position };
  const description = paragraphsText(raw.description);
  if (description) draft.description = description;
  const notes = readNotes(raw.notes);
  if (notes.length) draft.notes = notes;
  const baseline = readBaseline(raw.baseline, input);
  if (baseline.length) draft.baseline = baseline;

  const levels = readLevels(raw, input);
  draft.levels = levels.map((l) => l.draft);
  draft.competencies = readCompetencies(raw, input);

  // Level sections: the expectations. Matched to levels by label, title or code, in order.
  const usedLevels = new Set<number>();
  const texts = new Map<string, { text: string; applicable: boolean }>();
  for (const section of raw.sections) {
    const names = (l: LevelEntry) => [labelOf(l.draft), l.draft.title, l.draft.code];
    let index = levels.findIndex((l, i) => !usedLevels.has(i) && names(l).includes(section.heading));
    if (index === -1 && levels.some((l) => names(l).includes(section.heading))) {
      diagnostics.warn(LAYOUT, `"Level: ${section.heading}" appears twice; the second is merged into the first`, section.position);
      index = levels.findIndex((l) => names(l).includes(section.heading));
    }
    if (index === -1) {
      diagnostics.warn(LAYOUT, `"Level: ${section.heading}" names no level of the Levels table; it is added as a new level`, section.position, 'add a row for it to the Levels table');
      // Only a label: finalize splits "Senior Engineer (E3)" into title and code as for any source.
      const level: DraftLevel = { label: section.heading, position: section.position };
      levels.push({ draft: level, equivalents: [] });
      draft.levels.push(level);
      index = levels.length - 1;
    }
    usedLevels.add(index);
    readLevelSection(section, index, draft, texts, input);
  }
  checkMatrix(raw, draft, texts, input);
  return { draft, levels };
}

function readNotes(lists: readonly List[]): string[] {
  const notes: string[] = [];
  for (const list of lists) {
    for (const item of list.children) {
      const paragraphs = item.children.filter((c): c is Paragraph => c.type === 'paragraph');
      const text = paragraphsText(paragraphs);
      if (text) notes.push(text);
    }
  }
  return notes;
}

function readBaseline(lists: readonly List[], input: ReaderInput): BaselineItem[] {
  const out: BaselineItem[] = [];
  for (const list of lists) {
    for (const item of list.children) {
      const head = item.children.find((c): c is Paragraph => c.type === 'paragraph');
      const competency = head ? tidyLines(inlineText(head.children)).replace(/\n/g, ' ') : '';
      const statements: string[] = [];
      for (const sub of item.children) {
        if (sub.type !== 'list') continue;
        for (const s of sub.children) {
          const p = s.children.find((c): c is Paragraph => c.type === 'paragraph');
          const text = p ? tidyLines(inlineText(p.children)).replace(/\n/g, ' ') : '';
          if (text) statements.push(text);
        }
      }
      if (!competency) {
        input.diagnostics.warn(LAYOUT, 'a Baseline item names no competency and is ignored', at(item));
        continue;
      }
      out.push({ competency, statements });
    }
  }
  return out;
}

function readLevels(raw: RawTrack, input: ReaderInput): LevelEntry[] {
  if (!raw.levels) {
    input.diagnostics.warn(LAYOUT, `"${raw.name}" has no Levels table`, raw.position, 'add "### Levels" with a table whose columns include Title');
    return [];
  }
  const table = readTable(raw.levels);
  const title = column(table, 'title');
  if (title === -1) {
    input.diagnostics.error(LAYOUT, `the Levels table of "${raw.name}" has no Title column`, at(raw.levels));
    return [];
  }
  const [code, summary, metadata, equivalents] = ['code', 'summary', 'metadata', 'equivalents'].map((n) => column(table, n)) as [number, number, number, number];
  const out: LevelEntry[] = [];
  for (const row of table.rows) {
    const levelTitle = cellText(row, title).replace(/\n/g, ' ');
    if (!levelTitle) {
      input.diagnostics.warn(LAYOUT, 'a row of the Levels table has no title and is ignored', row.position);
      continue;
    }
    // Title and code are given apart, so finalize never re-splits a label such as "Level 3 - Lead".
    const level: DraftLevel = { label: levelTitle, title: levelTitle, position: row.position };
    // Always set, empty when there is none: finalize then neither reads a code out of the title
    // ("IC3") nor reorders levels by it — the document's order is the ladder's order.
    level.code = cellText(row, code).replace(/\n/g, ' ');
    const levelSummary = cellText(row, summary);
    if (levelSummary) level.summary = levelSummary;
    if (metadata >= 0) {
      const pairs = keyedLines(row.cells[metadata] ?? []);
      for (const [, value] of pairs.filter(([k]) => !k)) {
        input.diagnostics.warn(LAYOUT, `the metadata line "${value}" has no "key:" and is ignored`, row.position, 'write metadata as "**key:** value"');
      }
      const kept = pairs.filter(([k, v]) => k && v);
      if (kept.length) level.metadata = Object.fromEntries(kept);
    }
    const entry: LevelEntry = { draft: level, equivalents: [] };
    if (equivalents >= 0) {
      for (const [trackName, levelText] of keyedLines(row.cells[equivalents] ?? [])) {
        entry.equivalents.push({ track: trackName, level: levelText, position: row.position });
      }
    }
    out.push(entry);
  }
  return out;
}

function readCompetencies(raw: RawTrack, input: ReaderInput): DraftCompetency[] {
  if (!raw.competencies) return [];
  const table = readTable(raw.competencies);
  const name = column(table, 'competency');
  if (name === -1) {
    input.diagnostics.error(LAYOUT, `the Competencies table of "${raw.name}" has no Competency column`, at(raw.competencies));
    return [];
  }
  const [category, area, description] = ['category', 'area', 'description'].map((n) => column(table, n)) as [number, number, number];
  const rows: DraftCompetency[] = [];
  for (const row of table.rows) {
    const label = cellText(row, name).replace(/\n/g, ' ');
    if (!label) {
      input.diagnostics.warn(LAYOUT, 'a row of the Competencies table has no name and is ignored', row.position);
      continue;
    }
    const c: DraftCompetency = { name: label, cells: [], position: row.position };
    const cat = cellText(row, category).replace(/\n/g, ' ');
    if (cat) c.category = cat;
    const ar = cellText(row, area).replace(/\n/g, ' ');
    if (ar) c.area = ar;
    const desc = cellText(row, description);
    if (desc) c.description = desc;
    rows.push(c);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Level sections

interface ReadLine {
  text: string;
  gapBefore: boolean;
  examples: string[];
  position: Position;
}

const NOT_APPLICABLE_MARK = /^not applicable\b/i;
const EXAMPLE_LABEL = /^example\s*:\s*/i;

function readLevelSection(
  section: RawLevelSection,
  levelIndex: number,
  draft: DraftTrack,
  texts: Map<string, { text: string; applicable: boolean }>,
  input: ReaderInput,
): void {
  const labels = competencyLabels(draft.competencies);
  const used = new Set<number>();
  for (const block of section.competencies) {
    let index = draft.competencies.findIndex((c, i) => !used.has(i) && labels[i] === block.heading);
    if (index === -1) index = draft.competencies.findIndex((c, i) => !used.has(i) && c.name === block.heading);
    if (index === -1) {
      if (draft.competencies.some((c, i) => labels[i] === block.heading || c.name === block.heading)) {
        input.diagnostics.warn(LAYOUT, `"${block.heading}" appears twice under "Level: ${section.heading}"; the second is merged into the first`, block.position);
        index = draft.competencies.findIndex((c, i) => labels[i] === block.heading || c.name === block.heading);
      } else {
        input.diagnostics.warn(LAYOUT, `"${block.heading}" is not in the Competencies table; it is added at its end`, block.position, 'add a row for it to the Competencies table');
        draft.competencies.push({ name: block.heading, cells: [], position: block.position });
        labels.push(block.heading);
        index = draft.competencies.length - 1;
      }
    }
    used.add(index);
    const { lines, notApplicable } = readExpectation(block, input);
    if (lines.length === 0) {
      input.diagnostics.warn(LAYOUT, `"${block.heading}" under "Level: ${section.heading}" has no list of statements`, block.position);
      continue;
    }
    const competency = draft.competencies[index]!;
    const cells = cellsOf(lines, levelIndex, notApplicable);
    if (notApplicable && !isNotApplicable(lines[0]!.text)) {
      input.diagnostics.warn(
        'canonical-not-applicable',
        `"${block.heading}" under "Level: ${section.heading}" is marked not applicable, but its text does not say "n/a"; it is read as applicable`,
        block.position,
        'start the text with "n/a", or remove the "Not applicable" line',
      );
    }
    competency.cells.push(...cells);
    const text = cells.map((c) => c.text).join('\n\n');
    const applicable = !cells.every((c) => isNotApplicable(c.text));
    texts.set(`${index}\0${levelIndex}`, { text, applicable });
  }
}

function readExpectation(block: RawCompetencyBlock, input: ReaderInput): { lines: ReadLine[]; notApplicable: boolean } {
  let notApplicable = false;
  const lines: ReadLine[] = [];
  for (const node of block.nodes) {
    if (node.type === 'paragraph' && lines.length === 0 && NOT_APPLICABLE_MARK.test(inlineText(node.children).trim())) {
      notApplicable = true;
      continue;
    }
    if (node.type !== 'list') {
      input.diagnostics.warn(LAYOUT, `unexpected ${node.type} under "${block.heading}" is ignored`, at(node), 'write each line of the expectation as a "- " list item');
      continue;
    }
    // A blank line between items, or a second list, separates blocks (rows merged into one cell).
    let lastEnd: number | undefined;
    for (const item of node.children) {
      const start = item.position?.start.line ?? 0;
      const gap = lines.length > 0 && (lastEnd === undefined || start > lastEnd + 1);
      readItem(item, input).forEach((line, i) => lines.push({ ...line, gapBefore: i === 0 && gap }));
      lastEnd = item.position?.end.line ?? start;
    }
  }
  return { lines, notApplicable };
}

/** One list item: its line (a hand-written item with several paragraphs or breaks gives several) and examples. */
function readItem(item: ListItem, input: ReaderInput): Array<Omit<ReadLine, 'gapBefore'>> {
  const out: Array<Omit<ReadLine, 'gapBefore'>> = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      for (const line of tidyLines(inlineText(child.children)).split('\n')) {
        if (line) out.push({ text: line, examples: [], position: at(child) });
      }
    } else if (child.type === 'list') {
      const examples: string[] = [];
      for (const sub of child.children) {
        const p = sub.children.find((c): c is Paragraph => c.type === 'paragraph');
        const text = p ? tidyLines(inlineText(p.children)).replace(/\n/g, ' ').replace(EXAMPLE_LABEL, '').trim() : '';
        if (text) examples.push(text);
      }
      const last = out[out.length - 1];
      if (last) last.examples.push(...examples);
      else input.diagnostics.warn(LAYOUT, 'examples without a statement above them are ignored', at(child));
    } else {
      input.diagnostics.warn(LAYOUT, `unexpected ${child.type} in a list item is ignored`, at(child));
    }
  }
  return out;
}

/**
 * Lines → cells. An expectation marked not applicable is one cell (finalize reads "n/a" at its
 * start). Otherwise each blank-line-separated block is a cell of its own: finalize joins cells
 * with a blank line, so the text is the same, and an expectation whose first block says "n/a" but
 * whose other blocks do not (merged rows) stays applicable, as it was.
 */
function cellsOf(lines: readonly ReadLine[], level: number, notApplicable: boolean): DraftCell[] {
  const blocks: ReadLine[][] = [];
  for (const line of lines) {
    if (blocks.length === 0 || (line.gapBefore && !notApplicable)) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  }
  return blocks.map((block) => {
    const cell: DraftCell = {
      level,
      text: block.map((l, i) => (i > 0 && l.gapBefore ? `\n${l.text}` : l.text)).join('\n'),
      position: block[0]!.position,
    };
    const examples = block.flatMap((l, i) => (l.examples.length ? [{ line: i, examples: l.examples }] : []));
    if (examples.length) cell.examples = examples;
    return cell;
  });
}

// ---------------------------------------------------------------------------------------------
// The matrix: a view, checked against the level sections

function checkMatrix(
  raw: RawTrack,
  draft: DraftTrack,
  texts: ReadonlyMap<string, { text: string; applicable: boolean }>,
  input: ReaderInput,
): void {
  const labels = competencyLabels(draft.competencies);
  const levelLabels = draft.levels.map(labelOf);
  for (const { table } of raw.matrix) {
    const read = readTable(table);
    const first = column(read, 'competency');
    if (first === -1) continue;
    const header = (table.children[0]?.children ?? []).map((c) => inlineText(c.children).trim());
    for (const row of read.rows) {
      const label = cellText(row, first).replace(/\n/g, ' ');
      const competency = labels.indexOf(label) >= 0 ? labels.indexOf(label) : draft.competencies.findIndex((c) => c.name === label);
      if (competency === -1) {
        input.diagnostics.warn('canonical-matrix', `the matrix row "${label}" names no competency; the matrix is a view and is ignored`, row.position);
        continue;
      }
      header.forEach((title, col) => {
        if (col === first) return;
        const level = levelLabels.indexOf(title);
        if (level === -1) return;
        const shown = cellText(row, col);
        const expected = texts.get(`${competency}\0${level}`);
        const wanted = expected ? (expected.applicable ? statementsLines(expected.text) : expected.text) : '';
        if (shown.replace(/\s+/g, ' ') !== wanted.replace(/\s+/g, ' ')) {
          input.diagnostics.warn(
            'canonical-matrix',
            `the matrix cell for "${label}" at "${title}" differs from the level section; the level section is used`,
            row.position,
            'edit expectations in the "Level:" sections; the matrix is rewritten from them',
          );
        }
      });
    }
  }
}

/** The matrix shows statements one per line, as finalize will split them. */
function statementsLines(text: string): string {
  return splitStatements(text).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Equivalents

/**
 * Equivalents are written as "**Track:** level" with the other track's exact name and the level's
 * title (or label, or code): an exact reference, which finalize resolves without fuzzy matching and
 * reports as `unresolved-equivalent` when nothing matches.
 */
function resolveEquivalentTexts(entries: readonly TrackEntry[]): void {
  for (const own of entries) {
    for (const entry of own.levels) {
      if (entry.equivalents.length === 0) continue;
      entry.draft.equivalents = entry.equivalents.map((eq) => ({
        text: eq.level,
        trackHint: eq.track,
        target: { track: eq.track, level: eq.level },
        position: eq.position,
      }));
    }
  }
}
