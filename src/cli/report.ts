// Printing diagnostics: human (compiler style, coloured on a TTY), json (one object), github
// (Actions workflow commands). The CLI is the only caller; this module returns strings.

import type { Diagnostic } from '../diagnostics.js';
import { countBySeverity, sortDiagnostics } from '../diagnostics.js';

export type ReporterName = 'human' | 'json' | 'github';
export const REPORTERS: readonly ReporterName[] = ['human', 'json', 'github'];

export interface ReportOptions {
  color: boolean;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/**
 * Compiler-style lines. Info diagnostics of one rule in one file are folded into the first one's
 * line with a count ("(and 1,234 more like this)"): a source can produce hundreds of thousands of
 * them. Warnings and errors are never folded; the json and github reporters list everything.
 */
export function reportHuman(list: readonly Diagnostic[], options: ReportOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${COLORS.reset}` : text);
  const sorted = sortDiagnostics(list);
  const infoGroups = new Map<string, number>();
  const groupOf = (d: Diagnostic) => `${d.file}\0${d.ruleId}`;
  for (const d of sorted) if (d.severity === 'info') infoGroups.set(groupOf(d), (infoGroups.get(groupOf(d)) ?? 0) + 1);
  const printed = new Set<string>();
  const lines: string[] = [];
  for (const d of sorted) {
    let more = '';
    if (d.severity === 'info') {
      const group = groupOf(d);
      if (printed.has(group)) continue;
      printed.add(group);
      const others = infoGroups.get(group)! - 1;
      if (others > 0) more = ` (and ${others.toLocaleString('en-US')} more like this)`;
    }
    const where = paint(COLORS.bold, `${d.file}:${d.line}:${d.column}`);
    const severity = paint(COLORS[d.severity], d.severity);
    lines.push(`${where}: ${severity}: ${d.message}${more} ${paint(COLORS.dim, `[${d.ruleId}]`)}`);
    if (d.hint) lines.push(`  ${paint(COLORS.dim, `hint: ${d.hint}`)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function reportJson(list: readonly Diagnostic[]): string {
  return `${JSON.stringify({ diagnostics: sortDiagnostics(list), counts: countBySeverity(list) }, null, 2)}\n`;
}

// Workflow command values escape %, CR and LF; properties also escape : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const USAGE_FILE = 'ladderc';

export function reportGithub(list: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(list).map((d) => {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    // Usage errors (file "ladderc") are about no file: an annotation without a place.
    const where = d.file === USAGE_FILE ? '' : `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},`;
    const props = `${where}title=${escapeProperty(`ladderc ${d.ruleId}`)}`;
    const message = d.hint ? `${d.message} (hint: ${d.hint})` : d.message;
    return `::${command} ${props}::${escapeData(message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function report(name: ReporterName, list: readonly Diagnostic[], options: ReportOptions): string {
  if (name === 'json') return reportJson(list);
  if (name === 'github') return reportGithub(list);
  return reportHuman(list, options);
}
