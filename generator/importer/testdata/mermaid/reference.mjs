// reference.mjs records how Mermaid itself reads journey diagrams, the
// reference that Waymark's importer and exporter are tested against.
//
//	node reference.mjs NODE_MODULES FILE.mmd... > reading.json
//
// NODE_MODULES holds mermaid@11 and jsdom@24 (npm install mermaid@11
// jsdom@24). For each file it prints, as one JSON object keyed by the
// file's base name, Mermaid's verdict and, for a diagram it accepts, what
// its journey db holds: the title, accessible title and description, the
// sections, and the tasks in order with their section, score and people.
// Scores that JSON cannot hold (NaN, Infinity) are written as strings.
// Texts are given as Mermaid draws them: its entity placeholders decoded
// and HTML entities resolved (see text below).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(join(modules, 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const k of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'Node', 'DOMParser', 'SVGElement']) {
  if (!(k in globalThis) || k === 'navigator') {
    try { globalThis[k] = k === 'window' ? dom.window : dom.window[k]; } catch { /* read-only */ }
  }
}
const mermaid = (await import(join(modules, 'mermaid/dist/mermaid.core.mjs'))).default;
mermaid.initialize({ startOnLoad: false });

// text resolves what Mermaid's db holds into the text a reader sees:
// encodeEntities' placeholders back to entities, <br> as a space, then
// the HTML entities decoded; runs of white space are one space.
const text = (s) => {
  if (typeof s !== 'string') return s;
  s = s.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  s = s.replace(/<\/?br\s*\/?>/gi, ' ');
  const t = dom.window.document.createElement('textarea');
  t.innerHTML = s;
  return t.value.replace(/\s+/g, ' ').trim();
};
// frontTitle is the title of YAML front matter, read as
// mermaidAPI.render reads it (preprocessDiagram, before its title is
// dropped by getDiagramFromText).
const frontTitle = (src) => {
  const m = src.replace(/\r\n?/g, '\n').match(/^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s);
  if (!m) return undefined;
  const body = m[1] ? m[2].split('\n').map((l) => (l.startsWith(m[1]) ? l.slice(m[1].length) : l)).join('\n') : m[2];
  // mermaid bundles js-yaml without exporting it: a top-level
  // `title: …` line, plain or quoted, is all the corpus uses.
  const t = body.match(/^title:[ \t]*(.*?)[ \t]*$/m);
  if (!t || t[1] === '') return undefined;
  return t[1].replace(/^(["'])(.*)\1$/, '$2');
};
const score = (n) => (Number.isFinite(n) ? n : String(n));

const out = {};
for (const file of files) {
  const src = readFileSync(file, 'utf8');
  const r = { file: basename(file) };
  try {
    await mermaid.parse(src);
    // mermaid.render passes the front matter's title on; parse does not.
    const d = await mermaid.mermaidAPI.getDiagramFromText(src, { title: frontTitle(src) });
    if (d.type !== 'journey') throw new Error(`not a journey but ${d.type}`);
    const db = d.db;
    r.ok = true;
    r.title = text(db.getDiagramTitle());
    r.accTitle = text(db.getAccTitle());
    r.accDescr = text(db.getAccDescription());
    r.sections = db.getSections().map(text);
    r.tasks = db.getTasks().map((t) => ({
      section: text(t.section),
      task: text(t.task),
      score: score(t.score),
      people: t.people.map(text),
    }));
  } catch (e) {
    r.ok = false;
    r.error = String(e && e.message ? e.message : e).split('\n')[0];
  }
  out[r.file] = r;
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
