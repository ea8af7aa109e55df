// Scraped text as a Markdown tree, so that the outline and its roles read it as they read
// Markdown: the text reader's heading lines (short, capitalised, no closing punctuation, no level
// code) become headings — the first one, when it leads the page, the title over the rest — and
// the lines under a level label ("LVL 2 - Practitioner") one paragraph of bare lines under it.

import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
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
      return;
    }
    const position = at(i + 1, column, line.length);
    if (!bullet && isLabelLine(line)) {
      paragraph = { type: 'paragraph', children: [{ type: 'text', value: line, position }], position };
      children.push(paragraph);
      return;
    }
    if (!bullet && isHeadingLine(line)) {
      const heading: Heading = { type: 'heading', depth: seenHeading ? 2 : 1, children: [{ type: 'text', value: line, position }], position };
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
