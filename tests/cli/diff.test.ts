// `ladderc diff` (a ladder changelog) and `ladderc promote`, run as the built CLI on edited copies of
// a seed, and `diff --git` against a revision of a temporary git repository.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Changelog } from '../../src/views/changelog.js';
import { cleanup, ensureDist, ladderc, project, REPO } from './support.js';

const SEED = 'titles-for-ops.txt';
const seed = () => readFileSync(join(REPO, 'sources', SEED), 'utf8');

/** The seed with one statement reworded. */
const reworded = (text: string) => text.replace('Scopes and manages small projects', 'Scopes and manages tiny projects');
/** The seed with a sixth level column. */
function addedLevel(text: string): string {
  return text
    .split('\n')
    .map((line, i) => {
      if (!line.startsWith('|')) return line;
      if (/^\| Category \|/.test(line)) return `${line} Distinguished SRE (L6) |`;
      if (/^\| -----/.test(line)) return `${line} ----- |`;
      if (/^\| \*\*/.test(line)) return `${line}  |`;
      return `${line} Sets the direction of the organisation, line ${i}. |`;
    })
    .join('\n');
}
/** The seed without its Flexibility row. */
const removedCompetency = (text: string) => text.split('\n').filter((l) => !l.startsWith('| *Flexibility*')).join('\n');

function sides(edit: (text: string) => string): string {
  const text = seed();
  expect(edit(text)).not.toBe(text);
  return project({ [`old/${SEED}`]: text, [`new/${SEED}`]: edit(text) });
}

