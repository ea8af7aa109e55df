// A pool of workers on node:worker_threads (no dependency: the pool needs two task types, an
// ordered window and a context sent once per worker; tinypool/piscina would bring their own
// queueing, timeouts and a worker entry shaped to their API for none of which we have a use).
//
// The main thread keeps the order, the cache and the writing. Reading: one source's bytes per task,
// its ReadResult back (the readers are imported in a worker on its first source). Rendering: it hands
// each worker a format's context once, then one ladder per task; files come back with their bytes
// transferred, not copied.
// A worker that throws rejects its task with the worker's message and stack; one that dies rejects
// its task too (never a hang); close() terminates every worker so the process exits promptly.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import type { Crosswalk, Ladder } from '../model.js';
import type { Locale } from '../locale/index.js';
import type { SourceOptions } from '../options.js';
import type { ReadResult } from '../readers/index.js';
import type { OutputFile, TemplateFile, WriterResult } from '../writers/types.js';

/** A writer's context as it can travel to a worker (functions are rebuilt there). */
export interface PortableContext {
  format: string;
  options: unknown;
  templates: Record<string, TemplateFile>;
  assets: Record<string, Uint8Array>;
  version: string;
  sourceDateEpoch: number;
  crosswalk: Crosswalk;
  locale: Locale;
  /** sourceFormatLabel as a table: every source format's label. */
  formatLabels: Record<string, string>;
}

export type ToWorker =
  | { type: 'context'; id: number; context: PortableContext }
  | { type: 'drop'; id: number }
  | { type: 'render'; task: number; context: number; ladder: Ladder }
  | { type: 'read'; task: number; path: string; bytes: Uint8Array; options: SourceOptions };

export type FromWorker =
  | { task: number; ok: true; files: OutputFile[]; diagnostics: Diagnostic[]; /** Whether the writer has shared(). */ hasShared: boolean }
  | { task: number; ok: true; read: ReadResult }
  | { task: number; ok: false; template?: Diagnostic; error?: { name: string; message: string; stack?: string } };

/** A template error from a worker: the caller turns it into its diagnostic, as in the main thread. */
export class WorkerTemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** The render worker built beside this file (dist/src/pipeline/render-worker.js). */
export const RENDER_WORKER = new URL('./render-worker.js', import.meta.url);

/** Whether a worker script can run: a .js file that exists (under vitest the sources are .ts). */
export function runnable(script: URL): boolean {
  return script.protocol === 'file:' && existsSync(fileURLToPath(script));
}

/** The default size: every core the process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Whether `count` tasks of a kind go to workers: never on one core or with jobs 1; with jobs given
 * (`--jobs`, the config), from two; left to ladderc, from `autoFrom`, where the workers' start pays.
 */
export function poolPays(jobs: number | undefined, count: number, autoFrom: number): boolean {
  return (jobs ?? defaultJobs()) > 1 && count >= (jobs !== undefined ? 2 : autoFrom);
}

/** A pool of `jobs` workers (default: the cores), or undefined when the worker script cannot run (under vitest: .ts sources). */
export function newPool(jobs: number | undefined): WorkerPool | undefined {
  return runnable(RENDER_WORKER) ? new WorkerPool(jobs ?? defaultJobs()) : undefined;
}

/** A queued task: its message (which carries its id and, for a rendering, its format's context). */
interface Task {
  message: ToWorker & { type: 'render' | 'read' };
  resolve: (r: any) => void;
  reject: (e: Error) => void;
}

const contextOf = (task: Task): number | undefined => (task.message.type === 'render' ? task.message.context : undefined);

interface Slot {
  worker: Worker;
  contexts: Set<number>;
  task?: Task | undefined;
  dead: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly contexts = new Map<number, PortableContext>();
  private readonly shared = new Map<number, boolean>();
  private nextTask = 0;
  private nextContext = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly script: URL = RENDER_WORKER,
  ) {}

  /** A format's context: sent to each worker before its first task of that format. */
  register(context: PortableContext): number {
    const id = (this.nextContext += 1);
    this.contexts.set(id, context);
    return id;
  }

  /** Whether the context's writer has shared files, as a worker reported it (undefined: none has rendered). */
  hasShared(id: number): boolean | undefined {
    return this.shared.get(id);
  }

  /** The format is done: the workers forget its context (its templates and fonts). */
  release(id: number): void {
    this.contexts.delete(id);
    this.shared.delete(id);
    for (const slot of this.slots) {
      if (!slot.dead && slot.contexts.delete(id)) slot.worker.postMessage({ type: 'drop', id } satisfies ToWorker);
    }
  }

  /** One ladder rendered by a worker (queued while every worker is busy). */
  render(context: number, ladder: Ladder): Promise<WriterResult> {
    return this.enqueue({ type: 'render', task: (this.nextTask += 1), context, ladder });
  }

  /** One source read by a worker: what readSource(bytes, path, options) returns in this thread. */
  read(bytes: Uint8Array, path: string, options: SourceOptions): Promise<ReadResult> {
    return this.enqueue({ type: 'read', task: (this.nextTask += 1), path, bytes, options });
  }

  private enqueue<T>(message: Task['message']): Promise<T> {
    if (this.closed) return Promise.reject(new Error('worker pool: closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker; tasks not finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const failed = new Error('worker pool: closed');
    for (const task of this.queue.splice(0)) task.reject(failed);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      slot.dead = true;
      slot.task?.reject(failed);
      slot.task = undefined;
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      // A new worker only when every live one is busy: a rebuild with one miss starts one worker.
      let slot = this.slots.find((s) => !s.dead && !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      const id = contextOf(task);
      if (id !== undefined) {
        const context = this.contexts.get(id);
        if (!context) {
          task.reject(new Error(`worker pool: no context ${id}`));
          continue;
        }
        if (!slot.contexts.has(id)) {
          slot.worker.postMessage({ type: 'context', id, context } satisfies ToWorker);
          slot.contexts.add(id);
        }
      }
      slot.task = task;
      slot.worker.postMessage(task.message satisfies ToWorker);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, contexts: new Set(), dead: false };
    this.slots.push(slot);
    const fail = (error: Error): void => {
      if (slot.dead) return;
      slot.dead = true;
      const index = this.slots.indexOf(slot);
      if (index !== -1) this.slots.splice(index, 1);
      const task = slot.task;
      slot.task = undefined;
      void worker.terminate();
      if (task) task.reject(error);
      // The tasks still queued would wait for a worker forever if none is left to take them.
      this.pump();
    };
    worker.on('message', (message: FromWorker) => {
      const task = slot.task;
      if (!task || task.message.task !== message.task) return;
      slot.task = undefined;
      if (message.ok && 'read' in message) task.resolve(message.read);
      else if (message.ok) {
        const id = contextOf(task);
        if (id !== undefined) this.shared.set(id, message.hasShared);
        task.resolve({ files: message.files, diagnostics: message.diagnostics });
      }
      else if (message.template) task.reject(new WorkerTemplateError(message.template));
      else {
        const error = new Error(message.error?.message ?? 'worker: unknown error');
        if (message.error?.name) error.name = message.error.name;
        if (message.error?.stack) error.stack = message.error.stack;
        task.reject(error);
      }
      this.pump();
    });
    worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('messageerror', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => fail(new Error(`render worker exited with code ${code}`)));
    return slot;
  }
}
