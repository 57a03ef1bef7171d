//! The cache of compiled PDFs, through the real binary: a warm rebuild compiles nothing, an edit
//! recompiles what reads it, a damaged or misplaced cache is never trusted, and the output is
//! byte-identical to a build without the cache. Each test has a cache folder of its own
//! (`JINGSAI_CACHE_DIR`); the build summary line says how many PDFs came from the cache.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::ContestCopy;
use support::clients::pdf_text;

/// A copied seed contest with a cache folder beside it.
struct Setup {
    copy: ContestCopy,
    cache: PathBuf,
}

impl Setup {
    fn new() -> Self {
        Self::of(support::contest_copy())
    }

    /// The contest `copy` with a cache folder beside it.
    fn of(copy: ContestCopy) -> Self {
        let cache = copy.beside("cache");
        Setup { copy, cache }
    }

    /// `jingsai SUBCOMMAND [EXTRA..] DIR [--output OUT]` with this cache; must succeed. Gives stderr.
    fn run(&self, subcommand: &str, out: Option<&Path>, extra: &[&str]) -> String {
        let mut command = support::jingsai(subcommand);
        command
            .env("JINGSAI_CACHE_DIR", &self.cache)
            .args(extra)
            .arg(self.copy.path());
        if let Some(out) = out {
            command.arg("--output").arg(out);
        }
        let output = command.output().expect("jingsai runs");
        let text = support::built::text(&output);
        assert!(output.status.success(), "{text}");
        text
    }

    /// Builds into `out` (beside the contest) and gives the output of the run.
    fn build(&self, out: &str, extra: &[&str]) -> String {
        self.run("build", Some(&self.copy.beside(out)), extra)
    }

    /// The PDF entries of the cache folder (not traces, not the forms zip).
    fn entries(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&self.cache)
            .expect("the cache folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("p-"))
                    && is_pdf_entry(&std::fs::read(p).expect("entry"))
            })
            .collect();
        found.sort();
        found
    }
}

/// Whether a cache file holds a PDF: its payload (after the magic line, the CRC-32 and length, the key,
/// the length of the metadata and the metadata) starts with `%PDF-`.
fn is_pdf_entry(data: &[u8]) -> bool {
    let header = b"JINGSAI-PDF-CACHE 2\n".len() + 4 + 8 + 32;
    let Some(length) = data.get(header..header + 8) else {
        return false;
    };
    let meta = u64::from_le_bytes(length.try_into().expect("8 bytes")) as usize;
    data.get(header + 8 + meta..)
        .is_some_and(|payload| payload.starts_with(b"%PDF-"))
}

/// The summary line of the PDFs: `(from the cache, compiled)`.
fn counts(text: &str) -> (usize, usize) {
    let line = text
        .lines()
        .find(|l| l.starts_with("PDFs: "))
        .unwrap_or_else(|| panic!("no PDF summary in:\n{text}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers[0], numbers[1])
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
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .to_string();
                all.insert(rel, std::fs::read(&path).expect("file"));
            }
        }
    }
    all
}

/// The PDFs of a built site (relative path → bytes).
fn pdfs(out: &Path) -> BTreeMap<String, Vec<u8>> {
    files(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".pdf") || path.ends_with(".zip"))
        .collect()
}

#[test]
fn a_warm_rebuild_compiles_no_pdf_and_writes_the_same_bytes_as_no_cache() {
    let setup = Setup::new();
    assert_eq!(counts(&setup.build("cold", &[])), (0, 3));
    let warm = setup.build("warm", &[]);
    assert_eq!(counts(&warm), (3, 0), "{warm}");
    assert!(
        warm.contains(&format!("(cache: `{}`)", setup.cache.display())),
        "{warm}"
    );
    let uncached = setup.build("uncached", &["--no-cache"]);
    assert!(
        uncached.contains("PDFs: 3 compiled (the PDF cache is off)"),
        "{uncached}"
    );
    let cold = files(&setup.copy.beside("cold"));
    assert_eq!(
        cold,
        files(&setup.copy.beside("warm")),
        "cached output differs"
    );
    assert_eq!(
        cold,
        files(&setup.copy.beside("uncached")),
        "output without the cache differs"
    );
    assert_eq!(
        pdfs(&setup.copy.beside("cold")).len(),
        4,
        "3 PDFs and the forms zip"
    );
    // Nothing of the cache reaches the contest folder or the output folder.
    assert!(
        !cold.keys().any(|p| p.contains("cache")),
        "{:?}",
        cold.keys()
    );
    assert_eq!(setup.entries().len(), 3);
}

