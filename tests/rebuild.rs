//! Watch mode's incremental rebuilds give exactly the site a full build gives: after each edit (notices
//! added, edited, re-dated, renamed, removed, broken and fixed; form, results and page templates
//! overridden and removed; contest.yaml changed) the rebuilder's output map is compared, file by file, with
//! a full build of the same files in a new engine.

mod support;

use jingsai::build::{check, render};
use jingsai::output::OutputMap;
use jingsai::pdf::PdfEngine;
use jingsai::pdf::fonts::FontOptions;
use jingsai::serve::Rebuilder;
use std::path::{Path, PathBuf};

fn fonts() -> FontOptions {
    FontOptions {
        system: false,
        paths: Vec::new(),
    }
}

/// A full build of `root` from nothing.
fn full(root: &Path) -> OutputMap {
    let project = check(root).unwrap_or_else(|p| panic!("full build: {p:?}"));
    render(&project, &mut PdfEngine::new(&fonts())).unwrap_or_else(|p| panic!("full build: {p:?}"))
}

/// The paths whose bytes differ (or that only one map has).
fn differences(a: &OutputMap, b: &OutputMap) -> Vec<String> {
    let mut paths: Vec<&str> = a
        .iter()
        .map(|(p, _)| p)
        .chain(b.iter().map(|(p, _)| p))
        .collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| a.get(p) != b.get(p))
        .map(|p| {
            let side = match (a.get(p), b.get(p)) {
                (Some(_), None) => " (only in the rebuild)",
                (None, Some(_)) => " (only in the full build)",
                _ => "",
            };
            format!("{p}{side}")
        })
        .collect()
}

struct Contest {
    _copy: support::ContestCopy,
    root: PathBuf,
    rebuilder: Rebuilder,
}

impl Contest {
    /// The results fixture (the seed contest with results) with a base address (so there is a sitemap)
    /// and 4 notices per list page.
    fn new() -> Contest {
        let copy = support::fixture_copy("results/seed");
        let root = copy.path().canonicalize().unwrap();
        let yaml = root.join("content/contest.yaml");
        let text = std::fs::read_to_string(&yaml).unwrap();
        let text = text
            .replacen(
                "base_url: \"\"",
                "base_url: \"https://example.org/jsai\"",
                1,
            )
            .replacen("notices_per_page: 20", "notices_per_page: 4", 1);
        assert!(text.contains("notices_per_page: 4") && text.contains("example.org"));
        std::fs::write(&yaml, text).unwrap();
        let rebuilder = Rebuilder::new(&root, &fonts());
        Contest {
            _copy: copy,
            root,
            rebuilder,
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn remove(&self, relative: &str) -> PathBuf {
        let path = self.path(relative);
        std::fs::remove_file(&path).unwrap();
        path
    }

    /// Rebuilds after `changed` and checks the site equals a full build; returns what was redone.
    fn rebuild_matches(&mut self, step: &str, changed: &[PathBuf]) -> String {
        let built = self
            .rebuilder
            .build(changed)
            .unwrap_or_else(|p| panic!("{step}: the rebuild failed: {p:?}"));
        let expected = full(&self.root);
        // The search index may come after the pages (watch mode publishes them first): before it is made
        // again, nothing else may differ.
        let differ = differences(&built.map, &expected);
        assert!(
            differ.iter().all(|path| path.contains("search-index.js")),
            "{step}: the rebuild ({}) differs from a full build in {differ:?}",
            built.redone
        );
        let map = self.rebuilder.finish_search().unwrap_or(built.map);
        let differ = differences(&map, &expected);
        assert!(
            differ.is_empty(),
            "{step}: the rebuild ({}) with its search index differs from a full build in {differ:?}",
            built.redone
        );
        built.redone.to_string()
    }

    /// Rebuilds after `changed` and expects it to fail with a message containing `expected`.
    fn rebuild_fails(&mut self, step: &str, changed: &[PathBuf], expected: &str) {
        match self.rebuilder.build(changed) {
            Ok(built) => panic!("{step}: expected a failure, got a site ({})", built.redone),
            Err(problems) => {
                let text = format!("{problems:?}");
                assert!(
                    text.contains(expected),
                    "{step}: {expected:?} not in {text}"
                );
            }
        }
    }
}

fn notice(title: &str, date: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nsource: 天津市人力资源和社会保障局\n---\n\n{body}\n"
    )
}

/// A file of the repository, read as text (the built-in templates the overrides start from).
fn repo_file(relative: &str) -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(repo.join(relative)).unwrap()
}

/// A built-in form template (`src/pdf/builtin`).
fn builtin(name: &str) -> String {
    repo_file(&format!("src/pdf/builtin/{name}"))
}

