#!/usr/bin/env node
// Link checker for a built site (no dependencies): every internal href/src of every HTML page, every url()
// of the CSS, every link of feed.xml (including the links inside the entries' HTML content, resolved
// against their xml:base) and of sitemap.xml must name a file of the site, and every #fragment must name an
// id (or a name) on the target page. Downloads (PDF, ZIP, ICS, CSV, XLSX) must be non-empty files. Every
// file of the site must be reachable from index.html (except 404.html, the manifest and the lock of the
// output folder).
//
// Offline (SITE_DIR alone) the files are read from the folder. 404.html is served for any missing address,
// so its links are absolute: from the server root without a base_url (resolved against the site root here),
// the base_url's address with one (skipped here, like every absolute address).
//
// Through a web server (--base URL SITE_DIR: the site folder served at URL, which ends with /) every file
// of the folder is fetched from the server and must answer 200; links are resolved as a browser resolves
// them, against the address of the page, so an absolute link to the base_url is checked as well and a
// link that leaves URL is broken. 404.html is fetched at URL/no/such/page.html (status 404), two folders
// deep, where a relative link would break.
//
// Usage: node links.mjs [--base URL] SITE_DIR [[--base URL] SITE_DIR]...
// Exit status 1 when any link is broken.
import fs from 'node:fs';
import path from 'node:path';
import { get, done } from './http.mjs';

const EXTERNAL = /^(https?:|mailto:|tel:|urn:|data:)/i;
const NOT_REACHABLE_OK = new Set(['404.html', '.jingsai-manifest', '.jingsai-lock']);
const NOT_SERVED = new Set(['.jingsai-manifest', '.jingsai-lock']);
const MISSING = 'no/such/page.html'; // where the 404 page is fetched through a server

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

// The site's files, read from the folder or fetched from the server: { files, read(rel), pageUrl(rel),
// siteUrl, served, errors }. pageUrl is the address a page is shown at; siteUrl the address of the site's top.
async function source(root, base) {
  const all = walk(root);
  if (!base) {
    return {
      files: new Set(all),
      read: (rel) => fs.readFileSync(path.join(root, rel)),
      siteUrl: 'file:///site/',
      pageUrl: (rel) => 'file:///site/' + rel,
      served: false,
      errors: [],
    };
  }
  const bodies = new Map();
  const errors = [];
  for (const rel of all.filter((f) => !NOT_SERVED.has(f))) {
    const url = rel === '404.html' ? base + MISSING : base + rel.split('/').map(encodeURIComponent).join('/');
    const { status, body } = await get(url);
    const want = rel === '404.html' ? 404 : 200;
    if (status !== want) errors.push(`${rel}: ${url} answered ${status}, not ${want}`);
    else if (rel === '404.html' && !body.equals(fs.readFileSync(path.join(root, rel)))) errors.push(`404.html: ${url} answered 404 without the site's 404 page`);
    else bodies.set(rel, body);
  }
  return {
    files: new Set(bodies.keys()),
    read: (rel) => bodies.get(rel),
    siteUrl: base,
    pageUrl: (rel) => base + (rel === '404.html' ? MISSING : rel),
    served: true,
    errors,
  };
}

