// The HTML writer's output as files: safe, complete, linked, deterministic, and overridable.
// (What it looks like and does in a browser is tests/browser/html.test.ts.)

import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../src/host/io.js';
import type { Ladder } from '../../src/model.js';
import { writerContext } from '../support/writer-context.js';
import { readSource } from '../../src/readers/index.js';
import { CONTENT_SECURITY_POLICY, linkifiedHtml, writeHtml } from '../../src/writers/html.js';
import { TemplateError } from '../../src/writers/template.js';
import type { OutputFile, TemplateFile, WriterContext } from '../../src/writers/types.js';
import { allCases } from '../support/cases.js';

const kitchenSink = (): Ladder => JSON.parse(readFileSync('tests/fixtures/model/kitchen-sink.json', 'utf8')) as Ladder;

function context(templates: Record<string, TemplateFile> = loadTemplateSet('html')): WriterContext {
  return writerContext('html', {}, templates, { sourceDateEpoch: 1_700_000_000 }) as WriterContext;
}

/**
 * Seeds, corpus documents and fixtures that compile without errors, each under its case name as
 * ladder id — fixtures are all called `input.*`, and a build gives every ladder a unique id.
 */
function compiledCases(): Ladder[] {
  const out: Ladder[] = [];
  for (const c of allCases()) {
    const result = readSource(c.bytes, c.path);
    if (result.ladder && !result.diagnostics.some((d) => d.severity === 'error')) out.push({ ...result.ladder, id: c.name });
  }
  return out;
}

const parse = (html: string): Root => unified().use(rehypeParse).parse(html);

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

const text = (tree: Root): string => toText(tree).replace(/\s+/g, ' ');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const attr = (el: Element, name: string): string | undefined => {
  const value = el.properties[name];
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
};

interface Site {
  files: Map<string, string>;
  trees: Map<string, Root>;
}

function site(files: readonly OutputFile[]): Site {
  const map = new Map(files.map((f) => [f.path, typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents)]));
  const trees = new Map([...map].filter(([p]) => p.endsWith('.html')).map(([p, html]) => [p, parse(html)]));
  return { files: map, trees };
}

function idsOf(tree: Root): string[] {
  return elements(tree)
    .map((el) => attr(el, 'id'))
    .filter((id): id is string => id !== undefined);
}

