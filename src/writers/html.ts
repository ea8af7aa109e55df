// HTML output: a static site (index, one page per track, one per level) rendered through templates/html.
//
// Pages link to each other and to their assets with relative URLs only, so the site works from
// file:// and from any web server; it loads nothing from the network. Every page carries a strict
// Content-Security-Policy, hence no inline style or script anywhere: site.css and site.js are files.
// Templates get plain view-model objects built here; every value they print is HTML-escaped by
// Handlebars, and the only markup made from source text comes from the `text`/`paragraphs` helpers,
// which escape first and then turn http:, https: and mailto: URLs into links (nothing else).
//
// ─── Template variables (templates/html/*.hbs; partials in templates/html/partials/) ───────────
// Optional values are null (never missing) and lists are [] when empty, so strict templates can test
// any of them with {{#if}}. Every page (index.hbs, track.hbs, level.hbs) receives:
//   page.title          text of <title>
//   t                   the locale's words (src/locale, catalogue.html): {{@root.t.expectations}};
//                        site.js and self-assessment.js read theirs from data-* attributes
//   page.lang           document language ("en", "de": the build's locale)
//   page.csp            the Content-Security-Policy meta content
//   page.root           relative URL of the site root from this page ("", "../", "../../")
//   page.css, page.js   relative URLs of assets/site.css and assets/site.js
//   page.kind           "index" | "track" | "level" | "self-assessment" (a class on <body>: page-index, …)
//   page.generator      "ladderc <version>"
//   breadcrumbs[]       { label, href } — href is null for the current page
//   ladder              Ladder (below) on track and level pages; null on the index
//   eyebrow             track and level pages: "Ladder · Track" above the heading (names repeating
//                        the heading left out), or null
// index.hbs:
//   ladders[]           Ladder + { anchor ("ladder-<id>"), tracks[]: Track + { levels[]: Level } }
//   showContents        true when there is more than one ladder (a list of links to each)
//   crosswalk           { columns[]: { heading, ladderTitle (null when the track's name says it),
//                        trackName, href }, rows[]: { rung, cells[]: { levels[]: { label, basis, href } } },
//                        legend[]: { basis, meaning } } — every level of the build by rung
//                        (partials/crosswalk.hbs)
// track.hbs and level.hbs:
//   track               Track
//   levels[]            Level, junior → senior
// track.hbs:
//   matrix              { caption, columnCount (levels + 1), isEmpty (no competencies), groups[] }
//   matrix.groups[]     { category (null for competencies without one), anchor ("category-<n>"), rows[] }
//   …groups[].rows[]    { competency: Competency, cells[]: Cell (one per level) }
//   cards[]             the matrix transposed, for narrow screens: { level: Level, anchor ("card-<id>"),
//                        groups[]: { category, entries[]: { competency: Competency, cell: Cell } } }
// level.hbs:
//   level               Level
//   previous, next      Level or null: the levels below and above
//   equivalents         = level.equivalents
//   expectations[]      { category, competencies[]: { competency: Competency, cell: Cell,
//                        headingLevel (3, or 4 under a category heading),
//                        position ("line L, column C" in the source; null unless html.positions) } }
//   diff                the comparison with the level below (views/level-diff.ts):
//                        { hasPrevious, previousLabel, previousHref, counts: { added, removed, unchanged,
//                        reworded }, competencies[]: { competency: Competency, added[], removed[], unchanged[]
//                        (strings), reworded[]: { before, after, parts[]: { words, isAdded, isRemoved } }
//                        (a word-level diff: partials/reworded.hbs), hasChanges } }
//   selfAssessmentHref  track.hbs: the track's self-assessment page
//   downloads[]         track.hbs and level.hbs, and each of index.hbs's ladders[] (crosswalkDownloads on
//                        the index for the build-wide files): { label, href, name (file name), format }
//                        — the other formats' files of this build (labels: html.downloadFiles of the locale; html.downloads);
//                        [] when there are none (partials/downloads.hbs)
// self-assessment.hbs (one per track, <ladder>/<track>.self-assessment.html):
//   track, levels[]     as on track pages (levels[].label: "Senior Engineer (E3)")
//   assessment          { css, js (assets/self-assessment.{css,js}), statementCount, isEmpty, groups[] }
//   …groups[]           { category (or null), competencies[]: { competency: Competency, headingLevel,
//                        levels[]: { id, label, statements[]: { id ("s<index>"), index, text } } } }
//                        index: the statement's place in the page; the URL's state is keyed by it
// Shapes:
//   Ladder              { id, title, description, href (its section of the index), source }
//   ladder.source       { path, format (e.g. "gfm-table"), formatLabel (e.g. "Markdown table"), sha256 }
//   Track               { id, name, description, notes[] (strings), baseline[]: { competency,
//                        statements[] }, href, levelCount, competencyCount }
//   Level               { id, anchor ("level-<id>", its column on the track page), ordinal, code,
//                        badge (the code, when it differs from the title), title, heading (the title,
//                        or "Level 3" for a bare number), label ("Senior Engineer (E3)"), summary, href,
//                        metadata[]: { key, value }, equivalents[]: { label, trackName, href },
//                        statementCount, position (null unless html.positions) }
//   Competency          { id, anchor ("competency-<id>", its row / section), name, category,
//                        area (null when it only repeats the name), description, href (its row on
//                        the track page) }
//   Cell                { level: { id, title, label }, isStatements, isNotApplicable, isEmpty,
//                        statements[]: { text, examples[] (strings), isNew }, note }
//                        isNew: on level pages, a statement not in the level below (marked only where
//                        some others carried over); note: a not-applicable cell's own wording, or null
// Helpers:
//   {{text value}}       escaped text; line breaks → <br>; http(s)/mailto URLs → links
//   {{paragraphs value}} like `text`, with blank-line separated blocks as <p> elements
//   {{plural n "one" "many"}}  "1 one" / "3 many"
//   {{fmt text name=value}}    a catalogue string with its {name} placeholders filled in (escaped;
//                              a value made by link or code stays markup)
//   {{link href text}}, {{code text}}  an <a> or a <code>, for fmt's placeholders
//   Like a bare {{x}}, a helper given a variable that does not exist is an error naming the line.
// Static files: every file of the template set that is not a .hbs (site.css, site.js, favicon.svg,
// or a user's own) is copied to html/assets/<same path>.

