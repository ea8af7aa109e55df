// Writing out/: the manifest, --check comparison, and atomic replacement that never touches a
// file ladderc did not write itself.

import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Conflict, WriteResult } from '../pipeline/host.js';
import { bytesOf, MANIFEST, manifestText, sha256, type Manifest, type ManifestEntry, type StaleReport } from '../pipeline/plan.js';

export { MANIFEST, buildManifest, bytesOf, manifestText, sha256, type Manifest, type ManifestEntry, type StaleReport } from '../pipeline/plan.js';
export type { Conflict, WriteResult } from '../pipeline/host.js';

/** The manifest a previous build left, or undefined when there is none or it is not ladderc's. */
export function readManifest(outDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Partial<Manifest> | null;
    if (!m || typeof m.ladderc !== 'string' || !Array.isArray(m.files)) return undefined;
    if (!m.files.every((f) => f && typeof f.path === 'string')) return undefined;
    return m as Manifest;
  } catch {
    return undefined;
  }
}

function sameBytes(path: string, want: Uint8Array): boolean {
  try {
    const have = readFileSync(path);
    return have.length === want.length && have.equals(want);
  } catch {
    // a folder, a dangling link or an unreadable file is never what the build would write
    return false;
  }
}

/** What a build records of each file it produced: the manifest entry (the bytes are gone once written). */
export function entryOf(file: { path: string; format?: string; ladder?: string; track?: string }, bytes: Uint8Array): ManifestEntry {
  const entry: ManifestEntry = { path: file.path, format: file.format ?? '', bytes: bytes.length, sha256: sha256(bytes) };
  if (file.ladder !== undefined) entry.ladder = file.ladder;
  if (file.track !== undefined) entry.track = file.track;
  return entry;
}

/**
 * `--check` one file at a time: each file is compared with out/ as it is rendered and then
 * forgotten (only its path is kept, for the "no longer generated" test at the end).
 */
export class OutputCheckSession {
  readonly #report: StaleReport = { stale: [], missing: [], unexpected: [] };
  readonly #produced = new Set<string>();
  constructor(readonly outDir: string) {}

  add(file: { path: string; format?: string; ladder?: string; track?: string; contents: string | Uint8Array }): ManifestEntry {
    const bytes = bytesOf(file.contents);
    this.#produced.add(file.path);
    const target = join(this.outDir, file.path);
    if (!staysInside(this.outDir, file.path)) this.#report.stale.push(file.path);
    else if (!existsSync(target)) this.#report.missing.push(file.path);
    else if (!sameBytes(target, bytes)) this.#report.stale.push(file.path);
    return entryOf(file, bytes);
  }