describe('HTML writer, kitchen sink', () => {
  let ks: Site;
  let ladder: Ladder;
  beforeAll(async () => {
    ladder = kitchenSink();
    ks = site((await writeHtml([ladder], context())).files);
  });

  it('writes the index, a page per track and per level, and the assets', () => {
    const paths = [...ks.files.keys()].sort();
    expect(paths).toEqual(
      [
        'html/index.html',
        'html/assets/favicon.svg',
        'html/assets/site.css',
        'html/assets/site.js',
        'html/assets/self-assessment.css',
        'html/assets/self-assessment.js',
        'html/kitchen-sink/engineering.html',
        'html/kitchen-sink/engineering.self-assessment.html',
        'html/kitchen-sink/management.self-assessment.html',
        'html/kitchen-sink/engineering/e1.html',
        'html/kitchen-sink/engineering/e2.html',
        'html/kitchen-sink/engineering/e3.html',
        'html/kitchen-sink/management.html',
        'html/kitchen-sink/management/m1.html',
        'html/kitchen-sink/management/m2.html',
      ].sort(),
    );
  });

  it('lets no active content through from the sources', () => {
    for (const [path, tree] of ks.trees) {
      const html = ks.files.get(path)!;
      expect(html, path).not.toContain('<script>alert');
      for (const el of elements(tree)) {
        for (const name of Object.keys(el.properties)) expect(name.toLowerCase(), `${path}: <${el.tagName} ${name}>`).not.toMatch(/^on/);
        expect(el.properties.style, `${path}: inline style`).toBeUndefined();
        expect(el.tagName, path).not.toMatch(/^(style|iframe|object|embed|base|form)$/);
        if (el.tagName === 'script') {
          expect(attr(el, 'src'), path).toMatch(/^(\.\.\/)*assets\/(site|self-assessment)\.js$/);
          expect(el.children, path).toEqual([]);
        }
        for (const name of ['href', 'src', 'action', 'formAction', 'srcSet', 'poster', 'data']) {
          const value = attr(el, name);
          if (value === undefined) continue;
          // Absolute URLs only with the schemes a reader may follow; everything else is relative.
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
          if (scheme !== undefined) expect(['http', 'https', 'mailto'], `${path}: ${name}=${value}`).toContain(scheme);
        }
      }
    }
    // The script text survives as text: escaped, visible, harmless.
    const e1 = ks.trees.get('html/kitchen-sink/engineering/e1.html')!;
    expect(text(e1)).toContain('Shares status <script>alert(1)</script> daily.');
    expect(ks.files.get('html/kitchen-sink/engineering/e1.html')).toContain('Shares status &lt;script&gt;alert(1)&lt;/script&gt; daily.');
  });

  it('renders hostile text in every field as text', async () => {
    const hostile = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a><style>*{}</style>';
    // Every free-text field of the model gets the payload (ids, references and hashes are slugs by contract).
    const poison = (value: unknown, key = ''): unknown => {
      if (typeof value === 'string') return ['id', 'level', 'track', 'format', 'sha256'].includes(key) ? value : `${value} ${hostile}`;
      if (Array.isArray(value)) return value.map((v) => poison(v, key));
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [key === 'metadata' ? `${k} ${hostile}` : k, poison(v, k)]));
      }
      return value;
    };
    const s = site((await writeHtml([poison(kitchenSink()) as Ladder], context())).files);
    for (const [path, tree] of s.trees) {
      const all = elements(tree);
      expect(all.filter((el) => ['img', 'style'].includes(el.tagName)), path).toEqual([]);
      for (const el of all) for (const name of Object.keys(el.properties)) expect(name, path).not.toMatch(/^on/i);
      for (const a of all.filter((el) => el.tagName === 'a')) expect(attr(a, 'href'), path).not.toMatch(/^javascript:/i);
      expect(text(tree), path).toContain('<img src=x onerror=alert(1)>');
    }
  });

  it('links http(s) URLs from sources and nothing else', () => {
    const anchors = elements(ks.trees.get('html/kitchen-sink/engineering/e3.html')!).filter((el) => el.tagName === 'a');
    const external = anchors.map((a) => attr(a, 'href')!).filter((h) => /^[a-z]+:/i.test(h));
    expect(external).toContain('https://example.com/guide');
    expect(external.every((h) => /^(https?:|mailto:)/.test(h))).toBe(true);
  });

  it('carries a strict Content-Security-Policy on every page, before any script or style', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/style-src 'self'/);
    for (const [path, tree] of ks.trees) {
      const head = elements(tree).filter((el) => ['meta', 'link', 'script'].includes(el.tagName));
      const csp = head.findIndex((el) => attr(el, 'httpEquiv') === 'Content-Security-Policy');
      expect(csp, path).toBeGreaterThanOrEqual(0);
      expect(attr(head[csp]!, 'content'), path).toBe(CONTENT_SECURITY_POLICY);
      const firstResource = head.findIndex((el) => el.tagName !== 'meta');
      expect(csp, path).toBeLessThan(firstResource);
    }
  });

  it('shows every field of the model somewhere in the site', () => {
    const all = [...ks.trees.values()].map(text).join(' ');
    const expected: string[] = [ladder.title, ladder.source.path, ladder.source.format, ladder.source.sha256];
    for (const line of (ladder.description ?? '').split('\n')) expected.push(line);
    for (const track of ladder.tracks) {
      expected.push(track.name, ...(track.notes ?? []));
      if (track.description) expected.push(track.description);
      for (const b of track.baseline ?? []) expected.push(b.competency, ...b.statements);
      for (const level of track.levels) {
        expected.push(level.title, level.code ?? level.title, ...(level.summary ? [level.summary] : []));
        for (const [key, value] of Object.entries(level.metadata ?? {})) expected.push(key, value);
      }
      for (const c of track.competencies) {
        expected.push(c.name, ...[c.category, c.area, c.description].filter((v): v is string => v !== undefined));
        for (const e of c.expectations) {
          expected.push(...e.statements);
          for (const g of e.examples ?? []) expected.push(...g.examples);
        }
      }
    }
    for (const value of expected) expect(all, value).toContain(squash(value));
    expect(all).toContain('Not applicable');
    expect(all).toContain('Markdown prose');
  });

  it('keeps source lines and columns off the pages unless html.positions asks for them', () => {
    const all = [...ks.trees.values()].map(text).join(' ');
    const positions = ladder.tracks.flatMap((t) => [...t.levels.map((l) => l.position), ...t.competencies.flatMap((c) => [c.position, ...c.expectations.map((e) => e.position)])]);
    expect(positions.filter(Boolean).length).toBeGreaterThan(0);
    expect(all).not.toMatch(/line \d+, column \d+/);
    for (const [path, html] of ks.files) expect(html, path).not.toContain('class="position"');
    const shown = writeHtml([ladder], { ...context(), options: { positions: true } }).files;
    const withPositions = shown.map((f) => String(f.contents)).join('\n');
    for (const p of positions) if (p) expect(withPositions).toContain(`line ${p.line}, column ${p.column}`);
  });

  it('links equivalents to the level pages they name', () => {
    const e3 = ks.trees.get('html/kitchen-sink/engineering/e3.html')!;
    const equivalents = elements(e3).find((el) => (attr(el, 'className') ?? '').split(' ').includes('equivalents'))!;
    const links = elements(equivalents).filter((el) => el.tagName === 'a');
    expect(links.map((a) => attr(a, 'href'))).toEqual(['../management/m1.html']);
    expect(toText(links[0]!)).toBe('Manager (M1)');
  });

  it('gives every row and every level a deep-link id, unique on its page', () => {
    for (const track of ladder.tracks) {
      const ids = idsOf(ks.trees.get(`html/kitchen-sink/${track.id}.html`)!);
      for (const c of track.competencies) expect(ids).toContain(`competency-${c.id}`);
      for (const l of track.levels) expect(ids).toContain(`level-${l.id}`);
      for (const l of track.levels) {
        const levelIds = idsOf(ks.trees.get(`html/kitchen-sink/${track.id}/${l.id}.html`)!);
        for (const c of track.competencies) expect(levelIds).toContain(`competency-${c.id}`);
      }
    }
    for (const [path, tree] of ks.trees) {
      const ids = idsOf(tree);
      expect(new Set(ids).size, `${path} has duplicate ids`).toBe(ids.length);
    }
  });

  it('uses lang, a caption and scoped header cells', () => {
    const track = ks.trees.get('html/kitchen-sink/engineering.html')!;
    const all = elements(track);
    expect(attr(all.find((el) => el.tagName === 'html')!, 'lang')).toBe('en');
    const table = all.find((el) => el.tagName === 'table')!;
    expect(elements(table).some((el) => el.tagName === 'caption')).toBe(true);
    for (const th of elements(table).filter((el) => el.tagName === 'th')) expect(attr(th, 'scope')).toMatch(/^(col|row|rowgroup)$/);
  });

  it('shows the diff from the level below: new, gone and unchanged', () => {
    const e2 = text(ks.trees.get('html/kitchen-sink/engineering/e2.html')!);
    expect(e2).toContain('What changed from Engineer I (E1)');
    expect(e2).toMatch(/New Reviews others' code\./);
    expect(e2).toMatch(/Gone Asks for reviews\./);
    expect(e2).toMatch(/1 unchanged statement Writes readable code\./);
    expect(text(ks.trees.get('html/kitchen-sink/engineering/e1.html')!)).toContain('This is the first level of Engineering');
  });

  it('writes byte-identical output for the same model, whatever the date', async () => {
    const again = (await writeHtml([kitchenSink()], { ...context(), sourceDateEpoch: 0 })).files;
    expect(new Map(again.map((f) => [f.path, f.contents]))).toEqual(ks.files);
  });
});

