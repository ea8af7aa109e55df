// Coverage: the share of a source's words that its model keeps, so that text a reader drops shows
// as a number on every ladder (source.coverage) and in the build summary, not only in diagnostics.
//
// Words are runs of letters, compared case-insensitively; digits and punctuation are not words.
// The source's words are those of its text once markup is set aside: HTML tags, comments, script
// and style blocks, link and image targets, bare URLs, and YAML comments and keys. A model
// word counts once per occurrence in the source at most (a multiset intersection), so a reader that
// repeats text (a statement kept as text and as a summary) cannot raise its coverage. A line the
// source repeats word for word (a scraped page's menu, a paragraph shown in two tabs) counts once:
// keeping it once loses nothing. Words a reader read as references (ids, a level named to place an
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

/** The text a source's words are counted in: its content with markup set aside. */
export function sourceText(text: string, format: string): string {
  let out = text;
  if (format === 'yaml-data' || format === 'front-matter') {
    out = out.replace(YAML_COMMENT, '$1').replace(YAML_KEY, '$1');
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
  for (const line of sourceText(text, format).split('\n')) {
    const key = line.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    countWords(line, source);
  }
  const model = new Map<string, number>();
  for (const run of [...modelText(ladder), ...references]) countWords(run, model);
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
