//! The cache of rendered notice pages and of the search index (`src/site/cache.rs`), through the real
//! binary: a warm rebuild takes unchanged pages from the cache, and an edit of any input a page reads
//! (a notice's body, a notice's title shown in the lists, a contact in contest.yaml, a template) changes
//! the pages that show it, with the whole output equal byte for byte to a build with `--no-cache`.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::ContestCopy;

/// A copied seed contest with three more notices and a cache folder beside it.
struct Setup {
    copy: ContestCopy,
    cache: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let copy = support::contest_copy();
        for (day, title, body) in [
            (
                "2025-10-20",
                "关于开展赛前培训的通知",
                "各参赛单位：赛前培训定于十月下旬举行。",
            ),
            (
                "2025-10-21",
                "关于竞赛场地开放的通知",
                "竞赛场地于赛前一日开放，供选手熟悉环境。",
            ),
            (
                "2025-10-22",
                "关于竞赛日程调整的说明",
                "因场地安排，部分赛项日程略有调整。",
            ),
        ] {
            copy.write(
                &format!("content/notices/{day}-extra.md"),
                format!("---\ntitle: {title}\ndate: {day}\nsource: 竞赛组委会\n---\n\n{body}\n"),
            );
        }
        let cache = copy.beside("cache");
        Setup { copy, cache }
    }

    /// Builds into `out` (beside the contest) with this cache and `extra` options; must succeed.
    fn build(&self, out: &str, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
        let output = support::jingsai("build")
            .env("JINGSAI_CACHE_DIR", &self.cache)
            .args(extra)
            .arg(self.copy.path())
            .arg("--output")
            .arg(self.copy.beside(out))
            .output()
            .expect("jingsai runs");
        assert!(output.status.success(), "{}", support::built::text(&output));
        files(&self.copy.beside(out))
    }

    /// A warm build into `out` (whose cache and output are filled) next to a build with `--no-cache`
    /// into an empty folder: they must be the same bytes. Gives the warm build's files.
    fn rebuild_equals_uncached(&self, out: &str) -> BTreeMap<String, Vec<u8>> {
        let warm = self.build(out, &[]);
        let reference = format!("{out}-reference");
        let _ = std::fs::remove_dir_all(self.copy.beside(&reference));
        let uncached = self.build(&reference, &["--no-cache"]);
        assert_eq!(
            warm.keys().collect::<Vec<_>>(),
            uncached.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &warm {
            assert!(
                uncached[path] == *bytes,
                "`{path}` differs from a build without the cache"
            );
        }
        warm
    }

    /// The cache files whose names start with `prefix`.
    fn cache_files(&self, prefix: &str) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&self.cache)
            .expect("the cache folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .collect();
        found.sort();
        found
    }
}

/// Every file of a folder (relative path → bytes).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside");
                all.insert(
                    rel.to_string_lossy().to_string(),
                    std::fs::read(&path).expect("file"),
                );
            }
        }
    }
    all
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    let bytes = files
        .get(path)
        .unwrap_or_else(|| panic!("no `{path}` in {:?}", files.keys()));
    String::from_utf8(bytes.clone()).expect("utf-8")
}

const EXTRA_PAGE: &str = "notices/2025-10-21-extra.html";

#[test]
fn a_warm_rebuild_fills_and_uses_the_page_cache_and_equals_no_cache() {
    let setup = Setup::new();
    let cold = setup.build("out", &[]);
    assert_eq!(setup.cache_files("s-").len(), 1, "one file of notice pages");
    assert_eq!(setup.cache_files("i-").len(), 1, "one search index");
    assert_eq!(setup.rebuild_equals_uncached("out"), cold);
    // Nothing of the cache reaches the output folder.
    assert!(
        !cold.keys().any(|p| p.contains("cache")),
        "{:?}",
        cold.keys()
    );
}

#[test]
fn a_warm_rebuild_takes_unchanged_notice_pages_from_the_cache() {
    // The cache folder is the user's own (see `src/pdf/cache.rs`): a page stored there under the key of
    // unchanged inputs is what the next build publishes. Rewriting one, with a correct hash, shows
    // that the warm build took it from there instead of rendering it again.
    let setup = Setup::new();
    setup.build("out", &[]);
    let [pages] = setup
        .cache_files("s-")
        .try_into()
        .expect("one file of pages");
    let data = std::fs::read(&pages).expect("pages");
    let (marked, count) = replace_all(&data, "赛前一日开放".as_bytes(), "赛前一天开放".as_bytes());
    assert_eq!(
        count, 2,
        "the notice's page has the text in its description and its body"
    );
    std::fs::write(&pages, rehash(marked)).expect("write");
    let warm = setup.build("out", &[]);
    assert!(text(&warm, EXTRA_PAGE).contains("赛前一天开放"));
    // `--no-cache` renders it again.
    let uncached = setup.build("out", &["--no-cache"]);
    assert!(text(&uncached, EXTRA_PAGE).contains("赛前一日开放"));
}

