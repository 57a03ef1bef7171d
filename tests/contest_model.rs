//! The contest model against other contests and against bad input.
//!
//! `tests/fixtures/<name>/` are other real-looking contests that must fit the same model without code
//! changes. `tests/fixtures/bad/<case>/` are copies of the seed contest with one thing broken (or, for the
//! `several-*` cases, a few things); each test asserts the exact problem: its message, its
//! `path:line:column`, and that it says what to do.

mod support;

use jingsai::model::{EventKind, QuotaScope};
use jingsai::{Problem, Problems};
use std::path::{Path, PathBuf};

const CONTEST: &str = "content/contest.yaml";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests").join("fixtures").join(name)
}

/// `path:line:column` with `/` separators on every platform.
fn location(problem: &Problem) -> String {
    problem
        .location()
        .unwrap_or_else(|| "<no location>".into())
        .replace('\\', "/")
}

/// Every problem, one a line, for failure messages.
fn dump(problems: &Problems) -> String {
    problems
        .0
        .iter()
        .map(|p| {
            format!(
                "  [{:?}] {} — {}\n      help: {}",
                p.severity,
                location(p),
                p.message,
                p.help.as_deref().unwrap_or("<none>")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The problems of a bad fixture; panics when it passes the check.
fn problems_of(case: &str) -> Problems {
    match jingsai::check(&fixture(&format!("bad/{case}"))) {
        Ok(project) => panic!(
            "`bad/{case}` passed the check; warnings:\n{}",
            dump(&project.warnings)
        ),
        Err(problems) => problems,
    }
}

/// A bad fixture with exactly one error, at `at`, whose message contains `message`, with a help text.
fn the_error(case: &str, at: &str, message: &str) -> Problem {
    let problems = problems_of(case);
    let errors: Vec<&Problem> = problems.errors().collect();
    assert_eq!(
        errors.len(),
        1,
        "`bad/{case}` should report exactly one error; found:\n{}",
        dump(&problems)
    );
    let problem = errors[0].clone();
    assert_eq!(
        location(&problem),
        at,
        "`bad/{case}`: wrong location; found:\n{}",
        dump(&problems)
    );
    assert!(
        problem.message.contains(message),
        "`bad/{case}`: the message should contain {message:?}; found:\n{}",
        dump(&problems)
    );
    assert!(
        problem
            .help
            .as_deref()
            .is_some_and(|h| !h.trim().is_empty()),
        "`bad/{case}`: the problem should say what to do (help); found:\n{}",
        dump(&problems)
    );
    problem
}

/// Among several problems, the error at `at` whose message contains `message`.
fn error_at<'a>(problems: &'a Problems, at: &str, message: &str) -> &'a Problem {
    problems
        .errors()
        .find(|p| location(p) == at && p.message.contains(message))
        .unwrap_or_else(|| {
            panic!(
                "no error at `{at}` containing {message:?}; found:\n{}",
                dump(problems)
            )
        })
}

fn at(line: usize, column: usize) -> String {
    format!("{CONTEST}:{line}:{column}")
}

// ---------------------------------------------------------------------------------------------------
// Other contests that fit the same model.
// ---------------------------------------------------------------------------------------------------

/// Checks a good fixture and builds it into a temporary folder; returns the project and the folder.
fn check_and_build(name: &str) -> (jingsai::Project, tempfile::TempDir) {
    let root = fixture(name);
    let project = jingsai::check(&root)
        .unwrap_or_else(|problems| panic!("`{name}` should pass the check:\n{}", dump(&problems)));
    let out = tempfile::tempdir().expect("temporary folder");
    let mut options = jingsai::BuildOptions::new(&root);
    options.output = out.path().join("site");
    // Only the bundled fonts, as the command-line tests (`support::jingsai`) do.
    options.fonts.system = false;
    jingsai::build_site(&options)
        .unwrap_or_else(|problems| panic!("`{name}` should build:\n{}", dump(&problems)));
    (project, out)
}

fn read(dir: &tempfile::TempDir, page: &str) -> String {
    std::fs::read_to_string(dir.path().join("site").join(page))
        .unwrap_or_else(|e| panic!("`{page}` should be built: {e}"))
}

#[test]
fn seed_contest_passes() {
    let project = jingsai::check(manifest_dir())
        .unwrap_or_else(|problems| panic!("the seed should pass:\n{}", dump(&problems)));
    assert_eq!(project.contest.tracks.len(), 3);
    assert_eq!(project.contest.groups.len(), 2);
}

#[test]
fn practical_only_checks_and_builds() {
    let (project, out) = check_and_build("practical-only");
    let c = &project.contest;
    assert_eq!(c.tracks.len(), 1);
    assert_eq!(c.groups.len(), 1);
    assert_eq!(c.format.event, EventKind::Team);
    assert_eq!(c.format.team_size.as_ref().map(|s| s.value), Some(2));
    let parts = &c.scoring.parts.value;
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].name, "实操比赛");
    assert_eq!(parts[0].weight.value, 100);
    assert_eq!(c.rules.quota.per_unit.value, 3);
    assert_eq!(c.rules.quota.scope, QuotaScope::Track);
    assert_eq!(
        c.base_url(),
        Some("https://jineng.example.cn/gusu-robot-2026")
    );
    assert_eq!(project.notices.len(), 2);
    assert_eq!(
        c.registration
            .deadline
            .value
            .time
            .map(|t| t.strftime("%H:%M").to_string()),
        Some("17:00".to_string())
    );

    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://jineng.example.cn/gusu-robot-2026/index.html</loc>"));
    assert!(read(&out, "eligibility.html").contains("均为团体赛项，每队2人"));
    assert!(read(&out, "tracks/robot-maintenance.html").contains("工业机器人系统运维员"));
    assert!(read(&out, "registration.html").contains("2026年4月10日（星期五）17:00"));
    assert!(read(&out, "calendar.ics").contains("UID:contest@jineng.example.cn"));
}

