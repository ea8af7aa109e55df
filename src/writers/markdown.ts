// Markdown output: one canonical GFM document per ladder (md/<ladder-id>.md), rendered through
// templates/markdown/, that ladderc reads back into the same model (src/readers/canonical-md.ts);
// and the build's crosswalk (md/crosswalk.md).
//
// Template data (plain objects; every `{{x}}` is Markdown-escaped for one line, with line breaks as
// `<br>`; use the block helpers with triple braces for multi-line text):
//
//   ladder.hbs receives
//     marker            the first-line comment that marks the document as canonical (keep it first)
//     title             ladder title
//     description       ladder description ('' when none; may hold line breaks)
//     tracks[]          one per track:
//       name, description ('' when none)
//       notes[]         note texts (may hold line breaks)
//       baseline[]      { competency, statements[] }: expectations of every level
//       levels[]        { ordinal, code ('' when none), title, label ("Title (Code)"), summary (''),
//                         metadata[] { key, value }, equivalents[] { track, level } }
//       levelColumns    { code, summary, metadata, equivalents }: booleans, true when any level has one
//       competencies[]  { name, label (name, or "name (category › area)" where names repeat),
//                         category (''), area (''), description ('') }
//       competencyColumns { category, area, description }: booleans
//       matrix          { levels[] (level labels), groups[] { heading ('' when none), rows[] { label,
//                         cells[] { empty, notApplicable, text, statements[] } } } }
//       levelSections[] { label, title, code, ordinal, previous (label of the level below, ''),
//                         counts { added, removed, unchanged, reworded },
//                         reworded[] { label (competency), parts[] { words, isAdded, isRemoved } }
//                         (word-level diffs; partials/reworded.hbs), competencies[] { label, notApplicable,
//                         lines[] { gapBefore, fragments[] { text, isNew }, examples[] } } }
//   partials/track.hbs, partials/levels.hbs, partials/competencies.hbs, partials/matrix.hbs,
//   partials/level.hbs and partials/expectation.hbs receive the track, level section or competency
//   entry above as their context.
//
//   crosswalk.hbs (md/crosswalk.md, one per build) receives
//     title             "Crosswalk"
//     columns[]         { heading }: one per track of the build ("Ladder › Track", or the track's name)
//     rows[]            { rung, cells[] { levels[] { label, basis } } }: one cell per column
//     legend[]          { basis, meaning }
//   partials/crosswalk-table.hbs receives the same data.
//
// Helpers:
//   {{{paragraphs text}}}       multi-line text as escaped paragraphs (lines end in a `\` hard break)
//   {{{listItem text}}}         the same, indented to continue a `- ` list item
//   {{md text}}                 explicit name for the default escaping (one line, `<br>` for breaks)
//
// The writer tidies the rendered text so templates can stay readable: trailing white space is
// removed, runs of blank lines become one, and the file ends with one newline. Markdown never needs
// trailing spaces here (hard breaks are backslashes) nor two blank lines in a row.

import type { Diagnostic } from '../diagnostics.js';
import type { Competency, Expectation, Ladder, Level, Track } from '../model.js';
import { splitSentences } from '../text/statements.js';
import { BASIS_LEGEND, crosswalkTable } from '../views/crosswalk.js';
import { levelDiff, statementKey } from '../views/level-diff.js';
import { competencyLabels, levelLabel, resolveEquivalents } from '../views/levels.js';
import { trackMatrix } from '../views/matrix.js';
import { escapeMarkdown, markdownParagraphs } from './escape.js';
import { createTemplateEngine } from './template.js';
import type { OutputFile, WriterContext, WriterEntry, WriterResult } from './types.js';
import { markdownInfo } from './index.js';

export const CANONICAL_MARKER_LINE =
  '<!-- ladderc:canonical 1 · The canonical Markdown form of a ladder, written by ladderc. Edit it and compile it ' +
  'again with ladderc: everything is read back except the Matrix tables and the "Compared with" lines, which are ' +
  'views rewritten from the "Level:" sections. -->';

interface FragmentView {
  text: string;
  isNew: boolean;
}

interface LineView {
  /** A blank line before this one: the text's blank-line-separated blocks (merged rows). */
  gapBefore: boolean;
  fragments: FragmentView[];
  examples: string[];
}

interface SectionCompetencyView {
  label: string;
  notApplicable: boolean;
  lines: LineView[];
}

interface LevelSectionView {
  label: string;
  title: string;
  code: string;
  ordinal: number;
  previous: string;
  counts: { added: number; removed: number; unchanged: number; reworded: number };
  /** Statements of the level below said again in other words, as word-level diffs. */
  reworded: Array<{ label: string; parts: Array<{ words: string; isAdded: boolean; isRemoved: boolean }> }>;
  competencies: SectionCompetencyView[];
}

interface MatrixCellView {
  empty: boolean;
  notApplicable: boolean;
  text: string;
  statements: string[];
}

