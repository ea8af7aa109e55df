// Ladders nobody here had seen when the readers were written (tests/fixtures/<case>/input.*):
// the important facts of each, so that a reader change that loses them fails by name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ladder, Track } from '../../src/model.js';
import { readSource } from '../../src/readers/index.js';

function read(name: string, ext: string) {
  const path = `tests/fixtures/${name}/input.${ext}`;
  const result = readSource(new Uint8Array(readFileSync(path)), path);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { ladder: result.ladder as Ladder, diagnostics: result.diagnostics };
}
const titles = (t: Track) => t.levels.map((l) => l.title);
const codes = (t: Track) => t.levels.map((l) => l.code);
const cell = (t: Track, competency: string, level: string) =>
  t.competencies.find((c) => c.name === competency)?.expectations.find((e) => e.level === level);

describe('unseen ladders', () => {
  it('GFM table with levels as rows', () => {
    const { ladder } = read('gfm-levels-as-rows', 'md');
    const [t] = ladder.tracks;
    expect(ladder.title).toBe('Backend Engineering Levels');
    expect(titles(t!)).toEqual(['Engineer I', 'Engineer II', 'Senior Engineer', 'Staff Engineer', 'Principal Engineer']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Technical Skills', 'Delivery', 'Collaboration', 'Influence']);
    expect(cell(t!, 'Collaboration', 'engineer-i')?.statements).toEqual(['Asks for help early.', 'Participates in code review.']);
  });

  it('GFM tables headed "Level 1 (Junior)", one track with a category per section', () => {
    const { ladder } = read('gfm-coded-level-headers', 'md');
    expect(ladder.tracks).toHaveLength(1);
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4']);
    expect(titles(t!)).toEqual(['Junior', 'Intermediate', 'Senior', 'Lead']);
    expect(t!.competencies.map((c) => `${c.category}/${c.name}`)).toEqual([
      'Craft/Code quality', 'Craft/Testing', 'Craft/Platform knowledge', 'Ownership/Releases', 'Ownership/Incidents',
    ]);
  });

  it('prose with "## L3 - Senior Engineer" headings and **Impact:** run-in labels', () => {
    const { ladder } = read('prose-level-headings-run-in', 'md');
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(titles(t!)).toEqual(['Associate Engineer', 'Engineer', 'Senior Engineer', 'Staff Engineer']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Impact', 'Scope', 'Behaviours']);
    expect(cell(t!, 'Behaviours', 'l3')?.statements).toHaveLength(3);
    // "e.g." does not end a sentence.
    expect(cell(t!, 'Impact', 'l4')?.statements).toHaveLength(1);
  });

  it('a heading per competency with "- **Junior:** …" items', () => {
    const { ladder } = read('competency-headings-level-bullets', 'md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior', 'Mid-level', 'Senior', 'Lead']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Data Modelling', 'Pipeline Reliability', 'Stakeholder Communication', 'Mentoring']);
    expect(t!.competencies.every((c) => c.expectations.length === 4)).toBe(true);
  });

  it('HTML with <thead>, a <caption>, codes over titles and bold category rows', () => {
    const { ladder } = read('html-thead-caption', 'html');
    const [t] = ladder.tracks;
    expect(ladder.title).toBe('Frontend Career Ladder');
    expect(codes(t!)).toEqual(['FE1', 'FE2', 'FE3']);
    expect(titles(t!)).toEqual(['Junior Frontend Engineer', 'Frontend Engineer', 'Senior Frontend Engineer']);
    expect(t!.competencies.map((c) => `${c.category}/${c.name}`)).toEqual([
      'Technical/Accessibility', 'Technical/Performance', 'Collaboration/Design partnership', 'Collaboration/Code review',
    ]);
    expect(cell(t!, 'Performance', 'fe2')?.statements).toEqual(['Keeps bundle size in check.', 'Fixes slow renders.']);
    expect(JSON.stringify(ladder)).not.toMatch(/analytics|last updated|<\w/);
  });

  it('two tracks under "#" headings, tables under "##"', () => {
    const { ladder } = read('md-two-tracks-tables', 'md');
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Individual Contributor', 'Management']);
    expect(codes(ladder.tracks[0]!)).toEqual(['IC1', 'IC2', 'IC3', 'IC4']);
    expect(codes(ladder.tracks[1]!)).toEqual(['M1', 'M2', 'M3']);
    expect(ladder.tracks.map((t) => t.competencies.length)).toEqual([4, 4]);
    expect(ladder.tracks[1]!.description).toBe('Engineers who grow by building and leading teams.');
  });

  it('scraped text: a bare code sequence and a titled one are one track', () => {
    const { ladder } = read('scraped-text-arrows', 'txt');
    expect(ladder.title).toBe('Engineering Levels at Acme');
    expect(ladder.tracks).toHaveLength(1);
    const [t] = ladder.tracks;
    expect(t!.name).toBe('Individual contributor');
    expect(codes(t!)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
    expect(titles(t!)).toEqual(['Associate Engineer', 'Engineer', 'Senior Engineer', 'Staff Engineer', 'Principal Engineer']);
    expect(t!.levels[2]!.summary).toBe('E3 leads projects within their team and mentors others');
  });

  it('CRLF, a BOM and curly quotes; an italic note is a track note', () => {
    const { ladder } = read('crlf-bom-curly-quotes', 'md');
    const [t] = ladder.tracks;
    expect(ladder.title).toBe('Support Engineering Ladder');
    expect(titles(t!)).toEqual(['Support Engineer I', 'Support Engineer II', 'Senior Support Engineer']);
    expect(cell(t!, 'Customer empathy', 'support-engineer-ii')?.text).toBe('Sets the customer’s expectations about “next steps”.');
    expect(t!.notes).toEqual(['Note: titles may differ by region.']);
    expect(JSON.stringify(ladder)).not.toMatch(/\r|\uFEFF/);
  });

  it('N/A, dash and empty cells, and <br>-separated items', () => {
    const { ladder } = read('gfm-na-dash-br', 'md');
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['QA1', 'QA2', 'QA3', 'QA4']);
    expect(t!.competencies).toHaveLength(6);
    expect(cell(t!, 'Automation', 'qa1')?.applicable).toBe(false);
    expect(cell(t!, 'Bug triage', 'qa4')?.applicable).toBe(false);
    // A dash marks "nothing here", like a blank cell: no expectation, never the statement "-".
    expect(cell(t!, 'Performance testing', 'qa1')).toBeUndefined();
    expect(cell(t!, 'Performance testing', 'qa2')).toBeUndefined();
    expect(cell(t!, 'Release sign-off', 'qa1')).toBeUndefined();
    expect(cell(t!, 'Manual testing', 'qa1')?.statements).toEqual(['Executes test cases.', 'Reports bugs clearly.']);
  });
  it('GFM table headed "E3 – Engineer" with bold category rows', () => {
    const { ladder } = read('gfm-en-dash-level-headers', 'md');
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['E3', 'E4', 'E5', 'E6']);
    expect(titles(t!)).toEqual(['Engineer', 'Senior Engineer', 'Staff Engineer', 'Principal Engineer']);
    expect(t!.competencies.map((c) => `${c.category}/${c.name}`)).toEqual([
      'Technical/Systems design', 'Technical/Operations', 'People/Mentorship', 'People/Communication',
    ]);
  });

  it('HTML fragment with levels as rows in <th scope="row">; its lone <h2> titles it', () => {
    const { ladder } = read('html-levels-as-rows', 'html');
    const [t] = ladder.tracks;
    expect(ladder.title).toBe('Security Engineering Levels');
    expect(codes(t!)).toEqual(['SEC1', 'SEC2', 'SEC3', 'SEC4']);
    expect(titles(t!)).toEqual(['Security Analyst', 'Security Engineer', 'Senior Security Engineer', 'Staff Security Engineer']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Threat modelling', 'Incident response', 'Security advocacy']);
    expect(cell(t!, 'Threat modelling', 'sec3')?.statements).toEqual(['Reviews threat models across teams.', 'Finds systemic risks.']);
  });

  it('prose: a title H1 over two track H1s, labelled items, baseline, experience and equivalents', () => {
    const { ladder, diagnostics } = read('prose-tracks-labelled-items', 'md');
    expect(ladder.title).toBe('Career Paths');
    // The title heading is not an empty section.
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(ladder.tracks.map((t) => t.name)).toEqual(['Individual Contributors', 'Managers']);
    const [ic, mgr] = ladder.tracks;
    expect(titles(ic!)).toEqual(['Developer 1', 'Developer 2', 'Developer 3']);
    expect(ic!.levels[0]!.metadata).toEqual({ experience: '0-2 years' });
    expect(ic!.baseline?.[0]?.statements).toEqual(['Treats colleagues with respect.', 'Writes things down.']);
    expect(ic!.competencies.map((c) => c.name)).toEqual(['Scope', 'Autonomy', 'Craft']);
    expect(ic!.levels[2]!.equivalents).toEqual([{ ladder: ladder.id, track: 'managers', level: 'team-lead' }]);
    expect(mgr!.levels[0]!.equivalents).toEqual([{ ladder: ladder.id, track: 'individual-contributors', level: 'developer-3' }]);
    expect(mgr!.levels[1]!.equivalents).toBeUndefined();
  });
  it('scraped text: a footer line after the levels never names the track', () => {
    const text = [
      'Engineering Levels at Acme', '', 'Skip to content', 'Our levels', 'Individual contributor',
      'Associate Engineer (E1) -> Engineer (E2) -> Senior Engineer (E3)', '',
      'E1 works on well-defined tasks.', 'E2 delivers features on their own.', 'E3 leads projects.', '',
      'Privacy policy', '',
    ].join('\n');
    const { ladder } = readSource(new TextEncoder().encode(text), 'scrape.txt');
    expect(ladder!.tracks.map((t) => t.name)).not.toContain('Privacy policy');
    expect(codes(ladder!.tracks[0]!)).toEqual(['E1', 'E2', 'E3']);
  });
  it('prose with numbered "**Craft** — …" items under each level, and a summary line', () => {
    const { ladder } = read('prose-numbered-dash-labels', 'md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior Designer', 'Designer', 'Senior Designer']);
    expect(t!.levels[1]!.summary).toBe('Owns the design of features.');
    expect(t!.competencies.map((c) => c.name)).toEqual(['Craft', 'Collaboration', 'Research']);
    expect(cell(t!, 'Craft', 'designer')?.text).toBe('Designs complete flows, including empty and error states.');
  });
  it('GFM level headers carrying years ("Junior<br>(0–2 yrs)"): years become metadata', () => {
    const { ladder } = read('gfm-years-in-level-headers', 'md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior', 'Mid', 'Senior']);
    expect(t!.levels.map((l) => l.metadata?.experience)).toEqual(['0–2 yrs', '2–5 yrs', '5+ yrs']);
    expect(cell(t!, 'Cloud', 'junior')).toBeUndefined();
    expect(cell(t!, 'Leadership', 'mid')?.applicable).toBe(false);
  });

  it('GFM levels as rows with years in the level label and a Title column', () => {
    const text = ['| Level | Title | Scope |', '|---|---|---|', '| I1 (0-2 years) | Junior Engineer | Tasks |', '| I2 (2-5 years) | Engineer | Services |', ''].join('\n');
    const { ladder } = readSource(new TextEncoder().encode(text), 'rows.md');
    const [t] = ladder!.tracks;
    expect(codes(t!)).toEqual(['I1', 'I2']);
    expect(titles(t!)).toEqual(['Junior Engineer', 'Engineer']);
    expect(t!.levels[0]!.metadata?.experience).toBe('0-2 years');
  });
  it('scraped text with a level title line over each paragraph, no codes and no arrows', () => {
    const { ladder, diagnostics } = read('scraped-text-title-headings', 'txt');
    expect(ladder.title).toBe('Software Engineer Levels');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior Software Engineer', 'Software Engineer', 'Senior Software Engineer', 'Staff Software Engineer']);
    expect(t!.levels.every((l) => l.summary === undefined)).toBe(true);
    expect(t!.competencies).toHaveLength(1);
    expect(cell(t!, 'Expectations', 'senior-software-engineer')?.statements).toEqual([
      'Leads projects within the team.', 'Mentors other engineers and improves how the team works.',
    ]);
    // The page stamp after the last level is skipped, not that level's content.
    expect(cell(t!, 'Expectations', 'staff-software-engineer')?.statements).toHaveLength(2);
    expect(diagnostics.some((d) => d.message.includes('Last updated'))).toBe(true);
  });
  it('GFM table with company level names (Bronze … Platinum) and short cells under a "Skill" header', () => {
    const { ladder } = read('gfm-company-level-names', 'md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Bronze', 'Silver', 'Gold', 'Platinum']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Coding', 'Code review', 'Testing', 'Ops']);
    expect(cell(t!, 'Ops', 'platinum')?.text).toBe('Runs postmortems org-wide');
  });
  it('GFM levels as rows under a "Stage" header, with level names of the company\'s own', () => {
    const { ladder } = read('gfm-rows-under-level-header', 'md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Apprentice', 'Navigator', 'Pathfinder', 'Trailblazer']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Scope', 'Customers', 'Influence']);
    expect(cell(t!, 'Influence', 'pathfinder')?.statements).toEqual(['Trains navigators; feeds product with patterns.']);
  });
  it('HTML levels as rows under a "Stage" corner header', () => {
    const html = [
      '<table><tr><th>Stage</th><th>Scope</th><th>Influence</th></tr>',
      '<tr><td>Apprentice</td><td>Single tickets with a buddy reviewing.</td><td>Learns from the team.</td></tr>',
      '<tr><td>Navigator</td><td>Whole customer issues, end to end.</td><td>Improves articles.</td></tr>',
      '<tr><td>Pathfinder</td><td>Escalations across products.</td><td>Trains navigators.</td></tr></table>',
    ].join('\n');
    const { ladder } = readSource(new TextEncoder().encode(html), 'stages.html');
    const [t] = ladder!.tracks;
    expect(titles(t!)).toEqual(['Apprentice', 'Navigator', 'Pathfinder']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Scope', 'Influence']);
  });
});

/** Small documents shaped like ones found in the wild, read from a string. */
function readText(text: string, path = 'probe.txt') {
  const result = readSource(new TextEncoder().encode(text), path);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { ladder: result.ladder as Ladder, diagnostics: result.diagnostics };
}

describe('probes: shapes seen in published ladders', () => {
  it('GFM: a "Competency" header keeps a first level whose name has no seniority word', () => {
    const { ladder } = readText(
      '# X\n\n| Competency | Engineer | Senior Engineer | Staff Engineer |\n|---|---|---|---|\n| Code | Writes code | Designs code | Sets standards |\n| Teamwork | Helps | Mentors | Leads |\n',
    );
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Engineer', 'Senior Engineer', 'Staff Engineer']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Code', 'Teamwork']);
  });

  it('GFM: an empty corner, and a spanning code "P1/P2"', () => {
    const a = readText('# X\n\n| | Engineer | Senior Engineer |\n|---|---|---|\n| Code | Writes code | Designs code |\n').ladder.tracks[0]!;
    expect(titles(a)).toEqual(['Engineer', 'Senior Engineer']);
    const b = readText('# X\n\n| Competency | P1/P2 | P3 | P4 |\n|---|---|---|---|\n| Code | Writes code | Designs code | Sets standards |\n').ladder.tracks[0]!;
    expect(codes(b)).toEqual(['P1/P2', 'P3', 'P4']);
  });

  it('GFM: a "Description" column before the levels stays a description, not a level', () => {
    const { ladder } = readText('# X\n\n| Competency | Description | Junior | Senior |\n|---|---|---|---|\n| Code | Writing code | Writes code | Designs code |\n');
    expect(titles(ladder.tracks[0]!)).toEqual(['Junior', 'Senior']);
  });

  it('HTML: a "Competency" header keeps a first level whose name has no seniority word', () => {
    const { ladder } = readText(
      '<table><tr><th>Competency</th><th>Engineer</th><th>Senior Engineer</th></tr><tr><td>Code</td><td>Writes well-tested code for features of moderate complexity.</td><td>Designs code</td></tr><tr><td>Teamwork</td><td>Helps</td><td>Mentors</td></tr></table>',
    );
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Engineer', 'Senior Engineer']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Code', 'Teamwork']);
  });
});

