import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/text/decode.js';
import { splitStatements } from '../../src/text/statements.js';
import { parseLevelLabel } from '../../src/text/level-label.js';
import { slugify, IdAllocator } from '../../src/text/slug.js';
import { isNotApplicable } from '../../src/text/plain.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('splitStatements', () => {
  it.each([
    ['Manages projects with help scoping and planning.Demonstrates curiosity.', ['Manages projects with help scoping and planning.', 'Demonstrates curiosity.']],
    ['Updates internal documentation Asks clear questions', ['Updates internal documentation Asks clear questions']],
    ['Expert in multiple areas. Leads the team.', ['Expert in multiple areas.', 'Leads the team.']],
    ['• Reviews PRs\n• Leaves kind comments', ['Reviews PRs', 'Leaves kind comments']],
    ['- Writes code\n- Tests it', ['Writes code', 'Tests it']],
    ['1. First\n2. Second', ['First', 'Second']],
    ['-1 bugs a week\n2024 goals met', ['-1 bugs a week', '2024 goals met']],
    ['Competent in 1-2 areas (e.g. Networking) and more', ['Competent in 1-2 areas (e.g. Networking) and more']],
    ['Patches things, etc. Then more', ['Patches things, etc. Then more']],
    ['Tactical vs. Strategic skills', ['Tactical vs. Strategic skills']],
    ['Uses Node.JS daily. Ships.', ['Uses Node.JS daily.', 'Ships.']],
    ['Major org (SVP or VP level).Often has large teams', ['Major org (SVP or VP level).', 'Often has large teams']],
    ['Is it done? Yes! Done.', ['Is it done?', 'Yes!', 'Done.']],
    ['One\nTwo. Three\n\nFour', ['One', 'Two.', 'Three', 'Four']],
    ['Says "hi." Then leaves', ['Says "hi."', 'Then leaves']],
    ['version 1.2 Is fine', ['version 1.2 Is fine']],
  ])('%j', (text, expected) => {
    expect(splitStatements(text)).toEqual(expected);
  });
});

describe('parseLevelLabel', () => {
  it.each([
    ['Junior SRE (L1)', { title: 'Junior SRE', code: 'L1' }],
    ['1', { title: '1', code: '1' }],
    ['IC3', { title: 'IC3', code: 'IC3' }],
    ['Level 3 - Senior Engineer', { title: 'Senior Engineer', code: 'Level 3' }],
    ['Apprentice (IC 1)', { title: 'Apprentice', code: 'IC 1' }],
    ['D4 - Developer 4', { title: 'Developer 4', code: 'D4' }],
    ['Senior-plus/team technical lead (P4)', { title: 'Senior-plus/team technical lead', code: 'P4' }],
    ['Staff Software Engineer', { title: 'Staff Software Engineer' }],
    ['Senior Vice President / CTO / CIO', { title: 'Senior Vice President / CTO / CIO' }],
    ['Level 0', { title: 'Level 0', code: 'Level 0' }],
    ['P1 / P2 — Engineer', { title: 'Engineer', code: 'P1 / P2' }],
    ['P1/P2', { title: 'P1/P2', code: 'P1/P2' }],
    ['Senior Engineer, L5', { title: 'Senior Engineer', code: 'L5' }],
    ['Senior Engineer / L5', { title: 'Senior Engineer', code: 'L5' }],
    ['🌱 Junior Engineer (L1)', { title: '🌱 Junior Engineer', code: 'L1' }],
    ['⭐ L3 - Senior', { title: '⭐ Senior', code: 'L3' }],
    ['Senior Engineer (L5) 🚀', { title: 'Senior Engineer 🚀', code: 'L5' }],
    ['1-2 years', { title: '1-2 years' }],
    ['Step 2', { title: 'Step 2', code: 'Step 2' }],
    ['Milestone 3 - Tech lead', { title: 'Tech lead', code: 'Milestone 3' }],
  ])('%s', (label, expected) => {
    expect(parseLevelLabel(label)).toEqual(expected);
  });
});

describe('decodeSource', () => {
  it('repairs double-encoded UTF-8 and maps positions back', () => {
    const r = decodeSource(enc('Work doesnâ€™t need review. ok'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.decoded.text).toBe('Work doesn’t need review. ok');
    expect(r.decoded.repairs).toEqual([{ line: 1, column: 11, from: 'â€™', to: '’' }]);
    // "need" is at column 14 in the repaired text and column 16 in the source.
    expect(r.decoded.toSource({ line: 1, column: 14 })).toEqual({ line: 1, column: 16 });
    expect(r.decoded.toSource({ line: 1, column: 5 })).toEqual({ line: 1, column: 5 });
  });
  it('strips a BOM and normalises CRLF and NFC', () => {
    const r = decodeSource(enc('\uFEFFa\r\ncafe\u0301\r\n'));
    expect(r.ok && r.decoded.text).toBe('a\ncafé\n');
  });
  it('decodes UTF-16 with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
    const r = decodeSource(bytes);
    expect(r.ok && r.decoded.text).toBe('Aé');
    expect(r.ok && r.decoded.encoding).toBe('utf-16le');
  });
  it('falls back to Windows-1252 without U+FFFD', () => {
    const r = decodeSource(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
    expect(r.ok && r.decoded.text).toBe('café “q”');
    expect(r.ok && r.decoded.encoding).toBe('windows-1252');
  });
  it('rejects NUL bytes', () => {
    const r = decodeSource(new Uint8Array([0x61, 0x0a, 0x62, 0x00]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.position).toEqual({ line: 2, column: 2 });
  });
  it('leaves legitimate accents alone', () => {
    const r = decodeSource(enc('Zürich café naïve — “quoted” Â'));
    expect(r.ok && r.decoded.text).toBe('Zürich café naïve — “quoted” Â');
    expect(r.ok && r.decoded.repairs).toEqual([]);
  });
});

describe('ids and n/a', () => {
  it('slugs', () => {
    expect(slugify('Backup & Restore')).toBe('backup-and-restore');
    expect(slugify('Ownership - Manager of One')).toBe('ownership-manager-of-one');
    expect(slugify('🛠️')).toBe('item');
  });
  it('suffixes collisions', () => {
    const ids = new IdAllocator();
    expect(ids.allocate('a')).toEqual({ id: 'a', collided: false });
    expect(ids.allocate('a')).toEqual({ id: 'a-2', collided: true });
    expect(ids.allocate('a')).toEqual({ id: 'a-3', collided: true });
  });
  it.each(['n/a', 'N/A', 'n/a (not applicable at this level)', 'Not applicable'])('%s is not applicable', (t) => {
    expect(isNotApplicable(t)).toBe(true);
  });
  it.each(['na', 'Navigates', 'none of the above'])('%s is applicable', (t) => {
    expect(isNotApplicable(t)).toBe(false);
  });
});

describe('decodeSource with stray bytes', () => {
  it('reads UTF-8 with one stray Windows-1252 byte as UTF-8 and reports the byte', () => {
    const bytes = new Uint8Array([...enc('café\nsaid '), 0x93, ...enc('hi” — ok')]);
    const r = decodeSource(bytes);
    expect(r.ok && r.decoded.encoding).toBe('utf-8');
    expect(r.ok && r.decoded.text).toBe('café\nsaid “hi” — ok');
    expect(r.ok && r.decoded.repairs).toEqual([]);
    expect(r.ok && r.decoded.strayBytes).toEqual([{ byte: 0x93, to: '“', line: 2, column: 6 }]);
  });
});
