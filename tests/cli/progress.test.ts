// The progress bar: only on a terminal, never in CI, and only once a build has run for a second.
import { describe, expect, it } from 'vitest';
import { createProgress, progressAllowed, renderBar } from '../../src/cli/progress.js';

describe('progressAllowed', () => {
  it('needs a terminal', () => {
    expect(progressAllowed(true, {})).toBe(true);
    expect(progressAllowed(false, {})).toBe(false);
  });

  it('is off in CI logs and on dumb terminals', () => {
    expect(progressAllowed(true, { CI: 'true' })).toBe(false);
    expect(progressAllowed(true, { CI: '1' })).toBe(false);
    expect(progressAllowed(true, { GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(progressAllowed(true, { TERM: 'dumb' })).toBe(false);
    expect(progressAllowed(true, { CI: 'false' })).toBe(true);
  });
});

describe('renderBar', () => {
  it('draws done/total and the step', () => {
    expect(renderBar(3, 6, 'sources/a.txt')).toBe('[##########----------] 3/6 sources/a.txt');
    expect(renderBar(0, 0, 'x')).toBe('[--------------------] 0/0 x');
  });

  it('fits the terminal, keeping the end of a long label', () => {
    const line = renderBar(1, 2, `sources/${'x'.repeat(100)}.txt`, 50);
    expect(line.length).toBeLessThanOrEqual(49);
    expect(line.endsWith('x.txt')).toBe(true);
  });
});

describe('createProgress', () => {
  function fake(isTTY: boolean, env: Record<string, string> = {}) {
    let time = 0;
    const written: string[] = [];
    const progress = createProgress({ write: (t) => written.push(t), isTTY, env, now: () => time });
    return { progress, written, advance: (ms: number) => (time += ms) };
  }

  it('stays silent for a build under a second', () => {
    const { progress, written, advance } = fake(true);
    progress.total(3);
    progress.step('a');
    advance(400);
    progress.step('b');
    advance(400);
    progress.step('json');
    progress.done();
    expect(written).toEqual([]);
  });

  it('draws after a second, then clears its line when done', () => {
    const { progress, written, advance } = fake(true);
    progress.total(4);
    progress.step('a');
    advance(1200);
    progress.step('b');
    progress.step('json');
    progress.done();
    expect(written[0]).toBe('\r\x1b[K[#####---------------] 1/4 b');
    expect(written[1]).toBe('\r\x1b[K[##########----------] 2/4 json');
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('never draws when piped or in CI, however slow', () => {
    for (const [tty, env] of [[false, {}], [true, { CI: 'true' }]] as const) {
      const { progress, written, advance } = fake(tty, env);
      progress.total(2);
      advance(5000);
      progress.step('a');
      progress.done();
      expect(written).toEqual([]);
    }
  });
});
