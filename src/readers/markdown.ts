// Markdown ladders: GFM tables, embedded HTML tables and prose, sectioned by headings into tracks.
// The document is parsed once; sections are read bottom-up into fragments (a table, a run of level
// headings, a run of competency headings), which tracks.ts groups into tracks.

import { frontMatterOf, isHtmlPage } from './sniff.js';
import type { DraftLadder } from './draft.js';
import type { Fragment, ReadContext } from './markdown/context.js';
import { isTextBlock, readLevelBody } from './markdown/level-body.js';
import { hasLevelCode, levelKey, looksLikeLevel, namesARole } from './markdown/level-words.js';
import { blockLines, inlineText, isLinksOrImagesOnly, parseHtmlAsMarkdown, parseMarkdown, positionOf } from './markdown/mdast.js';
import { competencyRunFragment, findCompetencyRun, findLevelRuns, isBaselineHeading, levelRunFragment, readBaseline } from './markdown/prose.js';
import { buildSections, type Section } from './markdown/sections.js';
import { reportSkipped, subtreeUsed } from './markdown/skipped.js';
import { holdsTable, tableFragments } from './markdown/tables.js';
import { assembleTracks, type Baseline } from './markdown/tracks.js';
import type { ReaderInput } from './types.js';
import { buildOutline } from './sections/outline.js';
import { chooseReading } from './sections/read.js';
import type { Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from '../model.js';
import { titleFromFileName } from '../text/file-title.js';

export function readMarkdown(input: ReaderInput): DraftLadder {
  return readMarkdownTree(input, isHtmlPage(input.text) ? htmlTree(input) : parseMarkdown(withoutFrontMatter(input)));
}

/**
 * A document already parsed into a Markdown tree (Markdown, an HTML page, a pasted table). Two
 * readings are made: by fragments (tables, runs of level headings, runs of competency headings)
 * and by the roles of the outline's sections (src/readers/sections/); chooseReading keeps the
 * outline's when the fragments find no track or clearly less of the text: of two readings of one
 * text, the one that accounts for more of it is the better one.
 */
export function readMarkdownTree(input: ReaderInput, tree: Root): DraftLadder {
  const doc = buildOutline(tree);
  const title = frontMatterTitle(input.text) ?? (doc.children.length === 1 && doc.children[0]!.kind === 'heading' ? doc.children[0]!.title || undefined : undefined);
  return chooseReading(input.text, input.file, input.diagnostics, (diagnostics) => readByFragments({ ...input, diagnostics }, tree), doc, title);
}

function readByFragments(input: ReaderInput, tree: Root): DraftLadder {
  const top = buildSections(levelListsAsHeadings(boldLevelLinesAsHeadings(tree, input), input));
  reportLinkTargets(tree, input);
  const ctx: ReadContext = { input, used: new Set() };
  const ladder: DraftLadder = { tracks: [] };

  const titleSection = findTitleSection(top);
  if (titleSection) {
    // A heading left empty ("# {{ page.title }}" once its directive is dropped): the front matter's title.
    const title = titleSection.title || frontMatterTitle(input.text);
    if (title) ladder.title = title;
    const description = ladderDescription(titleSection, ctx);
    if (description) ladder.description = description;
  } else {
    // No title heading: paragraphs before the first heading introduce the whole ladder.
    const description = ladderDescription(top, ctx);
    if (description) ladder.description = description;
  }

  const fragments: Fragment[] = [];
  const baselines: Baseline[] = [];
  const containers = new Map<Section, boolean>();
  const isContainer = (s: Section): boolean => {
    let known = containers.get(s);
    if (known === undefined) {
      containers.set(s, false); // guards against re-entry while computing
      known = holdsTable(s) || findLevelRuns(s, isContainer).length > 0 || findCompetencyRun(s, isContainer) !== undefined;
      containers.set(s, known);
    }
    return known;
  };

  const collect = (section: Section): void => {
    const tables = tableFragments(section, ctx);
    fragments.push(...tables);
    const tableLevels = new Set(tables.flatMap((t) => t.levels.map((l) => levelKey(l.label))));
    const runs = findLevelRuns(section, isContainer, tableLevels);
    for (const run of runs) fragments.push(levelRunFragment(section, run, ctx));
    if (runs.length === 0) {
      const byCompetency = findCompetencyRun(section, isContainer);
      if (byCompetency) fragments.push(competencyRunFragment(byCompetency, ctx));
    }
    for (const child of section.children) {
      if (ctx.used.has(child)) continue;
      if (isBaselineHeading(child.title)) baselines.push(readBaseline(child, ctx));
      else collect(child);
    }
  };
  collect(top);
  if (fragments.length === 0 && titleSection && titleSection.children.length > 0 && namesARole(titleSection.title)) {
    // No level headings and no tables: a page that describes one level ("# Software Engineer" over
    // its competencies). The title is that level; its paragraphs are the level's, not the ladder's.
    input.diagnostics.info('single-level', `found no levels under "${titleSection.title}": the document is read as that one level`, titleSection.position);
    delete ladder.description;
    fragments.push(levelRunFragment(top, { sections: [titleSection], bodies: [readLevelBody(titleSection)] }, ctx));
  }

  if (!titleSection) titleFromContent(top, ladder, ctx);

  ladder.tracks = assembleTracks(fragments, baselines, { ctx, titleSection, documentTitle: ladder.title, fileTitle: titleFromFileName(input.file) });
  if (ladder.tracks.length) keepIntroductions(titleSection ?? top, ladder, ctx);
  reportSkipped(top, ctx);
  return ladder;
}

/**
 * Introductions: sections right under the ladder's title, before the first one that holds levels,
 * with only prose in them ("## How to read this", "## When do I get promoted?"), introduce the
 * ladder. Their text joins its description, each led by its heading, rather than being lost.
 */
function keepIntroductions(home: Section, ladder: DraftLadder, ctx: ReadContext): void {
  const kept: string[] = [];
  for (const child of home.children) {
    if (subtreeUsed(child, ctx)) break;
    if (child.children.length || child.blocks.length === 0 || !child.blocks.every((b) => isTextBlock(b) && b.type !== 'table')) continue;
    kept.push([child.title, ...child.blocks.map((b) => blockLines(b).join('\n'))].join('\n\n'));
    ctx.used.add(child);
    for (const b of child.blocks) ctx.used.add(b);
    ctx.input.diagnostics.info('introduction', `"${child.title}" is prose about the ladder, in no level: its text is kept in the ladder's description`, child.position);
  }
  if (kept.length) ladder.description = [ladder.description, ...kept].filter(Boolean).join('\n\n');
}

/**
 * Titles for a document without a lone top heading, tried in order once its content is read:
 * a first H1 over paragraphs that became nothing else ("# Engineering Ladder" before "# Junior");
 * the first H1 when it alone holds the ladder ("# Developer" before "# Other Pages"); the front
 * matter's `title:`.
 */
function titleFromContent(top: Section, ladder: DraftLadder, ctx: ReadContext): void {
  const first = top.children[0];
  if (first && isStandaloneTitle(first, ctx)) {
    ladder.title = first.title;
    // Used as the title: not an empty section to warn about ("# Career Paths" over "# ICs", "# Managers").
    ctx.used.add(first);
    const description = ladderDescription(first, ctx);
    if (description) ladder.description = [ladder.description, description].filter(Boolean).join('\n\n');
    return;
  }
  const holders = top.children.filter((c) => subtreeUsed(c, ctx));
  if (first && first.depth === 1 && holders.length === 1 && holders[0] === first && !ctx.used.has(first)) {
    ladder.title = first.title;
    return;
  }
  const yamlTitle = frontMatterTitle(ctx.input.text);
  if (yamlTitle) ladder.title = yamlTitle;
}

/** The `title:` of the YAML front matter, quotes removed. */
function frontMatterTitle(text: string): string | undefined {
  const yaml = frontMatterOf(text)?.yaml;
  const m = yaml ? /^title\s*:\s*(.+?)\s*$/m.exec(yaml) : null;
  const title = m?.[1]?.replace(/^(["'])(.*)\1$/, '$2').trim();
  return title || undefined;
}

/**
 * YAML front matter is not Markdown (remark would read its closing `---` as a heading underline):
 * blank it out, keeping the line count so that positions stay right.
 */
function withoutFrontMatter(input: ReaderInput): string {
  const front = frontMatterOf(input.text);
  if (!front) return input.text;
  input.diagnostics.info('skipped-front-matter', 'skipped the YAML front matter: only its `title:` is read (as the ladder title, when no heading gives one)', { line: 1, column: 1 });
  const lines = input.text.split('\n');
  return [...lines.slice(0, front.endLine).map(() => ''), ...lines.slice(front.endLine)].join('\n');
}

/** A lone top heading that is not a level titles the document ("# All the levels"). */
function findTitleSection(top: Section): Section | undefined {
  if (top.children.length !== 1) return undefined;
  if (top.blocks.some((b) => isTextBlock(b) || b.type === 'table')) return undefined;
  const only = top.children[0]!;
  return hasLevelCode(only.title) ? undefined : only;
}

/** A first top-level heading with only paragraphs under it, used for nothing else. */
function isStandaloneTitle(section: Section, ctx: ReadContext): boolean {
  return (
    section.depth === 1 &&
    section.children.length === 0 &&
    !ctx.used.has(section) &&
    !section.blocks.some((b) => ctx.used.has(b) || b.type !== 'paragraph') &&
    !looksLikeLevel(section.title)
  );
}

/** The paragraphs right under the title, before any list or table. */
function ladderDescription(title: Section, ctx: ReadContext): string {
  const paragraphs: string[] = [];
  for (const block of title.blocks) {
    if (block.type === 'table' || (block.type === 'list' && isTextBlock(block))) break;
    if (block.type !== 'paragraph' || !isTextBlock(block)) continue;
    paragraphs.push(blockLines(block).join('\n'));
    ctx.used.add(block);
  }
  return paragraphs.join('\n\n');
}

/**
 * Levels written as bold lines instead of headings ("**Level 1: Operations Engineer I**" over a
 * list): when no heading names a level and two or more paragraphs that are only bold text do,
 * those paragraphs become headings one below the heading they sit under, so the prose rules
 * read them as level headings.
 */
function boldLevelLinesAsHeadings(tree: Root, input: ReaderInput): Root {
  const boldText = (node: RootContent): string | undefined => {
    if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
    const only = node.children[0]!;
    if (only.type !== 'strong') return undefined;
    return inlineText([only]).trim().replace(/:$/, '');
  };
  if (headingNamesALevel(tree)) return tree;
  const bold = tree.children.filter((n) => {
    const text = boldText(n);
    return text !== undefined && looksLikeLevel(text);
  });
  if (bold.length < 2) return tree;
  const boldSet = new Set(bold);
  let depth = 1;
  const children = tree.children.map((node): RootContent => {
    if (node.type === 'heading') depth = node.depth;
    return boldSet.has(node) && node.type === 'paragraph' ? headingBelow(depth, node.children, node.position) : node;
  });
  input.diagnostics.info('bold-level-lines', `read ${bold.length} bold lines as level headings`, positionOf(bold[0]!));
  return { ...tree, children };
}

/** A list item's label and the text after it: "**Engineer I**", "Junior Engineer — Learns …". */
function itemLevel(item: ListItem): { label: string; rest: PhrasingContent[]; head: Paragraph } | undefined {
  const head = item.children[0];
  if (!head || head.type !== 'paragraph' || head.children.length === 0) return undefined;
  const [first, ...others] = head.children;
  if (first!.type === 'strong') {
    const label = inlineText([first!]).trim().replace(/:$/, '').trim();
    const rest = trimLeading(others, /^\s*(?:[:—–]|\s-)?\s*/);
    return label && label.length <= 60 ? { label, rest, head } : undefined;
  }
  if (first!.type !== 'text') return undefined;
  // "Engineer I" alone over a nested list, or a <dt> over its <dd>: the whole line is the label.
  const whole = inlineText(head.children).trim().replace(/:$/, '');
  // A short line that is no level by itself ("Engineer") may be one between levels: the list as a
  // whole decides (most of its labels must be levels).
  if (item.children.length > 1 && whole.length <= 60 && !/[.!?;,]/.test(whole) && whole.split(/\s+/).length <= 6) return { label: whole, rest: [], head };
  const m = /^(.{1,60}?)\s*(?:—|–|:|\s-)\s+/.exec(first!.value);
  if (!m) return undefined;
  const rest = trimLeading([{ ...first!, value: first!.value.slice(m[0].length) }, ...others], /^\s*/);
  return { label: m[1]!.trim(), rest, head };
}

function trimLeading(nodes: PhrasingContent[], re: RegExp): PhrasingContent[] {
  const [first, ...others] = nodes;
  if (!first || first.type !== 'text') return nodes;
  const value = first.value.replace(re, '');
  return value ? [{ ...first, value }, ...others] : others;
}

/** A heading one below `depth` (at most h6), where the source wrote a level some other way. */
function headingBelow(depth: number, children: PhrasingContent[], position: Heading['position']): Heading {
  const heading: Heading = { type: 'heading', depth: Math.min(6, depth + 1) as Heading['depth'], children };
  if (position) heading.position = position;
  return heading;
}

const headingNamesALevel = (tree: Root): boolean => tree.children.some((n) => n.type === 'heading' && looksLikeLevel(inlineText(n.children)));

const LEVELS_HEADING = /\b(?:levels?|ladders?|tracks?|paths?|careers?|roles?|titles?|progression|framework|individual\s+contributors?|managers?|management)\b/i;

/**
 * Levels written as a list ("1. Junior Engineer — Learns our stack.", "- **Engineer I**" over a
 * nested list): when no heading names a level and every item of a list is labelled, most of them
 * as levels, each item becomes a heading one below its section, its text and nested lists the
 * level's content.
 */
function levelListsAsHeadings(tree: Root, input: ReaderInput): Root {
  if (headingNamesALevel(tree)) return tree;
  // Lists whose items all start with a level label. Labels shared by two lists are a heading per
  // competency ("## Delivery" over "- Junior: …", "- Senior: …"), not levels written as a list.
  const candidates = new Map<RootContent, Array<ReturnType<typeof itemLevel>>>();
  for (const node of tree.children) {
    if (node.type !== 'list' || node.children.length < 2) continue;
    const items = node.children.map(itemLevel);
    // Every item labelled, and most labels read as levels ("Engineer" between "Junior Engineer"
    // and "Senior Engineer" need not).
    const levels = items.filter((i) => i && looksLikeLevel(i.label)).length;
    if (items.every((i) => i !== undefined) && levels >= 2 && levels * 2 > items.length) candidates.set(node, items);
  }
  const labelsOf = (items: Array<ReturnType<typeof itemLevel>>) => new Set(items.map((i) => i!.label.toLowerCase()));
  const shared = (items: Array<ReturnType<typeof itemLevel>>): boolean => {
    const mine = labelsOf(items);
    return [...candidates.values()].some((other) => other !== items && [...labelsOf(other)].some((l) => mine.has(l)));
  };
  let depth = 1;
  let count = 0;
  let first: Position | undefined;
  // Under the document's title, or a heading that speaks of levels or a role family — not under a
  // competency's heading ("## Technical skill" over "- Junior: …").
  let fitting = true;
  let seenHeading = false;
  const children = tree.children.flatMap((node): RootContent[] => {
    if (node.type === 'heading') {
      depth = node.depth;
      fitting = !seenHeading || LEVELS_HEADING.test(inlineText(node.children));
      seenHeading = true;
    }
    const items = candidates.get(node);
    if (!items || node.type !== 'list' || !fitting || shared(items)) return [node];
    count += items.length;
    first ??= positionOf(node);
    return node.children.flatMap((item, i) => {
      const { label, rest, head } = items[i]!;
      const out: RootContent[] = [headingBelow(depth, [{ type: 'text', value: label }], item.position)];
      if (rest.length) out.push({ ...head, children: rest });
      out.push(...(item.children.slice(1) as RootContent[]));
      return out;
    });
  });
  if (count === 0) return tree;
  input.diagnostics.info('level-list', `read the ${count} items of a list as levels`, first);
  return { ...tree, children };
}

/**
 * Links inside ladder text ("Writes [CI pipelines](https://…)") keep their text; the model has no
 * place for the target. Say so once, so the address is not dropped silently. Lines made only of
 * links are navigation and are reported where they are skipped.
 */
function reportLinkTargets(tree: Root, input: ReaderInput): void {
  const links: Array<{ position?: { start: { line: number; column: number } } | undefined }> = [];
  const walk = (node: { type: string; children?: unknown[] }, linksOnly: boolean): void => {
    if (node.type === 'link' && !linksOnly) links.push(node as (typeof links)[number]);
    const only = node.type === 'paragraph' ? isLinksOrImagesOnly((node as { children: Parameters<typeof isLinksOrImagesOnly>[0] }).children) : linksOnly;
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] }, only);
  };
  walk(tree, false);
  const first = links[0]?.position?.start;
  if (!first) return;
  input.diagnostics.info(
    'link-targets',
    `${links.length === 1 ? 'a link keeps' : `${links.length} links keep`} only ${links.length === 1 ? 'its' : 'their'} text in the model; the address${links.length === 1 ? ' is' : 'es are'} not kept`,
    { line: first.line, column: first.column },
    'write an address that matters into the text itself',
  );
}

/** An HTML page's tree, its page chrome reported as skipped. */
function htmlTree(input: ReaderInput): Root {
  const { tree, chrome } = parseHtmlAsMarkdown(input.text);
  for (const { tag, position } of chrome) input.diagnostics.info('skipped-content', `skipped the page's <${tag}>: not ladder content`, position);
  return tree;
}
