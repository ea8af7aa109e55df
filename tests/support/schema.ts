// Validates ladders against schema/ladder.schema.json (and the crosswalk against schema/crosswalk.schema.json) (ajv, draft 2020-12) plus the invariants
// JSON Schema cannot say: references resolve, ids are unique, ordinals run 1..n, statements are
// splitStatements(text).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Ladder } from '../../src/model.js';
import { splitStatements } from '../../src/text/statements.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/ladder.schema.json', import.meta.url), 'utf8')) as object;
// strictRequired off: the if/then on "applicable" names a property declared beside it, not inside the if.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

const crosswalkValidate = ajv.compile(JSON.parse(readFileSync(new URL('../../schema/crosswalk.schema.json', import.meta.url), 'utf8')) as object);

/** Validates out/json/crosswalk.json against schema/crosswalk.schema.json, and that rungs run 1..n. */
export function crosswalkSchemaErrors(value: unknown): string[] {
  if (!crosswalkValidate(value)) return (crosswalkValidate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  const rungs = (value as { rungs: Array<{ rung: number }> }).rungs;
  return rungs.flatMap((r, i) => (r.rung === i + 1 ? [] : [`rung ${r.rung} at index ${i}, expected ${i + 1}`]));
}

export function schemaErrors(ladder: unknown): string[] {
  if (validate(ladder)) return invariantErrors(ladder as Ladder);
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

function invariantErrors(ladder: Ladder): string[] {
  const errors: string[] = [];
  const dup = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) errors.push(`duplicate ${what} id ${id}`);
      seen.add(id);
    }
  };
  dup(ladder.tracks.map((t) => t.id), 'track');
  for (const track of ladder.tracks) {
    dup(track.levels.map((l) => l.id), `level (${track.id})`);
    dup(track.competencies.map((c) => c.id), `competency (${track.id})`);
    track.levels.forEach((l, i) => {
      if (l.ordinal !== i + 1) errors.push(`${track.id}/${l.id}: ordinal ${l.ordinal}, expected ${i + 1}`);
      for (const eq of l.equivalents ?? []) {
        // One in another ladder resolves only in a build (the crosswalk warns when it does not).
        if (eq.ladder !== ladder.id) continue;
        const other = ladder.tracks.find((t) => t.id === eq.track);
        if (!other || other === track || !other.levels.some((x) => x.id === eq.level)) {
          errors.push(`${track.id}/${l.id}: equivalent ${eq.track}/${eq.level} does not resolve`);
        }
      }
    });
    const levelIds = track.levels.map((l) => l.id);
    for (const c of track.competencies) {
      dup(c.expectations.map((e) => e.level), `expectation level (${track.id}/${c.id})`);
      let last = -1;
      for (const e of c.expectations) {
        const at = levelIds.indexOf(e.level);
        if (at === -1) errors.push(`${track.id}/${c.id}: expectation for unknown level ${e.level}`);
        if (at <= last) errors.push(`${track.id}/${c.id}: expectations not in level order`);
        last = at;
        if (e.applicable !== false && JSON.stringify(splitStatements(e.text)) !== JSON.stringify(e.statements)) {
          errors.push(`${track.id}/${c.id}/${e.level}: statements are not splitStatements(text)`);
        }
        for (const g of e.examples ?? []) {
          if (g.statement >= e.statements.length) errors.push(`${track.id}/${c.id}/${e.level}: example points past the statements`);
        }
      }
    }
  }
  return errors;
}
