// Bytes → clean text: encoding detection (UTF-8, UTF-16 with BOM, Windows-1252), line-ending
// and Unicode normalisation, mojibake repair, and the map from repaired positions back to the source.

import type { Position } from '../model.js';

export interface Repair {
  /** Where the damaged text starts in the source. */
  line: number;
  column: number;
  from: string;
  to: string;
}

export interface DecodedText {
  /** The text readers parse: LF line ends, NFC, mojibake repaired. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  hadBom: boolean;
  /** UTF-8 text with a few bytes that are not UTF-8: each read as Windows-1252, with where it was. */
  strayBytes: Array<{ byte: number; to: string; line: number; column: number }>;
  repairs: Repair[];
  /** Maps a position in `text` to the same place in the source as a person's editor shows it. */
  toSource(position: Position): Position;
}

export type DecodeResult =
  | { ok: true; decoded: DecodedText }
  | { ok: false; reason: string; position: Position };

// Windows-1252 bytes 0x80–0x9F; the five undefined bytes decode (per WHATWG) to their C1 code points.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** The byte a character had before a Windows-1252 decoder turned it into that character, if any. */
function cp1252Byte(ch: string): number | undefined {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return code;
  if (code >= 0xa0 && code <= 0xff) return code;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 ? 0x80 + i : undefined;
}

const CONT = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u009F]/g, '')}]`;
// A UTF-8 lead byte read as Windows-1252 (Â–ô), followed by the right number of continuation bytes.
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`,
  'g',
);

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

function repairOne(s: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of s) {
    const b = cp1252Byte(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    const out = utf8Fatal.decode(Uint8Array.from(bytes));
    // Only a repair if it yields one non-ASCII character that is not itself a C1 control.
    if ([...out].length !== 1 || /[\u0000-\u009F]/.test(out)) return undefined;
    return out;
  } catch {
    return undefined;
  }
}

// Node's TextDecoder treats "windows-1252" as Latin-1 (0x93 → U+0093), so decode it by table.
function cp1252Char(b: number): string {
  return b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
}

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += cp1252Char(b);
  return out;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1]!;
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  if (b === 0xe0 && second < 0xa0) return 0;
  if (b === 0xed && second > 0x9f) return 0;
  if (b === 0xf0 && second < 0x90) return 0;
  if (b === 0xf4 && second > 0x8f) return 0;
  return n;
}

/**
 * Text that is not valid UTF-8: when most non-ASCII bytes still form UTF-8 sequences, it is UTF-8
 * with a few stray Windows-1252 bytes (a pasted curly quote); otherwise it is Windows-1252.
 */
function decodeMixed(bytes: Uint8Array): { text: string; mixed: boolean; strays: number[] } {
  const strays: number[] = [];
  let sequences = 0;
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i += 1;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      out += utf8Fatal.decode(bytes.subarray(i, i + n));
      sequences += 1;
      i += n;
    } else {
      strays.push(out.length);
      out += cp1252Char(b);
      i += 1;
    }
  }
  return sequences > strays.length ? { text: out, mixed: true, strays } : { text: decodeWindows1252(bytes), mixed: false, strays: [] };
}

function hasControlCharacters(text: string): { index: number } | undefined {
  // Tab, LF, FF and CR are text; other C0 controls and DEL mean a binary file.
  const m = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  return m ? { index: m.index } : undefined;
}

function positionOf(text: string, index: number): Position {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    last = i;
  }
  return { line, column: index - last };
}

/** Decodes raw source bytes. Never replaces characters with U+FFFD: undecodable input is an error. */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  let encoding: DecodedText['encoding'] = 'utf-8';
  let hadBom = false;
  let raw: string;
  let strayIndexes: number[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    hadBom = true;
    raw = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    hadBom = true;
    raw = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      hadBom = true;
      bytes = bytes.subarray(3);
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
      return { ok: false, reason: 'contains NUL bytes: this is not a text file', position: positionOf(before, before.length) };
    }
    try {
      raw = utf8Fatal.decode(bytes);
    } catch {
      const mixed = decodeMixed(bytes);
      raw = mixed.text;
      if (mixed.mixed) strayIndexes = mixed.strays;
      else encoding = 'windows-1252';
    }
  }
  if (encoding.startsWith('utf-16') && raw.includes('\uFFFD')) {
    const i = raw.indexOf('\uFFFD');
    return { ok: false, reason: `is not valid ${encoding.toUpperCase()}`, position: positionOf(raw, i) };
  }
  const control = hasControlCharacters(raw);
  if (control) {
    return {
      ok: false,
      reason: `contains control character U+${raw.charCodeAt(control.index).toString(16).toUpperCase().padStart(4, '0')}: this is not a text file`,
      position: positionOf(raw, control.index),
    };
  }
  if (/[\u0080-\u009F]/.test(raw) && (encoding === 'windows-1252' || strayIndexes.length)) {
    const i = raw.search(/[\u0080-\u009F]/);
    return { ok: false, reason: 'is neither UTF-8 nor Windows-1252 text', position: positionOf(raw, i) };
  }

  const strayBytes = strayIndexes.map((index) => {
    const to = raw[index]!;
    return { byte: cp1252Byte(to)!, to, ...positionOf(raw, index) };
  });
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const repairs: Repair[] = [];
  // Per line: [repaired column, columns the source had more] pairs, in order.
  const shifts = new Map<number, Array<[number, number]>>();
  const out = lines.map((sourceLine, i) => {
    let delta = 0;
    const fixed = sourceLine.replace(MOJIBAKE, (m: string, offset: number) => {
      const to = repairOne(m);
      if (to === undefined) return m;
      repairs.push({ line: i + 1, column: offset + 1, from: m, to });
      const list = shifts.get(i + 1) ?? [];
      delta += m.length - to.length;
      list.push([offset + 1 - (delta - (m.length - to.length)) + to.length, delta]);
      shifts.set(i + 1, list);
      return to;
    });
    return fixed.normalize('NFC');
  });

  const decoded: DecodedText = {
    text: out.join('\n'),
    encoding,
    hadBom,
    strayBytes,
    repairs,
    toSource(position) {
      const list = shifts.get(position.line);
      if (!list) return position;
      let delta = 0;
      for (const [after, d] of list) if (position.column >= after) delta = d;
      return { line: position.line, column: position.column + delta };
    },
  };
  return { ok: true, decoded };
}
