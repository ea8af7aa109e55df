// Memory relief for big builds. V8 lets garbage pile up far beyond what a build keeps alive: its
// old space grows to several times the live data before it collects (about 900 MB of resident
// memory for 1,000 ladders that keep under 300 MB alive), and Node gives a program no way to lower
// that limit once it runs (`--max-old-space-size` is read at start-up only). So a build calls
// relieve() after each source and each rendered file; every 16th call looks at the heap,
// and with more heap in use than the budget (default 250 MB, LADDERC_MEMORY_MB) runs a full collection,
// so that the heap reuses the pages it freed instead of growing. When the live data itself nears
// the budget, the budget rises to 1.6× what is alive, so that a build whose models are big never
// spends its time collecting. Small builds never reach the budget and never pay anything.

import v8 from 'node:v8';
import vm from 'node:vm';

export const DEFAULT_MEMORY_BUDGET_MB = 250;

/** `report` gets a line per collection when LADDERC_DEBUG_MEMORY=1 (the CLI's stderr by default). */
export function memoryRelief(env: Readonly<Record<string, string | undefined>>, report: (line: string) => void = (line) => void process.stderr.write(line)): () => void {
  const fromEnv = Number(env.LADDERC_MEMORY_MB);
  let budget = (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MEMORY_BUDGET_MB) * 1e6;
  let collect: (() => void) | null | undefined;
  let calls = 0;
  return () => {
    calls += 1;
    // The heap in use, garbage included: collected before it outgrows the budget, the heap reuses
    // the pages it freed instead of asking for more (V8 keeps freed pages, so the resident set
    // stops growing rather than shrinking).
    if (calls % 16 !== 0 || process.memoryUsage().heapUsed < budget) return;
    if (collect === undefined) {
      // The collector as a function: V8 exposes it to contexts made after the flag is set.
      try {
        v8.setFlagsFromString('--expose-gc');
        const gc = vm.runInNewContext('gc') as unknown;
        collect = typeof gc === 'function' ? (gc as () => void) : null;
      } catch {
        collect = null;
      }
    }
    if (!collect) return;
    const before = process.memoryUsage();
    collect();
    const live = process.memoryUsage().heapUsed;
    if (env.LADDERC_DEBUG_MEMORY === '1') report(`ladderc: memory: heap ${(before.heapUsed / 1e6).toFixed(0)} MB → ${(live / 1e6).toFixed(0)} MB live (resident ${(before.rss / 1e6).toFixed(0)} MB, budget ${(budget / 1e6).toFixed(0)} MB)\n`);
    if (live > budget * 0.6) budget = live * 1.6;
  };
}
