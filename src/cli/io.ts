// What every command is given (streams, environment, working folder) and how it reports.

import { countBySeverity, diagnostic, type Diagnostic } from '../diagnostics.js';
import { EXIT_USAGE } from './exit-codes.js';
import { report, type ReporterName } from './report.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (colour, progress). */
  isTTY: boolean;
  /** Terminal width for the progress bar (defaults to 80). */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** What watch follows after a build: inputs to watch and folders whose changes are the build's own. */
export interface WatchTargets {
  paths: string[];
  ignore: string[];
}

/** Usage errors as diagnostics (file "ladderc"), so the json and github reporters carry them too. */
export function usageFailure(errors: readonly string[], io: CliIo, reporter: ReporterName = 'human'): number {
  if (reporter === 'human') {
    for (const e of errors) io.stderr(`ladderc: error: ${e}\n`);
    io.stderr('Run "ladderc --help" for usage.\n');
  } else {
    const text = report(reporter, errors.map((e) => diagnostic('error', 'usage', e, 'ladderc', undefined)), { color: false });
    if (reporter === 'json') io.stdout(text);
    else io.stderr(text);
  }
  return EXIT_USAGE;
}

/** Prints diagnostics with the chosen reporter: json to stdout (one document), the others to stderr. */
/** Whether diagnostics are coloured: on a terminal, unless NO_COLOR or a dumb terminal says not. */
export function usesColor(io: CliIo): boolean {
  return io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

export function printer(io: CliIo, reporter: ReporterName): (list: readonly Diagnostic[]) => void {
  const color = usesColor(io);
  return (list) => {
    const text = report(reporter, list, { color });
    if (!text) return;
    if (reporter === 'json') io.stdout(text);
    else io.stderr(text);
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * How much of each source's text its model keeps (source.coverage): every ladder by name when
 * there are a few, else the overall share and the lowest ones, so that dropped text is seen.
 */
export function coverageSummary(ladders: ReadonlyArray<{ id: string; source: { path: string; coverage?: number } }>, shown: ReadonlyMap<string, string> = new Map()): string | undefined {
  const measured = ladders.filter((l): l is typeof l & { source: { coverage: number } } => l.source.coverage !== undefined);
  if (measured.length === 0) return undefined;
  const pct = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
  const SHOWN = 5;
  if (measured.length <= SHOWN) return `words kept: ${measured.map((l) => `${shown.get(l.source.path) ?? l.source.path} ${pct(l.source.coverage)}`).join(', ')}`;
  const mean = measured.reduce((n, l) => n + l.source.coverage, 0) / measured.length;
  const lowest = [...measured].sort((a, b) => a.source.coverage - b.source.coverage || (a.source.path < b.source.path ? -1 : 1)).slice(0, 3);
  return `words kept: ${pct(mean)} on average over ${plural(measured.length, 'ladder')}; lowest ${lowest.map((l) => `${shown.get(l.source.path) ?? l.source.path} ${pct(l.source.coverage)}`).join(', ')}`;
}

export function summary(list: readonly Diagnostic[]): string {
  const c = countBySeverity(list);
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}