import { posix } from 'node:path';
import Handlebars from 'handlebars';
import type { Competency, Expectation, Ladder, Level, Position, Track } from '../model.js';
import { en } from '../locale/en.js';
import { fillIn, type Catalogue } from '../locale/index.js';
import { BASIS_LEGEND, crosswalkTable } from '../views/crosswalk.js';
import { levelDiff, type WordPart } from '../views/level-diff.js';
import { levelLabel, resolveEquivalents, statementCount } from '../views/levels.js';
import { notApplicableNote, trackMatrix, type MatrixCell } from '../views/matrix.js';
import { createTemplateEngine, type TemplateEngine } from './template.js';
import type { BuiltFile, OutputFile, WriterContext, WriterEntry, WriterResult } from './types.js';
import { DOWNLOAD_MODES, htmlInfo } from './index.js';

/** Only the site's own files: no inline code, no network, no plugins, no <base> tricks. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

// ─── view model ──────────────────────────────────────────────────────────────────────────────

interface PageMeta {
  title: string;
  lang: string;
  csp: string;
  root: string;
  css: string;
  js: string;
  kind: 'index' | 'track' | 'level' | 'self-assessment';
  generator: string;
}

interface Crumb {
  label: string;
  href: string | null;
}

interface SourceView {
  path: string;
  format: string;
  formatLabel: string;
  sha256: string;
}

interface EquivalentView {
  label: string;
  trackName: string;
  href: string;
}

interface LevelView {
  id: string;
  anchor: string;
  ordinal: number;
  code: string | null;
  /** The code, shown as a badge beside the heading; null when there is none or it says the same as the title. */
  badge: string | null;
  title: string;
  /** What a heading says: the title, or "Level 3" when the title is only a number. */
  heading: string;
  label: string;
  summary: string | null;
  href: string;
  metadata: Array<{ key: string; value: string }>;
  equivalents: EquivalentView[];
  statementCount: number;
  position: string | null;
}

interface CompetencyView {
  id: string;
  anchor: string;
  name: string;
  category: string | null;
  area: string | null;
  description: string | null;
  /** The competency's row on the track page. */
  href: string;
}

