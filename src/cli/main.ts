// argv → command → exit code. Each command is a file of its own (build, check, watch, init, diff,
// promote);
// this module parses, dispatches and prints help. Only the CLI prints.

import { packageVersion } from '../host/io.js';
import { COMMANDS, flagHelp, parseArgs, type Command, type ParsedArgs } from './args.js';
import { EXIT_CODES, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { usageFailure, type CliIo } from './io.js';

export type { CliIo, WatchTargets } from './io.js';
export { parseArgs } from './args.js';

type CommandRunner = (args: ParsedArgs, io: CliIo) => Promise<number>;

/** Each command, loaded only when it runs. */
const RUNNERS: Record<Command, { summary: string; usage: string; run: () => Promise<CommandRunner> }> = {
  build: { usage: 'build [PATH…] [options]', summary: 'compile sources into out/ (every output format)', run: async () => (await import('./build.js')).build },
  check: { usage: 'check [PATH…] [options]', summary: 'parse and report only; writes nothing', run: async () => (await import('./check.js')).check },
  watch: { usage: 'watch [PATH…] [options]', summary: 'rebuild whenever sources, templates or the config change', run: async () => (await import('./watch.js')).watchCommand },
  diff: { usage: 'diff OLD NEW | --git REV [PATH…]', summary: 'what changed between two versions of the ladders (exit 1 when they differ)', run: async () => (await import('./diff.js')).diffCommand },
  promote: { usage: 'promote LADDER TRACK LEVEL [PATH…]', summary: 'what changes from a level to the next one', run: async () => (await import('./promote.js')).promoteCommand },
  // Never reached through parseArgs (main hands init its own argv), listed for --help.
  init: { usage: 'init [DIR] [--force]', summary: 'scaffold sources/, a config, templates and a CI workflow', run: async () => {
      const { initCommand } = await import('./init-command.js');
      return (args, io) => initCommand(args.paths, io);
    },
  },
};

export function helpText(version: string): string {
  const commands = COMMANDS.map((c) => `  ladderc ${RUNNERS[c].usage.padEnd(34)} ${RUNNERS[c].summary}`).join('\n');
  const exits = EXIT_CODES.map((e) => `  ${String(e.code).padEnd(4)} ${e.meaning}`).join('\n');
  return `ladderc ${version} — compile engineering career ladders

Usage:
${commands}
  ladderc --help | --version

PATH is a file or a folder (default: sources/). The format of each source is detected from
its content, never from its file name.

Options:
${flagHelp()}

Exit codes:
${exits}

Environment: SOURCE_DATE_EPOCH (dates embedded in outputs), NO_COLOR, CI (no progress bar),
GITHUB_ACTIONS=true (github reporter), LADDERC_DEBUG_CACHE=1 (print what was parsed and rendered),
LADDERC_WATCH_POLL=1 (watch by polling, for network drives and some containers),
LADDERC_MEMORY_MB (heap a build collects at, default 250), LADDERC_DEBUG_MEMORY=1 (print each collection).
`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `init` parses its own arguments (a folder and --force), not the build's.
  if (argv[0] === 'init') return (await import('./init-command.js')).initCommand(argv.slice(1), io);
  const args = parseArgs(argv);
  if (args.flags.help) {
    io.stdout(helpText(packageVersion()));
    return args.errors.length ? usageFailure(args.errors, io) : EXIT_OK;
  }
  if (args.flags.version) {
    io.stdout(`ladderc ${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (!args.command && args.errors.length === 0) {
    io.stderr(helpText(packageVersion()));
    return EXIT_USAGE;
  }
  if (!args.command) return usageFailure(args.errors, io, args.flags.reporter);
  const run = await RUNNERS[args.command].run();
  return run(args, io);
}
