import { expect, it } from 'vitest';
import * as api from '../../src/index.js';

// The published API: adding or removing an export is a deliberate change, made here too.
it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DEFAULT_OPTIONS',
    'EXIT_OK',
    'EXIT_SOURCE_ERRORS',
    'EXIT_USAGE',
    'OUTPUT_FORMATS',
    'SCHEMA_VERSION',
    'SOURCE_FORMATS',
    'compileSources',
    'detectFormat',
    'exitCodeFor',
    'formatDiagnostic',
    'levelDiff',
    'parseConfig',
    'parseLevelLabel',
    'readSource',
    'renderOutputs',
    'slugify',
    'sortDiagnostics',
    'sourceDateEpoch',
    'splitStatements',
    'trackLevelDiffs',
    'trackMatrix',
  ]);
});

it('refuses to render two ladders with one id, which would overwrite each other', async () => {
  const ladder = { schemaVersion: 1, id: 'same', title: 'Same', source: { path: 'a.md', format: 'gfm-table', sha256: '0'.repeat(64) }, tracks: [] };
  const resources = { templates: () => ({}), assets: () => ({}) };
  await expect(
    api.renderOutputs([ladder, { ...ladder, title: 'Other' }] as never, { ...api.DEFAULT_OPTIONS, formats: ['json'] }, resources, { version: 'test', sourceDateEpoch: 0 }),
  ).rejects.toThrow(/two ladders have the id "same"/);
});
