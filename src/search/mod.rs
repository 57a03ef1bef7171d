//! Stage 2b, after the pages: the site search index, `search-index.js`, made from the rendered notices,
//! plan and track pages (the text a person reads on them, see [`text`]).
//!
//! The index is a script that sets `window.JINGSAI_SEARCH_INDEX`, loaded by `search.html` with a
//! `<script>` element, so it works from `file://` and under any sub-path (no `fetch`, no WebAssembly).
//! It holds each page's address, kind, title and text, the texts written in a compact code ([`code`]).
//! It holds no word list: Chinese has no spaces between words, so `search.js` cuts the query and the
//! texts into overlapping character pairs (bigrams; a single character for a one-character query) and
//! lower-cased ASCII words when searching. A stored bigram dictionary of the seed contest measured 17 KB,
//! 57% of the 30 KB of HTML it indexes, while the coded texts take 25%; see `bench/README.md`.
//!
//! The same pages give the same bytes: pages in path order (the notices newest first by address),
//! characters ranked by count with ties in code point order.

pub(crate) mod code;
pub(crate) mod text;

use crate::i18n::Text;
use crate::msg;
use crate::output::OutputMap;
use bytes::Bytes;
use code::Code;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the index goes in the site.
pub const INDEX_PATH: &str = "search-index.js";

/// How the index file starts.
pub(crate) const INDEX_START: &[u8] = b"window.JINGSAI_SEARCH_INDEX = ";

/// The search page, the one page that reads the index.
pub const PAGE_PATH: &str = "search.html";

/// The kinds of page searched, in the order the index lists them, with the label results show.
const KINDS: [(Kind, &str); 3] = [
    (Kind::Plan, "竞赛方案"),
    (Kind::Tracks, "赛项设置"),
    (Kind::Notice, "通知公告"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Plan,
    Tracks,
    Notice,
}

/// The kind of page at `path` when the search covers it: the plan, the tracks page and each track's
/// page, and each notice (not the notice lists).
fn kind(path: &str) -> Option<Kind> {
    let html = path.strip_suffix(".html")?;
    if html == "plan" {
        Some(Kind::Plan)
    } else if html
        .strip_prefix("tracks/")
        .is_some_and(|p| !p.contains('/'))
    {
        Some(Kind::Tracks)
    } else if html
        .strip_prefix("notices/")
        .is_some_and(|p| !p.contains('/') && p != "index")
    {
        Some(Kind::Notice)
    } else {
        None
    }
}

/// The pages the search covers, in the order of the index: the plan, the tracks pages in path order
/// (the tracks page first), the notices by address, last first (dated addresses: newest first).
fn indexed_pages(map: &OutputMap) -> Vec<(&str, Kind, &[u8])> {
    let mut pages: Vec<(&str, Kind, &[u8])> = map
        .iter()
        .filter_map(|(path, bytes)| kind(path).map(|k| (path, k, bytes)))
        .collect();
    pages.sort_by(|a, b| {
        a.1.cmp(&b.1).then_with(|| match a.1 {
            Kind::Notice => b.0.cmp(a.0),
            Kind::Tracks => (a.0 != "tracks/index.html")
                .cmp(&(b.0 != "tracks/index.html"))
                .then(a.0.cmp(b.0)),
            Kind::Plan => a.0.cmp(b.0),
        })
    });
    pages
}

/// Feeds everything [`index_from`] reads of `map` into `hasher`: the address, kind and bytes of each
/// indexed page, in the index's order (the key of a cached index, `crate::site::cache`). A page in
/// `page_keys` is fed its page-cache key instead of its bytes: the key determines the bytes.
pub(crate) fn feed_indexed(
    map: &OutputMap,
    page_keys: &std::collections::HashMap<String, [u8; 32]>,
    hasher: &mut sha2::Sha256,
) {
    use crate::pdf::cache::feed;
    for (path, kind, bytes) in indexed_pages(map) {
        feed(hasher, path.as_bytes());
        feed(hasher, format!("{kind:?}").as_bytes());
        match page_keys.get(path) {
            Some(key) => {
                feed(hasher, b"page key");
                feed(hasher, key);
            }
            None => {
                feed(hasher, b"bytes");
                feed(hasher, bytes);
            }
        }
    }
}

#[derive(Serialize)]
struct IndexFile<'a> {
    /// The format of this file, for `search.js`.
    version: u32,
    /// The labels of the kinds, by kind number.
    kinds: Vec<&'static str>,
    /// The characters by rank.
    chars: String,
    /// How many characters of the alphabet end a codeword.
    stoppers: usize,
    /// Per page: address, kind number, coded title, coded text.
    pages: Vec<(&'a str, usize, &'a str, &'a str)>,
}

/// The text of every searched page as last read, kept between builds so that `serve` reads and codes
/// again only the pages that changed: each page's bytes (shared with the output map, so an unchanged page
/// is the same buffer), the text found in them and that text coded, with the code it was coded in.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageTexts {
    pages: HashMap<String, Page>,
    /// The characters by rank and the stoppers of the code the pages were coded in.
    code: Option<(Vec<char>, usize)>,
}