  finish(): StaleReport {
    const report = this.#report;
    for (const entry of readManifest(this.outDir)?.files ?? []) {
      if (!this.#produced.has(entry.path) && safeRelative(entry.path) && staysInside(this.outDir, entry.path) && existsSync(join(this.outDir, entry.path))) report.unexpected.push(entry.path);
    }
    for (const list of [report.stale, report.missing, report.unexpected]) list.sort(byString);
    const interrupted = interruptedWrites(this.outDir);
    if (interrupted.length) report.interrupted = interrupted;
    return report;
  }
}

/** Compares what a build would write with out/, writing nothing. */
export function compareOutputs(outDir: string, files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): StaleReport {
  const session = new OutputCheckSession(outDir);
  for (const f of files) session.add(f);
  return session.finish();
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Everything in out/ that a build would have to overwrite or remove although no earlier ladderc
 * build wrote it (a person's file): files at generated paths that the previous manifest does not
 * list, files or folders standing where the build needs the other kind, and a manifest.json that is
 * not ladderc's. The build refuses rather than touch them.
 */
export function findConflictDetails(outDir: string, files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): Conflict[] {
  if (!existsSync(outDir)) return [];
  const top = outDirConflict(outDir);
  if (top) return [top];
  const checker = conflictChecker(outDir, new Set(generatedBefore(outDir).map((f) => f.path)));
  for (const f of files) checker.check(f.path, bytesOf(f.contents));
  checker.checkManifest();
  return checker.conflicts.sort((a, b) => byString(a.path, b.path));
}

/** out/ itself must be a folder, or a symbolic link to one (followed once; see staysInside). */
function outDirConflict(outDir: string): Conflict | undefined {
  if (!existsSync(outDir)) return undefined;
  if (!isDirectory(outDir) && !(lstatOrUndefined(outDir)?.isSymbolicLink() && statIsDirectory(outDir))) return { path: '.', reason: 'the output folder is a file' };
  return undefined;
}

/**
 * The conflict test one file at a time (a build streams its files): `listed` are the paths earlier
 * builds generated. Conflicts accumulate in `conflicts`; check returns whether this file had one.
 */
function conflictChecker(outDir: string, listed: ReadonlySet<string>): { conflicts: Conflict[]; check(path: string, want: Uint8Array | undefined): boolean; checkManifest(): void } {
  const conflicts: Conflict[] = [];
  const seen = new Set<string>();
  const check = (path: string, want: Uint8Array | undefined): boolean => {
    const before = conflicts.length;
    if (!staysInside(outDir, path)) {
      conflicts.push({ path, reason: LEAVES });
      return true;
    }
    const parts = path.split('/');
    // A file where the build needs a folder (out/json as a file, say).
    for (let i = 1; i < parts.length; i += 1) {
      const folder = parts.slice(0, i).join('/');
      if (seen.has(folder)) return true;
      const stat = lstatOrUndefined(join(outDir, folder));
      if (!stat) return false;
      if (!stat.isDirectory()) {
        seen.add(folder);
        conflicts.push({ path: folder, reason: 'is a file where ladderc writes a folder' });
        return true;
      }
    }
    const stat = lstatOrUndefined(join(outDir, path));
    if (!stat) return false;
    if (stat.isDirectory()) conflicts.push({ path, reason: 'is a folder where ladderc writes a file' });
    else if (want && !listed.has(path) && !sameBytes(join(outDir, path), want)) {
      conflicts.push({ path, reason: 'exists and was not written by ladderc' });
    }
    return conflicts.length > before;
  };
  const checkManifest = (): void => {
    // manifest.json is ladderc's only when it reads as a ladderc manifest.
    check(MANIFEST, undefined);
    if (!readManifest(outDir) && existsSync(join(outDir, MANIFEST)) && isFile(join(outDir, MANIFEST))) {
      conflicts.push({ path: MANIFEST, reason: 'exists and is not a ladderc manifest' });
    }
  };
  return { conflicts, check, checkManifest };
}

/** The paths of findConflictDetails (kept for callers that only need to know which). */
export function findConflicts(outDir: string, files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): string[] {
  return findConflictDetails(outDir, files).map((c) => c.path);
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  return lstatOrUndefined(path)?.isDirectory() ?? false;
}

function statIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  return lstatOrUndefined(path)?.isFile() ?? false;
}

/**
 * Whether `path` (relative to out/) stays inside out/'s real folder once symbolic links are
 * resolved: the real path of its deepest existing parent folder must be out/'s real path or below
 * it. A path through `link -> ../elsewhere` does not, and ladderc never writes or removes there.
 * out/ itself may be a symbolic link: its real folder is then the one everything is confined to.
 */
export function staysInside(outDir: string, path: string): boolean {
  let root: string;
  try {
    root = realpathSync(outDir);
  } catch {
    return true; // no out/ yet: nothing in it can lead elsewhere
  }
  let dir = dirname(join(outDir, path));
  for (;;) {
    try {
      const real = realpathSync(dir);
      const rel = relative(root, real);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    } catch {
      const up = dirname(dir);
      if (up === dir) return false;
      dir = up;
    }
  }
}

const LEAVES = 'goes through a symbolic link out of the output folder';

function safeRelative(path: string): boolean {
  return !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((p) => p === '..' || p === '' || p === '.');
}

/** Staging folders are hidden (never read as sources, never listed) and named after their process. */
export const STAGING_PREFIX = '.ladderc-staging-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The manifest a build records in its staging folder before it renames anything into out/. */
const PENDING = 'pending-manifest.json';

function stagingFolders(outDir: string): Array<{ name: string; abandoned: boolean }> {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(STAGING_PREFIX))
    .map((name) => {
      const pid = Number(/^(\d+)/.exec(name.slice(STAGING_PREFIX.length))?.[1]);
      const running = Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid);
      return { name, abandoned: !running };
    });
}