interface StatementView {
  text: string;
  examples: string[];
  isNew: boolean;
}

interface CellView {
  level: { id: string; title: string; label: string };
  isStatements: boolean;
  isNotApplicable: boolean;
  isEmpty: boolean;
  statements: StatementView[];
  /** The source's own wording of a not-applicable cell, when it says more than "n/a". */
  note: string | null;
}

/** Where the site's files live, relative to html/: every href is computed from these. */
const paths = {
  index: 'index.html',
  track: (ladder: Ladder, track: Track) => `${ladder.id}/${track.id}.html`,
  level: (ladder: Ladder, track: Track, level: Level) => `${ladder.id}/${track.id}/${level.id}.html`,
  // A dot never occurs in a slug, so no track or level page can take this name.
  selfAssessment: (ladder: Ladder, track: Track) => `${ladder.id}/${track.id}.self-assessment.html`,
  asset: (name: string) => `assets/${name}`,
  // A copy of another format's file (html.downloads "copy"): its path in out/, below downloads/.
  download: (file: BuiltFile) => `downloads/${file.path}`,
};

/**
 * The files of the other formats a page links, keyed "<format>.<kind>" (the OutputFile's format and
 * kind), in the order the Downloads lists show them; each locale names them (html.downloadFiles). A
 * file whose key is not here is not linked.
 */
type DownloadKey = keyof Catalogue['html']['downloadFiles'];
const DOWNLOAD_ORDER: readonly string[] = Object.keys(en.html.downloadFiles);

interface DownloadView {
  label: string;
  href: string;
  /** The file's name, as the link's download attribute suggests it. */
  name: string;
  format: string;
}

/** Whether a page links this file (every other format's file that has a label). */
function linked(file: BuiltFile): boolean {
  return file.format !== 'html' && file.kind !== undefined && DOWNLOAD_ORDER.includes(`${file.format}.${file.kind}`);
}

/** The Downloads list of a page (`from`, relative to html/): the build's files that `pick` keeps. */
function downloadsOf(context: WriterContext<Partial<HtmlOptions>>, from: string, pick: (file: BuiltFile) => boolean): DownloadView[] {
  const mode = context.options.downloads ?? 'link';
  if (mode === 'none') return [];
  const rank = (f: BuiltFile) => DOWNLOAD_ORDER.indexOf(`${f.format}.${f.kind}`);
  return (context.outputs ?? [])
    .filter((f) => linked(f) && pick(f))
    .sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({
      label: context.labels.html.downloadFiles[`${f.format}.${f.kind}` as DownloadKey],
      // Links: from html/<page> up to out/<format>/…; copies: within html/.
      href: mode === 'copy' ? relativeHref(from, paths.download(f)) : relativeHref(`html/${from}`, f.path),
      name: posix.basename(f.path),
      format: f.format,
    }));
}

/** html.downloads "copy": where the site carries a copy of another format's file (out/ path). */
function downloadCopy(file: BuiltFile, options: Readonly<HtmlOptions>): string | undefined {
  return options.downloads === 'copy' && linked(file) ? `html/${paths.download(file)}` : undefined;
}

/** A relative URL from one site file to another (both relative to html/), with an optional #hash. */
export function relativeHref(from: string, to: string, hash?: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return hash ? `${rel}#${hash}` : rel;
}

function rootOf(from: string): string {
  return '../'.repeat(from.split('/').length - 1);
}

// The functions below that take `t` are given the catalogue of the page's locale (src/locale).
type Labels = Catalogue;

function formatPosition(position: Position | undefined, t: Labels): string | null {
  return position ? fillIn(t.html.position, { line: position.line, column: position.column }) : null;
}

function headingOf(level: Level, t: Labels): string {
  return /^\d+$/.test(level.title) ? fillIn(t.levelNumber, { n: level.title }) : level.title;
}

/** levelLabel, except that a bare number reads as "Level 3" here too. */
function labelOf(level: Level, t: Labels): string {
  if (!/^\d+$/.test(level.title)) return levelLabel(level);
  return level.code && level.code !== level.title ? `${headingOf(level, t)} (${level.code})` : headingOf(level, t);
}

function sourceView(ladder: Ladder, context: WriterContext): SourceView {
  return {
    path: ladder.source.path,
    format: ladder.source.format,
    formatLabel: context.sourceFormatLabel(ladder.source.format),
    sha256: ladder.source.sha256,
  };
}