#[test]
fn incremental_rebuilds_equal_full_builds() {
    let mut c = Contest::new();
    assert_eq!(c.rebuild_matches("first build", &[]), "everything");
    notices_added_edited_renamed_and_removed(&mut c);
    a_broken_notice_and_a_duplicate_address_fail_until_fixed(&mut c);
    form_templates_overridden_and_removed(&mut c);
    a_page_template_and_contest_yaml_changed(&mut c);

    // After all that, a notice edit is still incremental and still right.
    let last = c.write(
        "content/notices/2025-09-23-n23.md",
        &notice("第23号通知", "2025-09-23", "最后一次。"),
    );
    assert_eq!(c.rebuild_matches("a last notice edit", &[last]), "1 notice");
}

/// 23 notices over several list pages, then edits that touch one page, some lists, or all of them.
fn notices_added_edited_renamed_and_removed(c: &mut Contest) {
    let added: Vec<PathBuf> = (1..=23)
        .map(|i| {
            c.write(
                &format!("content/notices/2025-09-{i:02}-n{i}.md"),
                &notice(
                    &format!("第{i}号通知"),
                    &format!("2025-09-{i:02}"),
                    &format!("正文{i}。\n\n## 要求\n\n- 第一条\n- 第二条"),
                ),
            )
        })
        .collect();
    assert_eq!(c.rebuild_matches("23 notices added", &added), "23 notices");

    let edited = c.write(
        "content/notices/2025-09-12-n12.md",
        &notice("第12号通知", "2025-09-12", "改过的正文，\n换行在汉字之间。"),
    );
    assert_eq!(c.rebuild_matches("a body edited", &[edited]), "1 notice");

    let retitled = c.write(
        "content/notices/2025-09-03-n3.md",
        &notice("改名的第3号通知", "2025-09-03", "正文3。"),
    );
    c.rebuild_matches("a title changed", &[retitled]);

    let redated = c.write(
        "content/notices/2025-09-01-n1.md",
        &notice("第1号通知", "2025-11-30", "现在最新。"),
    );
    c.rebuild_matches("a notice became the newest", &[redated]);

    let removed = c.remove("content/notices/2025-09-20-n20.md");
    c.rebuild_matches("a notice removed", &[removed]);

    // A rename arrives as the old and the new path (one burst).
    let old = c.remove("content/notices/2025-09-21-n21.md");
    let new = c.write(
        "content/notices/2025-09-21-renamed.md",
        &notice("第21号通知", "2025-09-21", "正文21。"),
    );
    c.rebuild_matches("a notice renamed", &[old, new]);

    let removed: Vec<PathBuf> = (2..=8)
        .map(|i| c.remove(&format!("content/notices/2025-09-{i:02}-n{i}.md")))
        .collect();
    c.rebuild_matches("7 notices removed (fewer list pages)", &removed);
}

/// A broken notice fails the build; an edit elsewhere meanwhile still fails; the fix brings both in.
/// Then two files with one address fail, and removing one of them recovers.
fn a_broken_notice_and_a_duplicate_address_fail_until_fixed(c: &mut Contest) {
    let broken = c.write(
        "content/notices/2025-09-15-n15.md",
        "---\ntitle: 没有日期\nsource: 某处\n---\n\n正文。\n",
    );
    c.rebuild_fails("front matter broken", &[broken], "2025-09-15-n15.md");
    let meanwhile = c.write(
        "content/notices/2025-09-16-n16.md",
        &notice("第16号通知（更正）", "2025-09-16", "更正。"),
    );
    c.rebuild_fails(
        "another notice edited while broken",
        &[meanwhile],
        "2025-09-15-n15.md",
    );
    let fixed = c.write(
        "content/notices/2025-09-15-n15.md",
        &notice("第15号通知", "2025-09-15", "修好了。"),
    );
    c.rebuild_matches("fixed", &[fixed]);

    // Two files with one address.
    let twin = c.write("content/notices/zz-twin.md", "---\ntitle: 重复\ndate: 2025-09-30\nsource: 某处\nslug: 2025-09-10-n10\n---\n\n重复的地址。\n");
    c.rebuild_fails(
        "the same address twice",
        &[twin],
        "notices/2025-09-10-n10.html",
    );
    let twin = c.remove("content/notices/zz-twin.md");
    c.rebuild_matches("the duplicate removed", &[twin]);
}

