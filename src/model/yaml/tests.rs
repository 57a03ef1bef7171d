//! Each kind of error read from real YAML through the library: if a new version of serde-saphyr
//! reports one of them with another variant, a test here fails instead of a help going missing.

use super::*;
use crate::model::values::{Day, Deadline, Id, When};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Colour {
    Red,
    Green,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Sample {
    name: String,
    count: Option<u32>,
    open: Option<bool>,
    day: Option<Day>,
    when: Option<When>,
    deadline: Option<Deadline>,
    colour: Option<Colour>,
    id: Option<Id>,
    sub: Option<HashMap<String, String>>,
}

const KEYS: &str = "name, count, open, day, when, deadline, colour, id, sub";
const INDENT_HELP: &str = "check the indentation: keys of one section must line up under each other, and a value that contains `: ` must be put in quotes";
const DATE_HELP: &str =
    "dates are written YYYY-MM-DD, such as 2025-10-31; a date not fixed yet is written tbd";

/// The problem reading `text` as a [`Sample`], and the text it highlights.
fn problem(text: &str) -> (Problem, Option<String>) {
    let file = SourceFile::new(Path::new("sample.yaml"), text);
    let problem = parse::<Sample>(&file, text).expect_err("the sample is wrong");
    let at = problem.span.map(|(at, len)| text[at..at + len].to_string());
    (problem, at)
}

/// Reads `text` and checks the message, label, help and highlighted text of its problem.
fn check(text: &str, message: &str, label: &str, help: Option<&str>, at: &str) {
    let (problem, found) = problem(text);
    assert_eq!(problem.message, message, "message for {text:?}");
    assert_eq!(problem.label.as_deref(), Some(label), "label for {text:?}");
    assert_eq!(problem.help.as_deref(), help, "help for {text:?}");
    assert_eq!(found.as_deref(), Some(at), "highlighted text for {text:?}");
}

#[test]
fn unknown_key() {
    check(
        "name: a\ncolor: red\n",
        &format!("unknown field `color`, expected one of {KEYS}"),
        "unknown key",
        Some(&format!(
            "check the spelling; the keys allowed here are: {KEYS}"
        )),
        "color",
    );
}

#[test]
fn missing_key() {
    let (problem, _) = problem("count: 3\n");
    assert_eq!(problem.message, "the key `name` is missing");
    assert_eq!(problem.help.as_deref(), Some("add `name:` to this section"));
    if problem.span.is_some() {
        assert_eq!(problem.label.as_deref(), Some("in this section"));
    }
}

#[test]
fn duplicate_key() {
    check(
        "name: a\nname: b\n",
        "the key `name` is written twice in this section",
        "written twice",
        Some("each key may appear once: remove or merge the repeated one"),
        "name",
    );
}

#[test]
fn a_duplicate_key_with_a_control_character_is_escaped() {
    let (problem, _) = problem("name: a\nsub:\n  \"a\\u0001\": x\n  \"a\\u0001\": y\n");
    assert_eq!(
        problem.message,
        "the key `a\\u{1}` is written twice in this section"
    );
}

#[test]
fn yes_is_not_a_boolean() {
    let (problem, at) = problem("name: a\nopen: yes\n");
    assert_eq!(problem.message, "`yes` is not `true` or `false`");
    assert_eq!(problem.label.as_deref(), Some("here"));
    assert!(problem.help.unwrap().starts_with("write `true` or `false`"));
    assert_eq!(at.as_deref(), Some("yes"));
}

#[test]
fn a_value_of_another_shape_says_which_shape() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Shapes {
        list: Option<Vec<String>>,
        map: Option<HashMap<String, String>>,
        one: Option<String>,
    }
    let read = |text: &str| {
        let file = SourceFile::new(Path::new("sample.yaml"), text);
        let problem = parse::<Shapes>(&file, text).expect_err("the sample is wrong");
        (problem.message, problem.help.unwrap_or_default())
    };
    let (message, help) = read("list: 一项\n");
    assert_eq!(message, "a list is expected here, not a single value");
    assert!(help.contains("`- `"), "{help}");
    let (message, help) = read("map: [a]\n");
    assert_eq!(message, "keys and values are expected here, not a list");
    assert!(help.contains("`key: value`"), "{help}");
    let (message, _) = read("map: 一个\n");
    assert_eq!(
        message,
        "keys and values are expected here, not a single value"
    );
    let (message, help) = read("one: [a, b]\n");
    assert_eq!(message, "a single value is expected here, not a list");
    assert!(help.contains("not as `- ` lines"), "{help}");
    let (message, help) = read("one:\n  - a\n  - b\n");
    assert_eq!(message, "a single value is expected here, not a list");
    assert!(help.contains("not as `- ` lines"), "{help}");
    let (message, _) = read("list:\n  a: b\n");
    assert_eq!(message, "a list is expected here, not keys and values");
}

