// Review forms are fillable: pdfjs-dist (Firefox's viewer) and qpdf list every field with its type;
// labels, rating scale and logo come from the options.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bytesOf, context, PDF_DEFAULTS, kitchenSink, render, run, squeeze, squeezedText, tempPdf, toolsMissing } from './support.js';

interface PdfjsField {
  type: string;
  exportValues?: string;
  multiline?: boolean;
  page?: number;
}

async function pdfjsFields(bytes: Uint8Array): Promise<Record<string, PdfjsField[]>> {
  // pdfjs transfers (detaches) the buffer it gets: give it a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const fields = ((await doc.getFieldObjects()) ?? {}) as unknown as Record<string, PdfjsField[]>;
  await doc.destroy();
  return fields;
}

interface QpdfField {
  fullname: string;
  fieldtype: string;
  fieldflags: number;
  alternativename: string;
  parent: string | null;
}

function qpdfFields(path: string): QpdfField[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=acroform', path])) as { acroform: { fields: QpdfField[] } };
  return json.acroform.fields;
}

/** A 2×2 red PNG, made here so the test needs no binary fixture. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

describe('PDF review forms', () => {
  it('one form per level with applicable expectations', async () => {
    const result = await render([kitchenSink()]);
    const forms = result.files.map((f) => f.path).filter((p) => p.startsWith('pdf/review/'));
    expect(forms).toEqual([
      'pdf/review/kitchen-sink--engineering--e1.pdf',
      'pdf/review/kitchen-sink--engineering--e2.pdf',
      'pdf/review/kitchen-sink--engineering--e3.pdf',
      'pdf/review/kitchen-sink--management--m1.pdf',
      'pdf/review/kitchen-sink--management--m2.pdf',
    ]);
  });

  it('pdfjs-dist lists every field with its type', async () => {
    const result = await render([kitchenSink()]);
    const fields = await pdfjsFields(bytesOf(result, 'pdf/review/kitchen-sink--engineering--e3.pdf'));
    const types = Object.fromEntries(Object.entries(fields).map(([name, widgets]) => [name, widgets.filter((w) => w.type).map((w) => w.type).join(',')]));
    expect(types).toEqual({
      person: 'text',
      reviewer: 'text',
      date: 'text',
      period: 'text',
      // The track's baseline ("expected at every level"): ticked, not rated.
      'baseline-1-values__statement-1': 'checkbox',
      'baseline-1-values__statement-2': 'checkbox',
      'code-quality__statement-1': 'checkbox',
      // The person's self-assessment beside the manager's rating; evidence beside the comments.
      'code-quality__self': 'radiobutton,radiobutton,radiobutton',
      'code-quality__rating': 'radiobutton,radiobutton,radiobutton',
      'code-quality__evidence': 'text',
      'code-quality__comment': 'text',
      'testing__statement-1': 'checkbox',
      'testing__statement-2': 'checkbox',
      'testing__self': 'radiobutton,radiobutton,radiobutton',
      'testing__rating': 'radiobutton,radiobutton,radiobutton',
      'testing__evidence': 'text',
      'testing__comment': 'text',
      'communication__statement-1': 'checkbox',
      'communication__self': 'radiobutton,radiobutton,radiobutton',
      'communication__rating': 'radiobutton,radiobutton,radiobutton',
      'communication__evidence': 'text',
      'communication__comment': 'text',
      // The end of the form: overall rating, promotion recommendation, summary, sign-off.
      overall__rating: 'radiobutton,radiobutton,radiobutton',
      promotion: 'radiobutton,radiobutton,radiobutton',
      summary: 'text',
      'signoff-employee__name': 'text',
      'signoff-employee__date': 'text',
      'signoff-manager__name': 'text',
      'signoff-manager__date': 'text',
    });
    expect(fields['code-quality__rating']!.filter((w) => w.type).map((w) => w.exportValues)).toEqual(['not-yet', 'meets', 'exceeds']);
    expect(fields['code-quality__comment']![0]!.multiline).toBe(true);
    expect(fields['summary']![0]!.multiline).toBe(true);
    expect(fields['code-quality__statement-1']![0]!.exportValues).toBe('Yes');
  });

  it.skipIf(toolsMissing('qpdf'))('qpdf --json sees the AcroForm fields: /Tx, /Btn (check and radio)', async () => {
    const result = await render([kitchenSink()]);
    const fields = qpdfFields(tempPdf(bytesOf(result, 'pdf/review/kitchen-sink--engineering--e2.pdf')));
    const byName = new Map(fields.map((f) => [f.fullname, f]));
    expect(byName.get('person')?.fieldtype).toBe('/Tx');
    expect(byName.get('person')?.alternativename).toBe('Person');
    expect(byName.get('code-quality__statement-2')?.fieldtype).toBe('/Btn');
    expect(byName.get('code-quality__statement-2')?.alternativename).toBe("Code Quality: Reviews others' code.");
    const radio = byName.get('code-quality__rating');
    expect(radio?.fieldtype).toBe('/Btn');
    expect((radio?.fieldflags ?? 0) & (1 << 15)).toBeTruthy();
    expect(byName.get('code-quality__comment')?.fieldtype).toBe('/Tx');
    expect((byName.get('code-quality__comment')?.fieldflags ?? 0) & (1 << 12)).toBeTruthy();
    expect(byName.get('summary')?.fieldtype).toBe('/Tx');
    // Field names are unique: a name appears more than once only for the widgets of one radio group.
    const counts = new Map<string, QpdfField[]>();
    for (const f of fields) counts.set(f.fullname, [...(counts.get(f.fullname) ?? []), f]);
    for (const [name, list] of counts) {
      if (list.length > 1) expect(list.every((f) => (f.fieldflags & (1 << 15)) !== 0 && f.parent === list[0]!.parent && f.parent !== null), name).toBe(true);
    }
  });

  it.skipIf(toolsMissing('pdftotext', 'qpdf'))('labels, rating scale and logo come from the options', async () => {
    const review = {
      ...PDF_DEFAULTS.review,
      ratings: ['Below', 'On track', 'Above', 'Far above'],
      promotion: ['Noch nicht', 'Bald', 'Jetzt'],
      signoff: ['Mitarbeiterin', 'Führungskraft'],
      labels: {
        person: 'Mitarbeiterin',
        reviewer: 'Beurteilt von',
        date: 'Datum',
        period: 'Zeitraum',
        rating: 'Bewertung',
        self: 'Selbsteinschätzung',
        evidence: 'Belege',
        comment: 'Anmerkungen',
        overall: 'Gesamtbewertung',
        promotion: 'Beförderungsempfehlung',
        summary: 'Gesamteindruck',
        signoff: 'Unterschriften',
        name: 'Vor- und Nachname',
        signature: 'Unterschrift',
      },
    };
    const result = await render([kitchenSink()], context({ review }, { logo: tinyPng() }));
    const bytes = bytesOf(result, 'pdf/review/kitchen-sink--engineering--e1.pdf');
    const path = tempPdf(bytes);
    run('qpdf', ['--check', path]);
    const text = squeezedText(path);
    for (const label of [...Object.values(review.labels), ...review.ratings, ...review.promotion, ...review.signoff]) expect(text).toContain(squeeze(label));
    const fields = await pdfjsFields(bytes);
    expect(fields['code-quality__rating']!.filter((w) => w.type).map((w) => w.exportValues)).toEqual(['below', 'on-track', 'above', 'far-above']);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype \/Image/);
    // The default labels are gone.
    for (const label of Object.values(PDF_DEFAULTS.review.labels)) expect(text).not.toContain(squeeze(label));
    expect(fields['promotion']!.filter((w) => w.type).map((w) => w.exportValues)).toEqual(['noch-nicht', 'bald', 'jetzt']);
    expect(Object.keys(fields).filter((n) => n.startsWith('signoff-'))).toEqual(['signoff-mitarbeiterin__name', 'signoff-mitarbeiterin__date', 'signoff-fuhrungskraft__name', 'signoff-fuhrungskraft__date']);
  });

  it.skipIf(toolsMissing('pdftotext'))('check boxes and rating circles are drawn, so a printed form can be ticked', async () => {
    const result = await render([kitchenSink()]);
    const bytes = bytesOf(result, 'pdf/review/kitchen-sink--engineering--e3.pdf');
    // Each checkbox and radio widget has its own appearance streams (on and off).
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/AP <<\n\/N <<\n\/Yes \d+ 0 R\n\/Off \d+ 0 R/);
    expect(raw).toMatch(/\/AP <<\n\/N <<\n\/not-yet \d+ 0 R\n\/Off \d+ 0 R/);
    // Every widget has an appearance, so viewers are not asked to make their own.
    const widgets = raw.split('endobj').filter((o) => o.includes('/Subtype /Widget'));
    expect(widgets.length).toBe(45);
    for (const w of widgets) expect(w).toContain('/AP <<');
    expect(raw).not.toContain('/NeedAppearances');
  });

  it.skipIf(toolsMissing('qpdf'))('a logo pdfkit cannot read is reported once and left out; the forms are still made', async () => {
    const review = { ...PDF_DEFAULTS.review, logo: 'brand/logo.gif' };
    const result = await render([kitchenSink()], context({ review }, { logo: new Uint8Array(Buffer.from('GIF89a not really')) }));
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'pdf-logo');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'brand/logo.gif' });
    const bytes = bytesOf(result, 'pdf/review/kitchen-sink--engineering--e1.pdf');
    run('qpdf', ['--check', tempPdf(bytes)]);
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it.skipIf(toolsMissing('pdftotext', 'qpdf'))('a long rating scale wraps onto more lines; an empty one leaves the rating out', async () => {
    const ratings = ['Not yet demonstrated', 'Partially demonstrated', 'Demonstrated most of the time', 'Consistently demonstrated', 'Role model for others', 'Beyond this level entirely'];
    const long = await render([kitchenSink()], context({ review: { ...PDF_DEFAULTS.review, ratings } }));
    const bytes = bytesOf(long, 'pdf/review/kitchen-sink--engineering--e3.pdf');
    const path = tempPdf(bytes);
    run('qpdf', ['--check', path]);
    const text = squeezedText(path);
    for (const r of ratings) expect(text).toContain(squeeze(r));
    expect((await pdfjsFields(bytes))['testing__rating']!.filter((w) => w.type)).toHaveLength(6);
    const none = await render([kitchenSink()], context({ review: { ...PDF_DEFAULTS.review, ratings: [] } }));
    const fields = await pdfjsFields(bytesOf(none, 'pdf/review/kitchen-sink--engineering--e3.pdf'));
    expect(Object.keys(fields).filter((n) => n.endsWith('__rating'))).toEqual([]);
  });
});