/**
 * Every file an earlier build wrote or may have written: the manifest's entries, plus those of the
 * pending manifest of a build that died while renaming (its files are in out/, its manifest is
 * not). Without the latter, a crash part-way would turn ladderc's own files into "a person's files"
 * and block every later build.
 */
export function generatedBefore(outDir: string): ManifestEntry[] {
  const entries = [...(readManifest(outDir)?.files ?? [])];
  for (const folder of stagingFolders(outDir)) {
    if (!folder.abandoned) continue;
    try {
      const pending = JSON.parse(readFileSync(join(outDir, folder.name, PENDING), 'utf8')) as Partial<Manifest> | null;
      if (pending && Array.isArray(pending.files)) for (const f of pending.files) if (f && typeof f.path === 'string') entries.push(f);
    } catch {
      // no pending manifest: that build died before renaming anything
    }
  }
  return entries;
}

/**
 * Removes staging folders that a crashed or killed build left behind. A folder whose process is
 * still running belongs to a concurrent build and is left alone. Returns the names removed.
 */
export function removeStaleStaging(outDir: string): string[] {
  const removed: string[] = [];
  for (const { name, abandoned } of stagingFolders(outDir)) {
    if (!abandoned) continue;
    try {
      rmSync(join(outDir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // still there next time; it is hidden and never read
    }
  }
  return removed;
}

export class OutputConflictError extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super(conflicts.map((c) => `${c.path} ${c.reason}`).join('; '));
  }
}

/** The lock a writing build holds on out/: created exclusively, holding the build's pid. Hidden, so never listed. */
export const LOCK = '.ladderc-lock';

/** Another build, still running, holds out/'s lock. */
export class OutputLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number | undefined,
  ) {
    super(`${lockPath} is held by another ladderc build (pid ${pid ?? 'unknown'})`);
  }
}

/**
 * The file system refused a write into out/ (EACCES, EROFS, ENOSPC, ENOTDIR, …): an environment
 * problem, not a bug. Thrown by writeOutputsAtomically after it rolled back what it had renamed.
 */
export class OutputWriteError extends Error {
  override readonly cause: NodeJS.ErrnoException;
  /** The system's words for the code ("no space left on device"). */
  readonly detail: string;
  constructor(
    /** The path in out/ being written (or out/ itself, or the lock file). */
    readonly path: string,
    readonly code: string,
    cause: NodeJS.ErrnoException,
  ) {
    super(`${path}: cannot write (${code}: ${describeSystemError(cause)})`);
    this.cause = cause;
    this.detail = describeSystemError(cause);
  }
}

/** "no space left on device" out of "ENOSPC: no space left on device, write". */
function describeSystemError(error: NodeJS.ErrnoException): string {
  const m = /^[A-Z0-9]+: ([^,]+)/.exec(error.message);
  return m?.[1] ?? error.message;
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

/** Locks held by this process (a lock naming our own pid that we do not hold is stale: pid reuse). */
const heldLocks = new Set<string>();

function lockHolder(path: string): { alive: boolean; pid?: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { alive: false };
    throw error;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    // Just created and not written yet (or garbage): a fresh one counts as held.
    let age = Infinity;
    try {
      age = Date.now() - statSync(path).mtimeMs;
    } catch {
      // gone meanwhile
    }
    return { alive: age < 5000 };
  }
  if (pid === process.pid) return { alive: heldLocks.has(path), pid };
  return { alive: processAlive(pid), pid };
}

