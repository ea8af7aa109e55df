// The pipeline's Host on Node's file system: the one object through which a build touches disk.

import { existsSync, readFileSync } from 'node:fs';
import type { Host } from '../pipeline/host.js';
import { absolute } from '../pipeline/paths.js';
import { DiskCache } from './cache.js';
import { memoryRelief } from './memory.js';
import { collectSources, loadAsset, loadTemplateSet, packageVersion, precompiledTemplates } from './io.js';
import { OutputCheckSession, OutputWriteSession, type WriteHooks } from './output.js';

export function nodeHost(cwd: string, env: Readonly<Record<string, string | undefined>>): Host {
  let version: string | undefined;
  // Read once per host, not once per format (every format's templates are in the one file).
  let precompiled: ReturnType<typeof precompiledTemplates> | undefined;
  return {
    cwd,
    env,
    version: () => (version ??= packageVersion()),
    exists: (path) => existsSync(absolute(path, cwd)),
    readText: (path) => readFileSync(absolute(path, cwd), 'utf8'),
    readBytes: (path) => new Uint8Array(readFileSync(absolute(path, cwd))),
    collectSources: (paths, exclude) => collectSources(paths, cwd, exclude),
    templates: (folder, overrideDir) => loadTemplateSet(folder, overrideDir, cwd, (precompiled ??= precompiledTemplates())),
    asset: (specifier) => loadAsset(specifier),
    cache: (dir, readOnly) => new DiskCache(dir, { readOnly }),
    openCheck: (outDir) => new OutputCheckSession(outDir),
    openWrite: (outDir) => new OutputWriteSession(outDir, writeHooks(env)),
    relieve: memoryRelief(env),
  };
}

/**
 * TEST HOOK, not a feature: LADDERC_TEST_WRITE_DELAY_MS=<ms> makes the build sleep that long
 * (synchronously, as the write itself is) after each rename into out/, so that tests can send a
 * signal or SIGKILL to a real build in the middle of its write. Unset, nothing changes; set, the
 * build only gets slower.
 */
function writeHooks(env: Readonly<Record<string, string | undefined>>): WriteHooks {
  const ms = Number(env.LADDERC_TEST_WRITE_DELAY_MS);
  if (!Number.isFinite(ms) || ms <= 0) return {};
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return { afterRename: () => void Atomics.wait(cell, 0, 0, Math.min(ms, 60_000)) };
}
