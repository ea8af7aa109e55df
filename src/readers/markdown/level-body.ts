// What one section of prose says: labelled entries (sub-headings, `**Label:**` run-ins, `- Label: …`
// items), unlabelled paragraphs, italic lines and notes, metadata and equivalents. Pure: reading a
// body marks nothing as used; the caller does once it knows the section is a level.

import type { List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import type { Position } from '../../model.js';
import type { DraftEquivalent } from '../draft.js';
import { blockLines, inlineText, isLinkList, itemLines, isLinksOrImagesOnly, positionOf, splitLines, wholeParagraphIs } from './mdast.js';
import { descendants, type Section } from './sections.js';
import { LEVEL_FACT_LABEL } from '../lexicon.js';

export interface Entry {
  label: string;
  lines: string[];
  position: Position | undefined;
  /** Where the text starts (the first content block), for the expectation's position. */
  textPosition: Position | undefined;
}

export interface Line {
  text: string;
  position: Position | undefined;
}

export interface LevelBody {
  entries: Entry[];
  /** Paragraphs and list items without a label, one per line. */
  plain: Line[];
  /** Paragraphs that are entirely italic and are not notes (`_At this point…_`). */
  italic: string[];
  /** `_Note: …_` paragraphs. */
  notes: string[];
  metadata: Record<string, string>;
  equivalents: DraftEquivalent[];
  /** Nodes and sub-sections that the body turned into something. */
  used: object[];
}

const MAX_LABEL_WORDS = 6;
const NOT_EXPECTATIONS = /\b(?:perks?|bonus(?:es)?|benefits|questions|questionnaire|further\s+reading|reading\s+list|links|see\s+also|references|resources)\b/i;
export const NOTE = /^(?:note|nb|n\.b\.|disclaimer)\b/i;
const EQUIVALENT = /\bequivalents?\b/i;
// Labels that state a fact about the level rather than an expectation: metadata, not a competency.
const FACT_LABEL = LEVEL_FACT_LABEL;

/** The text of a note on the track: an italic paragraph or a block quote that says "Note: …". */
export function noteOf(block: RootContent): string | undefined {
  const italic = block.type === 'paragraph' && wholeParagraphIs(block, 'emphasis');
  if (!italic && block.type !== 'blockquote') return undefined;
  const text = blockLines(block).join(' ');
  return NOTE.test(text) ? text : undefined;
}

/** "Senior Engineer Responsibilities" under "Senior Engineer" → "Responsibilities". */
export function withoutPrefix(title: string, parent: string): string {
  const t = title.trim();
  const p = parent.trim();
  if (p && t.length > p.length + 1 && t.toLowerCase().startsWith(`${p.toLowerCase()} `)) return t.slice(p.length).replace(/^[\s:—–-]+/u, '');
  return t;
}

/** A short label: a few words, no sentence punctuation. */
function isLabel(text: string): boolean {
  const t = text.trim();
  return t !== '' && t.length <= 60 && t.split(/\s+/).length <= MAX_LABEL_WORDS && !/[.!?;]/.test(t) && /^\p{L}/u.test(t);
}

interface RunIn {
  label: string;
  rest: string;
}

/** `**Impact:** text`, `**Impact**: text`, `**Impact** — text` or `Impact: text` at the start of a paragraph. */
function runInLabel(paragraph: Paragraph, allowPlain: boolean, allowDash = false): RunIn | undefined {
  const [first, ...others] = paragraph.children;
  if (!first) return undefined;
  if (first.type === 'strong') {
    const label = inlineText(first.children);
    const rest = inlineText(others);
    if (label.endsWith(':') && isLabel(label.slice(0, -1))) return { label: label.slice(0, -1).trim(), rest };
    if (rest.startsWith(':') && isLabel(label)) return { label: label.trim(), rest: rest.slice(1).trim() };
    // `**Craft** — text`: a dash after the bold label separates it as a colon does.
    const dash = /^\s*[—–-]\s+/u.exec(rest);
    if (dash && isLabel(label)) return { label: label.trim(), rest: rest.slice(dash[0].length).trim() };
    return undefined;
  }
  if (!allowPlain || first.type !== 'text') return undefined;
  const text = inlineText(paragraph.children);
  const m = /^([^:\n]{1,60}):(?:\s+(.*)|$)/s.exec(text);
  if (m && isLabel(m[1]!)) return { label: m[1]!.trim(), rest: (m[2] ?? '').trim() };
  // `- Testing - Executes test plans`: in a list whose every item is labelled so, a spaced dash
  // after a capitalised name of a few words separates it as a colon does.
  const d = allowDash ? DASH_LABEL.exec(text) : null;
  if (d && isLabel(d[1]!)) return { label: d[1]!.trim(), rest: d[2]!.trim() };
  return undefined;
}

const DASH_LABEL = /^(\p{Lu}[\p{L}\p{N}&/' ]{0,40}?)\s+[—–-]\s+(\S.*)$/su;

/** A list item that names something: `- Scope: text`, or `- Scope` / `- Scope:` over a nested list. */
function itemEntry(item: ListItem): Entry | undefined {
  const [head, ...tail] = item.children;
  if (!head || head.type !== 'paragraph') return undefined;
  const tailLines = tail.flatMap(blockLines);
  const runIn = runInLabel(head, true, true);
  if (runIn && (runIn.rest !== '' || tailLines.length > 0)) {
    return entry(runIn.label, itemLines(tail, splitLines(runIn.rest)), positionOf(item), positionOf(item));
  }
  const text = inlineText(head.children).replace(/:$/, '');
  // A name over a nested list, or over paragraphs of its own: a `<dt>` over its `<dd>`, a loose
  // list item "Senior PM" whose next paragraph says what it means.
  const defines = tail.length > 0 && tail.every((c) => c.type === 'paragraph' || c.type === 'list');
  if ((tail.some((c) => c.type === 'list') || defines) && isLabel(text)) {
    return entry(text, tailLines, positionOf(item), positionOf(tail[0]!));
  }
  return undefined;
}

function entry(label: string, lines: string[], position: Position | undefined, textPosition: Position | undefined): Entry {
  return { label, lines, position, textPosition };
}


/** Entries of a list when every item is labelled, else undefined. */
export function labelledList(list: List): Entry[] | undefined {
  const entries = list.children.map(itemEntry);
  return entries.length > 0 && entries.every((e): e is Entry => e !== undefined) ? entries : undefined;
}

/** `Label: value` split at its first colon. */
function keyValue(text: string): { key: string; value: string } | undefined {
  // "**Key Expectations:**" alone has no value: it labels the blocks that follow instead.
  const m = /^([^:]{1,60}):\s*(\S.*)$/s.exec(text.trim());
  return m && isLabel(m[1]!) ? { key: m[1]!.trim(), value: m[2]!.trim() } : undefined;
}

/** Is this block something the reader can use at all (and not code, HTML, pictures or link lists)? */
export function isTextBlock(node: RootContent): boolean {
  // A paragraph of inline HTML only (`<picture><img …></picture>`) has no text to read.
  if (node.type === 'paragraph') return !isLinksOrImagesOnly(node.children) && inlineText(node.children) !== '';
  if (node.type === 'list') return !isLinkList(node);
  if (node.type === 'table') return keyValueTable(node) !== undefined;
  return node.type === 'blockquote';
}

/** `| Area | Typical expectation |` under a level heading: each row names a competency and its text. */
export function keyValueTable(table: Table): Entry[] | undefined {
  const [header, ...rows] = table.children;
  if (!header || header.children.length !== 2 || rows.length === 0) return undefined;
  const entries: Entry[] = [];
  for (const row of rows) {
    const [name, value] = row.children;
    const label = name ? inlineText(name.children) : '';
    if (!isLabel(label)) return undefined;
    const lines = value ? splitLines(inlineText(value.children)) : [];
    entries.push(entry(label, lines, positionOf(row), value ? positionOf(value) : positionOf(row)));
  }
  return entries;
}

/** "Experience: 0-2 years", "Typical years of industry experience: 0-5": facts, not expectations. */
function isFact(label: string, value: string): boolean {
  return FACT_LABEL.test(label) || (/\b(?:years?|experience)\b/i.test(label) && /\d/.test(value) && value.length <= 30);
}

/**
 * `**Scope**: Tasks⏎**Skills**:` is one paragraph with soft breaks: split it into one paragraph per
 * line when a later line starts with a bold label, so that each label is seen.
 */
function splitRunInLines(block: RootContent): RootContent[] {
  if (block.type !== 'paragraph') return [block];
  const lines: Paragraph[] = [];
  let current: Paragraph = { type: 'paragraph', children: [], position: block.position };
  for (const child of block.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      current.children.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push(current);
        current = { type: 'paragraph', children: [] };
        const start = child.position?.start;
        if (start) current.position = { start: { line: start.line + i, column: 1 }, end: { line: start.line + i, column: 1 } };
      }
      if (part) current.children.push({ type: 'text', value: part });
    });
  }
  lines.push(current);
  const labelled = lines.slice(1).some((p) => p.children[0]?.type === 'strong');
  return labelled ? lines.filter((p) => p.children.length > 0) : [block];
}

