// The heading tree of a Markdown document: each section holds its own blocks and its sub-sections.

import type { Heading, Root, RootContent } from 'mdast';
import type { Position } from '../../model.js';
import { inlineText, positionOf, startOffset } from './mdast.js';
import { WRAPPER_TITLE } from '../sections/roles.js';

export interface Section {
  /** Undefined for the document itself (content before the first heading). */
  heading: Heading | undefined;
  depth: number;
  /** The heading's plain text. */
  title: string;
  position: Position | undefined;
  /** Content directly under the heading, before its first sub-heading. */
  blocks: RootContent[];
  children: Section[];
  parent: Section | undefined;
  /** Offset in the text, for document order. */
  offset: number;
}

export function buildSections(root: Root): Section {
  const top: Section = { heading: undefined, depth: 0, title: '', position: undefined, blocks: [], children: [], parent: undefined, offset: 0 };
  let current = top;
  for (const node of root.children) {
    if (node.type !== 'heading') {
      current.blocks.push(node);
      continue;
    }
    let parent = current;
    while (parent.depth >= node.depth && parent.parent) parent = parent.parent;
    const section: Section = {
      heading: node,
      depth: node.depth,
      title: inlineText(node.children).replace(/\s+/g, ' ').trim(),
      position: positionOf(node),
      blocks: [],
      children: [],
      parent,
      offset: startOffset(node),
    };
    parent.children.push(section);
    current = section;
  }
  passWrappersThrough(top);
  return top;
}

/**
 * "### Skills needed for this level" over "#### Automation", "#### Operations": a heading that only
 * wraps sub-sections, titled as such a wrapper (sections/roles.ts), passes its children through to
 * its parent, so that what it wraps reads as the parent's own sub-sections.
 */
function passWrappersThrough(section: Section): void {
  section.children = section.children.flatMap((child) => {
    passWrappersThrough(child);
    const wraps = child.children.length > 0 && child.blocks.length === 0 && WRAPPER_TITLE.test(child.title.replace(/[:\s]+$/, ''));
    if (!wraps) return [child];
    for (const c of child.children) c.parent = section;
    return child.children;
  });
}

/** Every section below `section`, depth first, in document order. */
export function descendants(section: Section): Section[] {
  return section.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The deepest section that holds (or is) every one of `sections`. */
export function commonAncestor(sections: readonly Section[]): Section | undefined {
  const [first, ...rest] = sections;
  if (!first) return undefined;
  const chain: Section[] = [];
  for (let s: Section | undefined = first; s; s = s.parent) chain.push(s);
  return chain.find((candidate) => rest.every((s) => isWithin(s, candidate)));
}

export function isWithin(section: Section, ancestor: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s === ancestor) return true;
  return false;
}
