// From an outline and its roles to a draft ladder, and an account of every block it did not use:
// chrome is an info, text a warning that names it and where it is.

import { Diagnostics as DiagnosticsList, type Diagnostics } from '../../diagnostics.js';
import { draftKeptWords, type Coverage } from '../coverage.js';
import type { Position } from '../../model.js';
import { codeNumber, IMPLICIT_COMPETENCY, SENIORITY_WORD } from '../lexicon.js';
import { levelKey } from '../markdown/level-words.js';
import { parseLevelLabel } from '../../text/level-label.js';
import type { DraftCell, DraftCompetency, DraftLadder, DraftLevel, DraftTrack } from '../draft.js';
import { isText, sectionsOf, type Block, type Outline } from './outline.js';
import { childrenAreStatements, effectiveChildren, hasText, isChrome, ownTitle, readingOf, type LevelRun } from './roles.js';

interface Ctx {
  used: Set<Block | Outline>;
  diagnostics: Diagnostics;
}

/** Leading emoji and symbols ("🛠️ Craft" → "Craft"): decoration of a group's heading. */
const LEADING_SYMBOLS = /^[\p{Extended_Pictographic}\p{So}\u200d\ufe0f\s]+(?=\p{L})/u;
const undecorated = (title: string): string => title.replace(LEADING_SYMBOLS, '').trim();

/** Text lines of a section's own blocks (quotes and tables included), marking them used. */
function take(s: Outline, ctx: Ctx, keep: (b: Block) => boolean = isText): string[] {
  const lines: string[] = [];
  for (const b of s.blocks) {
    if (!keep(b) || ctx.used.has(b)) continue;
    ctx.used.add(b);
    lines.push(...b.lines);
  }
  return lines;
}

/** Everything under a section as lines: its blocks, then each sub-section's title and lines. */
function takeAll(s: Outline, ctx: Ctx): string[] {
  ctx.used.add(s);
  const lines = take(s, ctx);
  for (const c of s.children) {
    if (isChrome(c)) continue;
    const inner = takeAll(c, ctx);
    lines.push(...(inner.length ? [`${c.title}: ${inner[0]}`, ...inner.slice(1)] : [c.title]));
  }
  return lines;
}

function cell(level: number, lines: string[], position: Position | undefined): DraftCell {
  const c: DraftCell = { level, text: lines.join('\n') };
  if (position) c.position = position;
  return c;
}

function competency(name: string, position: Position | undefined, extra: Partial<DraftCompetency> = {}): DraftCompetency {
  const c: DraftCompetency = { name, cells: [], ...extra };
  if (position) c.position = position;
  return c;
}

/** "Practitioner, Engineer" after a code: a title and the other name it goes by. */
function levelOf(label: string, position: Position | undefined): DraftLevel {
  const { code, title } = parseLevelLabel(label);
  const level: DraftLevel = { label };
  if (position) level.position = position;
  const alias = /^([^,]{2,40}),\s+([^,]{2,40})$/.exec(title);
  if (code && alias) {
    level.code = code;
    level.title = alias[1]!.trim();
    level.metadata = { 'Also called': alias[2]!.trim() };
  }
  return level;
}

// ---------------------------------------------------------------------------------------------
// Levels as sections