function levelView(ladder: Ladder, track: Track, level: Level, from: string, t: Labels): LevelView {
  const target = paths.level(ladder, track, level);
  return {
    id: level.id,
    anchor: `level-${level.id}`,
    ordinal: level.ordinal,
    code: level.code ?? null,
    badge: level.code && level.code !== level.title ? level.code : null,
    title: level.title,
    heading: headingOf(level, t),
    label: labelOf(level, t),
    summary: level.summary ?? null,
    href: relativeHref(from, target),
    metadata: Object.entries(level.metadata ?? {}).map(([key, value]) => ({ key, value })),
    equivalents: resolveEquivalents(ladder, level).map((eq) => ({
      label: labelOf(eq.level, t),
      trackName: eq.track.name,
      href: relativeHref(from, paths.level(ladder, eq.track, eq.level)),
    })),
    statementCount: statementCount(track, level.id),
    position: formatPosition(level.position, t),
  };
}

function competencyView(ladder: Ladder, track: Track, competency: Competency, from: string): CompetencyView {
  return {
    id: competency.id,
    anchor: `competency-${competency.id}`,
    name: competency.name,
    category: competency.category ?? null,
    // An area that only repeats the competency's name ("Security" in "Security") says nothing more.
    area: competency.area !== undefined && competency.area.toLowerCase() !== competency.name.toLowerCase() ? competency.area : null,
    description: competency.description ?? null,
    href: relativeHref(from, paths.track(ladder, track), `competency-${competency.id}`),
  };
}

function cellView(level: Level, expectation: Expectation | undefined, t: Labels, added?: ReadonlySet<string>): CellView {
  const base = { level: { id: level.id, title: level.title, label: labelOf(level, t) }, note: null };
  if (!expectation) return { ...base, isStatements: false, isNotApplicable: false, isEmpty: true, statements: [] };
  if (expectation.applicable === false) {
    // Under the "Not applicable" badge, only what the source says beyond "n/a".
    const note = notApplicableNote(expectation) ?? null;
    return { ...base, note, isStatements: false, isNotApplicable: true, isEmpty: false, statements: [] };
  }
  const statements = expectation.statements.map((text, index) => ({
    text,
    examples: (expectation.examples ?? []).filter((g) => g.statement === index).flatMap((g) => g.examples),
    isNew: added?.has(text) ?? false,
  }));
  // A cell whose text yields no statement still says something: show the text itself.
  if (statements.length === 0 && expectation.text.trim() !== '') {
    statements.push({ text: expectation.text.trim(), examples: [], isNew: false });
  }
  return { ...base, isStatements: statements.length > 0, isNotApplicable: false, isEmpty: statements.length === 0, statements };
}

function pageMeta(title: string, from: string, kind: PageMeta['kind'], context: WriterContext): PageMeta {
  const root = rootOf(from);
  return {
    title,
    lang: context.labels.lang,
    csp: CONTENT_SECURITY_POLICY,
    root,
    css: relativeHref(from, paths.asset('site.css')),
    js: relativeHref(from, paths.asset('site.js')),
    kind,
    generator: `ladderc ${context.version}`,
  };
}

/** The names above a page's heading ("Ladder · Track"), each once and none repeating the heading. */
function eyebrowOf(names: readonly string[], heading: string): string | null {
  const seen = new Set([heading.toLowerCase()]);
  const kept = names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
  return kept.length > 0 ? kept.join(' · ') : null;
}

function ladderHeader(ladder: Ladder, from: string, context: WriterContext) {
  return {
    id: ladder.id,
    title: ladder.title,
    description: ladder.description ?? null,
    href: relativeHref(from, paths.index, `ladder-${ladder.id}`),
    source: sourceView(ladder, context),
  };
}

function trackHeader(ladder: Ladder, track: Track, from: string) {
  return {
    id: track.id,
    name: track.name,
    description: track.description ?? null,
    notes: track.notes ?? [],
    baseline: (track.baseline ?? []).map((b) => ({ competency: b.competency, statements: b.statements })),
    href: relativeHref(from, paths.track(ladder, track)),
    levelCount: track.levels.length,
    competencyCount: track.competencies.length,
  };
}