#[test]
fn a_damaged_or_linked_page_cache_is_not_used() {
    let setup = Setup::new();
    let cold = setup.build("out", &[]);
    let [pages] = setup
        .cache_files("s-")
        .try_into()
        .expect("one file of pages");
    let data = std::fs::read(&pages).expect("pages");
    // Changed without a new hash: refused, the pages are rendered and the file replaced.
    let (damaged, _) = replace_all(&data, "赛前一日开放".as_bytes(), "赛前一天开放".as_bytes());
    std::fs::write(&pages, damaged).expect("write");
    assert_eq!(setup.build("out", &[]), cold);
    assert_eq!(std::fs::read(&pages).expect("pages"), data, "replaced");
    #[cfg(unix)]
    {
        // A link in place of the file is never followed.
        let elsewhere = setup.copy.beside("elsewhere");
        let (marked, _) = replace_all(&data, "赛前一日开放".as_bytes(), "赛前一天开放".as_bytes());
        std::fs::write(&elsewhere, rehash(marked)).expect("write");
        std::fs::remove_file(&pages).expect("remove");
        std::os::unix::fs::symlink(&elsewhere, &pages).expect("link");
        assert_eq!(setup.build("out", &[]), cold);
    }
}

#[test]
fn editing_a_notice_body_changes_its_page_and_the_search_index() {
    let setup = Setup::new();
    let before = setup.build("out", &[]);
    setup.copy.replace(
        "content/notices/2025-10-21-extra.md",
        "供选手熟悉环境",
        "供选手熟悉设备与环境",
    );
    let after = setup.rebuild_equals_uncached("out");
    assert!(text(&after, EXTRA_PAGE).contains("供选手熟悉设备与环境"));
    assert_ne!(after["search-index.js"], before["search-index.js"]);
    assert_eq!(
        after["notices/2025-10-20-extra.html"],
        before["notices/2025-10-20-extra.html"]
    );
}

#[test]
fn editing_a_notice_title_changes_its_page_and_the_lists() {
    let setup = Setup::new();
    setup.build("out", &[]);
    setup.copy.replace(
        "content/notices/2025-10-21-extra.md",
        "title: 关于竞赛场地开放的通知",
        "title: 关于竞赛场地提前开放的通知",
    );
    let after = setup.rebuild_equals_uncached("out");
    for page in [EXTRA_PAGE, "notices/index.html", "index.html"] {
        assert!(
            text(&after, page).contains("关于竞赛场地提前开放的通知"),
            "`{page}` shows the new title"
        );
    }
}

#[test]
fn editing_a_contact_in_contest_yaml_changes_every_notice_page() {
    let setup = Setup::new();
    setup.build("out", &[]);
    setup.copy.replace(
        "content/contest.yaml",
        "phone: \"13207515272\"",
        "phone: \"13207515273\"",
    );
    let after = setup.rebuild_equals_uncached("out");
    for page in [
        EXTRA_PAGE,
        "notices/2025-10-16-plan-issued.html",
        "contacts.html",
    ] {
        assert!(
            text(&after, page).contains("13207515273"),
            "`{page}` shows the new phone number"
        );
    }
}

#[test]
fn editing_the_notice_template_changes_every_notice_page() {
    let setup = Setup::new();
    setup.build("out", &[]);
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/site/builtin/notice.html"),
    )
    .expect("the built-in notice template");
    assert!(builtin.contains("返回通知公告"));
    setup.copy.write(
        "templates/notice.html",
        builtin.replace("返回通知公告", "返回全部通知"),
    );
    let after = setup.rebuild_equals_uncached("out");
    for page in [EXTRA_PAGE, "notices/2025-10-16-plan-issued.html"] {
        assert!(text(&after, page).contains("返回全部通知"), "`{page}`");
    }
    // Back to the built-in template: the first pages again, from the cache or not.
    std::fs::remove_file(setup.copy.file("templates/notice.html")).expect("remove");
    let back = setup.rebuild_equals_uncached("out");
    assert!(text(&back, EXTRA_PAGE).contains("返回通知公告"));
}

#[test]
fn removing_a_notice_removes_its_page() {
    let setup = Setup::new();
    setup.build("out", &[]);
    std::fs::remove_file(setup.copy.file("content/notices/2025-10-21-extra.md")).expect("remove");
    let after = setup.rebuild_equals_uncached("out");
    assert!(!after.contains_key(EXTRA_PAGE));
}

/// `data` with every `from` replaced by `to` (the same length), and how many there were.
fn replace_all(data: &[u8], from: &[u8], to: &[u8]) -> (Vec<u8>, usize) {
    assert_eq!(from.len(), to.len());
    let mut out = data.to_vec();
    let mut count = 0;
    let mut i = 0;
    while i + from.len() <= out.len() {
        if &out[i..i + from.len()] == from {
            out[i..i + from.len()].copy_from_slice(to);
            count += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    (out, count)
}

/// A cache file with its check made again for its changed contents (magic line, the CRC-32 and length
/// of the rest, the rest).
fn rehash(mut data: Vec<u8>) -> Vec<u8> {
    let start = b"JINGSAI-PDF-CACHE 2\n".len();
    let body = start + 4 + 8;
    let crc = crc32fast::hash(&data[body..]);
    let len = (data.len() - body) as u64;
    data[start..start + 4].copy_from_slice(&crc.to_le_bytes());
    data[start + 4..body].copy_from_slice(&len.to_le_bytes());
    data
}
