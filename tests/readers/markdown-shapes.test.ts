// The Markdown reader on invented documents: each test is one shape, written the way other
// companies write ladders, so that the rules are checked apart from any one seed.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Ladder, Track } from '../../src/model.js';
import type { SourceOptions } from '../../src/options.js';
import { readSource } from '../../src/readers/index.js';

function read(text: string, options: SourceOptions = {}): { ladder: Ladder; diagnostics: Diagnostic[] } {
  const { ladder, diagnostics } = readSource(new TextEncoder().encode(text), 'test.md', options);
  if (!ladder) throw new Error('no ladder');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { ladder, diagnostics };
}

const texts = (t: Track, name: string) => t.competencies.find((c) => c.name === name)!.expectations.map((e) => e.text);

describe('GFM tables', () => {
  it('reads levels as rows (first column of level labels), with <br>, \\| and ragged rows', () => {
    const { ladder, diagnostics } = read(
      [
        '# Backend ladder',
        '',
        '| Level | Scope | Impact |',
        '|---|---|---|',
        '| Junior (L1) | Works on *tasks*<br>Asks for help | Team |',
        '| Mid (L2) | Owns features \\| small projects | Team and *neighbours* |',
        '| Senior (L3) | Owns systems | Org |',
        '| Staff (L4) | Owns domains |',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => l.code)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Scope', 'Impact']);
    const scope = track!.competencies[0]!.expectations;
    expect(scope[0]!.statements).toEqual(['Works on tasks', 'Asks for help']);
    expect(scope[1]!.text).toBe('Owns features | small projects');
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'ragged-row', line: 8 }));
  });

  it('takes level titles and facts from the columns of a levels-as-rows table', () => {
    const { ladder } = read(
      [
        '| Level | Title | Experience | Scope |',
        '|---|---|---|---|',
        '| L1 | Software Engineer I | 0-2 years | Delivers well-scoped tasks with help from the team |',
        '| L2 | Software Engineer II | 2-4 years | Delivers features end to end with little help at all |',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.code, l.title, l.metadata])).toEqual([
      ['L1', 'Software Engineer I', { experience: '0-2 years' }],
      ['L2', 'Software Engineer II', { experience: '2-4 years' }],
    ]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Scope']);
  });

  it('takes level titles and facts from Title and Experience rows of a levels-as-columns table', () => {
    const { ladder } = read(
      [
        '| | L1 | L2 |',
        '|---|---|---|',
        '| Title | Junior Engineer | Senior Engineer |',
        '| Years of experience | 0-2 | 3+ |',
        '| Delivery | Ships tasks with help | Ships projects alone |',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.code, l.title, l.metadata])).toEqual([
      ['L1', 'Junior Engineer', { 'years of experience': '0-2' }],
      ['L2', 'Senior Engineer', { 'years of experience': '3+' }],
    ]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Delivery']);
  });

  it('takes numbered job titles for level columns', () => {
    const { ladder } = read(['| Skill | Engineer 1 | Engineer 2 |', '|---|---|---|', '| Code | Basic | Good |', '| Tests | Some | Many |'].join('\n'));
    expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['Engineer 1', 'Engineer 2']);
    expect(ladder.tracks[0]!.competencies.map((c) => c.name)).toEqual(['Code', 'Tests']);
  });

  it('follows the orientation override', () => {
    const text = ['| | Alpha | Beta |', '|---|---|---|', '| Gamma | a | b |', '| Delta | c | d |'].join('\n');
    const rows = read(text, { orientation: 'levels-as-rows' }).ladder.tracks[0]!;
    expect(rows.levels.map((l) => l.title)).toEqual(['Gamma', 'Delta']);
    expect(rows.competencies.map((c) => c.name)).toEqual(['Alpha', 'Beta']);
    const columns = read(text, { orientation: 'levels-as-columns' }).ladder.tracks[0]!;
    expect(columns.levels.map((l) => l.title)).toEqual(['Alpha', 'Beta']);
  });

  it('joins tables with the same levels under one heading; their sub-headings become categories', () => {
    const { ladder, diagnostics } = read(
      [
        '# Platform ladder',
        '## Skills',
        '### Technical',
        '| | Junior | Senior |',
        '|---|---|---|',
        '| Coding | Writes code that works for the happy path | Writes code that handles every failure |',
        '### People',
        '| | Junior | Senior |',
        '|---|---|---|',
        '| Mentoring | n/a | Mentors juniors regularly and well |',
        '## Managers',
        '## Specialists',
        '| | Principal | Distinguished |',
        '|---|---|---|',
        '| Vision | Sets the direction of a domain | Sets the direction of the company |',
      ].join('\n'),
    );
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Skills', 'Specialists']);
    const [skills] = ladder.tracks;
    expect(skills!.competencies.map((c) => [c.category, c.name])).toEqual([
      ['Technical', 'Coding'],
      ['People', 'Mentoring'],
    ]);
    expect(skills!.competencies[1]!.expectations[0]!.applicable).toBe(false);
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'empty-section', line: 11 }));
  });
});

