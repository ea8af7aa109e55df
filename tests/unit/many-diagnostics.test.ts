// Hundreds of thousands of diagnostics: no stack overflow anywhere on their way, and the human
// reporter folds repeated infos into one line with a count (warnings and errors never fold).
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../src/pipeline/compile.js';
import type { ContentCache } from '../../src/cache.js';
import { appendAll, diagnostic, Diagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { reportHuman, reportJson } from '../../src/cli/report.js';

const N = 200_000;

function infos(n: number, file = 'src/a.txt', ruleId = 'merged-rows'): Diagnostic[] {
  return Array.from({ length: n }, (_, i) => diagnostic('info', ruleId, `merged row ${i}`, file, { line: i + 1, column: 1 }));
}

describe(`${N.toLocaleString('en-US')} diagnostics`, () => {
  it('overflow a spread push (the failure this guards against)', () => {
    expect(() => [].push(...(infos(N) as never[]))).toThrow(RangeError);
  });

  it('go through appendAll and Diagnostics.pushAll', () => {
    expect(appendAll([], infos(N))).toHaveLength(N);
    const collector = new Diagnostics('src/a.txt');
    collector.pushAll(infos(N));
    expect(collector.list).toHaveLength(N);
  });

  it('go through compileSources (a cached reading that carries them)', async () => {
    const payload = JSON.stringify({ diagnostics: infos(N) });
    const cache: ContentCache = { get: () => payload, put: () => {} } as unknown as ContentCache;
    const result = await compileSources([{ path: 'src/a.txt', bytes: new Uint8Array([0x41]) }], { sources: {} }, { cache });
    expect(result.diagnostics).toHaveLength(N);
  });

  it('fold into one human line per rule and file, with a count; json keeps all', () => {
    const list = [
      ...infos(N),
      ...infos(3, 'src/b.txt'),
      ...infos(1, 'src/a.txt', 'encoding'),
      diagnostic('warning', 'ragged-row', 'ragged 1', 'src/a.txt', { line: 5, column: 1 }),
      diagnostic('warning', 'ragged-row', 'ragged 2', 'src/a.txt', { line: 6, column: 1 }),
      diagnostic('error', 'not-text', 'nul', 'src/b.txt', { line: 1, column: 1 }),
      diagnostic('error', 'not-text', 'nul again', 'src/b.txt', { line: 2, column: 1 }),
    ];
    const lines = reportHuman(list, { color: false }).trimEnd().split('\n');
    expect(lines).toEqual([
      'src/a.txt:1:1: info: merged row 0 [encoding]',
      'src/a.txt:1:1: info: merged row 0 (and 199,999 more like this) [merged-rows]',
      'src/a.txt:5:1: warning: ragged 1 [ragged-row]',
      'src/a.txt:6:1: warning: ragged 2 [ragged-row]',
      'src/b.txt:1:1: error: nul [not-text]',
      'src/b.txt:1:1: info: merged row 0 (and 2 more like this) [merged-rows]',
      'src/b.txt:2:1: error: nul again [not-text]',
    ]);
    expect((JSON.parse(reportJson(list)) as { diagnostics: unknown[] }).diagnostics).toHaveLength(list.length);
  });
});
