//! `jingsai serve` as a user runs it: the real binary on a free port with a temp copy of the contest.

mod support;

use std::path::Path;
use std::time::{Duration, SystemTime};
use support::*;

#[test]
fn serves_only_the_site_with_types_and_no_store() {
    let dir = contest_copy();
    let server = Server::start(dir.path(), &[]);

    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/notices/..%2f..%2fCargo.toml",
        "/..\\..\\x",
        "/notices/%2e%2e/%2e%2e/Cargo.toml",
        "/content/contest.yaml",
        "/Cargo.toml",
    ] {
        let response = server.get(path);
        assert!(
            response.status == 404 || response.status == 400,
            "{path}: {}",
            response.status
        );
        assert!(!response.text().contains("[package]"), "{path}");
    }

    for (path, mime) in [
        ("/", "text/html; charset=utf-8"),
        ("/notices/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/countdown.js", "text/javascript; charset=utf-8"),
        ("/search-index.js", "text/javascript; charset=utf-8"),
        ("/calendar.ics", "text/calendar; charset=utf-8"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/downloads/notice.pdf", "application/pdf"),
        ("/downloads/forms.zip", "application/zip"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), Some(mime), "{path}");
        assert_eq!(response.header("cache-control"), Some("no-store"), "{path}");
    }
    assert!(
        server
            .get("/downloads/notice.pdf")
            .body
            .starts_with(b"%PDF-")
    );
    let index = server.get("/").text();
    assert!(index.contains("EventSource(\"/__jingsai/events\")"));
    assert_eq!(server.get("/notices").status, 308);
    assert_eq!(server.get("/no-such-page.html").status, 404);
    // The built site on disk never gets the reload script, and serve writes no output/.
    assert!(!dir.path().join("output").exists());
}

#[test]
fn rebuilds_on_save_and_shows_errors_until_fixed() {
    let dir = contest_copy();
    let mut server = Server::start(dir.path(), &[]);
    let notice = dir.path().join(NOTICE);
    let original = std::fs::read_to_string(&notice).unwrap();

    // A notice edit, saved in place.
    save(&notice, &original.replace("## 报名", "## 报名（已更新一）"));
    server.wait_for(NOTICE_PAGE, 10, |page| page.contains("报名（已更新一）"));
    // Saved by rename, as vim and JetBrains do.
    save_by_rename(&notice, &original.replace("## 报名", "## 报名（已更新二）"));
    server.wait_for(NOTICE_PAGE, 10, |page| page.contains("报名（已更新二）"));
    // Only the notice was redone: no PDF compiled, no other page rendered.
    assert!(server.log().contains("(1 notice: "), "{}", server.log());

    // A broken contest.yaml: the last good site stays, with the overlay on every page.
    let contest = dir.path().join("content/contest.yaml");
    let good = std::fs::read_to_string(&contest).unwrap();
    let (bad, line) = broken_contest(&good);
    save(&contest, &bad);
    let location = format!("content/contest.yaml:{line}:");
    let page = server.wait_for(NOTICE_PAGE, 10, |page| page.contains(&location));
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("报名（已更新二）"),
        "the last good page is kept"
    );
    assert!(server.get("/").text().contains(&location));
    assert!(server.log().contains(&location), "{}", server.log());
    assert!(server.alive());

    // Fixed: the overlay goes.
    save(&contest, &good);
    server.wait_for(NOTICE_PAGE, 30, |page| !page.contains(&location));
    let page = server.get("/").text();
    assert!(page.contains("id=\"jingsai-error\" role=\"alert\" hidden"));
    assert!(server.alive());
}