describe('a table per competency', () => {
  it('names rows of an all-levels table after their heading; the paragraph describes it', () => {
    const { ladder } = read(
      [
        '# Levelup table',
        '## Competencies',
        '### Delivery',
        '**Example Skills:** Scoping and prioritization',
        '',
        '| Beginner | Intermediate | Advanced |',
        '|---|---|---|',
        '| You understand scope of work. | You estimate accurate timelines. | You roadmap large tracks of work. |',
        '### Domain Expertise',
        '| Beginner | Intermediate | Advanced |',
        '|---|---|---|',
        '| You ask questions. | You understand the concepts. | You use your knowledge. |',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.name).toBe('Levelup table');
    expect(track!.levels.map((l) => l.title)).toEqual(['Beginner', 'Intermediate', 'Advanced']);
    expect(track!.competencies.map((c) => [c.name, c.description, c.expectations.length])).toEqual([
      ['Delivery', 'Example Skills: Scoping and prioritization', 3],
      ['Domain Expertise', undefined, 3],
    ]);
  });
});

describe('HTML tables in Markdown', () => {
  it('hands a table split by blank lines to the HTML reader as one piece, under its heading', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Management Levels',
        '<table>',
        '<tr><th>Level</th><th>Scope</th><th>Impact</th></tr>',
        '',
        '<tr><td>M1</td><td>Runs a team of engineers</td><td>The team delivers on its goals</td></tr>',
        '',
        '<tr><td>M2</td><td>Runs a group of teams</td><td>The group delivers on its goals</td></tr>',
        '</table>',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.name).toBe('Management');
    expect(track!.levels.map((l) => l.code)).toEqual(['M1', 'M2']);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Scope', 'Impact']);
    expect(track!.levels[1]!.position?.line).toBe(8);
  });
});

describe('a matrix and its levels written out', () => {
  it('joins a one-level table and the one "Level 1" heading below it', () => {
    const { ladder } = read(
      [
        '## Systems Engineer Levels',
        '| Level/Skill | Security | Networking |',
        '|---|---|---|',
        '| 1 | Applies basic security principles to program design | Understands and reasons about networking concepts |',
        '### Level 1',
        '#### Security',
        'Applies basic security principles to program design.',
        '#### Networking',
        'Understands and reasons about networking concepts.',
      ].join('\n'),
    );
    expect(ladder.tracks).toHaveLength(1);
    const [track] = ladder.tracks;
    expect(track!.name).toBe('Systems Engineer Levels');
    expect(track!.levels.map((l) => l.title)).toEqual(['1']);
    expect(track!.competencies.map((c) => [c.name, c.expectations[0]!.text.split('\n\n').length])).toEqual([
      ['Security', 2],
      ['Networking', 2],
    ]);
  });
});

