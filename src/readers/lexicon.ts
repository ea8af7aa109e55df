// The ladder vocabulary every reader recognises a document by, defined once: seniority words and
// their ranks, level codes, the headers that name a table's axes, level titles and facts, and page
// chrome. Each rule is named and documented; readers import them rather than spelling their own.
// A leaf module: it imports nothing, so that text/ and every reader can use it.

// ---------------------------------------------------------------------------------------------
// Seniority

/**
 * A word that names a rung of a ladder in most companies, with its place when it has one: 0
 * intern, 1 junior, 2 mid (the base), 3 senior, 4 staff, 5 principal, 6 distinguished. Words
 * without a rank (lead, manager, expert) mark a level but do not order one.
 */
export interface SeniorityWord {
  /** Lower case; a space stands for any white space. */
  word: string;
  rank?: number;
}

/** The rank of a title without a seniority word ("Software Engineer"): the middle of the ladder. */
export const BASE_RANK = 2;

/** Every seniority word. Deliberately no "level" alone and no word common in competency names. */
export const SENIORITY_WORDS: readonly SeniorityWord[] = [
  ...['intern', 'apprentice', 'trainee'].map((word) => ({ word, rank: 0 })),
  ...['junior', 'jr', 'associate', 'entry', 'graduate'].map((word) => ({ word, rank: 1 })),
  ...['mid', 'middle', 'intermediate'].map((word) => ({ word, rank: BASE_RANK })),
  ...['senior', 'sr'].map((word) => ({ word, rank: 3 })),
  { word: 'staff', rank: 4 },
  { word: 'principal', rank: 5 },
  ...['distinguished', 'fellow'].map((word) => ({ word, rank: 6 })),
  // Rungs without a place of their own: leadership titles and proficiency scales.
  ...['lead', 'head', 'manager', 'director', 'vp', 'vice president', 'chief', 'cto', 'cio', 'ceo'].map((word) => ({ word })),
  ...['novice', 'beginner', 'practitioner', 'proficient', 'advanced', 'expert'].map((word) => ({ word })),
];

const wordPattern = (words: readonly string[]): string => words.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|');

/** SENIORITY_WORD: a seniority word anywhere in a label ("Senior SRE", "Staff", "Engineering Manager"). */
export const SENIORITY_WORD = new RegExp(String.raw`\b(?:${wordPattern(SENIORITY_WORDS.map((w) => w.word))})\b`, 'i');

const RANKED = SENIORITY_WORDS.filter((w): w is Required<SeniorityWord> => w.rank !== undefined).map((w) => ({
  rank: w.rank,
  pattern: new RegExp(String.raw`\b${wordPattern([w.word])}\b`, 'i'),
}));

/**
 * seniorityRank: the highest ranked seniority word in a title, else BASE_RANK. "Senior Staff"
 * ranks half a step above "Staff".
 */
export function seniorityRank(title: string): number {
  const found = RANKED.filter((r) => r.pattern.test(title)).map((r) => r.rank);
  if (!found.length) return BASE_RANK;
  const top = Math.max(...found);
  return top > 3 && found.includes(3) ? top + 0.5 : top;
}

/** The words that name a job ("Software Engineer (SE)"): a page titled with one may describe one level. */
const ROLE_WORDS = 'engineers?|developers?|managers?|designers?|analysts?|architects?|scientists?|administrators?|admins?|sres?|consultants?|specialists?|directors?|leads?|programmers?|testers?|officers?';

/** ROLE_WORD: a word that names a job anywhere in a label ("Backend Developer", "SRE"). */
export const ROLE_WORD = new RegExp(String.raw`\b(?:${ROLE_WORDS})\b`, 'i');

/** NUMBERED_ROLE: a job numbered as a rung ("Engineer 2", "Developer 4"). */
export const NUMBERED_ROLE = new RegExp(String.raw`\b(?:${ROLE_WORDS})\s+\d{1,2}$`, 'i');

// ---------------------------------------------------------------------------------------------
// Level codes

/**
 * LETTERED_CODE: letters then a number, "L3", "P3", "IC3", "IC 1", "E5", "M1", "S2", "SE-2",
 * "SFIA 3", "LVL 2"; a lower-case variant letter may follow ("IC2a").
 */
