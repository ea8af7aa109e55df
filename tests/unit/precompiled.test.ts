// The default templates ship compiled (scripts/precompile-templates.mjs → dist/templates.precompiled.json):
// the engine runs a spec when the host attaches one, the specs are what the engine would compile,
// and every writer's output is the same with them and without them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplateSet, precompiledTemplates } from '../../src/host/io.js';
import { linkLadders } from '../../src/pipeline/link.js';
import { readSource } from '../../src/readers/index.js';
import { OUTPUT_FORMATS, writerFor } from '../../src/writers/index.js';
import { createTemplateEngine, precompileTemplate, TemplateError } from '../../src/writers/template.js';
import type { TemplateFile } from '../../src/writers/types.js';
import { writeAll, writerContext } from '../support/writer-context.js';

const file = (text: string): TemplateFile => ({ path: 'templates/x/a.hbs', text });

describe('a precompiled template', () => {
  it('is what the engine runs when the template carries one (in its escaping)', () => {
    const a = { ...file('from the text {{x}}'), precompiled: { plain: precompileTemplate(file('from the spec {{x}}'), false), escaped: precompileTemplate(file('escaped spec {{x}}'), true) } };
    expect(createTemplateEngine({ 'a.hbs': a }).render('a.hbs', { x: '<b>' })).toBe('from the spec &lt;b&gt;');
    expect(createTemplateEngine({ 'a.hbs': a }, { escape: (s) => s.replace(/\|/g, '\\|') }).render('a.hbs', { x: 'a|b' })).toBe('escaped spec a\\|b');
  });

  it('keeps strict variables and the line of a missing one', () => {
    const text = 'ok\n  {{missing}}';
    const a = { ...file(text), precompiled: { escaped: precompileTemplate(file(text), true) } };
    try {
      createTemplateEngine({ 'a.hbs': a }, { escape: (s) => s }).render('a.hbs', {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).diagnostic.line).toBe(2);
      expect((error as TemplateError).diagnostic.message).toContain('"missing" not defined');
    }
  });

  it('ships for every default template, matching its text (run `make` after editing templates/)', () => {
    const shipped = precompiledTemplates();
    for (const format of OUTPUT_FORMATS) {
      for (const [name, t] of Object.entries(loadTemplateSet(writerFor(format)?.templateFolder ?? format))) {
        if (!name.endsWith('.hbs')) continue;
        expect(t.precompiled, `${t.path} has no precompiled spec: dist/templates.precompiled.json is stale`).toBeDefined();
        expect(t.precompiled!.plain).toBe(precompileTemplate(t, false));
        expect(t.precompiled!.escaped).toBe(precompileTemplate(t, true));
      }
    }
    expect(Object.keys(shipped).length).toBeGreaterThan(10);
  });

  it("is never attached to a user's template, even one whose text is a default's", () => {
    const defaults = loadTemplateSet('markdown');
    const user = loadTemplateSet('markdown', 'templates', process.cwd());
    expect(defaults['ladder.hbs']!.precompiled).toBeDefined();
    expect(user['ladder.hbs']!.precompiled).toBeUndefined();
  });

  it('gives every writer the same bytes as compiling at run time, on the five sources', async () => {
    const sources = ['all-the-levels.txt', 'operations-and-management-titles.txt', 'sre-skills-matrix.txt', 'technical-and-professional-roles.txt', 'titles-for-ops.txt'];
    const ladders = linkLadders(sources.map((s) => readSource(new Uint8Array(readFileSync(`sources/${s}`)), `sources/${s}`, {}).ladder!)).ladders;
    for (const format of OUTPUT_FORMATS) {
      const templates = loadTemplateSet(writerFor(format)?.templateFolder ?? format);
      const bare = Object.fromEntries(Object.entries(templates).map(([k, { path, text }]) => [k, { path, text }]));
      const ahead = await writeAll(format, ladders, writerContext(format, {}, templates));
      const atRunTime = await writeAll(format, ladders, writerContext(format, {}, bare));
      expect(ahead.files.length).toBe(atRunTime.files.length);
      ahead.files.forEach((f, i) => {
        expect(f.path).toBe(atRunTime.files[i]!.path);
        expect(Buffer.from(f.contents as string | Uint8Array).equals(Buffer.from(atRunTime.files[i]!.contents as string | Uint8Array)), f.path).toBe(true);
      });
    }
  });
});
