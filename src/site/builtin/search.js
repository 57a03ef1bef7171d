// Site search (search.html), a progressive enhancement: without JavaScript the page says that search needs
// it and links to the notices, the plan and the tracks. search-index.js, loaded before this script with a
// <script> element (so it works from file:// and under any sub-path; no fetch, no WebAssembly), holds the
// notices, the plan and the track pages as coded text. This script decodes them once, cuts the query into
// tokens (Chinese has no spaces between words: overlapping character pairs, one character for a one-character
// query, and lower-case words of Latin letters and digits) and ranks the pages: the whole query found as
// written first, then found in a title, then how many of its tokens a page has (rare tokens weigh more),
// then how often it occurs for the page's length. Everything shown is inserted as text, never as HTML.
(function (root) {
  "use strict";
  // The code of search-index.js (src/search/code.rs): 93 printable ASCII characters, no " and no \.
  var ALPHABET = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff";
  var TOKEN = new RegExp("[" + CJK + "]+|[0-9a-z\u00c0-\u024f]+", "g");
  var HAS_TOKEN = new RegExp("[" + CJK + "0-9a-z\u00c0-\u024f]");
  var STARTS_CJK = new RegExp("^[" + CJK + "]");
  var MAX_RESULTS = 50;

  // The decoder of one index: a function from a coded string to its text. The text is written as UTF-16
  // code units into one buffer and read with a TextDecoder: fast enough for thousands of pages.
  function decoder(index) {
    var chars = Array.from(index.chars);
    var units = chars.map(function (c) { return [c.charCodeAt(0), c.length > 1 ? c.charCodeAt(1) : -1]; });
    var stoppers = index.stoppers;
    var continuers = ALPHABET.length - stoppers;
    var digits = new Int8Array(128).fill(-1);
    for (var i = 0; i < ALPHABET.length; i++) digits[ALPHABET.charCodeAt(i)] = i;
    var buffer = new Uint16Array(1024);
    var utf16 = new TextDecoder("utf-16le");
    return function (code) {
      if (buffer.length < code.length * 2) buffer = new Uint16Array(code.length * 2);
      var n = 0;
      var value = 0, base = 0, span = stoppers;
      for (var j = 0; j < code.length; j++) {
        var digit = digits[code.charCodeAt(j)];
        if (digit >= stoppers) {
          value = value * continuers + (digit - stoppers);
          base += span;
          span *= continuers;
        } else {
          var unit = units[value * stoppers + digit + base];
          buffer[n++] = unit[0];
          if (unit[1] >= 0) buffer[n++] = unit[1];
          value = 0; base = 0; span = stoppers;
        }
      }
      return utf16.decode(buffer.subarray(0, n));
    };
  }

  // Full-width Latin letters and digits as ASCII, the ideographic space as a space, ASCII letters in lower
  // case: one UTF-16 unit for one, so a position in the result is one in the original.
  function normalize(text) {
    return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000A-Z]/g, function (c) {
      var code = c.charCodeAt(0);
      if (code === 0x3000) return " ";
      if (code >= 0xff01) return String.fromCharCode(code - 0xfee0).toLowerCase();
      return c.toLowerCase();
    });
  }

  // The tokens of a query, each once, in order: the character pairs of each run of Chinese (or the
  // character, when the run has one), and each word of letters and digits.
  function tokens(query) {
    var runs = normalize(query).match(TOKEN) || [];
    var out = [];
    var add = function (t) { if (out.indexOf(t) < 0) out.push(t); };
    runs.forEach(function (run) {
      var chars = Array.from(run);
      if (!STARTS_CJK.test(run) || chars.length === 1) { add(run); return; }
      for (var i = 0; i + 1 < chars.length; i++) add(chars[i] + chars[i + 1]);
    });
    return out;
  }

  // The parts of a query between spaces, normalised: each is looked for as written.
  function parts(query) {
    return normalize(query).split(/\s+/).filter(function (p) { return HAS_TOKEN.test(p); });
  }

  // Decodes the pages of an index: address, kind label, title and text, and both normalised.
  function pages(index) {
    var decode = decoder(index);
    return index.pages.map(function (p) {
      var title = decode(p[2]), text = decode(p[3]);
      return { path: p[0], kind: index.kinds[p[1]] || "", title: title, text: text,
        normTitle: normalize(title), normText: normalize(text) };
    });
  }

  function count(haystack, needle, most) {
    var n = 0;
    if (!needle) return 0;
    for (var at = haystack.indexOf(needle); at >= 0 && n < most; at = haystack.indexOf(needle, at + needle.length)) n++;
    return n;
  }

  // The pages that match `query`, best first: [{page, at, length}], where `at` and `length` place the
  // match that the excerpt shows in the page's text (at = -1: the match is in the title only).
  function search(docs, query) {
    var toks = tokens(query);
    if (!toks.length) return [];
    var ps = parts(query);
    var longest = ps.reduce(function (a, b) { return b.length > a.length ? b : a; }, "");
    var hits = docs.map(function (d) {
      return toks.map(function (t) { return (d.normTitle.indexOf(t) >= 0 ? 2 : 0) | (d.normText.indexOf(t) >= 0 ? 1 : 0); });
    });
    var weights = toks.map(function (t, i) {
      var df = hits.filter(function (h) { return h[i]; }).length;
      return Math.log(1 + docs.length / Math.max(df, 1));
    });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var found = [];
    docs.forEach(function (d, n) {
      var got = 0, inTitle = 0;
      toks.forEach(function (t, i) {
        if (hits[n][i]) got += weights[i];
        if (hits[n][i] & 2) inTitle += weights[i];
      });
      var coverage = got / total;
      if (toks.length <= 2 ? coverage < 0.999 : coverage < 0.6) return;
      var phrase = ps.every(function (p) { return d.normTitle.indexOf(p) >= 0 || d.normText.indexOf(p) >= 0; });
      var titlePhrase = ps.every(function (p) { return d.normTitle.indexOf(p) >= 0; });
      var density = count(d.normText, longest, 100) / (d.normText.length + 200);
      found.push({ page: d, n: n, phrase: phrase, titlePhrase: titlePhrase, coverage: coverage,
        titleCoverage: inTitle / total, density: density });
    });
    found.sort(function (a, b) {
      return (b.phrase - a.phrase) || (b.titlePhrase - a.titlePhrase) || (b.coverage - a.coverage) ||
        (b.titleCoverage - a.titleCoverage) || (b.density - a.density) || (a.n - b.n);
    });
    return found.map(function (f) {
      var place = matchIn(f.page.normText, ps, toks, weights);
      return { page: f.page, at: place[0], length: place[1] };
    });
  }

  // Where the excerpt of a page's text is taken: the longest part of the query found as written, else
  // its rarest token found.
  function matchIn(text, ps, toks, weights) {
    var best = [-1, 0];
    ps.forEach(function (p) { var at = text.indexOf(p); if (at >= 0 && p.length > best[1]) best = [at, p.length]; });
    if (best[0] >= 0) return best;
    var weight = -1;
    toks.forEach(function (t, i) { var at = text.indexOf(t); if (at >= 0 && weights[i] > weight) { weight = weights[i]; best = [at, t.length]; } });
    return best;
  }

  // A short excerpt of `text` around [at, at + length): {text, marks: [[from, to]]} with the query's parts
  // (else its tokens) marked, positions in the excerpt.
  function excerpt(text, at, length, query) {
    var start = Math.max(0, (at < 0 ? 0 : at) - 24);
    var end = Math.min(text.length, (at < 0 ? 0 : at + length) + 72);
    if (start > 0 && /[\udc00-\udfff]/.test(text.charAt(start))) start--;
    if (end < text.length && /[\udc00-\udfff]/.test(text.charAt(end))) end++;
    var piece = text.slice(start, end).replace(/\n/g, " ");
    var prefix = start > 0 ? "…" : "";
    var shown = prefix + piece + (end < text.length ? "…" : "");
    var norm = normalize(shown);
    var marks = [];
    var mark = function (list) {
      list.forEach(function (p) {
        for (var i = norm.indexOf(p); i >= 0; i = norm.indexOf(p, i + p.length)) marks.push([i, i + p.length]);
      });
    };
    mark(parts(query));
    if (!marks.length) mark(tokens(query));
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    marks.forEach(function (m) {
      var last = merged[merged.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]); else merged.push([m[0], m[1]]);
    });
    return { text: shown, marks: merged };
  }

  var api = { decoder: decoder, normalize: normalize, tokens: tokens, parts: parts, pages: pages,
    search: search, excerpt: excerpt };
  root.JingsaiSearch = api;
  if (typeof document === "undefined") return;

  var form = document.querySelector("form.site-search");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var note = document.getElementById("search-needs-js");
  var index = root.JINGSAI_SEARCH_INDEX;
  if (!form || !input || !status || !list) return;
  if (!index || index.version !== 1) {
    status.textContent = "搜索索引未能加载。";
    return;
  }
  if (note) note.hidden = true;
  var docs = null;

  function show(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    if (!docs) docs = pages(index);
    var results = search(docs, query);
    if (!results.length) {
      status.textContent = "没有找到与“" + query.trim() + "”相关的页面。";
      return;
    }
    status.textContent = "找到 " + results.length + " 个相关页面" +
      (results.length > MAX_RESULTS ? "，显示前 " + MAX_RESULTS + " 个" : "") + "。";
    results.slice(0, MAX_RESULTS).forEach(function (r) {
      if (!/^[^:/?#\\][^:?#\\]*\.html$/.test(r.page.path)) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = r.page.path;
      link.textContent = r.page.title || r.page.path;
      item.appendChild(link);
      var kind = document.createElement("span");
      kind.className = "site-search-kind";
      kind.textContent = r.page.kind;
      item.appendChild(kind);
      var shown = excerpt(r.page.text, r.at, r.length, query);
      var p = document.createElement("p");
      var from = 0;
      shown.marks.forEach(function (m) {
        p.appendChild(document.createTextNode(shown.text.slice(from, m[0])));
        var marked = document.createElement("mark");
        marked.textContent = shown.text.slice(m[0], m[1]);
        p.appendChild(marked);
        from = m[1];
      });
      p.appendChild(document.createTextNode(shown.text.slice(from)));
      item.appendChild(p);
      list.appendChild(item);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})(typeof window !== "undefined" ? window : globalThis);