interface TrackView {
  name: string;
  description: string;
  notes: string[];
  baseline: Array<{ competency: string; statements: string[] }>;
  levels: Array<{
    ordinal: number;
    code: string;
    title: string;
    label: string;
    summary: string;
    metadata: Array<{ key: string; value: string }>;
    equivalents: Array<{ track: string; level: string }>;
  }>;
  levelColumns: { code: boolean; summary: boolean; metadata: boolean; equivalents: boolean };
  competencies: Array<{ name: string; label: string; category: string; area: string; description: string }>;
  competencyColumns: { category: boolean; area: boolean; description: boolean };
  matrix: {
    levels: string[];
    groups: Array<{ heading: string; rows: Array<{ label: string; cells: MatrixCellView[] }> }>;
  };
  levelSections: LevelSectionView[];
}

interface LadderView {
  marker: string;
  title: string;
  description: string;
  tracks: TrackView[];
}

/** An equivalent's level as the Levels table writes it: its title, or its label where titles repeat. */
export function equivalentLevelText(track: Track, level: Level): string {
  const sameTitle = track.levels.filter((l) => l.title === level.title).length;
  return sameTitle > 1 ? levelLabel(level) : level.title;
}

/** A line of an expectation, cut into its statements' spans so new ones can be marked. */
function fragmentsOf(line: string, newKeys: ReadonlySet<string>): FragmentView[] {
  const fragments: FragmentView[] = [];
  let rest = line;
  let plain = '';
  for (const sentence of splitSentences(line)) {
    const at = rest.indexOf(sentence);
    if (at === -1) break;
    const isNew = newKeys.has(statementKey(sentence));
    if (isNew) {
      plain += rest.slice(0, at);
      if (plain) fragments.push({ text: plain, isNew: false });
      plain = '';
      fragments.push({ text: sentence, isNew: true });
    } else {
      plain += rest.slice(0, at + sentence.length);
    }
    rest = rest.slice(at + sentence.length);
  }
  plain += rest;
  if (plain) fragments.push({ text: plain, isNew: false });
  return fragments;
}

function expectationLines(expectation: Expectation, newKeys: ReadonlySet<string>): LineView[] {
  const lines: Array<LineView & { first: number; count: number }> = [];
  let statement = 0;
  let gap = false;
  for (const raw of expectation.text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      gap = lines.length > 0;
      continue;
    }
    const count = splitSentences(line).length;
    lines.push({ gapBefore: gap, fragments: fragmentsOf(line, newKeys), examples: [], first: statement, count });
    gap = false;
    statement += count;
  }
  // Examples hang under the line holding their statement. finalize always points them at a
  // line's first statement, so they read back to the same index; a hand-made model that points
  // inside a line loses only that precision, never the examples.
  if (expectation.applicable !== false) {
    for (const group of expectation.examples ?? []) {
      const line = lines.find((l) => group.statement >= l.first && group.statement < l.first + l.count) ?? lines[lines.length - 1];
      line?.examples.push(...group.examples);
    }
  }
  return lines.map(({ gapBefore, fragments, examples }) => ({ gapBefore, fragments, examples }));
}

function levelSection(track: Track, level: Level, labels: ReadonlyMap<Competency, string>): LevelSectionView {
  const diff = levelDiff(track, level.id);
  const section: LevelSectionView = {
    label: levelLabel(level),
    title: level.title,
    code: level.code ?? '',
    ordinal: level.ordinal,
    previous: diff.previous ? levelLabel(diff.previous) : '',
    counts: { ...diff.counts },
    reworded: diff.competencies.flatMap((c) =>
      c.reworded.map((r) => ({
        label: labels.get(c.competency) ?? c.competency.name,
        parts: r.parts.map((p) => ({ words: p.text, isAdded: p.change === 'added', isRemoved: p.change === 'removed' })),
      })),
    ),
    competencies: [],
  };
  // A reworded statement is new wording at this level: marked like a new one in the statements.
  const added = new Map(diff.competencies.map((c) => [c.competency, new Set([...c.added, ...c.reworded.map((r) => r.after)].map(statementKey))]));
  for (const group of trackMatrix(track).groups) {
    for (const row of group.rows) {
      const expectation = row.competency.expectations.find((e) => e.level === level.id);
      if (!expectation) continue;
      // The most junior level has nothing to compare with: nothing is marked new there.
      const newKeys = diff.previous ? (added.get(row.competency) ?? new Set<string>()) : new Set<string>();
      section.competencies.push({
        label: labels.get(row.competency) ?? row.competency.name,
        notApplicable: expectation.applicable === false,
        lines: expectationLines(expectation, newKeys),
      });
    }
  }
  return section;
}