/** Every relative href and src on every page names an emitted file, and every #fragment an id on it. */
function checkLinks(s: Site): number {
  let checked = 0;
  const idCache = new Map<string, Set<string>>();
  const ids = (path: string) => {
    let set = idCache.get(path);
    if (!set) idCache.set(path, (set = new Set(idsOf(s.trees.get(path)!))));
    return set;
  };
  for (const [path, tree] of s.trees) {
    for (const el of elements(tree)) {
      for (const name of ['href', 'src']) {
        const value = attr(el, name);
        if (value === undefined || /^[a-z]+:/i.test(value)) continue;
        expect(value, `${path}: ${value} must not be root-relative`).not.toMatch(/^\//);
        const [file, hash] = value.split('#') as [string, string | undefined];
        const target = file === '' ? path : posix.normalize(posix.join(posix.dirname(path), decodeURI(file)));
        expect(s.files.has(target), `${path}: ${value} → ${target}`).toBe(true);
        if (hash) expect(ids(target).has(decodeURIComponent(hash)), `${path}: ${value} → #${hash}`).toBe(true);
        checked += 1;
      }
    }
  }
  return checked;
}

describe('HTML writer, links', () => {
  it('resolves every relative link in the kitchen sink', async () => {
    expect(checkLinks(site((await writeHtml([kitchenSink()], context())).files))).toBeGreaterThan(50);
  });

  it('resolves every relative link for every compiled seed and corpus document', async () => {
    const ladders = compiledCases();
    expect(ladders.length).toBeGreaterThan(0);
    const s = site((await writeHtml(ladders, context())).files);
    checkLinks(s);
    for (const ladder of ladders) {
      for (const track of ladder.tracks) {
        expect(s.files.has(`html/${ladder.id}/${track.id}.html`)).toBe(true);
        for (const level of track.levels) expect(s.files.has(`html/${ladder.id}/${track.id}/${level.id}.html`)).toBe(true);
      }
    }
    for (const [path, tree] of s.trees) {
      const list = idsOf(tree);
      expect(new Set(list).size, `${path} has duplicate ids`).toBe(list.length);
    }
  });
});

describe('HTML writer, ids', () => {
  it('keeps ids unique when one id is another plus a suffix', async () => {
    const ladder = kitchenSink();
    const sibling = (id: string) => `${id}-title`;
    const other = structuredClone(ladder);
    other.id = sibling(ladder.id);
    const track = ladder.tracks[0]!;
    track.competencies.push({ ...structuredClone(track.competencies[0]!), id: sibling(track.competencies[0]!.id), name: 'Twin' });
    const s = site((await writeHtml([ladder, other], context())).files);
    for (const [path, tree] of s.trees) {
      const list = idsOf(tree);
      expect(new Set(list).size, `${path} has duplicate ids`).toBe(list.length);
    }
  });
});

describe('HTML writer, templates', () => {
  it('uses a template from an override folder in place of the default', async () => {
    const templates = {
      ...loadTemplateSet('html'),
      'index.hbs': { path: 'my-templates/html/index.hbs', text: '<!doctype html><title>Mine</title>{{#each ladders}}<p>{{title}}</p>{{/each}}' },
      'site.css': { path: 'my-templates/html/site.css', text: 'body { color: black; }' },
    };
    const files = site((await writeHtml([kitchenSink()], context(templates))).files);
    expect(files.files.get('html/index.html')).toBe(
      '<!doctype html><title>Mine</title><p>Kitchen Sink Ladder — ünïcödé → “quotes”</p>\n',
    );
    expect(files.files.get('html/assets/site.css')).toBe('body { color: black; }');
    // The pages that were not overridden still come from the defaults.
    expect(files.files.get('html/kitchen-sink/engineering.html')).toContain('data-matrix');
  });

  it('names the template file and line of a missing variable', async () => {
    const templates = {
      ...loadTemplateSet('html'),
      'partials/page-end.hbs': { path: 'my-templates/html/partials/page-end.hbs', text: '</main>\n<footer>\n{{page.nothing}}</footer>' },
    };
    try {
      await writeHtml([kitchenSink()], context(templates));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const d = (error as TemplateError).diagnostic;
      expect(d.file).toBe('my-templates/html/partials/page-end.hbs');
      expect(d.line).toBe(3);
      expect(d.message).toContain('"nothing" not defined');
    }
  });
});

describe('HTML helpers', () => {
  it('refuse a variable that is not defined, naming the template line', async () => {
    const templates = {
      ...loadTemplateSet('html'),
      'index.hbs': { path: 'my-templates/html/index.hbs', text: '<!doctype html>\n{{#each ladders}}\n<p>{{text descripton}}</p>\n{{/each}}' },
    };
    try {
      await writeHtml([kitchenSink()], context(templates));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const d = (error as TemplateError).diagnostic;
      expect([d.file, d.line]).toEqual(['my-templates/html/index.hbs', 3]);
      expect(d.message).toContain('"text" was given a variable that is not defined');
    }
  });
});

describe('linkifiedHtml', () => {
  it('escapes everything and links only http, https and mailto', () => {
    expect(linkifiedHtml('<b>x</b> & "y"')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;');
    expect(linkifiedHtml('see javascript:alert(1) or data:text/html,x')).toBe('see javascript:alert(1) or data:text/html,x');
    expect(linkifiedHtml('Read https://example.com/a?b=1&c=2.')).toBe(
      // Handlebars' escaping also encodes "=" (harmless, and the same in text and attribute).
      'Read <a href="https://example.com/a?b&#x3D;1&amp;c&#x3D;2" rel="noopener noreferrer">https://example.com/a?b&#x3D;1&amp;c&#x3D;2</a>.',
    );
    expect(linkifiedHtml('(see http://x.example/path_(y))')).toContain('href="http://x.example/path_(y)"');
    expect(linkifiedHtml('mail mailto:a@b.example today')).toContain('href="mailto:a@b.example"');
    expect(linkifiedHtml('a "https://x.example/" onmouseover=alert(1)')).toContain('href="https://x.example/"');
    expect(linkifiedHtml('one\ntwo')).toBe('one<br>\ntwo');
  });
});
