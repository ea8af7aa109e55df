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

export function reportHuman(list: readonly Diagnostic[], options: ReportOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${COLORS.reset}` : text);
  const lines: string[] = [];
  for (const d of sortDiagnostics(list)) {
    const where = paint(COLORS.bold, `${d.file}:${d.line}:${d.column}`);
    const severity = paint(COLORS[d.severity], d.severity);
    lines.push(`${where}: ${severity}: ${d.message} ${paint(COLORS.dim, `[${d.ruleId}]`)}`);
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
