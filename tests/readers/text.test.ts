// The plain-text (scraped web page) reader, through readSource: the seed, and invented scrapes
// with other wording, codes, arrows and layouts.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';
import { schemaErrors } from '../support/schema.js';

const SEED = 'sources/technical-and-professional-roles.txt';

function read(text: string, path = 'tests/scrape.txt'): { ladder: Ladder; diagnostics: Diagnostic[] } {
  const result = readSource(new TextEncoder().encode(text), path);
  expect(result.ladder?.source.format).toBe('text');
  expect(schemaErrors(result.ladder)).toEqual([]);
  return { ladder: result.ladder!, diagnostics: result.diagnostics };
}

function rules(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('seed: technical and professional roles', () => {
  const result = readSource(readFileSync(SEED), SEED);
  const ladder = result.ladder!;
  const track = ladder.tracks[0]!;

  it('is detected as text and compiles without errors or warnings, to a valid ladder', () => {
    expect(ladder.source.format).toBe('text');
    expect(schemaErrors(ladder)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('takes the title from the first line and the track from the role-family line', () => {
    expect(ladder.title).toBe('Technical and Professional Roles');
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Individual contributor']);
  });

  it('defines the levels from the arrow sequence', () => {
    expect(track.levels.map((l) => [l.title, l.code])).toEqual([
      ['Junior', 'P1'],
      ['Mid', 'P2'],
      ['Senior', 'P3'],
      ['Senior-plus/team technical lead', 'P4'],
      ['Staff', 'P5'],
      ['Principal', 'P6'],
    ]);
    expect(track.levels.map((l) => l.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    // Positions point at each label in the first copy of the paragraph.
    const line2 = readFileSync(SEED, 'utf8').split('\n')[1]!;
    expect(track.levels[0]!.position).toEqual({ line: 2, column: line2.indexOf('Junior (P1)') + 1 });
    expect(track.levels[5]!.position).toEqual({ line: 2, column: line2.indexOf('Principal (P6)') + 1 });
  });

  it('gives P3–P6 the clause that starts with their code as summary', () => {
    expect(track.levels.map((l) => l.summary)).toEqual([
      undefined,
      undefined,
      'P3 begins leading technical design within a single team',
      'P4 takes ownership of large projects including reports, proposals, budgets, and stakeholder negotiation',
      'P5 operates as a Staff engineer setting standards across multiple teams',
      'P6 is the Principal who sets company-wide engineering strategy, supervises engineering teams, and defines field-shaping architectural frameworks',
    ]);
    expect(track.competencies).toEqual([]);
  });

  it('keeps the description paragraph as written, once', () => {
    const paragraph = readFileSync(SEED, 'utf8').split('\n')[1]!;
    expect(ladder.description).toBe(paragraph);
    expect(ladder.description).toContain('Junior (P1) → Mid (P2) → Senior (P3)');
    expect(occurrences(JSON.stringify(ladder), 'Designs, builds, and operates')).toBe(1);
    expect(track.description).toBeUndefined();
  });

  it('reports each dropped repeat at the repeat, and the page chrome it skipped', () => {
    expect(rules(result.diagnostics, 'repeated-paragraph').map((d) => [d.severity, d.line, d.column])).toEqual(
      [5, 6, 7, 8, 9, 10].map((line) => ['info', line, 1]),
    );
    expect(rules(result.diagnostics, 'not-ladder-content').map((d) => [d.severity, d.line])).toEqual([['info', 3]]);
  });
});

describe('invented scrapes', () => {
  const sequence = 'Associate (E1) -> Engineer (E2) -> Senior (E3) -> Lead (E4)';
  const intro =
    `Engineers here build and run the product platform, from the first feature to the systems that carry it. It runs ${sequence}. ` +
    'E1 learns the codebase with close guidance; E2 ships features on their own; E3 owns a service end to end, and E4 sets direction for a group of teams.';

  it('finds a near-exact repeat of a long paragraph of repeated words, and keeps a long paragraph found once', () => {
    // Words held many times ("x#1" … "x#40" as items): the repeat index counts them per paragraph.
    const long = Array.from({ length: 400 }, (_, i) => ['owns', 'the', 'service', 'and', 'its', 'on-call', 'rota', `area${i % 10}`][i % 8]).join(' ');
    const once = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const text = ['Engineering Levels', '', 'E1: Associate', '', long, '', long.replace('service', 'system'), '', 'E2: Engineer', '', once, ''].join('\n');
    const { diagnostics } = read(text);
    expect(rules(diagnostics, 'repeated-paragraph').map((d) => d.line)).toEqual([7]);
  });

  it('reads other codes, ASCII arrows and exact and near-exact repeats', () => {
    const text = [
      'Engineering Career Path',
      '',
      intro,
      '4 levels. Click a level to expand it.',
      'Product engineers',
      intro,
      // Near-exact: other case, punctuation and spacing.
      intro.toUpperCase().replace(/[.;,]/g, '').replace(/ /g, '  '),
      // Near-exact: one word changed in a long paragraph.
      intro.replace('close guidance', 'careful guidance'),
      'E3: Leads design reviews for the team. Mentors E1 and E2 engineers.',
      'Back to top',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    const track = ladder.tracks[0]!;
    expect(ladder.title).toBe('Engineering Career Path');
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Product engineers']);
    expect(track.levels.map((l) => [l.title, l.code])).toEqual([
      ['Associate', 'E1'],
      ['Engineer', 'E2'],
      ['Senior', 'E3'],
      ['Lead', 'E4'],
    ]);
    expect(track.levels.map((l) => l.summary)).toEqual([
      'E1 learns the codebase with close guidance',
      'E2 ships features on their own',
      'E3 owns a service end to end',
      'E4 sets direction for a group of teams',
    ]);
    expect(ladder.description).toBe(intro);
    expect(rules(diagnostics, 'repeated-paragraph').map((d) => d.line)).toEqual([6, 7, 8]);
    expect(rules(diagnostics, 'not-ladder-content').map((d) => d.line)).toEqual([4, 10]);
    // A paragraph led by "CODE:" is that level's content, without the label.
    expect(track.competencies).toHaveLength(1);
    expect(track.competencies[0]!.name).toBe('Expectations');
    expect(track.competencies[0]!.expectations).toEqual([
      {
        level: 'e3',
        text: 'Leads design reviews for the team. Mentors E1 and E2 engineers.',
        statements: ['Leads design reviews for the team.', 'Mentors E1 and E2 engineers.'],
        position: { line: 9, column: 1 },
      },
    ]);
  });

  it('reads a bare sequence line of titles, and does not mistake a breadcrumb for levels', () => {
    const text = [
      'Data Science Levels',
      'Home › Careers › Data',
      'Junior → Mid → Senior → Staff',
      'Data scientists turn questions into models and decisions. The levels below describe',
      'how that work grows in scope.',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => [l.title, l.code])).toEqual([
      ['Junior', undefined],
      ['Mid', undefined],
      ['Senior', undefined],
      ['Staff', undefined],
    ]);
    // No role-family line: the track takes the ladder's title.
    expect(track.name).toBe('Data Science Levels');
    // The hard-wrapped paragraph is one paragraph; the bare sequence line is not description.
    expect(ladder.description).toBe(
      'Data scientists turn questions into models and decisions. The levels below describe how that work grows in scope.',
    );
    expect(rules(diagnostics, 'not-ladder-content').map((d) => d.line)).toEqual([2]);
  });

  it('finds levels from heading lines when there is no sequence, their paragraphs becoming content', () => {
    const text = [
      'Platform Ladder',
      '',
      'Engineer (L1)',
      'Builds small features with guidance.',
      'Fixes bugs in one service.',
      '',
      'Senior Engineer (L2)',
      'Designs services used by several teams.',
      '5 years of experience',
      'Works across backend / frontend boundaries.',
      'Read more',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => [l.title, l.code, l.position])).toEqual([
      ['Engineer', 'L1', { line: 3, column: 1 }],
      ['Senior Engineer', 'L2', { line: 7, column: 1 }],
    ]);
    expect(track.competencies[0]!.expectations.map((e) => [e.level, e.statements])).toEqual([
      ['l1', ['Builds small features with guidance.', 'Fixes bugs in one service.']],
      ['l2', ['Designs services used by several teams.', '5 years of experience', 'Works across backend / frontend boundaries.']],
    ]);
    expect(rules(diagnostics, 'not-ladder-content').map((d) => d.line)).toEqual([11]);
  });

  it('gives one track per distinct sequence, named by the role-family lines in order', () => {
    const text = [
      'Careers at Example',
      'Individual contributors',
      'Our IC path runs IC1 → IC2 → IC3, and IC3 leads projects across teams.',
      'Managers',
      'Our management path runs M1 → M2 → M3; M2 manages managers.',
    ].join('\n');
    const { ladder } = read(text);
    expect(ladder.tracks.map((t) => [t.name, t.levels.map((l) => l.code)])).toEqual([
      ['Individual contributors', ['IC1', 'IC2', 'IC3']],
      ['Managers', ['M1', 'M2', 'M3']],
    ]);
    // Prose right after a track's name line describes that track.
    expect(ladder.tracks[0]!.description).toContain('Our IC path runs');
    expect(ladder.tracks[0]!.levels[2]!.summary).toBe('IC3 leads projects across teams');
    expect(ladder.tracks[1]!.levels[1]!.summary).toBe('M2 manages managers');
  });

  it('skips a site menu and footer lines, and finds the title and track around them', () => {
    const text = [
      'Home',
      'About us',
      'Careers',
      'Engineering Levels at Acme',
      'Our ladder, in short. Levels: L1 » L2 » L3 » L4. L2 works independently; L3 leads projects.',
      'Last updated 12 March 2024',
      'Backend engineering',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    expect(ladder.title).toBe('Engineering Levels at Acme');
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Backend engineering']);
    expect(ladder.tracks[0]!.levels.map((l) => [l.code, l.summary])).toEqual([
      ['L1', undefined],
      ['L2', 'L2 works independently'],
      ['L3', 'L3 leads projects'],
      ['L4', undefined],
    ]);
    expect(rules(diagnostics, 'not-ladder-content').map((d) => d.line)).toEqual([1, 2, 3, 6]);
  });

  it('takes the first label out of the sentence that leads into the sequence, with ">" as separator', () => {
    const text = 'Support Ladder\nThe ladder runs Junior (S1) > Mid (S2) > Senior (S3).\nS1 answers tickets with help. S1 learns the product.';
    const { ladder } = read(text);
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => l.title)).toEqual(['Junior', 'Mid', 'Senior']);
    // A paragraph led by a code: its first sentence is the summary, the rest content that keeps the
    // code as its subject.
    expect(track.levels[0]!.summary).toBe('S1 answers tickets with help');
    expect(track.competencies[0]!.expectations.map((e) => [e.level, e.statements])).toEqual([['s1', ['S1 learns the product.']]]);
  });

  it('keeps level name lines that repeat by design (tabs, then profiles), and reads each profile', () => {
    const text = [
      'Design Ladder',
      'Our design ladder runs Junior (D1) → Mid (D2) → Senior (D3), and D3 shapes the design system.',
      '3 leveled profiles. Pick a level to see the full profile.',
      'Junior (D1)',
      'Mid (D2)',
      'Senior (D3)',
      'Junior (D1)',
      'Designs screens with guidance.',
      'Mid (D2)',
      'Designs features end to end.',
      'Designs features end to end.',
      'Senior (D3)',
      'Designs systems across products and teams, and reviews the work of others in the group.',
      'Designs systems across products and teams, and reviews the work of others in the group!',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => l.code)).toEqual(['D1', 'D2', 'D3']);
    expect(track.levels[2]!.summary).toBe('D3 shapes the design system');
    expect(track.competencies[0]!.expectations.map((e) => [e.level, e.text])).toEqual([
      ['d1', 'Designs screens with guidance.'],
      ['d2', 'Designs features end to end.'],
      ['d3', 'Designs systems across products and teams, and reviews the work of others in the group.'],
    ]);
    expect(rules(diagnostics, 'repeated-paragraph').map((d) => d.line)).toEqual([11, 14]);
  });

  it('keeps paragraphs that only resemble each other', () => {
    const a = 'Leads the design of services used by several teams and reviews their operational readiness.';
    const b = 'Leads the migration of services owned by several teams and plans their operational support.';
    const { ladder, diagnostics } = read(['Ladder', 'Levels: A1 → A2 → A3', `A2: ${a}`, `A2: ${b}`].join('\n'));
    expect(ladder.tracks[0]!.competencies[0]!.expectations[0]!.statements).toEqual([a, b]);
    expect(rules(diagnostics, 'repeated-paragraph')).toEqual([]);
  });

  it('drops a cut-off teaser of a paragraph, strips list bullets and a site name after the title', () => {
    const full = 'Support engineers keep customers productive, from the first ticket to the largest incident. The path runs Agent (C1) → Specialist (C2) → Lead (C3).';
    const text = [
      'Support Career Path | Example Inc',
      `${full.slice(0, 70)}… Read more`,
      'Customer support',
      full,
      'Specialist (C2)',
      '• Resolves escalations without help.',
      '- Writes help-centre articles.',
    ].join('\n');
    const { ladder, diagnostics } = read(text);
    expect(ladder.title).toBe('Support Career Path');
    expect(ladder.description).toBe(full);
    expect(rules(diagnostics, 'repeated-paragraph').map((d) => d.line)).toEqual([2]);
    expect(ladder.tracks[0]!.name).toBe('Customer support');
    expect(ladder.tracks[0]!.competencies[0]!.expectations).toEqual([
      {
        level: 'c2',
        text: 'Resolves escalations without help.\n\nWrites help-centre articles.',
        statements: ['Resolves escalations without help.', 'Writes help-centre articles.'],
        position: { line: 6, column: 3 },
      },
    ]);
  });

  it('takes the first sentence of the first line led by a code as that level\'s summary, the rest as its content', () => {
    const text = [
      'QA Ladder',
      'Quality engineers own how we know software works. Tester (Q1) → Test Engineer (Q2) → Quality Lead (Q3)',
      'Q2 owns the test strategy of a feature end to end.',
      'Q2 mentors new testers.',
      'Q3 sets quality goals for a product area. Q3 reports on them to leadership.',
    ].join('\n');
    const { ladder } = read(text);
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => [l.title, l.summary])).toEqual([
      ['Tester', undefined],
      ['Test Engineer', 'Q2 owns the test strategy of a feature end to end'],
      ['Quality Lead', 'Q3 sets quality goals for a product area'],
    ]);
    expect(track.competencies[0]!.expectations.map((e) => [e.level, e.statements])).toEqual([
      ['q2', ['Q2 mentors new testers.']],
      ['q3', ['Q3 reports on them to leadership.']],
    ]);
  });

  it('reads a level sequence wrapped over lines', () => {
    const { ladder } = read('Web Ladder\n\nJunior (W1) → Mid (W2) →\nSenior (W3) → Staff (W4)\n\nW4 sets direction for the web platform.');
    const track = ladder.tracks[0]!;
    expect(track.levels.map((l) => [l.code, l.position])).toEqual([
      ['W1', { line: 3, column: 1 }],
      ['W2', { line: 3, column: 15 }],
      ['W3', { line: 4, column: 1 }],
      ['W4', { line: 4, column: 15 }],
    ]);
    expect(track.levels[3]!.summary).toBe('W4 sets direction for the web platform');
  });

  it('reads a sequence with arrows pointing back as senior first', () => {
    const { ladder } = read('Research Ladder\nFrom the top: Principal Scientist ← Senior Scientist ← Scientist, each step a wider scope.');
    expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['Scientist', 'Senior Scientist', 'Principal Scientist']);
  });

  it('reports a page with no levels without throwing', () => {
    const result = readSource(new TextEncoder().encode('Just a page\nNothing here describes levels.\n'), 'x.txt', { format: 'text' });
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.ruleId === 'no-ladder')).toBe(true);
  });
});

describe('text it cannot place', () => {
  it('warns about each sentence it skips, naming it and its line; a short title-like line stays info', () => {
    const result = readSource(new TextEncoder().encode('Team Handbook\n\n• Writes code every day\n• Reviews changes from the team\n\nQuestions welcome\n'), 'tests/handbook.txt');
    const warned = result.diagnostics.filter((d) => d.ruleId === 'skipped-content');
    expect(warned.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 3, '"Writes code every day" is in no level or competency; skipped'],
      ['warning', 4, '"Reviews changes from the team" is in no level or competency; skipped'],
    ]);
    expect(result.diagnostics.find((d) => d.line === 6)?.severity).toBe('info');
  });
});