describe('probes: level summaries in tables', () => {
  it('GFM levels as rows: a "Summary" column is the level summary, not a competency', () => {
    const { ladder } = readText(
      '# X\n\n| Level | Summary | Technical | People |\n|---|---|---|---|\n| Engineer I | New to the industry. | Writes code | Learns from others |\n| Engineer II | Independent. | Owns features | Helps peers |\n',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.title, l.summary])).toEqual([
      ['Engineer I', 'New to the industry.'],
      ['Engineer II', 'Independent.'],
    ]);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Technical', 'People']);
  });

  it('GFM levels as columns: a "Summary" row is the level summary', () => {
    const { ladder } = readText(
      '# X\n\n| | Junior | Senior |\n|---|---|---|\n| Summary | Learns the craft with guidance from the team around them. | Leads projects |\n| Code | Writes code | Designs code |\n',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => l.summary)).toEqual(['Learns the craft with guidance from the team around them.', 'Leads projects']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Code']);
  });
});

describe('probes: level summaries in HTML tables', () => {
  it('levels as rows: a "Summary" column is the level summary', () => {
    const { ladder } = readText(
      '<table><tr><th>Level</th><th>Summary</th><th>Technical</th></tr><tr><td>Engineer I</td><td>New to the industry.</td><td>Writes code</td></tr><tr><td>Engineer II</td><td>Independent.</td><td>Owns features</td></tr></table>',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.title, l.summary])).toEqual([
      ['Engineer I', 'New to the industry.'],
      ['Engineer II', 'Independent.'],
    ]);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Technical']);
  });

  it('levels as columns: an "Overview" row is the level summary', () => {
    const { ladder } = readText(
      '<table><tr><th></th><th>Junior Engineer</th><th>Senior Engineer</th></tr><tr><td>Overview</td><td>Learns.</td><td>Leads.</td></tr><tr><td>Code</td><td>Writes code</td><td>Designs code</td></tr></table>',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => l.summary)).toEqual(['Learns.', 'Leads.']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Code']);
  });
});

