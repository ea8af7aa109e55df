// A standalone YAML data file (no front matter, no Markdown): lists of levels and of competency
// groups, and a flat list of expectations that point at both by id — the shape a spreadsheet or a
// framework tool exports.
//
//   title: Engineering Framework          (or `name`; else the file name titles the ladder)
//   levels:       [{ id, name, summary? }]
//   themes:       [{ id, name, summary? }]   (or topics, areas, categories, pillars, skills)
//   competencies: [{ id, level, theme, summary }]   (or expectations, criteria, behaviours)
//
// Rules:
// - Levels in list order. Each theme is a competency, its `summary` the description. Each entry of
//   the flat list is one expectation line of the competency its `theme` names at the level its
//   `level` names; several entries for one cell are lines of one expectation, in list order.
// - `level` and `theme` name an item by its id (or by its name, when no id matches). Ids, UUIDs and
//   other keys (`sheet_id`, `uuid`, …) are never text: they only join the lists.
// - An entry without a theme goes to one implicit competency; an entry whose level or theme is
//   unknown, or that has no text, is a warning naming it. Zero-width spaces are dropped.
// - Other top-level keys are reported (info for scalars such as ids, warning for lists of text).

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Position } from '../model.js';
import { cleanInline } from '../text/plain.js';
import type { DraftCompetency, DraftLadder, DraftLevel } from './draft.js';
import { IMPLICIT_COMPETENCY } from './text.js';
import type { ReaderInput } from './types.js';

const LAYOUT_HINT = 'expected `levels: [{ id, name }]`, `themes: [{ id, name, summary }]` and `competencies: [{ level, theme, summary }]`';

// The keys each list may go by, first match wins.
const LEVEL_KEYS = ['levels', 'grades', 'bands'];
const GROUP_KEYS = ['themes', 'topics', 'areas', 'categories', 'pillars', 'skills', 'dimensions'];
const ENTRY_KEYS = ['competencies', 'expectations', 'criteria', 'behaviours', 'behaviors', 'statements'];
const NAME_KEYS = ['name', 'title', 'label'];
const TEXT_KEYS = ['summary', 'description', 'text', 'statement', 'criteria', 'detail'];
const LEVEL_REF_KEYS = ['level', 'level_id', 'levelId', 'grade'];
const GROUP_REF_KEYS = ['theme', 'theme_id', 'themeId', 'topic', 'area', 'category', 'pillar', 'skill'];
const TITLE_KEYS = ['title', 'name'];
const ID_KEYS = ['id', 'uuid', 'key', 'slug'];

const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF]/g;

// The second shape: competencies each holding an ordered list of per-level entries
// (`tracks: { MOBILE: { displayName, description, milestones: [{ summary, signals, examples }] } }`).
const MILESTONE_KEYS = ['milestones', 'stages', 'steps', 'levels'];
const SIGNAL_KEYS = ['signals', 'behaviours', 'behaviors', 'criteria', 'expectations', 'statements'];
const EXAMPLE_KEYS = ['examples', 'example_tasks', 'evidence'];
const COMPETENCY_NAME_KEYS = ['displayName', 'display_name', 'name', 'title', 'label'];

/** A top-level mapping with a list of levels and a flat list of entries, and no front matter. */
export function isYamlData(text: string): boolean {
  if (/^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*\n\s*\S/.test(text)) return false; // front matter over a body
  const has = (keys: readonly string[]) => keys.some((k) => new RegExp(`^${k}\\s*:(?:\\s|$)`, "m").test(text));
  if (has(LEVEL_KEYS) && has(ENTRY_KEYS)) return true;
  // The same data as JSON (a JSON document is YAML): quoted keys.
  if (/^\s*\{/.test(text)) {
    const quoted = (keys: readonly string[]) => keys.some((k) => new RegExp(`"${k}"\\s*:`).test(text));
    if ((quoted(LEVEL_KEYS) && quoted(ENTRY_KEYS)) || /"milestones"\s*:\s*\[/.test(text)) return true;
  }
  // Milestones nested under named competencies: an indented `milestones:` over a list, under a
  // top-level key.
  return /^[A-Za-z_][\w-]*\s*:/m.test(text) && /^[ \t]+milestones\s*:\s*(?:#.*)?\n[ \t]*-\s/m.test(text);
}

/** The competencies of the milestones shape: a mapping (or list) of mappings that each hold a list under MILESTONE_KEYS. */
interface Milestones {
  /** The top-level key the competencies sit under (`tracks`), when they are not the root's own keys. */
  container?: string;
  members: Array<{ key: string | undefined; map: YAMLMap<unknown, unknown>; list: unknown[] }>;
}

function milestoneCollection(root: YAMLMap<unknown, unknown>, ctx: Ctx): Milestones | undefined {
  const membersOf = (node: unknown) => {
    const members: Array<{ key: string | undefined; map: YAMLMap<unknown, unknown>; list: unknown[] }> = [];
    const pairs = isMap(node) ? node.items.map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : undefined, value: resolve(p.value, ctx) })) : isSeq(node) ? node.items.map((v) => ({ key: undefined, value: resolve(v, ctx) })) : [];
    for (const { key, value } of pairs) {
      if (!isMap(value)) continue;
      const list = first(value, MILESTONE_KEYS, ctx);
      if (list && isSeq(list.node)) members.push({ key, map: value, list: list.node.items.map((i) => resolve(i, ctx)) });
    }
    return members.length >= 1 && members.length * 2 >= pairs.length ? members : undefined;
  };
  const direct = membersOf(root);
  if (direct) return { members: direct };
  for (const pair of root.items) {
    const found = membersOf(resolve(pair.value, ctx));
    if (found) return isScalar(pair.key) ? { container: String(pair.key.value), members: found } : { members: found };
  }
  return undefined;
}

