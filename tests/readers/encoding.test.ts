// Source encodings through readSource: UTF-16 (LE/BE, with BOM), Windows-1252, UTF-8 with BOM,
// binary files, and double-encoded (mojibake) UTF-8. Fixtures are built here from the seeds.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model.js';
import { readSource, type ReadResult } from '../../src/readers/index.js';

const TITLES = 'sources/titles-for-ops.txt';
const ROLES = 'sources/technical-and-professional-roles.txt';

const seed = (path: string): string => readFileSync(path, 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function utf16le(text: string, bom = true): Uint8Array {
  return concat(bom ? [0xff, 0xfe] : [], Buffer.from(text, 'utf16le'));
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  return concat([0xfe, 0xff], le.swap16());
}

// Windows-1252 0x80–0x9F, written out here so that the test does not share decode.ts's table.
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
  0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
  0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const CP1252_BYTE = new Map(Object.entries(CP1252).map(([byte, ch]) => [ch, Number(byte)]));

function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_BYTE.get(ch);
    if (byte === undefined) throw new Error(`"${ch}" has no Windows-1252 byte`);
    return byte;
  });
}

/** What a UTF-8 file looks like after one wrong trip through Windows-1252 and back to UTF-8. */
function doubleEncode(text: string): string {
  return [...utf8(text)]
    .map((b) => {
      if (b < 0x80 || b >= 0xa0) return String.fromCharCode(b);
      const ch = CP1252[b];
      if (ch === undefined) throw new Error(`byte 0x${b.toString(16)} is undefined in Windows-1252`);
      return ch;
    })
    .join('');
}

/** The ladder without what legitimately differs between encodings of one text: the bytes' hash. */
function content(result: ReadResult): Omit<Ladder, 'source'> & { source: { path: string; format: string } } {
  expect(result.ladder).toBeDefined();
  const { source, ...rest } = result.ladder!;
  return { ...rest, source: { path: source.path, format: source.format } };
}

function withoutPositions(result: ReadResult): string {
  return JSON.stringify(content(result), (key, value: unknown) => (key === 'position' ? undefined : value));
}

function byRule(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

function expectNoReplacementCharacter(result: ReadResult): void {
  expect(JSON.stringify(result)).not.toContain('\uFFFD');
}

/** A seed's text made to need Windows-1252's own bytes: curly quotes (0x93/0x94) and é (0xE9). */
function withWindowsCharacters(path: string): string {
  const text = seed(path);
  const first = text.split('\n')[0]!;
  return text.replace(first, `${first} “Café” edition`);
}

describe.each([
  ['UTF-16LE', 'utf-16le', (t: string) => utf16le(t)],
  ['UTF-16BE', 'utf-16be', utf16be],
])('%s with a BOM', (name, _encoding, encode) => {
  it.each([TITLES, ROLES])('%s reads as it does in UTF-8, with an encoding note', (path) => {
    const text = seed(path);
    const result = readSource(encode(text), path);
    const reference = readSource(utf8(text), path);
    expect(content(result)).toEqual(content(reference));
    expect(byRule(result.diagnostics, 'encoding')).toMatchObject([{ severity: 'info', line: 1, column: 1, message: `decoded as ${name}` }]);
    expect(result.diagnostics.filter((d) => d.ruleId !== 'encoding')).toEqual(reference.diagnostics);
    expectNoReplacementCharacter(result);
  });

  it('keeps characters outside Latin-1 (→, —) in the scraped-text seed', () => {
    const result = readSource(encode(seed(ROLES)), ROLES);
    expect(result.ladder!.title).toBe('Technical and Professional Roles');
    expect(result.ladder!.description).toContain('Junior (P1) → Mid (P2)');
    expect(result.ladder!.tracks[0]!.levels.map((l) => l.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
  });
});

describe('Windows-1252', () => {
  it.each([TITLES, ROLES])('%s with curly quotes and é reads as its UTF-8 twin, with an encoding note', (path) => {
    // The scraped-text seed's arrows have no Windows-1252 byte: "»" (0xBB) stands in for them.
    const text = withWindowsCharacters(path).replaceAll('→', '»');
    const bytes = windows1252(text);
    expect([0x93, 0x94, 0xe9].every((b) => bytes.includes(b))).toBe(true);
    const result = readSource(bytes, path);
    const reference = readSource(utf8(text), path);
    expect(content(result)).toEqual(content(reference));
    expect(byRule(result.diagnostics, 'encoding')).toMatchObject([{ severity: 'info', message: 'decoded as WINDOWS-1252' }]);
    expectNoReplacementCharacter(result);
  });

  it('decodes the scraped-text seed to the same title and levels', () => {
    const text = withWindowsCharacters(ROLES).replaceAll('→', '»');
    const ladder = readSource(windows1252(text), ROLES).ladder!;
    expect(ladder.title).toBe('Technical and Professional Roles “Café” edition');
    expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['Junior', 'Mid', 'Senior', 'Senior-plus/team technical lead', 'Staff', 'Principal']);
    expect(ladder.description).toContain('engineer — covering');
  });
});

describe('mixed and damaged input', () => {
  it('a UTF-8 file with stray Windows-1252 quote bytes still reads to the right characters', () => {
    const text = seed(ROLES);
    const quoted = text.replace('Individual contributor', 'Individual “contributor”');
    // The quotes as single Windows-1252 bytes (0x93, 0x94) inside otherwise UTF-8 bytes.
    const [before, after] = quoted.split('“contributor”') as [string, string];
    const bytes = concat(utf8(before), [0x93], utf8('contributor'), [0x94], utf8(after));
    const result = readSource(bytes, ROLES);
    const reference = readSource(utf8(quoted), ROLES);
    expect(result.ladder!.tracks.map((t) => t.name)).toEqual(['Individual “contributor”']);
    expect(result.ladder!.description).toBe(reference.ladder!.description);
    // The UTF-8 around the stray bytes stays UTF-8, so positions match the clean file's.
    expect(result.ladder).toEqual({ ...reference.ladder, source: result.ladder!.source });
    const strays = byRule(result.diagnostics, 'stray-byte');
    expect(strays.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'byte 0x93 is not UTF-8; read as Windows-1252 "“"'],
      ['warning', 'byte 0x94 is not UTF-8; read as Windows-1252 "”"'],
    ]);
    expect(byRule(result.diagnostics, 'mojibake-repaired')).toEqual([]);
    expect(byRule(result.diagnostics, 'encoding')).toEqual([]);
    expectNoReplacementCharacter(result);
  });

  it('UTF-16 with a BOM and CRLF line ends reads as the LF UTF-8 file', () => {
    const text = seed(ROLES);
    const result = readSource(utf16le(text.replace(/\n/g, '\r\n')), ROLES);
    expect(content(result)).toEqual(content(readSource(utf8(text), ROLES)));
  });

  it('a UTF-16 file cut in the middle of a character is not text, and says where', () => {
    const bytes = concat(utf16le('Title\r\nLine'), [0x41]);
    const result = readSource(bytes, 'cut.txt');
    expect(result.ladder).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'not-text', line: 2, column: 5 }]);
  });
});

