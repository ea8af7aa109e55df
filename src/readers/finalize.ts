// Turns a reader's draft into model tracks: level titles and codes, ids, merged duplicate rows,
// statements, applicability, and equivalents resolved across tracks.

import type { Diagnostics } from '../diagnostics.js';
import type { Competency, Equivalent, Expectation, ExampleGroup, Level, Track } from '../model.js';
import { parseLevelLabel } from '../text/level-label.js';
import { levelLabel } from '../text/labels.js';
import { cleanInline, cleanText, isNotApplicable } from '../text/plain.js';
import { IdAllocator, slugify } from '../text/slug.js';
import { splitSentences, splitStatements } from '../text/statements.js';
import type { DraftCell, DraftCompetency, DraftLadder, DraftLevel, DraftTrack } from './draft.js';
import { codeNumber, IMPLICIT_COMPETENCY, romanSuffix, seniorityRank } from './lexicon.js';

export interface FinalizedLadder {
  title?: string;
  description?: string;
  tracks: Track[];
}

/** `ladderId` is the id the ladder will have: the equivalents a source states name it. */
export function finalizeLadder(draft: DraftLadder, diagnostics: Diagnostics, ladderId: string): FinalizedLadder {
  const trackIds = new IdAllocator();
  const built: Array<{ track: Track; levelDrafts: DraftLevel[] }> = [];
  for (const draftTrack of draft.tracks) {
    if (draftTrack.levels.length === 0) {
      diagnostics.warn('empty-track', `"${draftTrack.name}" has no levels; no track is made for it`, draftTrack.position);
      continue;
    }
    const { id, collided } = trackIds.allocate(slugify(draftTrack.name, 'track'));
    if (collided) {
      diagnostics.warn('duplicate-id', `two tracks are named "${draftTrack.name}"; the second gets the id "${id}"`, draftTrack.position);
    }
    built.push(finalizeTrack(id, draftTrack, diagnostics));
  }
  resolveEquivalents(built, ladderId, diagnostics);

  const result: FinalizedLadder = { tracks: built.map((b) => b.track) };
  const title = draft.title ? cleanInline(draft.title) : '';
  if (title) result.title = title;
  const description = draft.description ? cleanText(draft.description) : '';
  if (description) result.description = description;
  return result;
}

/** The track, and beside it the draft of each of its levels (same order). */
function finalizeTrack(
  id: string,
  draft: DraftTrack,
  diagnostics: Diagnostics,
): { track: Track; levelDrafts: DraftLevel[] } {
  const track: Track = { id, name: cleanInline(draft.name) || 'Levels', levels: [], competencies: [] };
  const description = draft.description ? cleanText(draft.description) : '';
  if (description) track.description = description;
  const notes = (draft.notes ?? []).map(cleanText).filter(Boolean);
  if (notes.length) track.notes = notes;
  const baseline = (draft.baseline ?? [])
    .map((b) => ({ competency: cleanInline(b.competency), statements: b.statements.map(cleanInline).filter(Boolean) }))
    .filter((b) => b.statements.length > 0);
  if (baseline.length) track.baseline = baseline;

  const order = levelOrder(draft.levels, diagnostics);
  const levelIds = new IdAllocator();
  const levelIdByIndex = new Map<number, string>();
  order.forEach((index, i) => {
    const level = finalizeLevel(draft.levels[index]!, i + 1, levelIds, diagnostics);
    levelIdByIndex.set(index, level.id);
    track.levels.push(level);
  });

  const merged = mergeDuplicateRows(draft.competencies, diagnostics);
  const ids = competencyIds(merged, diagnostics);
  merged.forEach((row, i) => {
    const competency: Competency = { id: ids[i]!, name: row.name, expectations: [] };
    if (row.category) competency.category = row.category;
    if (row.area) competency.area = row.area;
    if (row.description) competency.description = row.description;
    competency.expectations = finalizeCells(row.cells, levelIdByIndex, order);
    if (row.position) competency.position = row.position;
    track.competencies.push(competency);
  });
  return { track, levelDrafts: order.map((i) => draft.levels[i]!) };
}

/**
 * Source order, unless the levels plainly run senior → junior: every level has a number (a code
 * such as `L5`, or a trailing Roman numeral as in `Engineer III`) and the numbers fall, or every
 * of three or more titles ranks by its seniority words (`Principal`, `Staff`, `Senior`, `Junior` …;
 * none means the base rank) and the ranks fall. "Lead" is left out: a team lead may be junior to a
 * manager. Anything less certain keeps the order the source gives.
 */