function readLevels(run: LevelRun, trackName: string, ctx: Ctx): DraftTrack {
  const levels: DraftLevel[] = [];
  const byName = new Map<string, DraftCompetency>();
  const competencies: DraftCompetency[] = [];
  const get = (name: string, position: Position | undefined, category?: string): DraftCompetency => {
    const key = `${category ?? ''}\0${name.toLowerCase()}`;
    let c = byName.get(key);
    if (!c) {
      c = competency(name, position, category ? { category } : {});
      byName.set(key, c);
      competencies.push(c);
    }
    return c;
  };
  const statements = childrenAreStatements(run.levels);
  // Competencies recur from level to level; a sub-section under one level only, beside ones that
  // recur, is something else (perks, a questionnaire) and is left out, so it is reported.
  const seen = new Map<string, number>();
  for (const l of run.levels) for (const k of new Set(effectiveChildren(l).map((c) => ownTitle(l, c).toLowerCase()))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const recurring = [...seen.values()].some((n) => n > 1);
  run.levels.forEach((section, index) => {
    ctx.used.add(section);
    const level = levelOf(section.title, section.position);
    const kids = effectiveChildren(section);
    // A block quote opening the level is its summary; with sub-sections, so is its prose.
    const quote = section.blocks[0]?.kind === 'quote' ? section.blocks[0] : undefined;
    const summary = [...(quote ? take(section, ctx, (b) => b === quote) : []), ...(kids.length ? take(section, ctx, (b) => b.kind === 'paragraph') : [])];
    if (summary.length) level.summary = summary.join(' ');
    const own = take(section, ctx);
    if (own.length) get(IMPLICIT_COMPETENCY, section.position).cells.push(cell(index, own, section.blocks.find(isText)?.position));
    if (statements) {
      // One-off sentences as sub-headings: each a statement, what is under it its examples.
      const lines: string[] = [];
      const examples: Array<{ line: number; examples: string[] }> = [];
      for (const kid of kids) {
        const under = takeAll(kid, ctx);
        if (under.length) examples.push({ line: lines.length, examples: under });
        lines.push(kid.title);
      }
      if (lines.length) {
        const c = cell(index, lines, kids[0]!.position);
        if (examples.length) c.examples = examples;
        get(IMPLICIT_COMPETENCY, kids[0]!.position).cells.push(c);
      }
    } else {
      for (const kid of kids) {
        const name = ownTitle(section, kid);
        if (recurring && (seen.get(name.toLowerCase()) ?? 0) < 2) continue;
        const grand = effectiveChildren(kid);
        if (grand.length && !hasText(kid)) {
          ctx.used.add(kid);
          for (const g of grand) get(g.title, g.position, undecorated(name)).cells.push(cell(index, takeAll(g, ctx), g.position));
        } else get(name, kid.position).cells.push(cell(index, takeAll(kid, ctx), kid.position));
      }
    }
    levels.push(level);
  });
  return { name: trackName, levels, competencies, ...(run.levels[0]!.position ? { position: run.levels[0]!.position } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Competencies over levels

/** Codes order the levels when every one has a number: 1, 2, 5M, 5T (variants in order of appearance). */
function orderByCode(levels: DraftLevel[]): number[] {
  const numbers = levels.map((l) => codeNumber(l.code ?? parseLevelLabel(l.label).code ?? ''));
  const order = levels.map((_, i) => i);
  if (numbers.every((n) => n !== undefined)) order.sort((a, b) => numbers[a]! - numbers[b]! || a - b);
  return order;
}

function readCompetenciesFirst(runs: readonly LevelRun[], trackName: string, ctx: Ctx): DraftTrack {
  const found: DraftLevel[] = [];
  const indexByKey = new Map<string, number>();
  const competencies: DraftCompetency[] = [];
  for (const run of runs) {
    ctx.used.add(run.parent);
    const description = take(run.parent, ctx, (b) => b.kind === 'paragraph' || b.kind === 'quote');
    const c = competency(run.parent.title, run.parent.position, description.length ? { description: description.join('\n') } : {});
    for (const member of run.levels) {
      ctx.used.add(member);
      const key = levelKey(member.title);
      let index = indexByKey.get(key);
      if (index === undefined) {
        index = found.length;
        indexByKey.set(key, index);
        found.push(levelOf(member.title, member.position));
      }
      const lines = takeAll(member, ctx);
      if (lines.length) c.cells.push(cell(index, lines, member.blocks.find(isText)?.position ?? member.position));
    }
    competencies.push(c);
  }
  const order = orderByCode(found);
  const newIndex = new Map(order.map((old, i) => [old, i]));
  for (const c of competencies) for (const x of c.cells) x.level = newIndex.get(x.level)!;
  return { name: trackName, levels: order.map((i) => found[i]!), competencies, ...(runs[0]!.parent.position ? { position: runs[0]!.parent.position } : {}) };
}

// ---------------------------------------------------------------------------------------------
// A page about one level

/** The family a level belongs to: its title without code and seniority words ("Senior Software Engineer" → "Software Engineer"). */
export function familyOf(title: string): string {
  const words = parseLevelLabel(title).title.split(/\s+/).filter((w) => !SENIORITY_WORD.test(w) && !/^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$/.test(w));
  return words.join(' ') || title;
}

function readOneLevel(home: Outline, title: string, ctx: Ctx): DraftTrack {
  ctx.used.add(home);
  const level = levelOf(title, home.position);
  const summary = take(home, ctx, (b) => b.kind === 'paragraph' || b.kind === 'quote');
  if (summary.length) level.summary = summary.join(' ');
  const competencies: DraftCompetency[] = [];
  const kids = effectiveChildren(home);
  // A table-only section after the competencies (indicators, a score sheet) is page furniture.
  const lastWithText = kids.map((k) => hasText(k) || effectiveChildren(k).length > 0).lastIndexOf(true);
  kids.forEach((kid, i) => {
    const grand = effectiveChildren(kid);
    const onlyTables = grand.length === 0 && kid.blocks.every((b) => b.kind === 'table' || !isText(b));
    if (onlyTables && i === lastWithText && i > 0) {
      ctx.used.add(kid);
      for (const b of kid.blocks) ctx.used.add(b);
      ctx.diagnostics.info('trailing-table', `"${kid.title}" is a table after the competencies (indicators or scores), not an expectation; left out`, kid.position);
      return;
    }
    if (grand.length) {
      ctx.used.add(kid);
      for (const g of grand) {
        const c = competency(g.title, g.position, { category: undecorated(kid.title) });
        const lines = takeAll(g, ctx);
        if (lines.length) c.cells.push(cell(0, lines, g.blocks.find(isText)?.position ?? g.position));
        competencies.push(c);
      }
    } else {
      const c = competency(undecorated(kid.title), kid.position);
      const lines = takeAll(kid, ctx);
      if (lines.length) c.cells.push(cell(0, lines, kid.blocks.find(isText)?.position ?? kid.position));
      competencies.push(c);
    }
  });
  return { name: familyOf(title), levels: [level], competencies, ...(home.position ? { position: home.position } : {}) };
}

// ---------------------------------------------------------------------------------------------

export interface OutlineReading {
  ladder: DraftLadder;
  /** Reports what the reading left out; call only for the reading that is kept. */
  report: () => void;
}

/**
 * Reads an outline by the roles of its sections. `title` is the ladder's title when the document
 * gives one (front matter, or one top heading); undefined when its structure says nothing.
 */
export function readOutline(doc: Outline, title: string | undefined, diagnostics: Diagnostics): OutlineReading | undefined {
  const ctx: Ctx = { used: new Set(), diagnostics };
  const reading = readingOf(doc, title);
  if (!reading) return undefined;
  const ladder: DraftLadder = { tracks: [] };
  if (title) ladder.title = title;
  const nameOf = (run: LevelRun): string => (run.parent.kind !== 'document' && !isWrapperTitleOfDoc(run.parent, doc) ? run.parent.title : title ?? 'Levels');
  if (reading.shape === 'levels') {
    for (const run of reading.runs) ladder.tracks.push(readLevels(run, nameOf(run), ctx));
  } else if (reading.shape === 'competency-first') {
    const parent = reading.runs[0]!.parent.parent!;
    ladder.tracks.push(readCompetenciesFirst(reading.runs, parent.kind === 'document' || isWrapperTitleOfDoc(parent, doc) ? title ?? 'Levels' : parent.title, ctx));
  } else {
    ladder.tracks.push(readOneLevel(reading.home, reading.title, ctx));
  }
  // The ladder's own prose: paragraphs under the title before any section.
  const top = doc.children.length === 1 && doc.children[0]!.depth === 1 ? doc.children[0]! : doc;
  for (const holder of new Set([doc, top])) {
    ctx.used.add(holder);
    const intro = take(holder, ctx, (b) => b.kind === 'paragraph' || b.kind === 'quote');
    if (intro.length) ladder.description = [ladder.description, intro.join('\n')].filter(Boolean).join('\n\n');
  }
  return { ladder, report: () => reportLeftOut(doc, ctx) };
}

const isWrapperTitleOfDoc = (s: Outline, doc: Outline): boolean => s.parent === doc && doc.children.length === 1 && s.depth === 1;

function reportLeftOut(doc: Outline, ctx: Ctx): void {
  for (const s of [doc, ...sectionsOf(doc)]) {
    const under = s.title ? ` under "${s.title}"` : '';
    for (const b of s.blocks) {
      if (ctx.used.has(b)) continue;
      if (b.kind === 'separator') {
        if (b.node.type === 'paragraph') ctx.diagnostics.info('separator', `ignored a separator line${under}: it holds no words`, b.position);
        continue;
      }
      if (b.kind === 'chrome') ctx.diagnostics.info('skipped-content', `skipped ${b.node.type === 'html' ? 'a line of markup or navigation' : 'a line or list of links'}${under}: page chrome, not ladder content`, b.position);
      else ctx.diagnostics.warn('skipped-content', `skipped a ${b.kind === 'paragraph' ? 'paragraph' : b.kind}${under}: its text is in no level or competency`, b.position, 'move it under a level or competency heading, or remove it');
    }
    if (s !== doc && !ctx.used.has(s) && s.blocks.length === 0 && s.children.length === 0) {
      ctx.diagnostics.warn('empty-section', `"${s.title}" holds no ladder content; nothing is made from it`, s.position, 'write the levels under this heading, or remove the heading');
    }
  }
}

/** A first reading worth a second one: it found no track, or it placed less than 60% of the words (`kept`, its draftKeptWords). */
export function leavesMostOut(first: DraftLadder, kept: Coverage): boolean {
  return first.tracks.length === 0 || kept.keptWords < kept.sourceWords * 0.6;
}

/**
 * Whether a second reading of a text replaces the first: it found a track, and the first found
 * none, or the first leaves most out and the second keeps a quarter of the words more. `firstKept`
 * is the first's draftKeptWords when the caller has it already.
 */
export function secondReadingWins(first: DraftLadder, second: DraftLadder, text: string, format: string, firstKept?: Coverage): boolean {
  if (second.tracks.length === 0) return false;
  if (first.tracks.length === 0) return true;
  const kept = firstKept ?? draftKeptWords(first, text, format);
  if (!leavesMostOut(first, kept)) return false;
  return draftKeptWords(second, text, 'prose').keptWords >= kept.keptWords + kept.sourceWords / 4;
}

/**
 * Of two readings of one text, keeps the outline's when the primary reading finds no track, or
 * places less than 60% of the words in levels and competencies where the outline places a quarter
 * of them more (draftKeptWords); the kept reading's
 * diagnostics go to `diagnostics`. `read` makes the primary reading with the diagnostics it is given.
 */
export function chooseReading(
  text: string,
  file: string,
  diagnostics: Diagnostics,
  read: (diagnostics: Diagnostics) => DraftLadder,
  doc: Outline,
  title: string | undefined,
): DraftLadder {
  const primaryDiagnostics = new DiagnosticsList(file);
  const primary = read(primaryDiagnostics);
  const outlineDiagnostics = new DiagnosticsList(file);
  const byOutline = readOutline(doc, title, outlineDiagnostics);
  if (byOutline && byOutline.ladder.tracks.length) {
    if (secondReadingWins(primary, byOutline.ladder, text, 'prose')) {
      byOutline.report();
      diagnostics.pushAll(outlineDiagnostics.list);
      return byOutline.ladder;
    }
  }
  diagnostics.pushAll(primaryDiagnostics.list);
  return primary;
}
