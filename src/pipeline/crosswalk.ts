// The crosswalk: places every level of every ladder of a build on one scale of rungs. Pure; link
// calls it once per build. Evidence, strongest first: equivalents the sources state, the config's
// `crosswalk` pins, level codes of one scheme shared by several tracks, title words, position.
//
// How: each level gets a value on a scale where title words sit at fixed points (Junior 100,
// Mid 200, Senior 300, Lead/Staff 400, Principal 500, Distinguished/Fellow 600, VP 700, C-level
// 800); levels without such a word are placed by position between (or beyond) those that have
// one. Equivalents, pins and shared codes join levels into groups that must share a rung (a join
// that would put a track's levels out of order is refused). Then each group takes the highest of
// its members' values, is pushed above the level below it in every track, and distinct values,
// in order, are the rungs.

import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Crosswalk, CrosswalkBasis, CrosswalkPlacement, CrosswalkTrack, Ladder, Level, Track } from '../model.js';
import { levelLabel } from '../text/labels.js';

/** Levels the config says share a rung: each `ladder/track/level` (ids as in the ladder JSON). */
export type CrosswalkPin = readonly string[];

export interface CrosswalkInput {
  pins?: readonly CrosswalkPin[];
  /** Where the pins come from, for messages (the config file's display path). */
  pinsFile?: string;
}

export interface CrosswalkResult {
  crosswalk: Crosswalk;
  diagnostics: Diagnostic[];
}

interface Node {
  ladder: Ladder;
  track: Track;
  level: Level;
  key: string;
  /** The level above it in its track. */
  next?: Node;
  /** From the title's words, when it has one. */
  tier?: number;
  /** The tier, or one by position from the levels of its track that have one. */
  value: number;
}

interface Evidence {
  basis: 'explicit' | 'config' | 'code';
  /** What joined the levels, as a message names it. */
  text: string;
  file: string;
  where?: { line: number; column: number };
}

const STEP = 100;

/** Title words and their point on the scale. */
const TIER_WORDS: ReadonlyMap<string, number> = new Map([
  ...['junior', 'jr', 'associate', 'entry', 'graduate', 'grad', 'intern', 'apprentice', 'trainee', 'beginner'].map((w) => [w, 100] as const),
  ...['mid', 'intermediate'].map((w) => [w, 200] as const),
  ...['senior', 'sr'].map((w) => [w, 300] as const),
  ...['lead', 'staff', 'manager'].map((w) => [w, 400] as const),
  ...['principal'].map((w) => [w, 500] as const),
  ...['distinguished', 'fellow', 'director', 'head'].map((w) => [w, 600] as const),
  ...['vice', 'vp'].map((w) => [w, 700] as const),
  ...['svp', 'evp'].map((w) => [w, 750] as const),
  ...['chief', 'cto', 'cio', 'ceo', 'coo', 'cpo', 'ciso'].map((w) => [w, 800] as const),
]);

/**
 * A title's point on the scale, or undefined when no word of it says. A title naming a level by
 * several names ("Senior-plus / team technical lead") is read by its first name that says. "Senior"
 * before a higher word ("Senior Staff", "Senior Manager") and "plus" after Senior add half a step.
 */