#[test]
fn keys_and_values_where_one_value_belongs_say_to_write_it_on_one_line() {
    // `venue:` with its text on an indented line of its own, written as a key.
    check(
        "name:\n  地点: 天津\n",
        "a single value is expected here, not keys and values",
        "here",
        Some(
            "this key takes one value (a text, a number or a date): write it on one line after the colon, in quotes if it contains `: `; lines indented under a key make keys and values",
        ),
        "地点: 天津",
    );
    let (problem, _) = problem("name: {a: b}\n");
    assert_eq!(
        problem.message,
        "a single value is expected here, not keys and values"
    );
}

#[test]
fn empty_value() {
    let (problem, _) = problem("name:\ncount: 1\n");
    assert_eq!(
        problem.message,
        "the value is empty; write a value after the colon (or remove the key if it may be left out)"
    );
    assert_eq!(problem.help, None);
}

#[test]
fn not_a_whole_number() {
    check(
        "name: a\ncount: 两\n",
        "`两` is not a whole number",
        "here",
        Some("write a whole number in digits, without units, for example 20"),
        "两",
    );
}

#[test]
fn unknown_value() {
    check(
        "name: a\ncolour: blue\n",
        "unknown variant `blue`, expected one of red, green",
        "here",
        Some("use one of the values listed"),
        "blue",
    );
}

#[test]
fn dates_and_times_carry_the_date_help() {
    for (text, message, at) in [
        (
            "name: a\nday: 2025-13-01\n",
            "`2025-13-01` is not a real date (check the month and the day)",
            "2025-13-01",
        ),
        (
            "name: a\nday: 31/10/2025\n",
            "`31/10/2025` is not a date: write it as YYYY-MM-DD, for example 2025-10-31",
            "31/10/2025",
        ),
        (
            "name: a\nwhen: soon\n",
            "`soon` is not a date: write it as YYYY-MM-DD, for example 2025-10-31, or `tbd` when it is not fixed yet",
            "soon",
        ),
        (
            "name: a\ndeadline: 2025-10-31 25:00\n",
            "`25:00` is not a time of day: write it as HH:MM, for example 17:00",
            "2025-10-31 25:00",
        ),
    ] {
        check(text, message, "here", Some(DATE_HELP), at);
    }
}

#[test]
fn our_other_messages_are_shown_as_written() {
    // "Stable" holds the letters "tab": the report must not take it for a tab.
    check(
        "name: a\nid: Stable\n",
        "`Stable` cannot be an id: use lower-case letters a-z, digits and `-`, for example `ai-trainer`",
        "here",
        None,
        "Stable",
    );
}

#[test]
fn a_value_with_a_colon_is_a_layout_error() {
    check(
        "name: a b: c\n",
        "mapping values are not allowed in this context",
        "here",
        Some(INDENT_HELP),
        ":",
    );
}

#[test]
fn a_key_indented_too_far_is_a_layout_error() {
    let (problem, _) = problem("name: a\nsub:\n  x: 1\n   y: 2\n");
    assert_eq!(
        problem.message,
        "mapping values are not allowed in this context"
    );
    assert_eq!(problem.help.as_deref(), Some(INDENT_HELP));
}

#[test]
fn a_tab_in_block_indentation_points_at_the_tab() {
    check(
        "name: a\nsub:\n\tx: y\n",
        "tabs disallowed within this context (block indentation)",
        "here",
        Some(INDENT_HELP),
        "\t",
    );
    // Here the parser stops on the line before the tab, and the report stays there.
    let (problem, _) = problem("name: |\n\tx\n");
    assert_eq!(
        problem.message,
        "a block scalar content cannot start with a tab"
    );
    assert_eq!(problem.help.as_deref(), Some(INDENT_HELP));
}

#[test]
fn a_tab_elsewhere_carries_the_tab_help() {
    // The parser stops at the end of the line before the tab, and the report stays there.
    let (problem, _) = problem("name: a\nsub:\n  x: y\n\t z: w\n");
    assert_eq!(
        problem.message,
        "while scanning a plain scalar, found a tab"
    );
    assert_eq!(
        problem.help.as_deref(),
        Some("indent with spaces; YAML does not allow tabs")
    );
}

#[test]
fn the_library_message_has_no_location() {
    let (problem, _) = problem("- a\n");
    assert!(
        !problem.message.contains(" at line "),
        "{}",
        problem.message
    );
    // A list where keys and values belong is worded as such.
    assert_eq!(
        problem.message,
        "keys and values are expected here, not a list"
    );
}