/// In poll mode a save is seen, and an editor's swap file is not: it is written before two saves of a
/// notice, each waited for until the server has logged its rebuild. The poller sees the swap file no
/// later than the second save (the scan that finds that save starts after the one that found the first,
/// which ended after the swap file was written), so had it counted there would be a rebuild of its own
/// before the second save's, or a rebuild of more than the notice.
///
/// The poller (notify's `PollWatcher`) compares modification times in whole seconds, so each save is
/// dated a second of its own (set on the new file before it is renamed into place) rather than waited for.
#[test]
fn poll_mode_sees_saves_and_ignores_swap_files() {
    let dir = contest_copy();
    let server = Server::start(dir.path(), &["--poll"]);
    let notice = dir.path().join(NOTICE);
    let original = std::fs::read_to_string(&notice).unwrap();
    let copied = std::fs::metadata(&notice).unwrap().modified().unwrap();
    std::fs::write(dir.path().join("content/notices/.x.md.swp"), "swap").unwrap();
    for (saves, heading) in [(1, "报名（轮询一）"), (2, "报名（轮询二）")] {
        let at = copied + Duration::from_secs(2 * saves as u64);
        save_by_rename_dated(
            &notice,
            &original.replace("## 报名", &format!("## {heading}")),
            at,
        );
        server.wait_for(NOTICE_PAGE, 10, |page| page.contains(heading));
        // The worker logs a rebuild before it sends the site, so the line comes with the page or before.
        server.wait_for_log(10, |log| rebuilds(log).len() >= saves);
    }
    let log = server.log();
    let rebuilds = rebuilds(&log);
    assert_eq!(rebuilds.len(), 2, "one rebuild per save:\n{log}");
    assert!(
        rebuilds.iter().all(|line| line.contains("(1 notice: ")),
        "each rebuild redid the notice only:\n{log}"
    );
}

/// [`save_by_rename`] with the new file's modification time set to `modified` before the rename.
fn save_by_rename_dated(path: &Path, text: &str, modified: SystemTime) {
    let temp = path.with_file_name(format!(
        "{}___jb_tmp___",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// The log lines of the rebuilds after the first build.
fn rebuilds(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.starts_with("rebuilt ")).collect()
}

#[test]
fn a_form_edit_recompiles_the_pdf_and_a_broken_form_shows_its_location() {
    let dir = contest_copy();
    let form = dir.path().join("forms/registration.typ");
    // The form's own document as jingsai generates it (the general layout fed with the declaration).
    let builtin = "#import \"form.typ\": *\n\
                   #let form = json(\"/forms/registration.json\")\n\
                   #let attachment = data.attachments.find(a => a.form == \"registration\")\n\
                   #set text(lang: \"zh\", region: \"cn\", font: song, size: 10.5pt)\n\
                   #set page(paper: \"a4\", margin: (top: 16mm, bottom: 14mm, x: 18mm))\n\
                   #form-body(form, attachment)\n"
        .to_string();
    std::fs::create_dir_all(form.parent().unwrap()).unwrap();
    std::fs::write(&form, &builtin).unwrap();
    let server = Server::start(dir.path(), &[]);
    let pdf = "/downloads/registration-form.pdf";
    let marked = builtin.replace(
        "#form-body(form, attachment)",
        "#set document(keywords: (\"SERVE-TEST-MARK\",))\n#form-body(form, attachment)",
    );
    save(&form, &marked);
    server.wait_for(pdf, 15, |body| body.contains("SERVE-TEST-MARK"));

    save(&form, &format!("{marked}\n#let broken = (\n"));
    server.wait_for("/", 15, |page| page.contains("forms/registration.typ:"));
    assert!(
        server.get(pdf).text().contains("SERVE-TEST-MARK"),
        "last good PDF kept"
    );
    save(&form, &builtin);
    server.wait_for("/", 15, |page| !page.contains("forms/registration.typ:"));
    assert!(!server.get(pdf).text().contains("SERVE-TEST-MARK"));
}

/// A notice edit publishes its page first and the search index after it; the index then served is the
/// one `build` writes for the same files, new characters included.
#[test]
fn the_search_index_follows_a_notice_edit() {
    let dir = contest_copy();
    let server = Server::start(dir.path(), &[]);
    let before = server.get("/search-index.js").body;
    let notice = dir.path().join(NOTICE);
    let original = std::fs::read_to_string(&notice).unwrap();
    save(&notice, &original.replace("## 报名", "## 报名（犇骉麤）"));
    server.wait_for(NOTICE_PAGE, 10, |page| page.contains("犇骉麤"));

    let output = jingsai("build").arg(dir.path()).output().unwrap();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let built = std::fs::read_to_string(dir.path().join("output/search-index.js")).unwrap();
    assert_ne!(before, built.as_bytes(), "the edit changes the index");
    server.wait_for("/search-index.js", 10, |index| index == built);
}
