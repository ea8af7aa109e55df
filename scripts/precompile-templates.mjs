// Part of the build (make build, after tsc): compiles every default template under templates/ ahead
// of time into dist/templates.precompiled.json, keyed by the sha256 of its text, in both escapings
// (`escaped` for Markdown and CSV, `plain` for HTML). The host attaches a spec to a template only
// when its text's hash matches, so a stale file is merely unused, and a user's template is always
// compiled from its own text. Uses the compiled engine (dist/src/writers/template.js), so the specs
// are exactly what that engine would compile at run time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const { precompileTemplate } = await import(join(root, 'dist/src/writers/template.js'));
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const specs = {};
for (const file of walk(join(root, 'templates')).filter((f) => f.endsWith('.hbs')).sort()) {
  const text = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(text).digest('hex');
  const path = relative(root, file).split('\\').join('/');
  specs[key] = { escaped: precompileTemplate({ path, text }, true), plain: precompileTemplate({ path, text }, false) };
}
const out = join(root, 'dist/templates.precompiled.json');
writeFileSync(`${out}.tmp`, `${JSON.stringify(specs)}\n`);
renameSync(`${out}.tmp`, out);
console.error(`precompiled ${Object.keys(specs).length} templates into dist/templates.precompiled.json`);
