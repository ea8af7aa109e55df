// `ladderc watch`: runs a build, then again whenever a source, template or the config changes.
//
// Change detection uses fs.watch (recursive where the platform supports it) and falls back to
// polling file sizes and mtimes where it does not, or when LADDERC_WATCH_POLL=1 (network drives,
// some containers). Bursts of events (an editor's save is often several) are debounced into one
// build, and a change during a build queues exactly one more. The build's own writes (out/, the
// cache) and hidden files never trigger a build.

import { watch as fsWatch, readdirSync, statSync, type FSWatcher } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../diagnostics.js';
import { displayPath } from '../pipeline/paths.js';
import type { ParsedArgs } from './args.js';
import { runBuildCommand } from './build.js';
import { usageFailure, type CliIo, type WatchTargets } from './io.js';

/** `ladderc watch [PATH…]`: a build now, and again on every relevant change. */
export async function watchCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.flags.check) args.errors.push('--check belongs to "build"; "watch" always writes');
  if (args.errors.length) return usageFailure(args.errors, io, args.flags.reporter);
  return watch(io, { build: () => runBuildCommand(args, io) });
}

export interface WatchHooks {
  /** Runs one build (printing its own diagnostics and summary); says what to watch next. */
  build: () => Promise<{ code: number; targets: WatchTargets }>;
  /** Stops watching (tests); SIGINT and SIGTERM stop it too. */
  signal?: AbortSignal;
  debounceMs?: number;
  pollMs?: number;
}

/** Whether `path` is `dir` or below it. */
function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** Whether a changed path can matter to a build: not hidden, not the build's own output. */
export function isRelevant(path: string, targets: WatchTargets): boolean {
  const abs = resolve(path);
  if (targets.ignore.some((dir) => within(abs, dir))) return false;
  const inTarget = targets.paths.find((t) => within(abs, t));
  if (!inTarget) return false;
  // Hidden files and folders (editor swap files, .git, staging folders) are not read as sources.
  const rel = relative(inTarget, abs);
  return !rel.split(sep).some((part) => part.startsWith('.'));
}

/** A fingerprint of every relevant file (path, size, mtime), for polling. */
export function snapshot(targets: WatchTargets): string {
  const lines: string[] = [];
  const visit = (path: string): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      lines.push(`${path}\0missing`);
      return;
    }
    if (stat.isDirectory()) {
      if (targets.ignore.some((dir) => within(path, dir))) return;
      let names: string[] = [];
      try {
        names = readdirSync(path).sort();
      } catch {
        lines.push(`${path}\0unreadable`);
      }
      for (const name of names) if (!name.startsWith('.')) visit(join(path, name));
    } else lines.push(`${path}\0${stat.size}\0${stat.mtimeMs}`);
  };
  for (const target of [...targets.paths].sort()) visit(target);
  return lines.join('\n');
}

function sameTargets(a: WatchTargets | undefined, b: WatchTargets): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
}

/** Runs until SIGINT/SIGTERM or the abort signal; exits 0 then, or 2 when the first build cannot start. */
export async function watch(io: CliIo, hooks: WatchHooks): Promise<number> {
  const debounceMs = hooks.debounceMs ?? 150;
  const pollMs = hooks.pollMs ?? 500;
  const forcePoll = io.env.LADDERC_WATCH_POLL === '1';

  const first = await hooks.build();
  // Usage errors on the first build (a missing path, an invalid config) end watch, as they end build.
  if (first.code === EXIT_USAGE) return EXIT_USAGE;

  return new Promise<number>((finish) => {
    let targets: WatchTargets = first.targets;
    let watchers: FSWatcher[] = [];
    let pollTimer: NodeJS.Timeout | undefined;
    let lastSnapshot = '';
    let debounce: NodeJS.Timeout | undefined;
    let building = false;
    let pending = false;
    let stopped = false;

    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      disarm();
      if (debounce) clearTimeout(debounce);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      hooks.signal?.removeEventListener('abort', stop);
      io.stderr('ladderc: watch stopped\n');
      finish(EXIT_OK);
    };

    const disarm = (): void => {
      for (const w of watchers) w.close();
      watchers = [];
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = undefined;
    };

    const changed = (): void => {
      if (stopped) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void rebuild(), debounceMs);
    };

    const rebuild = async (): Promise<void> => {
      if (building) {
        pending = true;
        return;
      }
      building = true;
      try {
        const run = await hooks.build();
        if (!sameTargets(targets, run.targets)) {
          targets = run.targets;
          arm();
        }
      } catch (error) {
        // A crash in one build must not end the session; say what happened and keep watching.
        io.stderr(`ladderc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      } finally {
        // The polling baseline stays the one taken before this build: a change made while it ran
        // still differs from it and triggers the next build (the build's own writes are ignored).
        building = false;
      }
      if (pending && !stopped) {
        pending = false;
        changed();
      }
    };

    const startPolling = (): void => {
      if (pollTimer) return;
      lastSnapshot = snapshot(targets);
      pollTimer = setInterval(() => {
        if (building) return;
        const now = snapshot(targets);
        if (now !== lastSnapshot) {
          lastSnapshot = now;
          changed();
        }
      }, pollMs);
    };

    const arm = (): void => {
      disarm();
      if (forcePoll) return startPolling();
      // Watch folders, not files: editors save by writing a new file and renaming it over the old
      // one, which a watcher on the old file never sees. A file target watches its folder.
      const folders = new Map<string, boolean>();
      for (const target of targets.paths) {
        let isDir = false;
        try {
          isDir = statSync(target).isDirectory();
        } catch {
          // missing (a config not written yet): its folder tells us when it appears
        }
        const folder = isDir ? target : dirname(target);
        folders.set(folder, (folders.get(folder) ?? false) || isDir);
      }
      for (const [folder, recursive] of folders) {
        try {
          const watcher = fsWatch(folder, { recursive }, (_event, name) => {
            // Some platforms give no name: then anything in the folder may have changed.
            const path = name ? join(folder, name.toString()) : folder;
            if (!name || isRelevant(path, targets)) changed();
          });
          watcher.on('error', () => {
            // The folder went away or the platform gave up on it: polling still sees changes.
            startPolling();
          });
          watchers.push(watcher);
        } catch {
          // No recursive watching here (or the folder is missing): poll everything instead.
          disarm();
          return startPolling();
        }
      }
    };

    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    hooks.signal?.addEventListener('abort', stop);
    if (hooks.signal?.aborted) return stop();
    arm();
    io.stderr(`ladderc: watching ${targets.paths.map((p) => displayPath(p, io.cwd)).join(', ')} for changes (Ctrl-C to stop)\n`);
  });
}