#[test]
fn a_check_fills_the_cache_for_the_build_after_it() {
    let setup = Setup::new();
    setup.run("check", None, &[]);
    assert_eq!(counts(&setup.build("out", &[])), (3, 0));
}

#[test]
fn editing_a_notice_recompiles_no_pdf() {
    let setup = Setup::new();
    setup.build("out", &[]);
    let notices = setup.copy.file("content/notices");
    let notice = std::fs::read_dir(&notices)
        .expect("notices")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("a notice");
    let mut text = std::fs::read_to_string(&notice).expect("notice");
    text.push_str("\n补充说明：本通知自发布之日起施行。\n");
    std::fs::write(&notice, text).expect("edit");
    assert_eq!(counts(&setup.build("out", &[])), (3, 0));
}

#[test]
fn editing_data_a_form_shows_recompiles_it_with_the_new_data() {
    let setup = Setup::new();
    setup.build("out", &[]);
    let yaml = setup.copy.read("content/contest.yaml");
    let track = "人工智能训练师";
    assert!(yaml.contains(track), "the seed has the track {track}");
    setup.copy.replace(
        "content/contest.yaml",
        &format!("name: {track}"),
        "name: 人工智能训练员",
    );
    let rebuilt = setup.build("out", &[]);
    // Every document prints the tracks, so every one is compiled again.
    assert_eq!(counts(&rebuilt), (0, 3), "{rebuilt}");
    let registration = setup
        .copy
        .beside("out")
        .join("downloads/registration-form.pdf");
    let text = pdf_text(&registration).replace(char::is_whitespace, "");
    assert!(text.contains("人工智能训练员"), "{text}");
}

#[test]
fn editing_one_form_file_recompiles_only_the_documents_that_print_it() {
    let setup = Setup::new();
    let declaration = support::jingsai("forms")
        .args(["--show", "judge"])
        .output()
        .expect("jingsai runs");
    assert!(declaration.status.success());
    let judge = String::from_utf8(declaration.stdout).expect("utf-8");
    setup.copy.write("forms/judge.yaml", &judge);
    assert_eq!(counts(&setup.build("out", &[])), (0, 3));
    let registration = setup
        .copy
        .beside("out")
        .join("downloads/registration-form.pdf");
    let before = std::fs::read(&registration).expect("registration form");
    assert!(judge.contains("{label: 姓名}"), "{judge}");
    setup
        .copy
        .replace("forms/judge.yaml", "{label: 姓名}", "{label: 推荐人姓名}");
    let rebuilt = setup.build("out", &[]);
    // The judge form and the notice PDF (it prints the forms after the notice) are compiled again; the
    // registration form comes from the cache, unchanged.
    assert_eq!(counts(&rebuilt), (1, 2), "{rebuilt}");
    assert_eq!(
        std::fs::read(&registration).expect("registration form"),
        before
    );
    let text = pdf_text(&setup.copy.beside("out").join("downloads/judge-form.pdf"));
    assert!(
        text.replace(char::is_whitespace, "").contains("推荐人"),
        "{text}"
    );
}

#[test]
fn a_damaged_cache_entry_is_detected_and_replaced() {
    let setup = Setup::new();
    setup.build("first", &[]);
    let entries = setup.entries();
    // One entry with a flipped byte, one cut short, one replaced by another PDF of the right size.
    let mut flipped = std::fs::read(&entries[0]).expect("entry");
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    std::fs::write(&entries[0], flipped).expect("write");
    let cut = std::fs::read(&entries[1]).expect("entry");
    std::fs::write(&entries[1], &cut[..cut.len() - 100]).expect("write");
    std::fs::copy(&entries[0], &entries[2]).expect("copy");
    let rebuilt = setup.build("second", &[]);
    assert_eq!(counts(&rebuilt), (0, 3), "{rebuilt}");
    assert!(
        rebuilt.contains("3 entries of the PDF cache failed verification"),
        "{rebuilt}"
    );
    assert_eq!(
        files(&setup.copy.beside("first")),
        files(&setup.copy.beside("second"))
    );
    // The damaged entries were replaced.
    assert_eq!(counts(&setup.build("third", &[])), (3, 0));
}