export const LETTERED_CODE = String.raw`[A-Z]{1,4}[ -]?\d{1,2}[a-z]?`;

/** NUMBER_CODE: a bare rung number, with an optional variant letter: "2", "2a", "5T", "5M". */
export const NUMBER_CODE = String.raw`\d{1,2}(?:[a-z]|[A-Z](?![A-Za-z]))?`;

/** The words that say "this number is a rung": "Level 3", "Lvl. 2", "Grade 4", "Band 2" … */
export const RUNG_WORDS = ['level', 'lvl', 'grade', 'band', 'tier', 'step', 'stage', 'milestone', 'rung'] as const;

/** WORD_CODE: a rung word then a number, "Level 3", "LEVEL 3", "Lvl. 2", "Grade 4", "Milestone 2". */
export const WORD_CODE = String.raw`(?:Level|LEVEL|Lvl\.?|LVL\.?|Grade|GRADE|Band|BAND|Tier|TIER|Step|STEP|Stage|STAGE|Milestone|MILESTONE|Rung|RUNG)\s*\d{1,2}(?:[a-z]|[A-Z](?![A-Za-z]))?`;

/** LEVEL_CODE: any level code (lettered, bare number, or rung word and number). */
export const LEVEL_CODE = String.raw`(?:${LETTERED_CODE}|${NUMBER_CODE}|${WORD_CODE})`;

/** CODE_RANGE: a code that spans levels ("P1/P2", "IC1–IC2"); lettered only, so "1-2 years" stays text. */
export const CODE_RANGE = String.raw`(?:${LETTERED_CODE}\s*[/–-]\s*${LETTERED_CODE}|${LEVEL_CODE})`;

/** GENERIC_CODE_PREFIX: the letters of "Level 3" or "Grade 2", a rung word rather than a track's own prefix ("IC"). */
export const GENERIC_CODE_PREFIX = new RegExp(`^(?:${RUNG_WORDS.join('|')})$`, 'i');

/** RUNG_PREFIX: the rung word before a number, so that "Level 1", "Grade 1" and "1" are the same rung. */
export const RUNG_PREFIX = new RegExp(String.raw`^(?:level|lvl\.?|grade|band|tier|step|stage|milestone|rung)\s*(?=\d)`, 'i');

/** codeNumber: the rung number a code carries ("IC3" → 3, "Level 10" → 10, "5T" → 5). */
export function codeNumber(code: string): number | undefined {
  const m = /(\d+)/.exec(code);
  return m ? Number(m[1]) : undefined;
}

const ROMAN_VALUES: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** ROMAN_NUMERAL: I to X, in capitals, as a word ("Engineer III", "Level IV"). */
export const ROMAN_NUMERAL = String.raw`(?:I|II|III|IV|V|VI|VII|VIII|IX|X)`;

/** ROMAN_SUFFIX: a Roman numeral closing a title ("OSPO Engineer II"). */
export const ROMAN_SUFFIX = new RegExp(String.raw`\s${ROMAN_NUMERAL}$`);

