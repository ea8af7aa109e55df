// ladderc.config.json: validated into the one Options object, with messages that say where and what.

import { SOURCE_FORMATS, type SourceFormat } from './model.js';
import {
  DEFAULT_OPTIONS,
  OUTPUT_FORMATS,
  type Options,
  type Orientation,
  type OutputFormat,
  type Paper,
  type SourceOptions,
} from './options.js';

export const CONFIG_FILE = 'ladderc.config.json';

/** The config as written: every field optional. Paths are relative to the config file. */
export interface ConfigFile {
  out?: string;
  formats?: OutputFormat[];
  strict?: boolean;
  templates?: string;
  cacheDir?: string;
  csv?: { bom?: boolean };
  pdf?: { paper?: Paper };
  review?: {
    ratings?: string[];
    labels?: Partial<Options['review']['labels']>;
    logo?: string;
  };
  sources?: Record<string, SourceOptions>;
}

export interface ConfigResult {
  config: ConfigFile;
  /** Each names the field: `sources["a.md"].orientation: must be one of …`. */
  errors: string[];
}

const ORIENTATIONS: readonly Orientation[] = ['levels-as-rows', 'levels-as-columns'];
const PAPERS: readonly Paper[] = ['a4', 'letter'];
const LABEL_KEYS = Object.keys(DEFAULT_OPTIONS.review.labels);

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

  const known = ['$schema', 'out', 'formats', 'strict', 'templates', 'cacheDir', 'csv', 'pdf', 'review', 'sources'];
  for (const key of Object.keys(raw)) if (!known.includes(key)) errors.push(`${key}: unknown field (known: ${known.slice(1).join(', ')})`);

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
  const cacheDir = str('cacheDir', raw.cacheDir);
  if (cacheDir) config.cacheDir = cacheDir;
  const strict = bool('strict', raw.strict);
  if (strict !== undefined) config.strict = strict;
  if (raw.formats !== undefined) {
    if (!Array.isArray(raw.formats)) errors.push(`formats: must be a list of ${OUTPUT_FORMATS.join(', ')}`);
    else {
      const formats = raw.formats.map((f, i) => oneOf(`formats[${i}]`, f, OUTPUT_FORMATS)).filter((f): f is OutputFormat => !!f);
      config.formats = formats;
    }
  }
  if (raw.csv !== undefined) {
    if (!isObject(raw.csv)) errors.push('csv: must be an object such as { "bom": false }');
    else {
      const bom = bool('csv.bom', raw.csv.bom);
      config.csv = bom === undefined ? {} : { bom };
    }
  }
  if (raw.pdf !== undefined) {
    if (!isObject(raw.pdf)) errors.push('pdf: must be an object such as { "paper": "letter" }');
    else {
      const paper = oneOf('pdf.paper', raw.pdf.paper, PAPERS);
      config.pdf = paper ? { paper } : {};
    }
  }
  if (raw.review !== undefined) {
    if (!isObject(raw.review)) errors.push('review: must be an object');
    else {
      const review: NonNullable<ConfigFile['review']> = {};
      const r = raw.review;
      if (r.ratings !== undefined) {
        if (!Array.isArray(r.ratings) || r.ratings.length < 2 || !r.ratings.every((x) => typeof x === 'string' && x.trim())) {
          errors.push('review.ratings: must be a list of at least two non-empty strings');
        } else review.ratings = r.ratings as string[];
      }
      if (r.labels !== undefined) {
        if (!isObject(r.labels)) errors.push('review.labels: must be an object');
        else {
          const labels: Record<string, string> = {};
          for (const [k, v] of Object.entries(r.labels)) {
            if (!LABEL_KEYS.includes(k)) errors.push(`review.labels.${k}: unknown label (known: ${LABEL_KEYS.join(', ')})`);
            else {
              const s = str(`review.labels.${k}`, v);
              if (s) labels[k] = s;
            }
          }
          review.labels = labels;
        }
      }
      const logo = str('review.logo', r.logo);
      if (logo) review.logo = logo;
      for (const key of Object.keys(r)) if (!['ratings', 'labels', 'logo'].includes(key)) errors.push(`review.${key}: unknown field`);
      config.review = review;
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
          if (!['id', 'title', 'format', 'orientation', 'tracks'].includes(key)) errors.push(`${at}.${key}: unknown field (known: id, title, format, orientation, tracks)`);
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