/** A list of texts under one of `keys`. */
function textList(map: YAMLMap<unknown, unknown>, keys: readonly string[], ctx: Ctx): string[] {
  const field = first(map, keys, ctx);
  if (!field) return [];
  if (isSeq(field.node)) return field.node.items.map((i) => text(resolve(i, ctx))).filter((t): t is string => t !== undefined);
  const t = text(field.node);
  return t ? [t] : [];
}

/**
 * Competencies that each list their levels' milestones in order: milestone n of every competency
 * is the n-th level ("Level 1" …, or the milestone's own `level`/`name`); its `summary` and
 * `signals` are the expectation's lines, its `examples` their examples.
 */
function readMilestones(root: YAMLMap<unknown, unknown>, { container, members }: Milestones, ladder: DraftLadder, ctx: Ctx): DraftLadder {
  const levels: DraftLevel[] = [];
  const competencies: DraftCompetency[] = [];
  for (const m of members) {
    const name = firstText(m.map, COMPETENCY_NAME_KEYS, ctx) ?? m.key;
    if (m.key) ladder.references!.push(m.key);
    if (!name) continue;
    const competency: DraftCompetency = { name, position: at(m.map, ctx), cells: [] };
    const description = firstText(m.map, ['description', 'summary'], ctx);
    if (description) competency.description = description;
    const category = firstText(m.map, ['category', 'group', 'theme'], ctx);
    if (category) competency.category = category;
    m.list.forEach((milestone, i) => {
      const label = (isMap(milestone) ? firstText(milestone, ['level', 'name', 'title'], ctx) : undefined) ?? `Level ${i + 1}`;
      if (!levels[i]) levels[i] = { label, position: at(milestone, ctx) };
      const lines = isMap(milestone) ? [...textList(milestone, ['summary', 'description', 'text'], ctx), ...textList(milestone, SIGNAL_KEYS, ctx)] : [text(milestone)].filter((t): t is string => t !== undefined);
      const examples = isMap(milestone) ? textList(milestone, EXAMPLE_KEYS, ctx) : [];
      if (lines.length === 0 && examples.length === 0) return;
      const cell: DraftCompetency['cells'][number] = { level: i, text: lines.join('\n'), position: at(milestone, ctx) };
      if (examples.length && lines.length) cell.examples = [{ line: lines.length - 1, examples }];
      else if (examples.length) cell.text = examples.join('\n');
      competency.cells.push(cell);
    });
    competencies.push(competency);
  }
  for (let i = 0; i < levels.length; i += 1) levels[i] ??= { label: `Level ${i + 1}` };
  const read = new Set<string | undefined>(['title', 'name', 'description', 'summary', container, ...members.map((m) => m.key)]);
  reportOtherKeys(root, read, ladder.references!, ctx);
  ladder.tracks.push({ name: ladder.title ?? 'Levels', levels, competencies, position: at(root, ctx) });
  ctx.input.diagnostics.info('yaml-milestones', `read ${competencies.length} competencies, each listing its levels' milestones in order: ${levels.length} levels`, at(root, ctx));
  return ladder;
}

interface Ctx {
  doc: Document;
  lines: LineCounter;
  input: ReaderInput;
}

function resolve(node: unknown, ctx: Ctx): unknown {
  return isAlias(node) ? node.resolve(ctx.doc) : node;
}

function at(node: unknown, ctx: Ctx): Position {
  const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
  const p = ctx.lines.linePos(range?.[0] ?? 0);
  return { line: p.line, column: p.col };
}

