// The crosswalk (src/pipeline/crosswalk.ts, called by link): small ladders of our own, written as
// models and as sources in two syntaxes, placed on one scale of rungs.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/api.js';
import { compileSources } from '../../src/pipeline/compile.js';
import { defaultOptions } from '../../src/pipeline/options.js';
import { emptyStats } from '../../src/pipeline/compile.js';
import { prepareWriter, renderLadder, renderShared } from '../../src/pipeline/render.js';
import { loadAssets } from '../../src/host/io.js';
import { writerFor } from '../../src/writers/index.js';
import { crosswalkJson } from '../../src/views/crosswalk.js';
import { crosswalkSchemaErrors } from '../support/schema.js';
import { SCHEMA_VERSION, type Crosswalk, type Equivalent, type Ladder } from '../../src/model.js';
import { codeScheme, titleTier } from '../../src/pipeline/crosswalk.js';
import { linkLadders } from '../../src/pipeline/link.js';
import { parseConfig } from '../../src/pipeline/config.js';

type LevelSpec = string | { title: string; code?: string; eq?: Omit<Equivalent, 'ladder'> & { ladder?: string } };

function ladder(id: string, tracks: Record<string, LevelSpec[]>): Ladder {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: id,
    source: { path: `${id}.md`, format: 'gfm-table', sha256: '0'.repeat(64) },
    tracks: Object.entries(tracks).map(([trackId, levels]) => ({
      id: trackId,
      name: trackId,
      competencies: [],
      levels: levels.map((spec, i) => {
        const s = typeof spec === 'string' ? { title: spec } : spec;
        const level: Ladder['tracks'][number]['levels'][number] = { id: `${trackId}-${i + 1}`, ordinal: i + 1, title: s.title, position: { line: i + 2, column: 1 } };
        if (s.code) level.code = s.code;
        if (s.eq) level.equivalents = [{ ladder: s.eq.ladder ?? id, track: s.eq.track, level: s.eq.level }];
        return level;
      }),
    })),
  };
}

/** "ladder/track/level" → [rung, basis]. */
function placements(crosswalk: Crosswalk): Map<string, [number, string]> {
  const out = new Map<string, [number, string]>();
  for (const r of crosswalk.rungs) for (const p of r.levels) out.set(`${p.ladder}/${p.track}/${p.level}`, [r.rung, p.basis]);
  return out;
}

const rung = (c: Crosswalk, key: string) => placements(c).get(key)?.[0];
const basis = (c: Crosswalk, key: string) => placements(c).get(key)?.[1];

describe('title words', () => {
  it('puts each word on its point of the scale', () => {
    expect(titleTier('Junior Developer')).toBe(100);
    expect(titleTier('Associate Analyst')).toBe(100);
    expect(titleTier('Mid-level Developer')).toBe(200);
    expect(titleTier('Senior Developer')).toBe(300);
    expect(titleTier('Tech Lead')).toBe(400);
    expect(titleTier('Staff Engineer')).toBe(400);
    expect(titleTier('Principal Engineer')).toBe(500);
    expect(titleTier('Distinguished Engineer')).toBe(600);
    expect(titleTier('Fellow')).toBe(600);
    expect(titleTier('Engineering Manager')).toBe(400);
    expect(titleTier('Director of Engineering')).toBe(600);
    expect(titleTier('VP Engineering')).toBe(700);
    expect(titleTier('Developer')).toBeUndefined();
  });
  it('reads "Senior" before a higher word, and "plus" after Senior, as half a step up', () => {
    expect(titleTier('Senior Staff Engineer')).toBe(450);
    expect(titleTier('Senior+ Developer')).toBe(350);
    expect(titleTier('Senior-plus / team lead')).toBe(350);
  });
  it('reads a code as scheme and number', () => {
    expect(codeScheme('IC3')).toEqual({ scheme: 'IC', number: 3 });
    expect(codeScheme('l-4')).toEqual({ scheme: 'L', number: 4 });
    expect(codeScheme('7')).toEqual({ scheme: '', number: 7 });
    expect(codeScheme('Band A')).toBeUndefined();
  });
});

