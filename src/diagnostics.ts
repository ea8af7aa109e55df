// Diagnostics as data (severity, rule id, file:line:column) and the exit codes they lead to.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case rule id, e.g. "ragged-row" or "mojibake-repaired". */
  ruleId: string;
  /** What is wrong. */
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
  /** Path of the file the diagnostic is about ("/" separators), or "ladderc" for usage errors. */
  file: string;
  line: number;
  column: number;
}

export const EXIT_OK = 0;
/** Errors in the sources (or warnings under --strict). */
export const EXIT_SOURCE_ERRORS = 1;
/** Usage or environment errors: bad flags, missing paths, invalid config, unreadable files. */
export const EXIT_USAGE = 2;
/** A bug in ladderc itself (EX_SOFTWARE); never caused by a source. */
export const EXIT_INTERNAL = 70;

export function diagnostic(
  severity: Severity,
  ruleId: string,
  message: string,
  file: string,
  where: { line: number; column: number } | undefined,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = {
    severity,
    ruleId,
    message,
    file,
    line: where?.line ?? 1,
    column: where?.column ?? 1,
  };
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** A collector that keeps each diagnostic once (same file, place, rule and message). */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  readonly #seen = new Set<string>();

  constructor(readonly file: string) {}

  add(
    severity: Severity,
    ruleId: string,
    message: string,
    where?: { line: number; column: number },
    hint?: string,
  ): void {
    this.push(diagnostic(severity, ruleId, message, this.file, where, hint));
  }

  error(ruleId: string, message: string, where?: { line: number; column: number }, hint?: string): void {
    this.add('error', ruleId, message, where, hint);
  }

  warn(ruleId: string, message: string, where?: { line: number; column: number }, hint?: string): void {
    this.add('warning', ruleId, message, where, hint);
  }

  info(ruleId: string, message: string, where?: { line: number; column: number }, hint?: string): void {
    this.add('info', ruleId, message, where, hint);
  }

  push(...items: Diagnostic[]): void {
    this.pushAll(items);
  }

  /** Adds every item of a list of any length (`push(...list)` overflows the stack past ~150,000). */
  pushAll(items: Iterable<Diagnostic>): void {
    for (const d of items) {
      const key = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`;
      if (this.#seen.has(key)) continue;
      this.#seen.add(key);
      this.list.push(d);
    }
  }
}

/**
 * Appends `items` to `list` one by one: `list.push(...items)` passes every item as an argument and
 * throws RangeError (maximum call stack size exceeded) once a list holds ~150,000 diagnostics.
 */
export function appendAll<T>(list: T[], items: Iterable<T>): T[] {
  for (const item of items) list.push(item);
  return list;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts by file, line, column, then severity: the order a compiler prints in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity] += 1;
  return counts;
}

/** The one place that turns diagnostics into an exit code. */
export function exitCodeFor(list: readonly Diagnostic[], strict: boolean): number {
  const counts = countBySeverity(list);
  if (counts.error > 0) return EXIT_SOURCE_ERRORS;
  if (strict && counts.warning > 0) return EXIT_SOURCE_ERRORS;
  return EXIT_OK;
}

/** `file:line:column: severity: message [rule]` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