describe('probes: two role families with the same band codes', () => {
  it('tables under "Individual Contributor" and "Management" are two tracks', () => {
    const { ladder } = readText(
      '# Career Ladder\n\n## Individual Contributor\n\n| Competency | L4 | L5 | L6 |\n|---|---|---|---|\n| Technical | Applies | Masters | Sets direction |\n\n## Management\n\n| Competency | L4 | L5 | L6 |\n|---|---|---|---|\n| People | Leads a team | Leads managers | Leads an org |\n',
    );
    expect(ladder.tracks.map((t) => [t.name, codes(t), t.competencies.map((c) => c.name)])).toEqual([
      ['Individual Contributor', ['L4', 'L5', 'L6'], ['Technical']],
      ['Management', ['L4', 'L5', 'L6'], ['People']],
    ]);
  });

  it('prose levels under "Engineering track" and "Management track" are two tracks', () => {
    const { ladder } = readText(
      '# Ladder\n\n## Engineering track\n\n### Junior\n\n- **Code:** Writes code\n\n### Senior\n\n- **Code:** Designs code\n\n## Management track\n\n### Junior\n\n- **People:** Runs one-on-ones\n\n### Senior\n\n- **People:** Grows managers\n',
      'probe.md',
    );
    expect(ladder.tracks.map((t) => [t.name, titles(t)])).toEqual([
      ['Engineering', ['Junior', 'Senior']],
      ['Management', ['Junior', 'Senior']],
    ]);
  });

  it('sub-headings that are not role families stay categories of one track', () => {
    const { ladder } = readText(
      '# Ladder\n\n## Technical\n\n| Competency | L1 | L2 |\n|---|---|---|\n| Code | Writes | Designs |\n\n## Leadership\n\n| Competency | L1 | L2 |\n|---|---|---|\n| Mentoring | Learns | Teaches |\n',
    );
    expect(ladder.tracks).toHaveLength(1);
    expect(ladder.tracks[0]!.competencies.map((c) => [c.name, c.category])).toEqual([
      ['Code', 'Technical'],
      ['Mentoring', 'Leadership'],
    ]);
  });
});