/** romanSuffix: the number of a title's closing Roman numeral ("Software Engineer III" → 3). */
export function romanSuffix(title: string): number | undefined {
  const m = new RegExp(String.raw`\s(${ROMAN_NUMERAL})$`).exec(title.trim());
  return m ? ROMAN_VALUES[m[1]!.toLowerCase()] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Table axes: what a header says a row or column holds

/** LEVEL_AXIS: a corner or header word that names the level axis ("Level", "Grades", "Seniority"). */
export const LEVEL_AXIS = /\b(?:levels?|grades?|bands?|tiers?|ranks?|rungs?|stages?|seniority)\b/i;

/** COMPETENCY_AXIS: a corner or header word that names the competency axis ("Skill", "Areas", "Criteria"). */
export const COMPETENCY_AXIS = /\b(?:skills?|competenc(?:y|ies)|areas?|dimensions?|categor(?:y|ies)|attributes?|topics?|criteria|expectations?|behaviou?rs?|pillars?|traits?)\b/i;

/** ROW_DIMENSION: a whole header saying its column names competencies ("Competency", "Skill", "Area / Level"). */
export const ROW_DIMENSION = /^(?:competenc(?:y|ies)|skills?|areas?|categor(?:y|ies)|dimensions?|attributes?|capabilit(?:y|ies)|criteria|criterion|behaviou?rs?|topics?|pillars?|themes?|sub-?categor(?:y|ies))(?:\s*\/\s*levels?)?$/i;

/**
 * STATEMENT_HEADER: a whole header over the statements of a long table, one row per level and
 * competency ("Expectation", "Description", "Behaviours", "What good looks like").
 */
export const STATEMENT_HEADER =
  /^(?:expectations?|statements?|descriptions?|descriptors?|behaviou?rs?|indicators?|requirements?|criteria|details?|text|what\s+(?:good\s+)?(?:it\s+)?looks\s+like|(?:level\s+)?definitions?)$/i;

/** LEVEL_COLUMN: a whole header over the level of each row of a long table ("Level", "Grade", "Job title"). */
export const LEVEL_COLUMN = /^(?:(?:job\s+|career\s+)?levels?|grades?|bands?|rungs?|seniority|(?:job\s+|role\s+|level\s+)?titles?|roles?|positions?)$/i;

/** CATEGORY_COLUMN: a whole header over the group of each row's competency ("Category", "Theme", "Pillar"). */
export const CATEGORY_COLUMN = /^(?:categor(?:y|ies)|themes?|pillars?|groups?|families|domains?|areas?)$/i;

/** GROUP_AXIS: a whole header over labels that group levels: a track, a ladder, a role family. */
export const GROUP_AXIS = /^(?:tracks?|ladders?|paths?|families|(?:role|job)\s+famil(?:y|ies)|disciplines?|streams?|functions?)$/i;

const DESCRIBING = String.raw`descriptions?|definitions?|notes?|examples?|details?|what (?:it|this) means|meaning`;

/** DESCRIBING_HEADER: a column that describes its row ("Description", "Notes", "Examples"), wherever it stands. */
export const DESCRIBING_HEADER = new RegExp(`^(?:${DESCRIBING}|comments?)$`, 'i');

/** NOT_A_LEVEL_HEADER: headers of columns that describe the row rather than hold a level. */
export const NOT_A_LEVEL_HEADER = new RegExp(`^(?:${DESCRIBING}|summary|overview|purpose|why|owner|weight|sub-?competenc(?:y|ies)|sub-?skills?)$`, 'i');

/** SUMMARY_HEADER: a row or column that sums a level up rather than naming a competency ("Summary", "Overview"). */
export const SUMMARY_HEADER = /^(?:(?:level\s+)?(?:summary|overview)|(?:in\s+)?(?:a|one)\s+(?:sentence|line|nutshell)|at\s+a\s+glance)$/i;

/**
 * INTRODUCING_HEADING: a heading that introduces or explains ("How to read the matrix",
 * "Overview", "About this framework") rather than naming whose levels follow: never a track's name.
 */
export const INTRODUCING_HEADING = /^(?:how\s+(?:to|we|it)\b|overview\b|introduction\b|intro\b|about\b|reading\b|using\b|guide\b|faq\b|background\b|purpose\b|summary\b|the\s+(?:matrix|framework|ladder)$)|\?\s*$/i;

// ---------------------------------------------------------------------------------------------
// Level titles and facts

/** TITLE_HEADER: a column or label that gives a level's title ("Title", "Job title", "Role name", "Position"). */
export const TITLE_HEADER = /^(?:(?:job|role|level)\s+)?(?:titles?|names?|roles?|positions?)$/i;

/**
 * CODE_HEADER: a column or label that gives a level's code ("Grade code", "Level code", "Job code");
 * never "Code" alone, a competency in many ladders.
 */
export const CODE_HEADER = /^(?:grade|level|job|band|role|title|position)\s+codes?$/i;

/**
 * FACT_HEADER: a whole header naming a fact about a level ("Experience", "Years of experience",
 * "YOE", "Salary band", "Pay range (USD)", "Tenure", "Reports to") — not a competency that mentions
 * one ("Systems Experience and Understanding").
 */
export const FACT_HEADER =
  /^(?:(?:typical|minimum|min\.?|maximum|max\.?|required|average|expected)\s+)?(?:(?:years?\s+(?:of\s+)?)?(?:experience|exp\.?)|years?|yrs|yoe|tenure|(?:base\s+)?(?:salary|compensation|pay)(?:\s+(?:bands?|ranges?|grades?|min(?:imum)?|max(?:imum)?|mid(?:point)?))?|(?:pay\s+|salary\s+)?bands?|location|reports\s+to)(?:\s*\([^)]*\))?$/i;