/**
 * Takes out/'s lock (out/ must exist): the lock file is created with 'wx', so only one build can
 * create it. A lock whose pid is no longer alive was left by a killed build and is taken over.
 * Returns the release function; throws OutputLockedError while another build holds it.
 */
export function acquireOutputLock(outDir: string): () => void {
  const path = join(outDir, LOCK);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      heldLocks.add(path);
      return () => {
        heldLocks.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const holder = lockHolder(path);
    if (holder.alive) throw new OutputLockedError(path, holder.pid);
    rmSync(path, { force: true }); // stale: the build that took it is gone
  }
}

/** Test hooks of writeOutputsAtomically (the CLI passes only `afterRename`, for LADDERC_TEST_WRITE_DELAY_MS). */
export interface WriteHooks {
  /** Replaces the fs calls the write makes, so that a test can make one fail (ENOSPC, say). */
  fs?: Partial<Pick<typeof import('node:fs'), 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'linkSync' | 'rmSync'>>;
  /** Called after each rename into out/. */
  afterRename?: (path: string) => void;
}

/**
 * What a build writes into its staging folder before its first rename: which files it replaces
 * (and whether each had an old version), which it removes, and which folders it creates. With the
 * old versions kept in staging/old, this is enough to undo a build killed part-way (recoverOutputs).
 */
const PLAN = 'plan.json';

interface WritePlan {
  replace: Array<{ path: string; existed: boolean }>;
  remove: string[];
  createdDirs: string[];
}

function hasFiles(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) => !e.isDirectory() || hasFiles(join(dir, e.name)));
}

function readPlan(staging: string): WritePlan | undefined {
  try {
    const plan = JSON.parse(readFileSync(join(staging, PLAN), 'utf8')) as Partial<WritePlan> | null;
    if (!plan || !Array.isArray(plan.replace) || !Array.isArray(plan.remove) || !Array.isArray(plan.createdDirs)) return undefined;
    return plan as WritePlan;
  } catch {
    return undefined;
  }
}

/**
 * Abandoned staging folders (their build's process is gone) whose build had started renaming into
 * out/ and not finished: out/ is then a mix of old and new files.
 */
export function interruptedWrites(outDir: string): string[] {
  return stagingFolders(outDir)
    .filter((f) => f.abandoned && readPlan(join(outDir, f.name)) !== undefined && hasFiles(join(outDir, f.name, 'new')))
    .map((f) => f.name);
}

/** Puts back what a plan's build replaced or removed, and takes away what it added. Best effort per file. */
function undoPlan(outDir: string, staging: string, plan: WritePlan, fs: Required<NonNullable<WriteHooks['fs']>>): void {
  const restore = (path: string): void => {
    const old = join(staging, 'old', path);
    if (!existsSync(old)) return;
    fs.mkdirSync(dirname(join(outDir, path)), { recursive: true });
    fs.renameSync(old, join(outDir, path));
  };
  for (const path of plan.remove) {
    if (!safeRelative(path) || !staysInside(outDir, path)) continue;
    try {
      restore(path);
    } catch {
      // best effort: the rest is still restored
    }
  }
  for (const r of [...plan.replace].reverse()) {
    if (!safeRelative(r.path) || !staysInside(outDir, r.path)) continue;
    try {
      if (r.existed) restore(r.path);
      // A new file: renamed into place when it is no longer in staging/new.
      else if (!existsSync(join(staging, 'new', r.path)) && isFile(join(outDir, r.path))) fs.rmSync(join(outDir, r.path), { force: true });
    } catch {
      // best effort
    }
  }
  for (const d of [...plan.createdDirs].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(outDir, d));
    } catch {
      // not empty (or gone): left
    }
  }
}

/**
 * Rolls back every build that was killed while renaming into out/ (its staging folder, its process
 * gone, still holds files to rename): the old versions kept aside go back, the new files that had
 * none are removed, so out/ is again wholly the tree before that build. Call with out/'s lock held.
 * Returns the staging folders rolled back.
 */