describe('probes: scraped text with level heading lines', () => {
  const statements = (t: Track) => t.competencies.flatMap((c) => c.expectations.map((e) => [e.level, e.statements]));

  it('"Level 1 - Associate:" lines over bullet lists', () => {
    const { ladder } = readText(
      'Infrastructure Engineer Levels\n\nLevel 1 - Associate:\n- Operates existing infrastructure with supervision\n- Follows runbooks\nLevel 2 - Engineer:\n- Builds new infrastructure modules\nLevel 3 - Senior Engineer:\n- Designs platforms for several teams\n',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.code, l.title])).toEqual([
      ['Level 1', 'Associate'],
      ['Level 2', 'Engineer'],
      ['Level 3', 'Senior Engineer'],
    ]);
    expect(statements(t!)).toEqual([
      ['level-1', ['Operates existing infrastructure with supervision', 'Follows runbooks']],
      ['level-2', ['Builds new infrastructure modules']],
      ['level-3', ['Designs platforms for several teams']],
    ]);
  });

  it('title lines ending in a colon, and "L1 Junior Engineer" / "LEVEL 3 — SENIOR ENGINEER" lines', () => {
    const a = readText(
      'Engineering levels at Acme\n\nJunior Engineer:\nLearns the codebase and ships small fixes with help.\n\nEngineer:\nShips features on their own and reviews code.\n\nSenior Engineer:\nLeads projects across the team and mentors others.\n',
    ).ladder.tracks[0]!;
    expect(titles(a)).toEqual(['Junior Engineer', 'Engineer', 'Senior Engineer']);
    const b = readText('Levels\n\nL1 Junior Engineer\nLearns the codebase with help.\nL2 Engineer\nShips features alone.\nLEVEL 3 — SENIOR ENGINEER\nLeads projects.\n').ladder.tracks[0]!;
    expect(codes(b)).toEqual(['L1', 'L2', 'LEVEL 3']);
    expect(statements(b).map(([, s]) => s)).toEqual([['Learns the codebase with help.'], ['Ships features alone.'], ['Leads projects.']]);
  });
});

describe('probes: an HTML page without tables', () => {
  it('reads headings, bold run-in labels and lists as Markdown prose, with the HTML positions', () => {
    const { ladder, diagnostics } = readText(
      '<html><head><title>Careers | Acme</title><script>alert(1)</script></head><body><nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav><h1>Engineering Ladder</h1>\n<p>How we grow engineers.</p>\n<h2>Junior Engineer</h2>\n<ul><li><strong>Impact:</strong> Completes tasks.</li><li><strong>Craft:</strong> Writes tests.</li></ul>\n<h2>Senior Engineer</h2>\n<ul><li><strong>Impact:</strong> Leads projects.</li><li><strong>Craft:</strong> Designs systems.</li></ul>\n</body></html>\n',
    );
    expect(ladder.source.format).toBe('prose');
    expect([ladder.title, ladder.description]).toEqual(['Engineering Ladder', 'How we grow engineers.']);
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior Engineer', 'Senior Engineer']);
    expect(t!.competencies.map((c) => [c.name, c.expectations.map((e) => e.statements)])).toEqual([
      ['Impact', [['Completes tasks.'], ['Leads projects.']]],
      ['Craft', [['Writes tests.'], ['Designs systems.']]],
    ]);
    expect(cell(t!, 'Impact', 'senior-engineer')?.position).toEqual({ line: 6, column: 5 });
    expect(JSON.stringify(ladder)).not.toContain('alert');
    expect(diagnostics.map((d) => d.ruleId)).toContain('skipped-content');
  });
});

describe('probes: levels written as bold lines', () => {
  it('"**Level 1: Operations Engineer I**" over a list is a level heading', () => {
    const { ladder, diagnostics } = readText('# Ops Ladder\n\n**Level 1: Operations Engineer I**\n\n- Runs playbooks\n\n**Level 2: Operations Engineer II**\n\n- Writes playbooks\n', 'probe.md');
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.code, l.title])).toEqual([
      ['Level 1', 'Operations Engineer I'],
      ['Level 2', 'Operations Engineer II'],
    ]);
    expect(t!.competencies.flatMap((c) => c.expectations.map((e) => e.statements))).toEqual([['Runs playbooks'], ['Writes playbooks']]);
    expect(diagnostics.find((d) => d.ruleId === 'bold-level-lines')?.line).toBe(3);
  });

  it('bold labels that are not levels stay as they were', () => {
    const { ladder } = readText('# Ladder\n\n## Junior\n\n**Impact**\n\nShips small fixes.\n\n## Senior\n\n**Impact**\n\nLeads projects.\n', 'probe.md');
    expect(titles(ladder.tracks[0]!)).toEqual(['Junior', 'Senior']);
  });
});

describe('probes: nested list items', () => {
  it('an item ending in a colon keeps its sub-items as one statement; others stand alone', () => {
    const { ladder } = readText(
      '# L\n\n## Junior Engineer\n\n- **Technical:** Delivers features:\n  - with tests\n  - with docs\n- **Teamwork:** Helps others\n\n## Senior Engineer\n\n- **Technical:** Designs systems\n  - for scale\n- **Teamwork:** Mentors\n',
      'probe.md',
    );
    const [t] = ladder.tracks;
    expect(cell(t!, 'Technical', 'junior-engineer')?.statements).toEqual(['Delivers features: with tests; with docs']);
    expect(cell(t!, 'Technical', 'senior-engineer')?.statements).toEqual(['Designs systems', 'for scale']);
  });
});

describe('probes: links in ladder text', () => {
  it('keeps the link text and says, once, that the addresses are not kept', () => {
    const { ladder, diagnostics } = readText('# X\n\n| Competency | Junior | Senior |\n|---|---|---|\n| Docs | Writes [CI pipelines](https://ci.example) | Reviews [docs](https://d.example) |\n');
    expect(cell(ladder.tracks[0]!, 'Docs', 'junior')?.text).toBe('Writes CI pipelines');
    expect(diagnostics.filter((d) => d.ruleId === 'link-targets')).toMatchObject([{ line: 5, message: expect.stringContaining('2 links') }]);
  });
});

