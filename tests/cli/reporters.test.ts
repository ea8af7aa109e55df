// The three reporters: github workflow commands (exact format and escaping), json, and human
// output coloured only on a terminal without NO_COLOR.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { diagnostic } from '../../src/diagnostics.js';
import { reportGithub, reportHuman, reportJson } from '../../src/cli/report.js';
import { cleanup, ensureDist, ladderc, project, WARNING_SEED } from './support.js';

beforeAll(ensureDist);
afterAll(cleanup);

describe('github reporter', () => {
  it('prints one workflow command per diagnostic, in file order, info as notice', () => {
    const text = reportGithub([
      diagnostic('warning', 'ragged-row', 'row 3 has 4 cells, not 5', 'src/b.md', { line: 12, column: 5 }, 'pad the row'),
      diagnostic('error', 'not-text', 'source has NUL bytes', 'src/a.txt', { line: 1, column: 1 }),
      diagnostic('info', 'merged-rows', 'merged', 'src/a.txt', { line: 7, column: 3 }),
    ]);
    expect(text).toBe(
      [
        '::error file=src/a.txt,line=1,col=1,title=ladderc not-text::source has NUL bytes',
        '::notice file=src/a.txt,line=7,col=3,title=ladderc merged-rows::merged',
        '::warning file=src/b.md,line=12,col=5,title=ladderc ragged-row::row 3 has 4 cells, not 5 (hint: pad the row)',
        '',
      ].join('\n'),
    );
  });

  it('escapes % CR LF in messages, and also : and , in properties', () => {
    const text = reportGithub([diagnostic('warning', 'odd', '100% done\r\nnext: a, b', 'dir,1/a:b%.md', { line: 2, column: 3 })]);
    expect(text).toBe('::warning file=dir%2C1/a%3Ab%25.md,line=2,col=3,title=ladderc odd::100%25 done%0D%0Anext: a, b\n');
  });

  it('prints nothing for no diagnostics', () => {
    expect(reportGithub([])).toBe('');
  });

  it('is chosen when GITHUB_ACTIONS=true, and --reporter wins over it', () => {
    const dir = project({ 'src/b.txt': { seed: WARNING_SEED } });
    const auto = ladderc(['build', 'src', '--format', 'json'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/^::warning file=src\/b\.txt,line=17,col=352,title=ladderc mojibake-repaired::repaired double-encoded UTF-8/m);
    const human = ladderc(['build', 'src', '--format', 'json', '--reporter', 'human'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(human.stderr).not.toContain('::warning');
    expect(human.stderr).toContain('src/b.txt:17:352: warning:');
  });
});

describe('json reporter', () => {
  it('prints one document with the diagnostics and their counts on stdout', () => {
    const dir = project({ 'src/b.txt': { seed: WARNING_SEED } });
    const run = ladderc(['build', 'src', '--format', 'json', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { diagnostics: Array<{ ruleId: string }>; counts: Record<string, number> };
    expect(doc.diagnostics.map((d) => d.ruleId)).toContain('mojibake-repaired');
    expect(doc.counts.warning).toBeGreaterThan(0);
    expect(reportJson([])).toBe('{\n  "diagnostics": [],\n  "counts": {\n    "error": 0,\n    "warning": 0,\n    "info": 0\n  }\n}\n');
  });
});

describe('human reporter colour', () => {
  const list = [diagnostic('warning', 'odd', 'message', 'a.txt', { line: 1, column: 2 })];

  it('is plain unless asked for colour', () => {
    expect(reportHuman(list, { color: false })).toBe('a.txt:1:2: warning: message [odd]\n');
    expect(reportHuman(list, { color: true })).toContain('\x1b[33mwarning\x1b[0m');
  });

  async function run(isTTY: boolean, env: Record<string, string>): Promise<string> {
    const dir = project({ 'src/b.txt': { seed: WARNING_SEED } });
    let stderr = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => (stderr += t), isTTY, env, cwd: dir };
    expect(await main(['check', join(dir, 'src')], io)).toBe(0);
    return stderr;
  }

  it('is coloured on a terminal', async () => {
    expect(await run(true, {})).toContain('\x1b[');
  });

  it('is never coloured when NO_COLOR is set (even empty) or when piped', async () => {
    expect(await run(true, { NO_COLOR: '' })).not.toContain('\x1b[');
    expect(await run(true, { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(await run(false, {})).not.toContain('\x1b[');
  });
});