describe('placing levels', () => {
  it('places every level once; title words align ladders; levels without one sit by position', () => {
    const { crosswalk, diagnostics } = linkLadders([
      ladder('web', { dev: ['Junior Developer', 'Developer', 'Senior Developer', 'Staff Developer'] }),
      ladder('data', { analysts: ['Associate Analyst', 'Analyst', 'Analyst II', 'Senior Analyst'] }),
    ]);
    expect(diagnostics).toEqual([]);
    expect([...placements(crosswalk).keys()]).toHaveLength(8);
    expect(rung(crosswalk, 'web/dev/dev-1')).toBe(rung(crosswalk, 'data/analysts/analysts-1'));
    expect(rung(crosswalk, 'web/dev/dev-3')).toBe(rung(crosswalk, 'data/analysts/analysts-4'));
    expect(basis(crosswalk, 'web/dev/dev-3')).toBe('title');
    expect(basis(crosswalk, 'web/dev/dev-2')).toBe('position');
    // Two levels between Associate and Senior fall between their rungs.
    const between = [rung(crosswalk, 'data/analysts/analysts-2')!, rung(crosswalk, 'data/analysts/analysts-3')!];
    expect(between[0]).toBeGreaterThan(rung(crosswalk, 'web/dev/dev-1')!);
    expect(between[1]).toBeLessThan(rung(crosswalk, 'web/dev/dev-3')!);
    expect(rung(crosswalk, 'web/dev/dev-4')).toBe(crosswalk.rungs.length);
  });

  it('never lets a track go down, even when its titles do', () => {
    const { crosswalk } = linkLadders([ladder('odd', { t: ['Senior Engineer', 'Engineer', 'Junior Engineer'] }), ladder('other', { u: ['Junior X', 'Senior X'] })]);
    const r = [1, 2, 3].map((i) => rung(crosswalk, `odd/t/t-${i}`)!);
    expect(r[0]).toBeLessThan(r[1]!);
    expect(r[1]).toBeLessThan(r[2]!);
  });

  it('numbers a track without title words by position', () => {
    const { crosswalk } = linkLadders([ladder('plain', { t: ['One', 'Two', 'Three'] })]);
    expect(crosswalk.rungs.map((r) => r.levels.map((p) => [p.level, p.basis]))).toEqual([[['t-1', 'position']], [['t-2', 'position']], [['t-3', 'position']]]);
  });

  it('aligns levels by code where tracks share a scheme, over what the titles say', () => {
    const { crosswalk } = linkLadders([
      ladder('a', { ic: [{ title: 'Engineer', code: 'IC1' }, { title: 'Engineer II', code: 'IC2' }, { title: 'Senior Engineer', code: 'IC3' }] }),
      ladder('b', { ic: [{ title: 'Junior Dev', code: 'IC1' }, { title: 'Dev', code: 'IC2' }, { title: 'Dev III', code: 'IC3' }, { title: 'Lead Dev', code: 'IC4' }] }),
    ]);
    for (const n of [1, 2, 3]) {
      expect(rung(crosswalk, `a/ic/ic-${n}`)).toBe(rung(crosswalk, `b/ic/ic-${n}`));
      expect(basis(crosswalk, `a/ic/ic-${n}`)).toBe('code');
    }
    expect(basis(crosswalk, 'b/ic/ic-4')).toBe('title');
  });

  it('does not align codes of different schemes', () => {
    const { crosswalk } = linkLadders([ladder('a', { x: [{ title: 'One', code: 'P1' }, { title: 'Two', code: 'P2' }] }), ladder('b', { y: [{ title: 'Uno', code: 'L2' }, { title: 'Dos', code: 'L3' }] })]);
    expect(basis(crosswalk, 'a/x/x-1')).toBe('position');
  });

  it('puts explicit equivalents on one rung, whatever their titles say', () => {
    const { crosswalk } = linkLadders([
      ladder('co', {
        ic: ['Engineer', 'Senior Engineer', { title: 'Staff Engineer', eq: { track: 'mgmt', level: 'mgmt-2' } }],
        mgmt: ['Team Lead', { title: 'Director', eq: { track: 'ic', level: 'ic-3' } }],
      }),
    ]);
    expect(rung(crosswalk, 'co/ic/ic-3')).toBe(rung(crosswalk, 'co/mgmt/mgmt-2'));
    expect(basis(crosswalk, 'co/ic/ic-3')).toBe('explicit');
    expect(basis(crosswalk, 'co/mgmt/mgmt-1')).toBe('title');
  });

  it('follows equivalents into other ladders', () => {
    const { crosswalk } = linkLadders([ladder('a', { t: ['Alpha', { title: 'Beta', eq: { ladder: 'b', track: 'u', level: 'u-3' } }] }), ladder('b', { u: ['X', 'Y', 'Z'] })]);
    expect(rung(crosswalk, 'a/t/t-2')).toBe(rung(crosswalk, 'b/u/u-3'));
  });

  it('warns, naming both sources, about equivalents that cannot both hold, and keeps the first', () => {
    const { crosswalk, diagnostics } = linkLadders([
      ladder('one', { t: ['A1', { title: 'A2', eq: { ladder: 'two', track: 'u', level: 'u-1' } }] }),
      ladder('two', { u: [{ title: 'B1' }, { title: 'B2', eq: { ladder: 'one', track: 't', level: 't-1' } }] }),
    ]);
    expect(rung(crosswalk, 'one/t/t-2')).toBe(rung(crosswalk, 'two/u/u-1'));
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ severity: 'warning', ruleId: 'crosswalk-conflict', file: 'two.md', line: 3 });
    expect(d!.message).toContain('two.md:3:1');
    expect(d!.message).toContain('one.md:3:1');
    // Every track still goes up.
    expect(rung(crosswalk, 'two/u/u-1')!).toBeLessThan(rung(crosswalk, 'two/u/u-2')!);
  });

  it('warns about an equivalent naming a level the build does not have', () => {
    const { diagnostics } = linkLadders([ladder('a', { t: [{ title: 'X', eq: { ladder: 'gone', track: 't', level: 'x' } }] })]);
    expect(diagnostics).toMatchObject([{ ruleId: 'crosswalk-unknown-level', file: 'a.md', line: 2 }]);
  });

  it('applies config pins (basis config), warning about unknown levels and pins out of order', () => {
    const { crosswalk, diagnostics } = linkLadders([ladder('a', { t: ['Junior A', 'Senior A'] }), ladder('b', { u: ['Senior B', 'Principal B'] })], {
      pins: [['a/t/t-1', 'b/u/u-1'], ['a/t/nope', 'b/u/u-2'], ['a/t/t-2', 'b/u/u-1']],
      pinsFile: 'ladderc.config.json',
    });
    expect(rung(crosswalk, 'a/t/t-1')).toBe(rung(crosswalk, 'b/u/u-1'));
    expect(basis(crosswalk, 'b/u/u-1')).toBe('config');
    expect(diagnostics.map((d) => [d.ruleId, d.file])).toEqual([
      ['crosswalk-unknown-level', 'ladderc.config.json'],
      ['crosswalk-conflict', 'ladderc.config.json'],
    ]);
  });

  it('keeps a renamed ladder\'s own equivalents pointing at it', () => {
    const twin = ladder('x', { t: ['A', { title: 'B', eq: { track: 'u', level: 'u-1' } }], u: ['C'] });
    const { ladders, crosswalk } = linkLadders([ladder('x', { t: ['Solo'] }), twin]);
    expect(ladders[1]!.tracks[0]!.levels[1]!.equivalents).toEqual([{ ladder: 'x-2', track: 'u', level: 'u-1' }]);
    expect(rung(crosswalk, 'x-2/t/t-2')).toBe(rung(crosswalk, 'x-2/u/u-1'));
  });
});