/// The Typst document of a form as its own PDF, as jingsai generates it, with a keyword added.
fn form_main(id: &str, keyword: &str) -> String {
    format!(
        "#import \"form.typ\": *\n\
         #let form = json(\"/forms/{id}.json\")\n\
         #let attachment = data.attachments.find(a => a.form == \"{id}\")\n\
         #set document(title: attachment.title, keywords: (\"{keyword}\",))\n\
         #set text(lang: \"zh\", region: \"cn\", font: song, size: 10.5pt)\n\
         #set page(paper: \"a4\", margin: (top: 16mm, bottom: 14mm, x: 18mm))\n\
         #form-body(form, attachment)\n"
    )
}

/// Form templates: the registration form alone, then the general layout shared by every form and the
/// notice PDF, the results form, their removal, a form declaration, and a notice and a form in one burst.
fn form_templates_overridden_and_removed(c: &mut Contest) {
    let form = c.write(
        "forms/registration.typ",
        &form_main("registration", "changed"),
    );
    assert_eq!(
        c.rebuild_matches("registration.typ overridden", &[form]),
        "1 form"
    );
    let shared = c.write(
        "forms/form.typ",
        &builtin("form.typ").replace(
            "text(font: hei, lines(c.lines))",
            "text(font: hei, fill: blue, lines(c.lines))",
        ),
    );
    c.rebuild_matches("form.typ overridden", &[shared]);
    let results = c.write(
        "forms/results.typ",
        &(builtin("results.typ") + "\n#text(size: 8pt)[Override]\n"),
    );
    c.rebuild_matches("results.typ overridden", &[results]);
    let gone: Vec<PathBuf> = ["registration.typ", "form.typ", "results.typ"]
        .iter()
        .map(|n| c.remove(&format!("forms/{n}")))
        .collect();
    c.rebuild_matches("form overrides removed", &gone);

    // A form declaration is part of the contest: everything is done again.
    let declared = c.write(
        "forms/judge.yaml",
        &repo_file("src/model/forms/builtin/judge.yaml").replace("rows: 6", "rows: 4"),
    );
    assert_eq!(
        c.rebuild_matches("a form declared in forms/", &[declared]),
        "everything"
    );
    let declared = c.remove("forms/judge.yaml");
    c.rebuild_matches("the declaration removed", &[declared]);

    // A notice and a form in one burst.
    let both = [
        c.write(
            "content/notices/2025-09-22-n22.md",
            &notice("第22号通知", "2025-09-22", "一起改。"),
        ),
        c.write("forms/judge.typ", &form_main("judge", "j")),
    ];
    assert_eq!(
        c.rebuild_matches("a notice and a form", &both),
        "1 notice, 1 form"
    );
}

/// A page template, then contest.yaml.
fn a_page_template_and_contest_yaml_changed(c: &mut Contest) {
    let template = c.write(
        "templates/notice.html",
        &repo_file("src/site/builtin/notice.html").replace("返回通知公告", "返回全部通知"),
    );
    assert_eq!(
        c.rebuild_matches("a page template overridden", &[template]),
        "pages"
    );
    let yaml = c.path("content/contest.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap().replacen(
        "notices_per_page: 4",
        "notices_per_page: 6",
        1,
    );
    std::fs::write(&yaml, text).unwrap();
    assert_eq!(
        c.rebuild_matches("contest.yaml changed", &[yaml]),
        "everything"
    );
}

#[test]
fn a_notice_edit_redoes_one_page_not_the_site() {
    // The incremental path is taken (not a full build that happens to be equal): the PDFs and the pages of
    // other notices are the very same bytes, shared with the previous site rather than made again.
    let mut c = Contest::new();
    let first = c.rebuilder.build(&[]).unwrap();
    let edited = c.write(
        "content/notices/2025-10-16-plan-issued.md",
        &notice("方案发布", "2025-10-16", "新的正文。"),
    );
    let second = c.rebuilder.build(&[edited]).unwrap();
    assert_eq!(second.redone, "1 notice");
    for kept in [
        "downloads/notice.pdf",
        "downloads/forms.zip",
        "plan.html",
        "results/index.html",
    ] {
        let (a, b) = (first.map.get(kept).unwrap(), second.map.get(kept).unwrap());
        assert_eq!(a.as_ptr(), b.as_ptr(), "{kept} was made again");
    }
    let page = String::from_utf8(
        second
            .map
            .get("notices/2025-10-16-plan-issued.html")
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(page.contains("新的正文。"));
    // The search index comes after the pages: still the previous one, until it is made again.
    let index = |map: &OutputMap| map.get("search-index.js").unwrap().to_vec();
    assert_eq!(index(&first.map), index(&second.map));
    let third = c
        .rebuilder
        .finish_search()
        .expect("the index is made again");
    assert_ne!(index(&first.map), index(&third));
    assert!(c.rebuilder.finish_search().is_none(), "made only once");
}
