// A small SpreadsheetML (ECMA-376, transitional) package: a workbook of text-only sheets as XML
// parts in a zip. Only what the ladder workbooks use: shared-string cells, four cell styles, column
// widths, frozen panes, an autofilter, merged ranges, print titles and document properties.
//
// Every cell is a shared string (t="s") in a style whose number format is Text (numFmtId 49), so
// no spreadsheet turns "1-2 areas" into a date or "=SUM(A1)" into a formula, and what a person
// types into the sheet later stays text too. Nothing here reads a clock: the package's one date
// (document properties and zip entries) is the caller's.

import { zip } from './zip.js';

export type CellStyle = 'text' | 'body' | 'header' | 'category' | 'name';

/** The cellXfs index of each style, in styles.xml order. */
const STYLE_INDEX: Record<CellStyle, number> = { text: 0, body: 1, header: 2, category: 3, name: 4 };

export interface Cell {
  text: string;
  style: CellStyle;
}

export interface Sheet {
  /** A valid, unique sheet name (see sheetNames). */
  name: string;
  /** Column widths in characters, one per column. */
  widths: number[];
  /** Rows from row 1; a missing cell is empty (it still gets the column's text style). */
  rows: Array<Array<Cell | undefined>>;
  /** Rows and columns frozen at the top left (0 for none). */
  freeze: { rows: number; columns: number };
  /** Rows printed at the top of every page. */
  printTitleRows: number;
  /** An autofilter over the header row and every row below it. */
  autoFilter: boolean;
  /** Merged ranges as [row, firstColumn, lastColumn], 0-based, within one row. */
  merges: Array<[number, number, number]>;
}

export interface Workbook {
  title: string;
  creator: string;
  description: string;
  /** Seconds since the epoch: the document's created and modified dates, and every zip entry's. */
  sourceDateEpoch: number;
  sheets: Sheet[];
}

/** Excel's limit on a cell's length. */
export const MAX_CELL_LENGTH = 32767;

// ─── text ────────────────────────────────────────────────────────────────────────────────────

/** "A", "B", …, "Z", "AA" for a 0-based column. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const ref = (row: number, column: number): string => `${columnName(column)}${row + 1}`;

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Cell text as the content of <t>: XML-escaped; characters XML 1.0 cannot carry (C0 controls but
 * tab and line feed, U+FFFE/U+FFFF) as OOXML's `_xHHHH_` escape, a literal `_xHHHH_` protected by
 * escaping its underscore, lone surrogates replaced (they are not text); CR LF becomes LF (a cell's
 * line break).
 */
export function cellXml(text: string): string {
  const escaped = text
    .replace(/\r\n/g, '\n')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return xmlEscape(escaped);
}

/** A sheet name in a formula or defined name: always quoted, apostrophes doubled. */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * Sheet names Excel accepts for the wanted names, in order: at most 31 characters, none of
 * `: \ / ? * [ ]`, no apostrophe at either end, not "History", unique regardless of case.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    let base = name.replace(/[:\\/?*[\]\x00-\x1F]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
    if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base} (sheet)`;
    const fit = (s: string, room: number): string => ([...s].length > room ? `${[...s].slice(0, room - 1).join('').trimEnd()}…` : s);
    let candidate = fit(base, 31);
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${fit(base, 31 - ` (${n})`.length)} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

// ─── parts ───────────────────────────────────────────────────────────────────────────────────

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';
}

function packageRels(): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>';
}

/** W3CDTF without fractions, as Office writes it. */
function w3cdtf(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return (Number.isFinite(d.getTime()) ? d : new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreProperties(book: Workbook): string {
  const date = w3cdtf(book.sourceDateEpoch);
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${cellXml(book.title)}</dc:title>` +
    `<dc:description>${cellXml(book.description)}</dc:description>` +
    `<dc:creator>${cellXml(book.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${cellXml(book.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>';
}

function appProperties(book: Workbook): string {
  const names = book.sheets.map((s) => `<vt:lpstr>${cellXml(s.name)}</vt:lpstr>`).join('');
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    '<Application>ladderc</Application>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${book.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${book.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    '</Properties>';
}

function lastRef(sheet: Sheet): string {
  const rows = Math.max(sheet.rows.length, 1);
  const columns = Math.max(sheet.widths.length, 1);
  return `$A$1:$${columnName(columns - 1)}$${rows}`;
}

function workbookXml(book: Workbook): string {
  const sheets = book.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names: string[] = [];
  book.sheets.forEach((s, i) => {
    if (s.autoFilter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${quotedSheet(s.name)}!${lastRef(s)}`)}</definedName>`);
    if (s.printTitleRows > 0) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${quotedSheet(s.name)}!$1:$${s.printTitleRows}`)}</definedName>`);
  });
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '</workbook>';
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
}

// Every style has number format 49 (Text) and applies it; body styles wrap and align to the top.
const TOP_WRAP = '<alignment vertical="top" wrapText="1"/>';
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1">${TOP_WRAP}</xf>` +
  `<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${TOP_WRAP}</xf>` +
  `<xf numFmtId="49" fontId="1" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${TOP_WRAP}</xf>` +
  `<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1">${TOP_WRAP}</xf>` +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Shared strings in order of first use: each distinct text once. */
