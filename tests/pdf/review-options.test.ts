// The review form's parts are set by the `review` options: self-assessment, evidence, overall
// rating, promotion recommendation and sign-off are on by default and each can be left out; every
// field's accessible name says which competency (or signer) it belongs to.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseConfig } from '../../src/pipeline/config.js';
import { bytesOf, context, kitchenSink, PDF_DEFAULTS, render, run, squeeze, squeezedText, tempPdf, toolsMissing } from './support.js';

const FORM = 'pdf/review/kitchen-sink--engineering--e3.pdf';

async function fieldNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const fields = (await doc.getFieldObjects()) ?? {};
  await doc.destroy();
  return Object.keys(fields);
}

describe('PDF review form options', () => {
  it('by default: self-assessment beside the rating, evidence beside the comments, overall rating, promotion, sign-off', async () => {
    const bytes = bytesOf(await render([kitchenSink()]), FORM);
    const names = await fieldNames(bytes);
    for (const n of ['testing__self', 'testing__rating', 'testing__evidence', 'testing__comment', 'overall__rating', 'promotion', 'summary', 'signoff-employee__name', 'signoff-manager__date']) expect(names).toContain(n);
    if (toolsMissing('pdftotext')) return;
    const text = squeezedText(tempPdf(bytes));
    for (const label of ['Self-assessment', "Manager's rating", 'Evidence', 'Overall rating', 'Promotion recommendation', 'Ready now', 'Sign-off', 'Employee', 'Signature']) expect(text).toContain(squeeze(label));
  });

  it('each part can be left out', async () => {
    const review = { ...PDF_DEFAULTS.review, selfAssessment: false, evidence: false, overall: false, promotion: [], signoff: [] };
    const bytes = bytesOf(await render([kitchenSink()], context({ review })), FORM);
    const names = await fieldNames(bytes);
    expect(names.filter((n) => /__self$|__evidence$|^overall|^promotion|^signoff/.test(n))).toEqual([]);
    expect(names).toContain('testing__rating');
    expect(names).toContain('testing__comment');
    expect(names).toContain('summary');
    if (toolsMissing('pdftotext')) return;
    const text = squeezedText(tempPdf(bytes));
    for (const label of ['Self-assessment', 'Evidence', 'Overall rating', 'Promotion recommendation', 'Sign-off', 'Signature']) expect(text).not.toContain(squeeze(label));
    // Without a self-assessment the manager's rating sits on its own row, label first.
    expect(text).toContain(squeeze("Manager's rating Not yet Meets Exceeds"));
  });

  it.skipIf(toolsMissing('qpdf'))('every field has its own accessible name: comments and evidence are named after their competency', async () => {
    const path = tempPdf(bytesOf(await render([kitchenSink()]), FORM));
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=acroform', path])) as { acroform: { fields: Array<{ fullname: string; alternativename: string; fieldtype: string; parent: string | null }> } };
    // Radio widgets share their group's name; the fields themselves are the groups and the others.
    const byField = new Map(json.acroform.fields.map((f) => [f.fullname, f.alternativename]));
    expect(byField.get('testing__comment')).toBe('Testing: Comments');
    expect(byField.get('code-quality__comment')).toBe('Code Quality: Comments');
    expect(byField.get('testing__evidence')).toBe('Testing: Evidence');
    expect(byField.get('signoff-manager__name')).toBe('Manager: Name');
    const names = [...byField.values()];
    expect(new Set(names).size).toBe(names.length);
  });

  it('the config validates the new review fields and names what is wrong', () => {
    const ok = parseConfig(JSON.stringify({ review: { selfAssessment: false, evidence: true, overall: false, promotion: [], signoff: ['Employee'], labels: { signature: 'Unterschrift', self: 'Selbst' } } }));
    expect(ok.errors).toEqual([]);
    const bad = parseConfig(JSON.stringify({ review: { selfAssessment: 'yes', promotion: [''], signoff: 'Manager', labels: { sign: 'x' } } }));
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        'review.selfAssessment: must be true or false',
        'review.promotion: must be a list of non-empty strings',
        'review.signoff: must be a list of non-empty strings',
        expect.stringContaining('review.labels.sign: unknown label'),
      ]),
    );
  });
});
