// Prose ladders: which sibling headings are levels (heading per level), or competencies with level
// labels underneath (heading per competency), and the fragment each run of them yields.

import { splitStatements } from '../../text/statements.js';
import { parseLevelLabel } from '../../text/level-label.js';
import type { DraftCell, DraftCompetency, DraftLevel } from '../draft.js';
import type { Fragment, ReadContext } from './context.js';
import { entryNames, readLevelBody, withoutPrefix, type LevelBody } from './level-body.js';
import { hasLevelCode, levelKey, looksLikeLevel, splitEquivalent, splitExperience } from './level-words.js';
import type { Section } from './sections.js';
import type { Baseline } from './tracks.js';

/** The competency that unlabelled prose becomes: levels described in plain paragraphs name none. */
import { IMPLICIT_COMPETENCY, ROLE_WORD } from '../lexicon.js';

export { IMPLICIT_COMPETENCY };

const BASELINE = /^(?:for\s+)?(?:all|every|each)\s+(?:levels?|engineers?|roles?)\b|\bat\s+(?:all|every)\s+levels?\b/i;

/** `## All Levels`: expectations for every level of the track that follows. */
export function isBaselineHeading(title: string): boolean {
  return BASELINE.test(title.trim());
}

// Headings that introduce or explain a ladder ("Our competencies", "How to use this") rather than
// name a rung of it; with questions ("When do I get promoted?") they are never levels, even when
// they list the same labels as the levels do.
const ABOUT = /\b(?:competenc(?:y|ies)|dimensions?|pillars?|overview|introduction|intro|about|how\s+to|how\s+we|principles|values|definitions?|glossary|faq|summary|purpose|philosophy|background|references?|resources|changelog)\b/i;

function isAboutTheLadder(title: string): boolean {
  return /\?\s*$/.test(title) || ABOUT.test(title);
}

type Shape = { kind: 'named'; names: Set<string> } | { kind: 'by-level' } | { kind: 'prose' } | { kind: 'empty' };

/** Labels that are mostly levels ("- Junior: …"): the section is a competency, not a level. */
function labelsAreLevels(body: LevelBody): boolean {
  const labels = body.entries.map((e) => e.label);
  const isLevel = levelLabels([labels]);
  return labels.length > 0 && labels.some(looksLikeLevel) && labels.filter(isLevel).length * 2 > labels.length;
}

function shapeOf(body: LevelBody): Shape {
  if (labelsAreLevels(body)) return { kind: 'by-level' };
  if (body.entries.length > 0) return { kind: 'named', names: entryNames(body) };
  if (body.plain.length > 0 || body.italic.length > 0) return { kind: 'prose' };
  return { kind: 'empty' };
}

function sameStructure(a: Shape, b: Shape): boolean {
  if (a.kind === 'prose' && b.kind === 'prose') return true;
  if (a.kind !== 'named' || b.kind !== 'named') return false;
  const shared = [...a.names].filter((n) => b.names.has(n)).length;
  return shared > 0 && shared * 2 >= Math.min(a.names.size, b.names.size);
}

export interface LevelRun {
  sections: Section[];
  bodies: LevelBody[];
}

/**
 * Runs of level headings among `parent`'s sub-sections. Level headings are recognised by a level
 * code ("IC1", "Level 0": every coded sibling is a level), or else by a run of adjacent siblings
 * with the same competency structure, extended by the level-like siblings right after it that hold
 * only a paragraph (a top level described in a sentence). Runs of plain prose also need level-like
 * titles, so that "Introduction" and "Philosophy" never become levels. `tableLevels` are the keys of
 * the levels of the tables directly under `parent`.
 */
const NUMBERED_HEADING = /^(\d{1,2})[.)]\s+\S/;

