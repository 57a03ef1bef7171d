//! A contest folder made by someone else (a git clone, an e-mail, a shared drive) is untrusted input.
//! Each test here plants what a hostile contributor would and runs the real `jingsai` binary on a temp
//! copy of the seed contest: nothing outside the output folder is touched, only regular files inside the
//! contest folder are read, names cannot clobber pages, and runaway templates and forms are stopped.

mod support;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A temp folder holding `contest/` (a copy of the seed contest, or of a fixture) and room beside it.
struct Setup {
    copy: support::ContestCopy,
}

impl Setup {
    fn new() -> Setup {
        Setup {
            copy: support::contest_copy(),
        }
    }

    fn fixture(name: &str) -> Setup {
        Setup {
            copy: support::fixture_copy(name),
        }
    }

    fn dir(&self) -> PathBuf {
        self.copy.path().to_path_buf()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.copy.beside(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        self.copy.write(rel, text);
    }

    fn edit_yaml(&self, from: &str, to: &str) {
        let text = self.copy.read("content/contest.yaml");
        assert!(text.contains(from), "contest.yaml has no `{from}`");
        self.copy
            .write("content/contest.yaml", text.replacen(from, to, 1));
    }

    /// `jingsai <command> --no-system-fonts contest <args>` (see `support::jingsai`).
    fn run(&self, command: &str, args: &[&str]) -> Output {
        support::jingsai(command)
            .arg(self.dir())
            .args(args)
            .output()
            .unwrap()
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fails_with(output: &Output, wanted: &[&str]) {
    let text = stderr(output);
    assert!(!output.status.success(), "should fail:\n{text}");
    for w in wanted {
        assert!(text.contains(w), "missing `{w}` in:\n{text}");
    }
    assert!(!text.contains("panicked"), "{text}");
}

// --- writing ------------------------------------------------------------------------------------------

#[test]
fn a_committed_manifest_cannot_delete_files_through_a_link_in_output() {
    let s = Setup::new();
    let victim = s.path("home");
    std::fs::create_dir_all(victim.join(".ssh")).unwrap();
    std::fs::write(victim.join(".bashrc"), "mine").unwrap();
    std::fs::write(victim.join(".ssh/id_ed25519"), "secret").unwrap();
    let out = s.dir().join("output");
    std::fs::create_dir_all(&out).unwrap();
    symlink(&victim, out.join("h")).unwrap();
    std::fs::write(
        out.join(".jingsai-manifest"),
        "h/.bashrc\nh/.ssh/id_ed25519\n../home/.bashrc\n/etc/hostname\n",
    )
    .unwrap();
    let output = s.run("build", &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(victim.join(".bashrc")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(victim.join(".ssh/id_ed25519")).unwrap(),
        "secret"
    );
    let text = stderr(&output);
    assert!(text.contains("0 removed"), "{text}");
    assert!(
        text.contains("lists `h/.bashrc`, which leads outside the output folder"),
        "{text}"
    );
}

#[test]
fn a_link_where_the_site_needs_a_folder_is_replaced_not_followed() {
    let s = Setup::new();
    let outside = s.path("elsewhere");
    std::fs::create_dir_all(&outside).unwrap();
    let out = s.dir().join("output");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(".jingsai-manifest"), "index.html\n").unwrap();
    symlink(&outside, out.join("notices")).unwrap();
    let output = s.run("build", &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "wrote through the link"
    );
    assert!(out.join("notices").symlink_metadata().unwrap().is_dir());
    assert!(out.join("notices/index.html").is_file());
}

#[test]
fn a_committed_output_link_is_refused() {
    let s = Setup::new();
    let outside = s.path("home");
    std::fs::create_dir_all(&outside).unwrap();
    symlink(&outside, s.dir().join("output")).unwrap();
    let output = s.run("build", &[]);
    fails_with(&output, &["is a symbolic link inside the contest folder"]);
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn a_folder_of_the_users_own_files_is_refused_and_left_alone() {
    let s = Setup::new();
    let out = s.path("mysite");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("index.html"), "my page").unwrap();
    std::fs::write(out.join("style.css"), "my style").unwrap();
    let output = s.run("build", &["--output", out.to_str().unwrap()]);
    fails_with(
        &output,
        &[
            "not empty and was not made by jingsai",
            "`index.html`",
            "`style.css`",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "my page"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("style.css")).unwrap(),
        "my style"
    );
}

#[test]
fn a_read_only_folder_is_found_before_any_file_is_replaced() {
    let s = Setup::new();
    assert!(s.run("build", &[]).status.success());
    let out = s.dir().join("output");
    let before = std::fs::read(out.join("index.html")).unwrap();
    let downloads = out.join("downloads");
    let mut perms = std::fs::metadata(&downloads).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&downloads, perms.clone()).unwrap();
    // Root ignores permissions: then the test cannot make the failure happen.
    let probe = downloads.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        eprintln!("running as root: using a file where a folder is needed instead");
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        std::fs::set_permissions(&downloads, perms.clone()).unwrap();
        std::fs::remove_dir_all(&downloads).unwrap();
        std::fs::write(&downloads, "in the way").unwrap();
    }
    s.edit_yaml("notices_per_page:", "notices_per_page: 7 #");
    s.edit_yaml("name: ", "name: 改过的名称 #");
    let output = s.run("build", &[]);
    fails_with(&output, &["nothing was written"]);
    assert!(!stderr(&output).contains("half old"), "{}", stderr(&output));
    assert_eq!(
        std::fs::read(out.join("index.html")).unwrap(),
        before,
        "a page was replaced"
    );
    let leftovers: Vec<_> = walk(&out)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".jingsai-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    let _ = std::fs::set_permissions(&downloads, perms);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_second_build_into_the_same_folder_stops_while_the_first_holds_the_lock() {
    let s = Setup::new();
    let out = s.dir().join("output");
    std::fs::create_dir_all(&out).unwrap();
    let lock = std::fs::File::create(out.join(".jingsai-lock")).unwrap();
    lock.lock().unwrap();
    let output = s.run("build", &[]);
    fails_with(
        &output,
        &[
            "another jingsai is writing into",
            "wait for the other build",
        ],
    );
    assert!(!out.join("index.html").exists());
    lock.unlock().unwrap();
    assert!(s.run("build", &[]).status.success());
    assert!(out.join("index.html").exists());
}

#[test]
fn filled_forms_never_land_in_the_site_by_dot_dot_or_link() {
    let s = Setup::new();
    assert!(s.run("build", &[]).status.success());
    std::fs::write(s.path("r.csv"), "姓名\n张三\n").unwrap();
    let roster = s.path("r.csv");
    let sneaky = s.dir().join("x/../output/f");
    let link = s.path("innocent");
    symlink(s.dir().join("output"), &link).unwrap();
    let other_site = s.path("published");
    assert!(
        s.run("build", &["--output", other_site.to_str().unwrap()])
            .status
            .success()
    );
    for out in [sneaky, link.join("filled"), other_site.join("private")] {
        let output = s.run(
            "forms",
            &[
                "--fill",
                roster.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ],
        );
        fails_with(&output, &["refusing to write filled forms"]);
    }
    assert!(!s.dir().join("output/f").exists());
    assert!(!s.dir().join("output/filled").exists());
    assert!(!other_site.join("private").exists());
}

// --- reading ------------------------------------------------------------------------------------------

#[test]
fn links_out_of_the_contest_folder_are_refused_and_never_shown() {
    let s = Setup::new();
    std::fs::write(s.path("secret.txt"), "root:x:0:0:TOPSECRET\n").unwrap();
    std::fs::create_dir_all(s.dir().join("templates")).unwrap();
    symlink(s.path("secret.txt"), s.dir().join("templates/style.css")).unwrap();
    let output = s.run("build", &[]);
    fails_with(
        &output,
        &["templates/style.css", "outside the contest folder"],
    );
    assert!(
        !stderr(&output).contains("TOPSECRET"),
        "{}",
        stderr(&output)
    );
    assert!(!s.dir().join("output").exists());

    let s = Setup::new();
    std::fs::write(s.path("secret.txt"), "root:x:0:0:TOPSECRET\n").unwrap();
    symlink(
        s.path("secret.txt"),
        s.dir().join("content/notices/leak.md"),
    )
    .unwrap();
    symlink("/etc/passwd", s.dir().join("content/notices/passwd.md")).unwrap();
    let output = s.run("build", &[]);
    fails_with(
        &output,
        &[
            "content/notices/leak.md",
            "content/notices/passwd.md",
            "outside the contest folder",
        ],
    );
    assert!(
        !stderr(&output).contains("TOPSECRET"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("root:"), "{}", stderr(&output));
    assert!(!s.dir().join("output").exists());
}

#[test]
fn a_form_file_linked_out_is_refused_once_and_never_replaced_by_the_built_in_form() {
    let s = Setup::new();
    std::fs::create_dir_all(s.dir().join("forms")).unwrap();
    symlink("/etc/passwd", s.dir().join("forms/registration.yaml")).unwrap();
    symlink("/nowhere/at/all.yaml", s.dir().join("forms/spare.yaml")).unwrap();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "forms/registration.yaml",
            "outside the contest folder",
            "forms/spare.yaml",
        ],
    );
    let err = stderr(&output);
    assert!(!err.contains("root:"), "{err}");
    assert_eq!(
        err.matches("forms/spare.yaml").count(),
        1,
        "an unreadable file is reported once, not also as unused:\n{err}"
    );
    let output = s.run("build", &[]);
    fails_with(&output, &["forms/registration.yaml"]);
    assert!(!s.dir().join("output").exists());
}