describe('from sources', () => {
  it('aligns a GFM table ladder and a prose ladder by their titles', () => {
    const table = compile('| Skill | Junior Engineer | Engineer | Senior Engineer |\n|---|---|---|---|\n| Code | Writes code | Ships features | Designs systems |\n', { path: 'table.md' });
    const prose = compile('# Data ladder\n\n## Associate Analyst\n\n- Cleans data\n\n## Senior Analyst\n\n- Designs models\n\n## Principal Analyst\n\n- Sets direction\n', { path: 'prose.md' });
    const ladders = [...table.ladders, ...prose.ladders];
    expect(ladders).toHaveLength(2);
    const { crosswalk } = linkLadders(ladders);
    const byTitle = new Map<string, number>();
    for (const r of crosswalk.rungs) {
      for (const p of r.levels) {
        const l = ladders.find((x) => x.id === p.ladder)!.tracks.find((t) => t.id === p.track)!.levels.find((v) => v.id === p.level)!;
        byTitle.set(l.title, r.rung);
      }
    }
    expect(byTitle.get('Junior Engineer')).toBe(byTitle.get('Associate Analyst'));
    expect(byTitle.get('Senior Engineer')).toBe(byTitle.get('Senior Analyst'));
    expect(byTitle.get('Principal Analyst')).toBeGreaterThan(byTitle.get('Senior Engineer')!);
  });
});