class SharedStrings {
  readonly list: string[] = [];
  readonly #index = new Map<string, number>();
  uses = 0;

  add(text: string): number {
    this.uses += 1;
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.#index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((t) => `<si><t xml:space="preserve">${cellXml(t)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function paneXml(sheet: Sheet): string {
  const { rows, columns } = sheet.freeze;
  if (rows === 0 && columns === 0) return '';
  const topLeft = ref(rows, columns);
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return `<pane${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

/** Points per line of 11-point text, as Excel and LibreOffice lay it out. */
const LINE_HEIGHT = 15;

/**
 * The height a row needs for its wrapped text, or undefined for one line. Spreadsheets do not fit
 * row heights when they open a file, so a row without one would show only its first line. The
 * estimate counts each cell's lines at its column's width (a character of 11-point Calibri is about
 * one width unit; merged cells span their columns).
 */
function rowHeight(cells: ReadonlyArray<Cell | undefined>, row: number, sheet: Sheet): number | undefined {
  let lines = 1;
  cells.forEach((cell, c) => {
    if (!cell || cell.text === '') return;
    const merge = sheet.merges.find(([r, a]) => r === row && a === c);
    const width = merge ? sheet.widths.slice(merge[1], merge[2] + 1).reduce((a, b) => a + b, 0) : sheet.widths[c] ?? 10;
    const room = Math.max(1, Math.floor(width * 1.1) - 1);
    let n = 0;
    for (const line of cell.text.split('\n')) n += Math.max(1, wrappedLines(line, room));
    lines = Math.max(lines, n);
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/** Lines a text takes when wrapped at word boundaries into `room` characters. */
function wrappedLines(line: string, room: number): number {
  let count = 1;
  let used = 0;
  for (const word of line.split(/\s+/).filter((w) => w !== '')) {
    const length = [...word].length;
    if (used > 0 && used + 1 + length > room) {
      count += 1;
      used = 0;
    }
    used += (used > 0 ? 1 : 0) + length;
    while (used > room) {
      count += 1;
      used -= room;
    }
  }
  return count;
}

function sheetXml(sheet: Sheet, index: number, strings: SharedStrings): string {
  const columns = Math.max(sheet.widths.length, 1);
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" style="${STYLE_INDEX.text}" customWidth="1"/>`).join('');
  const rows = sheet.rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          if (!cell) return '';
          const style = STYLE_INDEX[cell.style];
          return cell.text === '' ? `<c r="${ref(r, c)}" s="${style}"/>` : `<c r="${ref(r, c)}" s="${style}" t="s"><v>${strings.add(cell.text)}</v></c>`;
        })
        .join('');
      const height = rowHeight(cells, r, sheet);
      return `<row r="${r + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>${xml}</row>`;
    })
    .join('');
  const merges = sheet.merges.map(([r, a, b]) => `<mergeCell ref="${ref(r, a)}:${ref(r, b)}"/>`).join('');
  const dimension = `A1:${columnName(columns - 1)}${Math.max(sheet.rows.length, 1)}`;
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(sheet)}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    (sheet.autoFilter ? `<autoFilter ref="${dimension}"/>` : '') +
    (merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>';
}

/** The workbook as .xlsx bytes. */
export function xlsxPackage(book: Workbook): Uint8Array {
  const strings = new SharedStrings();
  const sheets = book.sheets.map((s, i) => sheetXml(s, i, strings));
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  return zip(
    [
      { name: '[Content_Types].xml', data: utf8(contentTypes(book.sheets.length)) },
      { name: '_rels/.rels', data: utf8(packageRels()) },
      { name: 'docProps/core.xml', data: utf8(coreProperties(book)) },
      { name: 'docProps/app.xml', data: utf8(appProperties(book)) },
      { name: 'xl/workbook.xml', data: utf8(workbookXml(book)) },
      { name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRels(book.sheets.length)) },
      { name: 'xl/styles.xml', data: utf8(STYLES) },
      ...sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: utf8(xml) })),
      { name: 'xl/sharedStrings.xml', data: utf8(strings.xml()) },
    ],
    book.sourceDateEpoch,
  );
}