describe('one level written two ways', () => {
  it('joins a table column titled like a coded level heading', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Matrix',
        '| | Junior Engineer | Senior Engineer |',
        '|---|---|---|',
        '| Craft | Builds features with help from others | Builds systems that others build on |',
        '## Levels',
        '### L1 - Junior Engineer',
        '#### Impact',
        'Team.',
        '### L2 - Senior Engineer',
        '#### Impact',
        'Group.',
      ].join('\n'),
    );
    expect(ladder.tracks).toHaveLength(1);
    expect(ladder.tracks[0]!.levels.map((l) => [l.code, l.title])).toEqual([
      ['L1', 'Junior Engineer'],
      ['L2', 'Senior Engineer'],
    ]);
    expect(ladder.tracks[0]!.competencies.map((c) => [c.category, c.name])).toEqual([
      ['Matrix', 'Craft'],
      ['Levels', 'Impact'],
    ]);
  });

  it('keeps two tracks apart when their coded levels share titles', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Engineers',
        '### Junior (IC1)',
        '- Craft: a',
        '### Senior (IC2)',
        '- Craft: b',
        '## Managers',
        '### Junior (M1)',
        '- People: c',
        '### Senior (M2)',
        '- People: d',
      ].join('\n'),
    );
    expect(ladder.tracks.map((t) => [t.name, t.levels.map((l) => l.code)])).toEqual([
      ['Engineers', ['IC1', 'IC2']],
      ['Managers', ['M1', 'M2']],
    ]);
  });
});

describe('prose, heading per level', () => {
  it('reads bold run-in labels, task lists and coded headings', () => {
    const { ladder, diagnostics } = read(
      [
        '# Engineering Ladder',
        '',
        'Intro paragraph for the ladder.',
        '',
        '## How to read this',
        '',
        'Each level lists what we expect. ![diagram](x.png)',
        '',
        '## Level 1 - Junior Engineer',
        '',
        '**Impact:** Delivers small tasks. Learns fast.',
        '',
        '**Scope:** Their own tasks.',
        '',
        '- [ ] writes tests',
        '- [x] reviews code',
        '',
        '## Level 2 - Engineer',
        '',
        '**Impact:** Delivers features.',
        '',
        '**Scope:** A feature.',
        '',
        '## Level 3 - Senior Engineer',
        '',
        '**Impact:** Delivers projects.',
      ].join('\n'),
    );
    expect(ladder.description).toBe('Intro paragraph for the ladder.\n\nHow to read this\n\nEach level lists what we expect.');
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.code, l.title])).toEqual([
      ['Level 1', 'Junior Engineer'],
      ['Level 2', 'Engineer'],
      ['Level 3', 'Senior Engineer'],
    ]);
    expect(texts(track!, 'Scope')[0]).toBe('Their own tasks.\nwrites tests\nreviews code');
    expect(texts(track!, 'Impact')).toHaveLength(3);
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', ruleId: 'introduction', line: 5 }));
  });

  it('recognises levels behind an emoji', () => {
    const { ladder } = read(['# Ladder', '## 🌱 Level 1', '- Craft: a', '## 🌳 Level 2', '- Craft: b'].join('\n'));
    expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['🌱 Level 1', '🌳 Level 2']);
  });

  it('reads labelled list items under headings such as "Apprentice (IC 1)"', () => {
    const { ladder } = read(
      ['# Individual Contributor', '## Apprentice (IC 1)', '- Scope: Tasks.', '- Impact: Small.', '## Engineer (IC 2)', '- Scope: Features.', '- Impact: Team.'].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.code, l.title])).toEqual([
      ['IC 1', 'Apprentice'],
      ['IC 2', 'Engineer'],
    ]);
    expect(texts(track!, 'Impact')).toEqual(['Small.', 'Team.']);
  });

  it('does not take numbered sections or an intro with labelled definitions for levels', () => {
    const { ladder, diagnostics } = read(
      [
        '# Ladder',
        '## 1. Introduction',
        'Why we have a ladder.',
        '## 2. Principles',
        'How we use it.',
        '## Our competencies',
        '- Craft: How well you build.',
        '- Impact: What changes because of you.',
        '## Junior',
        '- Craft: Builds with help.',
        '- Impact: Helps the team.',
        '## Senior',
        '- Craft: Builds alone.',
        '- Impact: Changes the team.',
      ].join('\n'),
    );
    expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['Junior', 'Senior']);
    // Kept as prose about the ladder (its description), not dropped.
    expect(diagnostics.filter((d) => d.ruleId === 'introduction').map((d) => d.line)).toEqual([2, 4, 6]);
    expect(ladder.description).toBe('1. Introduction\n\nWhy we have a ladder.\n\n2. Principles\n\nHow we use it.\n\nOur competencies\n\nCraft: How well you build.\nImpact: What changes because of you.');
  });

  it('keeps a closing section out of a run of levels unless it reads as a level', () => {
    const { ladder, diagnostics } = read(
      [
        '# Ladder',
        '## Engineer',
        '### Craft',
        'Builds.',
        '## Senior Engineer',
        '### Craft',
        'Builds more.',
        '## Distinguished Engineer',
        'Sets direction for the company.',
        '## Closing thoughts',
        'We revise this ladder yearly.',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.title, l.summary])).toEqual([
      ['Engineer', undefined],
      ['Senior Engineer', undefined],
      ['Distinguished Engineer', 'Sets direction for the company.'],
    ]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'skipped-section', line: 10 }));
  });

  it('takes a first H1 over a paragraph for the title when the levels are H1s too', () => {
    const { ladder } = read(['# Engineering Ladder', '', 'How we grow.', '', '# Junior', '', 'Writes code.', '', '# Senior', '', 'Leads.'].join('\n'));
    expect(ladder.title).toBe('Engineering Ladder');
    expect(ladder.description).toBe('How we grow.');
    expect(ladder.tracks[0]!.levels.map((l) => l.title)).toEqual(['Junior', 'Senior']);
  });

  it('skips YAML front matter with an info, keeping positions', () => {
    const { ladder, diagnostics } = read(['---', 'title: "Web ladder"', '---', '## Junior', 'Writes code.', '## Senior', 'Leads.'].join('\n'));
    expect(ladder.title).toBe('Web ladder');
    expect(ladder.tracks[0]!.levels.map((l) => [l.title, l.position?.line])).toEqual([
      ['Junior', 4],
      ['Senior', 6],
    ]);
    expect(ladder.tracks[0]!.competencies.map((c) => c.name)).toEqual(['Expectations']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'skipped-front-matter', severity: 'info' }));
  });
});

