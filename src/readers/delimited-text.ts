// Comma- or tab-separated text: splitting it into fields (with their positions) and telling whether
// a document is such a table. A leaf module: detection and the csv reader both use it.

export interface Field {
  text: string;
  line: number;
  column: number;
}

/** Splits delimited text into rows of fields, honouring double-quoted fields ("a, b", "say ""hi"""). */
export function parseDelimited(text: string, delimiter: ',' | '\t'): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = { line, column };
    let value = '';
    if (text[i] === '"') {
      i += 1;
      column += 1;
      while (i < n) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          column += 2;
        } else if (text[i] === '"') {
          i += 1;
          column += 1;
          break;
        } else {
          if (text[i] === '\n') {
            line += 1;
            column = 1;
          } else column += 1;
          value += text[i];
          i += 1;
        }
      }
      while (i < n && text[i] !== delimiter && text[i] !== '\n') {
        value += text[i];
        i += 1;
        column += 1;
      }
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n') {
        value += text[i];
        i += 1;
        column += 1;
      }
    }
    row.push({ text: value.replace(/\r$/, '').trim(), ...start });
    if (text[i] === delimiter) {
      i += 1;
      column += 1;
      continue;
    }
    // End of line (or of the text): the row is complete.
    if (row.some((f) => f.text !== '')) rows.push(row);
    row = [];
    i += 1;
    line += 1;
    column = 1;
  }
  return rows;
}

/**
 * The rows of this text as a table, if some delimiter makes it one: a header of three or more
 * short fields, and two or more rows with exactly as many fields. Sentences with commas rarely
 * agree line after line.
 */
export function delimitedTable(text: string): Field[][] | undefined {
  for (const delimiter of ['\t', ','] as const) {
    if (!text.includes(delimiter)) continue;
    const rows = parseDelimited(text, delimiter);
    const [header, ...body] = rows;
    if (!header || header.length < 3 || body.length < 2) continue;
    if (!header.every((f) => f.text.length <= 60)) continue;
    if (body.every((r) => r.length === header.length)) return rows;
  }
  return undefined;
}