// Every mistake of a section, read through `Sections` as contest.yaml and form files are.

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    id: Id,
    name: String,
    title: Option<String>,
    count: Option<u32>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Settings {
    quota: Quota,
    note: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Quota {
    per_unit: u32,
    scope: Colour,
}

/// Reads the sections `items:` (a list of [`Item`]) and `settings:` of `text`: `line:column message`
/// of each problem, in the order reported.
fn section_problems(text: &str) -> Vec<String> {
    let file = SourceFile::new(Path::new("s.yaml"), text);
    let mut sections = Sections::split(&file);
    let _ = sections.take::<Vec<Item>>("items", true);
    let _ = sections.take::<Settings>("settings", true);
    sections
        .into_problems()
        .0
        .iter()
        .map(|p| {
            let at = p.location().unwrap_or_default();
            format!("{} {}", at.trim_start_matches("s.yaml:"), p.message)
        })
        .collect()
}

#[test]
fn every_mistake_of_a_section_is_reported_once_in_file_order() {
    let text = "\
items:
  - id: a
    colour: red
    name: A
  - id: b
    count: 2
  - id: c
    name: C
    count: 两
  - id: d
    nmae: D
settings:
  quota:
    per_unit: 2
    scope: blue
";
    assert_eq!(
        section_problems(text),
        [
            "3:5 unknown field `colour`, expected one of id, name, title, count",
            // Pointed at the item, not at its last key where the library noticed it.
            "5:3 the key `name` is missing",
            "9:12 `两` is not a whole number",
            // A misspelt key is reported once: its item does not also lack `name`.
            "11:5 unknown field `nmae`, expected one of id, name, title, count",
            "15:12 unknown variant `blue`, expected one of red, green",
        ]
    );
}

#[test]
fn a_key_left_out_for_its_value_is_not_also_missing() {
    let text =
        "items:\n  - id: a\n    name: A\nsettings:\n  quota:\n    per_unit: 两\n    scope: red\n";
    assert_eq!(section_problems(text), ["6:15 `两` is not a whole number"]);
}

#[test]
fn the_keys_missing_from_one_item_are_one_problem() {
    let text = "items:\n  - id: a\n  - id: b\n    name: B\nsettings:\n  note: x\n";
    let file = SourceFile::new(Path::new("s.yaml"), text);
    let mut sections = Sections::split(&file);
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Full {
        id: Id,
        name: String,
        title: String,
    }
    assert!(sections.take::<Vec<Full>>("items", true).is_none());
    assert!(sections.take::<Settings>("settings", true).is_none());
    let problems = sections.into_problems().0;
    let shown: Vec<(String, String, Option<String>)> = problems
        .iter()
        .map(|p| {
            (
                p.location().unwrap(),
                p.message.to_string(),
                p.label.as_ref().map(ToString::to_string),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "s.yaml:2:3".to_string(),
                "the keys `name` and `title` are missing".to_string(),
                Some("this item needs `name` and `title`".to_string())
            ),
            (
                "s.yaml:3:3".to_string(),
                "the key `title` is missing".to_string(),
                Some("this item needs `title`".to_string())
            ),
            (
                "s.yaml:5:1".to_string(),
                "the key `quota` is missing".to_string(),
                Some("`settings` needs `quota`".to_string())
            ),
        ]
    );
    assert_eq!(
        problems[2].help.as_deref(),
        Some("add `quota:` indented under `settings:`")
    );
}

#[test]
fn an_empty_section_names_the_keys_it_needs() {
    let text = "items:\n# none yet\nsettings:   # to do\n\n";
    let file = SourceFile::new(Path::new("s.yaml"), text);
    let mut sections = Sections::split(&file);
    assert!(sections.take::<Vec<Item>>("items", true).is_none());
    assert!(sections.take::<Settings>("settings", false).is_none());
    let problems = sections.into_problems().0;
    let shown: Vec<(String, String, String)> = problems
        .iter()
        .map(|p| {
            (
                p.location().unwrap(),
                p.message.to_string(),
                p.help.as_ref().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "s.yaml:1:1".to_string(),
                "the section `items` is empty".to_string(),
                "write its items indented under `items:`, each starting with `- ` (see the README for its keys)".to_string()
            ),
            (
                "s.yaml:3:1".to_string(),
                "the section `settings` is empty; it needs `quota`".to_string(),
                "write its keys indented under `settings:` (see the README for its keys)".to_string()
            ),
        ]
    );
}

#[test]
fn a_stand_in_is_the_smallest_value_a_type_accepts() {
    let settings = stand_in::<Settings>().expect("a stand-in");
    assert_eq!(settings.quota.per_unit, 1);
    assert!(matches!(settings.quota.scope, Colour::Red));
    assert_eq!(settings.note, None);
    assert!(stand_in::<Vec<Item>>().expect("a stand-in").is_empty());
    assert_eq!(
        stand_in::<Day>().map(|d| d.to_string()),
        Some("2025-01-01".into())
    );
}

#[test]
fn a_syntax_error_does_not_bring_a_train_of_others() {
    // The flow mapping is not closed: the parser is lost for the rest of the section.
    let text = "items:\n  - {id: a, name: A\n  - id: b\n    name: B\n  - id: c\n    name: C\nsettings:\n  quota: {per_unit: 1, scope: red}\n";
    let problems = section_problems(text);
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn a_section_reports_at_most_fifty_mistakes() {
    let mut text = String::from("items:\n");
    for i in 0..80 {
        text.push_str(&format!("  - id: a{i}\n    name: x\n    colour: red\n"));
    }
    text.push_str("settings:\n  quota: {per_unit: 1, scope: red}\n");
    assert_eq!(section_problems(&text).len(), 50);
}
