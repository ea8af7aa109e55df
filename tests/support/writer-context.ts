// The one place tests build a writer's context and run a writer over several ladders, as the
// pipeline does (src/pipeline/render.ts): each ladder's files, then the format's shared files.
import { loadAssets, loadTemplateSet } from '../../src/host/io.js';
import { catalogue, type Locale } from '../../src/locale/index.js';
import type { Crosswalk, Ladder } from '../../src/model.js';
import { linkLadders } from '../../src/pipeline/link.js';
import { defaultWriterOptions } from '../../src/pipeline/options.js';
import { sourceFormatLabel } from '../../src/readers/registry.js';
import { loadWriter, writerFor, type OutputFormat, type WriterOptionsMap } from '../../src/writers/index.js';
import type { TemplateFile, WriterContext, WriterResult } from '../../src/writers/types.js';

export function writerContext<F extends OutputFormat>(
  format: F,
  options: Partial<WriterOptionsMap[F]> = {},
  templates: Record<string, TemplateFile> = loadTemplateSet(writerFor(format)?.templateFolder ?? format),
  extra: { assets?: Record<string, Uint8Array>; sourceDateEpoch?: number; version?: string; crosswalk?: Crosswalk; locale?: Locale } = {},
): WriterContext<WriterOptionsMap[F]> {
  return {
    options: { ...defaultWriterOptions()[format], ...options },
    templates,
    assets: { ...loadAssets(writerFor(format)?.assets), ...(extra.assets ?? {}) },
    version: extra.version ?? '0.0.0-test',
    sourceDateEpoch: extra.sourceDateEpoch ?? 0,
    sourceFormatLabel,
    // Empty unless given: writeAll places the ladders it writes, as link does in a build.
    crosswalk: extra.crosswalk ?? { rungs: [], tracks: [] },
    locale: extra.locale ?? 'en',
    labels: catalogue(extra.locale ?? 'en'),
  };
}

/** Runs a format's writer over ladders: each ladder's files, then the shared ones (with the ladders' crosswalk, unless the context has one). */
export async function writeAll<F extends OutputFormat>(format: F, ladders: readonly Ladder[], given: WriterContext<WriterOptionsMap[F]>): Promise<WriterResult> {
  const entry = (await loadWriter(format))!;
  const context = given.crosswalk.rungs.length ? given : { ...given, crosswalk: linkLadders(ladders).crosswalk };
  // As render.ts does: ladder() sees the crosswalk only when the writer says it shows it.
  const ladderContext = entry.ladderUsesCrosswalk ? context : { ...context, crosswalk: { rungs: [], tracks: [] } };
  const result: WriterResult = { files: [], diagnostics: [] };
  for (const ladder of ladders) {
    const r = await entry.ladder(ladder, ladderContext);
    result.files.push(...r.files);
    result.diagnostics.push(...r.diagnostics);
  }
  if (entry.shared) {
    const r = entry.shared(ladders, context);
    result.files.push(...r.files);
    result.diagnostics.push(...r.diagnostics);
  }
  return result;
}

/** A synchronous writer run over ladders, files and diagnostics concatenated (text formats). */
export function writeEach<C>(write: (ladder: Ladder, context: C) => WriterResult | Promise<WriterResult>, ladders: readonly Ladder[], context: C): WriterResult {
  const result: WriterResult = { files: [], diagnostics: [] };
  for (const ladder of ladders) {
    const r = write(ladder, context) as WriterResult;
    result.files.push(...r.files);
    result.diagnostics.push(...r.diagnostics);
  }
  return result;
}