describe('probes: HTML page chrome', () => {
  it('leaves <header>, <aside> and <footer> out of an HTML page read as prose, with an info each', () => {
    const { ladder, diagnostics } = readText(
      '<html><body><header><a href="/">Acme</a></header><main><h1>Ladder</h1>\n<h2>Junior Engineer</h2><p>Ships small fixes.</p>\n<h2>Senior Engineer</h2><p>Leads projects across the team.</p></main>\n<aside><p>Want to join us? We are hiring across all levels.</p></aside>\n<footer><p>Made with love in Berlin.</p></footer></body></html>\n',
    );
    const [t] = ladder.tracks;
    expect(t!.competencies.flatMap((c) => c.expectations.map((e) => e.statements))).toEqual([['Ships small fixes.'], ['Leads projects across the team.']]);
    expect(diagnostics.filter((d) => d.ruleId === 'skipped-content').map((d) => d.message)).toEqual([
      "skipped the page's <header>: not ladder content",
      "skipped the page's <aside>: not ladder content",
      "skipped the page's <footer>: not ladder content",
    ]);
  });

  it('reads an HTML fragment that starts with <nav> as HTML', () => {
    const { ladder } = readText('<nav><a href="/">Home</a> <a href="/careers">Careers</a></nav>\n<h2>Engineering Levels</h2>\n<table><tr><th>Competency</th><th>Junior</th><th>Senior</th></tr>\n<tr><td>Craft</td><td>Learns</td><td>Teaches</td></tr></table>\n');
    expect(ladder.source.format).toBe('html-table');
    expect(titles(ladder.tracks[0]!)).toEqual(['Junior', 'Senior']);
  });
});

describe('probes: numbered level headings', () => {
  it('"## 2. Engineer" between coded numbered headings is a level, though it has no seniority word', () => {
    const { ladder } = readText(
      '# L\n\n## 1. Associate Engineer\n\n- **Scope:** Tasks\n\n## 2. Engineer\n\n- **Scope:** Features\n\n## 3. Senior Engineer\n\n- **Scope:** Projects\n',
      'probe.md',
    );
    expect(ladder.tracks[0]!.levels.map((l) => [l.code, l.title])).toEqual([
      ['1', 'Associate Engineer'],
      ['2', 'Engineer'],
      ['3', 'Senior Engineer'],
    ]);
  });

  it('numbered sections that are not a sequence of levels stay out', () => {
    const { ladder, diagnostics } = readText(
      '# L\n\n## 1. Introduction\n\nWhy we have levels.\n\n## Junior Engineer\n\n- **Scope:** Tasks\n\n## Senior Engineer\n\n- **Scope:** Projects\n',
      'probe.md',
    );
    expect(titles(ladder.tracks[0]!)).toEqual(['Junior Engineer', 'Senior Engineer']);
    expect(diagnostics.some((d) => d.message.includes('Introduction'))).toBe(true);
  });
});

describe('probes: describing columns', () => {
  it('GFM: a trailing "Notes" column and a "Description" column describe the competency', () => {
    const a = readText('# X\n\n| Competency | Junior | Mid | Senior | Notes |\n|---|---|---|---|---|\n| Technical | Learns | Builds | Designs | Assessed in the tech interview |\n').ladder.tracks[0]!;
    expect(titles(a)).toEqual(['Junior', 'Mid', 'Senior']);
    expect(a.competencies.map((c) => [c.name, c.description])).toEqual([['Technical', 'Assessed in the tech interview']]);
    const b = readText('# X\n\n| Category | Competency | Description | Junior | Senior |\n|---|---|---|---|---|\n| Craft | Code | Writing code | Learns | Designs |\n| | Tests | Testing | Writes | Plans |\n').ladder.tracks[0]!;
    expect(b.competencies.map((c) => [c.category, c.name, c.description])).toEqual([
      ['Craft', 'Code', 'Writing code'],
      ['Craft', 'Tests', 'Testing'],
    ]);
  });

  it('HTML: "Examples" after the levels and "Description" before them describe the competency', () => {
    const a = readText('<table><tr><th>Competency</th><th>Junior</th><th>Senior</th><th>Examples</th></tr><tr><td>Craft</td><td>Learns</td><td>Teaches</td><td>Code reviews</td></tr></table>').ladder.tracks[0]!;
    expect(titles(a)).toEqual(['Junior', 'Senior']);
    expect(a.competencies.map((c) => [c.name, c.description])).toEqual([['Craft', 'Code reviews']]);
    const b = readText('<table><tr><th>Competency</th><th>Description</th><th>Associate</th><th>Engineer</th></tr><tr><td>Technical</td><td>How well you build software</td><td>Learns</td><td>Builds</td></tr></table>').ladder.tracks[0]!;
    expect(titles(b)).toEqual(['Associate', 'Engineer']);
    expect(b.competencies.map((c) => [c.name, c.category, c.description])).toEqual([['Technical', undefined, 'How well you build software']]);
  });
});

describe('probes: a heading per competency', () => {
  it('keeps competencies whose names hold "Competency" or "Values"', () => {
    const { ladder } = readText(
      '# Ladder\n\n## Technical Competency\n\n- Junior: Writes readable code.\n- Senior: Sets code standards.\n\n## Living our Values\n\n- Junior: Shows our values.\n- Senior: Champions our values.\n\n## Delivery\n\n- Junior: Ships tasks.\n- Senior: Ships projects.\n',
      'probe.md',
    );
    expect(ladder.tracks[0]!.competencies.map((c) => c.name)).toEqual(['Technical Competency', 'Living our Values', 'Delivery']);
  });

  it('keeps a category that holds one competency', () => {
    const { ladder } = readText(
      '# Ladder\n\n## Technical\n\n### Code\n\n- Junior: Writes code.\n- Senior: Designs code.\n\n### Tests\n\n- Junior: Writes tests.\n- Senior: Plans tests.\n\n## Behaviours\n\n### Ownership\n\n- Junior: Owns tasks.\n- Senior: Owns outcomes.\n',
      'probe.md',
    );
    expect(ladder.tracks[0]!.competencies.map((c) => [c.category, c.name])).toEqual([
      ['Technical', 'Code'],
      ['Technical', 'Tests'],
      ['Behaviours', 'Ownership'],
    ]);
  });
});

describe('probes: plain "Label:" lines over lists', () => {
  const competencies = (t: Track) => t.competencies.map((c) => [c.name, c.expectations.map((e) => e.statements)]);
  const expected = [
    ['Responsibilities', [['Completes well-scoped tasks.'], ['Owns features end to end.']]],
    ['Skills', [['Comfortable in at least one language.'], ['Comfortable across our stack.']]],
  ];

  it('name competencies, with blank lines around them', () => {
    const { ladder } = readText(
      '# L\n\n## Software Engineer 1\n\nResponsibilities:\n\n- Completes well-scoped tasks.\n\nSkills:\n\n- Comfortable in at least one language.\n\n## Software Engineer 2\n\nResponsibilities:\n\n- Owns features end to end.\n\nSkills:\n\n- Comfortable across our stack.\n',
      'probe.md',
    );
    expect(competencies(ladder.tracks[0]!)).toEqual(expected);
  });

  it('name competencies when written tight under a list item', () => {
    const { ladder } = readText(
      '# L\n\n## Software Engineer 1\nResponsibilities:\n- Completes well-scoped tasks.\nSkills:\n- Comfortable in at least one language.\n## Software Engineer 2\nResponsibilities:\n- Owns features end to end.\nSkills:\n- Comfortable across our stack.\n',
      'probe.md',
    );
    expect(competencies(ladder.tracks[0]!)).toEqual(expected);
  });
});