/// One searched page as last read.
#[derive(Debug, Clone)]
struct Page {
    bytes: Bytes,
    text: Option<Arc<text::PageText>>,
    coded: Option<Arc<Coded>>,
}

/// A searched page while the index is made: address, kind, text and the text coded before, if kept.
type Searched<'a> = (&'a str, Kind, Arc<text::PageText>, Option<Arc<Coded>>);

/// A page's title and text in the index's code.
#[derive(Debug)]
struct Coded {
    title: String,
    text: String,
}

impl PageTexts {
    /// The page at `path` as last read, when its bytes are the ones read then.
    fn unchanged(&self, path: &str, bytes: &Bytes) -> Option<&Page> {
        self.pages.get(path).filter(|before| {
            before.bytes.as_ptr() == bytes.as_ptr() && before.bytes.len() == bytes.len()
        })
    }

    /// Whether the pages were coded in `code`.
    fn coded_in(&self, code: &Code) -> bool {
        self.code
            .as_ref()
            .is_some_and(|(chars, stoppers)| *chars == code.chars && *stoppers == code.stoppers)
    }
}

/// The index of the searched pages of `map` (rendered pages), as the bytes of `search-index.js`.
#[cfg(test)]
pub(crate) fn index(map: &OutputMap) -> Vec<u8> {
    index_from(map, &PageTexts::default()).1
}

/// The index of the searched pages of `map`, reading and coding again only the pages whose bytes are not
/// those of `previous` (all of them when the code changed); with the pages read, for the next rebuild.
/// The index is the same as from nothing.
pub(crate) fn index_from(map: &OutputMap, previous: &PageTexts) -> (PageTexts, Vec<u8>) {
    let mut texts = PageTexts::default();
    let mut pages: Vec<Searched<'_>> = Vec::new();
    for (path, kind) in indexed_pages(map)
        .into_iter()
        .map(|(path, kind, _)| (path, kind))
    {
        let Some(bytes) = map.get_shared(path) else {
            continue;
        };
        let (text, coded) = match previous.unchanged(path, &bytes) {
            Some(before) => (before.text.clone(), before.coded.clone()),
            None => {
                let text = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(text::page_text)
                    .map(Arc::new);
                (text, None)
            }
        };
        if let Some(text) = &text {
            pages.push((path, kind, Arc::clone(text), coded));
        }
        let page = Page {
            bytes,
            text,
            coded: None,
        };
        texts.pages.insert(path.to_string(), page);
    }
    let code = Code::for_texts(
        pages
            .iter()
            .flat_map(|(_, _, t, _)| [t.title.as_str(), t.text.as_str()]),
    );
    let same_code = previous.coded_in(&code);
    let coded: Vec<Arc<Coded>> = pages
        .iter()
        .map(|(path, _, t, before)| {
            let coded = match before {
                Some(before) if same_code => Arc::clone(before),
                _ => {
                    let (mut title, mut text) = (String::new(), String::new());
                    code.encode(&t.title, &mut title);
                    code.encode(&t.text, &mut text);
                    Arc::new(Coded { title, text })
                }
            };
            if let Some(page) = texts.pages.get_mut(*path) {
                page.coded = Some(Arc::clone(&coded));
            }
            coded
        })
        .collect();
    texts.code = Some((code.chars.clone(), code.stoppers));
    let file = IndexFile {
        version: 1,
        kinds: KINDS.iter().map(|(_, label)| *label).collect(),
        chars: code.chars.iter().collect(),
        stoppers: code.stoppers,
        pages: pages
            .iter()
            .zip(&coded)
            .map(|((path, kind, _, _), coded)| {
                let number = KINDS.iter().position(|(k, _)| k == kind).unwrap_or(0);
                (*path, number, coded.title.as_str(), coded.text.as_str())
            })
            .collect(),
    };
    let coded_bytes: usize = file.pages.iter().map(|p| p.2.len() + p.3.len()).sum();
    let mut out = Vec::with_capacity(coded_bytes + file.chars.len() + 64 * file.pages.len() + 64);
    out.extend_from_slice(INDEX_START);
    serde_json::to_writer(&mut out, &file).expect("the index serialises");
    out.extend_from_slice(b";\n");
    (texts, out)
}

/// The size of a site's search index against the HTML of the pages it covers, for the build summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexSize {
    /// The bytes of `search-index.js`.
    pub index_bytes: usize,
    /// The pages the search covers.
    pub pages: usize,
    /// The bytes of their HTML.
    pub html_bytes: usize,
}

impl IndexSize {
    /// The index of a built site, `None` when it has none.
    pub fn of(map: &OutputMap) -> Option<IndexSize> {
        let index_bytes = map.get(INDEX_PATH)?.len();
        let pages = indexed_pages(map);
        Some(IndexSize {
            index_bytes,
            pages: pages.len(),
            html_bytes: pages.iter().map(|(_, _, bytes)| bytes.len()).sum(),
        })
    }

