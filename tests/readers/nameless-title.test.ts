// A title with no words in it ("#", "1.") names nothing: the ladder is called after its file name,
// a lone nameless track after the ladder, and an info says so — in every syntax.
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const CASES: Record<string, string> = {
  'ladders/platform-team.md (front matter)': '---\ntitle: "#"\nlevels: 2\ntopics:\n  - name: "craft"\n    content:\n      - level: 1\n        criteria: ["Writes tools."]\n---\n',
  'ladders/platform-team.html (HTML table)':
    '<!doctype html><title>#</title><table><tr><th>Competency</th><th>Junior</th><th>Senior</th></tr><tr><td>Testing</td><td>Writes tests.</td><td>Designs test strategy.</td></tr></table>\n',
  'ladders/platform-team.md (prose)': '# 1.\n\n## Junior Engineer\n\n- Writes tests.\n\n## Senior Engineer\n\n- Designs strategy.\n',
};

describe('a ladder whose title has no words', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`is called after its file: ${name}`, () => {
      const path = name.split(' ')[0]!;
      const { ladder, diagnostics } = readSource(utf8(text), path);
      expect(ladder?.title).toBe('Platform team');
      for (const track of ladder?.tracks ?? []) expect(track.name).toMatch(/\p{L}/u);
      const info = diagnostics.filter((d) => d.ruleId === 'nameless-title');
      expect(info.length).toBeGreaterThan(0);
      expect(info[0]!.severity).toBe('info');
      expect(info[0]!.message).toContain('"Platform team"');
    });
  }

  it('keeps a title with words, however short', () => {
    const { ladder, diagnostics } = readSource(utf8('---\ntitle: "QA"\nlevels: 1\ntopics:\n  - name: "craft"\n    content:\n      - level: 1\n        criteria: ["Tests."]\n---\n'), 'x.md');
    expect(ladder?.title).toBe('QA');
    expect(diagnostics.some((d) => d.ruleId === 'nameless-title')).toBe(false);
  });
});