function levelOrder(levels: readonly DraftLevel[], diagnostics: Diagnostics): number[] {
  const order = levels.map((_, i) => i);
  const falls = (ranks: ReadonlyArray<number | undefined>): boolean =>
    ranks.every((n) => n !== undefined) && ranks.every((n, i) => i === 0 || n! < ranks[i - 1]!);
  const labels = levels.map((l) => {
    const parsed = parseLevelLabel(l.label);
    return { code: l.code ?? parsed.code, title: l.title ?? parsed.title ?? l.label };
  });
  const numbers = labels.map(({ code, title }) => {
    return (code ? codeNumber(code) : undefined) ?? romanSuffix(title);
  });
  const ranks = labels.map(({ title }) => seniorityRank(title));
  if (levels.length > 1 && (falls(numbers) || (levels.length > 2 && falls(ranks)))) {
    diagnostics.info('levels-reversed', 'levels are listed senior first; they are ordered junior → senior', levels[0]?.position);
    order.reverse();
  }
  return order;
}

function finalizeLevel(draft: DraftLevel, ordinal: number, ids: IdAllocator, diagnostics: Diagnostics): Level {
  const parsed = draft.title !== undefined ? { title: draft.title, code: draft.code } : parseLevelLabel(draft.label);
  const code = parsed.code !== undefined ? cleanInline(parsed.code) : undefined;
  let title = cleanInline(parsed.title ?? draft.label) || cleanInline(draft.label) || code || '';
  if (!title) {
    // An empty heading or header cell where a level stands: named by its place, never dropped.
    title = `Level ${ordinal}`;
    diagnostics.warn('level-without-label', `a level has no name; it is called "${title}"`, draft.position, 'give every level a name');
  }
  const { id, collided } = ids.allocate(slugify(code || title, 'level'));
  if (collided) diagnostics.warn('duplicate-id', `two levels share the id of "${draft.label}"; this one gets "${id}"`, draft.position);
  const level: Level = { id, ordinal, title };
  if (code) level.code = code;
  const summary = draft.summary ? cleanText(draft.summary) : '';
  if (summary) level.summary = summary;
  if (draft.metadata && Object.keys(draft.metadata).length) {
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft.metadata)) {
      // Keys are lowercase ("Experience" → "experience") so tools can look them up by name.
      const key = cleanInline(k).toLowerCase();
      const value = cleanInline(v);
      if (key && value) metadata[key] = value;
    }
    if (Object.keys(metadata).length) level.metadata = metadata;
  }
  if (draft.position) level.position = draft.position;
  return level;
}

function competencyKey(c: DraftCompetency): string {
  return `${c.category ?? ''}\0${c.area ?? ''}\0${c.name}`;
}

/** Rows with the same name under the same category and area become one competency. */
function mergeDuplicateRows(rows: readonly DraftCompetency[], diagnostics: Diagnostics): DraftCompetency[] {
  const byKey = new Map<string, DraftCompetency>();
  const out: DraftCompetency[] = [];
  for (const raw of rows) {
    const row: DraftCompetency = { ...raw, name: cleanInline(raw.name) || IMPLICIT_COMPETENCY, cells: [...raw.cells] };
    if (raw.category !== undefined) {
      const category = cleanInline(raw.category);
      if (category) row.category = category;
      else delete row.category;
    }
    if (raw.area !== undefined) {
      const area = cleanInline(raw.area);
      if (area) row.area = area;
      else delete row.area;
    }
    if (raw.description !== undefined) {
      const description = cleanText(raw.description);
      if (description) row.description = description;
      else delete row.description;
    }
    const key = competencyKey(row);
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, row);
      out.push(row);
      continue;
    }
    const where = row.category ? ` under "${row.category}"` : '';
    diagnostics.info(
      'merged-rows',
      `"${row.name}"${where} appears again; its cells are merged into the first "${row.name}"`,
      row.position,
    );
    first.cells.push(...row.cells);
  }
  return out;
}

function competencyIds(rows: readonly DraftCompetency[], diagnostics: Diagnostics): string[] {
  const categoriesByName = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = categoriesByName.get(row.name) ?? new Set<string>();
    set.add(row.category ?? '');
    categoriesByName.set(row.name, set);
  }
  const ids = new IdAllocator();
  return rows.map((row) => {
    const base = slugify(row.name, 'competency');
    const shared = (categoriesByName.get(row.name)?.size ?? 0) > 1 && row.category;
    const { id, collided } = ids.allocate(shared ? `${slugify(row.category!)}-${base}` : base);
    if (collided) {
      diagnostics.warn('duplicate-id', `another competency already has the id of "${row.name}"; this one gets "${id}"`, row.position);
    }
    return id;
  });
}

function finalizeCells(cells: readonly DraftCell[], levelIds: Map<number, string>, order: readonly number[]): Expectation[] {
  const byLevel = new Map<number, DraftCell[]>();
  for (const cell of cells) {
    if (!levelIds.has(cell.level) || cleanText(cell.text) === '') continue;
    const list = byLevel.get(cell.level) ?? [];
    list.push(cell);
    byLevel.set(cell.level, list);
  }
  const out: Expectation[] = [];
  for (const index of order) {
    const list = byLevel.get(index);
    if (!list) continue;
    out.push(makeExpectation(levelIds.get(index)!, list));
  }
  return out;
}

