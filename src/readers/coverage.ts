// Coverage: the share of a source's words that its model keeps, so that text a reader drops shows
// as a number on every ladder (source.coverage) and in the build summary, not only in diagnostics.
//
// Words are runs of letters, compared case-insensitively; digits and punctuation are not words.
// The source's words are those of its text once markup is set aside: HTML tags, comments, script
// and style blocks, link and image targets, bare URLs, and YAML comments and keys. A model
// word counts once per occurrence in the source at most (a multiset intersection), so a reader that
// repeats text (a statement kept as text and as a summary) cannot raise its coverage. A line the
// source repeats word for word (a scraped page's menu, a paragraph shown in two tabs), and so does a
// sentence or table cell it repeats (a matrix over the level sections that list the same
// statements): keeping it once loses nothing. Words a reader read as references (ids, a level named to place an
// entry) count as kept.

import type { Ladder } from '../model.js';
import type { DraftLadder } from './draft.js';

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** The words of a text, lower-cased, with their counts. */
function countWords(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    into.set(w, (into.get(w) ?? 0) + 1);
  }
  return into;
}

// Markup that is never text: each replaced by a space so that the words around it stay apart.
const MARKUP: readonly RegExp[] = [
  /<!--[\s\S]*?-->/g, // HTML comments
  /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, // script and style blocks, content included
  /<\/?[A-Za-z][^>]*>/g, // tags and their attributes
  /&[#\w]+;/g, // character references
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g, // Markdown link and image targets: "[text](url "title")"
  /^\s*\[[^\]]+\]:\s*\S+.*$/gm, // link reference definitions
  /\b(?:https?|ftp|mailto):[^\s)>\]]+/gi, // bare URLs
  /\bwww\.[^\s)>\]]+/gi,
];