async function checkSite(root, base) {
  const src = await source(root, base);
  const { files } = src;
  const idCache = new Map();
  const ids = (rel) => {
    if (!idCache.has(rel)) idCache.set(rel, new Set(attrs(src.read(rel).toString('utf8'), 'id|name').map((a) => a.value)));
    return idCache.get(rel);
  };
  const errors = [...src.errors];
  const edges = new Map(); // file -> set of files it links to
  let checked = 0;
  let external = 0;

  // Checks `url` found in file `from` (site-relative, e.g. notices/a.html), relative to the address
  // `against` (by default the address `from` is shown at).
  function check(from, url, against = src.pageUrl(from)) {
    if (url === '') { errors.push(`${from}: empty link`); return; }
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
    // Offline, an absolute address (the base_url's too) is not a file of the folder.
    if (absolute && !(src.served && url.startsWith(src.siteUrl)) && EXTERNAL.test(url)) { external++; return; }
    if ((absolute && !EXTERNAL.test(url)) || url.startsWith('//')) {
      errors.push(`${from}: link with an unexpected scheme or a network path: ${url}`);
      return;
    }
    checked++;
    // Offline, a root-absolute link names a file from the site's top (the server root, without base_url).
    const rooted = !src.served && url.startsWith('/');
    let u;
    try { u = new URL(rooted ? '.' + url : url, rooted ? src.siteUrl : against); } catch { errors.push(`${from}: bad link ${url}`); return; }
    const frag = u.hash.slice(1);
    u.hash = ''; u.search = '';
    if (!u.href.startsWith(src.siteUrl)) { errors.push(`${from}: link leaves the site: ${url}`); return; }
    let target;
    try { target = decodeURIComponent(u.href.slice(src.siteUrl.length)); } catch { errors.push(`${from}: bad escape: ${url}`); return; }
    if (target === '' || target.endsWith('/')) target += 'index.html';
    if (src.served && target === MISSING) target = '404.html';
    if (!files.has(target)) { errors.push(`${from}: broken link ${url} (no file ${target})`); return; }
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(target);
    if (src.read(target).length === 0) errors.push(`${from}: link to an empty file ${target}`);
    if (frag) {
      let f;
      try { f = decodeURIComponent(frag); } catch { f = frag; }
      if (!target.endsWith('.html')) errors.push(`${from}: fragment on a non-HTML file: ${url}`);
      else if (!ids(target).has(f)) errors.push(`${from}: broken anchor ${url} (no id "${f}" in ${target})`);
    }
  }

  for (const rel of files) {
    if (rel.endsWith('.html')) {
      const html = src.read(rel).toString('utf8');
      for (const { value } of attrs(html, 'href|src')) {
        if (rel === '404.html' && !value.startsWith('/') && !value.startsWith('#') && !EXTERNAL.test(value)) {
          errors.push(`404.html: relative link ${value} (404.html is served at any depth; links must be absolute)`);
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
      const css = src.read(rel).toString('utf8');
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) check(rel, m[1]);
    } else if (rel === 'feed.xml' || rel === 'sitemap.xml') {
      const xml = src.read(rel).toString('utf8');
      for (const m of xml.matchAll(/<link\b[^>]*\shref="([^"]*)"/g)) check(rel, decodeEntities(m[1]));
      for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) check(rel, decodeEntities(m[1])); // from base_url
      for (const m of xml.matchAll(/<content\b[^>]*xml:base="([^"]*)"[^>]*>([\s\S]*?)<\/content>/g)) {
        const xmlBase = decodeEntities(m[1]);
        const inner = decodeEntities(m[2]);
        let against = new URL(xmlBase, src.pageUrl(rel)).href;
        // Offline, an entry's absolute base (https://host/sub/notices/x.html, from base_url) names the
        // page that is the longest tail of its path that is a file of this site.
        if (!src.served && /^https?:/i.test(xmlBase)) {
          const parts = new URL(xmlBase).pathname.split('/').filter(Boolean);
          const tail = parts.map((_, i) => parts.slice(i).join('/')).find((t) => files.has(t));
          if (tail === undefined) { errors.push(`${rel}: entry base ${xmlBase} names no page of the site`); continue; }
          against = src.pageUrl(tail);
        }
        for (const { value } of attrs(inner, 'href|src')) check(`${rel} (entry ${xmlBase})`, value, against);
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
const args = process.argv.slice(2);
while (args.length) {
  let base = null;
  if (args[0] === '--base') {
    base = args[1];
    args.splice(0, 2);
    if (!base || !base.endsWith('/')) { console.error('--base takes the URL the site is served at, ending with /'); process.exit(2); }
  }
  const site = args.shift();
  if (!site) { console.error('usage: links.mjs [--base URL] SITE_DIR...'); process.exit(2); }
  const name = base ? `${site} at ${base}` : site;
  const { errors, checked, external, files } = await checkSite(site, base);
  for (const e of errors.slice(0, 50)) console.log(`  ${name}: ${e}`);
  if (errors.length > 50) console.log(`  ... and ${errors.length - 50} more`);
  console.log(`links ${name}: ${files} files, ${checked} internal links checked, ${external} external skipped, ${errors.length} errors`);
  if (errors.length) failed++;
}
done();
process.exit(failed ? 1 : 0);
