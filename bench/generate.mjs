#!/usr/bin/env node
// Synthetic ladders for the benchmark: N documents, rotating through every input shape the readers
// read (HTML table, GFM table, Markdown prose, scraped text, YAML front matter, ladderc's canonical
// Markdown, CSV, TSV), each with 5–8 levels, 20–45 competencies and 1–3 sentences per cell, from a
// seeded generator (the same N gives the same bytes on every machine).
//   node bench/generate.mjs N OUT_DIR
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: a small deterministic PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Delivers', 'Designs', 'Reviews', 'Leads', 'Mentors', 'Improves', 'Documents', 'Owns', 'Plans', 'Shapes', 'Builds', 'Tests', 'Explains', 'Measures', 'Simplifies', 'Coordinates'];
const OBJECTS = ['small features', 'the team roadmap', 'service boundaries', 'incident reviews', 'code reviews', 'test strategy', 'on-call runbooks', 'design documents', 'hiring loops', 'data models', 'release plans', 'API contracts', 'dashboards and alerts', 'migration plans', 'security reviews', 'onboarding guides'];
const SCOPES = ['with guidance', 'on their own', 'for the team', 'across several teams', 'for the organisation', 'with product partners', 'under pressure', 'in ambiguous situations'];
const TAILS = ['and asks for feedback early', 'and shares what they learn', 'so that others can build on it', 'and measures the outcome', 'while keeping the system simple', 'and explains the trade-offs'];
const AREAS = ['Coding', 'Testing', 'Operations', 'Architecture', 'Security', 'Delivery', 'Communication', 'Collaboration', 'Mentoring', 'Product sense', 'Incident response', 'Documentation', 'Planning', 'Hiring', 'Data', 'Performance', 'Accessibility', 'Reliability', 'Observability', 'Code review', 'Estimation', 'Ownership', 'Strategy', 'Influence', 'Craft', 'Learning', 'Tooling', 'Quality', 'Design', 'Privacy', 'Cost awareness', 'Prioritisation', 'Feedback', 'Facilitation', 'Negotiation', 'Research', 'Automation', 'Resilience', 'Scalability', 'Compliance', 'Release management', 'Debugging', 'Refactoring', 'Domain knowledge', 'Customer focus'];
const LEVEL_NAMES = ['Associate', 'Intermediate', 'Senior', 'Staff', 'Senior Staff', 'Principal', 'Distinguished', 'Fellow'];
const TRACKS = ['Backend', 'Frontend', 'Platform', 'Data', 'Mobile', 'Security', 'Infrastructure', 'Quality'];

export const SHAPES = ['html-table', 'gfm-table', 'prose', 'text', 'front-matter', 'ladderc-md', 'csv', 'tsv'];