describe('documents that are not ladders', () => {
  it('finds no levels in an API reference or a contributors table', () => {
    const text = [
      '# tool',
      '## API',
      '### parse(text)',
      '#### Parameters',
      '- text: the input',
      '#### Returns',
      'A tree.',
      '### stringify(tree)',
      '#### Parameters',
      '- tree: the tree',
      '#### Returns',
      'A string.',
      '## Contributors',
      '| Commits | Contributor |',
      '|---|---|',
      '| 49 | someone |',
      '| 5 | another |',
    ].join('\n');
    const { ladder, diagnostics } = readSource(new TextEncoder().encode(text), 'readme.md');
    expect(ladder?.tracks ?? []).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toContain('no-ladder');
  });
});

describe('facts about levels', () => {
  it('splits bold labels on consecutive lines; Experience and "(0-2 years)" are metadata', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Individual Contributor Track',
        '### Level 1: Junior Engineer (0-2 years)',
        '**Scope**: Tasks and bug fixes',
        '**Technical Skills**:',
        '- Writes tested code',
        '- Learns the codebase',
        '',
        '### Level 2: Software Engineer',
        '**Experience**: 2-4 years',
        '**Scope**: Features',
        '**Technical Skills**:',
        '- Designs features',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.name).toBe('Individual Contributor');
    expect(track!.levels.map((l) => [l.title, l.metadata])).toEqual([
      ['Junior Engineer', { experience: '0-2 years' }],
      ['Software Engineer', { experience: '2-4 years' }],
    ]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Scope', 'Technical Skills']);
    expect(texts(track!, 'Technical Skills')[0]).toBe('Writes tested code\nLearns the codebase');
  });

  it('reads a bold label over a list, a level range after the track name and an equivalent in the heading', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Individual Contributor Track (Levels 1-2)',
        '### Level 1: Software Engineer (0-2 years)',
        'Entry-level engineers execute well-defined tasks.',
        '',
        '**Key Expectations:**',
        '- Completes assigned tasks',
        '- Learns team standards',
        '### Level 2: Senior Software Engineer',
        '**Key Expectations:**',
        '- Owns features',
        '## Management',
        '### Engineering Manager (equivalent to Senior Software Engineer)',
        '**Key Expectations:**',
        '- Builds teams',
        '### Director',
        '**Key Expectations:**',
        '- Builds managers',
      ].join('\n'),
    );
    const [ic, management] = ladder.tracks;
    expect(ic!.name).toBe('Individual Contributor');
    expect(ic!.levels[0]!).toMatchObject({ title: 'Software Engineer', summary: 'Entry-level engineers execute well-defined tasks.' });
    expect(texts(ic!, 'Key Expectations')[0]).toBe('Completes assigned tasks\nLearns team standards');
    expect(management!.levels[0]!.title).toBe('Engineering Manager');
    expect(management!.levels[0]!.equivalents).toEqual([{ ladder: ladder.id, track: 'individual-contributor', level: 'level-2' }]);
  });

  it('reads a levels overview table as titles and facts when the levels are described below', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Levels Overview',
        '| Level | Title | Experience |',
        '|---|---|---|',
        '| L1 | Software Engineer I | 0-2 years |',
        '| L2 | Software Engineer II | 2-4 years |',
        '## L1: Software Engineer I',
        '### Scope',
        'Tasks.',
        '## L2: Software Engineer II',
        '### Scope',
        'Features.',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(ladder.tracks).toHaveLength(1);
    expect(track!.levels.map((l) => [l.code, l.title, l.metadata])).toEqual([
      ['L1', 'Software Engineer I', { experience: '0-2 years' }],
      ['L2', 'Software Engineer II', { experience: '2-4 years' }],
    ]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Scope']);
  });
});

