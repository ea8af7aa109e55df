// The outline of a prose document: a tree of sections under headings, where a heading is a
// Markdown or HTML heading, a bold-only paragraph over content ("**Code review**" over a list), or
// a label line that opens a paragraph ("LVL 2 - Practitioner" over the lines that follow). Each
// section's own content is a list of blocks reduced to plain lines, so that the role rules
// (roles.ts) see shapes, not syntax.

import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Position } from '../../model.js';
import { blockLines, inlineText, isLinkList, isLinksOrImagesOnly, positionOf, splitLines, wholeParagraphIs } from '../markdown/mdast.js';
import { hasLevelCode } from '../markdown/level-words.js';

export type BlockKind =
  /** Running text: a paragraph (its lines), a block of bare lines. */
  | 'paragraph'
  | 'list'
  | 'quote'
  | 'table'
  | 'code'
  /** Navigation and decoration: lines or lists of links, images, HTML comments and scripts. */
  | 'chrome'
  /** A paragraph without letters (`*~*`, `* * *`) or a thematic break: separates, says nothing. */
  | 'separator';

export interface ListEntry {
  text: string;
  /** The nested items' lines. */
  sub: string[];
}

export interface Block {
  kind: BlockKind;
  lines: string[];
  /** For lists: each item with its nested lines. */
  items?: ListEntry[];
  node: RootContent;
  position: Position | undefined;
}

export type HeadingKind = 'document' | 'heading' | 'bold' | 'label';

export interface Outline {
  title: string;
  kind: HeadingKind;
  /** 1–6 for headings; 7 for pseudo-headings (bold and label lines), which any heading closes. */
  depth: number;
  blocks: Block[];
  children: Outline[];
  parent: Outline | undefined;
  position: Position | undefined;
  /** The heading or paragraph that opened the section. */
  node: RootContent | undefined;
}

export const PSEUDO_DEPTH = 7;

function listEntries(list: List): ListEntry[] {
  return list.children.map((item: ListItem) => {
    const [head, ...rest] = item.children;
    const text = head && head.type === 'paragraph' ? inlineText(head.children).replace(/\n/g, ' ') : '';
    return { text, sub: rest.flatMap(blockLines) };
  });
}

/**
 * A paragraph's lines. A soft line break separates two lines (bare lines, one statement each) when
 * the line before ends a sentence or the next one starts with a capital; otherwise it is a
 * hard-wrapped sentence and the lines join.
 */
function paragraphLines(node: Paragraph): string[] {
  const raw = node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'break' ? '\n' : inlineText([c]).replace(/\n/g, ' '))).join('');
  const out: string[] = [];
  for (const line of raw.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const last = out[out.length - 1];
    if (last !== undefined && !/[.!?:;]$/.test(last) && !/^[\p{Lu}\p{N}]/u.test(line)) out[out.length - 1] = `${last} ${line}`;
    else if (last !== undefined && /[,(–-]$/.test(last)) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return out;
}

function blockOf(node: RootContent): Block | undefined {
  const position = positionOf(node);
  switch (node.type) {
    case 'paragraph': {
      if (isLinksOrImagesOnly(node.children) || node.children.every((c) => c.type === 'html' || (c.type === 'text' && !c.value.trim()))) {
        return { kind: 'chrome', lines: [], node, position };
      }
      const lines = paragraphLines(node);
      // "*~*", "* * *", or an emphasised word that names a rule ("*line*", "_divider_"): a separator.
      const named = wholeParagraphIs(node, 'emphasis') && /^(?:line|separator|divider|rule|break)$/i.test(lines.join(' ').trim());
      if (named || !lines.some((l) => /\p{L}/u.test(l))) return { kind: 'separator', lines: [], node, position };
      return { kind: 'paragraph', lines, node, position };
    }
    case 'list':
      if (isLinkList(node)) return { kind: 'chrome', lines: [], node, position };
      return { kind: 'list', lines: blockLines(node), items: listEntries(node), node, position };
    case 'blockquote':
      return { kind: 'quote', lines: blockLines(node), node, position };
    case 'table':
      return { kind: 'table', lines: blockLines(node), node, position };
    case 'code':
      return { kind: 'code', lines: splitLines(node.value), node, position };
    case 'html':
      return { kind: 'chrome', lines: [], node, position };
    case 'thematicBreak':
      return { kind: 'separator', lines: [], node, position };
    default:
      return undefined;
  }
}

/** A bold-only paragraph short enough to title what follows ("**Code review**", "**LVL 1 - Apprentice**"). */
function boldTitle(node: RootContent, next: RootContent | undefined): string | undefined {
  if (!wholeParagraphIs(node, 'strong') || !next || next.type === 'heading' || next.type === 'thematicBreak') return undefined;
  const text = inlineText((node as { children: RootContent[] }).children as never).replace(/\s+/g, ' ').trim().replace(/:$/, '');
  if (!text || text.length > 80 || /[.!?]$/.test(text)) return undefined;
  return text;
}

/**
 * "LVL 2 - Practitioner\nPlans their own work.\n…": a paragraph of bare lines whose first line is a
 * level label alone. The label titles the lines after it.
 */
function labelLine(block: Block): string | undefined {
  if (block.kind !== 'paragraph' || block.lines.length < 2) return undefined;
  const first = block.lines[0]!;
  return first.length <= 80 && !/[.!?]$/.test(first) && hasLevelCode(first) ? first : undefined;
}

export function buildOutline(root: Root, title = ''): Outline {
  const doc: Outline = { title, kind: 'document', depth: 0, blocks: [], children: [], parent: undefined, position: undefined, node: undefined };
  let current = doc;
  const open = (kind: HeadingKind, depth: number, text: string, node: RootContent): Outline => {
    let parent = current;
    while (parent.depth >= depth && parent.parent) parent = parent.parent;
    const section: Outline = { title: text, kind, depth, blocks: [], children: [], parent, position: positionOf(node), node };
    parent.children.push(section);
    current = section;
    return section;
  };
  const nodes = root.children;
  nodes.forEach((node, i) => {
    if (node.type === 'heading') {
      open('heading', node.depth, inlineText(node.children).replace(/\s+/g, ' ').trim(), node);
      return;
    }
    if (node.type === 'yaml' || node.type === 'definition') return;
    const bold = boldTitle(node, nodes[i + 1]);
    if (bold !== undefined) {
      open('bold', PSEUDO_DEPTH, bold, node);
      return;
    }
    const block = blockOf(node);
    if (!block) return;
    const label = labelLine(block);
    if (label !== undefined) {
      const section = open('label', PSEUDO_DEPTH, label, node);
      section.blocks.push({ ...block, lines: block.lines.slice(1) });
      return;
    }
    // A separator closes a pseudo-heading: what follows it is not that label's.
    if (block.kind === 'separator' && current.kind !== 'heading' && current.kind !== 'document') {
      current.blocks.push(block);
      current = current.parent ?? doc;
      return;
    }
    current.blocks.push(block);
  });
  return doc;
}

/** Every section below `outline`, depth first, in document order. */
export function sectionsOf(outline: Outline): Outline[] {
  return outline.children.flatMap((c) => [c, ...sectionsOf(c)]);
}

/** Whether a block holds text someone reading the ladder would miss. */
export const isText = (b: Block): boolean => b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'quote' || b.kind === 'table' || b.kind === 'code';
