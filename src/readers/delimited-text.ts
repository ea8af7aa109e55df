// Comma- or tab-separated text: splitting it into fields (with their positions) and telling whether
// a document is such a table. A leaf module: detection and the csv reader both use it.

export interface Field {
  text: string;
  line: number;
  column: number;
}

/**
 * Splits delimited text into rows of fields, honouring double-quoted fields ("a, b", "say ""hi""").
 * Fields are sliced from the text, never built a character at a time.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t'): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let line = 1;
  // Offset of the current line's first character: column = offset − lineStart + 1.
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  /** Index of the first delimiter or newline at or after `from` (n if none). */
  const fieldEnd = (from: number): number => {
    let j = from;
    while (j < n && text[j] !== delimiter && text[j] !== '\n') j += 1;
    return j;
  };
  while (i < n) {
    const start = { line, column: i - lineStart + 1 };
    let value: string;
    if (text[i] === '"') {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        const close = quote === -1 ? n : quote;
        const part = text.slice(from, close);
        // Newlines inside quotes: the line count goes on, columns restart after the last one.
        for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) {
          line += 1;
          lineStart = from + k + 1;
        }
        parts.push(part);
        if (quote === -1) {
          i = n;
          break;
        }
        if (text[quote + 1] === '"') {
          parts.push('"');
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Text after the closing quote up to the delimiter belongs to the field ("a"b → ab).
      const end = fieldEnd(i);
      parts.push(text.slice(i, end));
      i = end;
      value = parts.join('');
    } else {
      const end = fieldEnd(i);
      value = text.slice(i, end);
      i = end;
    }
    row.push({ text: value.replace(/\r$/, '').trim(), ...start });
    if (text[i] === delimiter) {
      i += 1;
      continue;
    }
    // End of line (or of the text): the row is complete.
    if (row.some((f) => f.text !== '')) rows.push(row);
    row = [];
    i += 1;
    line += 1;
    lineStart = i;
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
