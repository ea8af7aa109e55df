// Same input, same bytes: no clock, no random ids; the date comes from sourceDateEpoch alone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesOf, context, EPOCH, kitchenSink, render } from './support.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('PDF reproducibility', () => {
  it('two builds at different wall-clock times are byte-identical', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = await render([kitchenSink()]);
    vi.setSystemTime(new Date('2039-12-31T23:59:59Z'));
    const b = await render([kitchenSink()]);
    vi.useRealTimers();
    expect(a.files.map((f) => f.path)).toEqual(b.files.map((f) => f.path));
    for (const f of a.files) expect(Buffer.compare(Buffer.from(bytesOf(a, f.path)), Buffer.from(bytesOf(b, f.path))), f.path).toBe(0);
  });

  it("a document's bytes do not depend on what the process rendered before (fonts and shaped words are shared)", async () => {
    // A fresh module graph: its parsed faces and shaped-word caches start empty.
    vi.resetModules();
    const fresh = (await import('./support.js')) as typeof import('./support.js');
    const cold = await fresh.render([fresh.kitchenSink()]);
    await fresh.render(fresh.seedLadders());
    const warm = await fresh.render([fresh.kitchenSink()]);
    expect(warm.files.map((f) => f.path)).toEqual(cold.files.map((f) => f.path));
    for (const f of cold.files) expect(Buffer.compare(Buffer.from(fresh.bytesOf(cold, f.path)), Buffer.from(fresh.bytesOf(warm, f.path))), f.path).toBe(0);
  });

  it('dates and the file /ID come from sourceDateEpoch', async () => {
    const a = bytesOf(await render([kitchenSink()]), 'pdf/kitchen-sink--engineering.pdf');
    const b = bytesOf(await render([kitchenSink()], context({}, {}, EPOCH + 86400)), 'pdf/kitchen-sink--engineering.pdf');
    const text = Buffer.from(a).toString('latin1');
    // 2023-11-14T22:13:20Z, written as indirect objects for CreationDate and ModDate.
    expect(text.split('(D:20231114221320Z)').length - 1).toBe(2);
    expect(text).not.toMatch(/\(D:(?!20231114221320Z)\d{14}Z?\)/);
    const id = (s: string): string => /\/ID \[<([0-9a-f]+)>/.exec(s)?.[1] ?? '';
    expect(id(text)).not.toBe('');
    expect(id(Buffer.from(b).toString('latin1'))).not.toBe(id(text));
  });
});
