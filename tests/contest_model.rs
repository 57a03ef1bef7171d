//! The contest model against other contests.
//!
//! `tests/fixtures/<name>/` are other real-looking contests that must fit the same model without code
//! changes. Bad input is in `tests/bad_input.rs`.

mod support;

use jingsai::model::{EventKind, QuotaScope};
use jingsai::{Problem, Problems};
use std::path::{Path, PathBuf};

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

// ---------------------------------------------------------------------------------------------------
// Other contests that fit the same model.
// ---------------------------------------------------------------------------------------------------

/// Checks a good fixture and builds it into a temporary folder; returns the project and the folder.
fn check_and_build(name: &str) -> (jingsai::Loaded, tempfile::TempDir) {
    let root = fixture(name);
    let project = jingsai::check(&root)
        .unwrap_or_else(|problems| panic!("`{name}` should pass the check:\n{}", dump(&problems)));
    let out = tempfile::tempdir().expect("temporary folder");
    let mut options = jingsai::BuildOptions::new(&root);
    options.output = out.path().join("site");
    // Only the bundled fonts, as the command-line tests (`support::jingsai`) do.
    options.fonts.system = false;
    jingsai::build_site(&options).unwrap_or_else(|failure| match failure {
        jingsai::BuildFailure::Problems(problems) => {
            panic!("`{name}` should build:\n{}", dump(&problems))
        }
        jingsai::BuildFailure::Tool(error) => panic!("`{name}` should build: {error}"),
    });
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
    let parts = c.parts();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].name, "实操比赛");
    assert_eq!(parts[0].weight.value, 100);
    assert_eq!(c.rules.quota.as_ref().unwrap().per_unit.value, 3);
    assert_eq!(c.rules.quota.as_ref().unwrap().scope, QuotaScope::Track);
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
    let registration = read(&out, "registration.html");
    assert!(registration.contains("2026年4月10日（星期五）17:00"));
    // Online registration in a window, no e-mail: the window, the platform's link, no "发送至…邮箱".
    assert!(registration.contains("报名时间："), "{registration}");
    assert!(registration.contains(
        r#"<a href="https://baoming.example.cn/gusu-robot-2026/" rel="noopener">苏州市职业技能竞赛报名系统</a>"#
    ));
    assert!(!registration.contains("发送至"), "{registration}");
    assert!(read(&out, "calendar.ics").contains("URL:https://baoming.example.cn/gusu-robot-2026/"));
    // The co-organiser is in every footer.
    assert!(read(&out, "index.html").contains("苏州市机器人产业协会"));
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
        .parts()
        .iter()
        .map(|p| (p.name.as_str(), p.weight.value))
        .collect();
    assert_eq!(weights, [("理论考试", 30), ("实操比赛", 70)]);
    assert_eq!(c.rules.quota.as_ref().unwrap().per_unit.value, 3);
    assert_eq!(
        c.rules.quota.as_ref().unwrap().scope,
        QuotaScope::TrackGroup
    );
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
// The command line.
// ---------------------------------------------------------------------------------------------------

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
