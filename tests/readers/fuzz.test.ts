// Hostile input: every reader, fed line-level mutations of every seed, corpus and fixture document
// (and of the same documents as pasted tables), never throws, and a ladder read without errors is
// valid against the schema.
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/readers/index.js';
import { allCases } from '../support/cases.js';
import { prng } from '../support/prng.js';
import { schemaErrors } from '../support/schema.js';

function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  for (let edit = 0; edit < 1 + Math.floor(random() * 8); edit += 1) {
    const i = Math.floor(random() * lines.length);
    const j = Math.floor(random() * lines.length);
    const op = Math.floor(random() * 7);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[j]!);
    else if (op === 2) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    else if (op === 3) lines[i] = lines[i]!.slice(0, Math.floor(random() * lines[i]!.length));
    else if (op === 4) lines[i] = `${lines[i]!.slice(0, 3)}${lines[j]!.slice(3)}`;
    else if (op === 5) lines[i] = lines[i]!.replace(/\s*\|\s*/g, random() < 0.5 ? '\t' : ',');
    else lines.splice(i, 0, ['**Level 9: Engineer IX**', '- **Engineer X**', '<h2>Senior</h2>', 'Level 3 - Staff:', '| Track | Level | X |', '> Note: n'][Math.floor(random() * 6)]!);
  }
  return lines.join('\n');
}

describe('readers on mutated documents', () => {
  it('never throw, and every ladder they return without an error validates against the schema', () => {
    const random = prng(0x5eed);
    const cases = allCases();
    expect(cases.length).toBeGreaterThan(20);
    for (let round = 0; round < 200; round += 1) {
      const c = cases[round % cases.length]!;
      const text = mutate(new TextDecoder().decode(c.bytes), random);
      let result: ReturnType<typeof readSource> | undefined;
      expect(() => (result = readSource(new TextEncoder().encode(text), c.path)), `round ${round} (${c.name})`).not.toThrow();
      // A source with errors is never written; one without must give a valid ladder.
      const failed = result!.diagnostics.some((d) => d.severity === 'error');
      if (!failed) expect(result!.ladder && schemaErrors(result!.ladder), `round ${round} (${c.name})`).toEqual([]);
    }
  });
});
