// Roles from structure: which sections of an outline are levels, competencies, groups of
// competencies, wrappers and chrome. The rules look at shapes, never at one document's words:
// - chrome: a section with only links, images or separators in it;
// - wrapper: a section with no text of its own over sub-sections, when it is its parent's only
//   sub-section or its title says it holds the level's skills ("Skills needed for this level",
//   "Required competencies"): its children stand in its place;
// - levels: an ordered run of siblings among which two or more read as levels by the lexicon; the
//   siblings between them whose bodies have the same shape are levels too ("Engineer" between
//   "Graduate Engineer" and "Senior Engineer");
// - competency first: two or more sibling sections that each hold such a run are competencies,
//   their runs the levels;
// - one level: no run, and a document titled by a role or a level code ("IC3 Software Engineer")
//   whose sections hold text: the page describes that one level.

import { hasLevelCode, looksLikeLevel, namesARole } from '../markdown/level-words.js';
import { isText, type Outline } from './outline.js';

const TRACK_WORD = /\b(?:tracks?|ladders?|paths?|famil(?:y|ies)|disciplines?|streams?|levels)\b/i;

export type Role = 'level' | 'competency' | 'group' | 'statement' | 'wrapper' | 'chrome';

// A title that says it wraps the level's skills: a qualifier is needed ("Skills needed for this
// level", "Required competencies", "What we expect"); a bare "Skills" or "Responsibilities" may be a
// group of its own, and only wraps when it is its parent's only sub-section (isWrapper).
const WRAPPED = String.raw`(?:skills?|competenc(?:y|ies)|expectations?|behaviou?rs?|responsibilities|capabilities)`;
export const WRAPPER_TITLE = new RegExp(
  String.raw`^(?:(?:the\s+)?${WRAPPED}(?:\s+(?:needed|required|expected))?\s+(?:for|at|in)\s+this\s+(?:level|role)|(?:the\s+)?${WRAPPED}\s+(?:needed|required|expected)|(?:required|core|key|expected)\s+${WRAPPED}|what\s+(?:we|you)\s+(?:expect|need))$`,
  'i',
);

export const hasText = (s: Outline): boolean => s.blocks.some(isText);

export function isChrome(s: Outline): boolean {
  return s.children.length === 0 && s.blocks.length > 0 && !hasText(s);
}

export function isWrapper(s: Outline): boolean {
  if (s.children.length === 0 || hasText(s)) return false;
  const siblings = s.parent?.children.filter((c) => !isChrome(c)) ?? [];
  // The document's one top heading is its title, not a wrapper.
  const only = siblings.length === 1 && siblings[0] === s && s.parent?.kind !== 'document';
  return WRAPPER_TITLE.test(s.title.replace(/[:\s]+$/, '')) || only;
}

/** A section's children with wrappers replaced by their own children, chrome left out. */
export function effectiveChildren(s: Outline): Outline[] {
  return s.children.flatMap((c) => (isChrome(c) ? [] : isWrapper(c) ? effectiveChildren(c) : [c]));
}

/** The shape of a body: what kinds of text it has, and whether it has sub-sections. */
function shape(s: Outline): string {
  const kinds = new Set(s.blocks.filter(isText).map((b) => (b.kind === 'quote' ? 'paragraph' : b.kind)));
  return `${effectiveChildren(s).length ? 'S' : ''}${[...kinds].sort().join('+')}`;
}

export interface LevelRun {
  parent: Outline;
  levels: Outline[];
}

/** An ordered run of level siblings under `parent`, if two or more of its sections read as levels. */
export function levelRun(parent: Outline): LevelRun | undefined {
  const kids = effectiveChildren(parent);
  const marked = kids.map((k) => looksLikeLevel(k.title));
  const first = marked.indexOf(true);
  const last = marked.lastIndexOf(true);
  if (first === -1 || first === last) return undefined;
  const shapes = new Set(kids.filter((_, i) => marked[i]).map(shape));
  const levels = kids.slice(first, last + 1).filter((k, i) => marked[first + i] || shapes.has(shape(k)));
  return levels.length >= 2 ? { parent, levels } : undefined;
}

