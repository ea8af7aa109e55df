// Each rule of the lexicon: what it takes, and what it must leave alone.
import { describe, expect, it } from 'vitest';
import {
  BREADCRUMB,
  CHROME_NAME,
  CHROME_ROLE,
  CATEGORY_COLUMN,
  CODE_HEADER,
  CODE_RANGE,
  codeNumber,
  COMPETENCY_AXIS,
  COUNT_PHRASE,
  DESCRIBING_HEADER,
  FACT_HEADER,
  GENERIC_CODE_PREFIX,
  GROUP_AXIS,
  INTRODUCING_HEADING,
  LABELLED_LINE,
  LEVEL_AXIS,
  LEVEL_CODE,
  LEVEL_COLUMN,
  LEVEL_FACT_LABEL,
  LINK_SEPARATOR,
  MENU_LINE,
  NOT_A_LEVEL_HEADER,
  NUMBERED_ROLE,
  NUMERIC_FACT,
  ROLE_WORD,
  PAGE_STAMP,
  ROMAN_SUFFIX,
  romanSuffix,
  ROW_DIMENSION,
  RUNG_PREFIX,
  SENIORITY_WORD,
  SENIORITY_WORDS,
  STATEMENT_HEADER,
  seniorityRank,
  SUMMARY_HEADER,
  TITLE_HEADER,
  UI_SENTENCE,
} from '../../src/readers/lexicon.js';

const whole = (pattern: string) => new RegExp(`^${pattern}$`);