describe('config', () => {
  it('reads crosswalk pins and says what is wrong with bad ones', () => {
    expect(parseConfig('{"crosswalk": [["a/t/l", "b/u/m"]]}')).toEqual({ config: { crosswalk: [['a/t/l', 'b/u/m']] }, errors: [] });
    expect(parseConfig('{"crosswalk": {"a": 1}}').errors[0]).toMatch(/^crosswalk: must be a list of pins/);
    expect(parseConfig('{"crosswalk": [["a/t/l"]]}').errors[0]).toMatch(/^crosswalk\[0\]: must list at least two levels/);
    expect(parseConfig('{"crosswalk": [["a/t/l", "Senior SRE"]]}').errors[0]).toMatch(/^crosswalk\[0\]\[1\]: must be "ladder\/track\/level"/);
  });
});

const fiveSources = await (async () => {
  const config = parseConfig(readFileSync('ladderc.config.json', 'utf8')).config;
  const sources = readdirSync('sources').sort().map((f) => ({ path: `sources/${f}`, bytes: new Uint8Array(readFileSync(`sources/${f}`)) }));
  return linkLadders((await compileSources(sources, { sources: config.sources ?? {} })).ladders);
})();

describe('the five sources', () => {
  const { ladders, crosswalk, diagnostics } = fiveSources;
  const levelCount = ladders.reduce((n, l) => n + l.tracks.reduce((m, t) => m + t.levels.length, 0), 0);

  it('places every level once, with no conflicts, and validates against schema/crosswalk.schema.json', () => {
    expect(diagnostics).toEqual([]);
    expect(levelCount).toBe(35);
    const keys = crosswalk.rungs.flatMap((r) => r.levels.map((p) => `${p.ladder}/${p.track}/${p.level}`));
    expect(keys).toHaveLength(35);
    expect(new Set(keys).size).toBe(35);
    expect(crosswalkSchemaErrors(crosswalkJson(crosswalk))).toEqual([]);
  });

  it('puts every stated equivalent on its level\'s rung', () => {
    let pairs = 0;
    for (const ladder of ladders) {
      for (const track of ladder.tracks) {
        for (const level of track.levels) {
          for (const eq of level.equivalents ?? []) {
            pairs += 1;
            expect(rung(crosswalk, `${ladder.id}/${track.id}/${level.id}`)).toBe(rung(crosswalk, `${eq.ladder}/${eq.track}/${eq.level}`));
            expect(basis(crosswalk, `${ladder.id}/${track.id}/${level.id}`)).toBe('explicit');
          }
        }
      }
    }
    // The four Management Equivalent pairs, each stated from both sides.
    expect(pairs).toBe(8);
  });

  it('never lets a track go down', () => {
    for (const ladder of ladders) {
      for (const track of ladder.tracks) {
        const rungs = track.levels.map((l) => rung(crosswalk, `${ladder.id}/${track.id}/${l.id}`)!);
        expect(rungs).toEqual([...rungs].sort((a, b) => a - b));
      }
    }
  });

  it('puts the Senior SRE of one ladder and the Senior SRE (L3) of another on one rung', () => {
    const found = ladders.flatMap((ladder) => ladder.tracks.flatMap((track) => track.levels.filter((l) => l.title === 'Senior SRE').map((l) => `${ladder.id}/${track.id}/${l.id}`)));
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(new Set(found.map((k) => rung(crosswalk, k))).size).toBe(1);
  });
});

