//! The language people read: Chinese by default (no `JINGSAI_LANG`, `LANG=C.UTF-8` as in the other
//! tests), English with `--lang en` and with an English locale (`LANG=en_US.UTF-8`). Each case runs the
//! real binary and reads what a person would: `--help`, the summary of `check`, an error reading
//! contest.yaml, the overlay of `serve`. The other integration tests pass `JINGSAI_LANG=en` (see
//! `tests/support`), so their English snapshots stay as they are.

mod support;

use std::process::Command;
use support::*;

/// How the language is chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Way {
    /// Nothing said: Chinese.
    Default,
    /// `--lang en`.
    Flag,
    /// `LANG=en_US.UTF-8`.
    Locale,
}

impl Way {
    fn chinese(self) -> bool {
        self == Way::Default
    }

    /// `command` with the language chosen this way (the support's `JINGSAI_LANG=en` removed).
    fn apply(self, command: &mut Command) {
        command.env_remove("JINGSAI_LANG");
        match self {
            Way::Default => {}
            Way::Flag => {
                command.args(["--lang", "en"]);
            }
            Way::Locale => {
                command.env("LANG", "en_US.UTF-8");
            }
        }
    }
}

const WAYS: [Way; 3] = [Way::Default, Way::Flag, Way::Locale];

