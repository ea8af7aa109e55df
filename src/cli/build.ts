// `ladderc build [PATH…]` (and `build --check`, and `check`): options → pipeline → report → exit code.

import { diagnostic, EXIT_OK, EXIT_SOURCE_ERRORS } from '../diagnostics.js';
import { OutputConflictError, OutputLockedError, OutputWriteError } from '../host/output.js';
import { nodeHost } from '../host/node.js';
import type { BuildMode, BuildOutcome } from '../pipeline/build.js';
import { resolveOptions } from '../pipeline/options.js';
import { absolute, displayPath, ownPaths } from '../pipeline/paths.js';
import type { ParsedArgs } from './args.js';
import { EXIT_INTERRUPTED, EXIT_USAGE } from './exit-codes.js';
import { report, type ReporterName } from './report.js';
import { coverageSummary, plural, printer, summary, usageFailure, usesColor, type CliIo, type WatchTargets } from './io.js';
import type { Replay } from '../host/stamp.js';
import { createProgress } from './progress.js';

export interface CommandRun {
  code: number;
  targets: WatchTargets;
}

/**
 * Holds back SIGINT and SIGTERM while out/ is replaced: a signal that arrives then is noted, and the
 * build reports it (exit 130) once the write has finished or rolled back. The write is synchronous,
 * so a signal's handler can only run after it: the guard lets the event loop turn (a timer, then an
 * immediate) with the handlers still installed before it removes them, so that the noted signal is
 * never dropped (dropped, the process would exit 0 as if nothing had happened).
 */
function signalGuard(): { guard: <T>(write: () => T) => Promise<{ result: T; interrupted?: string }>; interrupted: () => string | undefined } {
  let interrupted: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
  };
  const settle = async () => {
    await new Promise<void>((done) => setTimeout(done, 0));
    await new Promise<void>((done) => setImmediate(done));
  };
  const guard = async <T>(write: () => T): Promise<{ result: T; interrupted?: string }> => {
    process.on('SIGINT', note);
    process.on('SIGTERM', note);
    try {
      let result: T;
      try {
        result = write();
      } finally {
        await settle();
      }
      return interrupted ? { result, interrupted } : { result };
    } finally {
      process.off('SIGINT', note);
      process.off('SIGTERM', note);
    }
  };
  return { guard, interrupted: () => interrupted };
}

/** What to do about a file system refusal, by its code. */
function writeHint(code: string, outDisplay: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `check the permissions of ${outDisplay}/ and the folders above it`;
    case 'EROFS':
      return `${outDisplay}/ is on a read-only file system; choose another folder with --out`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `free some space on the disk that holds ${outDisplay}/, then build again`;
    case 'ENOTDIR':
      return 'a file stands where that path needs a folder; move it away or choose another folder with --out';
    case 'EEXIST':
    case 'EISDIR':
    case 'ENOTEMPTY':
      return 'a folder stands where ladderc writes a file; move it away or delete it';
    default:
      return `check that ${outDisplay}/ can be written`;
  }
}

/** Environment failures (exit 2) with a hint each, in the chosen reporter. */
function environmentFailure(problems: ReadonlyArray<{ message: string; hint: string }>, io: CliIo, reporter: ReporterName): number {
  if (reporter === 'human') {
    for (const p of problems) io.stderr(`ladderc: error: ${p.message}\n  hint: ${p.hint}\n`);
  } else {
    const text = report(reporter, problems.map((p) => diagnostic('error', 'environment', p.message, 'ladderc', undefined, p.hint)), { color: false });
    if (reporter === 'json') io.stdout(text);
    else io.stderr(text);
  }
  return EXIT_USAGE;
}

