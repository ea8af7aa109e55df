// A PDF as reviewable text: metadata, then each page's size, form fields and text (pdfjs-dist, the
// pinned Firefox viewer, so the summary is the same on every machine; no poppler needed).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

interface Annotation {
  subtype?: string;
  fieldType?: string;
  fieldName?: string;
}

export async function pdfSummary(bytes: Uint8Array): Promise<string> {
  // pdfjs transfers (detaches) the buffer it gets: give it a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const lines = [`pages: ${doc.numPages}`];
    for (const key of ['Title', 'Author', 'Subject', 'Creator', 'Producer', 'CreationDate', 'ModDate']) {
      if (info[key] !== undefined && info[key] !== '') lines.push(`${key}: ${String(info[key])}`);
    }
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as number[];
      lines.push('', `--- page ${n} (${(x1! - x0!).toFixed(2)} x ${(y1! - y0!).toFixed(2)} pt) ---`);
      const fields = ((await page.getAnnotations()) as Annotation[])
        .filter((a) => a.subtype === 'Widget')
        .map((a) => `${a.fieldName ?? '?'} (${a.fieldType ?? '?'})`);
      if (fields.length > 0) lines.push(`fields: ${fields.join(', ')}`);
      let text = '';
      for (const item of (await page.getTextContent()).items as TextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      lines.push(...text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== ''));
    }
    return `${lines.join('\n')}\n`;
  } finally {
    await doc.destroy();
  }
}
