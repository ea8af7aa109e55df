// Templates receive plain data only, and a user's template cannot reach past it: no prototype,
// constructor or function is visible to `{{…}}`.
import { describe, expect, it } from 'vitest';
import { assertPlainData, createTemplateEngine } from '../../src/writers/template.js';

const engine = (text: string) => createTemplateEngine({ 't.hbs': { path: 'my-templates/t.hbs', text } });

describe('template data', () => {
  it('plain data passes; functions, class instances, getters and Dates are refused', () => {
    expect(() => assertPlainData({ a: [1, 'x', { b: null, c: true }], d: Object.create(null) }, 't')).not.toThrow();
    expect(() => assertPlainData({ f: () => 1 }, 't')).toThrow(/plain data only/);
    expect(() => assertPlainData({ d: new Date(0) }, 't')).toThrow(/Date/);
    expect(() => assertPlainData({ m: new Map() }, 't')).toThrow(/Map/);
    expect(() => assertPlainData(Object.defineProperty({}, 'g', { get: () => 1, enumerable: true }), 't')).toThrow(/getter "g"/);
    expect(() => engine('{{x}}').render('t.hbs', { x: new (class Thing {})() })).toThrow(/Thing/);
  });

  it('a template cannot reach a prototype or constructor', () => {
    const data = { title: 'T', list: ['a'] };
    for (const text of ['{{title.constructor}}', '{{lookup title "constructor"}}', '{{list.__proto__}}', '{{#with title}}{{constructor.name}}{{/with}}', '{{lookup (lookup this "constructor") "name"}}']) {
      let out = '';
      try {
        out = engine(text).render('t.hbs', data);
      } catch {
        out = ''; // strict mode: a missing property is an error naming the template line
      }
      expect(out, text).not.toMatch(/function|Object|String|Array|native code/);
    }
  });
});
