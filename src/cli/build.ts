// `ladderc build [PATH…]` (and `build --check`, and `check`): options → pipeline → report → exit code.

import { EXIT_OK, EXIT_SOURCE_ERRORS } from '../diagnostics.js';
import { nodeHost } from '../host/node.js';
import { runBuild, type BuildMode } from '../pipeline/build.js';
import { resolveOptions } from '../pipeline/options.js';
import { absolute } from '../pipeline/paths.js';
import type { ParsedArgs } from './args.js';
import { EXIT_INTERRUPTED } from './exit-codes.js';
import { plural, printer, summary, usageFailure, type CliIo, type WatchTargets } from './io.js';
import { createProgress } from './progress.js';

export interface CommandRun {
  code: number;
  targets: WatchTargets;
}

/**
 * Runs a build, Ctrl-C held back while out/ is replaced: a signal that arrives then is noted and
 * reported once the write has finished (or rolled back).
 */
async function deferSignals<T>(write: () => T): Promise<{ result: T; interrupted?: string }> {
  let interrupted: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
  };
  process.on('SIGINT', note);
  process.on('SIGTERM', note);
  try {
    const result = write();
    // One turn of the event loop lets a signal that arrived during the write reach `note`.
    await new Promise<void>((done) => setImmediate(done));
    return interrupted ? { result, interrupted } : { result };
  } finally {
    process.off('SIGINT', note);
    process.off('SIGTERM', note);
  }
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
  const progress = createProgress({ write: io.stderr, isTTY: io.isTTY, env: io.env, columns: io.columns ?? 80 });
  try {
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
        guardWrite: deferSignals,
      },
      {
        ...host,
        collectSources: (paths, exclude) => {
          const collected = host.collectSources(paths, exclude);
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
    const outDisplay = outcome.outDisplay;
    switch (outcome.stage) {
      case 'compiled':
        print(diagnostics);
        if (reporter === 'human') io.stderr(`ladderc: checked ${plural(outcome.sourceCount, 'source')}: ${summary(diagnostics)}\n`);
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
        if (findings.length === 0) {
          io.stderr(`ladderc: ${outDisplay}/ is up to date (${plural(count, 'file')})\n`);
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
        for (const path of result.kept) io.stderr(`ladderc: kept ${outDisplay}/${path}: no longer generated, but edited since the last build\n`);
        for (const path of result.skipped) io.stderr(`ladderc: skipped ${outDisplay}/${path}: it goes through a symbolic link out of ${outDisplay}/, and ladderc never follows one\n`);
        io.stderr(
          `ladderc: compiled ${plural(outcome.ladders.length, 'ladder')} into ${outDisplay}/ ` +
            `(${plural(outcome.files.length, 'file')}, ${result.written.length} changed, ${result.removed.length} removed): ${summary(diagnostics)}\n`,
        );
        if (outcome.interrupted) {
          io.stderr(`ladderc: interrupted (${outcome.interrupted}) after the output was written completely\n`);
          return { code: EXIT_INTERRUPTED, targets };
        }
        return { code: EXIT_OK, targets };
      }
      default:
        return { code: usageFailure([`build stopped at ${outcome.stage}`], io, reporter), targets };
    }
  } finally {
    progress.done();
  }
}

/** `ladderc build`. */
export async function build(args: ParsedArgs, io: CliIo): Promise<number> {
  return (await runBuildCommand(args, io)).code;
}


