// Reports what did not become ladder content: an info naming each skipped block or section, and a
// warning for a heading with nothing under it (a track or level that was never written).

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

/** Did anything in the section, or under it, become ladder content? */
export function subtreeUsed(section: Section, ctx: ReadContext): boolean {
  return ctx.used.has(section) || section.blocks.some((b) => ctx.used.has(b)) || section.children.some((c) => subtreeUsed(c, ctx));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

function summarise(section: Section): string {
  const counts = new Map<string, number>();
  const visit = (s: Section): void => {
    for (const b of s.blocks) {
      const kind = kindOf(b);
      if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    s.children.forEach(visit);
  };
  visit(section);
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
      diagnostics.info('skipped-content', `skipped a ${kind}${under}: not ladder content`, positionOf(block));
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
        diagnostics.info('skipped-section', `skipped "${child.title}" (${summarise(child)}): not ladder content`, child.position);
      }
    }
  };
  visit(top);
}