export function titleTier(title: string): number | undefined {
  for (const alternative of title.split('/')) {
    const words = alternative.toLowerCase().replace(/\+/g, ' plus ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let tier: number | undefined;
    for (const w of words) {
      const t = TIER_WORDS.get(w);
      if (t !== undefined && (tier === undefined || t > tier)) tier = t;
    }
    if (tier === undefined) continue;
    const senior = words.includes('senior') || words.includes('sr');
    if (senior && tier > 300) tier += STEP / 2;
    else if (tier === 300 && words.includes('plus')) tier += STEP / 2;
    return tier;
  }
  return undefined;
}

/** A level code's scheme and number: "IC3" → ["IC", 3], "L-3" → ["L", 3], "3" → ["", 3]. */
export function codeScheme(code: string | undefined): { scheme: string; number: number } | undefined {
  const m = code?.trim().match(/^([A-Za-z]{0,4})[-\s.]?(\d{1,3})$/);
  return m ? { scheme: m[1]!.toUpperCase(), number: Number(m[2]) } : undefined;
}

/** Values by position for the levels of one track without a title word: between, below or above those that have one. */
function trackValues(nodes: Node[]): void {
  const anchors = nodes.map((n, i) => ({ n, i })).filter((a) => a.n.tier !== undefined);
  nodes.forEach((node, i) => {
    if (node.tier !== undefined) return void (node.value = node.tier);
    if (anchors.length === 0) return void (node.value = (i + 1) * STEP);
    const below = [...anchors].reverse().find((a) => a.i < i);
    const above = anchors.find((a) => a.i > i);
    if (below && above) node.value = Math.round(below.n.tier! + ((above.n.tier! - below.n.tier!) * (i - below.i)) / (above.i - below.i));
    else if (below) node.value = below.n.tier! + STEP * (i - below.i);
    else node.value = above!.n.tier! - STEP * (above!.i - i);
  });
}

class Groups {
  readonly #parent = new Map<Node, Node>();
  readonly #members = new Map<Node, Node[]>();
  readonly #evidence = new Map<Node, Evidence[]>();

  constructor(nodes: readonly Node[]) {
    for (const n of nodes) {
      this.#parent.set(n, n);
      this.#members.set(n, [n]);
      this.#evidence.set(n, []);
    }
  }

  find(n: Node): Node {
    let root = n;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root)!;
    this.#parent.set(n, root);
    return root;
  }

  members(root: Node): readonly Node[] {
    return this.#members.get(root)!;
  }

  evidence(root: Node): readonly Evidence[] {
    return this.#evidence.get(root)!;
  }

  /** The groups from `from` up to `to` through the order of the tracks, when `to` lies above `from`. */
  #pathUp(from: Node, to: Node): Node[] | undefined {
    const cameFrom = new Map<Node, Node | undefined>([[from, undefined]]);
    const queue = [from];
    while (queue.length) {
      const g = queue.shift()!;
      for (const m of this.members(g)) {
        if (!m.next) continue;
        const up = this.find(m.next);
        if (cameFrom.has(up)) continue;
        cameFrom.set(up, g);
        if (up === to) {
          const path: Node[] = [];
          for (let at: Node | undefined = to; at; at = cameFrom.get(at)) path.unshift(at);
          return path;
        }
        queue.push(up);
      }
    }
    return undefined;
  }

  /**
   * Joins the groups of a and b unless that would put some track's levels out of order; then says
   * which earlier join stands in the way (the first on the path between them).
   */
  join(a: Node, b: Node, evidence: Evidence): { ok: true } | { ok: false; blocking?: Evidence } {
    const ga = this.find(a);
    const gb = this.find(b);
    if (ga === gb) {
      this.#evidence.get(ga)!.push(evidence);
      return { ok: true };
    }
    const path = this.#pathUp(ga, gb) ?? this.#pathUp(gb, ga);
    if (path) {
      const inner = [...path.slice(1, -1), path[0]!, path[path.length - 1]!];
      const blocking = inner.map((g) => this.evidence(g)[0]).find((e) => e !== undefined);
      return blocking ? { ok: false, blocking } : { ok: false };
    }
    this.#parent.set(gb, ga);
    this.#members.get(ga)!.push(...this.#members.get(gb)!);
    this.#evidence.get(ga)!.push(...this.#evidence.get(gb)!, evidence);
    this.#members.delete(gb);
    this.#evidence.delete(gb);
    return { ok: true };
  }
}

function at(e: Evidence): string {
  return e.where ? `${e.file}:${e.where.line}:${e.where.column}` : e.file;
}

