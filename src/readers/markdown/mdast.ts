// The one Markdown parse per document, and the plain text of mdast nodes (no markup survives).

import { toMdast } from 'hast-util-to-mdast';
import type { Element as HastElement, ElementContent as HastNode, Root as HastRoot } from 'hast';
import type { Nodes, Root, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from '../../model.js';
import { CHROME_ELEMENTS, CHROME_NAME, CHROME_ROLE, LINK_SEPARATOR } from '../lexicon.js';
import { linearGfmTables } from './gfm-table-linear.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(linearGfmTables);
const htmlParser = unified().use(rehypeParse);
type HastParent = HastRoot | HastElement;

export function parseMarkdown(text: string): Root {
  // unified types the result of a run as a generic unist node; remark's parser always yields a Root.
  return foldDetails(parser.runSync(parser.parse(text)) as Root);
}

const SUMMARY = /^\s*(?:<details\b[^>]*>\s*)?<summary\b[^>]*>([\s\S]*?)<\/summary>\s*$/i;
const DETAILS_TAG = /^\s*<\/?details\b[^>]*>\s*$/i;

/**
 * `<details><summary>Senior</summary> … </details>` in Markdown (a GitHub page folding each level):
 * the summary is a heading one below the last heading before it, as in an HTML page, and the
 * `<details>` tags around it are only wrappers.
 */
function foldDetails(tree: Root): Root {
  if (!tree.children.some((n) => n.type === 'html' && SUMMARY.test(n.value))) return tree;
  let depth = 1;
  const children = tree.children.flatMap((node): RootContent[] => {
    if (node.type === 'heading') depth = node.depth;
    if (node.type !== 'html') return [node];
    const m = SUMMARY.exec(node.value);
    if (m) {
      const title = m[1]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
      if (!title) return [];
      const value: RootContent = { type: 'text', value: title, ...(node.position ? { position: node.position } : {}) } as RootContent;
      return [{ type: 'heading', depth: Math.min(6, depth + 1) as 1 | 2 | 3 | 4 | 5 | 6, children: [value as never], ...(node.position ? { position: node.position } : {}) }];
    }
    return DETAILS_TAG.test(node.value) ? [] : [node];
  });
  return { ...tree, children };
}

/** Page chrome around the ladder: navigation, sidebars, footers, and headers without a heading. */
const CHROME = CHROME_ELEMENTS;

/** `<div class="footer">`, `<div role="contentinfo">`, `<div id="sidebar">`: chrome by its name. */
function isChromeByName(element: HastElement): boolean {
  const role = String(element.properties['role'] ?? '');
  if (CHROME_ROLE.test(role)) return true;
  const classes = element.properties['className'];
  const names = [...(Array.isArray(classes) ? classes.map(String) : []), String(element.properties['id'] ?? '')];
  return names.some((n) => CHROME_NAME.test(n));
}

/** `div class="footer"`: the tag and what names it, for a diagnostic. */
function describeElement(element: HastElement): string {
  const role = element.properties['role'];
  const id = element.properties['id'];
  const classes = element.properties['className'];
  if (role) return `${element.tagName} role="${String(role)}"`;
  if (id) return `${element.tagName} id="${String(id)}"`;
  if (Array.isArray(classes) && classes.length) return `${element.tagName} class="${classes.join(' ')}"`;
  return element.tagName;
}

export interface HtmlAsMarkdown {
  tree: Root;
  /** The chrome elements left out, for the caller to report. */
  chrome: Array<{ tag: string; position: Position | undefined }>;
}

/**
 * An HTML page as the Markdown tree it would be (headings, lists, paragraphs, emphasis), with the
 * HTML's own line and column on every node, so the prose rules read both alike. `<script>`,
 * `<style>` and the `<head>` never reach the tree; `<nav>`, `<aside>`, `<footer>` and a `<header>`
 * without a heading are left out and listed.
 */
export function parseHtmlAsMarkdown(text: string): HtmlAsMarkdown {
  const hast = htmlParser.parse(text);
  const chrome: HtmlAsMarkdown['chrome'] = [];
  const hasHeading = (node: HastNode): boolean =>
    node.type === 'element' && (/^h[1-6]$/.test(node.tagName) || node.children.some(hasHeading));
  // The depth of the last heading met in document order: a <details> block's <summary> becomes a
  // heading one below it ("Engineer I" folded under "Levels"), its content what the heading holds.
  let depth = 1;
  const prune = (node: HastParent): void => {
    node.children = (node.children as Array<HastRoot['children'][number]>).flatMap((child): Array<HastRoot['children'][number]> => {
      if (child.type !== 'element') return [child];
      if ((CHROME.has(child.tagName) || isChromeByName(child)) && !(child.tagName === 'header' && hasHeading(child))) {
        const start = child.position?.start;
        chrome.push({ tag: describeElement(child), position: start ? { line: start.line, column: start.column } : undefined });
        return [];
      }
      const h = /^h([1-6])$/.exec(child.tagName);
      if (h) depth = Number(h[1]);
      if (child.tagName === 'details') {
        const summary = child.children.find((c): c is HastElement => c.type === 'element' && c.tagName === 'summary');
        if (summary) {
          const heading: HastElement = { ...summary, tagName: `h${Math.min(6, depth + 1)}` };
          const rest: HastElement = { ...child, tagName: 'div', children: child.children.filter((c) => c !== summary) };
          prune(rest);
          return [heading, ...rest.children];
        }
      }
      prune(child);
      return [child];
    }) as HastElement['children'];
  };
  prune(hast);
  const tree = toMdast(hast);
  return { tree: tree.type === 'root' ? tree : { type: 'root', children: [tree as RootContent] }, chrome };
}

export function positionOf(node: { position?: { start: { line: number; column: number } } | undefined }): Position | undefined {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

// Inline HTML arrives as flat nodes (`<br>`, `<ul>`, `<li>`…): the ones that break a line become "\n",
// every other tag disappears, so that no markup reaches the model.
const LINE_BREAKING_TAG = /^<\/?(?:br|li|p|div|tr|ul|ol)\b[^>]*>$/i;

function htmlText(value: string): string {
  return value.replace(/<!--[\s\S]*?-->|<\/?[a-zA-Z][^>]*>/g, (tag) => (LINE_BREAKING_TAG.test(tag) ? '\n' : ''));
}

function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // A soft line break inside a paragraph continues the sentence; it is not a new item.
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return htmlText(node.value);
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'definition':
      return '';
    default:
      return 'children' in node ? inlineText(node.children) : '';
  }
}

