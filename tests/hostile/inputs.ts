// The bad-input suite's inputs, generated (never committed as blobs): each a source file's bytes,
// or a file-system shape made in a temp project, with the exit code the CLI contract gives it.

/** A small, valid GFM ladder (three levels, four competencies): the base the big inputs repeat. */
export const SMALL_LADDER = `# Growth Matrix

| Competency | Junior | Senior | Staff |
|---|---|---|---|
| Coding | Writes code with help | Writes clean code alone | Shapes how the team codes |
| Review | Reviews small changes | Reviews most changes | Sets review norms |
| Testing | Adds tests | Tests edge cases | Owns the test strategy |
| Operations | Reads dashboards | Leads incidents | Runs postmortems |
`;

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

/** Bytes that look random (a fixed LCG), never valid text. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// The first bytes of a real PNG (signature, IHDR), then image-like noise.
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0];

function png(): Uint8Array {
  const body = noise(600);
  const out = new Uint8Array(PNG_HEAD.length + body.length);
  out.set(PNG_HEAD);
  out.set(body, PNG_HEAD.length);
  return out;
}

/** Windows-1252 bytes of a ladder with curly quotes, dashes and accents (not valid UTF-8). */
function windows1252(): Uint8Array {
  const text = SMALL_LADDER.replace('Growth Matrix', 'Growth Matrix \u2013 caf\u00e9').replace('Writes code with help', '\u201cWrites\u201d code with help');
  const map: Record<string, number> = { '\u2013': 0x96, '\u00e9': 0xe9, '\u201c': 0x93, '\u201d': 0x94 };
  return Uint8Array.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

function repeatLines(line: string, count: number): string {
  return Array.from({ length: count }, () => line).join('\n');
}

function wideTable(columns: number): string {
  const levels = Array.from({ length: columns - 1 }, (_, i) => `L${i + 1}`);
  return `# Wide\n\n| Competency | ${levels.join(' | ')} |\n|${' --- |'.repeat(columns)}\n| Coding | ${levels.map((l) => `does ${l}`).join(' | ')} |\n`;
}

function deepYaml(depth: number): string {
  // Flow style: `levels: [[[[…]]]]` — one line, `depth` levels deep.
  return `---\ntitle: Deep\nlevels: ${'['.repeat(depth)}x${']'.repeat(depth)}\ntopics: []\n---\n`;
}

function aliasBomb(): string {
  const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i += 1) {
    const prev = `*${names[i - 1]}`;
    lines.push(`${names[i]}: &${names[i]} [${Array.from({ length: 9 }, () => prev).join(',')}]`);
  }
  lines.push('levels: *i', 'topics: *i', '---', '');
  return lines.join('\n');
}

const FRONT_MATTER_LADDER = `---
title: Front Matter Ladder
levels:
  - Junior
  - Senior
topics:
  - name: Coding
    content:
      - level: Junior
        criteria: [Writes code with help]
      - level: Senior
        criteria: [Writes clean code alone]
---
`;

export interface HostileFile {
  kind: 'file';
  name: string;
  /** What the case stands for, as the issue lists it. */
  title: string;
  /** The source file, relative to the project's src/. */
  file: string;
  bytes: () => Uint8Array;
  /** The CLI's exit code (src/cli/exit-codes.ts). */
  exit: 0 | 1 | 2;
  /** A rule id the diagnostic naming the file must carry (exit 1), when one is fixed. */
  rule?: string;
  /** The diagnostic has a line and column beyond 1:1 (the input has a position worth naming). */
  positioned?: boolean;
  /** Big input: allowed more time (still seconds). */
  big?: boolean;
}