/** Places every level of `ladders` (already linked: unique ids) on one scale of rungs. */
export function buildCrosswalk(ladders: readonly Ladder[], input: CrosswalkInput = {}): CrosswalkResult {
  const diagnostics: Diagnostic[] = [];
  const nodes: Node[] = [];
  const byKey = new Map<string, Node>();
  const tracks: CrosswalkTrack[] = [];
  for (const ladder of ladders) {
    for (const track of ladder.tracks) {
      const own: Node[] = [];
      const names: Record<string, string> = {};
      for (const level of track.levels) {
        const node: Node = { ladder, track, level, key: `${ladder.id}/${track.id}/${level.id}`, value: 0 };
        const tier = titleTier(level.title);
        if (tier !== undefined) node.tier = tier;
        const prev = own[own.length - 1];
        if (prev) prev.next = node;
        own.push(node);
        byKey.set(node.key, node);
        // A bare number says nothing in a table of several tracks: "Level 3".
        const label = levelLabel(level);
        names[level.id] = /^\d+$/.test(label) ? `Level ${label}` : label;
      }
      trackValues(own);
      nodes.push(...own);
      tracks.push({ ladder: ladder.id, ladderTitle: ladder.title, track: track.id, trackName: track.name, levels: names });
    }
  }
  const groups = new Groups(nodes);
  // The strongest evidence that joined each level itself (a group may hold levels joined by several).
  const direct = new Map<Node, Evidence['basis']>();
  const join = (a: Node, b: Node, evidence: Evidence) => {
    const joined = groups.join(a, b, evidence);
    if (joined.ok) for (const n of [a, b]) if (!direct.has(n)) direct.set(n, evidence.basis);
    return joined;
  };
  const name = (n: Node) => `"${levelLabel(n.level)}" (${n.track.name})`;

  // 1. Equivalents the sources state (each pair once, however many sides state it).
  const pairs = new Set<string>();
  for (const node of nodes) {
    for (const eq of node.level.equivalents ?? []) {
      const other = byKey.get(`${eq.ladder}/${eq.track}/${eq.level}`);
      if (!other) {
        diagnostics.push(diagnostic('warning', 'crosswalk-unknown-level', `the equivalent ${eq.ladder}/${eq.track}/${eq.level} of ${name(node)} is not a level of this build`, node.ladder.source.path, node.level.position, 'name a level by the ids of its ladder, track and level, or build the ladder it belongs to too'));
        continue;
      }
      const pair = [node.key, other.key].sort().join('\0');
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      const evidence: Evidence = { basis: 'explicit', text: `${name(node)} = ${name(other)}`, file: node.ladder.source.path };
      if (node.level.position) evidence.where = node.level.position;
      const joined = join(node, other, evidence);
      if (!joined.ok) {
        const also = joined.blocking ? ` conflicts with ${joined.blocking.text} (${at(joined.blocking)})` : ' would put levels of one track out of order';
        diagnostics.push(diagnostic('warning', 'crosswalk-conflict', `the equivalent ${evidence.text} (${at(evidence)})${also}; the crosswalk keeps the first`, evidence.file, evidence.where, 'correct one of the two equivalents, or pin the levels in the config\'s "crosswalk"'));
      }
    }
  }

  // 2. The config's pins.
  const pinsFile = input.pinsFile ?? 'ladderc.config.json';
  (input.pins ?? []).forEach((pin, i) => {
    const found: Node[] = [];
    for (const ref of pin) {
      const node = byKey.get(ref);
      if (node) found.push(node);
      else diagnostics.push(diagnostic('warning', 'crosswalk-unknown-level', `crosswalk[${i}]: "${ref}" is not a level of this build`, pinsFile, undefined, 'write each level as ladder/track/level, with the ids of the ladder JSON (out/json/<ladder>.json)'));
    }
    const first = found[0];
    for (const node of found.slice(1)) {
      const evidence: Evidence = { basis: 'config', text: `crosswalk[${i}] ${first!.key} = ${node.key}`, file: pinsFile };
      const joined = join(first!, node, evidence);
      if (!joined.ok) {
        const also = joined.blocking ? ` conflicts with ${joined.blocking.text} (${at(joined.blocking)})` : ' would put levels of one track out of order';
        diagnostics.push(diagnostic('warning', 'crosswalk-conflict', `the pin ${evidence.text}${also}; the pin is not applied`, pinsFile, undefined, 'pin levels whose order agrees with their tracks'));
      }
    }
  });

  // 3. Level codes of a scheme that more than one track uses: the same number, the same rung.
  const byCode = new Map<string, Node[]>();
  for (const node of nodes) {
    const code = codeScheme(node.level.code);
    if (!code) continue;
    const key = `${code.scheme}\0${code.number}`;
    byCode.set(key, [...(byCode.get(key) ?? []), node]);
  }
  for (const same of byCode.values()) {
    const first = same[0]!;
    for (const node of same.slice(1)) {
      if (node.track === first.track) continue;
      // Weaker than what the sources and the config say: a code that disagrees with them yields.
      join(first, node, { basis: 'code', text: `code ${node.level.code}`, file: node.ladder.source.path });
    }
  }

  // Each group's value: the highest title word of its members, else the highest value by position.
  const roots = [...new Set(nodes.map((n) => groups.find(n)))];
  const preferred = new Map<Node, number>();
  for (const root of roots) {
    const members = groups.members(root);
    const tiers = members.filter((m) => m.tier !== undefined).map((m) => m.tier!);
    preferred.set(root, Math.max(...(tiers.length ? tiers : members.map((m) => m.value))));
  }
  // Longest path over the groups (they form a DAG: joins never put a track out of order).
  const below = new Map<Node, Node[]>();
  const pending = new Map<Node, number>(roots.map((r) => [r, 0]));
  for (const n of nodes) {
    if (!n.next) continue;
    const lo = groups.find(n);
    const hi = groups.find(n.next);
    below.set(hi, [...(below.get(hi) ?? []), lo]);
    pending.set(hi, pending.get(hi)! + 1);
  }
  const above = new Map<Node, Node[]>();
  for (const [hi, los] of below) for (const lo of los) above.set(lo, [...(above.get(lo) ?? []), hi]);
  const value = new Map<Node, number>();
  const ready = roots.filter((r) => pending.get(r) === 0);
  while (ready.length) {
    const g = ready.shift()!;
    const floor = Math.max(-Infinity, ...(below.get(g) ?? []).map((lo) => value.get(lo)! + 1));
    value.set(g, Math.max(preferred.get(g)!, floor));
    for (const hi of above.get(g) ?? []) {
      pending.set(hi, pending.get(hi)! - 1);
      if (pending.get(hi) === 0) ready.push(hi);
    }
  }

  const distinct = [...new Set(value.values())].sort((a, b) => a - b);
  const rungOf = new Map(distinct.map((v, i) => [v, i + 1]));
  const rungs = distinct.map((_, i) => ({ rung: i + 1, levels: [] as CrosswalkPlacement[] }));
  for (const node of nodes) {
    const root = groups.find(node);
    const basis: CrosswalkBasis = direct.get(node) ?? (node.tier !== undefined ? 'title' : 'position');
    rungs[rungOf.get(value.get(root)!)! - 1]!.levels.push({ ladder: node.ladder.id, track: node.track.id, level: node.level.id, basis });
  }
  return { crosswalk: { rungs, tracks }, diagnostics };
}