/** The plain text of inline content; `<br>` and hard breaks become "\n", blank lines collapse. */
export function inlineText(nodes: readonly Nodes[]): string {
  return nodes
    .map(nodeText)
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** The separate items of a block, one per line: paragraphs, list items (nested ones too), `<br>` lines. */
export function blockLines(node: RootContent): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return splitLines(inlineText(node.children));
    case 'list':
      return node.children.flatMap((item) => itemLines(item.children));
    case 'blockquote':
      return node.children.flatMap(blockLines);
    case 'table':
      // A name/value table inside a competency's text: one "name: value" line per row.
      return node.children.slice(1).map((row) => row.children.map((c) => inlineText(c.children).replace(/\n/g, ' ')).filter(Boolean).join(': ')).filter(Boolean);
    default:
      return [];
  }
}

/**
 * A list item's lines. An item that ends in a colon over a nested list ("Delivers features:" over
 * "with tests", "with docs") is one statement with its sub-items: "Delivers features: with tests;
 * with docs"; otherwise every line stands alone.
 */
export function itemLines(children: readonly RootContent[], lead: readonly string[] = []): string[] {
  const out: string[] = [...lead];
  for (const child of children) {
    const lines = blockLines(child);
    const last = out[out.length - 1];
    if (child.type === 'list' && last !== undefined && /:\s*$/.test(last) && lines.length > 0) {
      out[out.length - 1] = `${last.trimEnd()} ${lines.map((l) => l.replace(/[.;,]\s*$/, '')).join('; ')}`;
    } else out.push(...lines);
  }
  return out;
}

/** The non-blank lines of a text. */
export function splitLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** True when a paragraph is a single emphasis (`_…_`) or strong (`**…**`) node, white space aside. */
export function wholeParagraphIs(node: RootContent, type: 'emphasis' | 'strong'): boolean {
  if (node.type !== 'paragraph') return false;
  const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === type;
}

/** Links, images and white space only: a navigation line or a picture, not ladder content. */
export function isLinksOrImagesOnly(nodes: readonly Nodes[]): boolean {
  let sawLink = false;
  for (const n of nodes) {
    if (n.type === 'text' && LINK_SEPARATOR.test(n.value)) continue;
    if (n.type === 'link' || n.type === 'linkReference' || n.type === 'image' || n.type === 'imageReference' || n.type === 'break') {
      sawLink = true;
      continue;
    }
    return false;
  }
  return sawLink;
}

/** A list whose every item is only a link (a table of contents or a "see also" list). */
export function isLinkList(node: RootContent): boolean {
  if (node.type !== 'list' || node.children.length === 0) return false;
  return node.children.every((item) =>
    item.children.every((c) => c.type === 'paragraph' ? isLinksOrImagesOnly(c.children) : c.type === 'list' && isLinkList(c)),
  );
}