#[cfg(unix)]
#[test]
fn a_planted_entry_or_link_is_never_published() {
    let setup = Setup::new();
    setup.build("first", &[]);
    let good = files(&setup.copy.beside("first"));
    // Every entry becomes a link to a PDF made for another contest.
    let planted = setup.copy.beside("planted.pdf");
    std::fs::write(&planted, b"%PDF-1.7\n% not this contest's notice\n").expect("write");
    for entry in setup.entries() {
        std::fs::remove_file(&entry).expect("remove");
        std::os::unix::fs::symlink(&planted, &entry).expect("link");
    }
    let rebuilt = setup.build("second", &[]);
    assert_eq!(counts(&rebuilt), (0, 3), "{rebuilt}");
    assert_eq!(good, files(&setup.copy.beside("second")));
    assert_eq!(
        std::fs::read(&planted).expect("planted"),
        b"%PDF-1.7\n% not this contest's notice\n"
    );
}

#[test]
fn a_cache_folder_inside_the_contest_or_output_folder_is_not_used() {
    let setup = Setup::new();
    for (cache, reason) in [
        (
            setup.copy.file(".jingsai-cache"),
            "inside the contest folder",
        ),
        (
            setup.copy.beside("out").join(".cache"),
            "inside the output folder",
        ),
    ] {
        let output = support::jingsai("build")
            .env("JINGSAI_CACHE_DIR", &cache)
            .arg(setup.copy.path())
            .arg("--output")
            .arg(setup.copy.beside("out"))
            .output()
            .expect("jingsai runs");
        let text = support::built::text(&output);
        assert!(output.status.success(), "{text}");
        assert!(
            text.contains("PDFs: 3 compiled; the PDF cache is not used"),
            "{text}"
        );
        assert!(text.contains(reason), "{text}");
        assert!(!cache.exists(), "{} was made", cache.display());
    }
}

/// `serve` builds from the same cache as `build`: after a build, its first build compiles nothing, and
/// `--no-cache` turns the cache off for it too.
#[test]
fn serve_starts_from_the_cache() {
    let setup = Setup::new();
    setup.run("build", None, &[]);
    let cache = setup.cache.clone();
    let start = |extra: &[&str]| {
        let cache = cache.clone();
        support::Server::start_with(setup.copy.path(), extra, move |command| {
            command.env("JINGSAI_CACHE_DIR", &cache);
        })
    };
    let server = start(&[]);
    let log = server.wait_for_log(60, |log| log.contains("PDFs: "));
    assert!(log.contains("PDFs: 3 from the cache, 0 compiled"), "{log}");
    drop(server);
    let server = start(&["--no-cache"]);
    let log = server.wait_for_log(60, |log| log.contains("PDFs: "));
    assert!(
        log.contains("PDFs: 3 compiled (the PDF cache is off)"),
        "{log}"
    );
}

#[test]
fn the_results_pdf_and_workbook_are_made_once_and_again_only_when_the_results_change() {
    let setup = Setup::of(support::fixture_copy("results/seed"));
    let (from_cache, all) = counts(&setup.build("cold", &[]));
    assert_eq!(from_cache, 0);
    let warm = setup.build("warm", &[]);
    assert_eq!(counts(&warm), (all, 0), "{warm}");
    let results = |out: &str| {
        std::fs::read(setup.copy.beside(out).join("results/results.pdf")).expect("results.pdf")
    };
    let workbook = |out: &str| {
        std::fs::read(setup.copy.beside(out).join("results/results.xlsx")).expect("results.xlsx")
    };
    assert!(
        results("cold") == results("warm"),
        "the cached results PDF differs"
    );

    // A contestant's name corrected in the sheet: only the results PDF is drawn again, and shows it.
    let sheet = setup.copy.read("content/results.csv");
    assert!(sheet.contains("\n1,吕静,"), "the fixture's first row");
    setup.copy.write(
        "content/results.csv",
        sheet.replace("\n1,吕静,", "\n1,吕静怡,").as_bytes(),
    );
    let edited = setup.build("edited", &[]);
    assert_eq!(counts(&edited), (all - 1, 1), "{edited}");
    let text = pdf_text(&setup.copy.beside("edited/results/results.pdf"));
    assert!(text.contains("吕静怡"), "{text}");
    // The workbook, cached beside the PDFs, is made again too.
    assert!(
        workbook("edited") != workbook("warm"),
        "a stale results.xlsx"
    );
    let again = setup.build("again", &[]);
    assert_eq!(counts(&again), (all, 0), "{again}");
    let uncached = setup.build("uncached", &["--no-cache"]);
    assert!(
        uncached.contains(&format!("PDFs: {all} compiled")),
        "{uncached}"
    );
    assert!(
        results("again") == results("uncached"),
        "the cached results PDF differs from one drawn without the cache"
    );
    assert!(
        workbook("again") == workbook("uncached") && workbook("cold") == workbook("warm"),
        "the cached results.xlsx differs from one made without the cache"
    );
}