/** One build (or check) from parsed argv: options re-resolved each time, so watch picks up config edits. */
export async function runBuildCommand(args: ParsedArgs, io: CliIo): Promise<CommandRun> {
  const host = nodeHost(io.cwd, io.env);
  const resolved = resolveOptions(args.request, host);
  const { options } = resolved;
  const reporter = args.flags.reporter ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
  const targets: WatchTargets = {
    paths: [...options.paths.map((p) => absolute(p, io.cwd)), resolved.configPath, ...(options.templates ? [options.templates] : [])],
    ignore: [options.outDir, ...(options.cacheDir ? [options.cacheDir] : [])],
  };
  const errors = [...args.errors, ...resolved.errors];
  const check = args.flags.check ?? false;
  if (args.command === 'check' && check) errors.push('--check belongs to "build"; "check" never writes anyway');
  if (errors.length) {
    // Missing paths are named in the same run as the other usage errors.
    errors.push(...host.collectSources(options.paths, []).errors);
    return { code: usageFailure(errors, io, reporter), targets };
  }

  const mode: BuildMode = args.command === 'check' ? 'compile' : check ? 'check' : 'write';
  const print = printer(io, reporter);
  const printCoverage = (ladders: Parameters<typeof coverageSummary>[0], shown: ReadonlyMap<string, string>, to: CliIo = io) => {
    const line = reporter === 'human' ? coverageSummary(ladders, shown) : undefined;
    if (line) to.stderr(`ladderc: ${line}\n`);
  };
  const outDisplay = displayPath(options.outDir, options.cwd);
  const compiledLine = (outcome: BuildOutcome, changed: number, removed: number) =>
    `ladderc: compiled ${plural(outcome.summaries.length, 'ladder')} into ${outDisplay}/ (${plural(outcome.files.length, 'file')}, ${changed} changed, ${removed} removed): ${summary(outcome.diagnostics)}\n`;
  const upToDateLine = (count: number) => `ladderc: ${outDisplay}/ is up to date (${plural(count, 'file')})\n`;

  // A rebuild with nothing to do is answered from the stamp the last build left, before a reader
  // or a writer is loaded (src/host/stamp.ts says what its key covers).
  const stamps = mode !== 'compile' && options.cacheDir && io.env.LADDERC_DEBUG_CACHE !== '1' ? await import('../host/stamp.js') : undefined;
  const stampExtras = { reporter, color: usesColor(io), ...(io.env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}) };
  // The sources are read once: for the key, then (when the stamp does not answer) for the build.
  const collected = stamps ? host.collectSources(options.paths, ownPaths(options)) : undefined;
  const key = stamps && collected ? stamps.stampKey(options, stampExtras, collected) : undefined;
  if (stamps && key !== undefined) {
    const replay = stamps.matchingReplay(stamps.readStamp(options.cacheDir!, options.outDir), key, options.outDir, mode === 'check' ? 'check' : 'write');
    if (replay) {
      if (replay.stdout) io.stdout(replay.stdout);
      if (replay.stderr) io.stderr(replay.stderr);
      return { code: replay.code, targets };
    }
  }
  /** What a rebuild from the same inputs prints, in each mode: the diagnostics, then its summary. */
  const replays = (outcome: BuildOutcome): { write: Replay; check: Replay } => {
    const recorded = { stdout: '', stderr: '' };
    const recorder: CliIo = { ...io, stdout: (t) => void (recorded.stdout += t), stderr: (t) => void (recorded.stderr += t) };
    printer(recorder, reporter)(outcome.diagnostics);
    const diagnostics = { ...recorded };
    recorded.stderr += compiledLine(outcome, 0, 0);
    printCoverage(outcome.summaries, outcome.shownPaths, recorder);
    return {
      write: { stdout: recorded.stdout, stderr: recorded.stderr, code: EXIT_OK },
      check: { stdout: diagnostics.stdout, stderr: diagnostics.stderr + upToDateLine(outcome.files.length + 1), code: EXIT_OK },
    };
  };
  let preread = collected;
  const progress = createProgress({ write: io.stderr, isTTY: io.isTTY, env: io.env, columns: io.columns ?? 80 });
  const signals = signalGuard();
  try {
    const { runBuild } = await import('../pipeline/build.js');
    const outcome = await runBuild(
      {
        options,
        mode,
        hooks: {
          onStep: (label) => {
            // The total is known once the sources are collected: each source, then each format.
            progress.step(label);
          },
        },
        guardWrite: signals.guard,
        keepLadders: false,
      },
      {
        ...host,
        collectSources: (paths, exclude) => {
          const collected = (preread !== undefined && paths === options.paths ? preread : undefined) ?? host.collectSources(paths, exclude);
          preread = undefined;
          progress.total(collected.sources.length + (mode === 'compile' ? 0 : options.formats.length));
          return collected;
        },
      },
    );
    progress.done();
    if (outcome.usageErrors.length) return { code: usageFailure(outcome.usageErrors, io, reporter), targets };
    const { diagnostics, stats } = outcome;
    if (io.env.LADDERC_DEBUG_CACHE === '1') {
      io.stderr(
        `ladderc: cache: parsed ${stats.parsed}, rendered ${stats.rendered} ` +
          `(from the cache: ${stats.parseHits} parsed, ${stats.renderHits} rendered` +
          (outcome.cache ? `; ${outcome.cache.rejected} rejected, ${outcome.cache.writes} stored, ${outcome.cache.errors} errors)` : '; cache off)') +
          '\n',
      );
    }
    switch (outcome.stage) {
      case 'compiled':
        print(diagnostics);
        if (reporter === 'human') io.stderr(`ladderc: checked ${plural(outcome.sourceCount, 'source')}: ${summary(diagnostics)}\n`);
        printCoverage(outcome.summaries, outcome.shownPaths);
        return { code: outcome.code, targets };
      case 'sources':
      case 'render':
        print(diagnostics);
        io.stderr(`ladderc: nothing written: ${summary(diagnostics)}\n`);
        return { code: EXIT_SOURCE_ERRORS, targets };
      case 'checked': {
        const findings = outcome.findings ?? [];
        // Machine reporters get one document: the build's diagnostics and the stale files together.
        if (reporter === 'human') {
          print(diagnostics);
          if (findings.length) io.stderr(`${findings.map((f) => `${f.ruleId.replace(/-output$/, '')}: ${f.file}`).join('\n')}\n`);
        } else print([...diagnostics, ...findings]);
        const count = outcome.files.length + 1;
        if (reporter === 'human' && findings.some((f) => f.ruleId === 'interrupted-output')) {
          io.stderr(`ladderc: ${outDisplay}/ is half-written: a build was killed while writing it; "ladderc build" restores it, then builds\n`);
        }
        if (findings.length === 0) {
          io.stderr(upToDateLine(count));
          return { code: EXIT_OK, targets };
        }
        io.stderr(`ladderc: ${outDisplay}/ is out of date (${plural(findings.length, 'file')}); run "ladderc build" and commit the result\n`);
        return { code: EXIT_SOURCE_ERRORS, targets };
      }
      case 'conflicts': {
        print(diagnostics);
        const messages = (outcome.conflicts ?? []).map((c) => `${outDisplay}/${c.path} ${c.reason}; move it away or delete it`);
        return { code: usageFailure(messages, io, reporter), targets };
      }
      case 'written': {
        print(diagnostics);
        const result = outcome.written!;
        if (result.recovered?.length) io.stderr(`ladderc: recovered ${outDisplay}/ from an interrupted build (its half-written files rolled back), then built it\n`);
        for (const path of result.kept) io.stderr(`ladderc: kept ${outDisplay}/${path}: no longer generated, but edited since the last build\n`);
        for (const path of result.skipped) io.stderr(`ladderc: skipped ${outDisplay}/${path}: it goes through a symbolic link out of ${outDisplay}/, and ladderc never follows one\n`);
        io.stderr(compiledLine(outcome, result.written.length, result.removed.length));
        printCoverage(outcome.summaries, outcome.shownPaths);
        if (outcome.interrupted) {
          io.stderr(`ladderc: interrupted (${outcome.interrupted}) after the output was written completely\n`);
          return { code: EXIT_INTERRUPTED, targets };
        }
        // Only a clean, complete write leaves a stamp (a kept, skipped or recovered file is worth
        // saying again next time, so that build runs in full).
        if (stamps && key !== undefined && !result.recovered?.length && result.kept.length === 0 && result.skipped.length === 0) {
          stamps.writeStamp(options.cacheDir!, options.outDir, { key, ...replays(outcome) });
        }
        return { code: EXIT_OK, targets };
      }
      default:
        return { code: usageFailure([`build stopped at ${outcome.stage}`], io, reporter), targets };
    }
  } catch (error) {
    progress.done();
    const failure = writeFailure(error, outDisplay, io, reporter);
    if (failure === undefined) throw error;
    const signal = signals.interrupted();
    if (signal) {
      io.stderr(`ladderc: interrupted (${signal}) while writing; ${outDisplay}/ was rolled back to what it was\n`);
      return { code: EXIT_INTERRUPTED, targets };
    }
    return { code: failure, targets };
  } finally {
    progress.done();
  }
}

