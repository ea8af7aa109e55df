// Every PDF passes qpdf --check, is tagged, carries its metadata, embeds DejaVu (and no standard-14
// font), and uses the paper asked for.
import { describe, expect, it } from 'vitest';
import { bytesOf, context, kitchenSink, render, run, seedLadders, tempPdf, toolsMissing } from './support.js';

function info(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', [path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

describe.skipIf(toolsMissing('qpdf', 'pdfinfo', 'pdffonts'))('PDF validity', () => {
  it('every track PDF and review form of the kitchen sink and the seeds passes qpdf, pdfinfo and pdffonts', async () => {
    const result = await render([kitchenSink(), ...seedLadders()]);
    expect(result.files.length).toBeGreaterThan(5);
    for (const file of result.files) {
      const path = tempPdf(bytesOf(result, file.path), file.path);
      // qpdf exits non-zero on errors (2) and warnings (3).
      run('qpdf', ['--check', path]);
      const i = info(path);
      expect(i.Tagged, file.path).toBe('yes');
      expect(i.Creator).toBe('ladderc 0.1.0');
      expect(i.Title).not.toBe('');
      expect(i.Subject).not.toBe('');
      expect(i.Keywords).not.toBe('');
      expect(i['PDF version']).toBe('1.7');
      expect(i['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)|^841\.8\d* x 595\.2\d* pts/);
      const fonts = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(fonts.length, file.path).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f, file.path).toMatch(/^[A-Z]{6}\+DejaVuSansCondensed(-Bold)?\s/);
        expect(f).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
      }
    }
  }, 60_000);

  it('the title, subject and creator describe the document; the window shows the title', async () => {
    const result = await render([kitchenSink()]);
    const i = info(tempPdf(bytesOf(result, 'pdf/kitchen-sink--engineering.pdf')));
    expect(i.Title).toBe('Kitchen Sink Ladder — ünïcödé → “quotes”: Engineering');
    expect(i.Keywords).toContain('Senior Engineer (E3)');
    const bytes = bytesOf(result, 'pdf/kitchen-sink--engineering.pdf');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/Lang \(en\)/);
  });

  it('prints on US Letter when asked, portrait and landscape pages alike', async () => {
    const result = await render([kitchenSink()], context({ paper: 'letter' }));
    for (const name of ['pdf/kitchen-sink--engineering.pdf', 'pdf/review/kitchen-sink--engineering--e3.pdf']) {
      const path = tempPdf(bytesOf(result, name));
      run('qpdf', ['--check', path]);
      const pages = run('pdfinfo', ['-f', '1', '-l', '99', path])
        .split('\n')
        .filter((l) => /^Page\s+\d+ size:/.test(l));
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) expect(p).toMatch(/(612 x 792|792 x 612) pts/);
    }
    const pages = run('pdfinfo', ['-f', '1', '-l', '3', tempPdf(bytesOf(result, 'pdf/kitchen-sink--engineering.pdf'))]);
    expect(pages).toMatch(/Page\s+1 size:\s+612 x 792 pts \(letter\)/);
    expect(pages).toMatch(/Page\s+2 size:\s+792 x 612 pts/);
  });

  it('headings, tables, links and form fields are in the structure tree; decoration is not', async () => {
    const result = await render([kitchenSink()]);
    const track = run('pdfinfo', ['-struct-text', tempPdf(bytesOf(result, 'pdf/kitchen-sink--engineering.pdf'))]);
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'H4', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'LBody', 'Link', 'P']) expect(track).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(track).toContain('"Engineering "');
    expect(track).toContain('/Scope /Column');
    // The repeated footer is an artifact: the ladder title appears once (on the cover), not per page.
    expect(track.split('Kitchen Sink Ladder').length - 1).toBe(1);
    const form = run('pdfinfo', ['-struct-text', tempPdf(bytesOf(result, 'pdf/review/kitchen-sink--engineering--e3.pdf'))]);
    // 4 who/when fields; 2 baseline statements; per competency: its statements, 3 self-assessment
    // and 3 rating buttons, evidence and comment; 3 overall and 3 promotion buttons, the summary,
    // name and date of 2 signers.
    expect(form.match(/^\s*Form\b/gm)?.length).toBe(4 + 2 + (1 + 6 + 2) + (2 + 6 + 2) + (1 + 6 + 2) + 3 + 3 + 1 + 4);
  });
});