/** The crosswalk for the index: the table of views/crosswalk.ts with links to each track and level page. */
function crosswalkIndexView(context: WriterContext, from: string) {
  const table = crosswalkTable(context.crosswalk);
  return {
    columns: table.columns.map((c) => ({
      heading: c.heading,
      ladderTitle: c.trackName === c.ladderTitle ? null : c.ladderTitle,
      trackName: c.trackName,
      href: relativeHref(from, `${c.ladder}/${c.track}.html`),
    })),
    rows: table.rows.map((r) => ({
      rung: r.rung,
      cells: r.cells.map((cell, i) => ({
        levels: cell.levels.map((l) => ({ label: l.label, basis: l.basis, href: relativeHref(from, `${table.columns[i]!.ladder}/${table.columns[i]!.track}/${l.level}.html`) })),
      })),
    })),
    legend: BASIS_LEGEND.map((b) => ({ basis: b.basis, meaning: context.labels.basis[b.basis] })),
  };
}

function indexView(ladders: readonly Ladder[], context: WriterContext) {
  const from = paths.index;
  return {
    t: context.labels.html,
    page: pageMeta(context.labels.html.careerLadders, from, 'index', context),
    breadcrumbs: [{ label: context.labels.html.allLadders, href: null }] satisfies Crumb[],
    ladder: null,
    showContents: ladders.length > 1,
    crosswalk: crosswalkIndexView(context, from),
    crosswalkDownloads: downloadsOf(context, from, (f) => f.ladder === undefined),
    ladders: ladders.map((ladder) => ({
      ...ladderHeader(ladder, from, context),
      anchor: `ladder-${ladder.id}`,
      downloads: downloadsOf(context, from, (f) => f.ladder === ladder.id && f.track === undefined),
      tracks: ladder.tracks.map((track) => ({
        ...trackHeader(ladder, track, from),
        levels: track.levels.map((level) => levelView(ladder, track, level, from, context.labels)),
      })),
    })),
  };
}

function trackView(ladder: Ladder, track: Track, context: WriterContext) {
  const from = paths.track(ladder, track);
  const matrix = trackMatrix(track);
  const levels = track.levels.map((level) => levelView(ladder, track, level, from, context.labels));
  const rowOf = (competency: Competency, cells: MatrixCell[]) => ({
    competency: competencyView(ladder, track, competency, from),
    cells: cells.map((cell) => cellView(cell.level, cell.expectation, context.labels)),
  });
  const groups = matrix.groups.map((group, index) => ({
    category: group.category ?? null,
    anchor: `category-${index + 1}`,
    rows: group.rows.map((row) => rowOf(row.competency, row.cells)),
  }));
  return {
    t: context.labels.html,
    page: pageMeta(`${track.name} — ${ladder.title}`, from, 'track', context),
    breadcrumbs: [
      { label: context.labels.html.allLadders, href: relativeHref(from, paths.index) },
      { label: ladder.title, href: relativeHref(from, paths.index, `ladder-${ladder.id}`) },
      { label: track.name, href: null },
    ] satisfies Crumb[],
    eyebrow: eyebrowOf([ladder.title], track.name),
    ladder: ladderHeader(ladder, from, context),
    track: trackHeader(ladder, track, from),
    selfAssessmentHref: relativeHref(from, paths.selfAssessment(ladder, track)),
    downloads: downloadsOf(context, from, (f) => f.ladder === ladder.id && f.track === track.id && f.level === undefined),
    levels,
    matrix: {
      caption: fillIn(context.labels.html.matrixCaption, { track: track.name }),
      columnCount: levels.length + 1,
      isEmpty: track.competencies.length === 0,
      groups,
    },
    // The same cells transposed: one card per level, for screens too narrow for the table.
    cards: levels.map((level, column) => ({
      level,
      anchor: `card-${level.id}`,
      groups: groups.map((group) => ({
        category: group.category,
        entries: group.rows.map((row) => ({ competency: row.competency, cell: row.cells[column]! })),
      })),
    })),
  };
}

