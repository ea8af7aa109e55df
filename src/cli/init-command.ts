// `ladderc init [DIR] [--force]`: placeholder until the scaffolding lands (src/cli/init.ts).

import { EXIT_USAGE } from './exit-codes.js';
import type { CliIo } from './io.js';

export async function initCommand(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr('ladderc: error: init is not available in this build\n');
  return EXIT_USAGE;
}
