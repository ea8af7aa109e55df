#!/usr/bin/env node
// Build benchmark (`make bench`): times the built CLI (dist/) as a user runs it, in a temp folder:
// a cold build of sources/, a no-op rebuild from the cache, each format on its own, and pandoc
// turning the Markdown seeds into HTML as a peer, when pandoc is installed. A benchmark, not a test:
// nothing here asserts a time.
//   node scripts/bench.mjs [--runs N] [paths…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'src', 'cli.js');
const args = process.argv.slice(2);
let runs = 3;
const paths = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 1);
  else paths.push(args[i]);
}
if (paths.length === 0) paths.push('sources');

const work = mkdtempSync(join(tmpdir(), 'ladderc-bench-'));
// A benchmark must not depend on the caller's CI, colour or date settings.
const env = { ...process.env, LADDERC_DEBUG_CACHE: '1', NO_COLOR: '1', CI: 'true' };
delete env.GITHUB_ACTIONS;
delete env.SOURCE_DATE_EPOCH;

function ladderc(extra) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, 'build', ...paths, ...extra], { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cache = /cache: parsed (\d+), rendered (\d+)/.exec(run.stderr ?? '');
  return { ms, code: run.status, stderr: run.stderr ?? '', parsed: cache ? Number(cache[1]) : undefined, rendered: cache ? Number(cache[2]) : undefined };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  try {
    walk(dir);
  } catch {
    // no output folder: the build failed, reported below
  }
  return out;
}

/** Page objects (`/Type /Page`, not `/Pages`): pdfkit writes no object streams, so they are visible. */
function pdfPages(file) {
  return (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const rows = [];
const row = (step, result, note = '') => {
  const failed = result.code !== 0 ? ` (exit ${result.code})` : '';
  rows.push({ step, ms: result.ms.toFixed(0), parsed: result.parsed ?? '', rendered: result.rendered ?? '', note: `${note}${failed}` });
};

try {
  const cacheDir = join(work, 'cache');
  const outDir = join(work, 'out');
  const cold = ladderc(['--out', outDir, '--cache-dir', cacheDir]);
  row('cold build, every format', cold, `${files(outDir).length} files`);
  const noop = [];
  for (let i = 0; i < runs; i += 1) noop.push(ladderc(['--out', outDir, '--cache-dir', cacheDir]));
  const { cacheSize } = await import(join(root, 'dist', 'src', 'cache.js'));
  const cacheMb = (cacheSize(cacheDir) / 1024 / 1024).toFixed(1);
  row(`no-op rebuild (median of ${runs})`, { ...noop[0], ms: median(noop.map((r) => r.ms)) }, `from the cache (${cacheMb} MB)`);
  row('no cache, every format', ladderc(['--out', join(work, 'out-nocache'), '--no-cache']));

  const formats = (/--format LIST\s+comma-separated: ([a-z,]+)/.exec(spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout) ?? [])[1]?.split(',') ?? ['json'];
  let htmlMs;
  for (const format of formats) {
    const dir = join(work, `out-${format}`);
    const times = [];
    let last;
    for (let i = 0; i < runs; i += 1) {
      rmSync(dir, { recursive: true, force: true });
      last = ladderc(['--format', format, '--out', dir, '--no-cache']);
      times.push(last.ms);
    }
    const ms = median(times);
    if (format === 'html') htmlMs = ms;
    const produced = files(dir).filter((f) => !f.endsWith('manifest.json'));
    let note = `${produced.length} files`;
    if (format === 'pdf') {
      const pages = produced.filter((f) => f.endsWith('.pdf')).reduce((n, f) => n + pdfPages(f), 0);
      if (pages) note += `, ${pages} pages, ${(ms / pages).toFixed(1)} ms/page (whole build)`;
    }
    row(`--format ${format} (median of ${runs}, no cache)`, { ...last, ms }, note);
  }

  // pandoc as a peer: the Markdown seeds (as ladderc's reader classified them) to standalone HTML.
  const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (pandoc.error || pandoc.status !== 0) {
    rows.push({ step: 'pandoc (Markdown seeds → HTML)', ms: '', parsed: '', rendered: '', note: 'skipped: pandoc is not on PATH' });
  } else {
    const markdown = [];
    for (const file of files(join(outDir, 'json'))) {
      try {
        const ladder = JSON.parse(readFileSync(file, 'utf8'));
        if (['gfm-table', 'prose', 'ladderc-md'].includes(ladder.source?.format)) markdown.push(join(root, ladder.source.path));
      } catch {
        // not a ladder file
      }
    }
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const started = process.hrtime.bigint();
      for (const file of markdown) spawnSync('pandoc', ['-f', 'gfm', '-t', 'html', '-s', '--metadata', 'title=bench', file, '-o', join(work, 'pandoc.html')]);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const version = pandoc.stdout.split('\n')[0];
    rows.push({
      step: `${version} (${markdown.length} Markdown seeds → HTML, median of ${runs})`,
      ms: median(times).toFixed(0),
      parsed: '',
      rendered: '',
      note: htmlMs ? `ladderc --format html on all seeds: ${htmlMs.toFixed(0)} ms (one process; pandoc: one per file)` : '',
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const headers = { step: 'step', ms: 'ms', parsed: 'parsed', rendered: 'rendered', note: 'note' };
const widths = Object.fromEntries(Object.keys(headers).map((k) => [k, Math.max(headers[k].length, ...rows.map((r) => String(r[k]).length))]));
const line = (r) => Object.keys(headers).map((k) => (k === 'ms' || k === 'parsed' || k === 'rendered' ? String(r[k]).padStart(widths[k]) : String(r[k]).padEnd(widths[k]))).join('  ').trimEnd();
console.log(`ladderc build benchmark: ${paths.join(' ')} (node ${process.version}, ${statSync(cli).isFile() ? 'dist/src/cli.js' : '?'})`);
console.log(line(headers));
console.log(Object.keys(headers).map((k) => '-'.repeat(widths[k])).join('  '));
for (const r of rows) console.log(line(r));