export function readLevelBody(section: Section): LevelBody {
  const body: LevelBody = { entries: [], plain: [], italic: [], notes: [], metadata: {}, equivalents: [], used: [] };
  const blocks = section.blocks.filter(isTextBlock);
  body.used.push(...blocks);
  // The entry that unlabelled blocks continue: after a `**Label:**` paragraph, until the next label.
  let current: Entry | undefined;
  for (const block of blocks.flatMap(splitRunInLines)) {
    const position = positionOf(block);
    // "> Note: levels are not a checklist.": a note on the track, as an italic note is.
    const quoted = block.type === 'blockquote' ? noteOf(block) : undefined;
    if (quoted) {
      body.notes.push(quoted);
      continue;
    }
    if (block.type === 'paragraph') {
      const text = inlineText(block.children);
      if (wholeParagraphIs(block, 'emphasis')) {
        // `_**Years of Experience:** 3-5_` is a fact however it is dressed.
        const kv = keyValue(text);
        if (kv && isFact(kv.key, kv.value)) body.metadata[kv.key] = kv.value;
        else (NOTE.test(text) ? body.notes : body.italic).push(text);
        continue;
      }
      if (wholeParagraphIs(block, 'strong')) {
        const kv = keyValue(text);
        if (kv && EQUIVALENT.test(kv.key)) addEquivalent(body, kv.key, kv.value, position);
        else if (kv) body.metadata[kv.key] = kv.value;
        else if (isLabel(text.replace(/:$/, ''))) {
          // A bold line on its own: a label for the blocks that follow.
          current = entry(text.replace(/:$/, '').trim(), [], position, undefined);
          body.entries.push(current);
        } else {
          body.plain.push(...splitLines(text).map((t) => ({ text: t, position })));
        }
        continue;
      }
      // "Responsibilities:" alone on its line over a list: a label for the blocks that follow, as a
      // bold line is.
      const plainLabel = /^([^:\n]{1,40}):$/.exec(text.trim());
      if (plainLabel && isLabel(plainLabel[1]!) && block.children.every((c) => c.type === 'text')) {
        current = entry(plainLabel[1]!.trim(), [], position, undefined);
        body.entries.push(current);
        continue;
      }
      const runIn = runInLabel(block, false);
      if (runIn && EQUIVALENT.test(runIn.label)) {
        addEquivalent(body, runIn.label, runIn.rest, position);
        continue;
      }
      if (runIn && isFact(runIn.label, runIn.rest)) {
        body.metadata[runIn.label] = runIn.rest;
        continue;
      }
      if (runIn) {
        current = entry(runIn.label, splitLines(runIn.rest), position, position);
        body.entries.push(current);
        continue;
      }
    }
    if (block.type === 'list' || block.type === 'table') {
      const entries = block.type === 'list' ? labelledList(block) : keyValueTable(block);
      if (entries) {
        for (const e of entries) {
          if (isFact(e.label, e.lines.join(' '))) body.metadata[e.label] = e.lines.join(' ');
          else body.entries.push(e);
        }
        current = undefined;
        continue;
      }
    }
    for (const line of blockLines(block)) {
      // "Skills:" written tight under a list item is a lazy line of that item ("Completes tasks.
      // Skills:"): still a label for what follows.
      const lazy = block.type === 'list' ? /^(?:(.*[.!?])\s+)?([^:.!?\n]{1,40}):$/.exec(line.trim()) : null;
      const label = lazy && isLabel(lazy[2]!) ? lazy[2]!.trim() : undefined;
      const text = label ? (lazy![1] ?? '') : line;
      if (text) {
        if (current) {
          current.lines.push(text);
          current.textPosition ??= position;
        } else {
          body.plain.push({ text, position: block.type === 'list' ? (positionOfLine(block, line) ?? position) : position });
        }
      }
      if (label) {
        current = entry(label, [], position, undefined);
        body.entries.push(current);
      }
    }
  }
  // Sub-headings name competencies; their content (and deeper headings' content) is the text.
  // Perks, reading lists and review questionnaires are not expectations: they stay unused and are
  // reported as skipped.
  for (const child of section.children) {
    // "#### Senior Backend Engineer Responsibilities" under "### Senior Backend Engineer".
    const title = withoutPrefix(child.title, section.title);
    if (NOT_EXPECTATIONS.test(title)) continue;
    const blocks = [child, ...descendants(child)].flatMap((s) => s.blocks).filter(isTextBlock);
    const lines = blocks.flatMap(blockLines);
    if (lines.length > 0 && lines.filter((l) => /\?\s*$/.test(l)).length * 2 >= lines.length) continue;
    // "#### Job Grade" over "The Backend Engineer is a grade 6.": a fact about the level.
    if (lines.length === 1 && FACT_LABEL.test(title) && lines[0]!.length <= 120) {
      body.metadata[title] = lines[0]!;
      body.used.push(child, ...descendants(child), ...blocks);
      continue;
    }
    const first = blocks[0];
    body.entries.push(entry(title, lines, child.position, first ? positionOf(first) : child.position));
    body.used.push(child, ...descendants(child), ...blocks);
  }
  return body;
}

/** A list item's own position, so each unlabelled item can point at its place in the source. */
function positionOfLine(list: List, text: string): Position | undefined {
  for (const item of list.children) {
    if (itemLines(item.children).includes(text)) return positionOf(item);
  }
  return undefined;
}

function addEquivalent(body: LevelBody, key: string, value: string, position: Position | undefined): void {
  const hint = key.replace(EQUIVALENT, '').replace(/\s+/g, ' ').trim();
  const equivalent: DraftEquivalent = { text: value };
  if (hint) equivalent.trackHint = hint;
  if (position) equivalent.position = position;
  body.equivalents.push(equivalent);
}

/** Competency names in a body, for comparing the structure of sibling sections. */
export function entryNames(body: LevelBody): Set<string> {
  return new Set(body.entries.map((e) => e.label.toLowerCase()));
}

