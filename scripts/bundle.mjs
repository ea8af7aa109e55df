// Part of the build (make build, npm pack), after tsc: bundles the compiled CLI (dist/src/cli.js)
// and its own modules and pure-ESM dependencies (unified, micromark, yaml, …) with esbuild into
// dist/cli/, the package's bin. Loading some 400 small modules one by one was a fifth of a cold
// build. Code splitting keeps ladderc's lazy loading: a reader's or writer's chunk is loaded only
// when a source or a format needs it. Everything sits in one flat folder, so a URL relative to a
// module (a worker entry, `new URL('./x-worker.js', import.meta.url)`) names the same file in
// dist/src/ and in dist/cli/. pdfkit and handlebars stay outside (CommonJS that reads its own data
// files and requires by name); they load from node_modules as before, as do the fonts (assets are
// found by module resolution from wherever the code runs).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const workers = walk(join(root, 'dist', 'src')).filter((f) => f.endsWith('-worker.js'));
if (!existsSync(join(root, 'dist', 'src', 'cli.js'))) {
  console.error('bundle: dist/src/cli.js is missing; run tsc first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [{ in: join(root, 'dist', 'src', 'cli.js'), out: 'ladderc' }, ...workers.map((f) => ({ in: f, out: f.split('/').pop().replace(/\.js$/, '') }))],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: ['pdfkit', 'handlebars'],
  // CommonJS inside the bundle asks for Node's modules with require(); ESM has none of its own.
  banner: { js: "import { createRequire as __ladderc_createRequire } from 'node:module';\nconst require = __ladderc_createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
console.error(`bundled dist/src/cli.js${workers.length ? ` and ${workers.length} worker${workers.length === 1 ? '' : 's'}` : ''} into dist/cli/`);
