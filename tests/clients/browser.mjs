#!/usr/bin/env node
// Opens built pages in the machine's Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no
// browser is ever downloaded), served by a small static server on 127.0.0.1 that answers a missing address
// with 404.html (as a web server configured per README would), or with --base URL by the web server that
// serves the site at URL (run.sh starts nginx with README's example), and
//   axe     runs axe-core with the WCAG 2.0/2.1 A and AA rules at 1280 px and 375 px wide: zero violations;
//           a page error, a failed request or a console error also fails the page;
//   shots   saves full-page screenshots at 375 px and 1280 px wide;
//   phone   opens every page at 375 px: no table cell of 20 characters or fewer on more than 3 lines, no
//           caption cut off by its scrolling wrapper, no page that scrolls sideways as a whole; saves the
//           results pages as screenshots (PREFIX-results-*-375.png);
//   filter  types into the filter of a results page, from a file:// URL and over HTTP under a sub-path
//           (/contests/ai-2025/): exactly the expected rows stay, the status says "显示 N 条，共 M 条" (or
//           that nothing matched, the table hidden), clearing the box shows every row again; with
//           JavaScript off the box is not shown and every row is;
//   hostile checks a site built from hostile input: no dialog opens, no element has an on* attribute,
//           no javascript: URL, and the only scripts are countdown.js, results-filter.js and the search page's
//           search-index.js and search.js.
// 404.html is opened at a missing address two folders down (no/such/page.html), where it must answer 404
// and its links and styles, absolute (README), must still load.
//
// Usage: node browser.mjs [--base URL] axe SITE_DIR PAGE...
//        node browser.mjs [--base URL] shots SITE_DIR OUT_DIR PREFIX PAGE...
//        node browser.mjs [--base URL] phone SITE_DIR OUT_DIR PREFIX PAGE...
//        node browser.mjs filter SITE_DIR 'PAGE|TEXT TYPED|NAME,NAME...'...  (no NAME: nothing matches)
//        node browser.mjs [--base URL] hostile SITE_DIR PAGE...
// PAGE is a site-relative path (e.g. notices/index.html); URL ends with /. Exit status 1 on any finding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import http from 'node:http';
import url from 'node:url';

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
const SUB_PATH = '/contests/ai-2025/';
const FILE_URL = url.pathToFileURL(root + path.sep).href;
const server = http.createServer((req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
  // The site is served at the root and under a sub-path, as a web server may publish it.
  if (rel.startsWith(SUB_PATH)) rel = rel.slice(SUB_PATH.length - 1);
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
  // The filter check opens pages from file://: files of the site only.
  if (url.startsWith(FILE_URL)) return route.continue();
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

// The layout measured at 375 px: how many lines each table cell of at most 20 characters takes (its text's
// line boxes, counted by their tops), whether a caption is cut off at the right edge of the screen, and how
// far the page scrolls sideways (scrollWidth - clientWidth of the document).
function measureLayout() {
  const MAX_CHARS = 20;
  const viewport = document.documentElement.clientWidth;
  const cells = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const text = cell.textContent.replace(/\s+/g, ' ').trim();
    const chars = [...text].length;
    if (chars === 0 || chars > MAX_CHARS || cell.getClientRects().length === 0) continue;
    const style = getComputedStyle(cell);
    const lineHeight = style.lineHeight === 'normal' ? 1.2 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = [];
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0 && !tops.some((t) => Math.abs(t - r.top) < lineHeight / 2)) tops.push(r.top);
    }
    const table = cell.closest('table');
    const caption = table && table.caption ? table.caption.textContent.trim().slice(0, 30) : '';
    cells.push({ text, lines: Math.max(1, tops.length), table: caption });
  }
  const captions = [];
  for (const caption of document.querySelectorAll('caption')) {
    const range = document.createRange();
    range.selectNodeContents(caption);
    // The edge that clips it: its scrolling wrapper's, or the screen's.
    let clip = caption.parentElement;
    while (clip && clip !== document.body && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    const edge = Math.min(viewport, clip && clip !== document.body ? clip.getBoundingClientRect().right : viewport);
    const right = Math.max(0, ...[...range.getClientRects()].map((r) => r.right));
    if (right > edge + 0.5) captions.push({ text: caption.textContent.trim(), cut: Math.round(right - edge) });
  }
  const doc = document.documentElement;
  return { cells, captions, overflow: doc.scrollWidth - doc.clientWidth, scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth };
}

