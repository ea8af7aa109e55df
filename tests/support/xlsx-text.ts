// A workbook as reviewable text, read back by exceljs (an independent reader, not ladderc's own
// code): document properties, then per sheet its frozen pane, autofilter, column widths, merged
// ranges and every non-empty cell as `A1 type style "text"` (the text JSON-quoted, so line breaks
// and odd characters show).
import ExcelJS from 'exceljs';

const TYPE_NAMES: Record<number, string> = {
  [ExcelJS.ValueType.Null]: 'null',
  [ExcelJS.ValueType.Merge]: 'merge',
  [ExcelJS.ValueType.Number]: 'number',
  [ExcelJS.ValueType.String]: 'string',
  [ExcelJS.ValueType.Date]: 'date',
  [ExcelJS.ValueType.Hyperlink]: 'hyperlink',
  [ExcelJS.ValueType.Formula]: 'formula',
  [ExcelJS.ValueType.SharedString]: 'shared-string',
  [ExcelJS.ValueType.RichText]: 'rich-text',
  [ExcelJS.ValueType.Boolean]: 'boolean',
  [ExcelJS.ValueType.Error]: 'error',
};

export interface XlsxCell {
  address: string;
  row: number;
  column: number;
  type: string;
  text: string;
  bold: boolean;
  wrap: boolean;
  numFmt: string;
}

export interface XlsxSheet {
  name: string;
  frozen: { rows: number; columns: number } | null;
  autoFilter: string | null;
  widths: number[];
  merges: string[];
  cells: XlsxCell[];
}

export interface XlsxBook {
  properties: Record<string, string>;
  sheets: XlsxSheet[];
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxBook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const properties: Record<string, string> = {};
  const date = (d: Date | undefined) => (d ? d.toISOString() : '');
  for (const [key, value] of [
    ['title', workbook.title],
    ['description', workbook.description],
    ['creator', workbook.creator],
    ['lastModifiedBy', workbook.lastModifiedBy],
    ['created', date(workbook.created)],
    ['modified', date(workbook.modified)],
  ] as const) {
    if (value) properties[key] = value;
  }
  const sheets: XlsxSheet[] = [];
  workbook.eachSheet((ws) => {
    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const cells: XlsxCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        cells.push({
          address: cell.address,
          row: r,
          column: c,
          type: TYPE_NAMES[cell.type] ?? String(cell.type),
          text: cell.type === ExcelJS.ValueType.String ? String(cell.value) : cell.text,
          bold: cell.font?.bold === true,
          wrap: cell.alignment?.wrapText === true,
          numFmt: cell.numFmt ?? '',
        });
      });
    });
    const filter = ws.autoFilter as string | { from: string; to: string } | undefined;
    sheets.push({
      name: ws.name,
      frozen: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null,
      autoFilter: typeof filter === 'string' ? filter : filter ? `${filter.from}:${filter.to}` : null,
      widths: ws.columns?.map((c) => c.width ?? 0) ?? [],
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      cells,
    });
  });
  return { properties, sheets };
}

export async function xlsxSummary(bytes: Uint8Array): Promise<string> {
  const book = await readXlsx(bytes);
  const lines = Object.entries(book.properties).map(([k, v]) => `${k}: ${v}`);
  for (const sheet of book.sheets) {
    lines.push('', `--- sheet ${JSON.stringify(sheet.name)} ---`);
    lines.push(`frozen: ${sheet.frozen ? `${sheet.frozen.rows} row(s), ${sheet.frozen.columns} column(s)` : 'no'}`);
    lines.push(`autofilter: ${sheet.autoFilter ?? 'none'}`);
    lines.push(`widths: ${sheet.widths.join(' ')}`);
    if (sheet.merges.length) lines.push(`merged: ${sheet.merges.join(' ')}`);
    for (const c of sheet.cells) {
      const style = [c.bold ? 'bold' : '', c.wrap ? 'wrap' : '', c.numFmt === '@' ? 'text-format' : c.numFmt].filter(Boolean).join(',');
      lines.push(`${c.address} ${c.type} ${style} ${JSON.stringify(c.text)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