describe('UTF-8 with a BOM', () => {
  it.each([TITLES, ROLES])('%s reads as without the BOM, and needs no encoding note', (path) => {
    const text = seed(path);
    const result = readSource(concat([0xef, 0xbb, 0xbf], utf8(text)), path);
    expect(content(result)).toEqual(content(readSource(utf8(text), path)));
    expect(byRule(result.diagnostics, 'encoding')).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('\uFEFF');
    expectNoReplacementCharacter(result);
  });
});

describe('binary input', () => {
  it('UTF-16 without a BOM (NUL bytes) is not text: an error and no ladder', () => {
    const result = readSource(utf16le(seed(ROLES), false), ROLES);
    expect(result.ladder).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'not-text', line: 1, column: 2 }]);
  });

  it('a NUL byte inside a UTF-8 file is reported where it is', () => {
    const lines = seed(TITLES).split('\n');
    const column = 5;
    lines[2] = `${lines[2]!.slice(0, column - 1)}\u0000${lines[2]!.slice(column - 1)}`;
    const result = readSource(utf8(lines.join('\n')), TITLES);
    expect(result.ladder).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', ruleId: 'not-text', line: 3, column }]);
  });
});

describe('mojibake', () => {
  it('repairs the seed’s double-encoded apostrophe with a warning at its line and column', () => {
    const text = seed(TITLES);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('â€™'));
    expect(line).toBeGreaterThanOrEqual(0);
    const result = readSource(readFileSync(TITLES), TITLES);
    expect(byRule(result.diagnostics, 'mojibake-repaired')).toMatchObject([
      { severity: 'warning', line: line + 1, column: lines[line]!.indexOf('â€™') + 1 },
    ]);
    expect(JSON.stringify(result.ladder)).not.toContain('â€™');
    expectNoReplacementCharacter(result);
  });

  it('repairs a double-encoded paragraph of the scraped-text seed, each repair where it is', () => {
    const lines = seed(ROLES).split('\n');
    const broken = doubleEncode(lines[1]!);
    expect(broken).toContain('â†’');
    const result = readSource(utf8([lines[0], broken, ...lines.slice(2)].join('\n')), ROLES);
    const expected = [...broken.matchAll(/â€”|â†’/g)].map((m) => ({ severity: 'warning', line: 2, column: m.index + 1 }));
    expect(expected.length).toBeGreaterThan(5);
    expect(byRule(result.diagnostics, 'mojibake-repaired')).toMatchObject(expected);

    // Repaired, the paragraph equals its clean repeats (which are dropped), and the ladder is the seed's.
    const clean = readSource(readFileSync(ROLES), ROLES);
    expect(withoutPositions(result)).toEqual(withoutPositions(clean));
    expect(byRule(result.diagnostics, 'repeated-paragraph')).toHaveLength(6);
    // Positions after a repair point into the damaged source line as written.
    const levels = result.ladder!.tracks[0]!.levels;
    expect(levels[5]!.position).toEqual({ line: 2, column: broken.indexOf('Principal (P6)') + 1 });
    expectNoReplacementCharacter(result);
  });
});
