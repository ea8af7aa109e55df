// Shared by the PDF tests: rendering with the real writer, the seeds that compile, and the
// poppler/qpdf tools (a test skips only when a tool is absent AND we are not in CI).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { loadAssets } from '../../src/host/io.js';
import type { Ladder } from '../../src/model.js';
import { defaultWriterOptions } from '../../src/pipeline/options.js';
import { catalogue } from '../../src/locale/index.js';
import { sourceFormatLabel } from '../../src/readers/registry.js';
import { readSource } from '../../src/readers/index.js';
import { LOGO_ASSET, pdfWriter, type PdfOptions } from '../../src/writers/pdf/index.js';
import type { WriterContext, WriterResult } from '../../src/writers/types.js';

export const EPOCH = 1700000000;

export function kitchenSink(): Ladder {
  return JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;
}

/** Every seed in sources/ that compiles without errors (readers are still being written). */
export function seedLadders(): Ladder[] {
  const out: Ladder[] = [];
  for (const f of readdirSync('sources').filter((n) => !n.startsWith('.')).sort()) {
    const r = readSource(new Uint8Array(readFileSync(join('sources', f))), `sources/${f}`);
    if (r.ladder && !r.diagnostics.some((d) => d.severity === 'error')) out.push(r.ladder);
  }
  return out;
}

const assets = loadAssets(pdfWriter.assets);

/** The PDF writer's default options. */
export const PDF_DEFAULTS: PdfOptions = defaultWriterOptions().pdf;

/** A PDF writer context; a `logo` in extraAssets is the review forms' logo. */
export function context(overrides: Partial<PdfOptions> = {}, extraAssets: Record<string, Uint8Array> = {}, epoch = EPOCH): WriterContext<PdfOptions> {
  const { logo, ...rest } = extraAssets;
  return {
    options: { ...defaultWriterOptions().pdf, ...overrides },
    templates: {},
    assets: { ...assets, ...rest, ...(logo ? { [LOGO_ASSET]: logo } : {}) },
    version: '0.1.0',
    sourceDateEpoch: epoch,
    sourceFormatLabel,
    locale: 'en',
    labels: catalogue('en'),
    // Empty: no crosswalk page (tests/pdf/crosswalk.test.ts gives one).
    crosswalk: { rungs: [], tracks: [] },
  };
}

/** The PDF writer over several ladders, as the pipeline runs it: one ladder at a time. */
export async function render(ladders: readonly Ladder[], ctx: WriterContext<PdfOptions> = context()): Promise<WriterResult> {
  const result: WriterResult = { files: [], diagnostics: [] };
  for (const ladder of ladders) {
    const r = await pdfWriter.ladder(ladder, ctx);
    result.files.push(...r.files);
    result.diagnostics.push(...r.diagnostics);
  }
  return result;
}

export function bytesOf(result: WriterResult, path: string): Uint8Array {
  const file = result.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${result.files.map((f) => f.path).join(', ')}`);
  if (typeof file.contents === 'string') throw new Error(`${path} is text`);
  return file.contents;
}

/** One scratch folder per test file, removed after its tests. */
let scratch: string | undefined;
let counter = 0;
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** Writes the bytes to a temp file for the command-line tools. */
export function tempPdf(bytes: Uint8Array, name = 'out.pdf'): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'ladderc-pdf-'));
  counter += 1;
  const path = join(scratch, `${counter}-${name.replace(/\//g, '_')}`);
  writeFileSync(path, bytes);
  return path;
}

const available = new Map<string, boolean>();
export function hasTool(tool: string): boolean {
  let ok = available.get(tool);
  if (ok === undefined) {
    ok = spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined;
    available.set(tool, ok);
  }
  return ok;
}

/** Skip when the tools are missing on a developer machine; in CI their absence is a failure. */
export function toolsMissing(...tools: string[]): boolean {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length > 0 && process.env.CI) throw new Error(`missing tools in CI: ${missing.join(', ')}`);
  return missing.length > 0;
}

export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Text of a PDF with all white space removed: line breaks fall where wrapping put them. */
export function squeezedText(path: string, first?: number, last?: number): string {
  const range = first !== undefined ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return squeeze(run('pdftotext', [...range, path, '-']));
}

export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