#[test]
fn a_link_inside_the_contest_folder_is_fine() {
    let s = Setup::new();
    std::fs::create_dir_all(s.dir().join("templates")).unwrap();
    std::fs::write(
        s.dir().join("content/my-style.css"),
        "body { color: #123456 }",
    )
    .unwrap();
    symlink(
        s.dir().join("content/my-style.css"),
        s.dir().join("templates/style.css"),
    )
    .unwrap();
    let output = s.run("build", &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let css = std::fs::read_to_string(s.dir().join("output/style.css")).unwrap();
    assert!(css.contains("#123456"));
}

#[test]
fn devices_pipes_and_huge_files_are_refused_quickly() {
    let s = Setup::new();
    let yaml = s.dir().join("content/contest.yaml");
    std::fs::remove_file(&yaml).unwrap();
    symlink("/dev/zero", &yaml).unwrap();
    let started = Instant::now();
    let output = s.run("check", &[]);
    fails_with(&output, &["content/contest.yaml"]);
    assert!(started.elapsed() < Duration::from_secs(30));

    let s = Setup::new();
    let fifo = s.dir().join("content/notices/pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "content/notices/pipe.md",
            "not a regular file (it is a named pipe)",
        ],
    );
    assert!(started.elapsed() < Duration::from_secs(30));

    // A 50 MB contest.yaml used to lay out a 28,000-page notice PDF in 7.6 GB.
    let s = Setup::new();
    let yaml = s.dir().join("content/contest.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    text.push_str(&format!("# {}\n", "很长的注释".repeat(80_000)));
    std::fs::write(&yaml, text).unwrap();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "content/contest.yaml",
            "more than the 1.0 MiB that a contest definition may be",
        ],
    );

    let s = Setup::new();
    let big = "# 很长的通知\n".to_string() + &"这是一行很长的文字。\n".repeat(60_000);
    s.write(
        "content/notices/2025-10-20-big.md",
        &format!("---\ntitle: 大\ndate: 2025-10-20\nsource: 办公室\n---\n{big}"),
    );
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "content/notices/2025-10-20-big.md",
            "more than the 1.0 MiB that a notice may be",
        ],
    );
}

