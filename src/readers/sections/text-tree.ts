// Scraped text as a Markdown tree, so that the outline and its roles read it as they read
// Markdown: the text reader's heading lines (short, capitalised, no closing punctuation, no level
// code) become headings — the page's first line, when it reads as a title, the title over the
// rest; a heading line right over another, a group over its first member — and the lines under a
// level label ("LVL 2 - Practitioner") one paragraph of bare lines under it.

import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { BREADCRUMB, MENU_LINE, PAGE_STAMP, UI_SENTENCE } from '../lexicon.js';
import { hasLevelCode } from '../markdown/level-words.js';

const BULLET = /^(?:[-*+•▪◦‣·]|\d{1,3}[.)])\s+/u;

/** A line that reads as a heading in a scrape: short, capitalised, not a sentence, no code. */
export function isHeadingLine(line: string): boolean {
  const words = line.split(/\s+/);
  return line.length <= 60 && words.length <= 8 && /^\p{Lu}/u.test(line) && !/[.!?;,:]$/.test(line) && !hasLevelCode(line);
}

/** A level label alone on its line ("LVL 2 - Practitioner, Engineer", "IC3 Software Engineer"). */
const isLabelLine = (line: string): boolean => line.length <= 80 && !/[.!?;]$/.test(line) && hasLevelCode(line);

export function textTree(text: string): Root {
  const children: RootContent[] = [];
  let paragraph: Paragraph | undefined;
  let seenHeading = false;
  let blank = false;
  const at = (line: number, column: number, length: number) => ({
    start: { line, column, offset: 0 },
    end: { line, column: column + length, offset: 0 },
  });
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.trim();
    const bullet = BULLET.exec(trimmed)?.[0] ?? '';
    const line = trimmed.slice(bullet.length);
    const column = raw.indexOf(trimmed) + bullet.length + 1;
    if (!line) {
      paragraph = undefined;
      blank = true;
      return;
    }
    const afterBlank = blank;
    blank = false;
    const position = at(i + 1, column, line.length);
    // The page's first line, when short and not a sentence, titles it, code and all ("IC3 Software Engineer").
    if (!seenHeading && children.length === 0 && !bullet && line.length <= 80 && !/[.!?;,:]$/.test(line) && /^[\p{Lu}\p{N}]/u.test(line)) {
      children.push({ type: 'heading', depth: 1, children: [{ type: 'text', value: line, position }], position });
      seenHeading = true;
      return;
    }
    // "Home › Careers › IC3", "Pick a level to see the full profile.": page chrome (the lexicon's).
    // "Home | Careers | Blog", "© 2026 Acme Inc.": a menu and a footer stamp, chrome too.
    if (!bullet && (BREADCRUMB.test(line) || MENU_LINE.test(line) || (PAGE_STAMP.test(line) && line.length <= 80) || UI_SENTENCE.test(line.replace(/[.!?…]+$/u, '')))) {
      children.push({ type: 'html', value: line, position });
      paragraph = undefined;
      return;
    }
    if (!bullet && isLabelLine(line)) {
      paragraph = { type: 'paragraph', children: [{ type: 'text', value: line, position }], position };
      children.push(paragraph);
      return;
    }
    if (!bullet && isHeadingLine(line)) {
      // A heading line right over another is a group over its first member ("Craft" over "Code
      // quality"); a blank line between them makes them siblings.
      const last = children[children.length - 1];
      const depth = !seenHeading ? 1 : last?.type === 'heading' && last.depth >= 2 && !afterBlank ? Math.min(3, last.depth + 1) : 2;
      const heading: Heading = { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value: line, position }], position };
      seenHeading = true;
      children.push(heading);
      paragraph = undefined;
      return;
    }
    // A line under a label continues its paragraph, one bare line each.
    if (paragraph) {
      const lines: PhrasingContent[] = [{ type: 'break', position }, { type: 'text', value: line, position }];
      paragraph.children.push(...lines);
      return;
    }
    children.push({ type: 'paragraph', children: [{ type: 'text', value: line, position }], position });
  });
  return { type: 'root', children };
}
