// Every exit code of the CLI, from the built JavaScript run as a child process.
import { symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_SEED, cleanup, ensureDist, ladderc, project } from './support.js';

beforeAll(ensureDist);
afterAll(cleanup);

const json = ['--format', 'json'];

describe('exit 0', () => {
  it('builds a clean source', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.stderr).toMatch(/compiled 1 ladder into out\//);
    expect(run.code).toBe(0);
  });

  it('--help and --version', () => {
    const dir = project({});
    expect(ladderc(['--help'], { cwd: dir })).toMatchObject({ code: 0, stdout: expect.stringContaining('Exit codes:') });
    expect(ladderc(['--version'], { cwd: dir }).stdout).toMatch(/^ladderc \d+\.\d+\.\d+/);
  });
});

describe('exit 1: errors in the sources', () => {
  it('a source with NUL bytes is not text', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'src/b.txt': new Uint8Array([0x4c, 0x31, 0x00, 0x00, 0x0a, 0x41, 0x00, 0x42]) });
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/src\/b\.txt:\d+:\d+: error: .*\[not-text\]/);
    expect(run.stderr).toMatch(/nothing written/);
  });

  it('check reports errors with exit 1 too', () => {
    const dir = project({ 'src/b.txt': new Uint8Array([0, 0, 0, 0x41]) });
    expect(ladderc(['check', 'src'], { cwd: dir }).code).toBe(1);
  });
});

describe('exit 2: usage and environment errors, each named, all reported together', () => {
  it('an unknown flag', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', '--frobnicate'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option "--frobnicate"');
  });

  it('an unknown format', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', '--format', 'json,docx'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "docx"');
  });

  it('a missing path', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', 'nowhere', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nowhere: no such file or directory');
  });

  it('an unknown command', () => {
    const dir = project({});
    expect(ladderc(['compile'], { cwd: dir }).code).toBe(2);
  });

  it('an invalid config: every error named, all reported in one run', () => {
    const dir = project({
      'src/a.txt': { seed: CLEAN_SEED },
      'ladderc.config.json': JSON.stringify({ strict: 'yes', pdf: { paper: 'a3' }, colour: true, sources: { 'src/a.txt': { orientation: 'sideways' } } }),
    });
    const run = ladderc(['build', 'src', ...json, '--bogus'], { cwd: dir });
    expect(run.code).toBe(2);
    for (const expected of ['strict: must be true or false', 'pdf.paper: must be one of a4, letter', 'colour: unknown field', 'orientation: must be one of', 'unknown option "--bogus"']) {
      expect(run.stderr).toContain(expected);
    }
    expect(run.stderr).toContain('ladderc.config.json: invalid config');
  });

  it('a config that is not JSON', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED }, 'ladderc.config.json': '{ "strict": true,' });
    const run = ladderc(['build', 'src', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ladderc\.config\.json: invalid config: not valid JSON/);
  });

  // Tests run as root, where chmod 000 still reads: unreadable means a folder where a file is
  // expected, or a symbolic link to nothing.
  it('an unreadable config (a folder where the file should be)', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    mkdirSync(join(dir, 'conf.json'));
    const run = ladderc(['build', 'src', ...json, '--config', 'conf.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('conf.json: cannot read the config file');
  });

  it('an unreadable source (a dangling symbolic link named on the command line)', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'src', 'link.txt'));
    const run = ladderc(['build', 'src/a.txt', 'src/link.txt', ...json], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('src/link.txt');
  });

  it('several usage errors are reported together', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', 'missing-dir', '--format', 'rtf', '--paper', 'a0', '--nope'], { cwd: dir });
    expect(run.code).toBe(2);
    for (const expected of ['missing-dir', '"rtf"', '"a0"', '"--nope"']) expect(run.stderr).toContain(expected);
  });

  it('--check with the check command, and watch --check', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    expect(ladderc(['check', 'src', '--check'], { cwd: dir }).code).toBe(2);
    expect(ladderc(['watch', 'src', '--check'], { cwd: dir }).code).toBe(2);
  });

  it('a cache folder inside the output folder', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', ...json, '--cache-dir', 'out/.cache'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must not be inside the output folder');
  });

  it('a malformed SOURCE_DATE_EPOCH', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'src', ...json], { cwd: dir, env: { SOURCE_DATE_EPOCH: '2024-01-01' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number');
  });

  it('usage errors reach the github reporter as error commands', () => {
    const dir = project({ 'src/a.txt': { seed: CLEAN_SEED } });
    const run = ladderc(['build', 'nowhere', ...json], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('::error title=ladderc usage::nowhere: no such file or directory');
  });
});
