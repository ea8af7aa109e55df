// Fragments → tracks. Fragments with the same set of levels form one track (a level that appears as
// a table column and as a heading is one level); the track is named by the nearest heading that
// holds all of its fragments, and the headings below that one become categories.

import type { BaselineItem, Position } from '../../model.js';
import { parseLevelLabel } from '../../text/level-label.js';
import type { DraftCompetency, DraftLevel, DraftTrack } from '../draft.js';
import type { Fragment, ReadContext } from './context.js';
import { isTextBlock, noteOf } from './level-body.js';
import { levelKey, sharedCodePrefix, sharedTitleWords } from './level-words.js';
import { blockLines } from './mdast.js';
import { IMPLICIT_COMPETENCY } from './prose.js';
import { commonAncestor, type Section } from './sections.js';
import { INTRODUCING_HEADING } from '../table-axes.js';

export interface Baseline {
  section: Section;
  items: BaselineItem[];
}

export interface TrackContext {
  ctx: ReadContext;
  /** The section whose heading titles the document (its content is the ladder's, not a track's). */
  titleSection: Section | undefined;
  documentTitle: string | undefined;
  /** What the file name says, for a ladder whose content names nothing. */
  fileTitle: string | undefined;
}

interface Group {
  keys: string[];
  fragments: Fragment[];
  /** The role-family heading the fragments sit under, if any: same levels under two are two tracks. */
  family?: Section | undefined;
  /** The name the fragments carry themselves, if any. */
  caption?: string | undefined;
}

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Which levels of different fragments are one level: the same code ("Level 0" column and
 * "### Level 0"), or an uncoded label equal to the title of a coded level ("Junior Engineer" column
 * and "## L1 - Junior Engineer") when no other coded level in the document has that title.
 */
function levelIdentity(fragments: readonly Fragment[]): (level: DraftLevel) => string {
  const parts = (l: DraftLevel): { code: string | undefined; title: string } => {
    const label = parseLevelLabel(l.label);
    return { code: l.code ?? label.code, title: l.title ?? label.title };
  };
  const codedTitles = new Map<string, number>();
  for (const l of fragments.flatMap((f) => f.levels)) {
    const { code, title } = parts(l);
    if (code !== undefined && normalise(title) !== normalise(code)) codedTitles.set(normalise(title), (codedTitles.get(normalise(title)) ?? 0) + 1);
  }
  const keysOf = (l: DraftLevel): string[] => {
    const { code, title } = parts(l);
    if (code === undefined) return [`title:${normalise(title)}`];
    return codedTitles.get(normalise(title)) === 1 ? [`code:${levelKey(code)}`, `title:${normalise(title)}`] : [`code:${levelKey(code)}`];
  };
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const l of fragments.flatMap((f) => f.levels)) {
    const [first, ...rest] = keysOf(l);
    if (!parent.has(first!)) parent.set(first!, first!);
    for (const key of rest) {
      if (!parent.has(key)) parent.set(key, key);
      parent.set(find(key), find(first!));
    }
  }
  return (level) => find(keysOf(level)[0]!);
}

/**
 * A heading that names a role family: "Individual Contributor", "Management", "Engineering
 * Managers", "Staff+ Track". Companies often give both ladders the same band codes (L4 … L6), so
 * same levels under two such headings are two tracks, not categories of one.
 */
const ROLE_FAMILY_HEADING =
  /^(?:the\s+)?(?:[\w+-]+\s+){0,2}(?:individual\s+contributors?|ics?|managers?|management|people\s+(?:managers?|leaders?|leadership))(?:\s+(?:tracks?|paths?|ladders?|levels?))?$|\s(?:track|path|ladder)s?$/i;

/** The nearest enclosing section, other than the document title's, that names a role family. */
function roleFamilySection(section: Section, titleSection: Section | undefined): Section | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (s !== titleSection && s.heading && ROLE_FAMILY_HEADING.test(s.title.trim())) return s;
  }
  return undefined;
}

