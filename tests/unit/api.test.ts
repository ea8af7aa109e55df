import { mkdtempSync, readFileSync, rmSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { renderOutputs } from '../../src/pipeline/render.js';
import { defaultOptions } from '../../src/pipeline/options.js';

const work = mkdtempSync(join(tmpdir(), 'ladderc-api-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The published API: adding or removing an export is a deliberate change, made here too.
it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'EXIT_CODES',
    'OUTPUT_FORMATS',
    'SCHEMA_VERSION',
    'SOURCE_FORMATS',
    'build',
    'compile',
    'defaultOptions',
    'detectFormat',
    'exitCodeFor',
    'formatDiagnostic',
    'parseConfig',
    'render',
    'sortDiagnostics',
  ]);
});

const TABLE = '| Competency | Junior | Senior |\n|---|---|---|\n| Code | Writes tested code. | Reviews the team\'s code. |\n| Delivery | Ships small tasks. | Leads projects. |\n';

it('compile() turns a string into the model, as a build would', () => {
  const { ladders, diagnostics } = api.compile(TABLE, { path: 'ladders/backend.md' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(ladders).toHaveLength(1);
  const ladder = ladders[0]!;
  expect(ladder.id).toBe('backend');
  expect(ladder.source).toMatchObject({ path: 'ladders/backend.md', format: 'gfm-table' });
  expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['Junior', 'Senior']);
  expect(ladder.tracks[0]!.competencies.map((c) => c.name)).toEqual(['Code', 'Delivery']);
});

it('compile() takes a format and a config whose sources override that path', () => {
  const { ladders } = api.compile(TABLE, { path: 'a.md', config: { sources: { 'a.md': { title: 'From the config', id: 'renamed' } } } });
  expect(ladders[0]).toMatchObject({ id: 'renamed', title: 'From the config' });
  const asText = api.compile(TABLE, { path: 'a.md', format: 'text' });
  expect(asText.ladders[0]?.source.format ?? 'text').toBe('text');
  const bad = api.compile(TABLE, { path: 'a.md', config: { colour: true } });
  expect(bad.diagnostics.some((d) => d.message.includes('colour: unknown field'))).toBe(true);
  const empty = api.compile('', { path: 'empty.md' });
  expect(empty.ladders).toEqual([]);
  expect(empty.diagnostics.some((d) => d.severity === 'error')).toBe(true);
});

it('render() gives one ladder in one format: text for Markdown, bytes for PDF, with writer options', async () => {
  const ladder = api.compile(TABLE, { path: 'backend.md' }).ladders[0]!;
  const md = await api.render(ladder, 'md');
  // With the build-wide file of the format: the crosswalk of this one ladder.
  expect(md.files.map((f) => f.path)).toEqual(['md/backend.md', 'md/crosswalk.md']);
  expect(String(md.files[0]!.contents)).toContain('Reviews the team');
  const csv = await api.render(ladder, 'csv', { options: { csvBom: false } });
  expect(String(csv.files[0]!.contents).startsWith('\uFEFF')).toBe(false);
  const withBom = await api.render(ladder, 'csv');
  expect(String(withBom.files[0]!.contents).startsWith('\uFEFF')).toBe(true);
  const html = await api.render(ladder, 'html');
  expect(html.files.map((f) => f.path)).toContain('html/index.html');
  const pdf = await api.render(ladder, 'pdf');
  const book = pdf.files.find((f) => f.path.endsWith('.pdf'))!;
  expect(book.contents).toBeInstanceOf(Uint8Array);
  expect(Buffer.from(book.contents as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
});

it('build() compiles a project like the CLI: writes out/, then check finds it current', async () => {
  const dir = join(work, 'project');
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  const result = await api.build({ cwd: dir, formats: ['json', 'md'], noCache: true, env: { SOURCE_DATE_EPOCH: '0' } });
  expect(result.code).toBe(0);
  expect(result.usageErrors).toEqual([]);
  expect(result.ladders.length).toBe(5);
  expect(existsSync(join(dir, 'out/manifest.json'))).toBe(true);
  expect(JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')).options.formats).toEqual(['json', 'md']);
  const check = await api.build({ cwd: dir, formats: ['json', 'md'], noCache: true, check: true, env: { SOURCE_DATE_EPOCH: '0' } });
  expect(check).toMatchObject({ code: 0, stage: 'checked', findings: [] });
  const missing = await api.build({ cwd: dir, paths: ['nowhere'], noCache: true });
  expect(missing.code).toBe(2);
  expect(missing.usageErrors).toEqual(['nowhere: no such file or directory']);
});

it('refuses to render two ladders with one id, which would overwrite each other', async () => {
  const ladder = { schemaVersion: 2, id: 'same', title: 'Same', source: { path: 'a.md', format: 'gfm-table', sha256: '0'.repeat(64) }, tracks: [] };
  const resources = { templates: () => ({}), assets: () => ({}) };
  await expect(
    renderOutputs([ladder, { ...ladder, title: 'Other' }] as never, { ...defaultOptions(process.cwd()), formats: ['json'] }, resources, { version: 'test', sourceDateEpoch: 0 }),
  ).rejects.toThrow(/two ladders have the id "same"/);
});
