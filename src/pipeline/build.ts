// A whole build as one function: collect → compile → link → render → plan, then check or write
// through the host. The CLI's build and check commands and the API's build() all call it.

import { diagnostic, exitCodeFor, EXIT_OK, EXIT_SOURCE_ERRORS, type Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model.js';
import type { Options } from '../options.js';
import { writerFor, type OutputFormat } from '../writers/index.js';
import { getPath } from '../writers/option-spec.js';
import { compileSources, emptyStats, type BuildHooks, type BuildStats } from './compile.js';
import type { CacheCounters, CheckSession, Conflict, Host, OutputSink, WriteResult, WriteSession } from './host.js';
import type { CrosswalkInput } from './crosswalk.js';
import { linkLadders } from './link.js';
import { absolute, displayPath, ownPaths, projectFolder } from './paths.js';
import { checkFindings, manifestOf, manifestOptions, manifestText, MANIFEST, type Manifest, type ManifestEntry } from './plan.js';
import { LadderTexts, sourceDateEpoch, streamOutputs, type WriterResources } from './render.js';

/** What to do with the files: compile only, compare with out/, or write out/. */
export type BuildMode = 'compile' | 'check' | 'write';

export interface BuildRequest {
  options: Options;
  mode: BuildMode;
  hooks?: Omit<BuildHooks, 'cache' | 'stats' | 'version'>;
  /** Wraps the write (the CLI holds back Ctrl-C while out/ is replaced). */
  guardWrite?: <T>(write: () => T) => Promise<{ result: T; interrupted?: string }>;
  /**
   * Whether the outcome keeps every ladder's model (`ladders`; default true, as the API promises).
   * The CLI needs only `summaries`: without the models a build of 1,000 ladders holds their JSON
   * text alone while it renders.
   */
  keepLadders?: boolean;
}

/** What the build summary says of a ladder: its id and how much of its source it kept. */
export interface LadderSummary {
  id: string;
  source: { path: string; coverage?: number };
}

export interface BuildOutcome {
  /** EXIT_OK or EXIT_SOURCE_ERRORS (usage and environment errors are in `usageErrors`). */
  code: number;
  /** Where the build stopped. */
  stage: 'usage' | 'sources' | 'render' | 'compiled' | 'checked' | 'conflicts' | 'written';
  /** Paths that do not exist, unreadable files, no sources: the caller reports them as usage errors. */
  usageErrors: string[];
  sourceCount: number;
  /** The linked ladders (empty when the request set keepLadders: false). */
  ladders: Ladder[];
  /** Every ladder's id and coverage, in order. */
  summaries: LadderSummary[];
  /** Every file the build produced, as the manifest lists it (path, format, bytes, sha256): the bytes are in out/. */
  files: ManifestEntry[];
  diagnostics: Diagnostic[];
  manifest?: Manifest;
  /** `check` mode: the stale, missing and unexpected files, as error diagnostics. */
  findings?: Diagnostic[];
  conflicts?: Conflict[];
  written?: WriteResult;
  interrupted?: string;
  stats: BuildStats;
  /** The cache's own counts, when there was a cache. */
  cache?: CacheCounters;
  /** The out folder as people see it ("out"). */
  outDisplay: string;
  /** Each source's path as people see it (relative to the working folder), by its path in the model. */
  shownPaths: Map<string, string>;
}

/** The writer resources of a build, from the host: templates, declared assets, file options' bytes. */
export function hostResources(options: Options, host: Host): WriterResources {
  return {
    templates: (format) => host.templates(writerFor(format)?.templateFolder ?? format, options.templates),
    assets: (format: OutputFormat) => {
      const entry = writerFor(format);
      const assets: Record<string, Uint8Array> = {};
      for (const [key, specifier] of Object.entries(entry?.assets ?? {})) assets[key] = host.asset(specifier);
      for (const spec of entry?.options ?? []) {
        if (spec.kind.type !== 'file') continue;
        const value = getPath(options.writers[format], spec.key);
        if (typeof value === 'string') assets[spec.key] = host.readBytes(absolute(value, options.cwd));
      }
      return assets;
    },
  };
}

/** The config's crosswalk pins, with the config file's display path for messages. */
export function crosswalkInput(options: Options): CrosswalkInput {
  const input: CrosswalkInput = {};
  if (options.crosswalk) input.pins = options.crosswalk;
  if (options.configFile) input.pinsFile = displayPath(options.configFile, options.cwd);
  return input;
}

export async function runBuild(request: BuildRequest, host: Host): Promise<BuildOutcome> {
  const { options, mode } = request;
  const stats = emptyStats();
  const outDisplay = displayPath(options.outDir, options.cwd);
  const outcome: BuildOutcome = { code: EXIT_OK, stage: 'usage', usageErrors: [], sourceCount: 0, ladders: [], summaries: [], files: [], diagnostics: [], stats, outDisplay, shownPaths: new Map() };

  // `ladderc build .` must not read its own output or cache as ladders.
  const collected = host.collectSources(options.paths, ownPaths(options));
  outcome.usageErrors.push(...collected.errors);
  if (collected.sources.length === 0 && collected.errors.length === 0) outcome.usageErrors.push(`no source files found in ${options.paths.join(', ')}`);
  if (outcome.usageErrors.length) return outcome;
  outcome.sourceCount = collected.sources.length;
  // Source paths as the model, the outputs and the cache see them: relative to the project folder.
  const cwd = options.cwd;
  const found = collected.sources.map((s) => ({ full: absolute(s.path, cwd), bytes: s.bytes }));
  const project = options.project ?? projectFolder(options.configFile, options.paths.map((p) => absolute(p, cwd)), found.map((s) => s.full)) ?? cwd;
  const sources = found.map((s) => ({ path: displayPath(s.full, project), bytes: s.bytes }));
  // …while diagnostics point where the person running the build can open them: relative to cwd.
  const shown = new Map(found.map((s, i) => [sources[i]!.path, displayPath(s.full, cwd)]));
  outcome.shownPaths = shown;
  const forPeople = (d: Diagnostic): Diagnostic => {
    const file = shown.get(d.file);
    return file === undefined || file === d.file ? d : { ...d, file };
  };

  const writes = mode === 'write';
  const cache = options.cacheDir ? host.cache(options.cacheDir, !writes) : undefined;
  const relieve = host.relieve?.bind(host) ?? (() => {});
  const onStep = request.hooks?.onStep;
  const hooks: BuildHooks = {
    ...request.hooks,
    stats,
    version: host.version(),
    onStep: (label) => {
      relieve();
      onStep?.(label);
    },
  };
  if (cache) {
    hooks.cache = cache;
    if (cache.counters) outcome.cache = cache.counters;
  }

  const compiled = await compileSources(sources, options, hooks);
  // The source bytes are no longer needed (the models keep their hashes).
  collected.sources.length = 0;
  sources.length = 0;
  found.length = 0;
  const linked = linkLadders(compiled.ladders, crosswalkInput(options));
  compiled.ladders.length = 0;
  outcome.summaries = linked.ladders.map((l) => ({ id: l.id, source: l.source.coverage === undefined ? { path: l.source.path } : { path: l.source.path, coverage: l.source.coverage } }));
  if (request.keepLadders !== false) outcome.ladders = linked.ladders;
  const diagnostics = outcome.diagnostics;
  for (const path of collected.skipped ?? []) {
    diagnostics.push(diagnostic('warning', 'skipped-link', 'not read: a symbolic link (or a FIFO, socket or device), which ladderc never follows inside a folder', path, undefined, 'put the file itself in the folder, or name the link\'s target on the command line'));
  }
  for (const d of compiled.diagnostics) diagnostics.push(forPeople(d));
  for (const d of linked.diagnostics) diagnostics.push(forPeople(d));
  const failed = () => exitCodeFor(diagnostics, options.strict) !== EXIT_OK;
  if (mode === 'compile') {
    outcome.stage = 'compiled';
    outcome.code = exitCodeFor(diagnostics, options.strict);
    return outcome;
  }
  if (failed()) {
    outcome.stage = 'sources';
    outcome.code = EXIT_SOURCE_ERRORS;
    return outcome;
  }

  const epoch = sourceDateEpoch(host.env);
  // Each rendered file goes straight to out/'s staging folder (or is compared with out/) and only
  // its manifest entry is kept: memory stays flat however many ladders there are.
  const check: CheckSession | undefined = mode === 'check' ? host.openCheck(options.outDir) : undefined;
  const session: WriteSession | undefined = mode === 'write' ? host.openWrite(options.outDir) : undefined;
  const sink: OutputSink = (check ?? session)!;
  try {
    // From here on the models are JSON text, each parsed when it is rendered (LadderTexts).
    const ladders = request.keepLadders === false ? new LadderTexts(linked.ladders) : linked.ladders;
    if (request.keepLadders === false) linked.ladders.length = 0;
    const rendered = await streamOutputs(ladders, options, hostResources(options, host), { version: host.version(), sourceDateEpoch: epoch, crosswalk: linked.crosswalk }, hooks, (file) => {
      outcome.files.push(sink.add(file));
      relieve();
    });
    for (const d of rendered.diagnostics) diagnostics.push(forPeople(d));
    outcome.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (failed()) {
      outcome.stage = 'render';
      outcome.code = EXIT_SOURCE_ERRORS;
      return outcome;
    }
    const manifest: Manifest = manifestOf(host.version(), manifestOptions(options, project), outcome.files);
    outcome.manifest = manifest;

    if (check) {
      check.add({ path: MANIFEST, format: 'manifest', contents: manifestText(manifest) });
      outcome.findings = checkFindings(check.finish(), outDisplay);
      outcome.stage = 'checked';
      outcome.code = outcome.findings.length ? EXIT_SOURCE_ERRORS : EXIT_OK;
      return outcome;
    }

    const conflicts: Conflict[] = session!.conflicts;
    if (conflicts.length) {
      outcome.conflicts = conflicts;
      outcome.stage = 'conflicts';
      return outcome;
    }
    const write = () => session!.commit(manifest);
    if (request.guardWrite) {
      const guarded = await request.guardWrite(write);
      outcome.written = guarded.result;
      if (guarded.interrupted) outcome.interrupted = guarded.interrupted;
    } else outcome.written = write();
    cache?.prune();
    outcome.stage = 'written';
    return outcome;
  } finally {
    session?.abort();
  }
}