#[test]
fn text_that_is_not_utf8_is_located() {
    let s = Setup::new();
    let path = s.dir().join("content/notices/2025-10-20-gbk.md");
    let mut bytes = "---\ntitle: 编码\ndate: 2025-10-20\nsource: 办公室\n---\n第一行\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"ab\xc4\xe3\xba\xc3\n");
    std::fs::write(&path, bytes).unwrap();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "2025-10-20-gbk.md",
            "not UTF-8 text: byte 0xC4 at line 7, column 3",
        ],
    );
}

// --- names --------------------------------------------------------------------------------------------

#[test]
fn pages_cannot_take_each_others_addresses() {
    let s = Setup::new();
    s.write(
        "content/notices/index.md",
        "---\ntitle: 首页\ndate: 2025-10-20\nsource: 办公室\n---\n正文\n",
    );
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "content/notices/index.md",
            "`notices/index.html` is the list of notices",
        ],
    );

    let s = Setup::new();
    let yaml = std::fs::read_to_string(s.dir().join("content/contest.yaml")).unwrap();
    let first_track = yaml
        .lines()
        .skip_while(|l| !l.starts_with("tracks:"))
        .find_map(|l| l.trim().strip_prefix("- id:"))
        .unwrap()
        .trim()
        .to_string();
    s.edit_yaml(&format!("- id: {first_track}"), "- id: index");
    let text = std::fs::read_to_string(s.dir().join("content/contest.yaml")).unwrap();
    std::fs::write(
        s.dir().join("content/contest.yaml"),
        text.replace(&format!(" {first_track}\n"), " index\n")
            .replace(&format!(" {first_track}]"), " index]")
            .replace(&format!("[{first_track}"), "[index"),
    )
    .unwrap();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "content/contest.yaml:",
            "the track id `index` would replace the list of tracks",
        ],
    );
}

