#!/usr/bin/env node
// Offline link checker for a built site (no dependencies): every internal href/src of every HTML page,
// every url() of the CSS, every link of feed.xml (including the links inside the entries' HTML content,
// resolved against their xml:base) and of sitemap.xml must name a file of the site, and every #fragment
// must name an id (or a name) on the target page. Downloads (PDF, ZIP, ICS, CSV, XLSX) must be non-empty
// files. Every file of the site must be reachable from index.html (except 404.html, the manifest and the lock of the output folder).
//
// 404.html is served for any missing address, so its links are absolute from the server root (documented
// in README.md); they are resolved against the site root here.
//
// Usage: node links.mjs SITE_DIR...   Exit status 1 when any link is broken.
import fs from 'node:fs';
import path from 'node:path';

const EXTERNAL = /^(https?:|mailto:|tel:|urn:|data:)/i;
const NOT_REACHABLE_OK = new Set(['404.html', '.jingsai-manifest', '.jingsai-lock']);

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function walk(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

function attrs(html, names) {
  const re = new RegExp(`\\s(${names})\\s*=\\s*("([^"]*)"|'([^']*)')`, 'gi');
  const out = [];
  for (const m of html.matchAll(re)) out.push({ attr: m[1].toLowerCase(), value: decodeEntities(m[3] ?? m[4]) });
  return out;
}

function checkSite(root) {
  const files = new Set(walk(root));
  const idCache = new Map();
  const ids = (rel) => {
    if (!idCache.has(rel)) {
      const html = fs.readFileSync(path.join(root, rel), 'utf8');
      idCache.set(rel, new Set(attrs(html, 'id|name').map((a) => a.value)));
    }
    return idCache.get(rel);
  };
  const errors = [];
  const edges = new Map(); // file -> set of files it links to
  let checked = 0;
  let external = 0;

  // Resolves `url` found in file `from` (site-relative, e.g. notices/a.html) against `baseRel` (the
  // document the link is relative to), or the site root for root-absolute links.
  function check(from, url, baseRel = from) {
    if (url === '' ) { errors.push(`${from}: empty link`); return; }
    if (EXTERNAL.test(url)) { external++; return; }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      errors.push(`${from}: link with an unexpected scheme or a network path: ${url}`);
      return;
    }
    checked++;
    const [noFrag, ...fragParts] = url.split('#');
    const frag = fragParts.join('#');
    const [p] = noFrag.split('?');
    let target;
    if (p === '') target = baseRel;
    else {
      const u = p.startsWith('/') ? new URL('file:///site' + p) : new URL(p, 'file:///site/' + baseRel);
      let decoded;
      try { decoded = decodeURIComponent(u.pathname); } catch { errors.push(`${from}: bad escape: ${url}`); return; }
      if (!decoded.startsWith('/site/')) { errors.push(`${from}: link leaves the site: ${url}`); return; }
      target = decoded.slice('/site/'.length);
      if (target === '' || target.endsWith('/')) target += 'index.html';
    }
    if (!files.has(target)) { errors.push(`${from}: broken link ${url} (no file ${target})`); return; }
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(target);
    const size = fs.statSync(path.join(root, target)).size;
    if (size === 0) errors.push(`${from}: link to an empty file ${target}`);
    if (frag) {
      let f;
      try { f = decodeURIComponent(frag); } catch { f = frag; }
      if (!target.endsWith('.html')) errors.push(`${from}: fragment on a non-HTML file: ${url}`);
      else if (!ids(target).has(f)) errors.push(`${from}: broken anchor ${url} (no id "${f}" in ${target})`);
    }
  }

  for (const rel of files) {
    const full = path.join(root, rel);
    if (rel.endsWith('.html')) {
      const html = fs.readFileSync(full, 'utf8');
      for (const { value } of attrs(html, 'href|src')) {
        if (rel === '404.html' && !value.startsWith('/') && !value.startsWith('#') && !EXTERNAL.test(value)) {
          errors.push(`404.html: relative link ${value} (404.html is served at any depth; links must be root-absolute)`);
          continue;
        }
        check(rel, value);
      }
      // Duplicate ids make anchors ambiguous.
      const seen = new Set();
      for (const { value } of attrs(html, 'id')) {
        if (seen.has(value)) errors.push(`${rel}: duplicate id "${value}"`);
        seen.add(value);
      }
    } else if (rel.endsWith('.css')) {
      const css = fs.readFileSync(full, 'utf8');
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) check(rel, m[1]);
    } else if (rel === 'feed.xml' || rel === 'sitemap.xml') {
      const xml = fs.readFileSync(full, 'utf8');
      for (const m of xml.matchAll(/<link\b[^>]*\shref="([^"]*)"/g)) check(rel, decodeEntities(m[1]));
      for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) external++; // absolute, from base_url
      for (const m of xml.matchAll(/<content\b[^>]*xml:base="([^"]*)"[^>]*>([\s\S]*?)<\/content>/g)) {
        const base = decodeEntities(m[1]);
        const inner = decodeEntities(m[2]);
        // With a base_url the entry's base is absolute (https://host/sub/notices/x.html): the page it
        // names is the longest tail of its path that is a file of this site.
        let baseRel = base;
        if (/^https?:/i.test(base)) {
          const parts = new URL(base).pathname.split('/').filter(Boolean);
          const tail = parts.map((_, i) => parts.slice(i).join('/')).find(t => files.has(t));
          if (tail === undefined) { errors.push(`${rel}: entry base ${base} names no page of the site`); continue; }
          baseRel = tail;
        }
        for (const { value } of attrs(inner, 'href|src')) check(`${rel} (entry ${base})`, value, baseRel);
      }
      if (rel === 'feed.xml' && !/<entry>/.test(xml)) errors.push('feed.xml: no entries');
    }
  }

  // Reachability from the home page.
  const reached = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const f = queue.pop();
    for (const t of edges.get(f) ?? []) if (!reached.has(t)) { reached.add(t); queue.push(t); }
  }
  for (const f of files) {
    if (!reached.has(f) && !NOT_REACHABLE_OK.has(f) && f !== 'sitemap.xml') {
      errors.push(`${f}: not reachable from index.html`);
    }
  }
  return { errors, checked, external, files: files.size };
}

let failed = 0;
for (const site of process.argv.slice(2)) {
  const { errors, checked, external, files } = checkSite(site);
  for (const e of errors.slice(0, 50)) console.log(`  ${site}/${e}`);
  if (errors.length > 50) console.log(`  ... and ${errors.length - 50} more`);
  console.log(`links ${site}: ${files} files, ${checked} internal links checked, ${external} external skipped, ${errors.length} errors`);
  if (errors.length) failed++;
}
process.exit(failed ? 1 : 0);