    /// The index's size in percent of the HTML it covers.
    pub fn percent(&self) -> f64 {
        if self.html_bytes == 0 {
            0.0
        } else {
            self.index_bytes as f64 * 100.0 / self.html_bytes as f64
        }
    }
}

impl IndexSize {
    /// The build summary's line on the index.
    pub fn summary(&self) -> Text {
        msg!(
            "cli-search-index",
            path = INDEX_PATH,
            bytes = self.index_bytes,
            percent = format!("{:.1}", self.percent()),
            html = self.html_bytes,
            pages = self.pages
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, body: &str) -> String {
        format!(
            "<html><body><nav>导航</nav><main><article><h1>{title}</h1><p>{body}</p></article></main></body></html>"
        )
    }

    fn site() -> OutputMap {
        let mut map = OutputMap::new();
        map.insert("index.html", page("首页", "不在索引里"));
        map.insert("plan.html", page("竞赛方案", "方案正文"));
        map.insert("tracks/index.html", page("赛项设置", "全部赛项"));
        map.insert("tracks/b-track.html", page("乙赛项", "乙"));
        map.insert("tracks/a-track.html", page("甲赛项", "甲"));
        map.insert("notices/index.html", page("通知公告", "列表"));
        map.insert("notices/page/2.html", page("通知公告", "列表"));
        map.insert("notices/2025-01-01-a.html", page("旧通知", "旧"));
        map.insert("notices/2025-02-01-b.html", page("新通知 &lt;b&gt;", "新"));
        map
    }

    #[test]
    fn a_rebuild_from_the_pages_before_gives_the_index_from_nothing() {
        let first = site();
        let (before, _) = index_from(&first, &PageTexts::default());
        // One notice edited with characters already counted (the code may stay), then one with a
        // character never seen (the code changes): each time the same bytes as an index from nothing.
        for body in ["新新新", "新的一段：喆"] {
            let mut map = first.clone();
            map.insert("notices/2025-02-01-b.html", page("新通知", body));
            let (after, bytes) = index_from(&map, &before);
            assert_eq!(bytes, index(&map), "{body}");
            // Unchanged pages were neither read nor coded again.
            let kept = &after.pages["plan.html"];
            assert!(Arc::ptr_eq(
                kept.text.as_ref().unwrap(),
                before.pages["plan.html"].text.as_ref().unwrap()
            ));
        }
    }

    #[test]
    fn covers_plan_tracks_and_notices_newest_first() {
        let map = site();
        let order: Vec<&str> = indexed_pages(&map).iter().map(|p| p.0).collect();
        assert_eq!(
            order,
            [
                "plan.html",
                "tracks/index.html",
                "tracks/a-track.html",
                "tracks/b-track.html",
                "notices/2025-02-01-b.html",
                "notices/2025-01-01-a.html"
            ]
        );
    }

    #[test]
    fn the_index_is_a_script_whose_texts_decode_and_is_the_same_every_time() {
        let map = site();
        let bytes = index(&map);
        assert_eq!(bytes, index(&map.clone()), "deterministic");
        let text = String::from_utf8(bytes).unwrap();
        let json = text
            .strip_prefix("window.JINGSAI_SEARCH_INDEX = ")
            .and_then(|t| t.strip_suffix(";\n"))
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let chars: Vec<char> = value["chars"].as_str().unwrap().chars().collect();
        let stoppers = value["stoppers"].as_u64().unwrap() as usize;
        let pages = value["pages"].as_array().unwrap();
        assert_eq!(pages.len(), 6);
        let newest = &pages[4];
        assert_eq!(newest[0], "notices/2025-02-01-b.html");
        assert_eq!(
            value["kinds"][newest[1].as_u64().unwrap() as usize],
            "通知公告"
        );
        let title = code::tests::decode(&chars, stoppers, newest[2].as_str().unwrap());
        assert_eq!(title, "新通知 <b>", "stored as text, decoded");
        assert_eq!(
            code::tests::decode(&chars, stoppers, newest[3].as_str().unwrap()),
            "新"
        );
        assert!(!text.contains("不在索引里") && !text.contains("导航"));
    }

    #[test]
    fn the_size_counts_the_html_of_the_covered_pages() {
        let mut map = site();
        assert_eq!(IndexSize::of(&map), None);
        let bytes = index(&map);
        map.insert(INDEX_PATH, bytes.clone());
        let size = IndexSize::of(&map).unwrap();
        assert_eq!(size.index_bytes, bytes.len());
        assert_eq!(size.pages, 6);
        let html: usize = [
            "plan.html",
            "tracks/index.html",
            "tracks/a-track.html",
            "tracks/b-track.html",
            "notices/2025-01-01-a.html",
            "notices/2025-02-01-b.html",
        ]
        .iter()
        .map(|p| map.get(p).unwrap().len())
        .sum();
        assert_eq!(size.html_bytes, html);
        assert!(
            size.summary()
                .render(crate::i18n::Lang::En)
                .contains("% of the")
        );
        assert!(
            size.summary()
                .render(crate::i18n::Lang::Zh)
                .contains("字节")
        );
    }
}
