// The incremental build cache: content-addressed entries on disk, each verified before it is trusted.
//
// An entry is a JSON envelope holding a payload string, the payload's sha256, the key it was stored
// under and the fingerprint of the ladderc code that wrote it. A read that finds anything amiss (bad
// JSON, wrong key, other code, checksum mismatch) is a miss: the cache can make a build faster,
// never different. Writes go to a temporary file renamed into place, and every error is swallowed
// (counted for the debug line): a full disk or a read-only checkout must not fail a build.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheCounters, ContentCache } from '../pipeline/host.js';
import { packageRoot, packageVersion } from './io.js';

export type { CacheCounters, ContentCache } from '../pipeline/host.js';

const ENVELOPE = 'ladderc-cache/1';

export type CacheKind = 'read' | 'render';


interface Envelope {
  format: string;
  kind: string;
  key: string;
  fingerprint: string;
  sha256: string;
  payload: string;
}

export function sha256Text(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Identifies the ladderc code that produced an entry: the version, the installed dependency set and
 * every compiled module's bytes. The version alone is not enough: during development the version
 * stays put while readers and writers change, and a cache that outlives a code change would serve
 * output the current code would not produce.
 */
export function codeFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`ladderc ${packageVersion()}\n`);
  try {
    hash.update(readFileSync(join(packageRoot(), 'package-lock.json')));
  } catch {
    // an installed package has no lock file; its version and code still identify it
  }
  // The compiled code: this module's folder's parent (src/ or dist/src/).
  const codeRoot = dirname(dirname(fileURLToPath(import.meta.url)));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ['.js', '.ts'].includes(extname(entry.name)) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  try {
    walk(codeRoot);
  } catch {
    // unreadable code folder: fall back to the version and lock file
  }
  for (const file of files.sort()) {
    hash.update(relative(codeRoot, file).split(sep).join('/'));
    hash.update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('unreadable');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * A cache in a folder: `<dir>/<kind>/<first two hex digits>/<key>.json`. `readOnly` serves hits
 * but stores nothing (`--check` promises to write nothing).
 */
export class DiskCache implements ContentCache {
  readonly counters: CacheCounters = { hits: 0, misses: 0, rejected: 0, writes: 0, errors: 0 };
  readonly #fingerprint: string;

  constructor(
    readonly dir: string,
    readonly options: { readOnly?: boolean; fingerprint?: string } = {},
  ) {
    this.#fingerprint = options.fingerprint ?? codeFingerprint();
  }

  #file(kind: CacheKind, key: string): string {
    return join(this.dir, kind, key.slice(0, 2), `${key}.json`);
  }

  get(kind: CacheKind, key: string): string | undefined {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`cache keys are sha256 digests, not "${key}"`);
    let text: string;
    try {
      text = readFileSync(this.#file(kind, key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.counters.errors += 1;
      this.counters.misses += 1;
      return undefined;
    }
    const payload = this.#verify(text, kind, key);
    if (payload === undefined) {
      this.counters.rejected += 1;
      this.counters.misses += 1;
      return undefined;
    }
    this.counters.hits += 1;
    if (!this.options.readOnly) {
      // A hit counts as use: pruning removes the entries unused longest.
      try {
        const now = new Date();
        utimesSync(this.#file(kind, key), now, now);
      } catch {
        // pruning just sees an older entry
      }
    }
    return payload;
  }

  /**
   * Keeps the cache from growing without bound (a PDF rendering is megabytes): removes entries
   * unused for `maxAgeDays`, then the least recently used until the cache fits `maxBytes`. Runs at
   * most once an hour per cache (a marker file's mtime says when it last ran). Never throws.
   */
  prune(options: { maxAgeDays?: number; maxBytes?: number; now?: number } = {}): number {
    if (this.options.readOnly) return 0;
    const now = options.now ?? Date.now();
    const marker = join(this.dir, '.pruned');
    try {
      if (now - statSync(marker).mtimeMs < 3600_000) return 0;
    } catch {
      // never pruned
    }
    const maxAge = (options.maxAgeDays ?? 14) * 86400_000;
    const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
    const entries: Array<{ path: string; mtime: number; size: number }> = [];
    for (const kind of ['read', 'render'] as const) {
      const walk = (d: string): void => {
        let list;
        try {
          list = readdirSync(d, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of list) {
          const full = join(d, e.name);
          if (e.isDirectory()) walk(full);
          else {
            try {
              const st = statSync(full);
              entries.push({ path: full, mtime: st.mtimeMs, size: st.size });
            } catch {
              // vanished meanwhile
            }
          }
        }
      };
      walk(join(this.dir, kind));
    }
    entries.sort((a, b) => a.mtime - b.mtime);
    let total = entries.reduce((n, e) => n + e.size, 0);
    let removed = 0;
    for (const e of entries) {
      // Temporary files of a crashed write are old by now too.
      if (now - e.mtime <= maxAge && total <= maxBytes) break;
      try {
        rmSync(e.path, { force: true });
        total -= e.size;
        removed += 1;
      } catch {
        this.counters.errors += 1;
      }
    }
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(marker, '');
    } catch {
      this.counters.errors += 1;
    }
    return removed;
  }

  #verify(text: string, kind: CacheKind, key: string): string | undefined {
    let envelope: Partial<Envelope>;
    try {
      envelope = JSON.parse(text) as Partial<Envelope>;
    } catch {
      return undefined;
    }
    if (typeof envelope !== 'object' || envelope === null) return undefined;
    if (envelope.format !== ENVELOPE || envelope.kind !== kind || envelope.key !== key) return undefined;
    if (envelope.fingerprint !== this.#fingerprint) return undefined;
    if (typeof envelope.payload !== 'string' || envelope.sha256 !== sha256Text(envelope.payload)) return undefined;
    return envelope.payload;
  }

  put(kind: CacheKind, key: string, payload: string): void {
    if (this.options.readOnly) return;
    const file = this.#file(kind, key);
    const envelope: Envelope = { format: ENVELOPE, kind, key, fingerprint: this.#fingerprint, sha256: sha256Text(payload), payload };
    // A unique temporary name, so two builds sharing a cache never write into each other's file.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temp, JSON.stringify(envelope));
      renameSync(temp, file);
      this.counters.writes += 1;
    } catch {
      this.counters.errors += 1;
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do: the entry simply is not cached
      }
    }
  }
}

/** Size of a cache folder in bytes (for the bench script and debug line); 0 when missing. */
export function cacheSize(dir: string): number {
  let total = 0;
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        try {
          total += statSync(full).size;
        } catch {
          // vanished meanwhile
        }
      }
    }
  };
  walk(dir);
  return total;
}
