//! `jingsai serve` as a user runs it: the real binary on a free port with a temp copy of the contest.

mod support;

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

#[test]
fn poll_mode_sees_saves_and_ignores_swap_files() {
    let dir = contest_copy();
    let server = Server::start(dir.path(), &["--poll"]);
    let notice = dir.path().join(NOTICE);
    let original = std::fs::read_to_string(&notice).unwrap();
    // A swap file alone does not rebuild.
    std::fs::write(dir.path().join("content/notices/.x.md.swp"), "swap").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(!server.log().contains("rebuilt"), "{}", server.log());
    save_by_rename(&notice, &original.replace("## 报名", "## 报名（轮询）"));
    server.wait_for(NOTICE_PAGE, 10, |page| page.contains("报名（轮询）"));
}

#[test]
fn a_form_edit_recompiles_the_pdf_and_a_broken_form_shows_its_location() {
    let dir = contest_copy();
    let form = dir.path().join("forms/registration.typ");
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pdf/builtin/registration.typ"),
    )
    .unwrap();
    std::fs::create_dir_all(form.parent().unwrap()).unwrap();
    std::fs::write(&form, &builtin).unwrap();
    let server = Server::start(dir.path(), &[]);
    let pdf = "/downloads/registration-form.pdf";
    let marked = builtin.replace(
        "#registration-form(attachment)",
        "#set document(keywords: (\"SERVE-TEST-MARK\",))\n#registration-form(attachment)",
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
