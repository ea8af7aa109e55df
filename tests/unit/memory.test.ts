// host/memory.ts: a build's memory relief collects once the heap in use passes the budget, never
// below it, and raises the budget when the live data itself is near it.
import { describe, expect, it } from 'vitest';
import { memoryRelief } from '../../src/host/memory.js';

describe('memory relief', () => {
  it('collects every 16th call while the heap in use is above the budget, and reports it when asked', () => {
    const lines: string[] = [];
    const relieve = memoryRelief({ LADDERC_MEMORY_MB: '1', LADDERC_DEBUG_MEMORY: '1' }, (l) => void lines.push(l));
    for (let i = 0; i < 15; i += 1) relieve();
    expect(lines).toEqual([]);
    relieve();
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/^ladderc: memory: heap \d+ MB → \d+ MB live \(resident \d+ MB, budget 1 MB\)\n$/);
    // The live heap is far above 1 MB: the budget rises to 1.6× of it, so the next checks pass by.
    for (let i = 0; i < 32; i += 1) relieve();
    expect(lines.length).toBe(1);
  });

  it('never collects below the budget, and says nothing without LADDERC_DEBUG_MEMORY=1', () => {
    const lines: string[] = [];
    const quiet = memoryRelief({ LADDERC_MEMORY_MB: '1' }, (l) => void lines.push(l));
    for (let i = 0; i < 16; i += 1) quiet();
    const high = memoryRelief({ LADDERC_MEMORY_MB: '100000', LADDERC_DEBUG_MEMORY: '1' }, (l) => void lines.push(l));
    for (let i = 0; i < 64; i += 1) high();
    expect(lines).toEqual([]);
  });
});
