// AcroForm fields with their own appearance streams. pdfkit's form helpers give checkboxes and
// radio buttons no appearance (viewers then guess, some draw nothing) and cannot tie a widget to
// the structure tree, so the dictionaries are built here and placed with doc.annotate().

import type { PdfDoc, StructElement } from './document.js';
import { includeFieldRepertoire, type SubsetFont } from './fonts.js';

type Ref = PDFKit.PDFKitReference;

/** Field flags (PDF 1.7, table 226/228). */
const MULTILINE = 1 << 12;
const NO_TOGGLE_TO_OFF = 1 << 14;
const RADIO = 1 << 15;

/** Border colour of widgets on screen (RGB 0–1); the printed boxes are drawn separately. */
const BORDER = [0.45, 0.5, 0.56];
/** Colour of ticks and radio dots, as PDF operands. */
const MARK = '0.114 0.361 0.529';

function circlePath(cx: number, cy: number, r: number): string {
  const k = r * 0.5523;
  const f = (n: number): string => n.toFixed(3);
  return [
    `${f(cx + r)} ${f(cy)} m`,
    `${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} c`,
    `${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} c`,
    `${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} c`,
    `${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} c`,
  ].join('\n');
}

export class FormFields {
  readonly #pdf: PdfDoc;
  readonly #appearances = new Map<string, Ref>();
  readonly #fontId: string;
  readonly names = new Set<string>();

  constructor(pdf: PdfDoc) {
    this.#pdf = pdf;
    pdf.doc.font('regular');
    pdf.resetStyle();
    pdf.doc.initForm();
    const font = pdf.internals._font;
    if (!font) throw new Error('pdfkit did not load the font');
    this.#fontId = font.id;
    // The fields' font (in the form's /DR) is the regular face, with every glyph a person may type.
    includeFieldRepertoire(font as unknown as SubsetFont);
    // Every widget here carries its own appearance, so viewers need not regenerate them (pdfkit
    // asks them to; poppler then redraws check boxes with a ZapfDingbats tick it may not have,
    // and Acrobat asks to save an unchanged file).
    const form = pdf.internals._root.data.AcroForm;
    if (form) delete (form.data as { NeedAppearances?: boolean }).NeedAppearances;
  }

  #fields(): Ref[] {
    const form = this.#pdf.internals._root.data.AcroForm;
    if (!form) throw new Error('initForm() was not called');
    return form.data.Fields;
  }

  #claim(name: string): string {
    if (this.names.has(name)) throw new Error(`duplicate form field name "${name}"`);
    this.names.add(name);
    return name;
  }

  /** A form XObject, shared by every widget of the same kind and size. */
  #appearance(key: string, size: number, content: string, height = size): Ref {
    const k = `${key}|${size}|${height}`;
    let ref = this.#appearances.get(k);
    if (!ref) {
      ref = this.#pdf.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, size, height], Resources: {} });
      ref.write(content);
      ref.end(undefined);
      this.#appearances.set(k, ref);
    }
    return ref;
  }

  /** Places a widget, tied to a Form element of the structure tree; returns its reference. */
  #widget(parent: StructElement, x: number, y: number, w: number, h: number, dict: Record<string, unknown>): Ref {
    const el = this.#pdf.struct(parent, 'Form');
    // annotate() copies every key into the annotation dictionary; @types/pdfkit lists only a few,
    // and structParent (read by pdfkit) ties the widget to `el` through the parent tree.
    this.#pdf.doc.annotate(x, y, w, h, { Subtype: 'Widget', F: 4, ...dict, structParent: el } as PDFKit.Mixins.AnnotationOption);
    // Ending the element now records the widget on this page (pdfkit uses the current page).
    el.end();
    const annotations = this.#pdf.internals.page.annotations;
    const ref = annotations[annotations.length - 1];
    if (!ref) throw new Error('pdfkit did not add the widget');
    return ref;
  }

  text(parent: StructElement, name: string, tooltip: string, x: number, y: number, w: number, h: number, multiline = false): void {
    const ref = this.#widget(parent, x, y, w, h, {
      FT: 'Tx',
      T: new String(this.#claim(name)),
      TU: new String(tooltip),
      DA: new String(`/${this.#fontId} ${multiline ? 9 : 10} Tf 0 g`),
      ...(multiline ? { Ff: MULTILINE } : {}),
      MK: { BC: BORDER },
      // An empty field's appearance: nothing, marked as the place for variable text.
      AP: { N: this.#appearance('text', w, '/Tx BMC EMC', h) },
    });
    this.#fields().push(ref);
  }

  checkbox(parent: StructElement, name: string, tooltip: string, x: number, y: number, size: number): void {
    const s = size;
    const on = this.#appearance('check', s, `q ${MARK} RG ${(s * 0.14).toFixed(2)} w 1 J 1 j ${(s * 0.2).toFixed(2)} ${(s * 0.52).toFixed(2)} m ${(s * 0.42).toFixed(2)} ${(s * 0.26).toFixed(2)} l ${(s * 0.82).toFixed(2)} ${(s * 0.8).toFixed(2)} l S Q`);
    const off = this.#appearance('empty', s, '% unchecked');
    const ref = this.#widget(parent, x, y, s, s, {
      FT: 'Btn',
      T: new String(this.#claim(name)),
      TU: new String(tooltip),
      V: 'Off',
      AS: 'Off',
      MK: { BC: BORDER },
      AP: { N: { Yes: on, Off: off }, D: { Yes: on, Off: off } },
    });
    this.#fields().push(ref);
  }

  /** A radio group: one field, one widget per option; `options[i].value` is a PDF name (slug). */
  radioGroup(parent: StructElement, name: string, tooltip: string, options: ReadonlyArray<{ value: string; label: string; x: number; y: number }>, size: number): void {
    const group = this.#pdf.doc.ref({ FT: 'Btn', Ff: RADIO | NO_TOGGLE_TO_OFF, T: new String(this.#claim(name)), TU: new String(tooltip), V: 'Off', Kids: [] as Ref[] });
    this.#fields().push(group);
    const on = this.#appearance('dot', size, `q ${MARK} rg ${circlePath(size / 2, size / 2, size * 0.27)} f Q`);
    const off = this.#appearance('empty', size, '% unchecked');
    for (const o of options) {
      const kid = this.#widget(parent, o.x, o.y, size, size, {
        Parent: group,
        TU: new String(`${tooltip}: ${o.label}`),
        AS: 'Off',
        MK: { BC: BORDER },
        AP: { N: { [o.value]: on, Off: off }, D: { [o.value]: on, Off: off } },
      });
      // The group is written when the form ends (pdfkit ends every field that has Kids).
      (group.data as unknown as { Kids: Ref[] }).Kids.push(kid);
    }
  }
}
