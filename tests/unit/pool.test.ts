// The render pool (src/pipeline/pool.ts) with small worker scripts of its protocol: results reach
// their task, a context goes once to each worker, a throw or an exit rejects (never hangs), and
// close() terminates the workers and rejects what is left.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDER_WORKER, WorkerPool, runnable, WorkerTemplateError } from '../../src/pipeline/pool.js';
import type { Ladder } from '../../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'ladderc-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker script: `body` handles each render message `m` (ctx: the contexts it holds). */
function script(name: string, body: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort, threadId } from 'node:worker_threads';
const ctx = new Map();
let contexts = 0;
parentPort.on('message', async (m) => {
  if (m.type === 'context') { contexts += 1; ctx.set(m.id, m.context); return; }
  if (m.type === 'drop') { ctx.delete(m.id); return; }
  ${body}
});
`,
  );
  return pathToFileURL(file);
}

const ladder = (id: string): Ladder => ({ id }) as unknown as Ladder;
const context = { format: 'json', options: {}, templates: {}, assets: { a: new Uint8Array([1, 2, 3]) }, version: 't', sourceDateEpoch: 0, crosswalk: { rungs: [], tracks: [] }, locale: 'en' as const, formatLabels: {} };

describe('WorkerPool', () => {
  it('gives each task its own result (out of order), a context once per worker, bytes transferred', async () => {
    const echo = script(
      'echo',
      `const delay = m.ladder.id === 'a' ? 80 : 5;
  await new Promise((r) => setTimeout(r, delay));
  const bytes = new Uint8Array([...ctx.get(m.context).assets.a, m.ladder.id.charCodeAt(0)]);
  parentPort.postMessage({ task: m.task, ok: true, files: [{ path: m.ladder.id, format: 'json', contents: bytes, kind: String(contexts) }], diagnostics: [] }, [bytes.buffer]);`,
    );
    const pool = new WorkerPool(2, echo);
    try {
      const id = pool.register(context);
      const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((l) => pool.render(id, ladder(l))));
      expect(results.map((r) => r.files[0]!.path)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(results.map((r) => [...(r.files[0]!.contents as Uint8Array)])).toEqual(['a', 'b', 'c', 'd', 'e'].map((l) => [1, 2, 3, l.charCodeAt(0)]));
      // Each worker was sent the context once.
      expect(results.every((r) => r.files[0]!.kind === '1')).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('a read task carries the bytes, the path and the options, sends no context, and resolves with the reading', async () => {
    const reader = script(
      'reader',
      `if (m.type !== 'read') return;
  parentPort.postMessage({ task: m.task, ok: true, read: { diagnostics: [{ path: m.path, bytes: [...m.bytes], options: m.options, contexts }] } });`,
    );
    const pool = new WorkerPool(2, reader);
    try {
      const id = pool.register(context);
      const [a, b] = await Promise.all([pool.read(new Uint8Array([7, 8]), 'a.md', { title: 'A' } as never), pool.read(new Uint8Array([9]), 'b.md', {})]);
      expect(a!.diagnostics).toEqual([{ path: 'a.md', bytes: [7, 8], options: { title: 'A' }, contexts: 0 }]);
      expect(b!.diagnostics).toEqual([{ path: 'b.md', bytes: [9], options: {}, contexts: 0 }]);
      pool.release(id);
    } finally {
      await pool.close();
    }
  });

  it('a thrown error rejects its task with the message; a template error is a WorkerTemplateError; the pool goes on', async () => {
    const fails = script(
      'fails',
      `if (m.ladder.id === 'bad') parentPort.postMessage({ task: m.task, ok: false, error: { name: 'RangeError', message: 'broken ladder', stack: 'RangeError: broken ladder\\n    at worker' } });
  else if (m.ladder.id === 'tpl') parentPort.postMessage({ task: m.task, ok: false, template: { severity: 'error', rule: 'template-syntax', message: 'bad template', file: 't.hbs' } });
  else parentPort.postMessage({ task: m.task, ok: true, files: [], diagnostics: [] });`,
    );
    const pool = new WorkerPool(1, fails);
    try {
      const id = pool.register(context);
      const bad = pool.render(id, ladder('bad'));
      const tpl = pool.render(id, ladder('tpl'));
      const good = pool.render(id, ladder('good'));
      await expect(bad).rejects.toMatchObject({ name: 'RangeError', message: 'broken ladder' });
      const error = await tpl.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerTemplateError);
      expect((error as WorkerTemplateError).diagnostic.message).toBe('bad template');
      await expect(good).resolves.toEqual({ files: [], diagnostics: [] });
    } finally {
      await pool.close();
    }
  });

  it('a worker that exits or throws uncaught rejects its task; a new worker takes the next', async () => {
    const dies = script(
      'dies',
      `if (m.ladder.id === 'exit') process.exit(5);
  if (m.ladder.id === 'throw') setTimeout(() => { throw new Error('uncaught in worker'); });
  else parentPort.postMessage({ task: m.task, ok: true, files: [], diagnostics: [{ message: String(threadId) }] });`,
    );
    const pool = new WorkerPool(1, dies);
    try {
      const id = pool.register(context);
      const exit = pool.render(id, ladder('exit'));
      const thrown = pool.render(id, ladder('throw'));
      const after = pool.render(id, ladder('after'));
      await expect(exit).rejects.toThrow('render worker exited with code 5');
      await expect(thrown).rejects.toThrow('uncaught in worker');
      await expect(after).resolves.toMatchObject({ files: [] });
    } finally {
      await pool.close();
    }
  });

  it('a worker script that fails to start rejects every task, one by one (no hang)', async () => {
    const broken = script('broken', `}`);
    const pool = new WorkerPool(2, broken);
    try {
      const id = pool.register(context);
      const all = await Promise.allSettled(['a', 'b', 'c'].map((l) => pool.render(id, ladder(l))));
      expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    } finally {
      await pool.close();
    }
  });

  it('close() terminates a busy worker and rejects the tasks left', async () => {
    const hangs = script('hangs', `/* never answers */`);
    const pool = new WorkerPool(1, hangs);
    const id = pool.register(context);
    const busy = pool.render(id, ladder('a')).catch((e: Error) => e.message);
    const queued = pool.render(id, ladder('b')).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await pool.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await busy).toBe('worker pool: closed');
    expect(await queued).toBe('worker pool: closed');
    await expect(pool.render(id, ladder('c'))).rejects.toThrow('closed');
  });

  it('the render worker runs only when built: under vitest (.ts sources) there is no render-worker.js beside pool.ts', () => {
    expect(RENDER_WORKER.pathname.endsWith('/src/pipeline/render-worker.js')).toBe(true);
    expect(runnable(RENDER_WORKER)).toBe(false);
    expect(runnable(new URL('https://example.com/w.js'))).toBe(false);
  });
});
