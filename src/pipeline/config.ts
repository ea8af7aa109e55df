// ladderc.config.json: validated with messages that say where and what. The writers' sections
// (csv, pdf, review, …) are derived from the writer registry's option declarations.

import { ORIENTATIONS, type SourceOptions } from '../options.js';
import { SOURCE_FORMATS, type SourceFormat } from '../readers/formats.js';
import { OUTPUT_FORMATS, WRITERS, type OutputFormat } from '../writers/index.js';
import { getPath, parseOptionValue, type OptionSpec } from '../writers/option-spec.js';

export const CONFIG_FILE = 'ladderc.config.json';

/** The config as written: every field optional. Paths are relative to the config file. */
export interface ConfigFile {
  out?: string;
  formats?: OutputFormat[];
  strict?: boolean;
  templates?: string;
  /** The language of the words ladderc writes; checked against the shipped locales in options.ts. */
  locale?: string;
  cacheDir?: string;
  /** The largest source read, in megabytes. */
  maxSourceSize?: number;
  /** Workers that read and render (as `--jobs`): a positive whole number. */
  jobs?: number;
  sources?: Record<string, SourceOptions>;
  /** Levels that share a rung of the crosswalk: each pin lists `ladder/track/level` ids. */
  crosswalk?: string[][];
  /** Writer options set in the config, by format, then by the option's key ("review.ratings"). */
  writers?: Partial<Record<OutputFormat, Record<string, unknown>>>;
}

export interface ConfigResult {
  config: ConfigFile;
  /** Each names the field: `sources["a.md"].orientation: must be one of …`. */
  errors: string[];
}

/** The fields of the config's top level that are ladderc's own, not a writer's. */
const CORE_FIELDS = ['out', 'formats', 'strict', 'templates', 'locale', 'cacheDir', 'maxSourceSize', 'jobs', 'sources', 'crosswalk'] as const;
const SOURCE_FIELDS = ['id', 'title', 'format', 'orientation', 'tracks'] as const;

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every writer option with the format it belongs to. */
export function writerOptionSpecs(): Array<{ format: OutputFormat; spec: OptionSpec }> {
  return WRITERS.flatMap((w) => w.options.map((spec) => ({ format: w.id as OutputFormat, spec })));
}

/** Every field the config knows, dotted, in the order of the help: core fields, then writers'. */
export function knownConfigFields(): string[] {
  return [...CORE_FIELDS, ...writerOptionSpecs().map((o) => o.spec.config)];
}

