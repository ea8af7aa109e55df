import { describe, expect, it } from 'vitest';
import { createTemplateEngine, TemplateError } from '../../src/writers/template.js';

const set = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, text]) => [k, { path: `templates/x/${k}`, text }]));

describe('template engine', () => {
  it('escapes with the format escape, in bare and helper mustaches and partials', () => {
    const engine = createTemplateEngine(
      set({ 'a.hbs': '{{x}} {{upper x}} {{{x}}} {{> p}}', 'partials/p.hbs': '[{{x}}]' }),
      { escape: (s) => s.replace(/\|/g, '\\|'), helpers: { upper: (s: string) => s.toUpperCase() } },
    );
    expect(engine.render('a.hbs', { x: 'a|b' })).toBe('a\\|b A\\|B a|b [a\\|b]');
  });
  it('uses HTML escaping by default', () => {
    const engine = createTemplateEngine(set({ 'a.hbs': '{{x}}' }));
    expect(engine.render('a.hbs', { x: '<b>' })).toBe('&lt;b&gt;');
  });
  it('reports a missing variable with the template file and line', () => {
    const engine = createTemplateEngine(set({ 'a.hbs': 'ok\n{{#if y}}{{y}}{{/if}}\n  {{missing}}' }), { escape: (s) => s });
    try {
      engine.render('a.hbs', {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const d = (error as TemplateError).diagnostic;
      expect(d.file).toBe('templates/x/a.hbs');
      expect(d.line).toBe(3);
      expect(d.message).toContain('"missing" not defined');
    }
  });
  it('reports a missing variable under HTML escaping too', () => {
    const engine = createTemplateEngine(set({ 'a.hbs': '{{nope}}' }));
    expect(() => engine.render('a.hbs', {})).toThrow(TemplateError);
  });
  it('reports a parse error with its line', () => {
    const engine = createTemplateEngine(set({ 'a.hbs': 'a\n{{#if}}' }));
    expect(() => engine.render('a.hbs', {})).toThrow(/template error/);
  });
});