describe('probes: years under a level header', () => {
  it('HTML "Junior<br><small>0-2 years</small>": title Junior, experience metadata', () => {
    const { ladder } = readText('<table><tr><th>Competency</th><th>Junior<br><small>0-2 years</small></th><th>Senior<br><small>5+ years</small></th></tr><tr><td>Craft</td><td>Learns</td><td>Improves</td></tr></table>');
    expect(ladder.tracks[0]!.levels.map((l) => [l.id, l.title, l.metadata])).toEqual([
      ['junior', 'Junior', { experience: '0-2 years' }],
      ['senior', 'Senior', { experience: '5+ years' }],
    ]);
  });
});

describe('probes: notes in block quotes', () => {
  it('"> Note: …" after the last level is a track note, not a statement', () => {
    const { ladder } = readText('# L\n\n## Junior\n\n- **Scope:** Tasks.\n\n## Senior\n\n- **Scope:** Several teams.\n\n> Note: levels are not a checklist.\n', 'probe.md');
    const [t] = ladder.tracks;
    expect(t!.notes).toEqual(['Note: levels are not a checklist.']);
    expect(cell(t!, 'Scope', 'senior')?.statements).toEqual(['Several teams.']);
  });
});

describe('probes: a Track column beside the levels', () => {
  it('HTML levels as rows under "Track | Level": one track per group', () => {
    const { ladder } = readText(
      '<table><tr><th>Track</th><th>Level</th><th>Technical</th><th>Leadership</th></tr>\n<tr><td rowspan="2">Individual Contributor</td><td>L1 - Engineer</td><td>Writes code</td><td>Learns</td></tr>\n<tr><td>L2 - Senior Engineer</td><td>Designs</td><td>Mentors</td></tr>\n<tr><td rowspan="2">Management</td><td>M1 - Engineering Manager</td><td>Reviews</td><td>Manages</td></tr>\n<tr><td>M2 - Director</td><td>Guides</td><td>Leads managers</td></tr></table>\n',
    );
    expect(ladder.tracks.map((t) => [t.name, codes(t), t.competencies.map((c) => c.name)])).toEqual([
      ['Individual Contributor', ['L1', 'L2'], ['Technical', 'Leadership']],
      ['Management', ['M1', 'M2'], ['Technical', 'Leadership']],
    ]);
  });
});

describe('probes: levels written as a list', () => {
  const statements = (t: Track) => t.competencies.flatMap((c) => c.expectations.map((e) => e.statements));

  it('"1. Junior Engineer — …" items are levels, "Engineer" among them too', () => {
    const { ladder, diagnostics } = readText('# Support ladder\n\n1. Junior Engineer — Learns our stack and answers simple tickets.\n2. Engineer — Answers most tickets alone.\n3. Senior Engineer — Owns escalations and writes runbooks.\n', 'probe.md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior Engineer', 'Engineer', 'Senior Engineer']);
    expect(statements(t!)).toEqual([['Learns our stack and answers simple tickets.'], ['Answers most tickets alone.'], ['Owns escalations and writes runbooks.']]);
    expect(diagnostics.find((d) => d.ruleId === 'level-list')?.line).toBe(3);
  });

  it('"- **Engineer I**" items over nested lists are levels', () => {
    const { ladder } = readText('# Ladder\n\n- **Engineer I**\n  - Ships small changes.\n  - Asks for help.\n- **Engineer II**\n  - Ships features.\n- **Senior Engineer**\n  - Leads projects.\n', 'probe.md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Engineer I', 'Engineer II', 'Senior Engineer']);
    expect(statements(t!)).toEqual([['Ships small changes.', 'Asks for help.'], ['Ships features.'], ['Leads projects.']]);
  });

  it('a competency heading over "- Junior: …" items stays a competency', () => {
    const { ladder } = readText('# Ladder\n\n## Technical skill\n\n- Junior: Builds components.\n- Senior: Designs libraries.\n', 'probe.md');
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Junior', 'Senior']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Technical skill']);
  });
});

describe('probes: labelled lines in scraped text', () => {
  it('"Scope: …" lines that recur at every level are competencies; the rest stays implicit', () => {
    const { ladder } = readText(
      'Data Engineering Levels\n\nJunior Data Engineer (L1)\nScope: Single pipelines with guidance.\nTechnical skills: SQL and one language.\n\nData Engineer (L2)\nScope: A domain of pipelines.\nTechnical skills: Streaming and batch.\nWorks closely with analysts.\n\nSenior Data Engineer (L3)\nScope: The platform.\nTechnical skills: Designs systems.\n',
    );
    const [t] = ladder.tracks;
    expect(t!.competencies.map((c) => [c.name, c.expectations.map((e) => e.level)])).toEqual([
      ['Scope', ['l1', 'l2', 'l3']],
      ['Technical skills', ['l1', 'l2', 'l3']],
      ['Expectations', ['l2']],
    ]);
    expect(cell(t!, 'Scope', 'l3')?.statements).toEqual(['The platform.']);
  });
});

describe('probes: levels in a definition list', () => {
  it('an HTML <dl> of level titles and descriptions is a list of levels', () => {
    const { ladder } = readText(
      '<html><body><h1>Design Ladder</h1>\n<dl>\n<dt>Designer I</dt><dd>Delivers screens with guidance.</dd>\n<dt>Designer II</dt><dd>Owns features.</dd>\n<dt>Senior Designer</dt><dd>Leads product areas.</dd>\n</dl></body></html>\n',
    );
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Designer I', 'Designer II', 'Senior Designer']);
    expect(t!.competencies.flatMap((c) => c.expectations.map((e) => e.statements))).toEqual([['Delivers screens with guidance.'], ['Owns features.'], ['Leads product areas.']]);
  });
});

describe('probes: a fact as a sub-heading', () => {
  it('"#### Job Grade" over one line is level metadata, not a competency', () => {
    const { ladder } = readText(
      '# Backend Engineer\n\n## Intermediate Backend Engineer\n\n### Job Grade\n\nThe Intermediate Backend Engineer is a grade 6.\n\n### Responsibilities\n\n- Ships features.\n\n## Senior Backend Engineer\n\n### Job Grade\n\nThe Senior Backend Engineer is a grade 7.\n\n### Responsibilities\n\n- Leads projects.\n',
      'probe.md',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => l.metadata)).toEqual([{ 'job grade': 'The Intermediate Backend Engineer is a grade 6.' }, { 'job grade': 'The Senior Backend Engineer is a grade 7.' }]);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Responsibilities']);
  });
});

