// Fills a review form the way a form filler (pypdf, pdf-lib) does when it leaves drawing to the
// viewer: an incremental update that sets each field's /V (and a box's /AS) and removes a filled
// text field's stale appearance. Poppler then draws the typed text with the field's own font (its
// /DA and the form's /DR), the same code that draws what a person types in Evince or Okular. Works on the PDFs this writer makes: classic xref table, no object streams.

interface PdfObject {
  num: number;
  body: string;
}

/** Objects by number (the last definition wins, as for a reader). */
function objects(pdf: string): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  for (const m of pdf.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) out.set(Number(m[1]), { num: Number(m[1]), body: m[2]! });
  return out;
}

/** A PDF text string (UTF-16BE with BOM, as hex). */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The field's /T, decoded (pdfkit writes literal strings, or UTF-16 hex for non-ASCII). */
function fieldName(body: string): string | undefined {
  const hex = /\/T <FEFF([0-9A-Fa-f]*)>/.exec(body);
  if (hex) return Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le');
  const lit = /\/T \(((?:\\.|[^\\)])*)\)/.exec(body);
  return lit ? lit[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** Without the dictionary's top-level entry `key` (a simple value or a name). */
function withoutKey(body: string, key: string): string {
  return body.replace(new RegExp(`\\n?/${key} (/[^\\s/<>\\[\\]()]+|\\([^)]*\\)|<[0-9A-Fa-f]*>)`), '');
}

function setEntries(body: string, entries: Record<string, string>): string {
  let b = body;
  for (const k of Object.keys(entries)) b = withoutKey(b, k);
  const end = b.lastIndexOf('>>');
  return `${b.slice(0, end)}${Object.entries(entries).map(([k, v]) => `/${k} ${v}\n`).join('')}${b.slice(end)}`;
}

export interface FillValues {
  /** Text fields: name → typed text. */
  text: Record<string, string>;
  /** Check boxes to tick, by name. */
  checked?: string[];
  /** Radio groups: name → export value of the chosen option. */
  radio?: Record<string, string>;
}

/** The form with the values filled in, appended as an incremental update. */
export function fillForm(bytes: Uint8Array, values: FillValues): Uint8Array {
  const pdf = Buffer.from(bytes).toString('latin1');
  const objs = objects(pdf);
  const changed = new Map<number, string>();
  const seen = new Set<string>();
  for (const o of objs.values()) {
    const name = fieldName(o.body);
    if (name === undefined) continue;
    if (values.text[name] !== undefined) {
      // The empty field's appearance goes: a viewer draws a field without one from /V and /DA.
      changed.set(o.num, setEntries(o.body.replace(/\n?\/AP <<[^<>]*>>/, ''), { V: textString(values.text[name]) }));
      seen.add(name);
    } else if (values.checked?.includes(name)) {
      changed.set(o.num, setEntries(o.body, { V: '/Yes', AS: '/Yes' }));
      seen.add(name);
    } else if (values.radio?.[name] !== undefined) {
      const value = values.radio[name];
      changed.set(o.num, setEntries(o.body, { V: `/${value}` }));
      // The kid whose appearance has that state is switched on.
      for (const kid of o.body.matchAll(/(\d+) 0 R/g)) {
        const k = objs.get(Number(kid[1]));
        if (k && k.body.includes('/Subtype /Widget') && k.body.includes(`/${value} `)) changed.set(k.num, setEntries(k.body, { AS: `/${value}` }));
      }
      seen.add(name);
    }
  }
  const wanted = [...Object.keys(values.text), ...(values.checked ?? []), ...Object.keys(values.radio ?? {})];
  const missing = wanted.filter((n) => !seen.has(n));
  if (missing.length > 0) throw new Error(`no such fields: ${missing.join(', ')}`);

  const trailer = pdf.slice(pdf.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ 0 R)/.exec(trailer)?.[1];
  const info = /\/Info (\d+ 0 R)/.exec(trailer)?.[1];
  const id = /\/ID \[[^\]]*\]/.exec(trailer)?.[0];
  const prev = Number(/startxref\s+(\d+)/.exec(pdf.slice(pdf.lastIndexOf('startxref')))?.[1]);
  let out = pdf.endsWith('\n') ? pdf : `${pdf}\n`;
  const offsets: Array<[number, number]> = [];
  for (const [num, body] of [...changed].sort((a, b) => a[0] - b[0])) {
    offsets.push([num, Buffer.byteLength(out, 'latin1')]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += 'xref\n';
  for (const [num, offset] of offsets) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<<\n/Size ${size}\n/Root ${root}\n${info ? `/Info ${info}\n` : ''}${id ?? ''}\n/Prev ${prev}\n>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
