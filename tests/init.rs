//! `jingsai init`: a new contest whose blanks `check` points at, one by one, until they are filled in;
//! then it builds. It never writes into a folder that holds anything.

mod support;

use std::path::Path;

fn run(args: &[&str], dir: &Path) -> (bool, String) {
    let (subcommand, args) = args.split_first().unwrap();
    let output = support::jingsai(subcommand)
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Fills every blank (`【请填写：…】`, or `【fill in …】` in English) as a clerk would: a value of the
/// right kind where a value goes, and a blank in a comment (beside a date or a number already
/// written) just deleted.
fn fill_in(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let mut line = line.to_string();
        while let Some(start) = ["【请填写", "【fill in"]
            .iter()
            .filter_map(|mark| line.find(mark))
            .min()
        {
            let end = line[start..]
                .find('】')
                .map_or(line.len(), |i| start + i + '】'.len_utf8());
            let in_comment = line[..start].contains(" #");
            let value = if in_comment {
                ""
            } else if line.contains("email:") {
                "office@example.cn"
            } else if line.contains("phone:") {
                "022-23456789"
            } else {
                "测试内容"
            };
            line.replace_range(start..end, value);
        }
        out.push_str(&line);
    }
    out
}

#[test]
fn init_writes_a_contest_whose_blanks_check_names_until_they_are_filled() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new-contest");
    let (ok, stderr) = run(&["init", "--lang", "zh"], &dir);
    assert!(ok, "{stderr}");
    let yaml = dir.join("content/contest.yaml");
    let notice = dir.join("content/notices/2026-01-01-first.md");
    assert!(yaml.is_file() && notice.is_file(), "{stderr}");
    // Personal data stays out of git: the roster and pre-filled forms are ignored, as is the site.
    let ignored = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    for folder in ["/output/", "/roster/", "/filled-forms/"] {
        assert!(ignored.lines().any(|l| l == folder), "{ignored}");
    }

    // Every blank is an error at its place, and nothing else is said about what is inside a blank.
    let (ok, stderr) = run(&["check"], &dir);
    assert!(!ok);
    let text = std::fs::read_to_string(&yaml).unwrap();
    let blanks = text.matches("【请填写").count()
        + std::fs::read_to_string(&notice)
            .unwrap()
            .matches("【请填写")
            .count();
    assert!(blanks > 20, "{blanks}");
    assert_eq!(
        stderr.matches("is still to be filled in").count(),
        blanks,
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("error: {blanks} problems found")),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/contest.yaml:12:9: `【请填写：竞赛全称"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("is not a phone number") && !stderr.contains("e-mail"),
        "only the blank is reported: {stderr}"
    );

    // Filled in, it checks and builds: a site, the forms it names (报名表, 报名汇总表 with its spreadsheet).
    std::fs::write(&yaml, fill_in(&text)).unwrap();
    std::fs::write(&notice, fill_in(&std::fs::read_to_string(&notice).unwrap())).unwrap();
    let (ok, stderr) = run(&["check"], &dir);
    assert!(ok, "{stderr}");
    let (ok, stderr) = run(&["build"], &dir);
    assert!(ok, "{stderr}");
    for file in [
        "index.html",
        "registration.html",
        "downloads/registration-form.pdf",
        "downloads/roster-form.pdf",
        "downloads/roster-form.xlsx",
    ] {
        assert!(dir.join("output").join(file).is_file(), "{file}");
    }
}

#[test]
fn init_never_writes_into_a_folder_that_holds_anything() {
    let copy = support::contest_copy();
    let before = std::fs::read_to_string(copy.file("content/contest.yaml")).unwrap();
    let (ok, stderr) = run(&["init"], copy.path());
    assert!(!ok);
    assert!(
        stderr.contains("is not empty") && stderr.contains("help: name a new folder"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(copy.file("content/contest.yaml")).unwrap(),
        before
    );
}

/// `jingsai init --lang en`: the comments and blanks of contest.yaml and of the notice are English (the
/// contest's own words, which the pages show, stay Chinese), and the contest checks once filled in.
#[test]
fn init_in_english_writes_english_comments_and_blanks_that_check_names() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("english");
    let (ok, stderr) = run(&["init", "--lang", "en"], &dir);
    assert!(ok, "{stderr}");
    let yaml = dir.join("content/contest.yaml");
    let notice = dir.join("content/notices/2026-01-01-first.md");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let notice_text = std::fs::read_to_string(&notice).unwrap();
    assert!(
        text.contains("# The contest definition, written by `jingsai init`.")
            && text.contains("# tracks: each track has an id"),
        "{text}"
    );
    // No comment is Chinese: an example in quotes and a commented-out key or list item are data, as on
    // the pages.
    for line in text.lines().filter(|l| l.trim_start().starts_with('#')) {
        let comment = line.trim_start().trim_start_matches('#').trim_start();
        let key = comment.split(':').next().unwrap();
        if comment.starts_with('-')
            || (comment.contains(':') && key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        {
            continue;
        }
        let before_example = line.split(['“', '（']).next().unwrap();
        assert!(
            !before_example.contains("的") && !before_example.contains("请"),
            "a Chinese comment: {line}"
        );
    }
    assert!(!text.contains("【请填写") && !notice_text.contains("【请填写"));

    let (ok, stderr) = run(&["check"], &dir);
    assert!(!ok);
    let blanks = text.matches("【fill in").count() + notice_text.matches("【fill in").count();
    assert!(blanks > 20, "{blanks}");
    assert_eq!(
        stderr.matches("is still to be filled in").count(),
        blanks,
        "{stderr}"
    );
    assert!(
        stderr.contains("content/contest.yaml:12:9: `【fill in the full name of the contest"),
        "{stderr}"
    );

    std::fs::write(&yaml, fill_in(&text)).unwrap();
    std::fs::write(&notice, fill_in(&notice_text)).unwrap();
    let (ok, stderr) = run(&["check"], &dir);
    assert!(ok, "{stderr}");
}
