// Reads the flat ODS files LibreOffice writes (soffice --convert-to fods): every sheet by name,
// rows of cells with their text, value type and whether they hold a formula. Repeats are expanded,
// trailing empty cells and the padding of empty rows at the end of a sheet dropped; empty rows in
// between are kept.

export interface FodsCell {
  text: string;
  /** office:value-type: "string", "float", "date", "percentage", … ("" for an empty cell). */
  type: string;
  formula: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

function paragraphText(xml: string): string {
  const inner = xml
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
    .replace(/<text:tab\s*\/>/g, '\t')
    .replace(/<text:line-break\s*\/>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeXml(inner);
}

function readTable(table: string): FodsCell[][] {
  const rows: FodsCell[][] = [];
  for (const row of table.matchAll(/<table:table-row\b([^>]*)>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: FodsCell[] = [];
    for (const cell of row[2]!.matchAll(/<table:(?:covered-)?table-cell\b((?:[^>/]|\/(?!>))*)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const attrs = cell[1] ?? '';
      const paragraphs = [...(cell[2] ?? '').matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>|<text:p\b[^>]*\/>/g)].map((p) => paragraphText(p[1] ?? ''));
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      const value: FodsCell = {
        text: paragraphs.join('\n'),
        type: /office:value-type="([^"]+)"/.exec(attrs)?.[1] ?? '',
        formula: /table:formula=/.test(attrs),
      };
      for (let i = 0; i < Math.min(repeat, 1024); i += 1) cells.push(value);
    }
    while (cells.length && cells[cells.length - 1]!.text === '' && !cells[cells.length - 1]!.formula) cells.pop();
    const repeatRows = Number(/table:number-rows-repeated="(\d+)"/.exec(row[1] ?? '')?.[1] ?? 1);
    for (let i = 0; i < Math.min(repeatRows, 1024); i += 1) rows.push(cells);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** Every sheet of a flat ODS document, in order. */
export function readFodsSheets(xml: string): Array<{ name: string; rows: FodsCell[][] }> {
  return [...xml.matchAll(/<table:table table:name="([^"]*)"[\s\S]*?<\/table:table>/g)].map((m) => ({ name: decodeXml(m[1]!), rows: readTable(m[0]) }));
}
