#!/usr/bin/env node
// PDF benchmark: renders every track PDF and review form of the seeds in sources/ (from dist/,
// so run `npx tsc` first) and reports milliseconds per page. A benchmark, not a test.
//   node scripts/bench-pdf.mjs [--runs N] [--paper a4|letter] [paths…]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', 'src', p));
const [{ compileSources }, { collectSources, loadAssets }, { DEFAULT_OPTIONS }, { pdfWriter }] = await Promise.all([
  dist('build.js'),
  dist('io.js'),
  dist('options.js'),
  dist('writers/pdf/index.js'),
]);

const args = process.argv.slice(2);
let runs = 5;
let paper = 'a4';
const paths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--paper') paper = args[++i];
  else paths.push(args[i]);
}

const { sources, errors } = collectSources(paths.length ? paths : [join(root, 'sources')]);
if (errors.length) throw new Error(errors.join('\n'));
const { ladders } = compileSources(sources, { sources: {} });
const context = {
  options: { ...DEFAULT_OPTIONS, paper },
  templates: {},
  assets: loadAssets(pdfWriter.assets),
  version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
  sourceDateEpoch: 1700000000,
};

/** Pages of a PDF: pdfkit writes one "/Type /Page" per page object. */
function pageCount(bytes) {
  return Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
}

// The first run pays for JIT warm-up and font parsing; it is reported but not counted.
// CPU time is reported too: on a busy machine it says more than wall time.
const times = [];
const cpu = [];
let files = [];
for (let r = 0; r <= runs; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await pdfWriter.write(ladders, context);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (r === 0) console.log(`warm-up: ${ms.toFixed(0)} ms`);
  else {
    times.push(ms);
    cpu.push((c.user + c.system) / 1000);
  }
  files = result.files;
}
const pages = files.reduce((n, f) => n + pageCount(f.contents), 0);
const bytes = files.reduce((n, f) => n + f.contents.length, 0);
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const best = times[0];
console.log(`pdf: ${ladders.length} ladders, ${files.length} documents, ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB (${paper})`);
console.log(`pdf: median ${median.toFixed(0)} ms, best ${best.toFixed(0)} ms over ${runs} runs`);
console.log(`pdf: ${(median / pages).toFixed(2)} ms/page (median), ${(best / pages).toFixed(2)} ms/page (best); target ≤ 15 ms/page`);
console.log(`pdf: ${(cpu[Math.floor(cpu.length / 2)] / pages).toFixed(2)} ms/page CPU time (median; includes GC and zlib)`);