describe('a page per role (heading per level with coded titles)', () => {
  it('reads "D1 - Developer 1" levels, keeps verb labels in the text and drops an unmatched overview', () => {
    const { ladder, diagnostics } = read(
      [
        '# Developer',
        '',
        'Role also known as programmer.',
        '',
        '| Level | Senior | Position |',
        '| :---: | :---: | :---: |',
        '| 1 | No | [D1 - Developer 1](#d1) |',
        '| 2 | No | [D2 - Developer 2](#d2) |',
        '| 3 | Yes | [D3 - Developer 3](#d3) |',
        '',
        '## D1 - Developer 1',
        '<picture><img alt="chart" src="d1.png"></picture>',
        '',
        '* **Adopts**: adopts the tools of the team',
        '* **Enhances**: pushes features',
        '## D2 - Developer 2',
        '* **Designs**: designs features',
        '* **Supports**: supports others',
        '## D3 - Developer 3',
        '* **Specializes**: is the go-to person',
        '* **Challenges**: challenges the processes',
        '# Other Pages',
        '* [**Tech Lead**](TechLead.md)',
      ].join('\n'),
    );
    expect(ladder.title).toBe('Developer');
    expect(ladder.tracks).toHaveLength(1);
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.code, l.title])).toEqual([
      ['D1', 'Developer 1'],
      ['D2', 'Developer 2'],
      ['D3', 'Developer 3'],
    ]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Expectations']);
    expect(texts(track!, 'Expectations')[0]).toBe('Adopts: adopts the tools of the team\nEnhances: pushes features');
    const rules = diagnostics.map((d) => d.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['unmatched-overview', 'labels-as-text', 'skipped-content', 'skipped-section']));
  });
});

describe('other level bodies', () => {
  it('reads a name/text table under each level heading; years are metadata', () => {
    const { ladder } = read(
      [
        '# Soft Skills',
        '## Level Expectations',
        '### Software Engineer',
        '| Area | Typical expectation |',
        '| ---- | ------------------- |',
        '| Scope | Tasks or smaller projects |',
        '| Guidance | Works with some guidance |',
        '| Typical years of industry experience | 0-5 |',
        '### Senior Engineer',
        '| Area | Typical expectation |',
        '| ---- | ------------------- |',
        '| Scope | Medium-sized or more complex projects |',
        '| Guidance | Works independently in most cases |',
        '### Tech Lead',
        'No table',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => l.title)).toEqual(['Software Engineer', 'Senior Engineer', 'Tech Lead']);
    expect(track!.levels[0]!.metadata).toEqual({ 'typical years of industry experience': '0-5' });
    expect(track!.levels[2]!.summary).toBe('No table');
    expect(texts(track!, 'Guidance')).toEqual(['Works with some guidance', 'Works independently in most cases']);
  });

  it('reads a page about one level as that level', () => {
    const { ladder, diagnostics } = read(
      [
        '# Software Engineer \\(SE\\)',
        '_Note: show the qualities of the levels below._',
        '',
        '_**Years of Experience:** 3-5_',
        '## Knowledge & Technical Skill',
        '* Owns small features',
        '## Communication',
        '* Communicates clearly',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => [l.title, l.metadata])).toEqual([['Software Engineer (SE)', { 'years of experience': '3-5' }]]);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Knowledge & Technical Skill', 'Communication']);
    expect(track!.notes).toEqual(['Note: show the qualities of the levels below.']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'single-level', severity: 'info' }));
  });
});