function levelPageView(ladder: Ladder, track: Track, level: Level, context: WriterContext) {
  const from = paths.level(ladder, track, level);
  const index = track.levels.indexOf(level);
  const previous = index > 0 ? track.levels[index - 1] : undefined;
  const next = track.levels[index + 1];
  const diff = levelDiff(track, level.id);
  const changes = new Map(diff.competencies.map((c) => [c.competency.id, c]));
  const view = levelView(ladder, track, level, from, context.labels);
  const matrix = trackMatrix(track);
  return {
    t: context.labels.html,
    page: pageMeta(`${labelOf(level, context.labels)} — ${track.name} — ${ladder.title}`, from, 'level', context),
    breadcrumbs: [
      { label: context.labels.html.allLadders, href: relativeHref(from, paths.index) },
      { label: ladder.title, href: relativeHref(from, paths.index, `ladder-${ladder.id}`) },
      { label: track.name, href: relativeHref(from, paths.track(ladder, track)) },
      { label: view.label, href: null },
    ] satisfies Crumb[],
    eyebrow: eyebrowOf([ladder.title, track.name], view.heading),
    ladder: ladderHeader(ladder, from, context),
    track: trackHeader(ladder, track, from),
    levels: track.levels.map((l) => levelView(ladder, track, l, from, context.labels)),
    level: view,
    previous: previous ? levelView(ladder, track, previous, from, context.labels) : null,
    next: next ? levelView(ladder, track, next, from, context.labels) : null,
    equivalents: view.equivalents,
    downloads: downloadsOf(context, from, (f) => f.ladder === ladder.id && f.track === track.id && f.level === level.id),
    expectations: matrix.groups.map((group) => ({
      category: group.category ?? null,
      competencies: group.rows.map((row) => {
        const expectation = row.cells.find((c) => c.level.id === level.id)?.expectation;
        // "New" badges tell new statements from those carried over from the level below; where
        // nothing was carried over (or there is no level below) every badge would say the same.
        const change = changes.get(row.competency.id);
        // A reworded statement is new wording: it gets the badge too (the changes section shows which words).
        const added = previous && change && change.unchanged.length > 0 ? new Set([...change.added, ...change.reworded.map((r) => r.after)]) : undefined;
        return {
          competency: competencyView(ladder, track, row.competency, from),
          cell: cellView(level, expectation, context.labels, added),
          // Under a category heading (h3) a competency is an h4; without one, the next level down from h2.
          headingLevel: group.category === undefined ? 3 : 4,
          position: formatPosition(expectation?.position ?? row.competency.position, context.labels),
        };
      }),
    })),
    diff: {
      hasPrevious: previous !== undefined,
      previousLabel: previous ? labelOf(previous, context.labels) : null,
      previousHref: previous ? relativeHref(from, paths.level(ladder, track, previous)) : null,
      counts: { ...diff.counts },
      competencies: diff.competencies.map((change) => ({
        competency: competencyView(ladder, track, change.competency, from),
        added: change.added,
        removed: change.removed,
        unchanged: change.unchanged,
        reworded: change.reworded.map((r) => ({ before: r.before, after: r.after, parts: r.parts.map(partView) })),
        hasChanges: change.added.length + change.removed.length + change.reworded.length > 0,
      })),
    },
  };
}

/** A run of words of a reworded statement, as partials/reworded.hbs shows it. */
function partView(part: WordPart) {
  return { words: part.text, isAdded: part.change === 'added', isRemoved: part.change === 'removed' };
}

/**
 * The self-assessment page of a track (self-assessment.hbs): every applicable statement as a
 * checkbox, per competency and level, numbered in page order (the URL stores the ticks as bits in
 * that order; assets/self-assessment.js owns the state, the result and the export).
 */
