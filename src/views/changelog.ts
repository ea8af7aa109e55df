// A ladder changelog: what changed between two builds' ladders (levels added, removed or renamed;
// competencies added, removed or moved; every changed expectation with its old and new text), as
// data and as Markdown for a pull-request description. Pure; `ladderc diff` reads the two sides.

import type { Competency, Expectation, Ladder, Level, Track } from '../model.js';
import { levelLabel } from '../text/labels.js';

export interface LevelRef {
  id: string;
  label: string;
}

export interface ExpectationChange {
  competency: string;
  level: string;
  /** The old and new text ('' where there was or is none; "n/a" texts as written). */
  old: string;
  new: string;
}

export interface TrackChanges {
  track: string;
  name: string;
  status: 'added' | 'removed' | 'changed';
  /** The track's name when it changed. */
  renamedFrom?: string;
  levels: { added: LevelRef[]; removed: LevelRef[]; renamed: Array<{ old: LevelRef; new: LevelRef }> };
  competencies: { added: string[]; removed: string[]; moved: Array<{ competency: string; from: string; to: string }> };
  expectations: ExpectationChange[];
}

export interface LadderChanges {
  ladder: string;
  title: string;
  status: 'added' | 'removed' | 'changed';
  renamedFrom?: string;
  tracks: TrackChanges[];
}

export interface Changelog {
  equal: boolean;
  ladders: LadderChanges[];
}

function ref(level: Level): LevelRef {
  return { id: level.id, label: levelLabel(level) };
}

/** Where a competency sits, as a reader would say it: "Category › Area, 3rd of 7". */
function placeOf(c: Competency, index: number, count: number): string {
  const where = [c.category, c.area].filter((x): x is string => Boolean(x)).join(' › ');
  return `${where || 'no category'}, ${index + 1} of ${count}`;
}

function expectationText(e: Expectation | undefined): string {
  return e ? e.text : '';
}

/** Old levels paired with new ones: by id, then (for a renamed title that changed the id) by ordinal. */
function pairLevels(before: readonly Level[], after: readonly Level[]): Map<Level, Level> {
  const pairs = new Map<Level, Level>();
  const taken = new Set<Level>();
  for (const o of before) {
    const n = after.find((l) => l.id === o.id);
    if (n) {
      pairs.set(o, n);
      taken.add(n);
    }
  }
  for (const o of before) {
    if (pairs.has(o)) continue;
    const n = after.find((l) => !taken.has(l) && l.ordinal === o.ordinal);
    // Only a level whose neighbours kept their places is a rename; otherwise it was removed.
    if (n && before.length === after.length) {
      pairs.set(o, n);
      taken.add(n);
    }
  }
  return pairs;
}

function compareTracks(o: Track, n: Track): TrackChanges {
  const out: TrackChanges = { track: n.id, name: n.name, status: 'changed', levels: { added: [], removed: [], renamed: [] }, competencies: { added: [], removed: [], moved: [] }, expectations: [] };
  if (o.name !== n.name) out.renamedFrom = o.name;
  const levels = pairLevels(o.levels, n.levels);
  const paired = new Set(levels.values());
  for (const l of o.levels) if (!levels.has(l)) out.levels.removed.push(ref(l));
  for (const l of n.levels) if (!paired.has(l)) out.levels.added.push(ref(l));
  for (const [ol, nl] of levels) if (levelLabel(ol) !== levelLabel(nl)) out.levels.renamed.push({ old: ref(ol), new: ref(nl) });

  const newById = new Map(n.competencies.map((c) => [c.id, c]));
  const oldIds = new Set(o.competencies.map((c) => c.id));
  for (const c of o.competencies) if (!newById.has(c.id)) out.competencies.removed.push(c.name);
  for (const c of n.competencies) if (!oldIds.has(c.id)) out.competencies.added.push(c.name);
  const commonOld = o.competencies.filter((c) => newById.has(c.id));
  const commonNew = n.competencies.filter((c) => oldIds.has(c.id));
  commonOld.forEach((oc, i) => {
    const nc = newById.get(oc.id)!;
    const j = commonNew.indexOf(nc);
    if (oc.category !== nc.category || oc.area !== nc.area || i !== j) {
      out.competencies.moved.push({ competency: nc.name, from: placeOf(oc, o.competencies.indexOf(oc), o.competencies.length), to: placeOf(nc, n.competencies.indexOf(nc), n.competencies.length) });
    }
    for (const [ol, nl] of levels) {
      const before = oc.expectations.find((e) => e.level === ol.id);
      const after = nc.expectations.find((e) => e.level === nl.id);
      if (expectationText(before) === expectationText(after) && (before?.applicable ?? true) === (after?.applicable ?? true)) continue;
      out.expectations.push({ competency: nc.name, level: levelLabel(nl), old: expectationText(before), new: expectationText(after) });
    }
  });
  return out;
}

function trackIsEqual(t: TrackChanges): boolean {
  return (
    t.renamedFrom === undefined &&
    t.levels.added.length + t.levels.removed.length + t.levels.renamed.length === 0 &&
    t.competencies.added.length + t.competencies.removed.length + t.competencies.moved.length === 0 &&
    t.expectations.length === 0
  );
}

