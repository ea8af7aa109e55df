// What a person types into a review form is shown as typed: every field filled with non-ASCII text
// and digits (none of them printed on the form), rendered by poppler from the field's own font.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fillForm, type FillValues } from './fill.js';
import { bytesOf, kitchenSink, render, run, squeeze, tempPdf, toolsMissing } from './support.js';

interface PdfjsField {
  type: string;
  exportValues?: string;
}

async function fieldKinds(bytes: Uint8Array): Promise<Array<{ name: string; widgets: PdfjsField[] }>> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const fields = ((await doc.getFieldObjects()) ?? {}) as unknown as Record<string, PdfjsField[]>;
  await doc.destroy();
  return Object.entries(fields).map(([name, widgets]) => ({ name, widgets: widgets.filter((w) => w.type) }));
}

/** What people type: names with accents, other scripts, dates and numbers, symbols. */
const SAMPLES = ['Renée Müller', '2025-03-01', 'Łukasz Żółć', 'Юлия Ωμέγα', 'Ça 0 № 5 € ½', 'Nguyễn Thị Đào', 'Ștefan Ţăran 9', '“OK” – 7 ✓'];

describe('PDF review forms keep what is typed', () => {
  it.skipIf(toolsMissing('pdftotext', 'pdftoppm', 'qpdf'))('every field kind, filled with non-ASCII text and digits, renders in poppler as typed', async () => {
    const result = await render([kitchenSink()]);
    const bytes = bytesOf(result, 'pdf/review/kitchen-sink--engineering--e3.pdf');
    const fields = await fieldKinds(bytes);
    const values: Required<FillValues> = { text: {}, checked: [], radio: {} };
    const typed: string[] = [];
    for (const f of fields) {
      const kind = f.widgets[0]?.type;
      if (kind === 'text') {
        const value = SAMPLES[typed.length % SAMPLES.length]!;
        values.text[f.name] = value;
        typed.push(value);
      } else if (kind === 'checkbox') values.checked.push(f.name);
      else if (kind === 'radiobutton') values.radio[f.name] = f.widgets[f.widgets.length - 1]!.exportValues!;
    }
    // Every kind of field is on the form and filled.
    expect(typed.length).toBeGreaterThanOrEqual(SAMPLES.length);
    expect(values.checked.length).toBeGreaterThan(0);
    expect(Object.keys(values.radio).length).toBeGreaterThan(0);

    const empty = tempPdf(bytes, 'empty.pdf');
    const filled = tempPdf(fillForm(bytes, values), 'filled.pdf');
    run('qpdf', ['--check', filled]);
    const text = squeeze(run('pdftotext', [filled, '-']));
    for (const value of typed) expect(text, value).toContain(squeeze(value));

    // Ticked boxes and chosen ratings change what page 1 shows (their "on" appearance is drawn).
    const onlyButtons = tempPdf(fillForm(bytes, { text: {}, checked: values.checked, radio: values.radio }), 'buttons.pdf');
    const page = (path: string): string => run('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', path]);
    expect(page(onlyButtons)).not.toBe(page(empty));
  });
});