/// `jingsai SUBCOMMAND ARGS` in the language chosen by `way`: success, standard output, standard error.
fn run(way: Way, subcommand: &str, args: &[&str]) -> (bool, String, String) {
    let mut command = jingsai(subcommand);
    command.args(args);
    way.apply(&mut command);
    let output = command.output().expect("run jingsai");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Asserts that `text` contains every piece.
fn has_all(text: &str, pieces: &[&str]) {
    for piece in pieces {
        assert!(text.contains(piece), "{piece:?} is missing from:\n{text}");
    }
}

fn has_none(text: &str, pieces: &[&str]) {
    for piece in pieces {
        assert!(!text.contains(piece), "{piece:?} should not be in:\n{text}");
    }
}

#[test]
fn help_is_chinese_by_default_and_english_when_asked() {
    for way in WAYS {
        let (ok, help, _) = run(way, "--help", &[]);
        assert!(ok, "{way:?}");
        if way.chinese() {
            has_all(
                &help,
                &[
                    "发布一项技能竞赛",
                    "用法：jingsai [选项] <命令>",
                    "命令:",
                    "检查比赛文件夹，然后把网站生成到 `output/`。",
                    "选项:",
                    "显示帮助",
                    "--lang <LANG>",
                ],
            );
            has_none(
                &help,
                &["Usage", "Commands:", "Options:", "Print help", "Check the"],
            );
        } else {
            has_all(
                &help,
                &[
                    "Publishes a skills contest",
                    "Usage: jingsai [OPTIONS] <COMMAND>",
                    "Commands:",
                    "Check the contest folder and build the site into `output/`.",
                    "Print help",
                ],
            );
            has_none(&help, &["用法", "显示帮助", "检查比赛文件夹"]);
        }
        let (ok, help, _) = run(way, "build", &["--help"]);
        assert!(ok, "{way:?}");
        if way.chinese() {
            has_all(
                &help,
                &[
                    "检查比赛文件夹，然后把网站生成到 `output/`。",
                    "用法：jingsai build [选项] [DIR]",
                    "参数:",
                    "比赛文件夹（里面有 `content/`）；默认是当前文件夹。",
                    "网站写到哪里",
                    "生成超过这么多秒就报错停止（防止模板或表格陷入死循环）。［默认：120］",
                    "［默认：4096］",
                    "提示和帮助的语言",
                ],
            );
            has_none(
                &help,
                &[
                    "Usage",
                    "Arguments:",
                    "Options:",
                    "[default",
                    "Where to write",
                ],
            );
        } else {
            has_all(
                &help,
                &[
                    "Usage: jingsai build [OPTIONS] [DIR]",
                    "Arguments:",
                    "Options:",
                    "Where to write the site; `<dir>/output` by default.",
                    "(a template or form that loops for ever). [default: 120]",
                    "[default: 4096]",
                ],
            );
            has_none(&help, &["用法", "网站写到哪里", "［默认"]);
        }
    }
    // `--lang zh` wins over an English locale.
    let mut command = jingsai("--help");
    command
        .env_remove("JINGSAI_LANG")
        .env("LANG", "en_US.UTF-8")
        .args(["--lang", "zh"]);
    let help = String::from_utf8(command.output().unwrap().stdout).unwrap();
    has_all(&help, &["用法：jingsai [选项] <命令>"]);
}

#[test]
fn the_check_summary_speaks_the_language() {
    let copy = contest_copy();
    let dir = copy.path().to_str().unwrap();
    for way in WAYS {
        let (ok, _, stderr) = run(way, "check", &[dir]);
        assert!(ok, "{way:?}: {stderr}");
        let summary = stderr.lines().last().unwrap_or_default();
        if way.chinese() {
            assert_eq!(
                summary,
                format!(
                    "`{dir}` 检查通过：3 个赛项，2 个组别，1 篇通知，2 个表格（报名表、裁判员推荐表），还没有成绩"
                ),
                "{stderr}"
            );
        } else {
            // English plurals: one notice, two forms.
            assert_eq!(
                summary,
                format!(
                    "`{dir}` is fine: 3 tracks, 2 groups, 1 notice, 2 forms (报名表、裁判员推荐表), no results yet"
                ),
                "{stderr}"
            );
        }
    }
}

#[test]
fn an_unreadable_contest_yaml_is_reported_in_the_language() {
    let copy = contest_copy();
    let yaml = copy.file("content/contest.yaml");
    std::fs::remove_file(&yaml).unwrap();
    std::fs::create_dir(&yaml).unwrap();
    let dir = copy.path().to_str().unwrap();
    for way in WAYS {
        let (ok, _, stderr) = run(way, "check", &[dir]);
        assert!(!ok, "{way:?}");
        if way.chinese() {
            has_all(
                &stderr,
                &[
                    "无法读取`content/contest.yaml`：它不是普通文件（而是一个文件夹）；jingsai 只读取普通文件",
                    "提示：",
                    "错误：发现 1 个问题；改正后再运行 `jingsai check`",
                ],
            );
            has_none(&stderr, &["could not", "help:", "problem found"]);
        } else {
            has_all(
                &stderr,
                &[
                    "could not read `content/contest.yaml`: it is not a regular file (it is a folder); jingsai reads only regular files",
                    "help: ",
                    "error: 1 problem found; fix them and run `jingsai check` again",
                ],
            );
            has_none(&stderr, &["无法读取", "提示："]);
        }
    }
    // A missing contest.yaml: the system's error in words of the language.
    std::fs::remove_dir(&yaml).unwrap();
    let (_, _, stderr) = run(Way::Default, "check", &[dir]);
    has_all(
        &stderr,
        &["无法读取`", "content/contest.yaml`：文件或文件夹不存在（"],
    );
    let (_, _, stderr) = run(Way::Locale, "check", &[dir]);
    has_all(
        &stderr,
        &[
            "could not read `",
            "content/contest.yaml`: No such file or directory",
        ],
    );
}

#[test]
fn the_serve_overlay_speaks_the_language() {
    let copy = contest_copy();
    // A notice that is not UTF-8: the build fails, and the 404 page (nothing built yet) shows the overlay.
    copy.write(
        "content/notices/2025-11-01-bad.md",
        b"---\ntitle: \xff\n---\n",
    );
    for way in WAYS {
        let server = Server::start_with(copy.path(), &[], |command| way.apply(command));
        let page = server.get("/").text();
        if way.chinese() {
            has_all(
                &page,
                &[
                    "jingsai：最近的修改无法生成网站，现在显示的是上一次成功生成的网站。",
                    "它不是 UTF-8 编码的文本：第 2 行第 8 列的字节 0xFF 不是 UTF-8",
                    "找不到页面",
                ],
            );
            has_none(&page, &["the last change does not build", "Not found"]);
            server.wait_for_log(30, |log| {
                log.contains("正在预览 http://")
                    && log.contains("错误：发现 1 个问题；仍在显示上一次成功生成的网站")
            });
        } else {
            has_all(
                &page,
                &[
                    "jingsai: the last change does not build; showing the last good site.",
                    "it is not UTF-8 text: byte 0xFF at line 2, column 8",
                    "Not found",
                ],
            );
            has_none(&page, &["最近的修改", "找不到页面"]);
            server.wait_for_log(30, |log| {
                log.contains("error: 1 problem found; still serving the last good site")
            });
        }
    }
}

#[test]
fn a_language_jingsai_does_not_speak_is_refused() {
    let mut command = jingsai("check");
    command.env_remove("JINGSAI_LANG").args(["--lang", "fr"]);
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        "错误：`--lang` 要求的语言 `fr`，jingsai 不支持\n提示：请用 `zh`（中文，默认）或 `en`（English）：`--lang en`，或 `JINGSAI_LANG=en`\n"
    );
    // In English under an English locale; the same for the variable.
    let mut command = jingsai("check");
    command.env("JINGSAI_LANG", "fr").env("LANG", "en_US.UTF-8");
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    has_all(
        &stderr,
        &[
            "error: `JINGSAI_LANG` asks for the language `fr`, which jingsai does not speak",
            "help: use `zh` (中文, the default) or `en` (English)",
        ],
    );
}

