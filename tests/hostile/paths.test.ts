// Ids and output names are slugs that never leave out/: `..`, absolute paths, backslashes, NUL,
// Windows device names, look-alikes and 300-character titles, in source contents and file names;
// colliding ids get distinct names, the same on every build, with a warning naming the source.
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from '../../src/text/slug.js';
import { cleanup, ensureDist, ladderc, project } from '../cli/support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const NAMES = ['..', '../../etc/passwd', 'C:\\Windows\\System32', '/etc/shadow', 'CON', 'ＣＯＮ', 'nul', 'Lpt1', 'a\u0000b', 'x'.repeat(300), 'Ϲоn', '%2e%2e%2f', '~root'];

describe('slugify', () => {
  it('gives lowercase ASCII slugs that cannot name a parent, an absolute path or a device', () => {
    for (const name of NAMES) {
      const slug = slugify(name, 'level');
      expect(slug, name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(slug.length, name).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      expect(slug, name).not.toMatch(/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/);
      expect(slugify(slug), `${name}: stable`).toBe(slug);
    }
    expect(slugify('CON')).toBe('con-0');
    expect(slugify('ＣＯＮ')).toBe('con-0');
    expect(slugify('..', 'level')).toBe('level');
    expect(slugify(`${'word '.repeat(60)}`)).toBe(Array.from({ length: 12 }, () => 'word').join('-'));
  });
});

describe('hostile names through the CLI', () => {
  const levels = NAMES.slice(0, 6);
  const rows = NAMES.map((n, i) => `| ${n.replace(/\u0000/g, '')} ${i % 2 ? '' : '..'} | ${levels.map(() => 'does it').join(' | ')} |`);
  const table = `# ${'T'.repeat(300)}\n\n| Competency | ${levels.join(' | ')} |\n|---|${levels.map(() => '---|').join('')}\n${rows.join('\n')}\n`;
  const files = {
    'src/CON.md': table,
    'src/con.txt': table,
    [`src/${'long-name-'.repeat(20)}.md`]: table,
    'src/..md': table,
  };

  it('writes every file inside out/, under slug names, with distinct stable names for colliding ids', () => {
    const dir = project(files);
    const first = ladderc(['build', 'src', '--format', 'json,html,csv,md', '--no-cache'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    // CON.md and con.txt both give the ladder id "con-0": the second gets a suffix and a warning.
    expect(first.stderr).toMatch(/^src\/con\.txt:1:1: warning: another source already has the ladder id "con-0"; this one gets "con-0-2" \[duplicate-id\]$/m);
    // ..md is a hidden file (it starts with a dot): never read.
    const out = resolve(dir, 'out');
    const listing = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name)).split(sep).join('/'));
    expect(listing.length).toBeGreaterThan(20);
    for (const path of listing) {
      expect(path).toMatch(/^[a-z0-9][a-z0-9./-]*$/);
      for (const segment of path.split('/')) {
        expect(segment, path).not.toBe('..');
        // At most two ids joined ("ladder--track.csv"): far below the 255 bytes of a file name.
        expect(segment.length, path).toBeLessThanOrEqual(2 * MAX_SLUG_LENGTH + 16);
        expect(segment.replace(/\..*$/, ''), path).not.toMatch(/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/);
      }
    }
    expect(listing).toContain('json/con-0.json');
    expect(listing).toContain('json/con-0-2.json');
    // The same names on a second build, in a fresh copy of the project.
    const again = project(files);
    expect(ladderc(['build', 'src', '--format', 'json,html,csv,md', '--no-cache'], { cwd: again }).code).toBe(0);
    const listingAgain = readdirSync(join(again, 'out'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(join(again, 'out'), join(e.parentPath, e.name)).split(sep).join('/'));
    expect(listingAgain.sort()).toEqual(listing.sort());
  });
});
