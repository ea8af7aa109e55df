// The no-op stamp: how `ladderc build` answers "nothing changed" without loading a reader or a
// writer. After a build has written out/, it stores, in the cache folder, one key for everything
// the build was made from (ladderc's code, the resolved options, every source's bytes, the
// templates, the writers' file options, the reporter) beside a listing of out/ (each file's size,
// modification time and inode) and the text that a rebuild from the same inputs prints. The next
// build computes the key and lists out/ before anything heavy is imported; when both match, it
// prints that text and stops. Anything that differs (a source byte, a template, a flag, a file in
// out/ touched or added, a different ladderc) and the build runs as before. The stamp can make a
// build faster, never different: it is only written by a build that wrote out/ completely.

import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from '../options.js';
import { absolute } from '../pipeline/paths.js';
import { stableJson } from '../pipeline/compile.js';
import { WRITERS } from '../writers/index.js';
import { getPath } from '../writers/option-spec.js';
import { codeFingerprint } from './cache.js';
import { packageTemplateFiles, walkFiles } from './io.js';

const SCHEMA = 'ladderc-stamp/1';

/** What a rebuild prints, per mode: `build` (write) and `build --check`. */
export interface Replay {
  stdout: string;
  stderr: string;
  code: number;
}

export interface Stamp {
  schema: typeof SCHEMA;
  key: string;
  /** out/ as the build left it: one "path size mtime-ns inode" line per file, sorted. */
  out: string[];
  write: Replay;
  check: Replay;
}

/** Things besides the options that shape what a build prints. */
export interface StampExtras {
  reporter: string;
  color: boolean;
  sourceDateEpoch?: string;
}

/**
 * The build's key, or undefined when a source cannot be read or a path is missing (the build then
 * runs and says so). `collected`: the sources as the build collects them (its own folders left out).
 */
export function stampKey(options: Options, extras: StampExtras, collected: { sources: ReadonlyArray<{ path: string; bytes: Uint8Array }>; errors: readonly string[]; skipped?: readonly string[] }): string | undefined {
  const hash = createHash('sha256');
  const part = (label: string, value: string | Uint8Array): void => {
    hash.update(label);
    hash.update('\0');
    hash.update(value);
    hash.update('\0');
  };
  part('schema', SCHEMA);
  part('code', codeFingerprint());
  part('options', stableJson(options));
  part('extras', stableJson(extras));
  if (collected.errors.length || collected.sources.length === 0) return undefined;
  for (const source of collected.sources) part(`source ${source.path}`, createHash('sha256').update(source.bytes).digest('hex'));
  for (const path of collected.skipped ?? []) part('skipped', path);
  for (const file of packageTemplateFiles()) part(`template ${file.path}`, file.bytes);
  if (options.templates) {
    try {
      for (const file of walkFiles(options.templates)) part(`override ${file}`, readFileSync(file));
    } catch {
      return undefined;
    }
  }
  for (const writer of WRITERS) {
    if (!options.formats.includes(writer.id)) continue;
    for (const spec of writer.options ?? []) {
      if (spec.kind.type !== 'file') continue;
      const value = getPath(options.writers[writer.id], spec.key);
      if (typeof value !== 'string') continue;
      try {
        part(`file option ${writer.id}.${spec.key}`, readFileSync(absolute(value, options.cwd)));
      } catch {
        return undefined;
      }
    }
  }
  return hash.digest('hex');
}

/** Every file below out/, hidden ones included (a lock or a staging folder left behind must not match). */
export function outListing(outDir: string): string[] | undefined {
  const lines: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(full, `${path}/`);
      else {
        const stat = lstatSync(full, { bigint: true });
        lines.push(`${path} ${entry.isFile() ? 'f' : 'o'} ${stat.size} ${stat.mtimeNs} ${stat.ino}`);
      }
    }
  };
  try {
    walk(outDir, '');
  } catch {
    return undefined;
  }
  return lines.sort();
}

function stampFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, 'stamp', `${createHash('sha256').update(outDir).digest('hex').slice(0, 32)}.json`);
}

/** The stored stamp for this out/, when there is one and it reads back whole. */
export function readStamp(cacheDir: string, outDir: string): Stamp | undefined {
  try {
    const value = JSON.parse(readFileSync(stampFile(cacheDir, outDir), 'utf8')) as Stamp;
    if (value.schema !== SCHEMA || typeof value.key !== 'string' || !Array.isArray(value.out)) return undefined;
    for (const replay of [value.write, value.check]) {
      if (!replay || typeof replay.stdout !== 'string' || typeof replay.stderr !== 'string' || typeof replay.code !== 'number') return undefined;
    }
    return value;
  } catch {
    return undefined;
  }
}

/** The replay for this build, when the stamp's key and out/ both match. */
export function matchingReplay(stamp: Stamp | undefined, key: string | undefined, outDir: string, mode: 'write' | 'check'): Replay | undefined {
  if (!stamp || key === undefined || stamp.key !== key) return undefined;
  const listing = outListing(outDir);
  if (!listing || listing.length !== stamp.out.length || listing.some((line, i) => line !== stamp.out[i])) return undefined;
  return stamp[mode];
}

/** Stores the stamp (temporary file, then rename); a failure only costs the next build its shortcut. */
export function writeStamp(cacheDir: string, outDir: string, stamp: Omit<Stamp, 'schema' | 'out'>): void {
  const listing = outListing(outDir);
  if (!listing) return;
  const file = stampFile(cacheDir, outDir);
  const value: Stamp = { schema: SCHEMA, key: stamp.key, out: listing, write: stamp.write, check: stamp.check };
  try {
    mkdirSync(join(cacheDir, 'stamp'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
  } catch {
    // a read-only or full cache folder: the next build simply runs
  }
}