export function assembleTracks(fragments: readonly Fragment[], baselines: readonly Baseline[], tc: TrackContext): DraftTrack[] {
  const identity = levelIdentity(fragments);
  const groups: Group[] = [];
  for (const fragment of [...fragments].sort((a, b) => a.offset - b.offset)) {
    const keys = fragment.levels.map(identity);
    const set = [...new Set(keys)].sort().join('\0');
    const family = roleFamilySection(fragment.section, tc.titleSection);
    const group = groups.find((g) => [...new Set(g.keys)].sort().join('\0') === set && g.family === family && g.caption === fragment.caption);
    if (group) group.fragments.push(fragment);
    else groups.push({ keys, fragments: [fragment], family, caption: fragment.caption });
  }
  // A levels overview (a row per level, short facts) that matches none of the levels described
  // elsewhere would be a second, empty copy of them: report it instead of making a track.
  const described = groups.filter((g) => !g.fragments.every((f) => f.overview));
  const kept = described.length > 0 ? described : groups;
  for (const g of groups) {
    if (kept.includes(g)) continue;
    for (const f of g.fragments) {
      tc.ctx.input.diagnostics.info('unmatched-overview', `skipped a levels overview table: its levels (${f.levels.map((l) => l.label).join(', ')}) match none of the levels described in the document`, f.position);
    }
  }
  const tracks = kept.map((g) => ({ group: g, track: buildTrack(g, kept.length, tc, identity) }));
  for (const baseline of baselines) {
    // The track whose levels are the baseline's siblings; else the next one; else the last.
    const target =
      tracks.find((t) => t.group.fragments.some((f) => f.section === baseline.section.parent)) ??
      tracks.find((t) => t.group.fragments.some((f) => f.offset > baseline.section.offset)) ??
      tracks[tracks.length - 1];
    if (!target) continue;
    target.track.baseline = [...(target.track.baseline ?? []), ...baseline.items];
  }
  return tracks.map((t) => t.track);
}

/** An overview table beside fuller descriptions: its remaining columns become facts about its levels. */
function overviewAsFacts(fragment: Fragment): Fragment {
  const levels = fragment.levels.map((l) => ({ ...l, metadata: { ...(l.metadata ?? {}) } }));
  for (const column of fragment.competencies) {
    for (const cell of column.cells) {
      const level = levels[cell.level];
      if (level) level.metadata[column.name] = cell.text;
    }
  }
  return { ...fragment, levels: levels.map(({ metadata, ...l }) => (Object.keys(metadata).length ? { ...l, metadata } : l)), competencies: [] };
}

function buildTrack(group: Group, trackCount: number, tc: TrackContext, identity: (level: DraftLevel) => string): DraftTrack {
  if (group.fragments.length > 1) group = { ...group, fragments: group.fragments.map((f) => (f.overview ? overviewAsFacts(f) : f)) };
  const home = commonAncestor(group.fragments.map((f) => f.section))!;
  const isLadderSection = home === tc.titleSection || home.heading === undefined;
  const levels: DraftLevel[] = [];
  const indexByKey = new Map<string, number>();
  const competencies: DraftCompetency[] = [];
  const notes: string[] = [];
  for (const fragment of group.fragments) {
    const map = fragment.levels.map((level) => {
      const key = identity(level);
      const known = indexByKey.get(key);
      if (known !== undefined) {
        mergeLevel(levels[known]!, level);
        return known;
      }
      indexByKey.set(key, levels.length);
      levels.push({ ...level });
      return levels.length - 1;
    });
    // Below the track's heading, a fragment's own heading is the category of its rows — or, when
    // its levels say things without naming a competency, the competency itself
    // ("## Communication" over "### Junior", "### Senior").
    const below = fragment.section !== home ? fragment.section.title : undefined;
    const unnamed = fragment.competencies.length === 1 && fragment.competencies[0]!.name === IMPLICIT_COMPETENCY;
    for (const c of fragment.competencies) {
      const competency: DraftCompetency = { ...c, cells: c.cells.map((cell) => ({ ...cell, level: map[cell.level] ?? cell.level })) };
      if (below && unnamed) competency.name = below;
      else if (below && !competency.category) competency.category = below;
      competencies.push(competency);
    }
    notes.push(...fragment.notes);
  }

  const track: DraftTrack = { name: group.caption ?? trackName(home, isLadderSection, levels, trackCount, tc), levels, competencies };
  const position: Position | undefined = home.position ?? group.fragments[0]!.position;
  if (position) track.position = position;
  if (!isLadderSection) {
    const description = trackDescription(home, tc.ctx, notes);
    if (description) track.description = description;
  }
  if (notes.length) track.notes = notes;
  return track;
}

