import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../support/schema.js';

const sink = () => JSON.parse(readFileSync(new URL('../fixtures/model/kitchen-sink.json', import.meta.url), 'utf8')) as Record<string, any>;

describe('ladder schema', () => {
  it('accepts the kitchen-sink model', () => {
    expect(schemaErrors(sink())).toEqual([]);
  });
  it('rejects unknown fields, bad ids, bad hashes and dangling references', () => {
    const a = sink();
    a.extra = 1;
    expect(schemaErrors(a).join()).toMatch(/additional/);
    const b = sink();
    b.tracks[0].levels[0].id = 'Not A Slug';
    expect(schemaErrors(b).join()).toMatch(/pattern/);
    const c = sink();
    c.source.sha256 = 'ABC';
    expect(schemaErrors(c).join()).toMatch(/pattern/);
    const d = sink();
    d.tracks[0].levels[2].equivalents[0].level = 'nowhere';
    expect(schemaErrors(d).join()).toMatch(/does not resolve/);
    const e = sink();
    e.tracks[0].competencies[0].expectations[0].statements = ['wrong'];
    expect(schemaErrors(e).join()).toMatch(/splitStatements/);
    const f = sink();
    f.tracks[0].competencies[1].expectations[0].statements = ['x'];
    expect(schemaErrors(f).join()).toMatch(/maxItems|must NOT have more/);
  });
});