function trackView(ladder: Ladder, track: Track): TrackView {
  const labelList = competencyLabels(track.competencies);
  const labels = new Map(track.competencies.map((c, i) => [c, labelList[i]!]));
  const levels = track.levels.map((level) => ({
    ordinal: level.ordinal,
    code: level.code ?? '',
    title: level.title,
    label: levelLabel(level),
    summary: level.summary ?? '',
    metadata: Object.entries(level.metadata ?? {}).map(([key, value]) => ({ key, value })),
    equivalents: resolveEquivalents(ladder, level).map((eq) => ({
      track: eq.track.name,
      level: equivalentLevelText(eq.track, eq.level),
    })),
  }));
  const matrix = trackMatrix(track);
  const hasCategories = track.competencies.some((c) => c.category !== undefined);
  return {
    name: track.name,
    description: track.description ?? '',
    notes: [...(track.notes ?? [])],
    baseline: (track.baseline ?? []).map((b) => ({ competency: b.competency, statements: [...b.statements] })),
    levels,
    levelColumns: {
      code: levels.some((l) => l.code !== ''),
      summary: levels.some((l) => l.summary !== ''),
      metadata: levels.some((l) => l.metadata.length > 0),
      equivalents: levels.some((l) => l.equivalents.length > 0),
    },
    competencies: track.competencies.map((c, i) => ({
      name: c.name,
      label: labelList[i]!,
      category: c.category ?? '',
      area: c.area ?? '',
      description: c.description ?? '',
    })),
    competencyColumns: {
      category: hasCategories,
      area: track.competencies.some((c) => c.area !== undefined),
      description: track.competencies.some((c) => c.description !== undefined),
    },
    matrix: {
      levels: track.levels.map(levelLabel),
      groups: matrix.groups.map((group) => ({
        heading: group.category ?? (hasCategories ? 'Without a category' : ''),
        rows: group.rows.map((row) => ({
          label: labels.get(row.competency) ?? row.competency.name,
          cells: row.cells.map((cell): MatrixCellView => {
            const e = cell.expectation;
            if (!e) return { empty: true, notApplicable: false, text: '', statements: [] };
            return { empty: false, notApplicable: e.applicable === false, text: e.text, statements: [...e.statements] };
          }),
        })),
      })),
    },
    levelSections: track.levels.map((level) => levelSection(track, level, labels)),
  };
}

export function ladderView(ladder: Ladder): LadderView {
  return {
    marker: CANONICAL_MARKER_LINE,
    title: ladder.title,
    description: ladder.description ?? '',
    tracks: ladder.tracks.map((t) => trackView(ladder, t)),
  };
}

/** Blank-line runs and trailing spaces that template tags leave behind; one final newline. */
function tidy(markdown: string): string {
  return `${markdown
    .split('\n')
    // An empty table cell is "| |" (markdownlint's compact table style), not "|  |". A pipe from a
    // source is always escaped, so an unescaped "|  |" can only be an empty cell.
    .map((l) => l.replace(/[ \t]+$/, '').replace(/(?<!\\)\|  (?=\|)/g, '| '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const helpers = {
  paragraphs: (text: unknown) => markdownParagraphs(String(text ?? '')),
  listItem: (text: unknown) => markdownParagraphs(String(text ?? ''), '  '),
  md: (text: unknown) => String(text ?? ''),
};

export function writeMarkdown(ladder: Ladder, context: WriterContext): WriterResult {
  const engine = createTemplateEngine(context.templates, { escape: escapeMarkdown, helpers });
  const files: OutputFile[] = [{ path: `md/${ladder.id}.md`, format: 'md', kind: 'document', ladder: ladder.id, contents: tidy(engine.render('ladder.hbs', ladderView(ladder))) }];
  const diagnostics: Diagnostic[] = [];
  return { files, diagnostics };
}

/** md/crosswalk.md: the build's crosswalk as one table, rungs by tracks. */
export function writeCrosswalkMarkdown(_ladders: readonly Ladder[], context: WriterContext): WriterResult {
  const engine = createTemplateEngine(context.templates, { escape: escapeMarkdown, helpers });
  const table = crosswalkTable(context.crosswalk);
  const data = {
    title: context.labels.markdown.crosswalk,
    intro: context.labels.markdown.crosswalkIntro,
    rungHeading: context.labels.markdown.rung,
    columns: table.columns.map((c) => ({ heading: c.heading })),
    rows: table.rows.map((r) => ({ rung: r.rung, cells: r.cells.map((c) => ({ levels: c.levels.map((l) => ({ label: l.label, basis: l.basis })) })) })),
    legend: BASIS_LEGEND.map((b) => ({ basis: b.basis, meaning: context.labels.basis[b.basis] })),
  };
  return { files: [{ path: 'md/crosswalk.md', format: 'md', kind: 'crosswalk', contents: tidy(engine.render('crosswalk.hbs', data)) }], diagnostics: [] };
}

export const markdownWriter: WriterEntry<Record<string, never>, 'md'> = {
  ...markdownInfo,
  ladder: writeMarkdown,
  shared: writeCrosswalkMarkdown,
};