// YAML: comments and "key:" (in block and flow mappings) are markup. Ids and references are set
// aside by the reader that reads them (DraftLadder.references).
const YAML_COMMENT = /(^|\s)#.*$/gm;
const YAML_KEY = /(^\s*(?:-\s+)?|[{,]\s*)([\w.-]+)\s*:(?=\s|$)/gm;
// The same data written as JSON: "key": …
const JSON_KEY = /"[\w.-]+"\s*:/g;

/** The text a source's words are counted in: its content with markup set aside. */
export function sourceText(text: string, format: string): string {
  let out = text;
  if (format === 'yaml-data' || format === 'front-matter') {
    out = out.replace(YAML_COMMENT, '$1').replace(YAML_KEY, '$1').replace(JSON_KEY, ' ');
  }
  for (const re of MARKUP) out = out.replace(re, ' ');
  return out;
}

/** Every run of text the model holds: titles, names, summaries, metadata, expectations, notes. */
export function modelText(ladder: Pick<Ladder, 'title' | 'description' | 'tracks'>): string[] {
  const out: string[] = [ladder.title];
  if (ladder.description) out.push(ladder.description);
  for (const t of ladder.tracks) {
    out.push(t.name);
    if (t.description) out.push(t.description);
    out.push(...(t.notes ?? []));
    for (const b of t.baseline ?? []) out.push(b.competency, ...b.statements);
    for (const l of t.levels) {
      out.push(l.title);
      if (l.code) out.push(l.code);
      if (l.summary) out.push(l.summary);
      for (const [k, v] of Object.entries(l.metadata ?? {})) out.push(k, v);
    }
    for (const c of t.competencies) {
      out.push(c.name);
      if (c.category) out.push(c.category);
      if (c.area) out.push(c.area);
      if (c.description) out.push(c.description);
      for (const e of c.expectations) {
        out.push(e.text);
        for (const g of e.examples ?? []) out.push(...g.examples);
      }
    }
  }
  return out;
}

const MAX_NAME_WORDS = 12;

// What a repeat is counted in: a sentence or a table cell ("|"), within a line. A matrix that
// shows the statements a level's section lists again (the canonical Markdown, a summary table over
// the details) repeats them cell by cell, not line by line.
const UNIT_BREAK = /\s*\|\s*|(?<=[.!?])\s+(?=\S)/;

/**
 * The words of the source's every further mention of a level or competency by name: a label that
 * places an entry ("- **Senior Engineer:** …" under each competency, a competency named again in
 * a level's section) is the model's structure, read as a reference, so each mention counts as kept
 * (the model holds the name once). Names are matched as whole runs of words within a line, by one
 * walk of a trie of the names over the source's words (linear in the source).
 */
function namedAgain(ladder: Pick<Ladder, 'tracks'>, lines: ReadonlyArray<readonly string[]>): Map<string, number> {
  interface Node { next: Map<string, Node>; words?: string[] }
  const root: Node = { next: new Map() };
  const add = (name: string | undefined) => {
    const words = name ? [...name.matchAll(WORD)].map((m) => m[0].toLowerCase()) : [];
    if (words.length === 0 || words.length > MAX_NAME_WORDS) return;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    node.words = words;
  };
  for (const t of ladder.tracks) {
    for (const l of t.levels) (add(l.title), add(l.code));
    for (const c of t.competencies) (add(c.name), add(c.category));
  }
  const mentions = new Map<string[], number>();
  for (const words of lines) {
    for (let i = 0; i < words.length; i += 1) {
      // The longest name that starts here ("Senior Staff Engineer", not "Senior").
      let node: Node | undefined = root;
      let found: string[] | undefined;
      for (let j = i; j < words.length && node; j += 1) {
        node = node.next.get(words[j]!);
        if (node?.words) found = node.words;
      }
      if (found) {
        mentions.set(found, (mentions.get(found) ?? 0) + 1);
        i += found.length - 1;
      }
    }
  }
  const extra = new Map<string, number>();
  for (const [words, n] of mentions) {
    if (n < 2) continue;
    for (const w of words) extra.set(w, (extra.get(w) ?? 0) + n - 1);
  }
  return extra;
}

export interface Coverage {
  /** Words in the source's text. */
  sourceWords: number;
  /** Of those, how many the model keeps. */
  keptWords: number;
  /** keptWords / sourceWords, rounded down to three decimals (1 for a source without words). */
  share: number;
}

export function coverageOf(ladder: Pick<Ladder, 'title' | 'description' | 'tracks'>, text: string, format: string, references: readonly string[] = []): Coverage {
  const source = new Map<string, number>();
  const seen = new Set<string>();
  // Each kept unit's words, lower-cased: counted here, walked for names by namedAgain.
  const lines: string[][] = [];
  for (const line of sourceText(text, format).split('\n')) {
    for (const unit of line.split(UNIT_BREAK)) {
      // Compared by their words alone: "- Writes tests." repeats the cell "Writes tests.".
      const key = (unit.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const words = [...unit.matchAll(WORD)].map((m) => m[0].toLowerCase());
      for (const w of words) source.set(w, (source.get(w) ?? 0) + 1);
      lines.push(words);
    }
  }
  const model = new Map<string, number>();
  for (const run of [...modelText(ladder), ...references]) countWords(run, model);
  for (const [word, n] of namedAgain(ladder, lines)) model.set(word, (model.get(word) ?? 0) + n);
  let sourceWords = 0;
  let keptWords = 0;
  for (const [word, n] of source) {
    sourceWords += n;
    keptWords += Math.min(n, model.get(word) ?? 0);
  }
  const share = sourceWords === 0 ? 1 : Math.floor((keptWords / sourceWords) * 1000) / 1000;
  return { sourceWords, keptWords, share };
}

/**
 * The runs of text a reader's draft places in its levels and competencies, before finalize: what
 * two readings of one text are compared by (with the track's notes and baseline). Titles and
 * descriptions are left out, since a reading that understood nothing could keep every word there.
 */
export function draftText(draft: DraftLadder): string[] {
  const out: string[] = [];
  for (const t of draft.tracks) {
    out.push(...(t.notes ?? []));
    for (const b of t.baseline ?? []) out.push(b.competency, ...b.statements);
    for (const l of t.levels) out.push(l.label, l.title ?? '', l.code ?? '', l.summary ?? '', ...Object.entries(l.metadata ?? {}).flat());
    for (const c of t.competencies) {
      out.push(c.name, c.category ?? '', c.area ?? '', c.description ?? '');
      for (const cell of c.cells) out.push(cell.text, ...(cell.examples ?? []).flatMap((e) => e.examples));
    }
  }
  return out;
}

/** How many of the source's words a draft keeps (the measure coverageOf divides). */
export function draftKeptWords(draft: DraftLadder, text: string, format: string): Coverage {
  const texts = draftText(draft);
  const tracks = [{ id: '', name: '', levels: [], competencies: [{ id: '', name: '', expectations: texts.map((t) => ({ level: '', text: t, statements: [] })) }] }];
  return coverageOf({ title: '', tracks }, text, format, draft.references);
}
