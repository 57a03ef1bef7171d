#!/usr/bin/env node
// Checks a built site as a web server serves it under a sub-path (run.sh starts nginx with README's
// example): every file of the output folder (the folder is walked for the list; the manifest and the lock
// of the output folder excepted) answers 200 at URL + its path with exactly the file's bytes and the right
// Content-Type, with `charset=utf-8` for text; text (html, css, js, xml, ics, csv) comes gzip-compressed
// when asked for (Accept-Encoding: gzip gives Content-Encoding: gzip, Vary: Accept-Encoding, and the
// bytes unpack to the file); a folder's address answers with its index.html; the sub-path without its
// final slash redirects to it; a missing page or download answers 404 with the site's own 404.html.
// (The 404 page's links and assets are followed by links.mjs and loaded in Chromium by browser.mjs.)
//
// Usage: node served.mjs URL SITE_DIR   (URL ends with /). Exit status 1 on any finding.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { get, done } from './http.mjs';

const [base, site] = process.argv.slice(2);
if (!base || !base.endsWith('/') || !site) {
  console.error('usage: served.mjs URL/ SITE_DIR');
  process.exit(2);
}
const NOT_SERVED = new Set(['.jingsai-manifest', '.jingsai-lock']);
// The type each kind of file must be served with. A file of another kind fails: add it here and to the
// nginx example of README.md.
const TYPES = {
  html: { type: /^text\/html; charset=utf-8$/, gzip: true },
  css: { type: /^text\/css; charset=utf-8$/, gzip: true },
  // Debian 12's mime.types says application/javascript, RFC 9239 text/javascript: both run.
  js: { type: /^(text|application)\/javascript; charset=utf-8$/, gzip: true },
  xml: { type: /^(text|application)\/xml; charset=utf-8$/, gzip: true },
  ics: { type: /^text\/calendar; charset=utf-8$/, gzip: true },
  csv: { type: /^text\/csv; charset=utf-8$/, gzip: true },
  pdf: { type: /^application\/pdf$/, gzip: false },
  zip: { type: /^application\/zip$/, gzip: false },
  xlsx: { type: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/, gzip: false },
};
// The Atom feed is announced as application/atom+xml by every page's <link rel="alternate">.
const FEED = { type: /^application\/atom\+xml; charset=utf-8$/, gzip: true };

let failures = 0;
const fail = (msg) => { failures++; console.log(`  FAIL ${msg}`); };

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const root = path.resolve(site);
const files = walk(root).map((p) => path.relative(root, p).split(path.sep).join('/')).filter((f) => !NOT_SERVED.has(f)).sort();
const urlOf = (rel) => base + rel.split('/').map(encodeURIComponent).join('/');
const notFound = fs.readFileSync(path.join(root, '404.html'));

/** The file `rel` at `url`: status 200, its bytes, its type; compressed when asked for, when it is text. */
async function served(rel, url) {
  const ext = path.extname(rel).slice(1);
  const want = rel === 'feed.xml' ? FEED : TYPES[ext];
  if (!want) { fail(`${rel}: no expected Content-Type for .${ext} (add it to served.mjs and README's nginx example)`); return; }
  const bytes = fs.readFileSync(path.join(root, rel));
  const plain = await get(url);
  if (plain.status !== 200) { fail(`${url}: HTTP ${plain.status}`); return; }
  if (!want.type.test(plain.headers['content-type'] ?? '')) fail(`${url}: Content-Type ${plain.headers['content-type']}, expected ${want.type}`);
  if (plain.headers['content-encoding']) fail(`${url}: Content-Encoding ${plain.headers['content-encoding']} without Accept-Encoding`);
  if (!plain.body.equals(bytes)) fail(`${url}: the body is not the file's ${bytes.length} bytes (got ${plain.body.length})`);
  if (!want.gzip) return;
  const zipped = await get(url, { 'accept-encoding': 'gzip' });
  if (zipped.headers['content-encoding'] !== 'gzip') { fail(`${url}: Accept-Encoding: gzip gave Content-Encoding ${zipped.headers['content-encoding']}`); return; }
  if (!/accept-encoding/i.test(zipped.headers.vary ?? '')) fail(`${url}: gzip without Vary: Accept-Encoding`);
  let unpacked;
  try { unpacked = zlib.gunzipSync(zipped.body); } catch (e) { fail(`${url}: gzip body does not unpack: ${e.message}`); return; }
  if (!unpacked.equals(bytes)) fail(`${url}: the gzip body unpacks to ${unpacked.length} bytes, not the file's ${bytes.length}`);
}

/** A missing address: status 404, the site's own 404.html as HTML. */
async function missing(url) {
  const res = await get(url);
  if (res.status !== 404) fail(`${url}: HTTP ${res.status}, expected 404`);
  if (!TYPES.html.type.test(res.headers['content-type'] ?? '')) fail(`${url}: 404 with Content-Type ${res.headers['content-type']}`);
  if (!res.body.equals(notFound)) fail(`${url}: 404 answered without the site's 404.html`);
}

try {
  let gzipped = 0;
  for (const rel of files) {
    if (rel === '404.html') continue; // served where an address is missing, below
    await served(rel, urlOf(rel));
    if ((rel === 'feed.xml' ? FEED : TYPES[path.extname(rel).slice(1)])?.gzip) gzipped++;
  }
  // A folder's address is its index.html.
  const folders = files.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => f.slice(0, -'index.html'.length));
  for (const folder of folders) await served(`${folder}index.html`, urlOf(folder));
  // The sub-path without its slash redirects to the site.
  const bare = base.slice(0, -1);
  const redirect = await get(bare);
  const location = redirect.headers.location ?? '';
  if (![301, 302, 308].includes(redirect.status) || new URL(location, bare).href !== base) {
    fail(`${bare}: HTTP ${redirect.status} to ${location || 'nowhere'}, expected a redirect to ${base}`);
  }
  for (const rel of ['no-such-page.html', 'no/such/page.html', 'notices/no-such-notice.html', 'downloads/no-such-form.pdf', 'no-such-folder/']) {
    await missing(base + rel);
  }
  console.log(`served ${base}: ${files.length} files (${gzipped} of them text, also asked for gzipped), ${folders.length} folder addresses, 1 redirect, 5 missing addresses; ${failures} findings`);
} finally {
  done();
}
process.exit(failures ? 1 : 0);
