// Plain text scraped from a web page: repeats dropped, levels from an arrow sequence, summaries from
// clauses led by a level code, page chrome skipped, the rest kept as description.
//
// Rules (by shape, never by the wording of one page):
// - A paragraph is a non-blank line; the next line joins it only when it reads as a hard-wrapped
//   continuation (starts lower-case after a line with no closing punctuation, or an arrow ends or
//   starts the break), because scrapes put each block element on its own line. List bullets go.
// - Exact and near-exact repeats (same words ignoring case/punctuation/white space, or ≥ 90 % token
//   overlap for paragraphs of 8+ tokens) are dropped, with an info diagnostic at the repeat.
// - Levels: ≥ 3 labels joined by one kind of arrow (→ -> => » › > …; ← lists them senior first),
//   one track per distinct sequence. Bare titles (no codes) need an unambiguous arrow, so
//   "Home › Careers › Jobs" is not a ladder. Without a sequence, lines such as "Engineer (L1)" or
//   paragraphs led by "L1:" give them; without codes, 3+ short lines naming a job or rung, each
//   over a paragraph ("Senior Engineer" / "Leads projects. …").
// - A clause (split at sentence ends, `;`, `: ` and before ", [and] CODE") led by a level code or
//   label is that level's summary, without its closing punctuation; a further such clause for the
//   same level becomes a line of its content, so nothing is lost.
// - Level content, as lines of one implicit competency: a paragraph led by a level code or label
//   ("P3: …" loses the label, "P3 leads …" keeps it as the subject), or any paragraph under a line
//   that is only a level's name. A one-clause paragraph led by the code ("P4 owns budgets.") is
//   that level's summary when it has none yet.
// - Title: the first line (after any site menu) when short, capitalised and not a sentence.
// - Track name: the nearest short plain line to the track's sequence (ties go to the line before),
//   never a line after the last level content (a footer);
//   with none, the ladder title, else "Levels". With several tracks, prose right after that line
//   describes the track.
// - Skipped with an info diagnostic: imperative UI lines and bare counts ("6 profiles. Pick a
//   level…"), breadcrumbs, runs of 3+ one-to-three-word lines (menus), short lines with numbers
//   (dates, versions), symbol-only lines, and short lines that name no track.
// - All other prose is the ladder description, paragraphs as written, in order.

import type { Position } from '../model.js';
import { parseLevelLabel } from '../text/level-label.js';
import { splitSentences } from '../text/statements.js';
import { namesARole } from './markdown/level-words.js';
import type { DraftCell, DraftCompetency, DraftLadder, DraftLevel, DraftTrack } from './draft.js';
import type { ReaderInput } from './types.js';
import { buildOutline } from './sections/outline.js';
import { chooseReading } from './sections/read.js';
import { textTree } from './sections/text-tree.js';
import { BREADCRUMB, COUNT_PHRASE, IMPLICIT_COMPETENCY, LABELLED_LINE, PAGE_STAMP, UI_SENTENCE } from './lexicon.js';

/** Name of the one competency that holds level content no competency names. */
export { IMPLICIT_COMPETENCY };

/** A paragraph and how its characters map back to the text (for positions). */
interface Paragraph {
  text: string;
  /** Start offset in `text` → line and column in the input, one entry per joined line. */
  segments: Array<{ at: number; line: number; column: number }>;
}

function positionIn(p: Paragraph, index: number): Position {
  let seg = p.segments[0]!;
  for (const s of p.segments) if (s.at <= index) seg = s;
  return { line: seg.line, column: seg.column + (index - seg.at) };
}

function startOf(p: Paragraph): Position {
  return positionIn(p, 0);
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and repeats

// An arrow at the end of one line or the start of the next: a level sequence wrapped over lines.
const WRAPPED_ARROW = /(?:→|⟶|➔|➜|➝|⇒|->|=>|»|←|⟵|<-)$/u;
const LEADING_ARROW = /^(?:→|⟶|➔|➜|➝|⇒|->|=>|»|←|⟵|<-)/u;

/** A hard-wrapped continuation: the line before does not close a clause and this one starts lower-case. */
function continues(previous: string, line: string): boolean {
  if (WRAPPED_ARROW.test(previous) || LEADING_ARROW.test(line)) return true;
  return !/[.!?:;)"”]$/u.test(previous) && /^\p{Ll}/u.test(line);
}

// A list bullet a scrape keeps from the page's markup: "• Designs systems".
const BULLET = /^(?:[•·◦▪▸‣∙*]|[-–](?=\s))\s*/u;

function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let previous = '';
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.trim();
    const bullet = BULLET.exec(trimmed)?.[0] ?? '';
    const line = trimmed.slice(bullet.length);
    if (!line) {
      current = undefined;
      return;
    }
    const column = raw.indexOf(trimmed) + bullet.length + 1;
    // The line before, not the whole paragraph: an end-anchored test of a growing paragraph rescans it per line.
    if (current && !bullet && continues(previous, line)) {
      current.segments.push({ at: current.text.length + 1, line: i + 1, column });
      current.text += ` ${line}`;
      previous = line;
      return;
    }
    previous = line;
    current = { text: line, segments: [{ at: 0, line: i + 1, column }] };
    out.push(current);
  });
  return out;
}

function tokensOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A token multiset as a set ("x#1", "x#2" for a repeated x), so that set Jaccard is multiset Jaccard. */
function itemsOf(tokens: readonly string[]): string[] {
  const counts = new Map<string, number>();
  return tokens.map((t) => {
    const n = (counts.get(t) ?? 0) + 1;
    counts.set(t, n);
    return `${t}#${n}`;
  });
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

const NEAR_EXACT = 0.9;
const NEAR_EXACT_MIN_TOKENS = 8;

interface Seen {
  paragraph: Paragraph;
  items: Set<string>;
}

/**
 * Finds near-exact repeats without comparing every pair: two sets with Jaccard ≥ t share an item
 * among their |s| − ⌈t·|s|⌉ + 1 rarest items (prefix filtering), so only those are indexed.
 */
class RepeatIndex {
  readonly #exact = new Map<string, Seen>();
  readonly #byItem = new Map<string, Seen[]>();
  readonly #words: Words;

  constructor(words: Words) {
    this.#words = words;
  }

  /** The earlier paragraph this one repeats, if any; otherwise remembers this one. */
  check(paragraph: Paragraph): Seen | undefined {
    const words = this.#words;
    const tokens = words.tokens.get(paragraph)!;
    // The same words in the same order: the same item list.
    const key = tokens.join(' ');
    const exact = this.#exact.get(key);
    if (exact) return exact;
    const prefixLength = tokens.length - Math.ceil(NEAR_EXACT * tokens.length) + 1;
    if (tokens.length < NEAR_EXACT_MIN_TOKENS || uniqueItems(words, paragraph, prefixLength) >= prefixLength) {
      // Its rarest items occur in no other paragraph, so no paragraph shares a prefix item with it:
      // it repeats none and none repeats it (no items built, no sort, no index: a long paragraph
      // stays linear).
      this.#exact.set(key, { paragraph, items: new Set() });
      return undefined;
    }
    const items = itemsOf(tokens);
    const seen: Seen = { paragraph, items: new Set(items) };
    const frequency = new Map(items.map((item) => [item, itemFrequency(words, item)]));
    const prefix = items.sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0)).slice(0, prefixLength);
    const checked = new Set<Seen>();
    for (const item of prefix) {
      for (const candidate of this.#byItem.get(item) ?? []) {
        if (checked.has(candidate)) continue;
        checked.add(candidate);
        // Sets this far apart in size cannot reach the threshold.
        const ratio = Math.min(candidate.items.size, items.length) / Math.max(candidate.items.size, items.length);
        if (ratio >= NEAR_EXACT && jaccard(candidate.items, seen.items) >= NEAR_EXACT) return candidate;
      }
    }
    this.#exact.set(key, seen);
    for (const item of prefix) {
      const list = this.#byItem.get(item) ?? [];
      list.push(seen);
      this.#byItem.set(item, list);
    }
    return undefined;
  }
}

/**
 * How many of a paragraph's items ("x#k") occur in it only, counted no further than `limit`: of a
 * word it holds c times, the items beyond the most any other paragraph holds.
 */
function uniqueItems(words: Words, paragraph: Paragraph, limit: number): number {
  let n = 0;
  for (const [token, count] of countsOf(words.tokens.get(paragraph)!)) {
    const all = words.byToken.get(token)!; // descending
    const most = all[0]!;
    n += Math.max(0, count - (count === most ? (all[1] ?? 0) : most));
    if (n >= limit) break;
  }
  return n;
}