/** One ladder's content: title, levels, competencies, cells[competency][level] = sentences. */
export function ladderData(i) {
  const r = rng(i * 7919 + 17);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const nLevels = 5 + Math.floor(r() * 4);
  const nComps = 20 + Math.floor(r() * 26);
  const track = TRACKS[i % TRACKS.length];
  const levels = LEVEL_NAMES.slice(0, nLevels).map((name, k) => ({ code: `L${k + 1}`, title: `${name} ${track} Engineer` }));
  const comps = Array.from({ length: nComps }, (_, c) => (c < AREAS.length ? AREAS[c] : `${AREAS[c % AREAS.length]} ${Math.floor(c / AREAS.length) + 1}`));
  const cells = comps.map(() =>
    levels.map(() => Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(SCOPES)} ${pick(TAILS)}.`)),
  );
  return { title: `${track} Engineering Ladder ${i + 1}`, track, levels, comps, cells };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const csvField = (s, sep) => (s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s);
const yamlStr = (s) => JSON.stringify(s);

const WRITE = {
  'html-table': (d) => {
    const head = d.levels.map((l) => `<th>${l.code}<br>${esc(l.title)}</th>`).join('');
    const rows = d.comps.map((c, ci) => `<tr><td>${esc(c)}</td>${d.cells[ci].map((s) => `<td>${s.map(esc).join('<br>')}</td>`).join('')}</tr>`).join('\n');
    return { ext: 'html', text: `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(d.title)}</title></head><body>\n<h1>${esc(d.title)}</h1>\n<p>Expectations for each competency, by level.</p>\n<table>\n<thead><tr><th>Competency</th>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>\n</body></html>\n` };
  },
  'gfm-table': (d) => {
    const head = `| Competency | ${d.levels.map((l) => `${l.code} ${l.title}`).join(' | ')} |`;
    const rule = `|${'---|'.repeat(d.levels.length + 1)}`;
    const rows = d.comps.map((c, ci) => `| ${c} | ${d.cells[ci].map((s) => s.join('<br>')).join(' | ')} |`).join('\n');
    return { ext: 'md', text: `# ${d.title}\n\nExpectations for each competency, by level.\n\n${head}\n${rule}\n${rows}\n` };
  },
  prose: (d) => {
    const body = d.comps.map((c, ci) => `## ${c}\n\n${d.levels.map((l, li) => `- **${l.title}:** ${d.cells[ci][li].join(' ')}`).join('\n')}\n`).join('\n');
    return { ext: 'md', text: `# ${d.title}\n\nExpectations for each competency, by level.\n\n${body}` };
  },
  text: (d) => {
    // Scraped text: each level a title line, then one "Competency: sentences" line per competency.
    const body = d.levels.map((l, li) => `${l.title}\n${d.comps.map((c, ci) => `${c}: ${d.cells[ci][li].join(' ')}`).join('\n')}\n`).join('\n');
    return { ext: 'txt', text: `${d.title}\nCareers › Engineering › Levels\nWe use ${d.levels.length} levels. Each level describes the scope and impact we expect.\n\n${body}\nLast updated 3 March 2026\n` };
  },
  'front-matter': (d) => {
    const topics = d.comps
      .map((c, ci) => `  - name: ${yamlStr(c)}\n    title: ${yamlStr(c)}\n    content:\n${d.levels.map((_, li) => `      - level: ${li + 1}\n        criteria:\n${d.cells[ci][li].map((s) => `          - ${yamlStr(s)}`).join('\n')}`).join('\n')}`)
      .join('\n');
    return { ext: 'md', text: `---\ntitle: ${yamlStr(`${d.track} Engineering Framework ${d.title.split(' ').pop()}`)}\nlevels: ${d.levels.length}\ntopics:\n${topics}\n---\n\nThis framework is a guide, not a checklist.\n` };
  },
  csv: (d, sep = ',') => {
    const line = (fields) => fields.map((f) => csvField(f, sep)).join(sep);
    const rows = [line(['Competency', ...d.levels.map((l) => `${l.code} ${l.title}`)]), ...d.comps.map((c, ci) => line([c, ...d.cells[ci].map((s) => s.join('\n'))]))];
    return { ext: sep === '\t' ? 'tsv' : 'csv', text: `${rows.join('\r\n')}\r\n` };
  },
  tsv: (d) => WRITE.csv(d, '\t'),
};

/** Canonical Markdown is what ladderc's own Markdown writer produces: compile a GFM table, render md. */
async function canonical(d, i) {
  const { compile, render } = await import(join(root, 'dist', 'src', 'api.js'));
  const gfm = WRITE['gfm-table'](d).text;
  const { ladders } = compile(gfm, { path: `ladder-${i}.md` });
  const { files } = await render(ladders[0], 'md');
  return { ext: 'md', text: files.find((f) => f.path.endsWith('.md') && !f.path.endsWith('/crosswalk.md')).contents };
}

export async function generate(n, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  const counts = {};
  for (let i = 0; i < n; i += 1) {
    const shape = SHAPES[i % SHAPES.length];
    const d = ladderData(i);
    const { ext, text } = shape === 'ladderc-md' ? await canonical(d, i) : WRITE[shape](d);
    const name = `${String(i + 1).padStart(4, '0')}-${shape}.${ext}`;
    writeFileSync(join(outDir, name), text);
    bytes += Buffer.byteLength(text);
    counts[shape] = (counts[shape] ?? 0) + 1;
  }
  return { files: n, bytes, counts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(n) || n < 1 || !out) {
    console.error('usage: node bench/generate.mjs N OUT_DIR');
    process.exit(2);
  }
  const r = await generate(n, out);
  console.log(`${r.files} ladders, ${(r.bytes / 1e6).toFixed(1)} MB in ${out}`);
}
