// argv → a command, paths and an OptionRequest. The flags are one table: ladderc's own, then each
// writer's (derived from the writer registry), so `--help` and parsing cannot disagree.

import { LOCALES } from '../locale/index.js';
import type { OptionRequest } from '../pipeline/options.js';
import { OUTPUT_FORMATS, WRITERS, type OutputFormat } from '../writers/index.js';
import { flagValueName, parseFlagValue, type OptionSpec } from '../writers/option-spec.js';
import { REPORTERS, type ReporterName } from './report.js';

export const COMMANDS = ['build', 'check', 'watch', 'init', 'diff', 'promote'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedArgs {
  command?: Command;
  paths: string[];
  /** Options for the pipeline. */
  request: OptionRequest & { paths: string[] };
  flags: {
    check?: boolean;
    /** (diff) the git revision to compare the working tree's sources with. */
    git?: string;
    reporter?: ReporterName;
    help?: boolean;
    version?: boolean;
  };
  errors: string[];
}

interface FlagDef {
  name: string;
  /** The value's name in `--help`; undefined for a switch. */
  value?: string;
  help: string;
  apply: (parsed: ParsedArgs, value: string | undefined) => void;
  /** Short aliases ("-h"). */
  aliases?: string[];
}

const coreFlags: FlagDef[] = [
  { name: '--out', value: 'DIR', help: 'output folder (default: out)', apply: (p, v) => (p.request.out = v!) },
  {
    name: '--format',
    value: 'LIST',
    help: `comma-separated: ${OUTPUT_FORMATS.join(',')} (default: all); diff: md or json (default: md)`,
    apply: (p, v) => {
      const formats: OutputFormat[] = [];
      for (const f of v!.split(',').map((s) => s.trim()).filter(Boolean)) {
        if ((OUTPUT_FORMATS as readonly string[]).includes(f)) {
          if (!formats.includes(f as OutputFormat)) formats.push(f as OutputFormat);
        } else p.errors.push(`unknown format "${f}" (formats: ${OUTPUT_FORMATS.join(', ')})`);
      }
      if (formats.length === 0 && !v!.split(',').some((s) => s.trim())) p.errors.push('--format needs at least one format');
      p.request.formats = formats;
    },
  },
  { name: '--config', value: 'FILE', help: 'config file (default: ./ladderc.config.json when present)', apply: (p, v) => (p.request.config = v!) },
  { name: '--templates', value: 'DIR', help: 'folder whose <format>/… templates override the defaults one by one', apply: (p, v) => (p.request.templates = v!) },
  { name: '--locale', value: 'TAG', help: `the language of the words ladderc writes: ${LOCALES.join(', ')} (default en)`, apply: (p, v) => (p.request.locale = v!) },
  {
    name: '--jobs',
    value: 'N',
    help: 'workers that read sources and render ladders, a positive whole number; 1 works in one thread (default: the cores available)',
    apply: (p, v) => {
      if (/^[1-9][0-9]*$/.test(v!.trim()) && Number.isSafeInteger(Number(v!.trim()))) p.request.jobs = Number(v!.trim());
      else p.errors.push(`--jobs must be a positive whole number, not "${v}"`);
    },
  },
  { name: '--strict', help: 'treat warnings as errors', apply: (p) => (p.request.strict = true) },
  { name: '--check', help: '(build) compare with out/ instead of writing; exit 1 when stale', apply: (p) => (p.flags.check = true) },
  { name: '--git', value: 'REV', help: '(diff) compare the sources with those at a git revision', apply: (p, v) => (p.flags.git = v!) },
];

const tailFlags: FlagDef[] = [
  {
    name: '--reporter',
    value: 'NAME',
    help: 'human, json or github (default: github when GITHUB_ACTIONS=true, else human)',
    apply: (p, v) => {
      if ((REPORTERS as readonly string[]).includes(v!)) p.flags.reporter = v as ReporterName;
      else p.errors.push(`--reporter must be one of ${REPORTERS.join(', ')}, not "${v}"`);
    },
  },
  { name: '--cache-dir', value: 'DIR', help: 'build cache (default: node_modules/.cache/ladderc, or cacheDir in the config)', apply: (p, v) => (p.request.cacheDir = v!) },
  { name: '--no-cache', help: 'neither read nor write the build cache', apply: (p) => (p.request.noCache = true) },
  { name: '--help', aliases: ['-h'], help: 'show this help', apply: (p) => (p.flags.help = true) },
  { name: '--version', aliases: ['-V'], help: 'show the version', apply: (p) => (p.flags.version = true) },
];

function setWriterOption(p: ParsedArgs, format: OutputFormat, spec: OptionSpec, value: unknown): void {
  if (value === undefined) return;
  p.request.writers ??= {};
  (p.request.writers[format] ??= {})[spec.key] = value;
}

/** Each writer option with a flag: `--csv-bom=BOOL` (and `--no-csv-bom`), `--paper a4|letter`. */
function writerFlags(): FlagDef[] {
  const defs: FlagDef[] = [];
  for (const w of WRITERS) {
    for (const spec of w.options) {
      if (!spec.flag) continue;
      const format = w.id as OutputFormat;
      const def = spec.default === undefined ? '' : ` (default: ${String(spec.default)})`;
      if (spec.kind.type === 'boolean') {
        defs.push({ name: spec.flag, value: `=${flagValueName(spec)}`, help: `${spec.help}${def}`, apply: (p, v) => setWriterOption(p, format, spec, parseFlagValue(spec, v, p.errors)) });
        defs.push({ name: `--no-${spec.flag.slice(2)}`, help: '', apply: (p) => setWriterOption(p, format, spec, false) });
      } else {
        defs.push({ name: spec.flag, value: flagValueName(spec), help: `${spec.help}${def}`, apply: (p, v) => setWriterOption(p, format, spec, parseFlagValue(spec, v, p.errors)) });
      }
    }
  }
  return defs;
}

/** Every flag, in the order `--help` lists them. */
export function flagTable(): FlagDef[] {
  return [...coreFlags, ...writerFlags(), ...tailFlags];
}

/** The options block of `--help`. */
export function flagHelp(): string {
  const rows = flagTable()
    .filter((f) => f.help)
    .map((f) => {
      const names = [...(f.aliases ?? []), f.name].join(', ');
      const left = f.value === undefined ? names : f.value.startsWith('=') ? `${names}${f.value}` : `${names} ${f.value}`;
      return `  ${left.padEnd(22)} ${f.help}`;
    });
  return rows.join('\n');
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { paths: [], request: { paths: [] }, flags: {}, errors: [] };
  const table = flagTable();
  const byName = new Map<string, FlagDef>();
  for (const f of table) for (const n of [f.name, ...(f.aliases ?? [])]) byName.set(n, f);
  const args = [...argv];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (!parsed.command && parsed.paths.length === 0 && !parsed.flags.help) {
        if ((COMMANDS as readonly string[]).includes(arg)) parsed.command = arg as Command;
        else if (arg === 'help') parsed.flags.help = true;
        else parsed.errors.push(`unknown command "${arg}" (commands: ${COMMANDS.join(', ')})`);
      } else parsed.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    const def = byName.get(name);
    if (!def) {
      parsed.errors.push(`unknown option "${name}"`);
      continue;
    }
    if (def.value === undefined) {
      if (inline !== undefined) parsed.errors.push(`${name} takes no value`);
      else def.apply(parsed, undefined);
      continue;
    }
    if (def.value.startsWith('=')) {
      // An optional value, given only as --flag=VALUE.
      def.apply(parsed, inline);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        parsed.errors.push(`${name} needs a value`);
        continue;
      }
      i += 1;
      value = next;
    }
    def.apply(parsed, value);
  }
  parsed.request.paths = parsed.paths;
  return parsed;
}
