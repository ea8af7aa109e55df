// Every exit code the CLI can return, with what it means: `--help` and the README print this table.

import { EXIT_INTERNAL, EXIT_OK, EXIT_SOURCE_ERRORS, EXIT_USAGE } from '../diagnostics.js';

/** 128 + SIGINT, as shells report a process stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export { EXIT_INTERNAL, EXIT_OK, EXIT_SOURCE_ERRORS, EXIT_USAGE };

export const EXIT_CODES: ReadonlyArray<{ code: number; meaning: string }> = [
  { code: EXIT_OK, meaning: 'success (watch: stopped with Ctrl-C; diff: the ladders are equal)' },
  {
    code: EXIT_SOURCE_ERRORS,
    meaning: 'errors in the sources (or warnings under --strict, or a template error), or --check found out/ stale (or half-written by a killed build); diff: the ladders differ',
  },
  {
    code: EXIT_USAGE,
    meaning:
      'usage or environment errors: unknown flags or formats, missing paths, invalid config, unreadable files, output files ladderc did not write in the way, out/ locked by another build or not writable; diff: any error (a side that cannot be read or compiled, an unknown git revision); promote: no such ladder, track or level',
  },
  { code: EXIT_INTERNAL, meaning: 'internal error: a bug in ladderc (LADDERC_DEBUG=1 shows the stack)' },
  { code: EXIT_INTERRUPTED, meaning: 'interrupted by SIGINT or SIGTERM (a build interrupted while writing finishes or rolls back the write first)' },
];