function wholeTrack(track: Track, status: 'added' | 'removed'): TrackChanges {
  const levels = track.levels.map(ref);
  const names = track.competencies.map((c) => c.name);
  return {
    track: track.id,
    name: track.name,
    status,
    levels: { added: status === 'added' ? levels : [], removed: status === 'removed' ? levels : [], renamed: [] },
    competencies: { added: status === 'added' ? names : [], removed: status === 'removed' ? names : [], moved: [] },
    expectations: [],
  };
}

/** What changed from the ladders `before` to the ladders `after`, matched by ladder and track id. */
export function compareBuilds(before: readonly Ladder[], after: readonly Ladder[]): Changelog {
  const ladders: LadderChanges[] = [];
  const afterById = new Map(after.map((l) => [l.id, l]));
  const beforeIds = new Set(before.map((l) => l.id));
  for (const o of before) {
    const n = afterById.get(o.id);
    if (!n) {
      ladders.push({ ladder: o.id, title: o.title, status: 'removed', tracks: o.tracks.map((t) => wholeTrack(t, 'removed')) });
      continue;
    }
    const tracks: TrackChanges[] = [];
    const newTracks = new Map(n.tracks.map((t) => [t.id, t]));
    const oldTrackIds = new Set(o.tracks.map((t) => t.id));
    for (const ot of o.tracks) {
      const nt = newTracks.get(ot.id);
      if (!nt) tracks.push(wholeTrack(ot, 'removed'));
      else {
        const changes = compareTracks(ot, nt);
        if (!trackIsEqual(changes)) tracks.push(changes);
      }
    }
    for (const nt of n.tracks) if (!oldTrackIds.has(nt.id)) tracks.push(wholeTrack(nt, 'added'));
    const entry: LadderChanges = { ladder: n.id, title: n.title, status: 'changed', tracks };
    if (o.title !== n.title) entry.renamedFrom = o.title;
    if (tracks.length > 0 || entry.renamedFrom !== undefined) ladders.push(entry);
  }
  for (const n of after) if (!beforeIds.has(n.id)) ladders.push({ ladder: n.id, title: n.title, status: 'added', tracks: n.tracks.map((t) => wholeTrack(t, 'added')) });
  return { equal: ladders.length === 0, ladders };
}

// ─── Markdown ───────────────────────────────────────────────────────────────────────────────────

/** Text from a ladder inside Markdown: the characters that would start markup escaped, one line. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#~])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

function quoted(text: string): string {
  if (!text) return '> *(none)*';
  return text
    .split('\n')
    .map((l) => (l.trim() ? `> ${md(l.trim())}` : '>'))
    .join('\n');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The changelog as Markdown for a pull-request description. */
export function changelogMarkdown(log: Changelog): string {
  const out: string[] = ['## Ladder changes', ''];
  if (log.equal) {
    out.push('No changes to any ladder.');
    return `${out.join('\n')}\n`;
  }
  for (const ladder of log.ladders) {
    const status = ladder.status === 'added' ? ' (new ladder)' : ladder.status === 'removed' ? ' (ladder removed)' : '';
    out.push(`### ${md(ladder.title)}${status}`, '');
    if (ladder.renamedFrom !== undefined) out.push(`Renamed from *${md(ladder.renamedFrom)}*.`, '');
    for (const t of ladder.tracks) {
      const tStatus = t.status === 'added' ? ' (new track)' : t.status === 'removed' ? ' (track removed)' : '';
      out.push(`#### ${md(t.name)}${tStatus}`, '');
      if (t.renamedFrom !== undefined) out.push(`Renamed from *${md(t.renamedFrom)}*.`, '');
      const lines: string[] = [];
      if (t.levels.added.length) lines.push(`- **Levels added:** ${t.levels.added.map((l) => md(l.label)).join(', ')}`);
      if (t.levels.removed.length) lines.push(`- **Levels removed:** ${t.levels.removed.map((l) => md(l.label)).join(', ')}`);
      for (const r of t.levels.renamed) lines.push(`- **Level renamed:** ${md(r.old.label)} → ${md(r.new.label)}`);
      if (t.competencies.added.length) lines.push(`- **Competencies added:** ${t.competencies.added.map(md).join(', ')}`);
      if (t.competencies.removed.length) lines.push(`- **Competencies removed:** ${t.competencies.removed.map(md).join(', ')}`);
      for (const m of t.competencies.moved) lines.push(`- **Competency moved:** ${md(m.competency)} (${md(m.from)} → ${md(m.to)})`);
      if (lines.length) out.push(...lines, '');
      if (t.expectations.length) {
        out.push(`${count(t.expectations.length, 'changed expectation')}:`, '');
        for (const e of t.expectations) {
          out.push(`**${md(e.competency)}** at **${md(e.level)}**`, '', 'Before:', '', quoted(e.old), '', 'After:', '', quoted(e.new), '');
        }
      }
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
