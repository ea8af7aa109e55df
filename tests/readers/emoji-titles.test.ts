// Emoji that decorate a front-matter title are left out of the model, and a message says so: what
// was dropped, where, and what the title now reads.
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('emoji dropped from titles', () => {
  it('names each title whose emoji were left out, at its line', () => {
    const text = [
      '---',
      'title: "🛠️ Tooling Framework"',
      'levels: 2',
      'topics:',
      '  - name: "craft"',
      '    title: "👩‍💼 Craft ✨"',
      '    content:',
      '      - level: 1',
      '        criteria: ["Writes small tools."]',
      '  - name: "plain"',
      '    title: "Plain"',
      '    content:',
      '      - level: 2',
      '        criteria: ["Maintains the tools."]',
      '---',
      '',
    ].join('\n');
    const { ladder, diagnostics } = readSource(utf8(text), 'ladders/tools.md');
    expect(ladder?.title).toBe('Tooling Framework');
    expect(ladder?.tracks[0]?.competencies.map((c) => c.name)).toEqual(['Craft', 'Plain']);
    const dropped = diagnostics.filter((d) => d.ruleId === 'emoji-dropped');
    expect(dropped.map((d) => [d.line, d.severity])).toEqual([
      [2, 'info'],
      [6, 'info'],
    ]);
    expect(dropped[0]!.message).toContain('"🛠️"');
    expect(dropped[0]!.message).toContain('"Tooling Framework"');
    expect(dropped[1]!.message).toContain('"👩‍💼" and "✨"');
    expect(dropped.every((d) => d.file === 'ladders/tools.md')).toBe(true);
  });

  it('says nothing when a title has no emoji', () => {
    const text = '---\ntitle: "Tooling"\nlevels: 1\ntopics:\n  - name: "craft"\n    content:\n      - level: 1\n        criteria: ["Writes tools."]\n---\n';
    expect(readSource(utf8(text), 'tools.md').diagnostics.filter((d) => d.ruleId === 'emoji-dropped')).toEqual([]);
  });
});