function changelog(cwd: string, extra: string[] = ['old', 'new']): { code: number; log: Changelog } {
  const run = ladderc(['diff', ...extra, '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, log: JSON.parse(run.stdout) as Changelog };
}

beforeAll(() => ensureDist(), 240_000);
afterAll(() => cleanup());

describe('ladderc diff OLD NEW', () => {
  it('exits 0 and says so when the ladders are equal', () => {
    const cwd = project({ [`old/${SEED}`]: seed(), [`new/${SEED}`]: seed() });
    const run = ladderc(['diff', 'old', 'new'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No changes to any ladder.');
  });

  it('lists a reworded statement with its old and new text (exit 1)', () => {
    const cwd = sides(reworded);
    const { code, log } = changelog(cwd);
    expect(code).toBe(1);
    expect(log.ladders).toHaveLength(1);
    const [track] = log.ladders[0]!.tracks;
    expect(track!.expectations).toHaveLength(1);
    expect(track!.expectations[0]).toMatchObject({ competency: 'Judgment', level: 'SRE (L2)' });
    expect(track!.expectations[0]!.old).toContain('small projects');
    expect(track!.expectations[0]!.new).toContain('tiny projects');
    const md = ladderc(['diff', 'old', 'new'], { cwd });
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/\*\*Judgment\*\* at \*\*SRE \(L2\)\*\*\n\nBefore:\n\n> Scopes and manages small projects/);
    expect(md.stdout).toMatch(/After:\n\n> Scopes and manages tiny projects/);
  });

  it('lists an added level', () => {
    const { code, log } = changelog(sides(addedLevel));
    expect(code).toBe(1);
    const [track] = log.ladders[0]!.tracks;
    expect(track!.levels).toEqual({ added: [{ id: 'l6', label: 'Distinguished SRE (L6)' }], removed: [], renamed: [] });
    // Its cells are part of the new level, not changed expectations of the old ones.
    expect(track!.expectations.every((e) => e.old === '' && e.level === 'Distinguished SRE (L6)')).toBe(true);
  });

  it('lists a removed competency (those after it keep their order: not moved)', () => {
    const { code, log } = changelog(sides(removedCompetency));
    expect(code).toBe(1);
    const [track] = log.ladders[0]!.tracks;
    expect(track!.competencies.removed).toEqual(['Flexibility']);
    expect(track!.competencies.added).toEqual([]);
    expect(track!.competencies.moved).toEqual([]);
    expect(track!.expectations).toEqual([]);
    expect(ladderc(['diff', 'old', 'new'], { cwd: sides(removedCompetency) }).stdout).toContain('- **Competencies removed:** Flexibility');
  });

  it('names a renamed level and a ladder that is new or gone', () => {
    const cwd = project({ [`old/${SEED}`]: seed(), [`new/${SEED}`]: seed().replace('Lead SRE (L4)', 'Staff SRE (L4)'), 'new/extra.md': '| Skill | Junior | Senior |\n|---|---|---|\n| Code | Writes | Reviews |\n' });
    const { code, log } = changelog(cwd);
    expect(code).toBe(1);
    expect(log.ladders.map((l) => [l.ladder, l.status])).toEqual([
      ['titles-for-ops', 'changed'],
      ['extra', 'added'],
    ]);
    expect(log.ladders[0]!.tracks[0]!.levels.renamed).toEqual([{ old: { id: 'l4', label: 'Lead SRE (L4)' }, new: { id: 'l4', label: 'Staff SRE (L4)' } }]);
  });

  it('exits 2 on a missing side, a wrong number of paths or a bad --format', () => {
    const cwd = project({ [`old/${SEED}`]: seed() });
    expect(ladderc(['diff', 'old', 'nowhere'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('nowhere: no such file or directory') });
    expect(ladderc(['diff', 'old'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('diff needs two paths') });
    expect(ladderc(['diff', 'old', 'old', '--format', 'html'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('md or json') });
  });
});

describe('ladderc diff --git REV', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

  it('compares the working tree\'s sources with a revision', () => {
    const cwd = project({ [`sources/${SEED}`]: seed(), 'ladderc.config.json': '{}\n' });
    git(cwd, 'init', '-q');
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-q', '-m', 'ladders');
    expect(ladderc(['diff', '--git', 'HEAD'], { cwd }).code).toBe(0);

    writeFileSync(join(cwd, 'sources', SEED), reworded(removedCompetency(seed())));
    const { code, log } = changelog(cwd, ['--git', 'HEAD']);
    expect(code).toBe(1);
    const [track] = log.ladders[0]!.tracks;
    expect(track!.competencies.removed).toEqual(['Flexibility']);
    expect(track!.expectations.map((e) => e.competency)).toEqual(['Judgment']);
    // Paths narrow what is compared, as in a build.
    expect(ladderc(['diff', '--git', 'HEAD', 'sources'], { cwd }).code).toBe(1);
  });

  it('exits 2 on a revision the repository does not have', () => {
    const cwd = project({ [`sources/${SEED}`]: seed() });
    git(cwd, 'init', '-q');
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-q', '-m', 'ladders');
    const run = ladderc(['diff', '--git', 'no-such-rev'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--git no-such-rev: not a revision of this repository');
  });
});

describe('ladderc promote', () => {
  it('prints the step to the next level, reworded statements word by word', () => {
    const cwd = project({ [`sources/${SEED}`]: seed() });
    const run = ladderc(['promote', 'titles-for-ops', 'titles-for-ops', 'l2'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('SRE (L2) → Senior SRE (L3)  (Titles for Ops › Titles for Ops)');
    expect(run.stdout).toContain('  ~ Scopes and manages [-small-] {+large+} projects');
    expect(run.stdout).toMatch(/\n {2}\+ Participates in higher risk maintenances\.\n/);
    // Names work as well as ids.
    expect(ladderc(['promote', 'Titles for Ops', 'Titles for Ops', 'SRE (L2)'], { cwd }).stdout).toBe(run.stdout);
  });

  it('exits 2 for the most senior level and for names it does not know', () => {
    const cwd = project({ [`sources/${SEED}`]: seed() });
    expect(ladderc(['promote', 'titles-for-ops', 'titles-for-ops', 'l5'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('most senior level') });
    expect(ladderc(['promote', 'nope', 'x', 'y'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('no ladder "nope"') });
    expect(ladderc(['promote', 'titles-for-ops'], { cwd }).code).toBe(2);
  });
});
