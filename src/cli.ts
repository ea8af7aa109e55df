#!/usr/bin/env node
// The `ladderc` command: runs src/cli/main.ts with the process's streams, environment and folder.

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXIT_INTERNAL } from './cli/exit-codes.js';
import { main, type CliIo } from './cli/main.js';

export { main, type CliIo } from './cli/main.js';

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns ?? 80,
    env: process.env,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug in ladderc, not in the sources: say so plainly, with the details for a bug report.
      process.stderr.write(`ladderc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.LADDERC_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
      process.stderr.write('Please report this with the source that caused it (set LADDERC_DEBUG=1 for details).\n');
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