export function recoverOutputs(outDir: string, hooks: WriteHooks = {}): string[] {
  const fs = writeFs(hooks);
  const recovered: string[] = [];
  for (const name of interruptedWrites(outDir)) {
    const staging = join(outDir, name);
    undoPlan(outDir, staging, readPlan(staging)!, fs);
    fs.rmSync(staging, { recursive: true, force: true });
    recovered.push(name);
  }
  return recovered;
}

function writeFs(hooks: WriteHooks): Required<NonNullable<WriteHooks['fs']>> {
  return { writeFileSync, renameSync, mkdirSync, linkSync, rmSync, ...hooks.fs };
}

/**
 * Replaces out/ with the build's files, all or nothing as far as a file system allows:
 * 0. out/ is locked (out/.ladderc-lock) for the whole write, and a build killed earlier is rolled
 *    back first (recoverOutputs);
 * 1. every changed file is written into a staging folder inside out/ (same file system, so the
 *    renames below are atomic); a failure here leaves out/ untouched;
 * 2. the new manifest and the plan (what is replaced, removed, created) are recorded in the staging
 *    folder; then each file is renamed over its target, the old version hard-linked aside first;
 * 3. files the previous manifest listed and this build no longer produces are moved aside (so they
 *    too can be put back), unless a person edited them since (their hash no longer matches);
 * 4. the manifest is renamed last, so an interrupted build never claims files it did not write.
 * A failure part-way puts everything back and throws (OutputWriteError for the file system's
 * refusals); a build killed part-way is put back by the next one. Files nobody generated are never
 * overwritten (this refuses, as the CLI's findConflicts check does before) and never deleted.
 * Unchanged files are left alone, mtimes included.
 *
 * A build streams its files through an OutputWriteSession (step 1 happens as each file is
 * rendered, so no build holds all its outputs in memory); this is the same with all files at hand.
 */
export function writeOutputsAtomically(
  outDir: string,
  files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>,
  manifest: Manifest,
  hooks: WriteHooks = {},
): WriteResult {
  for (const f of files) {
    if (!safeRelative(f.path)) throw new Error(`refusing to write outside the output folder: ${f.path}`);
    if (f.path === MANIFEST) throw new Error(`${MANIFEST} is the build's own record; no writer may produce it`);
  }
  const early = findConflictDetails(outDir, files);
  if (early.length) throw new OutputConflictError(early);
  const session = new OutputWriteSession(outDir, hooks);
  try {
    for (const f of files) session.add(f);
    if (session.conflicts.length) throw new OutputConflictError(session.conflicts);
    return session.commit(manifest);
  } finally {
    session.abort();
  }
}

/**
 * One build's write into out/, a file at a time: opening takes the lock and recovers a killed
 * build; `add` stages a changed file (step 1 above) and forgets its bytes; `commit` does steps 2–4;
 * `abort` (idempotent, also after commit) removes the staging folder and releases the lock. A file
 * that conflicts (a person's file, a folder in the way) is noted in `conflicts` and nothing more is
 * staged: the caller reports the conflicts and aborts, and out/ stays as it was.
 */
export class OutputWriteSession {
  #top: Conflict | undefined;
  readonly #outDir: string;
  readonly #hooks: WriteHooks;
  readonly #fs: Required<NonNullable<WriteHooks['fs']>>;
  #release: (() => void) | undefined;
  #recovered: string[] = [];
  #previous: ManifestEntry[] = [];
  #checker: ReturnType<typeof conflictChecker> | undefined;
  #staging = '';
  #changed: Array<{ path: string; staged: string }> = [];
  readonly #produced = new Set<string>();
  #createdOut = false;
  #closed = false;
  #at: string;