function selfAssessmentView(ladder: Ladder, track: Track, context: WriterContext) {
  const from = paths.selfAssessment(ladder, track);
  let index = 0;
  const levels = track.levels.map((level) => ({ ...levelView(ladder, track, level, from, context.labels), label: labelOf(level, context.labels) }));
  const groups = trackMatrix(track).groups.map((group) => ({
    category: group.category ?? null,
    competencies: group.rows.map((row) => {
      const competency = competencyView(ladder, track, row.competency, from);
      return {
        competency,
        headingLevel: group.category === undefined ? 3 : 4,
        levels: row.cells
          .filter((cell) => cell.expectation && cell.expectation.applicable !== false && cell.expectation.statements.length > 0)
          .map((cell) => ({
            id: cell.level.id,
            label: labelOf(cell.level, context.labels),
            statements: cell.expectation!.statements.map((text) => ({ id: `s${index}`, index: index++, text })),
          })),
      };
    }),
  }));
  return {
    t: context.labels.html,
    page: pageMeta(`${context.labels.html.selfAssessment} — ${track.name} — ${ladder.title}`, from, 'self-assessment', context),
    breadcrumbs: [
      { label: context.labels.html.allLadders, href: relativeHref(from, paths.index) },
      { label: ladder.title, href: relativeHref(from, paths.index, `ladder-${ladder.id}`) },
      { label: track.name, href: relativeHref(from, paths.track(ladder, track)) },
      { label: context.labels.html.selfAssessment, href: null },
    ] satisfies Crumb[],
    eyebrow: eyebrowOf([ladder.title, track.name], context.labels.html.selfAssessment),
    ladder: ladderHeader(ladder, from, context),
    track: trackHeader(ladder, track, from),
    levels,
    assessment: {
      css: relativeHref(from, paths.asset('self-assessment.css')),
      js: relativeHref(from, paths.asset('self-assessment.js')),
      statementCount: index,
      isEmpty: index === 0,
      groups,
    },
  };
}

// ─── helpers ─────────────────────────────────────────────────────────────────────────────────

/** Escapes what would break markup (not quotes, which a catalogue's text holds as prose). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeHtml(text: string): string {
  return Handlebars.Utils.escapeExpression(text);
}

// A URL ends before white space, quotes or angle brackets; trailing punctuation is the sentence's.
const URL_PATTERN = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;

/** Escapes text, keeps line breaks, and links http:, https: and mailto: URLs (never other schemes). */
export function linkifiedHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    // Drop trailing sentence punctuation, and a closing parenthesis that has no opening one in the URL.
    for (;;) {
      const trimmed = url.replace(/[.,;:!?]+$/, '');
      const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0);
      const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    const start = match.index;
    if (!/^(?:https?:\/\/[^/\s]|mailto:[^\s@]+@)/i.test(url)) continue;
    out += escapeHtml(text.slice(last, start));
    out += `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  out += escapeHtml(text.slice(last));
  return out.replace(/\r?\n/g, '<br>\n');
}

function paragraphsHtml(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${linkifiedHtml(block)}</p>`)
    .join('\n');
}

const safe = (html: string): Handlebars.SafeString => new Handlebars.SafeString(html);

/** What Handlebars passes a helper last; `loc` is where the helper call sits in the template. */
interface HelperCall {
  name?: string;
  loc?: { start: { line: number; column: number } };
}

/**
 * A helper's argument as text. Strict mode does not reach helper arguments, so a misspelt variable
 * would print nothing: fail instead, in the " - line:column" form that TemplateError reads.
 */
function argument(value: unknown, call: HelperCall): string {
  if (value === undefined) {
    const where = call.loc ? ` - ${call.loc.start.line}:${call.loc.start.column}` : '';
    throw new Error(`"${call.name ?? 'helper'}" was given a variable that is not defined${where}`);
  }
  return value === null ? '' : String(value);
}

export const HTML_HELPERS = {
  text: (value: unknown, call: HelperCall) => safe(linkifiedHtml(argument(value, call))),
  paragraphs: (value: unknown, call: HelperCall) => safe(paragraphsHtml(argument(value, call))),
  /** A catalogue string with its `{name}` placeholders filled from the hash: {{fmt t.levelOf ordinal=1 count=5}}. */
  // The text and plain values are escaped; a value made by a helper (link, code) is kept as markup.
  fmt: (text: unknown, call: HelperCall & { hash?: Record<string, unknown> }) =>
    safe(fillIn(escapeText(argument(text, call)), Object.fromEntries(Object.entries(call.hash ?? {}).map(([k, v]) => [k, v instanceof Handlebars.SafeString ? v.toHTML() : escapeHtml(argument(v, call))])))),
  /** {{link href text}}: an <a>, for a placeholder of fmt. */
  link: (href: unknown, text: unknown, call: HelperCall) => safe(`<a href="${escapeHtml(argument(href, call))}">${escapeHtml(argument(text, call))}</a>`),
  /** {{code text}}: a <code>, for a placeholder of fmt. */
  code: (text: unknown, call: HelperCall) => safe(`<code>${escapeHtml(argument(text, call))}</code>`),
  plural: (n: unknown, one: unknown, many: unknown, call: HelperCall) =>
    `${argument(n, call)} ${Number(n) === 1 ? argument(one, call) : argument(many, call)}`,
};

