// `npm pack` / `npm publish`: the package ships dist/ as built. Checks that it is built, removes
// compiled files whose source is gone (a renamed or deleted src/ file leaves its old .js and .d.ts
// behind, and `files` would pack them), and gives the bin its run bit (tsc writes files without it).
// Build first: `make build` or `npx tsc -p tsconfig.json`.
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const bin = 'dist/src/cli.js';
if (!existsSync(bin)) {
  process.stderr.write(`prepack: ${bin} is missing; build first ("make build" or "npx tsc -p tsconfig.json")\n`);
  process.exit(1);
}
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk('dist/src')) {
  const rel = relative('dist', file).split('\\').join('/');
  const source = rel.replace(/\.d\.ts$/, '.ts').replace(/\.js$/, '.ts');
  if (source !== rel && !existsSync(source)) {
    rmSync(file);
    process.stderr.write(`prepack: removed ${file}: no ${source} any more\n`);
  }
}
chmodSync(bin, statSync(bin).mode | 0o111);
// The default templates compiled ahead of time, from the templates/ being packed, and the bundled
// bin (dist/cli/), from the dist/src/ being packed.
await import('./precompile-templates.mjs');
await import('./bundle.mjs');
const bundled = 'dist/cli/ladderc.js';
chmodSync(bundled, statSync(bundled).mode | 0o111);