/// The mistakes a staff member makes in contest.yaml, each reported in Chinese words they can act on:
/// a misspelt key with the keys allowed there, a key left out, a date written the Chinese way and a
/// phone number with a letter in it. `--lang en` gives the English of the other tests.
#[test]
fn mistakes_in_contest_yaml_are_explained_in_chinese() {
    let copy = contest_copy();
    let yaml = "content/contest.yaml";
    copy.replace(yaml, "  base_url: \"\"", "  base_ulr: \"\"");
    copy.replace(
        yaml,
        "  short_name: 第四届全国人工智能应用技术技能大赛天津选拔赛\n",
        "",
    );
    copy.replace(yaml, "    date: 2025-10-31", "    date: 2025年10月31日");
    copy.replace(
        yaml,
        "    phone: \"13207515272\"",
        "    phone: \"132-0751-527x\"",
    );
    let dir = copy.path().to_str().unwrap();
    let (ok, _, stderr) = run(Way::Default, "check", &[dir]);
    assert!(!ok, "{stderr}");
    has_all(
        &stderr,
        &[
            // The unknown key, what may be written there, and what to do.
            "content/contest.yaml:11:3: 这里不能写键 `base_ulr`（这里能写的键：base_url、notices_per_page）",
            "不认识的键",
            "提示：请检查拼写，多半是键名写错了；这里能写的键有：base_url、notices_per_page",
            // The key left out, pointed at the section that needs it.
            "content/contest.yaml:14:1: 缺少键 `short_name`",
            "`contest` 下面要有 `short_name`",
            "提示：请在 `contest:` 下面缩进加上 `short_name:`",
            // The date, with how dates are written and the word for a date not fixed yet.
            "`2025年10月31日` 不是日期：请按“年-月-日”写，例如 2025-10-31；日期还没定的，写 `tbd`",
            "提示：日期按“年-月-日”写，例如 2025-10-31；还没定的日期写 tbd",
            // The phone number.
            "`132-0751-527x` 不是电话号码",
            "提示：请写数字，可以带区号和 `-`，并加上引号：\"022-12345678\"",
            "错误：发现 4 个问题；改正后再运行 `jingsai check`",
        ],
    );
    has_none(
        &stderr,
        &[
            "unknown field",
            "is missing",
            "is not a date",
            "is not a phone number",
            "help:",
            "here",
        ],
    );
    let (_, _, stderr) = run(Way::Flag, "check", &[dir]);
    has_all(
        &stderr,
        &[
            "content/contest.yaml:11:3: unknown field `base_ulr`, expected one of base_url, notices_per_page",
            "help: check the spelling; the keys allowed here are: base_url, notices_per_page",
            "content/contest.yaml:14:1: the key `short_name` is missing",
            "`2025年10月31日` is not a date: write it as YYYY-MM-DD, for example 2025-10-31, or `tbd` when it is not fixed yet",
            "`132-0751-527x` is not a phone number",
        ],
    );
    has_none(&stderr, &["不认识的键", "缺少键", "提示："]);
}

/// The checks across sections and of a form file speak Chinese too: a deadline before the notice, a
/// deadline text that no longer matches, the plan's wording (a warning), a cell too wide for its row.
#[test]
fn checks_of_dates_and_forms_are_explained_in_chinese() {
    let copy = contest_copy();
    copy.replace(
        "content/contest.yaml",
        "  deadline: 2025-10-31",
        "  deadline: 2025-10-01",
    );
    copy.write(
        "forms/registration.yaml",
        "name: 报名表\ncolumns: [22mm, 1fr]\nrows:\n  - - {label: 姓名}\n    - {input: text, id: name, colspan: 2}\n",
    );
    let dir = copy.path().to_str().unwrap();
    let (ok, _, stderr) = run(Way::Default, "check", &[dir]);
    assert!(!ok, "{stderr}");
    has_all(
        &stderr,
        &[
            "content/contest.yaml:194:13: 报名截止日期 2025-10-01 早于通知日期 2025-10-16",
            "提示：请检查年、月、日",
            "content/contest.yaml:195:18: 2025年10月1日是星期三，但这里写的是星期五",
            "报名截止的说明文字里没有截止日期 2025年10月1日",
            "方案正文里没有提到报名截止日期 `2025年10月1日`",
            "方案里没有",
            "forms/registration.yaml:5:7: 第 1 行放不下这个格子：前面的格子已经占了表格 2 列中的 1 列，而这个格子要占 2 列",
            "提示：请在这一行删去一个格子或调小某个 `colspan`，或者在 `columns` 里加一列宽度",
            "错误：发现 4 个问题；改正后再运行 `jingsai check`",
        ],
    );
    has_none(&stderr, &["registration deadline", "has no room", "help:"]);
}