function text(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  const clean = cleanInline(String(v).replace(ZERO_WIDTH, ''));
  return clean || undefined;
}

function first(map: YAMLMap<unknown, unknown>, keys: readonly string[], ctx: Ctx): { key: string; node: unknown } | undefined {
  for (const key of keys) {
    const node = resolve(map.get(key, true), ctx);
    if (node !== undefined && !(isScalar(node) && node.value === null)) return { key, node };
  }
  return undefined;
}

const firstText = (map: YAMLMap<unknown, unknown>, keys: readonly string[], ctx: Ctx): string | undefined => {
  for (const key of keys) {
    const t = text(resolve(map.get(key, true), ctx));
    if (t) return t;
  }
  return undefined;
};

interface Item {
  id: string | undefined;
  name: string;
  summary: string | undefined;
  position: Position;
}

/** The items of a list of `{ id, name, summary }` mappings. */
function items(node: unknown, what: string, ctx: Ctx, references: string[]): Item[] {
  if (!isSeq(node)) {
    ctx.input.diagnostics.warn('yaml-data-shape', `\`${what}\` should be a list; ignored`, at(node, ctx), LAYOUT_HINT);
    return [];
  }
  const out: Item[] = [];
  for (const raw of node.items) {
    const item = resolve(raw, ctx);
    // `levels: [Junior, Senior]`: a list of names.
    if (isScalar(item)) {
      const name = text(item);
      if (name) out.push({ id: undefined, name, summary: undefined, position: at(item, ctx) });
      continue;
    }
    if (!isMap(item)) {
      ctx.input.diagnostics.warn('yaml-data-shape', `an item of \`${what}\` is neither a name nor a mapping; ignored`, at(item, ctx), LAYOUT_HINT);
      continue;
    }
    const id = firstText(item, ID_KEYS, ctx);
    if (id) references.push(id);
    const name = firstText(item, NAME_KEYS, ctx);
    if (!name) {
      ctx.input.diagnostics.warn('yaml-data-shape', `an item of \`${what}\` has no name; ignored`, at(item, ctx), 'give it a `name`');
      continue;
    }
    out.push({ id, name, summary: firstText(item, TEXT_KEYS, ctx), position: at(item, ctx) });
  }
  return out;
}

/** The index of the item a reference names: by id, else by name (case aside). */
function find(list: readonly Item[], ref: string): number {
  const byId = list.findIndex((i) => i.id === ref);
  if (byId !== -1) return byId;
  return list.findIndex((i) => i.name.toLowerCase() === ref.toLowerCase());
}