/** Every hostile source file of the suite. */
export function hostileFiles(): HostileFile[] {
  return [
    { kind: 'file', name: 'empty', title: 'empty file', file: 'empty.md', bytes: () => new Uint8Array(0), exit: 1, rule: 'empty-source' },
    { kind: 'file', name: 'whitespace', title: 'whitespace only', file: 'blank.md', bytes: () => enc(' \n\t\n   \r\n\n'), exit: 1, rule: 'empty-source' },
    { kind: 'file', name: 'binary', title: 'random binary', file: 'noise.txt', bytes: () => noise(4096), exit: 1, rule: 'not-text' },
    { kind: 'file', name: 'png-as-md', title: 'a PNG renamed .md', file: 'picture.md', bytes: png, exit: 1, rule: 'not-text' },
    { kind: 'file', name: 'nul-bytes', title: 'NUL bytes in text', file: 'nul.md', bytes: () => enc(SMALL_LADDER.replace('Reviews most changes', 'Reviews\u0000most\u0000changes')), exit: 1, rule: 'not-text', positioned: true },
    { kind: 'file', name: 'utf16le', title: 'UTF-16 LE with BOM', file: 'utf16le.md', bytes: () => utf16(SMALL_LADDER, false), exit: 0 },
    { kind: 'file', name: 'utf16be', title: 'UTF-16 BE with BOM', file: 'utf16be.md', bytes: () => utf16(SMALL_LADDER, true), exit: 0 },
    { kind: 'file', name: 'windows-1252', title: 'Windows-1252', file: 'cp1252.md', bytes: windows1252, exit: 0 },
    { kind: 'file', name: 'mixed-eol', title: 'mixed CRLF/LF', file: 'mixed.md', bytes: () => enc(SMALL_LADDER.split('\n').map((l, i) => (i % 2 ? `${l}\r` : l)).join('\n')), exit: 0 },
    { kind: 'file', name: 'header-no-rows', title: 'a table with a header and no rows', file: 'header-only.md', bytes: () => enc('# T\n\n| Competency | Junior | Senior |\n|---|---|---|\n'), exit: 1, rule: 'no-ladder' },
    { kind: 'file', name: 'ragged-rows', title: 'ragged rows', file: 'ragged.md', bytes: () => enc('# T\n\n| Competency | Junior | Senior | Staff |\n|---|---|---|---|\n| Coding | a |\n| Review | a | b | c | d | e |\n| Testing | a | b | c |\n'), exit: 0 },
    { kind: 'file', name: 'unclosed-html', title: 'unclosed HTML', file: 'unclosed.html', bytes: () => enc('<html><body><table><tr><th>Competency<th>Junior<th>Senior<tr><td>Coding<td>Writes code<td>Writes <b>clean code<tr><td>Review<td>Reviews<td>Leads <div><span>'), exit: 0 },
    {
      kind: 'file',
      name: 'nested-divs',
      title: '20,000 nested <div>s around a table',
      file: 'deep.html',
      bytes: () => enc(`<html><body>${'<div>'.repeat(20_000)}<table><tr><th>Competency</th><th>Junior</th><th>Senior</th></tr><tr><td>Coding</td><td>Writes code</td><td>Writes clean code</td></tr></table>${'</div>'.repeat(20_000)}</body></html>`),
      exit: 1,
      rule: 'too-deep',
      positioned: true,
      big: true,
    },
    { kind: 'file', name: 'deep-list', title: 'a 3,000-deep list', file: 'deep-list.md', bytes: () => enc(`# Deep\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`), exit: 1, rule: 'too-deep', positioned: true, big: true },
    { kind: 'file', name: 'deep-list-one-line', title: 'a 3,000-deep list on one line', file: 'deep-line.md', bytes: () => enc(`# Deep\n\n${'- '.repeat(3000)}item\n`), exit: 1, rule: 'too-deep', positioned: true },
    { kind: 'file', name: 'deep-quote', title: '3,000 nested block quotes', file: 'deep-quote.md', bytes: () => enc(`# Deep\n\n${'> '.repeat(3000)}quote\n`), exit: 1, rule: 'too-deep', positioned: true },
    { kind: 'file', name: 'wide-table', title: 'a 3,000-column table', file: 'wide.md', bytes: () => enc(wideTable(3000)), exit: 1, rule: 'too-many-levels', positioned: true, big: true },
    { kind: 'file', name: 'pipes', title: 'a line of 50,000 pipes', file: 'pipes.md', bytes: () => enc(`# Pipes\n\n${'|'.repeat(50_000)}\n${'|'.repeat(50_000)}\n`), exit: 1, rule: 'no-ladder', big: true },
    { kind: 'file', name: 'emphasis', title: '20,000 unclosed emphasis markers', file: 'emphasis.md', bytes: () => enc(`# Emphasis\n\n${'*a _b '.repeat(20_000)}\n`), exit: 1, rule: 'no-ladder', big: true },
    {
      kind: 'file',
      name: 'duplicate-levels',
      title: 'duplicate level titles',
      file: 'duplicate-levels.md',
      bytes: () => enc('# T\n\n| Competency | Junior | Senior | Senior |\n|---|---|---|---|\n| Coding | a | b | c |\n| Review | a | b | c |\n'),
      exit: 0,
      rule: 'duplicate-level',
      positioned: true,
    },
    {
      kind: 'file',
      name: 'duplicate-competencies',
      title: 'duplicate competency names in different categories',
      file: 'duplicate-competencies.md',
      bytes: () => enc('# T\n\n| Category | Competency | Junior | Senior |\n|---|---|---|---|\n| Technical | Communication | a | b |\n| People | Communication | c | d |\n'),
      exit: 0,
    },
    { kind: 'file', name: 'huge-source', title: 'a 20 MB source over a 10 MB maxSourceSize', file: 'huge.md', bytes: () => enc(repeatLines('| Coding | Writes code with help | Writes clean code alone | Shapes how the team codes |', 230_000)), exit: 1, rule: 'source-too-large', big: true },
    { kind: 'file', name: 'yaml-alias-bomb', title: 'YAML front matter with an alias bomb', file: 'bomb.md', bytes: () => enc(aliasBomb()), exit: 1, rule: 'front-matter-levels', positioned: true },
    {
      kind: 'file',
      name: 'yaml-proto',
      title: 'YAML front matter with __proto__ and constructor keys',
      file: 'proto.md',
      bytes: () => enc(FRONT_MATTER_LADDER.replace('title: Front Matter Ladder', 'title: Front Matter Ladder\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes').replace('  - name: Coding', '  - name: Coding\n    __proto__: { polluted: yes }')),
      exit: 0,
    },
    { kind: 'file', name: 'yaml-deep', title: 'YAML front matter nested 10,000 deep', file: 'deep-yaml.md', bytes: () => enc(deepYaml(10_000)), exit: 1, rule: 'too-deep', positioned: true, big: true },
    { kind: 'file', name: 'yaml-duplicate-keys', title: 'YAML front matter with duplicate keys', file: 'dupkeys.md', bytes: () => enc(FRONT_MATTER_LADDER.replace('title: Front Matter Ladder', 'title: Front Matter Ladder\ntitle: Again')), exit: 1, rule: 'yaml-syntax', positioned: true },
  ];
}

/** The 4 MB Markdown source of the issue: a ~10 KB ladder repeated 400 times. */
export function repeatedLadder(times: number): string {
  const rows = Array.from({ length: 60 }, (_, i) => `| Skill ${i} | Writes code with some help ${i} | Writes clean code alone ${i} | Shapes how the team codes ${i} |`).join('\n');
  const one = `## Track\n\n| Competency | Junior | Senior | Staff |\n|---|---|---|---|\n${rows}\n\nSome prose about the track, **bold** and _emphasis_ and a [link](https://example.com).\n\n`;
  const block = one.repeat(Math.max(1, Math.round(10_000 / one.length)));
  return `# Big\n\n${block.repeat(times)}`;
}