// phone OUT_DIR PREFIX PAGE...: every page at 375 px: no table cell of 20 characters or fewer on more than
// 3 lines, no caption cut off, no sideways scrolling of the page; the results pages are saved as
// screenshots. Prints the worst cell and the widest page of the site.
async function phone([outDir, prefix, ...pages]) {
  const MAX_LINES = 3;
  fs.mkdirSync(outDir, { recursive: true });
  let worst = { lines: 0 };
  let widest = { overflow: -Infinity };
  let cellsMeasured = 0;
  for (const rel of pages) {
    const page = await open(rel, 375, (p) => fail(`${rel} @375: ${p}`));
    const m = await page.evaluate(measureLayout);
    cellsMeasured += m.cells.length;
    for (const c of m.cells) {
      if (c.lines > worst.lines) worst = { ...c, page: rel };
      if (c.lines > MAX_LINES) fail(`${rel} @375: the cell “${c.text}” (table “${c.table}”) takes ${c.lines} lines (at most ${MAX_LINES})`);
    }
    for (const c of m.captions) fail(`${rel} @375: the caption “${c.text}” is cut off by ${c.cut}px at the right edge`);
    if (m.overflow > widest.overflow) widest = { overflow: m.overflow, scrollWidth: m.scrollWidth, page: rel };
    if (m.overflow > 0) fail(`${rel} @375: the page scrolls sideways by ${m.overflow}px (scrollWidth ${m.scrollWidth}, clientWidth ${m.clientWidth})`);
    if (rel.startsWith('results/')) {
      const name = `${prefix}-${rel.replace(/\.html$/, '').replace(/[\/]/g, '-')}-375.png`;
      await page.screenshot({ path: path.join(outDir, name), fullPage: true });
    }
    await page.close();
  }
  console.log(`phone ${site}: ${pages.length} pages at 375 px, ${cellsMeasured} cells of at most 20 characters; ` +
    `worst cell ${worst.lines} lines${worst.page ? ` (“${worst.text}” on ${worst.page})` : ''}; ` +
    `widest page ${widest.scrollWidth ?? '-'} px for 375 (${widest.page ?? '-'})`);
}

// The rows of a results page's filtered tables as a person sees them: names of the visible rows, the
// status line, whether the filter box shows and how many tables are visible.
function filterState() {
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const tables = [...document.querySelectorAll('table[data-filter-table]')];
  const rows = tables.flatMap((t) => [...t.tBodies].flatMap((b) => [...b.rows]));
  const box = document.querySelector('[data-results-filter]');
  return {
    names: rows.filter(visible).map((r) => r.querySelector('th[scope=row]').textContent.trim()),
    total: rows.length,
    status: (document.querySelector('[data-results-filter] [role=status]')?.textContent || '').trim(),
    boxShown: !!box && visible(box),
    tablesShown: tables.filter(visible).length,
  };
}

// filter CASE...: each CASE is 'PAGE|TEXT|NAME,NAME' (the names of the rows that must stay).
async function filter(cases) {
  let checked = 0;
  for (const spec of cases) {
    const [rel, typed, names] = spec.split('|');
    const expected = names ? names.split(',') : [];
    const where = [
      ['file://', url.pathToFileURL(path.join(root, rel)).href],
      [`http ${SUB_PATH}`, `${ORIGIN}${SUB_PATH}${rel}`],
    ];
    for (const [how, address] of where) {
      const label = `${rel} (${how}) “${typed}”`;
      const page = await context.newPage();
      await page.setViewportSize({ width: 375, height: 800 });
      page.on('pageerror', (e) => fail(`${label}: page error: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') fail(`${label}: console error: ${m.text()}`); });
      await page.goto(address, { waitUntil: 'load' });
      const before = await page.evaluate(filterState);
      if (!before.boxShown) {
        fail(`${label}: the filter box is not shown`);
        await page.close();
        continue;
      }
      if (before.names.length !== before.total || before.total === 0) fail(`${label}: ${before.names.length} of ${before.total} rows shown before typing`);
      await page.locator('#results-filter-input').pressSequentially(typed, { delay: 30 });
      await page.waitForFunction(() => document.querySelector('[data-results-filter] [role=status]')?.textContent.trim() !== '', null, { timeout: 5000 })
        .catch(() => fail(`${label}: the status line stayed empty for 5 s`));
      const after = await page.evaluate(filterState);
      if (JSON.stringify(after.names) !== JSON.stringify(expected)) {
        fail(`${label}: rows shown [${after.names.join(', ')}], expected [${expected.join(', ')}]`);
      }
      const status = expected.length ? `显示 ${expected.length} 条，共 ${before.total} 条` : '没有找到';
      if (!after.status.includes(status)) fail(`${label}: the status says “${after.status}”, expected “${status}”`);
      if (!expected.length && after.tablesShown !== 0) fail(`${label}: nothing matched but a table is still shown`);
      await page.locator('#results-filter-input').fill('');
      const cleared = await page.evaluate(filterState);
      if (cleared.names.length !== before.total || cleared.tablesShown === 0) fail(`${label}: clearing the box shows ${cleared.names.length} of ${before.total} rows`);
      await page.close();
      checked++;
    }
  }
  // Without JavaScript: no box, every row.
  for (const rel of new Set(cases.map((c) => c.split('|')[0]))) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(url.pathToFileURL(path.join(root, rel)).href, { waitUntil: 'load' });
    const state = await page.evaluate(filterState);
    if (state.boxShown) fail(`${rel} without JavaScript: the filter box is shown`);
    if (state.names.length !== state.total) fail(`${rel} without JavaScript: ${state.names.length} of ${state.total} rows shown`);
    await page.close();
  }
  console.log(`filter ${site}: ${checked} searches (${cases.length} cases, from file:// and under ${SUB_PATH}) and ${new Set(cases.map((c) => c.split('|')[0])).size} pages without JavaScript`);
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
  } else if (mode === 'phone') {
    await phone(rest);
  } else if (mode === 'filter') {
    await filter(rest);
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
          if (!s.src || !/^http:\/\/127\.0\.0\.1:\d+\/(.*\/)?(countdown|search-index|search|results-filter)\.js$/.test(s.src)) out.push(`script ${s.src || '(inline) ' + s.textContent.slice(0, 40)}`);
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
