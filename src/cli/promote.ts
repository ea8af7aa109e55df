// `ladderc promote LADDER TRACK LEVEL [PATH…]`: what changes from a level to the next one up, in the
// terminal — the level diff every writer shows (views/level-diff.ts), reworded statements word by
// word ([-old-]{+new+}, coloured on a terminal).

import { EXIT_OK, EXIT_USAGE } from '../diagnostics.js';
import type { Ladder, Level, Track } from '../model.js';
import { nodeHost } from '../host/node.js';
import { resolveOptions } from '../pipeline/options.js';
import { levelLabel } from '../text/labels.js';
import { levelDiff, type WordPart } from '../views/level-diff.js';
import type { ParsedArgs } from './args.js';
import { plural, printer, usageFailure, type CliIo } from './io.js';
import { compileSide, withoutOwn } from './sides.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function findLadder(ladders: readonly Ladder[], name: string): Ladder | undefined {
  return ladders.find((l) => l.id === name) ?? ladders.find((l) => same(l.title, name));
}

function findTrack(ladder: Ladder, name: string): Track | undefined {
  return ladder.tracks.find((t) => t.id === name) ?? ladder.tracks.find((t) => same(t.name, name));
}

function findLevel(track: Track, name: string): Level | undefined {
  return (
    track.levels.find((l) => l.id === name) ??
    track.levels.find((l) => l.code !== undefined && same(l.code, name)) ??
    track.levels.find((l) => same(levelLabel(l), name) || same(l.title, name))
  );
}

interface Paint {
  add: (s: string) => string;
  gone: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

function paint(color: boolean): Paint {
  const sgr = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { add: sgr('32'), gone: sgr('31'), bold: sgr('1'), dim: sgr('2') };
}

function words(parts: readonly WordPart[], p: Paint): string {
  return parts.map((x) => (x.change === 'added' ? p.add(`{+${x.text}+}`) : x.change === 'removed' ? p.gone(`[-${x.text}-]`) : x.text)).join(' ');
}

/** The text `promote` prints for the step from `level` to the level above it. */
export function promotionText(ladder: Ladder, track: Track, level: Level, next: Level, color: boolean): string {
  const p = paint(color);
  const diff = levelDiff(track, next.id);
  const { added, removed, unchanged, reworded } = diff.counts;
  const out: string[] = [
    p.bold(`${levelLabel(level)} → ${levelLabel(next)}`) + p.dim(`  (${ladder.title} › ${track.name})`),
    `${added} new · ${reworded} reworded · ${removed} no longer listed · ${unchanged} unchanged`,
  ];
  for (const change of diff.competencies) {
    if (change.added.length + change.removed.length + change.reworded.length === 0) continue;
    out.push('', p.bold(change.competency.name));
    for (const s of change.added) out.push(p.add(`  + ${s}`));
    for (const r of change.reworded) out.push(`  ~ ${words(r.parts, p)}`);
    for (const s of change.removed) out.push(p.gone(`  - ${s}`));
  }
  if (added + removed + reworded === 0) out.push('', `Every statement of ${levelLabel(next)} is already expected at ${levelLabel(level)}.`);
  return `${out.join('\n')}\n`;
}

export async function promoteCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [ladderName, trackName, levelName, ...paths] = args.paths;
  if (args.errors.length) return usageFailure(args.errors, io, args.flags.reporter);
  if (levelName === undefined) return usageFailure(['promote needs a ladder, a track and a level: ladderc promote LADDER TRACK LEVEL [PATH…]'], io, args.flags.reporter);
  const host = nodeHost(io.cwd, io.env);
  const resolved = resolveOptions({ ...args.request, paths }, host);
  if (resolved.errors.length) return usageFailure(resolved.errors, io, args.flags.reporter);
  const options = resolved.options;
  const collected = host.collectSources(options.paths, []);
  if (collected.errors.length) return usageFailure(collected.errors, io, args.flags.reporter);
  const side = await compileSide(withoutOwn(collected.sources, options), options);
  if (side.errors > 0) {
    printer(io, args.flags.reporter ?? 'human')(side.diagnostics.filter((d) => d.severity === 'error'));
    return EXIT_USAGE;
  }
  const ladder = findLadder(side.ladders, ladderName!);
  if (!ladder) return usageFailure([`no ladder "${ladderName}" (ladders: ${side.ladders.map((l) => l.id).join(', ')})`], io, args.flags.reporter);
  const track = findTrack(ladder, trackName!);
  if (!track) return usageFailure([`no track "${trackName}" in ${ladder.id} (tracks: ${ladder.tracks.map((t) => t.id).join(', ')})`], io, args.flags.reporter);
  const level = findLevel(track, levelName);
  if (!level) return usageFailure([`no level "${levelName}" in ${ladder.id} › ${track.id} (levels: ${track.levels.map((l) => l.id).join(', ')})`], io, args.flags.reporter);
  const next = track.levels[track.levels.indexOf(level) + 1];
  if (!next) return usageFailure([`${levelLabel(level)} is the most senior level of ${track.name} (${plural(track.levels.length, 'level')}); there is no level to promote to`], io, args.flags.reporter);
  const color = io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
  io.stdout(promotionText(ladder, track, level, next, color));
  return EXIT_OK;
}
