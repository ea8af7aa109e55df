import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every rule id the code can report, found where diagnostics are made. */
function ruleIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of sourceFiles('src')) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\.(?:error|warn|info)\(\s*'([a-z][a-z0-9-]*)'/g)) ids.add(m[1]!);
    for (const m of code.matchAll(/\bdiagnostic\(\s*'(?:error|warning|info)',\s*'([a-z][a-z0-9-]*)'/g)) ids.add(m[1]!);
  }
  return ids;
}

it('documents every diagnostic rule id in the README', () => {
  const ids = ruleIds();
  expect(ids.size).toBeGreaterThan(30);
  const readme = readFileSync('README.md', 'utf8');
  const undocumented = [...ids].filter((id) => !readme.includes(`\`${id}\``)).sort();
  expect(undocumented).toEqual([]);
});
