// Reports what did not become ladder content. Text that reads as ladder content (paragraphs, lists,
// quotations, tables, code) is a warning naming what and where: the reader lost it. Page chrome
// (lines and lists of links, images, HTML comments, styles and scripts) is an info. A heading with
// nothing under it is a warning too (a track or level that was never written).

import type { RootContent } from 'mdast';
import type { ReadContext } from './context.js';
import { isLinkList, isLinksOrImagesOnly, positionOf } from './mdast.js';
import type { Section } from './sections.js';

function kindOf(block: RootContent): string | undefined {
  switch (block.type) {
    case 'code':
      return block.lang ? `fenced code block (${block.lang})` : 'code block';
    case 'list':
      return isLinkList(block) ? 'link list' : 'list';
    case 'paragraph':
      if (block.children.every((c) => c.type === 'html' || (c.type === 'text' && c.value.trim() === ''))) return 'line of inline HTML';
      if (!isLinksOrImagesOnly(block.children)) return 'paragraph';
      return block.children.some((c) => c.type === 'image' || c.type === 'imageReference') ? 'image' : 'line of links';
    case 'html':
      if (/^\s*<!--/.test(block.value)) return 'HTML comment';
      if (/<style\b/i.test(block.value)) return 'HTML style block';
      if (/<script\b/i.test(block.value)) return 'HTML script block';
      if (/<table\b/i.test(block.value)) return 'HTML table';
      return 'HTML block';
    case 'table':
      return 'table without level columns';
    case 'blockquote':
      return 'quotation';
    case 'footnoteDefinition':
      return 'footnote';
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      // Rules and link definitions carry no text of their own.
      return undefined;
    default:
      return block.type;
  }
}

/** Kinds of block that are page chrome, not text a reader of the ladder would miss. */
const CHROME_KINDS = new Set(['link list', 'line of links', 'image', 'line of inline HTML', 'HTML comment', 'HTML style block', 'HTML script block']);

export const isChromeKind = (kind: string): boolean => CHROME_KINDS.has(kind);

/** Did anything in the section, or under it, become ladder content? */
export function subtreeUsed(section: Section, ctx: ReadContext): boolean {
  return ctx.used.has(section) || section.blocks.some((b) => ctx.used.has(b)) || section.children.some((c) => subtreeUsed(c, ctx));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

function blockKinds(section: Section): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (s: Section): void => {
    for (const b of s.blocks) {
      const kind = kindOf(b);
      if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    s.children.forEach(visit);
  };
  visit(section);
  return counts;
}

function summarise(section: Section, counts = blockKinds(section)): string {
  const parts = [...counts].map(([kind, n]) => plural(n, kind));
  const sub = section.children.length ? [plural(section.children.length, 'sub-section')] : [];
  return [...parts, ...sub].join(', ') || 'nothing';
}

export function reportSkipped(top: Section, ctx: ReadContext): void {
  const { diagnostics } = ctx.input;
  const blocks = (section: Section): void => {
    for (const block of section.blocks) {
      if (ctx.used.has(block)) continue;
      const kind = kindOf(block);
      if (!kind) continue;
      const under = section.title ? ` under "${section.title}"` : '';
      if (isChromeKind(kind)) diagnostics.info('skipped-content', `skipped a ${kind}${under}: page chrome, not ladder content`, positionOf(block));
      else diagnostics.warn('skipped-content', `skipped a ${kind}${under}: its text is in no level or competency`, positionOf(block), 'move it under a level or competency heading, or remove it');
    }
  };
  const visit = (section: Section): void => {
    blocks(section);
    for (const child of section.children) {
      if (subtreeUsed(child, ctx)) {
        visit(child);
      } else if (child.blocks.length === 0 && child.children.length === 0) {
        diagnostics.warn(
          'empty-section',
          `"${child.title}" holds no ladder content; nothing is made from it`,
          child.position,
          'write the levels under this heading, or remove the heading',
        );
      } else {
        const kinds = blockKinds(child);
        if ([...kinds.keys()].every(isChromeKind)) diagnostics.info('skipped-section', `skipped "${child.title}" (${summarise(child, kinds)}): page chrome, not ladder content`, child.position);
        else diagnostics.warn('skipped-section', `skipped "${child.title}" (${summarise(child, kinds)}): its text is in no level or competency`, child.position, 'write it as levels or competencies, or remove it');
      }
    }
  };
  visit(top);
}
