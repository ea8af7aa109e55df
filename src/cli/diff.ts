// `ladderc diff OLD NEW` and `ladderc diff --git REV [PATH…]`: a changelog of the ladders (levels
// added, removed or renamed; competencies added, removed or moved; changed expectations) as Markdown
// for a pull request, or JSON. Exit 0 when equal, 1 when they differ, 2 on any error — like diff(1).

import { EXIT_OK, EXIT_SOURCE_ERRORS, EXIT_USAGE } from '../diagnostics.js';
import { gitSources } from '../host/git.js';
import { nodeHost } from '../host/node.js';
import { resolveOptions } from '../pipeline/options.js';
import { changelogMarkdown, compareBuilds } from '../views/changelog.js';
import type { ParsedArgs } from './args.js';
import { printer, usageFailure, type CliIo } from './io.js';
import { compileSide, ownPaths, withoutOwn } from './sides.js';

export async function diffCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const errors = [...args.errors];
  const formats = args.request.formats ?? ['md'];
  const format = formats.length === 1 && (formats[0] === 'md' || formats[0] === 'json') ? formats[0] : undefined;
  if (!format) errors.push(`diff --format must be md or json, not "${formats.join(',')}"`);
  const rev = args.flags.git;
  if (rev === undefined && args.paths.length !== 2) errors.push(`diff needs two paths, OLD and NEW (or --git REV), not ${args.paths.length}`);
  if (errors.length) return usageFailure(errors, io, args.flags.reporter);

  const host = nodeHost(io.cwd, io.env);
  // OLD and NEW are the sides, not the sources of the options: those come from the config (--git).
  const request = rev === undefined ? { ...args.request, paths: [] } : args.request;
  const resolved = resolveOptions(request, host);
  if (resolved.errors.length) return usageFailure(resolved.errors, io, args.flags.reporter);
  const options = resolved.options;

  const [oldSources, newSources] =
    rev === undefined
      ? [host.collectSources([args.paths[0]!], ownPaths(options)), host.collectSources([args.paths[1]!], ownPaths(options))]
      : [gitSources(io.cwd, rev, options.paths), host.collectSources(options.paths, ownPaths(options))];
  const readErrors = [...oldSources.errors, ...newSources.errors];
  if (readErrors.length) return usageFailure(readErrors, io, args.flags.reporter);

  const before = await compileSide(withoutOwn(oldSources.sources, options), options);
  const after = await compileSide(withoutOwn(newSources.sources, options), options);
  if (before.errors + after.errors > 0) {
    printer(io, args.flags.reporter ?? 'human')([...before.diagnostics, ...after.diagnostics].filter((d) => d.severity === 'error'));
    io.stderr('ladderc: diff: the sources have errors; fix them (see "ladderc check") and compare again\n');
    return EXIT_USAGE;
  }
  const log = compareBuilds(before.ladders, after.ladders);
  io.stdout(format === 'json' ? `${JSON.stringify(log, null, 2)}\n` : changelogMarkdown(log));
  return log.equal ? EXIT_OK : EXIT_SOURCE_ERRORS;
}
