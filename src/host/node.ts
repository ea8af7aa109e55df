// The pipeline's Host on Node's file system: the one object through which a build touches disk.

import { existsSync, readFileSync } from 'node:fs';
import type { Host } from '../pipeline/host.js';
import { absolute } from '../pipeline/paths.js';
import { DiskCache } from './cache.js';
import { collectSources, loadAsset, loadTemplateSet, packageVersion } from './io.js';
import { compareOutputs, findConflictDetails, writeOutputsAtomically } from './output.js';

export function nodeHost(cwd: string, env: Readonly<Record<string, string | undefined>>): Host {
  let version: string | undefined;
  return {
    cwd,
    env,
    version: () => (version ??= packageVersion()),
    exists: (path) => existsSync(absolute(path, cwd)),
    readText: (path) => readFileSync(absolute(path, cwd), 'utf8'),
    readBytes: (path) => new Uint8Array(readFileSync(absolute(path, cwd))),
    collectSources: (paths, exclude) => collectSources(paths, cwd, exclude),
    templates: (folder, overrideDir) => loadTemplateSet(folder, overrideDir, cwd),
    asset: (specifier) => loadAsset(specifier),
    cache: (dir, readOnly) => new DiskCache(dir, { readOnly }),
    compareOutputs: (outDir, files) => compareOutputs(outDir, files),
    findConflicts: (outDir, files) => findConflictDetails(outDir, files),
    writeOutputs: (outDir, files, manifest) => writeOutputsAtomically(outDir, files, manifest),
  };
}