  constructor(outDir: string, hooks: WriteHooks = {}) {
    this.#outDir = outDir;
    this.#hooks = hooks;
    this.#fs = writeFs(hooks);
    this.#at = outDir;
    const top = outDirConflict(outDir);
    if (top) {
      this.#top = top;
      this.#closed = true;
      return;
    }
    this.#guard(() => {
      this.#createdOut = !existsSync(outDir);
      this.#fs.mkdirSync(outDir, { recursive: true });
      this.#at = join(outDir, LOCK);
      this.#release = acquireOutputLock(outDir);
      this.#at = outDir;
      this.#recovered = recoverOutputs(outDir, hooks);
      // Read before the stale staging folders go: their pending manifests count as earlier builds'.
      this.#previous = generatedBefore(outDir);
      this.#checker = conflictChecker(outDir, new Set(this.#previous.map((f) => f.path)));
      this.#checker.checkManifest();
      removeStaleStaging(outDir);
      this.#staging = join(outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    });
  }

  /** What stands in the way so far, in path order. */
  get conflicts(): Conflict[] {
    if (this.#top) return [this.#top];
    return [...(this.#checker?.conflicts ?? [])].sort((a, b) => byString(a.path, b.path));
  }

  /** Runs a step; a failure releases everything, and a file system refusal becomes OutputWriteError. */
  #guard<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      this.abort();
      if (isSystemError(error)) throw new OutputWriteError(this.#at, error.code, error);
      throw error;
    }
  }

  /** One rendered file: checked for conflicts, staged when its bytes differ from out/'s. */
  add(file: { path: string; format?: string; ladder?: string; track?: string; contents: string | Uint8Array }): ManifestEntry {
    if (!safeRelative(file.path)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
    if (file.path === MANIFEST) throw new Error(`${MANIFEST} is the build's own record; no writer may produce it`);
    const bytes = bytesOf(file.contents);
    this.#produced.add(file.path);
    if (this.#closed || !this.#checker) return entryOf(file, bytes);
    // Once anything conflicts the build will not write: nothing more is staged.
    if (this.#checker.check(file.path, bytes) || this.#checker.conflicts.length) return entryOf(file, bytes);
    this.#guard(() => this.#stage(file.path, bytes));
    return entryOf(file, bytes);
  }

  #stage(path: string, bytes: Uint8Array): void {
    const target = join(this.#outDir, path);
    if (sameBytes(target, bytes)) return;
    const staged = join(this.#staging, 'new', path);
    this.#at = target;
    this.#fs.mkdirSync(dirname(staged), { recursive: true });
    this.#fs.writeFileSync(staged, bytes);
    this.#changed.push({ path, staged });
  }

  /** Steps 2–4: the plan, the renames, the removals, the manifest last. Then the session is closed. */
  commit(manifest: Manifest): WriteResult {
    if (this.conflicts.length) throw new OutputConflictError(this.conflicts);
    if (this.#closed) throw new Error('commit: the write session is closed');
    const result = this.#guard(() => {
      this.#stage(MANIFEST, bytesOf(manifestText(manifest)));
      return commitStaged(this.#outDir, this.#staging, manifest, this.#changed, this.#produced, this.#previous, this.#hooks, this.#fs, (path) => {
        this.#at = path;
      });
    });
    this.abort();
    return this.#recovered.length ? { ...result, recovered: this.#recovered } : result;
  }

  /** Removes the staging folder and releases the lock (out/ as it was, unless commit ran). Idempotent. */
  abort(): void {
    if (this.#closed && !this.#release) return;
    this.#closed = true;
    if (this.#staging) {
      try {
        this.#fs.rmSync(this.#staging, { recursive: true, force: true });
      } catch {
        // hidden; removed by the next build
      }
    }
    const release = this.#release;
    this.#release = undefined;
    release?.();
    // A build that wrote nothing leaves no empty out/ behind it.
    if (this.#createdOut) {
      try {
        if (readdirSync(this.#outDir).length === 0) rmdirSync(this.#outDir);
      } catch {
        // not empty, or gone
      }
    }
  }
}

function commitStaged(
  outDir: string,
  staging: string,
  manifest: Manifest,
  changedAll: ReadonlyArray<{ path: string; staged: string }>,
  produced: ReadonlySet<string>,
  previous: readonly ManifestEntry[],
  hooks: WriteHooks,
  fs: Required<NonNullable<WriteHooks['fs']>>,
  working: (path: string) => void,
): WriteResult {
  const aside = join(staging, 'old');
  const fresh = join(staging, 'new');
  // Renamed in path order, whatever order the files were rendered in.
  const changed = [...changedAll].sort((a, b) => byString(a.path, b.path));
  {
    // The manifest goes last so that an interrupted build never claims files it did not write.
    const manifestChange = changed.find((c) => c.path === MANIFEST);
    const outputs = changed.filter((c) => c.path !== MANIFEST);

    // What goes: files the previous manifests listed, no longer produced, as ladderc left them.
    const removed: string[] = [];
    const kept: string[] = [];
    const skipped: string[] = [];
    // A path may be listed twice (the manifest and a crashed build's pending one): any of its
    // hashes proves the file is as ladderc left it.
    const hashes = new Map<string, Set<string>>();
    for (const entry of previous) {
      if (!hashes.has(entry.path)) hashes.set(entry.path, new Set());
      if (typeof entry.sha256 === 'string') hashes.get(entry.path)!.add(entry.sha256);
    }
    for (const [path, known] of hashes) {
      if (produced.has(path) || path === MANIFEST || !safeRelative(path)) continue;
      const target = join(outDir, path);
      if (!staysInside(outDir, path)) {
        if (existsSync(target)) skipped.push(path);
        continue;
      }
      if (!isFile(target)) continue;
      if (known.size > 0 && !known.has(sha256(new Uint8Array(readFileSync(target))))) {
        kept.push(path);
        continue;
      }
      removed.push(path);
    }
    if (!changed.length && !removed.length) return { written: [], removed: [], kept, skipped };

    // The record a build killed from here on leaves: generatedBefore reads the pending manifest,
    // recoverOutputs the plan.
    const createdDirs = new Set<string>();
    for (const c of outputs) {
      for (let d = dirname(c.path); d !== '.' && !existsSync(join(outDir, d)); d = dirname(d)) createdDirs.add(d);
    }
    const plan: WritePlan = {
      replace: outputs.map((c) => ({ path: c.path, existed: existsSync(join(outDir, c.path)) })),
      remove: removed,
      createdDirs: [...createdDirs],
    };
    fs.mkdirSync(staging, { recursive: true });
    working(staging);
    fs.writeFileSync(join(staging, PENDING), manifestText(manifest));
    fs.writeFileSync(join(staging, PLAN), JSON.stringify(plan));
    try {
      for (const r of plan.replace) {
        const target = join(outDir, r.path);
        working(target);
        fs.mkdirSync(dirname(target), { recursive: true });
        if (r.existed) {
          const old = join(aside, r.path);
          fs.mkdirSync(dirname(old), { recursive: true });
          keepAside(target, old, fs);
        }
        fs.renameSync(join(fresh, r.path), target);
        hooks.afterRename?.(r.path);
      }
      for (const path of removed) {
        const target = join(outDir, path);
        working(target);
        const old = join(aside, path);
        fs.mkdirSync(dirname(old), { recursive: true });
        fs.renameSync(target, old);
        removeEmptyParents(outDir, dirname(target));
      }
      if (manifestChange) {
        working(join(outDir, MANIFEST));
        fs.renameSync(manifestChange.staged, join(outDir, MANIFEST));
      }
    } catch (error) {
      undoPlan(outDir, staging, plan, fs);
      throw error;
    }
    return { written: outputs.map((c) => c.path), removed, kept, skipped };
  }
}

/** A second name for the old file (a hard link: the rename over it then stays atomic). */
function keepAside(target: string, old: string, fs: Required<NonNullable<WriteHooks['fs']>>): void {
  try {
    fs.linkSync(target, old);
  } catch {
    copyFileSync(target, old);
  }
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir.length > root.length && dir.startsWith(root)) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