export function findLevelRuns(parent: Section, isContainer: (s: Section) => boolean, tableLevels: ReadonlySet<string> = new Set()): LevelRun[] {
  // "#### Senior Engineer Responsibilities" under "### Senior Engineer" is part of that level.
  const partOfParent = (c: Section): boolean => parent.heading !== undefined && withoutPrefix(c.title, parent.title) !== c.title.trim();
  const candidates = parent.children.filter((c) => !isContainer(c) && !isBaselineHeading(c.title) && !isAboutTheLadder(c.title) && !partOfParent(c));
  const coded = candidates.filter((c) => hasLevelCode(c.title));
  // One coded heading is a level too when a table beside it has that level ("### Level 1" under a
  // matrix whose only row is level 1).
  const known = coded.length === 1 && tableLevels.has(levelKey(coded[0]!.title));
  // "## 1. Associate Engineer", "## 2. Engineer", "## 3. Senior Engineer": a numbered sequence
  // that holds coded headings is levels throughout, though "Engineer" carries no seniority word.
  const numbered = candidates.filter((c) => NUMBERED_HEADING.test(c.title));
  const numbers = numbered.map((c) => Number(NUMBERED_HEADING.exec(c.title)![1]));
  if (coded.length >= 2 && numbered.length > coded.length && coded.every((c) => numbered.includes(c)) && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1)) {
    return [{ sections: numbered, bodies: numbered.map(readLevelBody) }];
  }
  if (coded.length >= 2 || known) {
    // Between the first and the last coded heading, a heading with a level's title is a level too.
    const from = parent.children.indexOf(coded[0]!);
    const to = parent.children.indexOf(coded[coded.length - 1]!);
    const sections = candidates.filter((c) => {
      const at = parent.children.indexOf(c);
      return coded.includes(c) || (at > from && at < to && looksLikeLevel(c.title));
    });
    return [{ sections, bodies: sections.map(readLevelBody) }];
  }

  const runs: LevelRun[] = [];
  let group: Array<{ section: Section; body: LevelBody; shape: Shape }> = [];
  const flush = (): void => {
    // Levels described in plain prose start at the first heading that reads as a level: a title
    // or an introduction written the same way comes before them.
    if (group[0]?.shape.kind === 'prose') {
      let first = group.findIndex((g) => looksLikeLevel(g.section.title));
      // "## Software Engineer" before "## Senior Software Engineer": the role itself, the first rung.
      const before = first > 0 ? group[first - 1]!.section.title.trim().toLowerCase() : '';
      const role = new RegExp(`\\b${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
      if (before && before.split(/\s+/).length <= 4 && group.slice(first).some((g) => role.test(g.section.title.trim()))) first -= 1;
      group = first < 0 ? [] : group.slice(first);
    }
    if (qualifies(group)) runs.push({ sections: group.map((g) => g.section), bodies: group.map((g) => g.body) });
    group = [];
  };
  for (const child of parent.children) {
    if (!candidates.includes(child)) {
      flush();
      continue;
    }
    const body = readLevelBody(child);
    const shape = shapeOf(body);
    const head = group[0];
    // After a run of levels that name competencies, a level may be described in a paragraph only
    // (a top level): it joins the run when its heading reads as a level or it states level facts.
    const namedRun = head?.shape.kind === 'named' && group.length >= 2;
    const summaryLevel = shape.kind === 'prose' && (looksLikeLevel(child.title) || body.equivalents.length > 0 || Object.keys(body.metadata).length > 0);
    if (head && (sameStructure(head.shape, shape) || (namedRun && summaryLevel))) {
      group.push({ section: child, body, shape });
      continue;
    }
    flush();
    if (shape.kind === 'named' || shape.kind === 'prose') group.push({ section: child, body, shape });
  }
  flush();
  return runs;
}

function qualifies(group: ReadonlyArray<{ section: Section; shape: Shape }>): boolean {
  if (group.length < 2) return false;
  // Siblings that share sub-headings are levels only when one of them at least is titled like a
  // level: API references and how-to pages share sub-headings too.
  if (group[0]!.shape.kind === 'named') {
    return group.filter((g) => g.shape.kind === 'named').length >= 2 && group.some((g) => looksLikeLevel(g.section.title));
  }
  return group.filter((g) => looksLikeLevel(g.section.title)).length >= 2;
}

/** A run of level headings → levels, and competencies with one cell per level. */
/**
 * Labels name competencies when they recur from level to level. Where most labels appear at one
 * level only ("**Adopts**: …", "**Enhances**: …"), they are verbs that open a statement instead.
 */
function labelsRecur(bodies: readonly LevelBody[]): boolean {
  if (bodies.length < 2) return true;
  const seen = new Map<string, number>();
  for (const body of bodies) for (const name of entryNames(body)) seen.set(name, (seen.get(name) ?? 0) + 1);
  const recurring = [...seen.values()].filter((n) => n > 1).length;
  return recurring * 2 >= seen.size;
}

/** "**Adopts**: learns the tools" kept as a line of text, label and all. */
function labelsIntoText(body: LevelBody): LevelBody {
  const lines = body.entries.flatMap((e) => {
    const [first = '', ...rest] = e.lines;
    return [{ text: `${e.label}: ${first}`.trim(), position: e.position }, ...rest.map((text) => ({ text, position: e.position }))];
  });
  return { ...body, plain: [...body.plain, ...lines], entries: [] };
}

export function levelRunFragment(parent: Section, run: LevelRun, ctx: ReadContext): Fragment {
  const labelled = run.bodies.some((b) => b.entries.length > 0);
  const named = labelled && labelsRecur(run.bodies);
  if (labelled && !named) {
    ctx.input.diagnostics.info(
      'labels-as-text',
      `the labels under the levels of "${parent.title || 'the document'}" rarely recur from level to level; they are kept in the text, not read as competencies`,
      run.sections[0]!.position,
    );
  }
  const bodies = named ? run.bodies : run.bodies.map(labelsIntoText);
  const levels: DraftLevel[] = [];
  const competencies = new Map<string, DraftCompetency>();
  const notes: string[] = [];
  const competency = (name: string, position: DraftCompetency['position']): DraftCompetency => {
    const key = name.toLowerCase();
    let c = competencies.get(key);
    if (!c) {
      c = { name, cells: [] };
      if (position) c.position = position;
      competencies.set(key, c);
    }
    return c;
  };

  run.sections.forEach((section, index) => {
    const body = bodies[index]!;
    const metadata = { ...body.metadata };
    const equivalents = [...body.equivalents];
    ctx.used.add(section);
    for (const node of body.used) ctx.used.add(node);
    const { label: withoutEquivalent, equivalent } = splitEquivalent(section.title);
    const { label, experience } = splitExperience(withoutEquivalent);
    const level: DraftLevel = { label };
    if (equivalent) equivalents.push(section.position ? { text: equivalent, position: section.position } : { text: equivalent });
    if (section.position) level.position = section.position;
    if (experience && !Object.keys(metadata).some((k) => /experience/i.test(k))) metadata['Experience'] = experience;
    // Where levels name competencies, an unlabelled paragraph describes the level as a whole.
    const summary = [...body.italic, ...(named ? body.plain.map((p) => p.text) : [])].join('\n');
    if (summary) level.summary = summary;
    if (Object.keys(metadata).length) level.metadata = metadata;
    if (equivalents.length) level.equivalents = equivalents;
    levels.push(level);
    notes.push(...body.notes);

    for (const e of body.entries) {
      const cell = { level: index, text: e.lines.join('\n') };
      const at = e.textPosition ?? e.position;
      competency(e.label, e.position).cells.push(at ? { ...cell, position: at } : cell);
    }
    if (!named && body.plain.length > 0) {
      const first = body.plain[0]!.position;
      const cell = { level: index, text: body.plain.map((p) => p.text).join('\n') };
      competency(IMPLICIT_COMPETENCY, first).cells.push(first ? { ...cell, position: first } : cell);
    }
  });
  if (!named) {
    ctx.input.diagnostics.info(
      'implicit-competency',
      `the levels under "${parent.title || 'the document'}" name no competencies; their paragraphs become one competency ("${IMPLICIT_COMPETENCY}", or the heading above the levels when that is not the track's)`,
      run.sections[0]!.position,
    );
  }
  return {
    section: parent,
    offset: run.sections[0]!.offset,
    position: run.sections[0]!.position,
    levels,
    competencies: [...competencies.values()],
    notes,
  };
}

export interface CompetencyRun {
  members: Array<{ section: Section; body: LevelBody }>;
}

/**
 * Heading per competency, a labelled item per level underneath (`- Junior: …`): two or more
 * sibling headings whose labels read as levels.
 */
export function findCompetencyRun(parent: Section, isContainer: (s: Section) => boolean): CompetencyRun | undefined {
  const members = parent.children
    .filter((c) => !isContainer(c) && !isBaselineHeading(c.title) && !introducesTheLadder(c.title))
    .map((section) => ({ section, body: readLevelBody(section) }))
    .filter(({ body }) => labelsAreLevels(body));
  // One competency alone under its heading ("## Behaviours" › "### Ownership") counts when every
  // one of its labels is a level.
  const single = members.length === 1 && members[0]!.body.entries.length >= 2 && members[0]!.body.entries.every((e) => looksLikeLevel(e.label));
  return members.length >= 2 || single ? { members } : undefined;
}

// Under a heading per competency, words such as "Competency", "Values" or "Pillar" name the
// competency itself ("Technical Competency", "Living our Values"); only introductions and
// questions are not competencies.
const INTRODUCTION = /\b(?:overview|introduction|intro|about|how\s+to|how\s+we|glossary|faq|summary|purpose|philosophy|background|references?|resources|changelog)\b/i;

function introducesTheLadder(title: string): boolean {
  return /\?\s*$/.test(title) || INTRODUCTION.test(title);
}

/**
 * Which labels of a run of competencies name levels: those the lexicon reads as levels, and the
 * labels the competencies place among them. In an ordered run of level labels, a label between two
 * of them is a level too ("Platform Engineer" between "Associate Platform Engineer" and "Senior
 * Platform Engineer"), and so is one next to the run that names the same kind of job ("… Engineer"
 * after "Senior Staff Engineer") — when it stands there in every competency that has it. Labels
 * before the run ("**What:** …", "Why") stay the competency's description.
 */
export function levelLabels(runs: ReadonlyArray<readonly string[]>): (label: string) => boolean {
  const key = (label: string) => label.replace(/\s+/g, ' ').trim().toLowerCase();
  const inside = new Map<string, boolean>();
  for (const labels of runs) {
    const marked = labels.map((l) => looksLikeLevel(l));
    let first = marked.indexOf(true);
    let last = marked.lastIndexOf(true);
    if (first !== -1) {
      // A job title right before or after the run extends it ("Engineer", "Platform Engineer").
      while (first > 0 && ROLE_WORD.test(labels[first - 1]!)) first -= 1;
      while (last < labels.length - 1 && ROLE_WORD.test(labels[last + 1]!)) last += 1;
    }
    labels.forEach((label, i) => {
      if (marked[i]) return;
      const k = key(label);
      const within = first !== -1 && i >= first && i <= last && !/[.!?;]$/.test(label) && label.length <= 80;
      inside.set(k, (inside.get(k) ?? true) && within);
    });
  }
  return (label) => looksLikeLevel(label) || inside.get(key(label)) === true;
}

/** The levels are the labels, in order of first appearance; a competency without one is warned about. */
export function competencyRunFragment(run: CompetencyRun, ctx: ReadContext): Fragment {
  const { members } = run;
  const isLevel = levelLabels(members.map((m) => m.body.entries.map((e) => e.label)));
  const levels: DraftLevel[] = [];
  const indexByKey = new Map<string, number>();
  const competencies: DraftCompetency[] = [];
  const labels = new Map<DraftCell, string>();
  for (const { section, body } of members) {
    ctx.used.add(section);
    for (const node of body.used) ctx.used.add(node);
    const competency: DraftCompetency = { name: section.title, cells: [] };
    if (section.position) competency.position = section.position;
    // Unlabelled text and labels that are not levels ("**What**: …") describe the competency.
    const description = [...body.plain.map((p) => p.text), ...body.entries.filter((e) => !isLevel(e.label)).map((e) => `${e.label}: ${e.lines.join(' ')}`)];
    if (description.length) competency.description = description.join('\n');
    for (const e of body.entries) {
      if (!isLevel(e.label)) continue;
      const key = levelKey(e.label);
      let index = indexByKey.get(key);
      if (index === undefined) {
        index = levels.length;
        indexByKey.set(key, index);
        const level: DraftLevel = { label: e.label };
        if (e.position) level.position = e.position;
        levels.push(level);
      }
      const cell = { level: index, text: e.lines.join('\n') };
      const at = e.textPosition ?? e.position;
      competency.cells.push(at ? { ...cell, position: at } : cell);
      labels.set(competency.cells[competency.cells.length - 1]!, e.label);
    }
    competencies.push(competency);
  }
  // "**Adopts (D1)**", "**Enhances (D1)**": one code, a different word per competency. The code
  // names the level; each word stays with its statement ("Adopts: learns the team's tools").
  for (const [index, level] of levels.entries()) {
    const cells = competencies.flatMap((c) => c.cells.filter((cell) => cell.level === index));
    const titles = new Set(cells.map((cell) => parseLevelLabel(labels.get(cell)!).title.toLowerCase()));
    const code = parseLevelLabel(level.label).code;
    if (!code || titles.size < 2) continue;
    level.label = code;
    for (const cell of cells) {
      const title = parseLevelLabel(labels.get(cell)!).title;
      if (title.toLowerCase() !== code.toLowerCase()) cell.text = `${title}: ${cell.text}`;
    }
  }
  competencies.forEach((c, i) => {
    const have = new Set(c.cells.map((cell) => cell.level));
    for (const [index, level] of levels.entries()) {
      if (!have.has(index)) {
        ctx.input.diagnostics.warn('missing-level', `"${c.name}" says nothing for the level "${level.label}"`, members[i]!.section.position);
      }
    }
  });
  return {
    section: members[0]!.section.parent ?? members[0]!.section,
    offset: members[0]!.section.offset,
    position: members[0]!.section.position,
    levels,
    competencies,
    notes: members.flatMap((m) => m.body.notes),
  };
}

/** `## All Levels`: each labelled item a competency, its lines the statements. */
export function readBaseline(section: Section, ctx: ReadContext): Baseline {
  const body = readLevelBody(section);
  ctx.used.add(section);
  for (const node of body.used) ctx.used.add(node);
  const items = body.entries.map((e) => ({ competency: e.label, statements: splitStatements(e.lines.join('\n')) }));
  if (body.plain.length) items.push({ competency: IMPLICIT_COMPETENCY, statements: splitStatements(body.plain.map((p) => p.text).join('\n')) });
  ctx.input.diagnostics.info('baseline', `"${section.title}" applies to every level: kept as the track's baseline, not as a level`, section.position);
  return { section, items };
}