/** How many paragraphs hold the item "x#k": those holding the word x at least k times. */
function itemFrequency(words: Words, item: string): number {
  const hash = item.lastIndexOf('#');
  const k = Number(item.slice(hash + 1));
  const counts = words.byToken.get(item.slice(0, hash))!; // descending
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts[mid]! >= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Repeat {
  paragraph: Paragraph;
  of: Paragraph;
}

/** Each paragraph's words and how often each occurs, worked out once per read for every repeat pass. */
interface Words {
  tokens: ReadonlyMap<Paragraph, readonly string[]>;
  /** Per word, every paragraph's count of it, largest first. */
  byToken: ReadonlyMap<string, readonly number[]>;
}

/** How many times a paragraph holds each word (made when asked, not kept: a map per paragraph weighs on the heap). */
function countsOf(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function wordsOf(paragraphs: readonly Paragraph[]): Words {
  const tokens = new Map<Paragraph, string[]>();
  const byToken = new Map<string, number[]>();
  for (const p of paragraphs) {
    const list = tokensOf(p.text);
    tokens.set(p, list);
    for (const [t, c] of countsOf(list)) {
      const all = byToken.get(t);
      if (all) all.push(c);
      else byToken.set(t, [c]);
    }
  }
  for (const all of byToken.values()) all.sort((a, b) => b - a);
  return { tokens, byToken };
}

/** Paragraphs without their repeats; `keep` exempts lines that repeat by design (a level's name). */
function withoutRepeats(paragraphs: readonly Paragraph[], words: Words, keep: (p: Paragraph) => boolean = () => false): { kept: Paragraph[]; repeats: Repeat[] } {
  const index = new RepeatIndex(words);
  const kept: Paragraph[] = [];
  const repeats: Repeat[] = [];
  for (const paragraph of paragraphs) {
    const first = keep(paragraph) ? undefined : index.check(paragraph);
    if (first) repeats.push({ paragraph, of: first.paragraph });
    else kept.push(paragraph);
  }
  return withoutTeasers(kept, repeats, words);
}

const TEASER_END = /(?:…|\.\.\.)\s*(?:(?:read|see|show|learn)\s+more\W*)?$/iu;

/** A card's cut-off copy ("Designs, builds … and…") of a paragraph given in full elsewhere on the page. */
function withoutTeasers(kept: readonly Paragraph[], repeats: Repeat[], words: Words): { kept: Paragraph[]; repeats: Repeat[] } {
  // Only a teaser's words change without its end; every other paragraph has the words it always has.
  const teasers = new Map(kept.filter((p) => TEASER_END.test(p.text)).map((p) => [p, tokensOf(p.text.replace(TEASER_END, ''))]));
  const keyOf = (p: Paragraph): readonly string[] => teasers.get(p) ?? words.tokens.get(p)!;
  const out = kept.filter((p) => {
    if (!teasers.has(p)) return true;
    // The teaser's last word may be cut ("oper…"): compare the words before it.
    const cut = keyOf(p).slice(0, -1);
    if (cut.length < NEAR_EXACT_MIN_TOKENS) return true;
    const full = kept.find((other) => {
      if (other === p) return false;
      const key = keyOf(other);
      return cut.every((w, i) => key[i] === w);
    });
    if (full) repeats.push({ paragraph: p, of: full });
    return !full;
  });
  repeats.sort((a, b) => startOf(a.paragraph).line - startOf(b.paragraph).line);
  return { kept: out, repeats };
}

// ---------------------------------------------------------------------------------------------
// Level sequences

interface SequenceLabel {
  label: string;
  index: number;
}

// Arrows that only ever mean "next"; `>`, `»` and `›` also separate breadcrumbs.
const ARROWS = String.raw`→|⟶|➔|➜|➝|⇒|-{1,2}>|=>|—>|←|⟵|<-{1,2}`;
// Arrows pointing back list the most senior level first.
const BACKWARDS = /^(?:←|⟵|<-{1,2})$/u;
const SEPARATOR = new RegExp(String.raw`\s*(${ARROWS}|»|›)\s*|\s+(>)\s+`, 'gu');
const UNAMBIGUOUS = new RegExp(`^(?:${ARROWS})$`, 'u');
const CODE_IN_LABEL = /[(\[][^()[\]]+[)\]]\s*$/;
const CONNECTORS = new Set(['of', 'and', '&', 'the', 'for', 'in', '/', '-', '+']);

function isLabelLike(text: string): boolean {
  const t = text.trim();
  return t !== '' && t.length <= 60 && t.split(/\s+/).length <= 8 && !/[.;!?]|:\s/.test(t);
}

function isCapitalised(word: string): boolean {
  return /^[("“]?[\p{Lu}\p{N}]/u.test(word);
}

/**
 * Start index (in `text`) of the level label that ends `text`: after "Levels:" the whole clause,
 * else the trailing run of capitalised words ("The ladder runs Junior (P1)" → "Junior (P1)").
 */
function tailLabelStart(text: string): number {
  const boundary = Math.max(
    0,
    ...[':', ';', '. ', '! ', '? ', ', ', ' — ', ' – '].map((b) => {
      const i = text.lastIndexOf(b);
      return i === -1 ? -1 : i + b.length;
    }),
  );
  const clause = text.slice(boundary);
  const afterColon = boundary > 0 && text.slice(0, boundary).trimEnd().endsWith(':');
  if (afterColon && isLabelLike(clause)) return boundary + (clause.length - clause.trimStart().length);
  const words = [...clause.matchAll(/\S+/g)];
  const start = capitalisedRunStart(words.map((w) => w[0]));
  const first = words[start];
  return first ? boundary + first.index : text.length;
}

/** Index of the first word of the trailing label in `words`. */
function capitalisedRunStart(words: readonly string[]): number {
  let start = words.length;
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const word = words[i]!;
    const connector = CONNECTORS.has(word.toLowerCase()) && i > 0 && isCapitalised(words[i - 1]!) && start === i + 1;
    if ((i === words.length - 1 && CODE_IN_LABEL.test(word)) || isCapitalised(word) || connector) start = i;
    else break;
  }
  // Only a code so far ("technical lead (P4)"): its title reaches back to the nearest capitalised word.
  if (start === words.length - 1 && CODE_IN_LABEL.test(words[start] ?? '')) {
    for (let i = start - 1; i >= 0; i -= 1) {
      if (isCapitalised(words[i]!)) return i;
    }
  }
  return start;
}

/** Length of the label that starts `text`: up to its bracketed code, else up to clause punctuation. */
function headLabelLength(text: string, coded: boolean): number {
  const withCode = coded ? /^[^()[\]:;.,!?]*?[(\[][^()[\]]+[)\]]/u.exec(text) : null;
  if (withCode) return withCode[0].length;
  const m = /^.*?(?=[:;,!?]|\.(?:\s|$)|\s[—–-]\s|$)/u.exec(text);
  return (m?.[0] ?? text).trimEnd().length;
}

interface Separator {
  at: number;
  end: number;
  kind: string;
}

/** The longest chain of one kind of separator with label-shaped text between neighbours. */
function longestChain(text: string): Separator[] {
  const seps: Separator[] = [...text.matchAll(SEPARATOR)].map((m) => ({ at: m.index, end: m.index + m[0].length, kind: (m[1] ?? m[2])! }));
  let best: Separator[] = [];
  let chain: Separator[] = [];
  for (const sep of seps) {
    const previous = chain[chain.length - 1];
    if (previous && previous.kind === sep.kind && isLabelLike(text.slice(previous.end, sep.at))) chain.push(sep);
    else chain = [sep];
    if (chain.length > best.length) best = chain;
  }
  return best;
}

/** Levels listed as `A (P1) → B (P2) → C (P3)` in a paragraph, with their offsets in it. */
function findSequence(text: string): SequenceLabel[] | undefined {
  const chain = longestChain(text);
  if (chain.length < 2) return undefined;
  const middle = chain.slice(1).map((sep, i) => {
    const raw = text.slice(chain[i]!.end, sep.at);
    return { label: raw.trim(), index: chain[i]!.end + (raw.length - raw.trimStart().length) };
  });
  const codedShape = middle.every((l) => CODE_IN_LABEL.test(l.label));
  const before = text.slice(0, chain[0]!.at);
  const after = chain[chain.length - 1]!.end;
  const lastLength = headLabelLength(text.slice(after), codedShape);
  const firstStart = tailLabelStart(before);
  const labels = [
    { label: before.slice(firstStart).trim(), index: firstStart },
    ...middle,
    { label: text.slice(after, after + lastLength).trim(), index: after },
  ];
  if (labels.some((l) => !l.label)) return undefined;
  const coded = labels.every((l) => parseLevelLabel(l.label).code !== undefined);
  // Bare titles need an arrow that cannot be a breadcrumb; coded levels may use any separator.
  if (!coded && (codedShape || !UNAMBIGUOUS.test(chain[0]!.kind))) return undefined;
  return BACKWARDS.test(chain[0]!.kind) ? labels.reverse() : labels;
}

/** True when the paragraph is nothing but the sequence: structure, not description. */
function isBareSequence(text: string, labels: readonly SequenceLabel[]): boolean {
  const last = labels[labels.length - 1]!;
  return labels[0]!.index === 0 && last.index + last.label.length >= text.replace(/[\s.]+$/u, '').length;
}

// ---------------------------------------------------------------------------------------------
// Line shapes

// Imperative, base-form UI verbs (UI_SENTENCE): ladder statements use the third person
// ("Selects", "Reads"), so base forms at a sentence start are page chrome.
const BOILERPLATE_MAX_WORDS = 20;

/** Words in `text`, counted no further than `limit` + 1 (every caller asks "at most n?"; a long paragraph costs no more). */
function wordCount(text: string, limit: number): number {
  const word = /\S+/g;
  let n = 0;
  while (n <= limit && word.exec(text)) n += 1;
  return n;
}

/**
 * Short page chrome: a breadcrumb trail, or sentences that are all imperative UI verbs or bare
 * counts with at least one UI verb ("6 leveled profiles. Pick a level…"); a count alone
 * ("5 years of experience") may be a level's fact.
 */
function isBoilerplate(text: string): boolean {
  if (wordCount(text, BOILERPLATE_MAX_WORDS) > BOILERPLATE_MAX_WORDS) return false;
  if (BREADCRUMB.test(text) && !/[.!?]$/.test(text)) return true;
  const sentences = splitSentences(text).map((s) => s.replace(/[.!?…]+$/u, '').trim());
  return sentences.some((s) => UI_SENTENCE.test(s)) && sentences.every((s) => UI_SENTENCE.test(s) || COUNT_PHRASE.test(s));
}

/** A short plain line such as "Individual contributor": a heading, not a sentence. */
function isShortLine(text: string): boolean {
  // Digits mark dates, counts and versions ("Updated 2024"), never a role family.
  return text.length <= 60 && wordCount(text, 6) <= 6 && /^\p{L}/u.test(text) && !/[.!?:;,]$|\d/.test(text);
}

/** "Last updated 12 March 2024", "© 2024 Acme Inc.", "v2.3": a short line with a number and no sentence. */
function isNumberedLine(text: string): boolean {
  return text.length <= 60 && wordCount(text, 6) <= 6 && /\d/.test(text) && !/[.!?]\s/.test(text);
}

/** Short, capitalised, and no sentence punctuation. */
function isTitleLike(text: string): boolean {
  return text.length <= 100 && wordCount(text, 12) <= 12 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?:;,]$|[.!?]\s/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// Levels and the clauses that name them

interface LevelRef {
  /** Index into the track's levels. */
  level: number;
  track: number;
}

interface KnownLevel extends LevelRef {
  label: string;
  code?: string;
  title: string;
  /** The label, code and title as whole-word patterns at the start of a text. */
  patterns: Array<{ re: RegExp; titleOnly: boolean }>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function startPattern(name: string): RegExp {
  return new RegExp(`^${escapeRegExp(name)}(?![\\p{L}\\p{N}(-])`, 'u');
}

/**
 * The level a text starts with, as a whole word, and the length of that prefix. Codes and full
 * labels count anywhere; a bare title ("Senior") only for a line that is nothing else, because
 * "Senior engineers …" is a sentence about people, not a level's content.
 */
function leadingLevel(text: string, known: readonly KnownLevel[], wholeLine = false): { level: KnownLevel; prefix: number } | undefined {
  let best: { level: KnownLevel; prefix: number } | undefined;
  for (const level of known) {
    for (const { re, titleOnly } of level.patterns) {
      if (titleOnly && !wholeLine) continue;
      const m = re.exec(text);
      if (m && (!wholeLine || m[0].length === text.length) && (!best || m[0].length > best.prefix)) {
        best = { level, prefix: m[0].length };
      }
    }
  }
  return best;
}

const CONJUNCTION = /^(?:and|but|while|whereas|then|or|so|with)\s+/i;

/** Clauses of a paragraph: sentences split at `;` and `: `, and before ", [and] CODE". */
function clausesOf(text: string, known: readonly KnownLevel[]): string[] {
  const codes = known.flatMap((l) => (l.code ? [escapeRegExp(l.code)] : []));
  const beforeCode = codes.length
    ? new RegExp(`,\\s+(?=(?:(?:and|but|while|whereas|then|or)\\s+)?(?:${codes.join('|')})(?![\\p{L}\\p{N}]))`, 'u')
    : undefined;
  return splitSentences(text)
    .flatMap((s) => s.split(/;\s*|:\s+/))
    .flatMap((s) => (beforeCode ? s.split(beforeCode) : [s]))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A clause that starts with a level, as written but without a leading conjunction or closing punctuation. */
function summaryClause(clause: string, known: readonly KnownLevel[]): { level: KnownLevel; text: string } | undefined {
  const text = clause.replace(CONJUNCTION, '').replace(/[\s.,;:]+$/u, '');
  const lead = leadingLevel(text, known);
  const rest = lead ? text.slice(lead.prefix) : '';
  // A clause that is only the level's name ("Junior (P1)"), or the sequence itself, says nothing about it.
  if (!lead || rest.trim() === '' || /^\s*[(\[]/.test(rest) || findSequence(text)) return undefined;
  return { level: lead.level, text };
}

// ---------------------------------------------------------------------------------------------
// Tracks and their levels

interface FoundTrack {
  track: DraftTrack;
  /** The paragraph the levels come from: where a naming line is looked for. */
  anchor: Paragraph;
}

/** Distinct level sequences, each the levels of one track, in document order. */
function findTracks(paragraphs: readonly Paragraph[]): { found: FoundTrack[]; sequences: Map<Paragraph, SequenceLabel[]> } {
  const found: FoundTrack[] = [];
  const seen = new Set<string>();
  const sequences = new Map<Paragraph, SequenceLabel[]>();
  for (const p of paragraphs) {
    const labels = findSequence(p.text);
    if (!labels) continue;
    sequences.set(p, labels);
    const key = labels.map((l) => l.label.toLowerCase()).join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    const levels = labels.map((l) => ({ label: l.label, position: positionIn(p, l.index) }));
    // "E1 -> E2 -> E3" and "Engineer (E1) -> … (E3)" list the same levels, once bare and once with
    // titles: one track, with the fuller labels (the first mention stays the naming anchor).
    const codes = codesOf(labels);
    const same = codes && found.find((f) => codesOf(f.track.levels) === codes);
    if (same) {
      if (labels.some((l) => parseLevelLabel(l.label).title !== parseLevelLabel(l.label).code)) same.track.levels = levels;
      continue;
    }
    found.push({ track: { name: '', levels, competencies: [], position: startOf(p) }, anchor: p });
  }
  return { found, sequences };
}

/** The sequence's codes in order ("E1\0E2\0E3"), when every label has one. */
function codesOf(labels: ReadonlyArray<{ label: string }>): string | undefined {
  const codes = labels.map((l) => parseLevelLabel(l.label).code?.replace(/\s+/g, '').toUpperCase());
  return codes.every((c) => c !== undefined) ? codes.join('\0') : undefined;
}

// Codes with letters ("P3", "IC 2", "L1"): bare numbers lead too many ordinary sentences.
const LEADING_CODE = /^([A-Z]{1,4} ?\d{1,2})(?=\s*[:—–-]\s|\s+\p{Ll}|\s*$)/u;
const LEVEL_HEADING = /^.{0,50}[(\[][A-Z]{1,4} ?\d{1,2}[)\]]$/u;

/** A line ending in a colon, as a heading over the lines below it ("Level 1 - Associate:"). */
const withoutColon = (text: string): string => text.replace(/\s*:$/, '');

/**
 * A short line that is only a level's code and title, in any of the usual shapes ("Level 1 -
 * Associate:", "L1 Junior Engineer", "LEVEL 2 — ENGINEER"): a level heading. Bare numbers do not
 * count ("2 years"), nor lines with sentence punctuation inside.
 */
function codedHeading(text: string): string | undefined {
  const line = withoutColon(text);
  if (line.length > 60 || wordCount(line, 8) > 8 || /[.!?;,]\s|[.!?;,]$/.test(line)) return undefined;
  const { code } = parseLevelLabel(line);
  return code !== undefined && /\p{L}/u.test(code) ? line : undefined;
}

/** Without a sequence: levels are the codes that lead paragraphs or stand as headings, in order of first appearance. */
function discoverLevels(paragraphs: readonly Paragraph[]): FoundTrack | undefined {
  const levels: DraftLevel[] = [];
  const codes = new Set<string>();
  let anchor: Paragraph | undefined;
  for (const p of paragraphs) {
    const label = LEVEL_HEADING.test(p.text) ? p.text : (codedHeading(p.text) ?? LEADING_CODE.exec(p.text)?.[1]);
    const code = label ? (parseLevelLabel(label).code ?? label) : undefined;
    if (!label || !code || codes.has(code)) continue;
    codes.add(code);
    anchor ??= p;
    levels.push({ label, position: startOf(p) });
  }
  if (levels.length < 2 || !anchor) return titleHeadings(paragraphs);
  return { track: { name: '', levels, competencies: [], position: startOf(anchor) }, anchor };
}

const MIN_TITLE_HEADINGS = 3;

/**
 * Without codes: three or more short lines that name a job or rung ("Junior Engineer", "Engineer",
 * "Staff Engineer"), each heading a paragraph of prose, are the levels in document order.
 */
function titleHeadings(paragraphs: readonly Paragraph[]): FoundTrack | undefined {
  const headings = paragraphs.filter((p, i) => {
    const next = paragraphs[i + 1];
    // The first line is the page's title ("Software Engineer Levels" over the intro), not a level.
    const line = withoutColon(p.text);
    // A first line ending in a colon heads what follows ("Engineer I:"), as a page title does not.
    return (i > 0 || line !== p.text) && isShortLine(line) && isTitleLike(line) && namesARole(line) && next !== undefined && !isShortLine(next.text);
  });
  const labels = new Set(headings.map((p) => withoutColon(p.text).toLowerCase()));
  if (headings.length < MIN_TITLE_HEADINGS || labels.size !== headings.length) return undefined;
  const levels = headings.map((p) => ({ label: withoutColon(p.text), position: startOf(p) }));
  return { track: { name: '', levels, competencies: [], position: startOf(headings[0]!) }, anchor: headings[0]! };
}

function knownLevels(tracks: readonly DraftTrack[]): KnownLevel[] {
  return tracks.flatMap((track, t) =>
    track.levels.map((level, i) => {
      const { title, code } = parseLevelLabel(level.label);
      const patterns = [{ re: startPattern(level.label), titleOnly: false }];
      if (code) patterns.push({ re: startPattern(code), titleOnly: false });
      patterns.push({ re: startPattern(title), titleOnly: true });
      const known: KnownLevel = { track: t, level: i, label: level.label, title, patterns };
      if (code) known.code = code;
      return known;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// What each paragraph is

type Role =
  | { role: 'skip'; reason: string }
  /** A level heading line, or a line that is only the level sequence. */
  | { role: 'structure' }
  /** Level content; `led` when the paragraph starts with the level's code as its subject. */
  | { role: 'content'; level: KnownLevel; text: string; led?: boolean }
  /** A short line: names a track if one is near, else skipped. */
  | { role: 'short' }
  /** Prose: summaries from its clauses, and description. */
  | { role: 'prose' };

/** "P3: text" drops the label; "P3 leads design" keeps it, the code being the sentence's subject. */
function withoutLabel(text: string, prefix: number): string {
  const separated = /^\s*[:—–-]\s*/u.exec(text.slice(prefix));
  return separated ? text.slice(prefix + separated[0].length) : text;
}

/** A paragraph's role by its own shape, and the level heading it falls under. */
function roleOf(p: Paragraph, context: Context, heading: KnownLevel | undefined): Role {
  const { known } = context;
  const labels = context.sequences.get(p);
  if (!/[\p{L}\p{N}]/u.test(p.text)) return { role: 'skip', reason: 'a line of symbols only (a rule or ornament)' };
  if (context.menu.has(p)) return { role: 'skip', reason: `"${p.text}" is part of a navigation menu` };
  if (labels) return isBareSequence(p.text, labels) ? { role: 'structure' } : { role: 'prose' };
  if (leadingLevel(withoutColon(p.text), known, true)) return { role: 'structure' };
  if (isBoilerplate(p.text)) return { role: 'skip', reason: `"${p.text}" reads as page chrome, not ladder content` };
  const lead = leadingLevel(p.text, known);
  if (lead) {
    const text = withoutLabel(p.text, lead.prefix);
    return { role: 'content', level: lead.level, text, led: text === p.text };
  }
  // "Last updated 3 March 2026", "© 2026 Acme": a page stamp, not the content of the level above.
  const stamp = isNumberedLine(p.text) && PAGE_STAMP.test(p.text);
  if (heading && !stamp) return { role: 'content', level: heading, text: p.text };
  if (isNumberedLine(p.text)) return { role: 'skip', reason: `"${p.text}" is a date, count or version line` };
  return isShortLine(p.text) ? { role: 'short' } : { role: 'prose' };
}

/** What every paragraph's role is decided against. */
interface Context {
  known: readonly KnownLevel[];
  sequences: ReadonlyMap<Paragraph, SequenceLabel[]>;
  menu: ReadonlySet<Paragraph>;
}

function rolesOf(body: readonly Paragraph[], context: Context): Role[] {
  let heading: KnownLevel | undefined;
  return body.map((p) => {
    const role = roleOf(p, context, heading);
    if (role.role === 'structure' && !context.sequences.has(p)) heading = leadingLevel(withoutColon(p.text), context.known, true)?.level;
    return role;
  });
}

const MENU_RUN = 3;
const MENU_ITEM_WORDS = 3;

/** Three or more one-to-three-word lines in a row (that are not level names) are a site menu. */
function navigationMenu(paragraphs: readonly Paragraph[], known: readonly KnownLevel[]): Set<Paragraph> {
  const menu = new Set<Paragraph>();
  const isItem = (p: Paragraph): boolean => wordCount(p.text, MENU_ITEM_WORDS) <= MENU_ITEM_WORDS && isShortLine(p.text) && !leadingLevel(p.text, known, true);
  for (let i = 0; i < paragraphs.length; ) {
    let end = i;
    while (end < paragraphs.length && isItem(paragraphs[end]!)) end += 1;
    if (end - i >= MENU_RUN) for (const p of paragraphs.slice(i, end)) menu.add(p);
    i = Math.max(end, i + 1);
  }
  return menu;
}

/** Each track takes the nearest unused short line (before it on a tie: headings come first). */
function nameTracks(found: readonly FoundTrack[], body: readonly Paragraph[], roles: readonly Role[]): Map<number, number> {
  const names = new Map<number, number>();
  // Short lines after the last level content are page footer ("Privacy policy"), never a name.
  const lastContent = roles.reduce((last, role, i) => (role.role === 'content' || role.role === 'structure' ? i : last), -1);
  found.forEach((f, t) => {
    const anchor = body.indexOf(f.anchor);
    let best: number | undefined;
    roles.forEach((role, i) => {
      if (role.role !== 'short' || names.has(i) || (lastContent >= 0 && i > lastContent)) return;
      const distance = Math.abs(i - anchor);
      const bestDistance = best === undefined ? Infinity : Math.abs(best - anchor);
      if (distance < bestDistance || (distance === bestDistance && i < anchor)) best = i;
    });
    if (best !== undefined) names.set(best, t);
  });
  return names;
}

// ---------------------------------------------------------------------------------------------
// Assembly

interface Builder {
  draft: DraftLadder;
  known: KnownLevel[];
  /** Level content per track index. */
  cells: Map<number, DraftCell[]>;
  /** Level keys ("track:level") that already have a summary. */
  summarised: Set<string>;
}

function levelKey(ref: LevelRef): string {
  return `${ref.track}:${ref.level}`;
}

function addCell(builder: Builder, ref: LevelRef, text: string, position: Position): void {
  const list = builder.cells.get(ref.track) ?? [];
  list.push({ level: ref.level, text, position });
  builder.cells.set(ref.track, list);
}

/** Summaries from clauses led by a level; a further clause for that level becomes a line of its content. */
function takeSummaries(builder: Builder, p: Paragraph): void {
  for (const clause of clausesOf(p.text, builder.known)) {
    const found = summaryClause(clause, builder.known);
    if (!found) continue;
    const key = levelKey(found.level);
    if (!builder.summarised.has(key)) {
      builder.summarised.add(key);
      builder.draft.tracks[found.level.track]!.levels[found.level.level]!.summary = found.text;
    } else {
      addCell(builder, found.level, found.text, positionIn(p, Math.max(0, p.text.indexOf(found.text))));
    }
  }
}

/**
 * "P1 engineers work on small tasks with guidance. They ask for help early.": a paragraph led by
 * the level's code whose first sentence is about that level gives the summary (when the level has
 * none yet), as a one-sentence paragraph does; the sentences after it are the level's content.
 */
function ledSummary(builder: Builder, level: KnownLevel, p: Paragraph): boolean {
  const key = levelKey(level);
  if (builder.summarised.has(key)) return false;
  const [first, ...rest] = splitSentences(p.text);
  const found = first ? summaryClause(first, builder.known) : undefined;
  if (!found || found.level !== level || rest.length === 0) return false;
  builder.summarised.add(key);
  builder.draft.tracks[level.track]!.levels[level.level]!.summary = found.text;
  const restText = rest.join(' ');
  addCell(builder, level, restText, positionIn(p, Math.max(0, p.text.indexOf(rest[0]!))));
  return true;
}

function addDescription(target: { description?: string }, text: string): void {
  target.description = target.description ? `${target.description}\n\n${text}` : text;
}

/** Three words or more with one in lower case ("Writes small changes"), or closing punctuation: a sentence, not a title. */
function readsAsSentence(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return /[.!?]$/.test(text) || (words.length >= 3 && words.slice(1).some((w) => /^\p{Ll}/u.test(w) && !/^(?:of|and|the|a|an|to|for|in|on|at|by|&)$/.test(w)));
}

function assemble(builder: Builder, body: readonly Paragraph[], roles: readonly Role[], names: Map<number, number>, input: ReaderInput): void {
  // The track whose name line came just before: the next prose describes it.
  let named: DraftTrack | undefined;
  body.forEach((p, i) => {
    const role = roles[i]!;
    const track = names.get(i);
    if (role.role === 'short' && track !== undefined) {
      named = builder.draft.tracks[track]!;
      named.name = p.text;
      named.position = startOf(p);
      return;
    }
    if (role.role === 'short' && readsAsSentence(p.text)) {
      // A sentence the reader could not place ("Writes small, well-tested changes") is ladder
      // content lost: a warning, where a title or a menu item left out is chrome.
      input.diagnostics.warn('skipped-content', `"${p.text}" is in no level or competency; skipped`, startOf(p), 'put it under a level heading line, or remove it');
    } else if (role.role === 'skip' || role.role === 'short') {
      const reason = role.role === 'skip' ? role.reason : `"${p.text}" stands alone and names no track`;
      input.diagnostics.info('not-ladder-content', `${reason}; skipped`, startOf(p));
    } else if (role.role === 'content') {
      // "P4 takes ownership of large projects." on its own is a clause led by the code: a summary.
      const clause = role.led && clausesOf(p.text, builder.known).length === 1 ? summaryClause(p.text, builder.known) : undefined;
      if (clause && !builder.summarised.has(levelKey(clause.level))) takeSummaries(builder, p);
      else if (!ledSummary(builder, role.level, p)) addCell(builder, role.level, role.text, startOf(p));
    } else if (role.role === 'prose') {
      takeSummaries(builder, p);
      // With one track, what describes it describes the ladder: keep it there, once.
      addDescription(named && !named.description && builder.draft.tracks.length > 1 ? named : builder.draft, p.text);
    }
    named = undefined;
  });
}

/** For every paragraph, the level whose heading line it comes under, if any. */
function levelContexts(paragraphs: readonly Paragraph[], known: readonly KnownLevel[]): Map<Paragraph, string | undefined> {
  const out = new Map<Paragraph, string | undefined>();
  let current: string | undefined;
  for (const p of paragraphs) {
    const heading = leadingLevel(withoutColon(p.text), known, true);
    if (heading) current = levelKey(heading.level);
    out.set(p, current);
  }
  return out;
}

/**
 * Scraped text: read line by line (readLines), and as an outline of its heading and label lines
 * (sections/text-tree.ts); the reading that keeps clearly more of the text wins (chooseReading).
 */
export function readText(input: ReaderInput): DraftLadder {
  const tree = textTree(input.text);
  const doc = buildOutline(tree);
  const first = doc.children[0];
  const title = first && first.depth === 1 && doc.blocks.length === 0 ? first.title : undefined;
  return chooseReading(input.text, input.file, input.diagnostics, (diagnostics) => readLines({ ...input, diagnostics }), doc, title);
}

function readLines(input: ReaderInput): DraftLadder {
  const all = splitParagraphs(input.text);
  const words = wordsOf(all);
  const { found: sequenced, sequences } = findTracks(withoutRepeats(all, words).kept);
  const discovered = sequenced.length ? undefined : discoverLevels(all);
  const found = discovered ? [discovered] : sequenced;
  const draft: DraftLadder = { tracks: found.map((f) => f.track) };
  const known = knownLevels(draft.tracks);
  // A level's name line repeats by design (a tab list, then each profile's heading): never a repeat.
  const deduped = withoutRepeats(all, words, (p) => leadingLevel(p.text, known, true) !== undefined);
  // The same line under two different level headings is a ladder repeating an expectation on
  // purpose ("Writes tested code." at Engineer I and II), not a scrape's duplicate: keep it.
  const context = levelContexts(all, known);
  const onPurpose = new Set(deduped.repeats.filter((r) => context.get(r.paragraph) !== undefined && context.get(r.of) !== undefined && context.get(r.paragraph) !== context.get(r.of)).map((r) => r.paragraph));
  const kept = new Set(deduped.kept);
  const paragraphs = onPurpose.size ? all.filter((p) => kept.has(p) || onPurpose.has(p)) : deduped.kept;
  const repeats = deduped.repeats.filter((r) => !onPurpose.has(r.paragraph));
  for (const r of repeats) {
    input.diagnostics.info('repeated-paragraph', `this paragraph repeats the one at line ${startOf(r.of).line}; the repeat is dropped`, startOf(r.paragraph));
  }
  const menu = navigationMenu(paragraphs, known);

  // The first line after any menu is the title when it reads like one.
  const first = paragraphs.find((p) => !menu.has(p));
  // A first line led by a level name is that level's line ("P3 leads …"), unless a capitalised word
  // follows the name, as in a heading ("Software Engineer Levels").
  const led = first && leadingLevel(first.text, known);
  const headingAfterLevel = led !== undefined && /^\s+\p{Lu}/u.test(first!.text.slice(led.prefix));
  const isTitle = first && isTitleLike(first.text) && !sequences.has(first) && !isBoilerplate(first.text) && (!led || headingAfterLevel);
  // "Engineering Levels | Acme Careers": the part before a site-name separator.
  if (isTitle) draft.title = first.text.split(/\s+[|·]\s+/u)[0]!;
  const body = isTitle ? paragraphs.filter((p) => p !== first) : paragraphs;

  const builder: Builder = { draft, known, cells: new Map(), summarised: new Set() };
  const roles = rolesOf(body, { known, sequences, menu });
  assemble(builder, body, roles, nameTracks(found, body, roles), input);

  draft.tracks.forEach((track, t) => {
    // No line named the track: the ladder's title is the best name the page offers.
    if (!track.name) track.name = draft.title ?? 'Levels';
    const cells = builder.cells.get(t);
    if (cells?.length) track.competencies.push(...competenciesOf(cells));
  });
  return draft;
}

/**
 * Level content as competencies: lines led by a label that recurs at two or more levels ("Scope: …",
 * "Technical skills: …") are that competency's, in order of first appearance; the rest is one
 * implicit competency.
 */
function competenciesOf(cells: readonly DraftCell[]): DraftCompetency[] {
  const matches = cells.map((cell) => LABELLED_LINE.exec(cell.text));
  const levelsByLabel = new Map<string, Set<number>>();
  cells.forEach((cell, i) => {
    const m = matches[i];
    if (m) levelsByLabel.set(m[1]!, (levelsByLabel.get(m[1]!) ?? new Set()).add(cell.level));
  });
  const named = new Map<string, DraftCompetency>();
  const rest: DraftCell[] = [];
  for (const [i, cell] of cells.entries()) {
    const m = matches[i];
    if (!m || (levelsByLabel.get(m[1]!)?.size ?? 0) < 2) {
      rest.push(cell);
      continue;
    }
    let competency = named.get(m[1]!);
    if (!competency) named.set(m[1]!, (competency = { name: m[1]!, cells: [], ...(cell.position ? { position: cell.position } : {}) }));
    competency.cells.push({ ...cell, text: m[2]!.trim() });
  }
  const out = [...named.values()];
  if (rest.length) out.push({ name: IMPLICIT_COMPETENCY, cells: rest, position: rest[0]!.position! });
  return out;
}
