import { describe, expect, it } from 'vitest';
import { coverageOf, sourceText } from '../../src/readers/coverage.js';
import type { Track } from '../../src/model.js';

const track = (texts: string[]): Track => ({
  id: 't',
  name: 'Engineering',
  levels: [{ id: 'junior', ordinal: 1, title: 'Junior' }],
  competencies: [{ id: 'c', name: 'Delivery', expectations: texts.map((text) => ({ level: 'junior', text, statements: [text] })) }],
});

describe('coverageOf', () => {
  it('is the share of the source words the model keeps', () => {
    const text = '# Engineering\n\n## Junior\n\n- Delivery: ships small changes\n\nA footer nobody kept.';
    const c = coverageOf({ title: 'Engineering', tracks: [track(['ships small changes'])] }, text, 'prose');
    // Engineering, Junior, Delivery, ships, small, changes kept; A, footer, nobody, kept not.
    expect(c).toEqual({ sourceWords: 10, keptWords: 6, share: 0.6 });
  });
  it('counts a model word no more often than the source has it', () => {
    const c = coverageOf({ title: 'x', tracks: [track(['ships ships ships'])] }, 'ships', 'text');
    expect(c.keptWords).toBe(1);
  });
  it('counts a line the source repeats word for word once', () => {
    const c = coverageOf({ title: 'Menu', tracks: [] }, 'Menu\nMenu\n menu ', 'text');
    expect(c).toEqual({ sourceWords: 1, keptWords: 1, share: 1 });
  });
  it('sets markup aside: tags, comments, scripts, link targets, URLs', () => {
    const words = sourceText('<p class="lead">Hi <a href="https://x.example/a">there</a></p><!-- note --><script>var x</script> [see](https://y.example/b) www.z.example', 'html-table');
    expect(words.match(/\p{L}+/gu)).toEqual(['Hi', 'there', 'see']);
  });
  it('sets YAML comments and keys aside, in block and flow mappings', () => {
    const words = sourceText('# export\nlevels:\n  - name: Junior\n  - { name: Senior, rank: top }\n', 'yaml-data');
    expect(words.match(/\p{L}+/gu)).toEqual(['Junior', 'Senior', 'top']);
  });
  it('counts the words a reader read as references as kept', () => {
    const c = coverageOf({ title: 'x', tracks: [] }, 'Entry for a1b2 Junior', 'text', ['a1b2 Junior']);
    // "Entry" and "for" are lost; "a", "b" and "Junior" were references.
    expect(c).toEqual({ sourceWords: 5, keptWords: 3, share: 0.6 });
  });
  it('counts a sentence or table cell the source repeats in another line once', () => {
    // The matrix cell and the bullet hold one statement: the model keeps it once, nothing is lost.
    const text = '| Delivery | Ships small changes. Asks for review. |\n\n- Ships small changes.\n- Asks for review.';
    const c = coverageOf({ title: 'x', tracks: [track(['Ships small changes.', 'Asks for review.'])] }, text, 'gfm-table');
    expect(c).toEqual({ sourceWords: 7, keptWords: 7, share: 1 });
  });
  it('counts every mention of a level or competency by name as kept, and only whole names', () => {
    // "Junior" labels two entries; the model holds the title once. "Delivery" is named twice.
    const text = '- **Junior:** ships small changes\n- **Junior:** asks for review\nDelivery Delivery juniors';
    const c = coverageOf({ title: 'x', tracks: [track(['ships small changes', 'asks for review'])] }, text, 'prose');
    // Lost: "juniors" alone (a different word), nothing else.
    expect(c).toEqual({ sourceWords: 11, keptWords: 10, share: 0.909 });
  });
  it('is 1 for a source without words', () => {
    expect(coverageOf({ title: 'x', tracks: [] }, '123 --- 456', 'text').share).toBe(1);
  });
});
