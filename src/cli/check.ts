// `ladderc check [PATH…]`: parse and report only; writes nothing (the cache included).

import type { ParsedArgs } from './args.js';
import { runBuildCommand } from './build.js';
import type { CliIo } from './io.js';

export async function check(args: ParsedArgs, io: CliIo): Promise<number> {
  return (await runBuildCommand(args, io)).code;
}