// ─── writer ──────────────────────────────────────────────────────────────────────────────────

function page(engine: TemplateEngine, name: string, data: object): string {
  // One trailing newline, no matter how the template ends.
  return `${engine.render(name, data).trimEnd()}\n`;
}

function collector(): { files: OutputFile[]; add: (path: string, contents: string, ladder?: string, track?: string) => void } {
  const files: OutputFile[] = [];
  const add = (path: string, contents: string, ladder?: string, track?: string): void => {
    const file: OutputFile = { path: `html/${path}`, format: 'html', contents };
    if (ladder !== undefined) file.ladder = ladder;
    if (track !== undefined) file.track = track;
    files.push(file);
  };
  return { files, add };
}

/**
 * The ladder as the pages show it: source line and column are developer detail (they stay in the
 * JSON and in diagnostics), so they are left out of the pages unless `html.positions` asks for them.
 */
function shownLadder(ladder: Ladder, options: Readonly<Partial<HtmlOptions>>): Ladder {
  if (options.positions) return ladder;
  const drop = <T extends { position?: Position }>(item: T): T => {
    const { position: _position, ...rest } = item;
    return rest as T;
  };
  return {
    ...ladder,
    tracks: ladder.tracks.map((track) => ({
      ...track,
      levels: track.levels.map(drop),
      competencies: track.competencies.map((c) => ({ ...drop(c), expectations: c.expectations.map(drop) })),
    })),
  };
}

/** A ladder's pages: one per track, one per level. */
export function writeHtmlLadder(source: Ladder, context: WriterContext<Partial<HtmlOptions>>): WriterResult {
  const ladder = shownLadder(source, context.options);
  const engine = createTemplateEngine(context.templates, { helpers: HTML_HELPERS });
  const { files, add } = collector();
  for (const track of ladder.tracks) {
    add(paths.track(ladder, track), page(engine, 'track.hbs', trackView(ladder, track, context)), ladder.id, track.id);
    add(paths.selfAssessment(ladder, track), page(engine, 'self-assessment.hbs', selfAssessmentView(ladder, track, context)), ladder.id, track.id);
    for (const level of track.levels) {
      add(paths.level(ladder, track, level), page(engine, 'level.hbs', levelPageView(ladder, track, level, context)), ladder.id, track.id);
    }
  }
  return { files, diagnostics: [] };
}

/** The site's index over every ladder, and the static files of the template set. */
export function writeHtmlIndex(ladders: readonly Ladder[], context: WriterContext): WriterResult {
  const engine = createTemplateEngine(context.templates, { helpers: HTML_HELPERS });
  const { files, add } = collector();
  add(paths.index, page(engine, 'index.hbs', indexView(ladders, context)));
  // Static files of the template set (site.css, site.js, and whatever a user's folder adds).
  for (const [name, file] of Object.entries(context.templates).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!name.endsWith('.hbs')) add(paths.asset(name), file.text);
  }
  return { files, diagnostics: [] };
}

/** The whole site at once (tests and the API's convenience): every ladder's pages and the index. */
export function writeHtml(ladders: readonly Ladder[], context: WriterContext<Partial<HtmlOptions>>): WriterResult {
  const files = [...writeHtmlIndex(ladders, context).files];
  for (const ladder of ladders) for (const f of writeHtmlLadder(ladder, context).files) files.push(f);
  return { files, diagnostics: [] };
}

export { DOWNLOAD_MODES } from './index.js';

export interface HtmlOptions {
  /** Show each level's and competency's source line and column on the pages (default: off). */
  positions: boolean;
  /** The pages' Downloads lists: links to out/<format>/…, links to copies under html/downloads/, or none. */
  downloads: (typeof DOWNLOAD_MODES)[number];
}

export const htmlWriter: WriterEntry<HtmlOptions, 'html'> = {
  ...htmlInfo,
  ladder: writeHtmlLadder,
  shared: writeHtmlIndex,
  copyOf: downloadCopy,
};