/**
 * LEVEL_FACT_LABEL: a "Label: value" line or a one-line sub-heading that states a fact about a level
 * in prose: a FACT_HEADER, a grade, a title or an alias ("Job grade", "Job titles", "Also known as").
 */
export const LEVEL_FACT_LABEL = new RegExp(String.raw`${FACT_HEADER.source}|^(?:(?:job\s+|pay\s+)?grades?|(?:job\s+)?titles?|also\s+known\s+as|aka)$`, 'i');

/**
 * NUMERIC_FACT: a cell that is a number or a range of numbers, with an optional currency or unit
 * ("3", "2–4", "5+", "$120,000 - $150,000", "120k", "3 yrs"): a fact about a level, never an expectation.
 */
export const NUMERIC_FACT = /^(?:[$€£¥]?\s*\d[\d,.]*\s*(?:[kKmM]\b|%)?\+?)(?:\s*(?:[-–—]|to)\s*[$€£¥]?\s*\d[\d,.]*\s*(?:[kKmM]\b|%)?\+?)?(?:\s*(?:years?|yrs?|months?|[A-Z]{3}))?$/;

// ---------------------------------------------------------------------------------------------
// Competencies

/** IMPLICIT_COMPETENCY: the name of the one competency that level text naming none becomes. */
export const IMPLICIT_COMPETENCY = 'Expectations';

/** LABELLED_LINE: a line led by a capitalised label and a colon ("Scope: owns a service"): label, then text. */
export const LABELLED_LINE = /^(\p{Lu}[\p{L}\p{N} &/+'’-]{0,40}?):\s+(\S.*)$/su;

// ---------------------------------------------------------------------------------------------
// Page chrome

/** CHROME_ELEMENTS: HTML elements that hold page chrome, never ladder content. */
export const CHROME_ELEMENTS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header']);

/** CHROME_ROLE: an ARIA role of page chrome (`role="navigation"`). */
export const CHROME_ROLE = /^(?:navigation|contentinfo|banner|complementary)$/i;

/** CHROME_NAME: a class or id of page chrome (`class="site-footer"`, `id="sidebar"`, `cookie-banner`). */
export const CHROME_NAME = /^(?:(?:site|page)[-_])?(?:footer|sidebar|navbar|nav|breadcrumbs?|cookie[-_]?(?:banner|notice)?)$/i;

/** UI_SENTENCE: a sentence that talks to a page's reader ("Pick a level", "Read more", "Back to top", "Sign in"). */
export const UI_SENTENCE =
  /^(?:(?:showing|displaying|pick|choose|select|click|tap|press|view|see|skip|jump|subscribe|download|print|expand|collapse|scroll|toggle|share|filter|sort|search|browse)\b|(?:read|learn|show|see|load|view)\s+(?:more|all|less)\b|(?:back|go|return)\s+to\b|(?:sign|log)\s+(?:in|up|out)\b)/i;

/** COUNT_PHRASE: a count of things on the page ("6 leveled profiles", "12 results", "3 of 6"). */
export const COUNT_PHRASE = /^\d+(?:\s+of\s+\d+)?(?:\s+[\p{L}-]+){0,3}$/u;

/** BREADCRUMB: two or more breadcrumb separators ("Home › Careers › Engineering"). */
export const BREADCRUMB = /\S\s+[>»›]\s+\S.*\s+[>»›]\s+\S/u;

/** MENU_LINE: a scraped menu, three or more short items between bars or dots ("Home | Careers | Blog"). */
export const MENU_LINE = /^[^|·•\s][^|·•]{0,24}(?:\s+[|·•]\s+[^|·•\s][^|·•]{0,24}){2,}$/u;

/** LINK_SEPARATOR: the text between the links of a link list or a links-only cell (" · ", ", ", " | "). */
export const LINK_SEPARATOR = /^[\s,;|·•–-]*$/;

/** PAGE_STAMP: the words of a page's date or copyright line ("Last updated …", "© 2026 Acme"). */
export const PAGE_STAMP = /\b(?:updated|edited|modified|published|copyright)\b|©/i;
