// Template directives left in a source by the site generator it was written for: Liquid and Jinja
// tags (`{% include nav.html %}`, `{% comment %}…{% endcomment %}`), Hugo shortcodes
// (`{{< hint >}}`, `{{% notice %}}`) and output tags (`{{ page.title }}`). They are instructions
// to another program, never ladder text: each is blanked out (white space of the same shape, so
// every position in the text stays right) and listed, for the caller to report as page chrome.

import type { Position } from '../model.js';

export interface Directive {
  /** The directive as written, shortened to its first line. */
  text: string;
  position: Position;
}

// A comment block first (its content is no text either), then tags and output; none spans a blank line.
const DIRECTIVE = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%[^\n]*?%\}|\{\{[<%][\s\S]*?[>%]\}\}|\{\{(?!\{)[^{}\n]*?\}\}/g;

function positionAt(text: string, index: number): Position {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

export function stripTemplateDirectives(text: string): { text: string; directives: Directive[] } {
  const directives: Directive[] = [];
  const stripped = text.replace(DIRECTIVE, (match: string, index: number) => {
    // "{{ }}" inside a code span or an example is still a directive to the site; the blank keeps lines.
    directives.push({ text: match.split('\n')[0]!.trim(), position: positionAt(text, index) });
    return match.replace(/[^\n]/g, ' ');
  });
  return { text: stripped, directives };
}