function walk(s: Outline, visit: (s: Outline) => void): void {
  visit(s);
  for (const c of effectiveChildren(s)) walk(c, visit);
}

export type Reading =
  | { shape: 'levels'; runs: LevelRun[] }
  | { shape: 'competency-first'; runs: LevelRun[] }
  | { shape: 'one-level'; home: Outline; title: string };

/**
 * How the outline is laid out. Runs whose parents are siblings that are not levels themselves are
 * competencies over levels; otherwise each run is a track's levels (the outermost runs only: a
 * run inside a level is that level's content).
 */
export function readingOf(doc: Outline, title: string | undefined): Reading | undefined {
  const runs: LevelRun[] = [];
  walk(doc, (s) => {
    const run = levelRun(s);
    if (run && !runs.some((r) => r.levels.some((l) => within(s, l)))) runs.push(run);
  });
  if (runs.length >= 2) {
    const parents = runs.map((r) => r.parent);
    const grand = parents[0]!.parent;
    // "Engineering track", "Management path": sections named as tracks hold levels, not competencies.
    if (parents.every((p) => p.parent === grand && !looksLikeLevel(p.title) && !TRACK_WORD.test(p.title))) return { shape: 'competency-first', runs: withSingles(runs, grand) };
  }
  if (runs.length === 1 && !looksLikeLevel(runs[0]!.parent.title) && runs[0]!.parent !== doc) {
    // One competency holding levels, beside sections that hold none: still competency first when
    // its levels are pseudo-headings (labels under a competency's heading).
    const run = runs[0]!;
    if (run.levels.every((l) => l.kind !== 'heading') && run.parent.parent && effectiveChildren(run.parent.parent).length > 1) return { shape: 'competency-first', runs: withSingles(runs, run.parent.parent) };
  }
  if (runs.length) return { shape: 'levels', runs };
  // One level: the document's title, or its one top section's, names a role or carries a code.
  const top = effectiveChildren(doc);
  const home = top.length === 1 && (hasLevelCode(top[0]!.title) || namesARole(top[0]!.title)) ? top[0]! : doc;
  const name = home === doc ? title : home.title;
  if (!name || !(hasLevelCode(name) || namesARole(name))) return undefined;
  if (!effectiveChildren(home).some((c) => hasText(c) || effectiveChildren(c).some(hasText))) return undefined;
  return { shape: 'one-level', home, title: name };
}

/**
 * Competency first: a sibling competency with one level label only ("## Care" over "**LVL 1 …**")
 * is a competency too, its one label a level; runs in document order.
 */
function withSingles(runs: readonly LevelRun[], grand: Outline | undefined): LevelRun[] {
  if (!grand) return [...runs];
  return effectiveChildren(grand).flatMap((p) => {
    const run = runs.find((r) => r.parent === p);
    if (run) return [run];
    const levels = effectiveChildren(p).filter((c) => looksLikeLevel(c.title));
    return levels.length === 1 && !looksLikeLevel(p.title) ? [{ parent: p, levels }] : [];
  });
}

function within(s: Outline, ancestor: Outline): boolean {
  for (let p: Outline | undefined = s; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Sub-headings that are one-off sentences ("I ship small changes safely"): none recurs under another level. */
export function childrenAreStatements(levels: readonly Outline[]): boolean {
  const titles = levels.flatMap((l) => effectiveChildren(l).map((c) => ownTitle(l, c).toLowerCase()));
  if (titles.length === 0 || new Set(titles).size !== titles.length) return false;
  const sentences = titles.filter((t) => t.split(/\s+/).length >= 4 || /[.!?]$/.test(t) || /^(?:i|we)\b/.test(t));
  return sentences.length * 2 > titles.length;
}

/** "Senior Backend Engineer Responsibilities" under "Senior Backend Engineer": "Responsibilities". */
export function ownTitle(level: Outline, kid: Outline): string {
  const prefix = level.title.toLowerCase();
  const t = kid.title;
  return t.toLowerCase().startsWith(`${prefix} `) ? t.slice(prefix.length).trim() : t;
}