/// A team event's quota counts teams (每个参赛单位限报3支参赛队), so the plan does not say "3人"; the
/// definition should be able to say so without a warning.
#[test]
fn practical_only_has_no_warnings() {
    let project = jingsai::check(&fixture("practical-only"))
        .unwrap_or_else(|problems| panic!("should pass:\n{}", dump(&problems)));
    assert!(
        project.warnings.is_empty(),
        "a team event with a quota of 3 teams should not be warned about:\n{}",
        dump(&project.warnings)
    );
}

#[test]
fn weights_30_70_checks_and_builds() {
    let (project, out) = check_and_build("weights-30-70");
    let c = &project.contest;
    let weights: Vec<(&str, u32)> = c
        .scoring
        .parts
        .value
        .iter()
        .map(|p| (p.name.as_str(), p.weight.value))
        .collect();
    assert_eq!(weights, [("理论考试", 30), ("实操比赛", 70)]);
    assert_eq!(c.rules.quota.per_unit.value, 3);
    assert_eq!(c.rules.quota.scope, QuotaScope::TrackGroup);
    assert_eq!(c.base_url(), None);

    assert_eq!(c.contacts.len(), 3);
    assert!(c.contacts.iter().all(|k| k.role.is_some()));

    assert_eq!(c.tracks.len(), 2);
    assert_eq!(c.groups.len(), 3);
    let groups_of = |track: &str| -> Vec<&str> {
        let track = c
            .tracks
            .iter()
            .find(|t| t.id.value.as_str() == track)
            .unwrap();
        c.groups_of(track)
            .into_iter()
            .map(|g| g.id.value.as_str())
            .collect()
    };
    assert_eq!(
        groups_of("network-security"),
        ["staff", "teacher", "student"]
    );
    assert_eq!(groups_of("big-data"), ["staff", "student"]);

    // Per-track contest days, one of them over two days.
    let contest_days: Vec<(&str, Vec<&str>)> = c
        .contest_stages()
        .map(|s| {
            (
                s.id.value.as_str(),
                s.tracks
                    .iter()
                    .flatten()
                    .map(|t| t.value.as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        contest_days,
        [
            ("contest-network-security", vec!["network-security"]),
            ("contest-big-data", vec!["big-data"]),
        ]
    );
    let big_data = c
        .schedule
        .iter()
        .find(|s| s.id.value.as_str() == "contest-big-data")
        .unwrap();
    assert_eq!(
        big_data.until.as_ref().map(|u| u.value.iso()).as_deref(),
        Some("2026-07-19")
    );
    // Its public address is not known yet: the one warning is about that.
    let others: Vec<_> = project
        .warnings
        .0
        .iter()
        .filter(|w| !w.message.contains("base_url"))
        .collect();
    assert!(
        others.is_empty(),
        "no other warnings expected:\n{}",
        dump(&project.warnings)
    );
    assert_eq!(project.warnings.0.len(), 1);

    let page = read(&out, "tracks/big-data.html");
    assert!(page.contains("group-staff") && page.contains("group-student"));
    assert!(
        !page.contains("group-teacher"),
        "big-data is not run for teachers"
    );
    assert!(read(&out, "index.html").contains("2026年7月18日至2026年7月19日"));
}

/// A stage with `tracks: [..]` belongs to those tracks only: a track's page lists the stages for all
/// tracks and its own, not another track's contest day.
#[test]
fn track_pages_list_only_their_own_stages() {
    let (_, out) = check_and_build("weights-30-70");
    let big_data = read(&out, "tracks/big-data.html");
    assert!(big_data.contains("大数据工程技术人员赛项实操比赛"));
    assert!(big_data.contains("理论考试（线上）"));
    assert!(
        !big_data.contains("网络与信息安全管理员赛项实操比赛"),
        "the big-data page lists the network-security contest day"
    );
    let network = read(&out, "tracks/network-security.html");
    assert!(network.contains("网络与信息安全管理员赛项实操比赛"));
    assert!(
        !network.contains("大数据工程技术人员赛项实操比赛"),
        "the network-security page lists the big-data contest days"
    );
}

// ---------------------------------------------------------------------------------------------------
// Bad input: one problem each.
// ---------------------------------------------------------------------------------------------------

#[test]
fn every_bad_fixture_fails() {
    let dir = fixture("bad");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "{cases:?}");
    for case in cases {
        let problems = problems_of(&case);
        assert!(problems.has_errors(), "`bad/{case}`:\n{}", dump(&problems));
    }
}

#[test]
fn unknown_key_in_a_section() {
    let problem = the_error("unknown-key", &at(17, 3), "unknown field `abbrevation`");
    assert!(problem.help.unwrap().contains("abbreviation"));
}

#[test]
fn unknown_top_level_section() {
    let problem = the_error("unknown-section", &at(187, 1), "unknown section `award`");
    assert!(problem.help.unwrap().contains("awards"));
}

#[test]
fn duplicate_top_level_section() {
    let problem = the_error(
        "duplicate-section",
        &at(235, 1),
        "section `venue` is written twice",
    );
    assert!(problem.help.unwrap().contains("line 234"));
}

/// `per_unit: 两`: the message names the value and says a number is wanted, in words a contest
/// organiser understands (not `invalid u32`).
#[test]
fn wrong_type_string_for_number() {
    let problem = the_error("wrong-type", &at(169, 15), "两");
    assert!(
        !problem.message.contains("u32"),
        "message: {}",
        problem.message
    );
    assert!(
        problem.message.contains("number"),
        "message: {}",
        problem.message
    );
}

#[test]
fn impossible_date() {
    the_error(
        "impossible-date",
        &at(93, 9),
        "`2025-02-30` is not a real date",
    );
}

#[test]
fn malformed_date() {
    the_error("malformed-date", &at(194, 13), "`2025/10/31` is not a date");
}

#[test]
fn deadline_after_the_contest() {
    let problem = the_error(
        "deadline-after-contest",
        &at(194, 13),
        "the registration deadline 2025-10-31 is after the contest starts on 2025-10-20",
    );
    assert!(problem.help.unwrap().contains("line 230"));
}

#[test]
fn group_restriction_refers_to_an_undefined_group() {
    let problem = the_error(
        "undefined-group-restriction",
        &at(166, 14),
        "the group `staf`, which is not defined",
    );
    assert!(problem.help.unwrap().contains("staff, student"));
}

#[test]
fn track_refers_to_an_undefined_group() {
    the_error(
        "undefined-group-track",
        &at(131, 21),
        "track `service-robot` refers to the group `teacher`, which is not defined",
    );
}

#[test]
fn stage_refers_to_an_undefined_track() {
    the_error(
        "undefined-track-stage",
        &at(228, 26),
        "the stage `documents` refers to the track `robot`, which is not defined",
    );
}

/// A key written twice in one mapping; the message is about the file, not about the YAML library's
/// options.
#[test]
fn duplicate_key_in_a_mapping() {
    let problem = the_error("duplicate-key", &at(19, 3), "abbreviation");
    assert!(
        !problem.message.contains("DuplicateKeyPolicy"),
        "message: {}",
        problem.message
    );
}

#[test]
fn duplicate_track_id() {
    let problem = the_error(
        "duplicate-track-id",
        &at(132, 9),
        "the track id `ai-trainer` is used twice",
    );
    assert!(problem.help.unwrap().contains("line 126"));
}

#[test]
fn weights_do_not_add_up_to_100() {
    the_error(
        "weights-not-100",
        &at(178, 15),
        "the scoring weights add up to 110%, not 100%",
    );
}

#[test]
fn wrong_weekday_in_deadline_text() {
    the_error(
        "wrong-weekday",
        &at(195, 18),
        "2025年10月31日 is a 星期五, but the text says 星期四",
    );
}

#[test]
fn bad_email() {
    the_error(
        "bad-email",
        &at(245, 12),
        "`lili2004#tute.edu.cn` is not an e-mail address",
    );
}

/// A tab in the indentation: the location is the tab itself (line 237, column 1).
#[test]
fn yaml_tab_indentation() {
    the_error("yaml-tab", &at(237, 1), "tab");
}

#[test]
fn yaml_bad_indentation() {
    the_error(
        "yaml-indent",
        &at(238, 13),
        "mapping values are not allowed",
    );
}

/// A missing section has no line of its own: the problem names the file.
#[test]
fn missing_required_section() {
    the_error("missing-section", CONTEST, "the section `costs` is missing");
}

#[test]
fn award_basis_refers_to_an_undefined_document() {
    let problem = the_error(
        "award-basis-undefined",
        &at(188, 10),
        "awards refer to the document `rules-2023`, which is not under `references:`",
    );
    assert!(problem.help.unwrap().contains("rules-2024"));
}

// Notices: the location is inside the Markdown file.

const NOTICE: &str = "content/notices/2025-10-20-documents.md";

#[test]
fn notice_without_front_matter() {
    the_error(
        "notice-no-front-matter",
        &format!("{NOTICE}:1:1"),
        "a notice must start with front matter",
    );
}

#[test]
fn notice_with_unknown_front_matter_key() {
    the_error(
        "notice-unknown-key",
        &format!("{NOTICE}:4:1"),
        "unknown field `author`",
    );
}

#[test]
fn notice_with_bad_date() {
    the_error(
        "notice-bad-date",
        &format!("{NOTICE}:3:7"),
        "`2025-10-32` is not a real date",
    );
}

// ---------------------------------------------------------------------------------------------------
// Several problems in one run.
// ---------------------------------------------------------------------------------------------------

/// An unknown key in `site`, an impossible date in `registration` and a wrong type in `rules`: parse errors
/// in three sections, all reported at once.
#[test]
fn several_parse_problems_in_one_run() {
    let problems = problems_of("several-syntax");
    assert_eq!(problems.errors().count(), 3, "{}", dump(&problems));
    error_at(&problems, &at(11, 3), "unknown field `base_ulr`");
    error_at(&problems, &at(169, 15), "");
    error_at(&problems, &at(194, 13), "`2025-13-01`");
}

/// An undefined group, weights that do not add up and a duplicate id, all reported at once.
#[test]
fn several_semantic_problems_in_one_run() {
    let problems = problems_of("several-semantic");
    assert_eq!(problems.errors().count(), 3, "{}", dump(&problems));
    error_at(
        &problems,
        &at(132, 9),
        "the track id `service-robot` is used twice",
    );
    error_at(
        &problems,
        &at(166, 14),
        "the group `teacher`, which is not defined",
    );
    error_at(&problems, &at(178, 15), "add up to 110%");
    assert!(
        problems.errors().all(|p| p.help.is_some()),
        "{}",
        dump(&problems)
    );
}

// ---------------------------------------------------------------------------------------------------
// The command line.
// ---------------------------------------------------------------------------------------------------

#[test]
fn cli_check_reports_location_message_and_help() {
    let output = support::jingsai("check")
        .arg(fixture("bad/unknown-key"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).replace('\\', "/");
    assert!(!output.status.success(), "stderr:\n{stderr}");
    assert!(
        stderr.contains("content/contest.yaml:17:3"),
        "stderr:\n{stderr}"
    );
    assert!(
        stderr.contains("unknown field `abbrevation`"),
        "stderr:\n{stderr}"
    );
    assert!(stderr.contains("check the spelling"), "stderr:\n{stderr}");
}

#[test]
fn cli_check_passes_on_the_seed() {
    let output = support::jingsai("check")
        .arg(manifest_dir())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "stderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn cli_check_passes_on_the_other_contests() {
    for name in ["practical-only", "weights-30-70"] {
        let output = support::jingsai("check")
            .arg(fixture(name))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "`{name}`:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