function mergeLevel(into: DraftLevel, from: DraftLevel): void {
  // The same level written with and without its code ("Junior Engineer", "L1 - Junior Engineer"):
  // keep the code.
  const had = into.code ?? parseLevelLabel(into.label).code;
  const fromCode = from.code ?? parseLevelLabel(from.label).code;
  if (had === undefined && fromCode !== undefined) {
    into.title = into.title ?? parseLevelLabel(into.label).title;
    into.code = fromCode;
  } else if (into.title === undefined && from.title !== undefined) {
    into.title = from.title;
    if (from.code !== undefined) into.code = from.code;
  }
  if (!into.summary && from.summary) into.summary = from.summary;
  if (from.metadata) into.metadata = { ...(into.metadata ?? {}), ...from.metadata };
  if (from.equivalents) into.equivalents = [...(into.equivalents ?? []), ...from.equivalents];
  if (!into.position && from.position) into.position = from.position;
}

// Headings that say what a section is, not whose levels it holds.
const GENERIC_HEADING = /^(?:career|competenc(?:y|ies)|expectations|responsibilities|overview|details|matrix)$/i;
const TRAILING_WORDS = /(?:^|\s+)(?:levels?|ladders?|tracks?|career\s+(?:paths?|ladders?)|roles?|expectations|framework|matrix)$/i;

/**
 * The heading that holds the track, without a trailing "Levels" ("Management Levels" → "Management").
 * A heading that says only "Levels" or "Career ladder" names nothing, and is treated like the title.
 * When that heading titles the whole document (or there is none): the document title for a
 * one-track ladder; else what the levels share — a code prefix ("IC" for IC1…IC5) or title words
 * ("OSPO Engineer"); else the document title, else the file's name.
 */
function trackName(home: Section, isLadderSection: boolean, levels: readonly DraftLevel[], trackCount: number, tc: TrackContext): string {
  // A heading that only says "Levels" or "Career ladder" names no track: fall through.
  // "Individual Contributor Track (Levels 1-3)": the range says which levels, not whose.
  let stripped = home.title.replace(/^(?:the|our)\s+/i, '').replace(/\s*\((?:levels?|grades?|bands?)\b[^)]*\)$/i, '').trim();
  for (let before = ''; before !== stripped; ) {
    before = stripped;
    stripped = stripped.replace(TRAILING_WORDS, '').trim();
  }
  if (!isLadderSection && stripped && !GENERIC_HEADING.test(stripped) && !INTRODUCING_HEADING.test(home.title.trim())) return stripped;
  const labels = levels.map((l) => l.label);
  if (trackCount === 1 && tc.documentTitle) return tc.documentTitle;
  return (
    sharedCodePrefix(labels) ??
    sharedTitleWords(labels.map((l) => parseLevelLabel(l).title)) ??
    tc.documentTitle ??
    tc.fileTitle ??
    'Levels'
  );
}

/** The paragraphs directly under a track's heading, before its levels: the track's introduction. */
function trackDescription(home: Section, ctx: ReadContext, notes: string[]): string {
  const lines: string[] = [];
  for (const block of home.blocks) {
    if (ctx.used.has(block) || !isTextBlock(block)) continue;
    // "_Note: …_" or "> Note: …" under the track's heading: a note on the track, as under a level.
    const note = noteOf(block);
    if (note) {
      notes.push(note);
      ctx.used.add(block);
      continue;
    }
    if (block.type !== 'paragraph') continue;
    lines.push(...blockLines(block));
    ctx.used.add(block);
  }
  return lines.join('\n\n');
}
