// Tables in a Markdown section (GFM, and HTML through the HTML table reader) as fragments.

import type { RootContent } from 'mdast';
import type { Fragment, ReadContext } from './context.js';
import { mayHoldLevels, readGfmTable } from './gfm-table.js';
import { htmlTableRuns, readEmbeddedTables } from './html-tables.js';
import { isTextBlock, NOTE } from './level-body.js';
import { blockLines, inlineText, startOffset, wholeParagraphIs } from './mdast.js';
import { descendants, type Section } from './sections.js';

/** A ladder table anywhere under the section: it holds tracks or categories, it is not a level. */
export function holdsTable(section: Section): boolean {
  return [section, ...descendants(section)].some((s) =>
    s.blocks.some((b) => (b.type === 'table' && mayHoldLevels(b)) || (b.type === 'html' && /<table\b/i.test(b.value))),
  );
}

/**
 * A table whose rows carry no name (every column a level) describes the competency its heading
 * names; the section's paragraphs ("**Example skills:** …") describe it.
 */
function nameUnnamedRows(fragment: Fragment, ctx: ReadContext): Fragment {
  if (!fragment.competencies.some((c) => c.name.trim() === '')) return fragment;
  const name = fragment.section.title || 'Expectations';
  const description = fragment.section.blocks
    .filter((b) => b.type === 'paragraph' && isTextBlock(b) && !ctx.used.has(b))
    .map((b) => {
      ctx.used.add(b);
      return blockLines(b).join('\n');
    })
    .join('\n');
  const competencies = fragment.competencies.map((c) => {
    if (c.name.trim() !== '') return c;
    const named = { ...c, name };
    if (description && !named.description) named.description = description;
    return named;
  });
  // Named after its own heading, the competency needs no category from it.
  return { ...fragment, competencies, section: fragment.section.parent ?? fragment.section };
}

/**
 * A table that is the whole document (pasted CSV, a file holding only a table) is read as a ladder
 * whatever its labels say, as an HTML page's table is; a table among prose must show its levels.
 */
function isWholeDocument(section: Section, table: readonly RootContent[]): boolean {
  return !section.heading && !section.parent && section.children.length === 0 && section.blocks.every((b) => table.includes(b));
}

/** GFM and embedded HTML tables directly under a section. */
export function tableFragments(section: Section, ctx: ReadContext): Fragment[] {
  return rawTableFragments(section, ctx).map((f) => nameUnnamedRows(f, ctx));
}

function rawTableFragments(section: Section, ctx: ReadContext): Fragment[] {
  const out: Fragment[] = [];
  for (const block of section.blocks) {
    if (block.type !== 'table') continue;
    const read = readGfmTable(block, ctx, isWholeDocument(section, [block]));
    if (!read) continue;
    ctx.used.add(block);
    for (const table of read.fragments) {
      const fragment: Fragment = { section, offset: startOffset(block), position: table.position, levels: table.levels, competencies: table.competencies, notes: [], overview: read.overview };
      if (table.caption) fragment.caption = table.caption;
      out.push(fragment);
    }
  }
  for (const run of htmlTableRuns(section.blocks, ctx.input.text)) {
    const tables = readEmbeddedTables(run, ctx.input, isWholeDocument(section, section.blocks.filter((b) => startOffset(b) >= run.from && startOffset(b) < run.to)));
    // A table without levels stays unused, so that it is reported as skipped.
    if (tables.length === 0) continue;
    const inside = (b: RootContent): boolean => startOffset(b) >= run.from && startOffset(b) < run.to;
    for (const block of section.blocks) if (inside(block)) ctx.used.add(block);
    // A table that splits into several sets of levels (group labels, rows across the table) names
    // each set itself.
    const own = tables.length > 1;
    for (const table of tables) {
      const fragment: Fragment = { section, offset: run.from, position: table.position, levels: table.levels, competencies: table.competencies, notes: [] };
      if (own && table.caption) fragment.caption = table.caption;
      out.push(fragment);
    }
  }
  // An italic `_Note: …_` paragraph beside a table is a note on its track, as it is in prose.
  if (out.length) {
    for (const block of section.blocks) {
      if (block.type !== 'paragraph' || ctx.used.has(block) || !wholeParagraphIs(block, 'emphasis')) continue;
      const text = inlineText(block.children);
      if (!NOTE.test(text)) continue;
      ctx.used.add(block);
      out[0]!.notes.push(text);
    }
  }
  return out;
}