/** Parses and validates the text of a config file. Never throws. */
export function parseConfig(text: string): ConfigResult {
  let raw: Json;
  try {
    raw = JSON.parse(text) as Json;
  } catch (error) {
    return { config: {}, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  const errors: string[] = [];
  const config: ConfigFile = {};
  if (!isObject(raw)) return { config, errors: ['must be a JSON object'] };

  const writerOptions = writerOptionSpecs();
  // The sections writers own ("csv", "pdf", "review") and the fields inside each.
  const sections = new Map<string, string[]>();
  for (const { spec } of writerOptions) {
    const [section, ...rest] = spec.config.split('.');
    if (!sections.has(section!)) sections.set(section!, []);
    if (rest.length) sections.get(section!)!.push(rest.join('.'));
  }
  const topLevel = [...CORE_FIELDS, ...sections.keys()];
  for (const key of Object.keys(raw)) {
    if (key !== '$schema' && !topLevel.includes(key as never)) errors.push(`${key}: unknown field (known: ${topLevel.join(', ')})`);
  }
  const badSection = new Set<string>();
  for (const [section, fields] of sections) {
    const value = raw[section];
    if (value === undefined || fields.length === 0) continue;
    if (!isObject(value)) {
      const example = writerOptions.find((o) => o.spec.config.startsWith(`${section}.`))?.spec;
      errors.push(`${section}: must be an object${example ? ` such as { "${example.config.split('.')[1]}": ${JSON.stringify(example.default ?? '…')} }` : ''}`);
      badSection.add(section);
      continue;
    }
    for (const key of Object.keys(value)) if (!fields.includes(key)) errors.push(`${section}.${key}: unknown field (known: ${fields.join(', ')})`);
  }

  const str = (path: string, v: Json): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    errors.push(`${path}: must be a non-empty string`);
    return undefined;
  };
  const bool = (path: string, v: Json): boolean | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    errors.push(`${path}: must be true or false`);
    return undefined;
  };
  const oneOf = <T extends string>(path: string, v: Json, allowed: readonly T[]): T | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    errors.push(`${path}: must be one of ${allowed.join(', ')}`);
    return undefined;
  };

  const out = str('out', raw.out);
  if (out) config.out = out;
  const templates = str('templates', raw.templates);
  if (templates) config.templates = templates;
  const locale = str('locale', raw.locale);
  if (locale) config.locale = locale;
  const cacheDir = str('cacheDir', raw.cacheDir);
  if (cacheDir) config.cacheDir = cacheDir;
  if (raw.maxSourceSize !== undefined) {
    if (typeof raw.maxSourceSize === 'number' && Number.isFinite(raw.maxSourceSize) && raw.maxSourceSize > 0) config.maxSourceSize = raw.maxSourceSize;
    else errors.push('maxSourceSize: must be a positive number of megabytes, such as 50');
  }
  if (raw.jobs !== undefined) {
    if (typeof raw.jobs === 'number' && Number.isSafeInteger(raw.jobs) && raw.jobs >= 1) config.jobs = raw.jobs;
    else errors.push('jobs: must be a positive whole number of render workers, such as 2 (1: no workers)');
  }
  const strict = bool('strict', raw.strict);
  if (strict !== undefined) config.strict = strict;
  if (raw.formats !== undefined) {
    if (!Array.isArray(raw.formats)) errors.push(`formats: must be a list of ${OUTPUT_FORMATS.join(', ')}`);
    else config.formats = raw.formats.map((f, i) => oneOf(`formats[${i}]`, f, OUTPUT_FORMATS)).filter((f): f is OutputFormat => !!f);
  }

  for (const { format, spec } of writerOptions) {
    if (badSection.has(spec.config.split('.')[0]!)) continue;
    const value = getPath(raw, spec.config);
    if (value === undefined) continue;
    const parsed = parseOptionValue(spec, value, spec.config, errors);
    if (parsed === undefined) continue;
    config.writers ??= {};
    (config.writers[format] ??= {})[spec.key] = parsed;
  }

  if (raw.crosswalk !== undefined) {
    const example = 'such as [["ladder/track/level", "other-ladder/track/level"]]';
    if (!Array.isArray(raw.crosswalk)) errors.push(`crosswalk: must be a list of pins, ${example}`);
    else {
      const pins: string[][] = [];
      raw.crosswalk.forEach((pin: Json, i) => {
        if (!Array.isArray(pin) || pin.length < 2) return void errors.push(`crosswalk[${i}]: must list at least two levels, ${example}`);
        const refs: string[] = [];
        pin.forEach((ref: Json, j) => {
          if (typeof ref === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ref)) refs.push(ref);
          else errors.push(`crosswalk[${i}][${j}]: must be "ladder/track/level" with the ids of the ladder JSON, not ${JSON.stringify(ref)}`);
        });
        if (refs.length === pin.length) pins.push(refs);
      });
      config.crosswalk = pins;
    }
  }

  if (raw.sources !== undefined) {
    if (!isObject(raw.sources)) errors.push('sources: must map source paths to overrides');
    else {
      config.sources = {};
      for (const [path, value] of Object.entries(raw.sources)) {
        const at = `sources[${JSON.stringify(path)}]`;
        if (!isObject(value)) {
          errors.push(`${at}: must be an object`);
          continue;
        }
        const s: SourceOptions = {};
        for (const key of Object.keys(value)) {
          if (!(SOURCE_FIELDS as readonly string[]).includes(key)) errors.push(`${at}.${key}: unknown field (known: ${SOURCE_FIELDS.join(', ')})`);
        }
        const id = str(`${at}.id`, value.id);
        if (id !== undefined) {
          if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) s.id = id;
          else errors.push(`${at}.id: must be a slug (lowercase letters, digits and single dashes)`);
        }
        const title = str(`${at}.title`, value.title);
        if (title) s.title = title;
        const format = oneOf<SourceFormat>(`${at}.format`, value.format, SOURCE_FORMATS);
        if (format) s.format = format;
        const orientation = oneOf(`${at}.orientation`, value.orientation, ORIENTATIONS);
        if (orientation) s.orientation = orientation;
        if (value.tracks !== undefined) {
          if (!isObject(value.tracks) || !Object.values(value.tracks).every((v) => typeof v === 'string' && v.trim())) {
            errors.push(`${at}.tracks: must map detected track names to new names`);
          } else s.tracks = value.tracks as Record<string, string>;
        }
        config.sources[path] = s;
      }
    }
  }
  return { config, errors };
}
