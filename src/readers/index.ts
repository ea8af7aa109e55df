// The one entry point from bytes to a ladder: decode, detect, read, finalize (the readers
// themselves are listed in registry.ts).

import { createHash } from 'node:crypto';
import { Diagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { SCHEMA_VERSION, type Ladder, type Position } from '../model.js';
import type { SourceOptions } from '../options.js';
import { decodeSource } from '../text/decode.js';
import { titleFromFileName } from '../text/file-title.js';
import { slugify } from '../text/slug.js';
import { coverageOf, draftKeptWords } from './coverage.js';
import type { DraftLadder } from './draft.js';
import { finalizeLadder } from './finalize.js';
import { htmlNesting, markdownNesting, MAX_HTML_NESTING, MAX_LEVELS_PER_TRACK, MAX_MARKDOWN_NESTING } from './limits.js';
import { plausibility } from './plausibility.js';
import { detectFormat, readerFor } from './registry.js';
import { leavesMostOut, secondReadingWins } from './sections/read.js';
import { isHtmlPage } from './sniff.js';
import { stripTemplateDirectives } from './template-directives.js';

export { detectFormat, READERS, SOURCE_FORMATS, sourceFormatLabel, type SourceFormat } from './registry.js';

export interface ReadResult {
  ladder?: Ladder;
  diagnostics: Diagnostic[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}


export function ladderIdFromPath(path: string): string {
  const stem = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
  return slugify(stem, 'ladder');
}

/**
 * Reads one source. `path` is its path relative to the project folder ("/" separators).
 * Pure: the caller reads the bytes.
 */
export function readSource(bytes: Uint8Array, path: string, options: SourceOptions = {}): ReadResult {
  const diagnostics = new Diagnostics(path);
  const decodedResult = decodeSource(bytes);
  if (!decodedResult.ok) {
    diagnostics.error('not-text', `source ${decodedResult.reason}`, decodedResult.position, 'ladderc reads UTF-8, UTF-16 (with BOM) and Windows-1252 text files');
    return { diagnostics: diagnostics.list };
  }
  const decoded = decodedResult.decoded;
  if (decoded.encoding !== 'utf-8') {
    diagnostics.info('encoding', `decoded as ${decoded.encoding.toUpperCase()}`, { line: 1, column: 1 }, 'save sources as UTF-8 to silence this');
  }
  const STRAY_LIMIT = 20;
  for (const stray of decoded.strayBytes.slice(0, STRAY_LIMIT)) {
    const hex = stray.byte.toString(16).toUpperCase();
    diagnostics.warn('stray-byte', `byte 0x${hex} is not UTF-8; read as Windows-1252 "${stray.to}"`, stray, 'save the source as UTF-8');
  }
  if (decoded.strayBytes.length > STRAY_LIMIT) {
    const more = decoded.strayBytes.length - STRAY_LIMIT;
    diagnostics.warn('stray-byte', `${more} more bytes are not UTF-8 and were read as Windows-1252`, decoded.strayBytes[STRAY_LIMIT], 'save the source as UTF-8');
  }
  for (const r of decoded.repairs) {
    diagnostics.warn('mojibake-repaired', `repaired double-encoded UTF-8 "${r.from}" → "${r.to}"`, r, 'save the source as UTF-8 once, without re-encoding it');
  }

  if (decoded.text.trim() === '') {
    diagnostics.error('empty-source', decoded.text === '' ? 'the source is empty' : 'the source holds only white space', { line: 1, column: 1 }, 'write the ladder in it, or delete the file');
    return { diagnostics: diagnostics.list };
  }
  const tooDeep = tooDeeplyNested(decoded.text);
  if (tooDeep) {
    diagnostics.error('too-deep', tooDeep.message, decoded.toSource(tooDeep.at), 'a ladder needs only a few levels of nesting: flatten the lists or the markup around the ladder');
    return { diagnostics: sortDiagnostics(diagnostics.list) };
  }

  const readerDiagnostics = new Diagnostics(path);
  // Directives of a site generator are chrome in every format but ladderc's own Markdown.
  const detected = options.format ?? detectFormat(decoded.text);
  const canonical = detected === 'ladderc-md';
  const { text, directives } = canonical ? { text: decoded.text, directives: [] } : stripTemplateDirectives(decoded.text);
  for (const d of directives) {
    readerDiagnostics.info('template-directive', `dropped the template directive "${d.text.length > 60 ? `${d.text.slice(0, 57)}…` : d.text}": an instruction to a site generator, not ladder text`, d.position);
  }
  // Detected once; again only when directives were taken out (they can hide the shape).
  let format = text === decoded.text ? detected : (options.format ?? detectFormat(text));
  let draft;
  try {
    const first = new Diagnostics(path);
    draft = readerFor(format).read({ text, file: path, options, diagnostics: first });
    let chosen = first;
    // A page about one level may hold a table (indicators, a score card) that makes it detect as an
    // HTML table. When the table reading leaves most of the page's words out, the page is read as
    // prose too, and the reading that keeps clearly more of it is kept (as chooseReading does for
    // the two readings of prose).
    if (options.format === undefined && format === 'html-table' && isHtmlPage(text)) {
      const table = draftKeptWords(draft, text, format);
      // Only a table reading that leaves most of the page out is worth a second reading.
      if (leavesMostOut(draft, table)) {
        const second = new Diagnostics(path);
        const prose = readerFor('prose').read({ text, file: path, options, diagnostics: second });
        if (secondReadingWins(draft, prose, text, format, table)) {
          format = 'prose';
          draft = prose;
          chosen = second;
        }
      }
    }
    readerDiagnostics.pushAll(chosen.list);
  } catch (error) {
    // A parser's recursion, run out of stack on some shape the nesting check above missed: a
    // property of the source, not a bug to report with a stack trace.
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    diagnostics.error('too-deep', `the ${format} reader ran out of stack: the source nests too deeply`, { line: 1, column: 1 }, 'flatten the lists or the markup around the ladder');
    return { diagnostics: diagnostics.list };
  }
  if (options.tracks) {
    for (const track of draft.tracks) {
      const renamed = options.tracks[track.name] ?? options.tracks[slugify(track.name)];
      if (renamed) track.name = renamed;
    }
  }
  const id = options.id ?? ladderIdFromPath(path);
  nameTheNameless(draft, titleFromFileName(path), readerDiagnostics);
  const finalized = finalizeLadder(draft, readerDiagnostics, id);
  for (const d of readerDiagnostics.list) {
    const at = decoded.toSource(d);
    diagnostics.push({ ...d, line: at.line, column: at.column });
  }
  for (const track of finalized.tracks) {
    if (track.levels.length <= MAX_LEVELS_PER_TRACK) continue;
    diagnostics.error('too-many-levels', `${track.levels.length} levels in the track "${track.name}"; ladderc reads at most ${MAX_LEVELS_PER_TRACK} levels per track`, decoded.toSource(track.levels[MAX_LEVELS_PER_TRACK]!.position ?? { line: 1, column: 1 }), 'check that the columns (or headings) read as levels are levels; split a table this wide into tracks');
    return { diagnostics: sortDiagnostics(diagnostics.list) };
  }
  if (finalized.tracks.length === 0) {
    diagnostics.error('no-ladder', `found no levels in this ${format} source`, { line: 1, column: 1 }, 'check the source is a career ladder, or set its format in ladderc.config.json');
  }

  const ladder: Ladder = {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: options.title ?? finalized.title ?? titleFromFileName(path) ?? 'Ladder',
    source: { path, format, sha256: sha256Hex(bytes) },
    tracks: finalized.tracks,
  };
  if (finalized.description) ladder.description = finalized.description;
  ladder.source.coverage = coverageOf(ladder, text, format, draft.references).share;
  if (finalized.tracks.length > 0) {
    const check = plausibility(ladder);
    if (!check.plausible) {
      const named = check.unlikeLevels.slice(0, 3).map((t) => `"${t}"`).join(', ');
      diagnostics.warn(
        'not-a-ladder',
        `this does not read like a career ladder: its levels (${named}${check.unlikeLevels.length > 3 ? ', …' : ''}) name no level or role, and few of its cells are sentences; read as one anyway`,
        { line: 1, column: 1 },
        'leave this file out of the sources (a file table, an index or notes are not ladders); if it is a ladder, name its levels ("Junior", "L2", "Senior Engineer")',
      );
    }
  }
  mapPositions(ladder, (p) => decoded.toSource(p));
  return { ladder, diagnostics: sortDiagnostics(diagnostics.list) };
}

/** Lists, quotes or elements nested past the limits (src/readers/limits.ts), with where. */
function tooDeeplyNested(text: string): { message: string; at: Position } | undefined {
  const md = markdownNesting(text);
  if (md) return { message: `lists or block quotes nested ${MAX_MARKDOWN_NESTING} deep; ladderc reads at most ${MAX_MARKDOWN_NESTING - 1} levels of nesting`, at: md };
  const html = htmlNesting(text);
  if (html) return { message: `HTML elements nested ${MAX_HTML_NESTING} deep; ladderc reads at most ${MAX_HTML_NESTING - 1} levels of nesting`, at: html };
  return undefined;
}

/** A name people can tell apart: it has a letter ("#", "1." and "—" do not). */
const nameless = (name: string | undefined): boolean => name !== undefined && name.trim() !== '' && !/\p{L}/u.test(name);

/**
 * A title or track name with no letter in it ("#", "1.", a lone emoji) names nothing: the ladder is
 * called after its file instead, a lone nameless track after the ladder, and an info says so. (An
 * empty one is no name at all: finalize and the file name handle it, as before.)
 */
function nameTheNameless(draft: DraftLadder, fileTitle: string | undefined, diagnostics: Diagnostics): void {
  if (nameless(draft.title)) {
    const instead = fileTitle ?? 'Ladder';
    diagnostics.info('nameless-title', `the title "${draft.title}" has no words; the ladder is called "${instead}" after its file`, { line: 1, column: 1 }, 'give the document a title with words, or set "title" for it in ladderc.config.json');
    delete draft.title;
  }
  draft.tracks.forEach((track, i) => {
    if (!nameless(track.name)) return;
    const instead = draft.tracks.length === 1 ? (draft.title ?? fileTitle ?? 'Levels') : `Track ${i + 1}`;
    diagnostics.info('nameless-title', `the track name "${track.name}" has no words; the track is called "${instead}"`, track.position ?? { line: 1, column: 1 }, 'name the track in the source, or rename it with "tracks" in ladderc.config.json');
    track.name = instead;
  });
}

function mapPositions(ladder: Ladder, toSource: (p: Position) => Position): void {
  for (const track of ladder.tracks) {
    for (const level of track.levels) if (level.position) level.position = toSource(level.position);
    for (const competency of track.competencies) {
      if (competency.position) competency.position = toSource(competency.position);
      for (const e of competency.expectations) if (e.position) e.position = toSource(e.position);
    }
  }
}
