#!/usr/bin/env node
// Opens built pages in the machine's Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no
// browser is ever downloaded), served by a small static server on 127.0.0.1 that answers a missing address
// with 404.html (as a web server configured per README would), or with --base URL by the web server that
// serves the site at URL (run.sh starts nginx with README's example), and
//   axe     runs axe-core with the WCAG 2.0/2.1 A and AA rules at 1280 px and 375 px wide: zero violations;
//           a page error, a failed request or a console error also fails the page;
//   shots   saves full-page screenshots at 375 px and 1280 px wide;
//   hostile checks a site built from hostile input: no dialog opens, no element has an on* attribute,
//           no javascript: URL, and the only script is countdown.js.
// 404.html is opened at a missing address two folders down (no/such/page.html), where it must answer 404
// and its links and styles, absolute (README), must still load.
//
// Usage: node browser.mjs [--base URL] axe SITE_DIR PAGE...
//        node browser.mjs [--base URL] shots SITE_DIR OUT_DIR PREFIX PAGE...
//        node browser.mjs [--base URL] hostile SITE_DIR PAGE...
// PAGE is a site-relative path (e.g. notices/index.html); URL ends with /. Exit status 1 on any finding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import http from 'node:http';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const AXE = require.resolve('axe-core/axe.min.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WIDTHS = [1280, 375];

const argv = process.argv.slice(2);
const served = argv[0] === '--base' ? argv.splice(0, 2)[1] : null;
const [mode, site, ...rest] = argv;
if (!mode || !site || (served !== null && !/^http:\/\/[^/]+\/(.*\/)?$/.test(served))) {
  console.error('usage: browser.mjs [--base http://HOST/PATH/] axe|shots|hostile SITE_DIR ...');
  process.exit(2);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.pdf': 'application/pdf', '.zip': 'application/zip', '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8' };
const root = path.resolve(site);
const server = http.createServer((req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, path.normalize(rel));
  if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  } else {
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(fs.readFileSync(path.join(root, '404.html')));
  }
});
// The address of the site's top folder, and the origin whose requests go to the network.
let SITE_URL;
if (served) SITE_URL = served;
else {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  SITE_URL = `http://127.0.0.1:${server.address().port}/`;
}
const ORIGIN = new URL(SITE_URL).origin;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jingsai-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
});
// Nothing but the server (the local one or the one at --base) is reachable. A site with a `base_url`
// names itself by that address where links must be absolute (404.html, which a server shows at any depth):
// requests to it are answered from the site folder, as the real server at that address would, unless the
// server at --base is that address. The address is read from sitemap.xml.
const sitemap = fs.existsSync(path.join(root, 'sitemap.xml')) ? fs.readFileSync(path.join(root, 'sitemap.xml'), 'utf8') : '';
const home = /<loc>(https?:[^<]*\/)index\.html<\/loc>/.exec(sitemap);
const BASE = home ? home[1] : null;
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(ORIGIN + '/')) return route.continue();
  if (BASE && url.startsWith(BASE)) {
    const rel = decodeURIComponent(url.slice(BASE.length).split(/[?#]/)[0]) || 'index.html';
    const file = path.join(root, path.normalize(rel));
    const found = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    return route.fulfill({
      status: found ? 200 : 404,
      contentType: found ? TYPES[path.extname(file)] || 'application/octet-stream' : TYPES['.html'],
      body: fs.readFileSync(found ? file : path.join(root, '404.html')),
    });
  }
  return route.abort();
});

let failures = 0;
const fail = (msg) => { failures++; console.log(`  FAIL ${msg}`); };

async function open(rel, width, onProblem) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  page.on('pageerror', (e) => onProblem(`page error: ${e.message}`));
  const url = rel === '404.html' ? `${SITE_URL}no/such/page.html` : `${SITE_URL}${rel}`;
  page.on('console', (m) => {
    // The 404 page itself is answered with status 404, which Chromium logs.
    if (rel === '404.html' && m.location().url === url && /status of 404/.test(m.text())) return;
    if (m.type() === 'error') onProblem(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => onProblem(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('dialog', async (d) => { onProblem(`dialog opened (${d.type()}): ${d.message()}`); await d.dismiss(); });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response.status() !== (rel === '404.html' ? 404 : 200)) onProblem(`HTTP ${response.status()}`);
  return page;
}

try {
  if (mode === 'axe') {
    let pages = 0;
    let violations = 0;
    for (const rel of rest) {
      for (const width of WIDTHS) {
        const page = await open(rel, width, (p) => fail(`${rel} @${width}: ${p}`));
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        }));
        pages++;
        for (const v of result.violations) {
          violations++;
          fail(`${rel} @${width}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
          for (const n of v.nodes.slice(0, 3)) console.log(`       ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
        }
        await page.close();
      }
    }
    console.log(`axe ${site}: ${pages} page loads (${rest.length} pages x ${WIDTHS.length} widths), ${violations} violations`);
  } else if (mode === 'shots') {
    const [outDir, prefix, ...pages] = rest;
    fs.mkdirSync(outDir, { recursive: true });
    let n = 0;
    for (const rel of pages) {
      for (const width of [375, 1280]) {
        const page = await open(rel, width, (p) => fail(`${rel} @${width}: ${p}`));
        const name = `${prefix}-${rel.replace(/\.html$/, '').replace(/[\/]/g, '-')}-${width}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage: true });
        // At 375 px nothing may scroll sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) fail(`${rel} @${width}: the page scrolls sideways by ${overflow}px`);
        n++;
        await page.close();
      }
    }
    console.log(`screenshots ${site}: ${n} saved under ${outDir}`);
  } else if (mode === 'hostile') {
    for (const rel of rest) {
      const page = await open(rel, 1280, (p) => fail(`${rel}: ${p}`));
      await page.waitForTimeout(200);
      const found = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) out.push(`<${el.localName} ${a.name}>`);
            if (/^\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) out.push(`<${el.localName} ${a.name}="${a.value}">`);
          }
        }
        for (const s of document.scripts) {
          if (!s.src || !/^http:\/\/127\.0\.0\.1:\d+\/(.*\/)?countdown\.js$/.test(s.src)) out.push(`script ${s.src || '(inline) ' + s.textContent.slice(0, 40)}`);
        }
        for (const el of document.querySelectorAll('iframe, object, embed, img[src="x"]')) out.push(`<${el.localName}>`);
        return out;
      });
      for (const f of found) fail(`${rel}: hostile input became markup: ${f}`);
      await page.close();
    }
    console.log(`hostile ${site}: ${rest.length} pages opened`);
  } else {
    console.error(`unknown mode ${mode}`);
    process.exit(2);
  }
} finally {
  await context.close();
  if (!served) server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