#[test]
fn two_track_and_group_pairs_cannot_share_a_results_page() {
    let s = Setup::fixture("practical-only");
    let yaml_path = s.dir().join("content/contest.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    // Two tracks `a` and `a-x`, two groups `x-s` and `s`: `a` + `x-s` and `a-x` + `s` both make `a-x-s`.
    let tracks = "tracks:\n  - id: a\n    name: 甲\n    description: 甲\n  - id: a-x\n    name: 乙\n    description: 乙\n";
    let groups = "groups:\n  - id: x-s\n    name: 一组\n    eligibility: 一\n  - id: s\n    name: 二组\n    eligibility: 二\n";
    let replaced = replace_section(
        &replace_section(&yaml, "tracks:", tracks),
        "groups:",
        groups,
    );
    std::fs::write(&yaml_path, replaced).unwrap();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &["would both have the results page `results/a-x-s.html`"],
    );
}

/// Replaces a top-level YAML section (from `key` to the next unindented line) with `with`.
fn replace_section(yaml: &str, key: &str, with: &str) -> String {
    let start = yaml
        .find(&format!("\n{key}"))
        .map(|i| i + 1)
        .expect("section");
    let rest = &yaml[start + key.len()..];
    let end = rest
        .match_indices('\n')
        .find(|(i, _)| {
            rest[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
        })
        .map_or(yaml.len(), |(i, _)| start + key.len() + i + 1);
    format!("{}{}{}", &yaml[..start], with, &yaml[end..])
}

// --- budgets and panics -------------------------------------------------------------------------------

#[test]
fn a_template_that_loops_for_ever_is_stopped_and_named() {
    let s = Setup::new();
    s.write(
        "templates/contacts.html",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    let started = Instant::now();
    let output = s.run("build", &["--time-limit", "4"]);
    fails_with(
        &output,
        &[
            "took longer than 4 s",
            "the page `contacts.html` with the template `contacts.html`",
            "nothing was written",
        ],
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(!s.dir().join("output").exists());
}

#[test]
fn a_form_that_loops_for_ever_is_stopped_and_named() {
    let s = Setup::new();
    s.write(
        "forms/registration.typ",
        "#for i in range(100000) { for j in range(100000) { } }\n",
    );
    let output = s.run("check", &["--time-limit", "4"]);
    fails_with(&output, &["took longer than 4 s", "forms/registration.typ"]);
}

#[test]
fn a_template_that_eats_memory_is_stopped() {
    let s = Setup::new();
    s.write(
        "templates/contacts.html",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}一二三四五六七八九十一二三四五六七八九十{% endfor %}{% endfor %}",
    );
    let output = s.run("build", &["--memory-limit", "300", "--time-limit", "300"]);
    fails_with(&output, &["more than 300 MiB of memory, the memory limit"]);
    assert!(!s.dir().join("output").exists());
}

#[test]
fn inputs_that_used_to_panic_are_located_errors() {
    let s = Setup::new();
    let long = format!("https://example.cn/{}", "a".repeat(3000));
    let yaml_path = s.dir().join("content/contest.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    let with_url = if yaml.contains("base_url:") {
        yaml.lines()
            .map(|l| {
                if l.trim_start().starts_with("base_url:") {
                    format!("  base_url: {long}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        yaml.replacen("site:\n", &format!("site:\n  base_url: {long}\n"), 1)
    };
    std::fs::write(&yaml_path, with_url).unwrap();
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &[
            "more than the 512 a QR code on the notice can carry",
            "contest.yaml",
        ],
    );

    let s = Setup::new();
    s.write("forms/a\\b.typ", "#set page(width: 10cm)\n");
    let output = s.run("check", &[]);
    fails_with(
        &output,
        &["the form file `forms/a\\b.typ` has a name jingsai cannot use"],
    );
}

// --- serve ----------------------------------------------------------------------------------------------

#[test]
fn serve_keeps_the_last_good_site_when_a_template_loops_and_picks_up_the_fix() {
    let s = Setup::new();
    std::fs::create_dir_all(s.dir().join("templates")).unwrap();
    let server = support::Server::start(&s.dir(), &["--time-limit", "3"]);
    let good = server.get("/contacts.html").text();
    assert!(good.contains("联系"), "{good}");
    s.write(
        "templates/contacts.html",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    let page = server.wait_for("/contacts.html", 120, |page| {
        page.contains("took longer than 3 s")
    });
    assert!(page.text().contains("contacts.html"));
    assert!(page.text().contains("联系"), "the last good page is kept");
    // With nothing saved since, the new rebuild process says it waits instead of running the loop again;
    // once it has said so, only a save could start a build.
    server.wait_for_log(30, |log| log.contains("waiting for the next save"));
    assert_eq!(
        server.log().matches("the rebuild process stopped").count(),
        1,
        "{}",
        server.log()
    );
    // The next save is picked up by a new rebuild process.
    std::fs::remove_file(s.dir().join("templates/contacts.html")).unwrap();
    s.write(
        "content/notices/2025-10-25-new.md",
        "---\ntitle: 新通知出炉\ndate: 2025-10-25\nsource: 办公室\n---\n正文\n",
    );
    server.wait_for("/notices/index.html", 120, |page| {
        page.contains("新通知出炉")
    });
    let page = server.get("/contacts.html").text();
    assert!(!page.contains("took longer than"), "{page}");
}

#[test]
fn serve_survives_a_rebuild_process_that_dies_and_says_why() {
    let s = Setup::new();
    std::fs::create_dir_all(s.dir().join("templates")).unwrap();
    let server =
        support::Server::start(&s.dir(), &["--memory-limit", "300", "--time-limit", "300"]);
    assert!(server.get("/contacts.html").text().contains("联系"));
    s.write(
        "templates/contacts.html",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}一二三四五六七八九十一二三四五六七八九十{% endfor %}{% endfor %}",
    );
    let page = server.wait_for("/contacts.html", 120, |page| {
        page.contains("more memory than the memory limit")
    });
    assert!(page.text().contains("联系"), "the last good page is kept");
    std::fs::remove_file(s.dir().join("templates/contacts.html")).unwrap();
    s.write(
        "content/notices/2025-10-25-new.md",
        "---\ntitle: 又一条通知\ndate: 2025-10-25\nsource: 办公室\n---\n正文\n",
    );
    server.wait_for("/notices/index.html", 120, |page| {
        page.contains("又一条通知")
    });
}

#[test]
fn serve_answers_only_requests_for_this_machine() {
    use std::io::{Read, Write};
    let s = Setup::new();
    let server = support::Server::start(&s.dir(), &[]);
    let ask = |host: &str| {
        let mut stream = std::net::TcpStream::connect(&server.address).unwrap();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response.lines().next().unwrap_or("").to_string()
    };
    let port = server.address.rsplit(':').next().unwrap().to_string();
    assert!(ask(&format!("127.0.0.1:{port}")).contains(" 200 "));
    assert!(ask(&format!("localhost:{port}")).contains(" 200 "));
    assert!(ask(&format!("evil.example:{port}")).contains(" 421 "));
    assert!(ask("attacker.test").contains(" 421 "));
}