function makeExpectation(level: string, cells: readonly DraftCell[]): Expectation {
  const texts = cells.map((c) => cleanText(c.text));
  const text = texts.join('\n\n');
  const expectation: Expectation = { level, text, statements: [] };
  const applicable = !texts.every(isNotApplicable);
  if (applicable) expectation.statements = splitStatements(text);
  else expectation.applicable = false;

  // Examples name a line of their cell's text; point them at that line's first statement.
  const examples: ExampleGroup[] = [];
  let before = 0;
  cells.forEach((cell, i) => {
    const lines = texts[i]!.split('\n').filter((l) => l.trim() !== '');
    const firstStatementOfLine: number[] = [];
    let count = before;
    for (const line of lines) {
      firstStatementOfLine.push(count);
      count += splitSentences(line.trim()).length;
    }
    for (const group of cell.examples ?? []) {
      const statement = firstStatementOfLine[group.line];
      const items = group.examples.map(cleanInline).filter(Boolean);
      if (statement !== undefined && items.length && applicable) examples.push({ statement, examples: items });
    }
    before = count;
  });
  if (examples.length) expectation.examples = examples;
  const position = cells[0]?.position;
  if (position) expectation.position = position;
  return expectation;
}

const STOP_WORDS = new Set(['of', 'the', 'and', 'a', 'an', '/', '&']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w));
}

function resolveEquivalents(
  built: ReadonlyArray<{ track: Track; levelDrafts: DraftLevel[] }>,
  ladderId: string,
  diagnostics: Diagnostics,
): void {
  for (const { track, levelDrafts } of built) {
    track.levels.forEach((level, i) => {
      const equivalents: Equivalent[] = [];
      for (const eq of levelDrafts[i]?.equivalents ?? []) {
        const text = cleanInline(eq.text).replace(/^[*_]+|[*_]+$/g, '');
        if (!text || isNotApplicable(text)) continue;
        const tracks = built.map((b) => b.track);
        // An exact reference (the canonical Markdown's) first; hand-edited ones may still match by words.
        const match = (eq.target && exactLevel(eq.target, track, tracks)) || matchLevel(text, track, tracks, eq.trackHint);
        if (match) equivalents.push({ ladder: ladderId, ...match });
        else {
          diagnostics.warn(
            'unresolved-equivalent',
            `no level of another track matches the equivalent "${text}" of "${level.title}"`,
            eq.position ?? level.position,
            'name the equivalent level by its title as written in the other track',
          );
        }
      }
      if (equivalents.length) level.equivalents = equivalents;
    });
  }
}

/** A level of the same ladder, before it is stamped with the ladder's id. */
type TrackLevel = Omit<Equivalent, 'ladder'>;

/** An exact reference: the track by name, the level by a title only it has, its label, or its code. */
function exactLevel(target: { track: string; level: string }, own: Track, tracks: readonly Track[]): TrackLevel | undefined {
  const name = target.track.toLowerCase();
  const track = tracks.find((t) => t !== own && t.name.toLowerCase() === name);
  if (!track) return undefined;
  const byTitle = track.levels.filter((l) => l.title === target.level);
  const level =
    (byTitle.length === 1 ? byTitle[0] : undefined) ??
    track.levels.find((l) => levelLabel(l) === target.level) ??
    byTitle[0] ??
    track.levels.find((l) => l.code === target.level);
  return level ? { track: track.id, level: level.id } : undefined;
}

/** Exact title or code first; else the level whose title holds every word, with the fewest extra words. */
function matchLevel(text: string, own: Track, tracks: readonly Track[], trackHint?: string): TrackLevel | undefined {
  const others = tracks.filter((t) => t !== own);
  const hinted = trackHint ? others.filter((t) => words(t.name).some((w) => words(trackHint).some((h) => w.startsWith(h.slice(0, 5))))) : [];
  const pool = hinted.length ? hinted : others;
  const lower = text.toLowerCase();
  for (const t of pool) {
    for (const l of t.levels) {
      if (l.title.toLowerCase() === lower || l.code?.toLowerCase() === lower) return { track: t.id, level: l.id };
    }
  }
  const wanted = words(text);
  if (!wanted.length) return undefined;
  let best: { eq: TrackLevel; extra: number } | undefined;
  for (const t of pool) {
    for (const l of t.levels) {
      const have = words(l.title);
      if (!wanted.every((w) => have.includes(w))) continue;
      const extra = have.length - wanted.length;
      if (!best || extra < best.extra) best = { eq: { track: t.id, level: l.id }, extra };
    }
  }
  return best?.eq;
}