/** A lock held by another build or a file system refusal while writing out/: exit 2 with a hint. Undefined for anything else. */
function writeFailure(error: unknown, outDisplay: string, io: CliIo, reporter: ReporterName): number | undefined {
  if (error instanceof OutputLockedError) {
    const lock = displayPath(error.lockPath, io.cwd);
    return environmentFailure(
      [
        {
          message: `${lock}: ${outDisplay}/ is locked by another ladderc build (pid ${error.pid ?? 'unknown'})`,
          hint: `wait for that build to finish; if no ladderc is running, delete ${lock}`,
        },
      ],
      io,
      reporter,
    );
  }
  if (error instanceof OutputConflictError) {
    // Found again under the lock (a file that appeared after the first check).
    return usageFailure(error.conflicts.map((c) => `${outDisplay}/${c.path} ${c.reason}; move it away or delete it`), io, reporter);
  }
  if (error instanceof OutputWriteError) {
    return environmentFailure(
      [{ message: `${displayPath(error.path, io.cwd)}: cannot write (${error.code}: ${error.detail})`, hint: writeHint(error.code, outDisplay) }],
      io,
      reporter,
    );
  }
  return undefined;
}

/** `ladderc build`. */
export async function build(args: ParsedArgs, io: CliIo): Promise<number> {
  return (await runBuildCommand(args, io)).code;
}