describe('prose, heading per competency', () => {
  it('discovers levels from the labels and warns where one is missing', () => {
    const { ladder, diagnostics } = read(
      [
        '# Frontend competencies',
        '## Technical skill',
        '- Junior: Builds components with guidance.',
        '- Mid: Builds components independently.',
        '- Senior: Designs component libraries.',
        '## Communication',
        '**What**: talking and writing',
        '',
        '- Junior: Asks questions.',
        '- Senior: Leads discussions.',
        '## Useful links',
        '- [Handbook](https://example.com)',
      ].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => l.title)).toEqual(['Junior', 'Mid', 'Senior']);
    expect(track!.competencies.map((c) => c.name)).toEqual(['Technical skill', 'Communication']);
    expect(texts(track!, 'Communication')).toEqual(['Asks questions.', 'Leads discussions.']);
    expect(track!.competencies[1]!.description).toBe('What: talking and writing');
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'missing-level', line: 6 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', ruleId: 'skipped-section', line: 11 }));
  });
});

describe('not expectations', () => {
  it('skips perks and questionnaires inside levels with an info', () => {
    const { ladder, diagnostics } = read(
      [
        '# Ladder',
        '## Junior',
        '### Craft',
        'Builds with help.',
        '### Perks',
        '- Conference budget',
        '### Reflect',
        '- What did you ship?',
        '- Who did you help?',
        '## Senior',
        '### Craft',
        'Builds alone.',
      ].join('\n'),
    );
    expect(ladder.tracks[0]!.competencies.map((c) => c.name)).toEqual(['Craft']);
    const skipped = diagnostics.filter((d) => d.ruleId === 'skipped-section').map((d) => d.line);
    expect(skipped).toEqual([5, 7]);
  });
});

describe('levels as sub-headings of competencies', () => {
  it('names the text after the competency heading above the level headings', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Communication',
        '### Junior',
        'Asks questions.',
        '### Senior',
        'Leads discussions.',
        '## Delivery',
        '### Junior',
        'Ships tasks.',
        '### Senior',
        'Ships projects.',
      ].join('\n'),
    );
    expect(ladder.tracks).toHaveLength(1);
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => l.title)).toEqual(['Junior', 'Senior']);
    expect(track!.competencies.map((c) => [c.name, c.category])).toEqual([
      ['Communication', undefined],
      ['Delivery', undefined],
    ]);
    expect(texts(track!, 'Delivery')).toEqual(['Ships tasks.', 'Ships projects.']);
  });
});

describe('baselines', () => {
  it('keeps an "Every level" section as the baseline of the track that follows', () => {
    const { ladder } = read(
      ['# Ladder', '## Every level', '- Ownership: Owns their work. Ships.', '## Junior', '- Craft: a', '## Senior', '- Craft: b'].join('\n'),
    );
    const [track] = ladder.tracks;
    expect(track!.levels.map((l) => l.title)).toEqual(['Junior', 'Senior']);
    expect(track!.baseline).toEqual([{ competency: 'Ownership', statements: ['Owns their work.', 'Ships.'] }]);
  });

  it('gives an "All levels" section after the levels to the track of its sibling levels', () => {
    const { ladder } = read(
      [
        '# Ladder',
        '## Engineers',
        '### Junior',
        '- Craft: a',
        '### Senior',
        '- Craft: b',
        '### All levels',
        '- Values: Lives our values.',
        '## Managers',
        '### Manager',
        '- People: c',
        '### Director',
        '- People: d',
      ].join('\n'),
    );
    expect(ladder.tracks.map((t) => [t.name, t.baseline?.length ?? 0])).toEqual([
      ['Engineers', 1],
      ['Managers', 0],
    ]);
  });
});