describe('the render cache', () => {
  function memoryCache() {
    const store = new Map<string, string>();
    return { get: (kind: string, key: string) => store.get(`${kind}:${key}`), put: (kind: string, key: string, value: string) => void store.set(`${kind}:${key}`, value) };
  }
  const resources = { templates: () => ({}), assets: () => loadAssets(writerFor('pdf')!.assets) };
  const one = ladder('a', { t: ['Junior A', 'Senior A'] });
  const small = linkLadders([one]).crosswalk;
  const big = linkLadders([one, ladder('b', { u: ['Junior B'] })]).crosswalk;
  const prepared = async (format: 'json' | 'pdf', crosswalk: Crosswalk) => (await prepareWriter(format, defaultOptions(process.cwd()), resources, { version: 't', sourceDateEpoch: 0, crosswalk }))!;

  it('re-renders what shows the crosswalk when it changes, and only that', async () => {
    const hooks = { cache: memoryCache() as never, stats: emptyStats() };
    await renderShared(await prepared('json', small), [one], hooks);
    await renderLadder(await prepared('json', small), one, hooks);
    await renderLadder(await prepared('pdf', small), one, hooks);
    expect(hooks.stats.rendered).toBe(3);
    // Same crosswalk: all three from the cache.
    await renderShared(await prepared('json', small), [one], hooks);
    await renderLadder(await prepared('json', small), one, hooks);
    await renderLadder(await prepared('pdf', small), one, hooks);
    expect([hooks.stats.rendered, hooks.stats.renderHits]).toEqual([3, 3]);
    // Another ladder in the build moved the crosswalk: the shared file and the PDF (its crosswalk
    // page) re-render; the ladder's JSON, which does not show it, does not.
    await renderShared(await prepared('json', big), [one], hooks);
    await renderLadder(await prepared('json', big), one, hooks);
    await renderLadder(await prepared('pdf', big), one, hooks);
    expect([hooks.stats.rendered, hooks.stats.renderHits]).toEqual([5, 4]);
  });

  it('gives ladder() the crosswalk only when the writer says it shows it', async () => {
    const seen: number[] = [];
    const writer = await prepared('json', big);
    const spy = (uses: boolean) => ({ ...writer, entry: { ...writer.entry, ladderUsesCrosswalk: uses, ladder: (_l: Ladder, c: { crosswalk: Crosswalk }) => (seen.push(c.crosswalk.rungs.length), { files: [], diagnostics: [] }) } });
    await renderLadder(spy(false), one);
    await renderLadder(spy(true), one);
    expect(seen).toEqual([0, big.rungs.length]);
  });
});
