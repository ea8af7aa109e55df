// The section model for prose: the outline (headings, bold-line and label-line pseudo-headings)
// and the roles read from its structure.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/readers/markdown/mdast.js';
import { buildOutline } from '../../src/readers/sections/outline.js';
import { childrenAreStatements, effectiveChildren, isWrapper, levelRun, readingOf } from '../../src/readers/sections/roles.js';
import { parseLevelLabel } from '../../src/text/level-label.js';
import { levelLabels } from '../../src/readers/markdown/prose.js';

const outline = (lines: string[]) => buildOutline(parseMarkdown(lines.join('\n')));

describe('outline', () => {
  it('opens a section at a bold-only paragraph over content and at a label line over bare lines', () => {
    const doc = outline(['## Delivery', '', '**Code review**', '', '- Reviews within a day.', '', 'LVL 2 - Practitioner', 'Plans their work.', 'Ships on time.']);
    const [delivery] = doc.children;
    expect(delivery!.children.map((c) => [c.kind, c.title, c.blocks.flatMap((b) => b.lines)])).toEqual([
      ['bold', 'Code review', ['Reviews within a day.']],
      ['label', 'LVL 2 - Practitioner', ['Plans their work.', 'Ships on time.']],
    ]);
  });
  it('takes "*~*" and an emphasised "*line*" for separators, not text', () => {
    const doc = outline(['# T', '', '*~*', '', '*line*', '', '_a real note_']);
    expect(doc.children[0]!.blocks.map((b) => b.kind)).toEqual(['separator', 'separator', 'paragraph']);
  });
  it('joins a hard-wrapped sentence and closes a pseudo-heading at a separator', () => {
    const doc = outline(['# T', '', '**Senior**', '', 'Leads the design', 'of large systems.', '', '*~*', '', 'After the break.']);
    const [t] = doc.children;
    expect(t!.children[0]!.blocks.map((b) => [b.kind, b.lines])).toEqual([
      ['paragraph', ['Leads the design of large systems.']],
      ['separator', []],
    ]);
    expect(t!.blocks.map((b) => b.lines)).toEqual([['After the break.']]);
  });
});

describe('roles', () => {
  it('passes a wrapper through: titled as one, or the only sub-section', () => {
    const doc = outline(['# L', '## Junior', '### Skills needed for this level', '#### Craft', 'x', '#### Care', 'y', '## Senior', '### Skills', '#### Craft', 'z']);
    const [junior, senior] = effectiveChildren(doc.children[0]!);
    expect(isWrapper(junior!.children[0]!)).toBe(true);
    expect(effectiveChildren(junior!).map((c) => c.title)).toEqual(['Craft', 'Care']);
    expect(effectiveChildren(senior!).map((c) => c.title)).toEqual(['Craft']);
  });
  it('takes "X Engineer" between two levels of the same shape for a level', () => {
    const doc = outline(['# Ladder', '## Graduate Data Engineer', '- a', '## Data Engineer', '- b', '## Senior Data Engineer', '- c', '## Glossary', '- d']);
    expect(levelRun(doc.children[0]!)!.levels.map((l) => l.title)).toEqual(['Graduate Data Engineer', 'Data Engineer', 'Senior Data Engineer']);
  });
  it('needs two levels by the lexicon for a run', () => {
    const doc = outline(['# Ladder', '## Data Engineer', '- b', '## Senior Data Engineer', '- c']);
    expect(levelRun(doc.children[0]!)?.levels.map((l) => l.title)).toBeUndefined();
  });
  it('reads runs under sibling competencies as competency first, under tracks as levels', () => {
    const first = outline(['# C', '## Craft', '**LVL 1 - Novice**', '- a', '', '**LVL 2 - Expert**', '- b', '## Care', '**LVL 1 - Novice**', '- c']);
    const reading = readingOf(first, 'C')!;
    expect(reading.shape).toBe('competency-first');
    // "Care" has one level label only: a competency all the same.
    expect(reading.shape === 'competency-first' && reading.runs.map((r) => [r.parent.title, r.levels.length])).toEqual([['Craft', 2], ['Care', 1]]);
    const tracks = outline(['# C', '## Engineering track', '### Junior', '- a', '### Senior', '- b', '## Management track', '### Junior', '- c', '### Senior', '- d']);
    expect(readingOf(tracks, 'C')!.shape).toBe('levels');
  });
  it('reads a page titled by a role whose sections hold text as one level', () => {
    const doc = outline(['# IC3 Software Engineer', '## Craft', '### Testing', '- Adds tests.']);
    expect(readingOf(doc, undefined)).toMatchObject({ shape: 'one-level', title: 'IC3 Software Engineer' });
  });
  it('tells one-off sentences under levels from recurring competencies', () => {
    const statements = outline(['# L', '## Junior', '### I ship small changes safely', '- a', '## Senior', '### I lead projects to completion', '- b']);
    expect(childrenAreStatements(effectiveChildren(statements.children[0]!))).toBe(true);
    const competencies = outline(['# L', '## Junior', '### Delivery', '- a', '## Senior', '### Delivery', '- b']);
    expect(childrenAreStatements(effectiveChildren(competencies.children[0]!))).toBe(false);
  });
});

describe('level titles after a code', () => {
  it.each([
    ['SFIA 1 Role Guidance: Academy Engineer', { code: 'SFIA 1', title: 'Academy Engineer' }],
    ['LVL 5M - Manager, Engineering Manager', { code: 'LVL 5M', title: 'Manager, Engineering Manager' }],
    ['L3: Senior Engineer: Delivery', { code: 'L3', title: 'Senior Engineer: Delivery' }],
    ['L2 - Engineer: builds things', { code: 'L2', title: 'Engineer: builds things' }],
  ])('%s', (label, expected) => {
    expect(parseLevelLabel(label)).toEqual(expected);
  });
});

describe('the labels of a competency run that name levels', () => {
  it('reads a job title between two seniority titles as a level', () => {
    const isLevel = levelLabels([['Associate Platform Engineer', 'Platform Engineer', 'Senior Platform Engineer']]);
    expect(isLevel('Platform Engineer')).toBe(true);
  });
  it('reads "Engineer Platform Engineer" between levels as a level, though no word of it ranks', () => {
    const isLevel = levelLabels([['Associate Platform Engineer', 'Engineer Platform Engineer', 'Senior Platform Engineer']]);
    expect(isLevel('Engineer Platform Engineer')).toBe(true);
  });
  it('extends the run by a job title next to it, never by a label before it that names no job', () => {
    const isLevel = levelLabels([['What', 'Junior Engineer', 'Senior Engineer', 'Data Architect']]);
    expect(isLevel('Data Architect')).toBe(true);
    expect(isLevel('What')).toBe(false);
  });
  it('keeps a label that stands outside the run in any competency out of the levels', () => {
    const isLevel = levelLabels([
      ['Junior', 'Scope', 'Senior'],
      ['Scope', 'Junior', 'Senior'],
    ]);
    expect(isLevel('Scope')).toBe(false);
  });
  it('never takes a sentence for a level', () => {
    expect(levelLabels([['Junior', 'It depends.', 'Senior']])('It depends.')).toBe(false);
  });
});
