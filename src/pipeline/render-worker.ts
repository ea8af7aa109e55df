// The worker (see pool.ts): reads one source per read task (the readers imported on the first), and
// holds the render contexts it is sent, renders one ladder per render task and posts the files back
// with their bytes transferred. What cannot be cloned is rebuilt here: the sourceFormatLabel
// function (from its table) and the locale's catalogue.

import { parentPort } from 'node:worker_threads';
import type { SourceFormat } from '../model.js';
import { catalogue } from '../locale/index.js';
import { loadWriter } from '../writers/index.js';
import { TemplateError } from '../writers/template.js';
import type { WriterContext, WriterEntry } from '../writers/types.js';
import type { FromWorker, PortableContext, ToWorker } from './pool.js';

const port = parentPort;
if (!port) throw new Error('render-worker: not started as a worker');

let readers: Promise<typeof import('../readers/index.js')> | undefined;
const contexts = new Map<number, Promise<{ entry: WriterEntry<any>; context: WriterContext<any> }>>();

async function prepare(portable: PortableContext): Promise<{ entry: WriterEntry<any>; context: WriterContext<any> }> {
  const entry = await loadWriter(portable.format);
  if (!entry) throw new Error(`render-worker: unknown format "${portable.format}"`);
  const labels = portable.formatLabels;
  const context: WriterContext<any> = {
    options: portable.options as Record<string, unknown>,
    templates: portable.templates,
    assets: portable.assets,
    version: portable.version,
    sourceDateEpoch: portable.sourceDateEpoch,
    sourceFormatLabel: (format: SourceFormat) => labels[format] ?? format,
    crosswalk: portable.crosswalk,
    locale: portable.locale,
    labels: catalogue(portable.locale),
  };
  return { entry, context };
}

/** Each file's bytes, when they are a whole ArrayBuffer of their own (a slice of a shared one is copied). */
function transferable(files: FromWorker & { ok: true }): ArrayBuffer[] {
  if (!('files' in files)) return [];
  const seen = new Set<ArrayBuffer>();
  for (const f of files.files) {
    const c = f.contents;
    if (typeof c === 'string') continue;
    if (c.buffer instanceof ArrayBuffer && c.byteOffset === 0 && c.byteLength === c.buffer.byteLength) seen.add(c.buffer);
  }
  return [...seen];
}

function send(message: FromWorker): void {
  if (message.ok) {
    try {
      port!.postMessage(message, transferable(message));
      return;
    } catch {
      // An untransferable buffer (Node's pooled ones): copied instead.
    }
  }
  port!.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'context') {
    const prepared = prepare(message.context);
    prepared.catch(() => {});
    contexts.set(message.id, prepared);
    return;
  }
  if (message.type === 'drop') {
    contexts.delete(message.id);
    return;
  }
  const { task } = message;
  void (async () => {
    try {
      if (message.type === 'read') {
        const { readSource } = await (readers ??= import('../readers/index.js'));
        send({ task, ok: true, read: readSource(message.bytes, message.path, message.options) });
        return;
      }
      const prepared = contexts.get(message.context);
      if (!prepared) throw new Error(`render-worker: no context ${message.context}`);
      const { entry, context } = await prepared;
      const result = await entry.ladder(message.ladder, context);
      send({ task, ok: true, files: result.files, diagnostics: result.diagnostics, hasShared: entry.shared !== undefined });
    } catch (error) {
      if (error instanceof TemplateError) send({ task, ok: false, template: error.diagnostic });
      else {
        const e = error instanceof Error ? error : new Error(String(error));
        send({ task, ok: false, error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } });
      }
    }
  })();
});
