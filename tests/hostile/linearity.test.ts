// No reader is super-linear on adversarial input: for each shape, a 10× larger input takes at
// most ~15× the time (a ratio of two sizes measured in the same process, never an absolute time;
// each size timed as the best of three runs in a fresh process, in CPU time, so a busy machine slows
// both alike: wall time on a shared machine swung 3–20× between runs of the same input).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, REPO } from '../cli/support.js';

const repeat = (unit: string, n: number) => unit.repeat(n);

/** Each shape: a generator of about `n` units of one adversarial pattern. */
const SHAPES: Record<string, (n: number) => string> = {
  'GFM table rows': (n) => `# T\n\n| Competency | Junior | Senior | Staff |\n|---|---|---|---|\n${repeat('| Coding | Writes code | Reviews code | Leads design |\n', n)}`,
  'GFM tables, many': (n) => `# T\n\n${repeat('## Track\n\n| Competency | Junior | Senior |\n|---|---|---|\n| Coding | a | b |\n\n', n)}`,
  'HTML table rows': (n) => `<html><body><table><tr><th>Competency</th><th>Junior</th><th>Senior</th></tr>${repeat('<tr><td>Coding</td><td>Writes <b>code</b></td><td>Reviews</td></tr>', n)}</table></body></html>`,
  'prose level sections': (n) => `# Ladder\n\n${repeat('## Senior Engineer\n\n- **Coding:** writes clean code\n- **Review:** reviews changes\n\n', n)}`,
  'plain text': (n) => `Engineering Levels\n\n${repeat('Level 2 - Senior: owns features end to end and mentors others.\n', n)}`,
  'one long line of brackets': (n) => `# T\n\n${repeat('[a ', n * 8)}\n`,
  'one long line of emphasis markers': (n) => `# T\n\n${repeat('*a _b ', n * 4)}\n`,
  'one long line of pipes': (n) => `# T\n\n${repeat('|', n * 20)}\n${repeat('|', n * 20)}\n`,
  'unclosed tags': (n) => `<div>${repeat('<span title="x">a ', n * 4)}`,
  'setext-like long lines': (n) => repeat(`${repeat('a ', 2000)}\n`, Math.max(1, Math.round(n / 40))),
  'CSV rows': (n) => `Competency,Junior,Senior\n${repeat('Coding,"Writes, code","Reviews ""code"""\n', n)}`,
};

/**
 * Times the built reader on two inputs in a fresh Node process with a collected heap before every
 * run (in the test worker, the heap the larger input grows makes its GC pauses the input's cost).
 * The best of three runs per size, after a warm-up on the smaller one.
 */
function timings(small: string, large: string): { small: number; large: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ladderc-linear-'));
  try {
    writeFileSync(join(dir, 'small.md'), small);
    writeFileSync(join(dir, 'large.md'), large);
    const script = `
      import { readFileSync } from 'node:fs';
      import { readSource } from ${JSON.stringify(pathToFileURL(join(REPO, 'dist/src/readers/index.js')).href)};
      const read = (name) => new Uint8Array(readFileSync(${JSON.stringify(dir)} + '/' + name));
      const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      const best = (bytes) => { let min = Infinity; for (let i = 0; i < 3; i += 1) { globalThis.gc(); const t = cpu(); readSource(bytes, 'in.md'); min = Math.min(min, cpu() - t); } return min; };
      const small = read('small.md'), large = read('large.md');
      readSource(small, 'in.md'); readSource(small, 'in.md');
      console.log(JSON.stringify({ small: best(small), large: best(large) }));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 230_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { small: number; large: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('readers are linear on adversarial input', () => {
  beforeAll(ensureDist);
  for (const [name, make] of Object.entries(SHAPES)) {
    // Retried: a machine shared with other work can stretch one measurement; a super-linear reader
    // (100× for 10×) fails every try.
    it(`${name}: 10× the input, at most ~15× the time`, { retry: 2, timeout: 240_000 }, () => {
      const n = 300;
      const { small, large } = timings(make(n), make(n * 10));
      // Below ~10 ms the small run is all young-generation garbage while the large one pays for
      // old-generation marking: a GC regime, not the reader's algorithm (a quadratic reader still
      // fails: 10× the input takes 100× the time, far past 15× the floor).
      expect(large / Math.max(small, 10), `${small.toFixed(1)} ms → ${large.toFixed(1)} ms`).toBeLessThanOrEqual(15);
    });
  }
});