describe('SENIORITY_WORD', () => {
  it.each(['Senior Engineer', 'Staff', 'Engineering Manager', 'Jr. Developer', 'Vice  President', 'Practitioner', 'Proficient', 'Mastery-level Expert', 'Head of Engineering'])(
    'takes %j',
    (label) => expect(SENIORITY_WORD.test(label)).toBe(true),
  );
  it.each(['Communication', 'Leadership', 'Headcount planning', 'Seniority', 'Mastery', 'Technical skills', 'Level'])('leaves %j', (label) =>
    expect(SENIORITY_WORD.test(label)).toBe(false),
  );
  it('lists every word once', () => {
    const words = SENIORITY_WORDS.map((w) => w.word);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('seniorityRank', () => {
  it.each([
    ['Engineering Intern', 0],
    ['Junior Engineer', 1],
    ['Software Engineer', 2],
    ['Intermediate Developer', 2],
    ['Senior Engineer', 3],
    ['Staff Engineer', 4],
    ['Senior Staff Engineer', 4.5],
    ['Principal Engineer', 5],
    ['Distinguished Engineer', 6],
    ['Engineering Manager', 2],
  ])('%j → %d', (title, rank) => expect(seniorityRank(title)).toBe(rank));
});

describe('LEVEL_CODE', () => {
  it.each(['L3', 'P3', 'IC3', 'IC 1', 'E5', 'M1', 'S2', 'SE-2', 'SFIA 3', 'LVL 2', 'Lvl. 2', 'Level 10', 'LEVEL 3', 'Grade 4', '5T', '5M', '2a', '3', 'Milestone 2'])('takes %j', (code) =>
    expect(whole(LEVEL_CODE).test(code)).toBe(true),
  );
  it.each(['Level', 'Senior', '123', '2FA', 'ICE3X', '1-2 years', 'Q4 2024'])('leaves %j', (text) => expect(whole(LEVEL_CODE).test(text)).toBe(false));
  it('takes a range of lettered codes, not of numbers', () => {
    expect(whole(CODE_RANGE).test('P1/P2')).toBe(true);
    expect(whole(CODE_RANGE).test('IC1–IC2')).toBe(true);
    expect(whole(CODE_RANGE).test('1-2')).toBe(false);
  });
  it('reads the rung number', () => {
    expect(codeNumber('IC3')).toBe(3);
    expect(codeNumber('Level 10')).toBe(10);
    expect(codeNumber('5T')).toBe(5);
    expect(codeNumber('Senior')).toBeUndefined();
  });
  it('tells rung words from a track prefix', () => {
    expect(GENERIC_CODE_PREFIX.test('Level')).toBe(true);
    expect(GENERIC_CODE_PREFIX.test('IC')).toBe(false);
    expect('Level 1'.replace(RUNG_PREFIX, '')).toBe('1');
    expect('Grade2'.replace(RUNG_PREFIX, '')).toBe('2');
    expect('Levels'.replace(RUNG_PREFIX, '')).toBe('Levels');
  });
});

describe('role words', () => {
  it('finds a job in a label, and a job numbered as a rung', () => {
    expect(ROLE_WORD.test('Backend Developer')).toBe(true);
    expect(ROLE_WORD.test('SREs')).toBe(true);
    expect(ROLE_WORD.test('Testing')).toBe(false);
    expect(NUMBERED_ROLE.test('Engineer 2')).toBe(true);
    expect(NUMBERED_ROLE.test('Engineer')).toBe(false);
    expect(NUMBERED_ROLE.test('2 Engineers')).toBe(false);
  });
});

describe('Roman numerals', () => {
  it.each([
    ['Software Engineer III', 3],
    ['OSPO Engineer II', 2],
    ['Level IV', 4],
    ['Engineer X', 10],
  ])('%j → %d', (title, n) => {
    expect(ROMAN_SUFFIX.test(title)).toBe(true);
    expect(romanSuffix(title)).toBe(n);
  });
  it.each(['Engineer', 'Developer iii', 'Team XI', 'MVP'])('no numeral closes %j', (title) => {
    expect(ROMAN_SUFFIX.test(title)).toBe(false);
    expect(romanSuffix(title)).toBeUndefined();
  });
});

describe('axis headers', () => {
  it('names the level axis', () => {
    for (const h of ['Level', 'Grades', 'Band', 'Seniority', 'Level/Skill']) expect(LEVEL_AXIS.test(h), h).toBe(true);
    expect(LEVEL_AXIS.test('Skill')).toBe(false);
  });
  it('names the competency axis', () => {
    for (const h of ['Skill', 'Competencies', 'Areas', 'Criteria', 'Behaviours']) expect(COMPETENCY_AXIS.test(h), h).toBe(true);
    expect(COMPETENCY_AXIS.test('Level')).toBe(false);
  });
  it('names a competency column as a whole header', () => {
    for (const h of ['Competency', 'Skills', 'Area / Level', 'Sub-category']) expect(ROW_DIMENSION.test(h), h).toBe(true);
    expect(ROW_DIMENSION.test('Senior Engineer')).toBe(false);
  });
  it('names the columns of a long table: statement, level, category', () => {
    for (const h of ['Expectation', 'Description', 'Behaviours', 'What good looks like', 'Indicators']) expect(STATEMENT_HEADER.test(h), h).toBe(true);
    for (const h of ['Senior Engineer', 'Expectations for seniors', 'Level']) expect(STATEMENT_HEADER.test(h), h).toBe(false);
    for (const h of ['Level', 'Grade', 'Job title', 'Career level', 'Seniority']) expect(LEVEL_COLUMN.test(h), h).toBe(true);
    for (const h of ['Level of detail', 'Competency', 'Title case']) expect(LEVEL_COLUMN.test(h), h).toBe(false);
    for (const h of ['Category', 'Theme', 'Pillar', 'Domain']) expect(CATEGORY_COLUMN.test(h), h).toBe(true);
    expect(CATEGORY_COLUMN.test('Competency')).toBe(false);
  });
  it('tells a scraped menu line from a sentence or a title', () => {
    for (const l of ['Home | Careers | Blog', 'Docs · Pricing · About us · Contact']) expect(MENU_LINE.test(l), l).toBe(true);
    for (const l of ['Senior Engineer', 'Owns design | delivery', 'Ships code, reviews code, and mentors others | always']) expect(MENU_LINE.test(l), l).toBe(false);
  });
  it('names a grouping of levels', () => {
    for (const h of ['Track', 'Job family', 'Discipline', 'Paths']) expect(GROUP_AXIS.test(h), h).toBe(true);
    expect(GROUP_AXIS.test('Track record')).toBe(false);
  });
  it('tells describing, summary and introducing headers', () => {
    expect(DESCRIBING_HEADER.test('Notes')).toBe(true);
    expect(DESCRIBING_HEADER.test('Senior')).toBe(false);
    expect(NOT_A_LEVEL_HEADER.test('Weight')).toBe(true);
    expect(NOT_A_LEVEL_HEADER.test('Staff')).toBe(false);
    expect(SUMMARY_HEADER.test('Level summary')).toBe(true);
    expect(SUMMARY_HEADER.test('At a glance')).toBe(true);
    expect(SUMMARY_HEADER.test('Summary of impact')).toBe(false);
    expect(INTRODUCING_HEADING.test('How to read the matrix')).toBe(true);
    expect(INTRODUCING_HEADING.test('What is a level?')).toBe(true);
    expect(INTRODUCING_HEADING.test('Platform Engineering')).toBe(false);
  });
});

describe('title, code and fact headers', () => {
  it.each(['Title', 'Job title', 'Role name', 'Level name', 'Positions', 'Role'])('title: %j', (h) => expect(TITLE_HEADER.test(h)).toBe(true));
  it.each(['Title of the talk', 'Scope'])('not a title: %j', (h) => expect(TITLE_HEADER.test(h)).toBe(false));
  it.each(['Grade code', 'Level code', 'Job codes'])('code: %j', (h) => expect(CODE_HEADER.test(h)).toBe(true));
  it.each(['Code', 'Code review'])('not a code: %j', (h) => expect(CODE_HEADER.test(h)).toBe(false));
  it.each(['Experience', 'Years of experience', 'Typical experience', 'YOE', 'Salary band', 'Salary range (USD)', 'Pay min', 'Reports to', 'Tenure', 'Years'])('fact: %j', (h) => expect(FACT_HEADER.test(h)).toBe(true));
  it.each(['Scope', 'Impact', 'Communication', 'Systems Experience and Understanding', 'Customer experience'])('not a fact: %j', (h) => expect(FACT_HEADER.test(h)).toBe(false));
  it.each(['3', '2–4', '5+', '$120,000 - $150,000', '120k', '3 yrs', '80 to 95', '1.5', '90000 EUR'])('numeric fact: %j', (t) => expect(NUMERIC_FACT.test(t)).toBe(true));
  it.each(['Writes code', 'L3', '2 teams or more', 'Q4', ''])('not a numeric fact: %j', (t) => expect(NUMERIC_FACT.test(t)).toBe(false));
});

describe('LEVEL_FACT_LABEL', () => {
  it.each(['Experience', 'Typical experience', 'Job grade', 'Grade', 'Job titles', 'Title', 'Also known as', 'AKA', 'Pay band', 'Reports to'])('fact label: %j', (l) =>
    expect(LEVEL_FACT_LABEL.test(l)).toBe(true),
  );
  it.each(['Scope', 'Technical skills', 'Grade expectations', 'Title of the talk'])('not a fact label: %j', (l) => expect(LEVEL_FACT_LABEL.test(l)).toBe(false));
});

describe('LABELLED_LINE', () => {
  it('splits a label from its text', () => {
    expect(LABELLED_LINE.exec('Scope: owns a service')?.slice(1)).toEqual(['Scope', 'owns a service']);
  });
  it('leaves a sentence and a lower-case start', () => {
    expect(LABELLED_LINE.test('Owns a service')).toBe(false);
    expect(LABELLED_LINE.test('note: lower case')).toBe(false);
  });
});

describe('page chrome', () => {
  it('recognises chrome by role and by name', () => {
    expect(CHROME_ROLE.test('navigation')).toBe(true);
    expect(CHROME_ROLE.test('main')).toBe(false);
    for (const n of ['footer', 'site-footer', 'sidebar', 'breadcrumbs', 'cookie-banner']) expect(CHROME_NAME.test(n), n).toBe(true);
    expect(CHROME_NAME.test('ladder-footer-note')).toBe(false);
  });
  it('recognises sentences that talk to the page reader', () => {
    for (const s of ['Pick a level to see the full profile', 'Read more', 'Back to top', 'Sign in']) expect(UI_SENTENCE.test(s), s).toBe(true);
    expect(UI_SENTENCE.test('Selects the right tool')).toBe(false);
    expect(UI_SENTENCE.test('Reads code carefully')).toBe(false);
  });
  it('recognises the text between links', () => {
    for (const t of [' · ', ', ', ' | ', '']) expect(LINK_SEPARATOR.test(t), t).toBe(true);
    expect(LINK_SEPARATOR.test(' and more ')).toBe(false);
  });
  it('recognises counts, breadcrumbs and stamps', () => {
    expect(COUNT_PHRASE.test('6 leveled profiles')).toBe(true);
    expect(COUNT_PHRASE.test('3 of 6')).toBe(true);
    expect(COUNT_PHRASE.test('Leads 6 people in two teams at once')).toBe(false);
    expect(BREADCRUMB.test('Home › Careers › Engineering')).toBe(true);
    expect(BREADCRUMB.test('Junior → Senior')).toBe(false);
    expect(PAGE_STAMP.test('Last updated 3 March 2026')).toBe(true);
    expect(PAGE_STAMP.test('© 2026 Acme')).toBe(true);
    expect(PAGE_STAMP.test('Ships features')).toBe(false);
  });
});
