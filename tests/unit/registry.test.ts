// Every list of formats is derived from the two registries; this test fails on any mismatch.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs, flagHelp } from '../../src/cli/args.js';
import { helpText } from '../../src/cli/main.js';
import { knownConfigFields, parseConfig, writerOptionSpecs } from '../../src/pipeline/config.js';
import { defaultWriterOptions } from '../../src/pipeline/options.js';
import { SOURCE_FORMAT_INFO } from '../../src/readers/formats.js';
import { READERS, SOURCE_FORMATS, detectFormat, sourceFormatLabel } from '../../src/readers/registry.js';
import { OUTPUT_FORMATS, WRITERS, templateFolder } from '../../src/writers/index.js';
import { getPath, parseOptionValue } from '../../src/writers/option-spec.js';

const schema = JSON.parse(readFileSync('schema/ladder.schema.json', 'utf8')) as { properties: { source: { properties: { format: { enum: string[] } } } } };

describe('the reader registry', () => {
  it('names each format once, with a label and a detector', () => {
    const ids = READERS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SOURCE_FORMATS).toEqual(ids);
    // formats.ts (the list the config and the model load without the readers) is this list.
    expect(SOURCE_FORMAT_INFO.map((f) => f.id)).toEqual(ids);
    for (const r of READERS) {
      expect(r.label.length).toBeGreaterThan(3);
      expect(sourceFormatLabel(r.id)).toBe(r.label);
      expect(typeof r.detect).toBe('function');
      expect(typeof r.read).toBe('function');
    }
  });

  it("is the JSON schema's list of source formats", () => {
    expect([...schema.properties.source.properties.format.enum].sort()).toEqual([...SOURCE_FORMATS].sort());
  });

  it("is the config's list of source formats", () => {
    for (const format of SOURCE_FORMATS) expect(parseConfig(JSON.stringify({ sources: { 'a.md': { format } } })).errors).toEqual([]);
    expect(parseConfig(JSON.stringify({ sources: { 'a.md': { format: 'docx' } } })).errors[0]).toContain(`must be one of ${SOURCE_FORMATS.join(', ')}`);
  });

  it('detects the strongest format: plain text only when nothing else matches', () => {
    expect(detectFormat('just words\non lines\n')).toBe('text');
    expect(detectFormat('<!-- ladderc:canonical -->\n# T\n')).toBe('ladderc-md');
    expect(detectFormat('<table><tr><td>a</td></tr></table>')).toBe('html-table');
    expect(detectFormat('| a | b |\n|---|---|\n| 1 | 2 |\n')).toBe('gfm-table');
  });
});

describe('the writer registry', () => {
  it('names each format once, with a label, a ladder writer and declared options', async () => {
    const ids = WRITERS.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(OUTPUT_FORMATS).toEqual(ids);
    for (const w of WRITERS) {
      expect(w.label.length).toBeGreaterThan(3);
      // The writer's code is loaded on demand, and its entry keeps the registry's metadata.
      expect(typeof (w as { ladder?: unknown }).ladder).toBe('undefined');
      const loaded = await w.load();
      expect(typeof loaded.ladder).toBe('function');
      expect(loaded.id).toBe(w.id);
      expect(loaded.options).toBe(w.options);
      expect(Array.isArray(w.options)).toBe(true);
    }
  });

  it('is what --format and the config accept, and what a build runs by default', () => {
    for (const format of OUTPUT_FORMATS) {
      expect(parseArgs(['build', '--format', format]).errors).toEqual([]);
      expect(parseConfig(JSON.stringify({ formats: [format] })).errors).toEqual([]);
    }
    expect(parseArgs(['build', '--format', 'docx']).errors).toEqual([`unknown format "docx" (formats: ${OUTPUT_FORMATS.join(', ')})`]);
    expect(helpText('0').includes(OUTPUT_FORMATS.join(','))).toBe(true);
  });

  it("gives every writer option a valid default, a config field, and a flag that --help lists", () => {
    const defaults = defaultWriterOptions() as Record<string, unknown>;
    const help = flagHelp();
    for (const { format, spec } of writerOptionSpecs()) {
      expect(knownConfigFields()).toContain(spec.config);
      if (spec.default !== undefined) {
        const errors: string[] = [];
        parseOptionValue(spec, spec.default, spec.config, errors);
        expect(errors, `${format}.${spec.key}`).toEqual([]);
        expect(getPath(defaults[format], spec.key)).toEqual(spec.default);
        // The default written in the config is accepted as it is.
        const config: Record<string, unknown> = {};
        const [section, field] = spec.config.split('.');
        config[section!] = { [field!]: spec.default };
        expect(parseConfig(JSON.stringify(config)).errors, spec.config).toEqual([]);
      }
      if (spec.flag) {
        expect(help).toContain(spec.flag);
        expect(['boolean', 'enum']).toContain(spec.kind.type);
      }
    }
    // An unknown field in a writer's section is named.
    expect(parseConfig('{ "csv": { "bomb": true } }').errors).toEqual(['csv.bomb: unknown field (known: bom)']);
  });

  it('finds its templates where the registry says', () => {
    for (const w of WRITERS) {
      if (w.id === 'json' || w.id === 'pdf' || w.id === 'xlsx') continue; // laid out in code, no templates
      expect(existsSync(`templates/${templateFolder(w.id)}`), w.id).toBe(true);
    }
  });

  it('is what the README shows: the two edits that add a format', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('## Adding a reader or a writer');
    expect(readme).toContain('src/readers/registry.ts');
    expect(readme).toContain('src/writers/index.ts');
  });
});
