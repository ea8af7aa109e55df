// The module graph: no import cycles at run time, and the layers import only downward — readers,
// writers and the pipeline never import the CLI or the host layer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Run-time imports of a module (type-only imports and re-exports erase at compile time). */
export function runtimeImports(file: string, text: string): string[] {
  const out: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'(\.[^']+)'|^\s*import\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm;
  for (const m of text.matchAll(pattern)) {
    if (m[2]) continue;
    const spec = m[4] ?? m[5] ?? m[6];
    if (!spec) continue;
    // `import { type A, type B } from` is type-only too.
    const names = m[3] ?? '';
    if (names.startsWith('{') && names.slice(1, -1).split(',').every((n) => n.trim().startsWith('type ') || n.trim() === '')) continue;
    out.push(relative('.', resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
  }
  return out;
}

const files = sources('src');
const graph = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8'))]));
// Dynamic imports load a command only when it runs; they are edges for the layering rule, not cycles.
const staticGraph = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8').replace(/import\(\s*'[^']+'\s*\)/g, ''))]));

it('reads the imports it should (the checker itself works)', () => {
  expect(runtimeImports('src/a.ts', "import { x } from './b.js';\nimport type { Y } from './c.js';\nimport { type Z } from './d.js';\nexport { w } from './e.js';\nconst m = await import('./f.js');")).toEqual(['src/b.ts', 'src/e.ts', 'src/f.ts']);
  expect(graph.get('src/cli.ts')).toContain('src/cli/main.ts');
});

it('has no import cycle', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of staticGraph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const f of files) visit(f, []);
  expect(cycles).toEqual([]);
});

it('keeps readers, writers, views, text and the pipeline free of the CLI and the host layer', () => {
  const bad: string[] = [];
  for (const [file, imports] of graph) {
    if (!/^src\/(readers|writers|views|text|pipeline)\//.test(file) && !['src/model.ts', 'src/options.ts', 'src/diagnostics.ts'].includes(file)) continue;
    for (const target of imports) if (/^src\/(cli|host)\//.test(target) || target === 'src/cli.ts' || target === 'src/api.ts') bad.push(`${file} → ${target}`);
  }
  expect(bad).toEqual([]);
});

it('keeps readers and writers apart: no reader imports a writer or a view, no writer a reader', () => {
  const bad: string[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      if (file.startsWith('src/readers/') && /^src\/(writers|views)\//.test(target)) bad.push(`${file} → ${target}`);
      if (file.startsWith('src/writers/') && target.startsWith('src/readers/')) bad.push(`${file} → ${target}`);
    }
  }
  expect(bad).toEqual([]);
});