describe('probes: groups of levels in Markdown tables', () => {
  it('GFM "| Track | Level | …" rows (a blank track: the one above) are one track per group', () => {
    const { ladder } = readText(
      '# Ladder\n\n| Track | Level | Technical | Leadership |\n|---|---|---|---|\n| Individual Contributor | L1 - Engineer | Writes code | Learns |\n| | L2 - Senior Engineer | Designs | Mentors |\n| Management | M1 - Engineering Manager | Reviews | Manages |\n| | M2 - Director | Guides | Leads managers |\n',
    );
    expect(ladder.tracks.map((t) => [t.name, codes(t), t.competencies.map((c) => c.name)])).toEqual([
      ['Individual Contributor', ['L1', 'L2'], ['Technical', 'Leadership']],
      ['Management', ['M1', 'M2'], ['Technical', 'Leadership']],
    ]);
  });

  it('an HTML table in Markdown with two header groups is two tracks, named by the groups', () => {
    const { ladder } = readText(
      '# Matrix\n\n<table><thead><tr><th rowspan="2">Competency</th><th colspan="2">Individual Contributor</th><th colspan="2">Manager</th></tr>\n<tr><th>IC1</th><th>IC2</th><th>M1</th><th>M2</th></tr></thead>\n<tbody><tr><td>Execution</td><td>Completes tasks</td><td>Completes projects</td><td>Team delivers</td><td>Org delivers</td></tr></tbody></table>\n',
    );
    expect(ladder.tracks.map((t) => [t.name, codes(t)])).toEqual([
      ['Individual Contributor', ['IC1', 'IC2']],
      ['Manager', ['M1', 'M2']],
    ]);
  });
});

describe('probes: a Track column with the name repeated on every row', () => {
  const expected = [
    ['IC', ['IC1', 'IC2']],
    ['Management', ['M1', 'M2']],
  ];
  it('GFM', () => {
    const { ladder } = readText('# L\n\n| Track | Level | Execution | Collaboration |\n|---|---|---|---|\n| IC | IC1 | Delivers tasks. | Communicates. |\n| IC | IC2 | Delivers features. | Reviews code. |\n| Management | M1 | Team delivers. | Builds team. |\n| Management | M2 | Teams deliver. | Grows managers. |\n');
    expect(ladder.tracks.map((t) => [t.name, codes(t)])).toEqual(expected);
  });
  it('HTML', () => {
    const { ladder, diagnostics } = readText(
      '<table><tr><th>Track</th><th>Level</th><th>Execution</th><th>Collaboration</th></tr><tr><td>IC</td><td>IC1</td><td>Delivers tasks.</td><td>Communicates.</td></tr><tr><td>IC</td><td>IC2</td><td>Delivers features.</td><td>Reviews code.</td></tr><tr><td>Management</td><td>M1</td><td>Team delivers.</td><td>Builds team.</td></tr><tr><td>Management</td><td>M2</td><td>Teams deliver.</td><td>Grows managers.</td></tr></table>\n',
    );
    expect(ladder.tracks.map((t) => [t.name, codes(t)])).toEqual(expected);
    expect(diagnostics.filter((d) => d.ruleId === 'group-label')).toHaveLength(2);
  });
});

describe('probes: the role itself as the first rung', () => {
  it('"## Programmer" before "## Senior Programmer" is a level; "## Introduction" is not', () => {
    const a = readText('# Basecamp\n\nHow we grow.\n\n## Programmer\n\nWrites code with help.\n\n## Senior Programmer\n\nWrites code alone.\n\n## Lead Programmer\n\nLeads.\n', 'probe.md').ladder;
    expect(titles(a.tracks[0]!)).toEqual(['Programmer', 'Senior Programmer', 'Lead Programmer']);
    const b = readText('# Guide\n\n## Introduction\n\nRead this first.\n\n## Senior Engineer\n\nLeads.\n\n## Staff Engineer\n\nLeads more.\n', 'probe.md').ladder;
    expect(titles(b.tracks[0]!)).toEqual(['Senior Engineer', 'Staff Engineer']);
  });
});

describe('probes: sub-headings that repeat the level name (GitLab job families)', () => {
  it('"#### Senior Backend Engineer Responsibilities" is the Responsibilities of that level', () => {
    const { ladder } = readText(
      '# Backend Engineer\n\n## Levels\n\n### Intermediate Backend Engineer\n\n#### Intermediate Backend Engineer Job Grade\n\nThe Backend Engineer is a grade 6.\n\n#### Intermediate Backend Engineer Responsibilities\n\n* Develop features\n\n### Senior Backend Engineer\n\n#### Senior Backend Engineer Job Grade\n\nThe Senior Backend Engineer is a grade 7.\n\n#### Senior Backend Engineer Responsibilities\n\n* Solve hard problems\n',
      'probe.md',
    );
    const [t] = ladder.tracks;
    expect(titles(t!)).toEqual(['Intermediate Backend Engineer', 'Senior Backend Engineer']);
    expect(t!.levels[1]!.metadata).toEqual({ 'job grade': 'The Senior Backend Engineer is a grade 7.' });
    expect(t!.competencies.map((c) => [c.name, c.expectations.map((e) => e.statements)])).toEqual([['Responsibilities', [['Develop features'], ['Solve hard problems']]]]);
  });
});

describe('probes: page chrome named by class or role', () => {
  it('skips <div class="footer"> and role="contentinfo" in an HTML page read as prose', () => {
    const { ladder, diagnostics } = readText(
      '<html><body><h1>Ladder</h1>\n<h2>Junior Engineer</h2><ul><li>Ships small fixes.</li></ul>\n<h2>Senior Engineer</h2><ul><li>Leads projects.</li></ul>\n<div class="footer">Edit this page on GitHub · Last updated 2020</div><div role="contentinfo">Privacy</div></body></html>\n',
    );
    expect(ladder.tracks[0]!.competencies.flatMap((c) => c.expectations.map((e) => e.statements))).toEqual([['Ships small fixes.'], ['Leads projects.']]);
    expect(diagnostics.filter((d) => d.ruleId === 'skipped-content').map((d) => d.message)).toEqual([
      'skipped the page\'s <div class="footer">: not ladder content',
      'skipped the page\'s <div role="contentinfo">: not ladder content',
    ]);
  });
});

describe('probes: scraped text that starts with a level', () => {
  it('a first line "Engineer I:" heads a level, not the page', () => {
    const { ladder } = readText('Engineer I:\nWrites clean code with guidance.\n\nEngineer II:\nWrites clean code alone.\n\nSenior Engineer:\nLeads projects across the team.\n');
    expect(titles(ladder.tracks[0]!)).toEqual(['Engineer I', 'Engineer II', 'Senior Engineer']);
    expect(ladder.description).toBeUndefined();
  });
});

