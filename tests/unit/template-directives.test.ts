import { describe, expect, it } from 'vitest';
import { stripTemplateDirectives } from '../../src/readers/template-directives.js';

describe('stripTemplateDirectives', () => {
  it('blanks Liquid tags, Hugo shortcodes and output tags, keeping every position', () => {
    const text = '{% include nav.html %}\n# {{ page.title }}\n{{< hint >}}Kept.{{< /hint >}} {{% note %}}';
    const { text: out, directives } = stripTemplateDirectives(text);
    expect(out).toHaveLength(text.length);
    expect(out.split('\n').map((l) => l.trim())).toEqual(['', '#', 'Kept.']);
    expect(directives.map((d) => [d.text, d.position.line, d.position.column])).toEqual([
      ['{% include nav.html %}', 1, 1],
      ['{{ page.title }}', 2, 3],
      ['{{< hint >}}', 3, 1],
      ['{{< /hint >}}', 3, 18],
      ['{{% note %}}', 3, 32],
    ]);
  });
  it('drops a comment block with what it says', () => {
    const { text } = stripTemplateDirectives('a\n{% comment %}\nSecret.\n{% endcomment %}\nb');
    expect(text.replace(/\s+/g, ' ')).toBe('a b');
  });
  it('leaves single braces and text without directives alone', () => {
    const text = 'Uses {curly} braces and a JSON { "a": 1 } sample.';
    expect(stripTemplateDirectives(text)).toEqual({ text, directives: [] });
  });
});