export function readYamlData(input: ReaderInput): DraftLadder {
  const lines = new LineCounter();
  const doc = parseDocument(input.text, { lineCounter: lines, uniqueKeys: false });
  const ctx: Ctx = { doc, lines, input };
  const error = doc.errors[0];
  if (error) {
    const p = lines.linePos(error.pos[0]);
    input.diagnostics.error('yaml-data-syntax', `the YAML does not parse: ${error.message.split('\n')[0]}`, { line: p.line, column: p.col }, 'fix the YAML syntax');
    return { tracks: [] };
  }
  const root = resolve(doc.contents, ctx);
  if (!isMap(root)) {
    input.diagnostics.error('yaml-data-shape', 'the YAML file is not a mapping of lists', { line: 1, column: 1 }, LAYOUT_HINT);
    return { tracks: [] };
  }
  const references: string[] = [];
  const ladder: DraftLadder = { tracks: [], references };
  const title = firstText(root, TITLE_KEYS, ctx);
  if (title) ladder.title = title;
  const description = firstText(root, ['description', 'summary'], ctx);
  if (description) ladder.description = description;

  if (!first(root, ENTRY_KEYS, ctx)) {
    const milestones = milestoneCollection(root, ctx);
    if (milestones) return readMilestones(root, milestones, ladder, ctx);
  }
  const levelsField = first(root, LEVEL_KEYS, ctx);
  const groupsField = first(root, GROUP_KEYS, ctx);
  const entriesField = first(root, ENTRY_KEYS, ctx);
  const levelItems = levelsField ? items(levelsField.node, levelsField.key, ctx, references) : [];
  const groupItems = groupsField ? items(groupsField.node, groupsField.key, ctx, references) : [];
  if (levelItems.length === 0) {
    input.diagnostics.error('yaml-data-levels', 'the YAML file names no levels', at(levelsField?.node ?? root, ctx), LAYOUT_HINT);
    return ladder;
  }
  const levels: DraftLevel[] = levelItems.map((l) => ({ label: l.name, position: l.position, ...(l.summary ? { summary: l.summary } : {}) }));
  const competencies: DraftCompetency[] = groupItems.map((g) => ({ name: g.name, position: g.position, cells: [], ...(g.summary ? { description: g.summary } : {}) }));
  let implicit: DraftCompetency | undefined;
  const cellText = new Map<DraftCompetency, Map<number, { lines: string[]; position: Position }>>();

  const entries = entriesField && isSeq(entriesField.node) ? entriesField.node.items.map((i) => resolve(i, ctx)) : [];
  if (entriesField && !isSeq(entriesField.node)) input.diagnostics.warn('yaml-data-shape', `\`${entriesField.key}\` should be a list; ignored`, at(entriesField.node, ctx), LAYOUT_HINT);
  for (const entry of entries) {
    const where = at(entry, ctx);
    if (!isMap(entry)) {
      const t = text(entry);
      input.diagnostics.warn('yaml-data-shape', `an entry of \`${entriesField!.key}\` is not a mapping${t ? ` ("${t}")` : ''}; ignored`, where, LAYOUT_HINT);
      continue;
    }
    const statement = firstText(entry, TEXT_KEYS, ctx);
    const levelRef = firstText(entry, LEVEL_REF_KEYS, ctx);
    const groupRef = firstText(entry, GROUP_REF_KEYS, ctx);
    const id = firstText(entry, ID_KEYS, ctx);
    // Ids and the references that place the entry are structure, not text.
    for (const ref of [id, levelRef, groupRef]) if (ref) references.push(ref);
    if (!statement) {
      input.diagnostics.warn('yaml-data-entry', 'an entry has no text (`summary`); nothing is made from it', where, 'give it a `summary`, or remove it');
      continue;
    }
    const level = levelRef === undefined ? -1 : find(levelItems, levelRef);
    if (level === -1) {
      input.diagnostics.warn('yaml-data-entry', `"${statement}" names ${levelRef === undefined ? 'no level' : `the level "${levelRef}", which \`${levelsField!.key}\` does not list`}; dropped`, where, 'point `level` at the id of a listed level');
      continue;
    }
    let competency: DraftCompetency;
    if (groupRef === undefined) {
      if (!implicit) {
        implicit = { name: IMPLICIT_COMPETENCY, position: where, cells: [] };
        competencies.push(implicit);
      }
      competency = implicit;
    } else {
      const g = find(groupItems, groupRef);
      if (g === -1) {
        input.diagnostics.warn('yaml-data-entry', `"${statement}" names the group "${groupRef}", which ${groupsField ? `\`${groupsField.key}\` does not list` : 'no list of themes gives'}; dropped`, where, 'point it at the id of a listed theme');
        continue;
      }
      competency = competencies[g]!;
    }
    let cells = cellText.get(competency);
    if (!cells) cellText.set(competency, (cells = new Map()));
    const cell = cells.get(level);
    if (cell) cell.lines.push(statement);
    else cells.set(level, { lines: [statement], position: where });
  }
  for (const c of competencies) {
    const cells = cellText.get(c);
    if (!cells) {
      input.diagnostics.warn('yaml-data-entry', `the theme "${c.name}" has no entries; it is kept without expectations`, c.position ?? { line: 1, column: 1 });
      continue;
    }
    c.cells = [...cells].sort((a, b) => a[0] - b[0]).map(([level, cell]) => ({ level, text: cell.lines.join('\n'), position: cell.position }));
  }

  reportOtherKeys(root, new Set([levelsField?.key, groupsField?.key, entriesField?.key, 'title', 'name', 'description', 'summary']), references, ctx);

  ladder.tracks.push({ name: ladder.title ?? 'Levels', levels, competencies, position: levelItems[0]!.position });
  return ladder;
}

/** Everything else at the top level: ids and keys are bookkeeping (info); lists or text are reported (warning). */
function reportOtherKeys(root: YAMLMap<unknown, unknown>, read: ReadonlySet<string | undefined>, references: string[], ctx: Ctx): void {
  const { input } = ctx;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || read.has(key)) continue;
    const value = resolve(pair.value, ctx);
    const position = at(pair.key, ctx);
    if (isScalar(value)) {
      // A sheet id, a version, an export date: bookkeeping of the tool that wrote the file.
      const t = text(value);
      if (t) references.push(t);
      input.diagnostics.info('yaml-data-key', `the key \`${key}\` is not ladder content; ignored`, position);
    }
    else input.diagnostics.warn('yaml-data-key', `the key \`${key}\` holds ${isSeq(value) ? 'a list' : 'a mapping'} this reader does not read; its content is in no level or competency`, position, LAYOUT_HINT);
  }
}