describe('probes: an expectation repeated at several levels of scraped text', () => {
  it('keeps "Writes tested code." under every level that says it', () => {
    const { ladder, diagnostics } = readText('Engineering Levels\n\nEngineer I:\nWrites tested code.\nAsks for help.\n\nEngineer II:\nWrites tested code.\nDesigns small features.\n\nSenior Engineer:\nWrites tested code.\nLeads projects.\n');
    expect(ladder.tracks[0]!.competencies.flatMap((c) => c.expectations.map((e) => e.statements[0]))).toEqual(['Writes tested code.', 'Writes tested code.', 'Writes tested code.']);
    expect(diagnostics.filter((d) => d.ruleId === 'repeated-paragraph')).toEqual([]);
  });
});

describe('probes: an introducing heading over the table', () => {
  it('"How to read the matrix" does not name the track (HTML and Markdown); its paragraph is kept', () => {
    for (const [text, path] of [
      ['<h1>Engineering Levels</h1><h2>How to read the matrix</h2><p>Each row is a competency.</p><table><tr><th>Competency</th><th>Junior</th><th>Senior</th></tr><tr><td>Craft</td><td>Learns</td><td>Teaches</td></tr></table>\n', 'probe.html'],
      ['# Engineering Levels\n\n## How to read the matrix\n\nEach row is a competency.\n\n| Competency | Junior | Senior |\n|---|---|---|\n| Craft | Learns | Teaches |\n', 'probe.md'],
    ] as const) {
      const { ladder } = readText(text, path);
      expect([ladder.tracks[0]!.name, ladder.tracks[0]!.description], path).toEqual(['Engineering Levels', 'Each row is a competency.']);
    }
  });
});

describe('probes: a code with a different word per competency', () => {
  it('"**Adopts (D1)**" / "**Enhances (D1)**": level D1, each word kept with its statement', () => {
    const { ladder } = readText('# Developer ladder\n\n## Technology\n\n- **Adopts (D1)**: learns the team tools\n- **Specializes (D2)**: go-to person for a technology\n\n## System\n\n- **Enhances (D1)**: ships features\n- **Designs (D2)**: designs medium features\n', 'probe.md');
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.code, l.title])).toEqual([
      ['D1', 'D1'],
      ['D2', 'D2'],
    ]);
    expect(cell(t!, 'System', 'd1')?.statements).toEqual(['Enhances: ships features']);
  });
});

describe('probes: a spreadsheet downloaded as a web page', () => {
  it('drops the sheet\'s column letters and row numbers', () => {
    const { ladder } = readText(
      '<table class="waffle"><thead><tr><th></th><th>A</th><th>B</th><th>C</th></tr></thead>\n<tbody><tr><th class="row-headers-background">1</th><td>Level</td><td>Impact</td><td>Craft</td></tr>\n<tr><th class="row-headers-background">2</th><td>L1</td><td>Owns tasks</td><td>Writes tests</td></tr>\n<tr><th class="row-headers-background">3</th><td>L2</td><td>Owns features</td><td>Designs modules</td></tr></tbody></table>\n',
    );
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['L1', 'L2']);
    expect(t!.competencies.map((c) => c.name)).toEqual(['Impact', 'Craft']);
  });
});

describe('probes: a table pasted as text', () => {
  it('tab-separated rows per level, with a Title column', () => {
    const { ladder } = readText('Level\tTitle\tTechnical Skill\tCollaboration\nL1\tJunior Engineer\tWrites code with help\tAsks questions\nL2\tEngineer\tWrites code alone\tHelps peers\nL3\tSenior Engineer\t"Designs systems; reviews designs"\tMentors\n');
    expect(ladder.source.format).toBe('csv');
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.code, l.title])).toEqual([
      ['L1', 'Junior Engineer'],
      ['L2', 'Engineer'],
      ['L3', 'Senior Engineer'],
    ]);
    expect(cell(t!, 'Collaboration', 'l2')).toMatchObject({ statements: ['Helps peers'], position: { line: 3, column: 31 } });
  });

  it('comma-separated competencies per row, quoted fields holding commas and line breaks', () => {
    const { ladder } = readText('Competency,Level 1,Level 2,Level 3\nCraft,"Learns the basics, with help","Builds features\nReviews code",Designs systems\nImpact,Team,Group,Company\n');
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['Level 1', 'Level 2', 'Level 3']);
    expect(cell(t!, 'Craft', 'level-1')?.statements).toEqual(['Learns the basics, with help']);
    expect(cell(t!, 'Craft', 'level-2')?.statements).toEqual(['Builds features', 'Reviews code']);
    expect(cell(t!, 'Impact', 'level-3')?.position).toEqual({ line: 4, column: 19 });
  });
});

describe('probes: long competency names', () => {
  it('a "Competency" column of long names stays the names, not a level', () => {
    const { ladder } = readText('# X\n\n| Category | Competency | Engineer I (L1) | Engineer II (L2) |\n|---|---|---|---|\n| Tech | Reliability engineering and capacity planning across regions | x | y |\n|  | Design and architecture of services owned by the team | c | d |\n');
    const [t] = ladder.tracks;
    expect(codes(t!)).toEqual(['L1', 'L2']);
    expect(t!.competencies.map((c) => [c.category, c.name])).toEqual([
      ['Tech', 'Reliability engineering and capacity planning across regions'],
      ['Tech', 'Design and architecture of services owned by the team'],
    ]);
  });
});

describe('probes: notes under a track heading', () => {
  it('"_Note: …_" and "> Note: …" under the track heading are track notes, not its description', () => {
    const { ladder } = readText('# Ladder\n\n## Engineering Track\n\nFor people who build.\n\n_Note: levels are not a checklist._\n\n> Note: talk to your manager.\n\n### Junior\n\n- **Scope:** Tasks.\n\n### Senior\n\n- **Scope:** Projects.\n\n## Management Track\n\n### Junior\n\n- **People:** One-on-ones.\n\n### Senior\n\n- **People:** Teams.\n', 'probe.md');
    const [eng] = ladder.tracks;
    expect([eng!.description, eng!.notes]).toEqual(['For people who build.', ['Note: levels are not a checklist.', 'Note: talk to your manager.']]);
  });
});

describe('probes: levels folded in <details>', () => {
  it('each <summary> of an HTML page is a level heading, its content the level\'s', () => {
    const { ladder } = readText(
      '<html><body><h1>Ladder</h1>\n<h2>Levels</h2>\n<details><summary>Engineer I</summary><ul><li>Ships small changes.</li></ul></details>\n<details><summary>Engineer II</summary><ul><li>Ships features.</li></ul></details>\n<details><summary>Senior Engineer</summary><ul><li>Leads projects.</li></ul></details>\n</body></html>\n',
    );
    const [t] = ladder.tracks;
    expect(t!.levels.map((l) => [l.title, l.position])).toEqual([
      ['Engineer I', { line: 3, column: 10 }],
      ['Engineer II', { line: 4, column: 10 }],
      ['Senior Engineer', { line: 5, column: 10 }],
    ]);
    expect(t!.competencies.flatMap((c) => c.expectations.map((e) => e.statements))).toEqual([['Ships small changes.'], ['Ships features.'], ['Leads projects.']]);
  });
});
