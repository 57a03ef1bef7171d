//! Each kind of error read from real YAML through the library: if a new version of serde-saphyr
//! reports one of them with another variant, a test here fails instead of a help going missing.

use super::*;
use crate::model::values::{Day, Deadline, Id, When};
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
    assert_eq!(problem.message, "missing field `name`");
    assert_eq!(
        problem.help.as_deref(),
        Some("add the missing key to this section")
    );
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
    assert_eq!(message, "a list is expected here");
    assert!(help.contains("`- `"), "{help}");
    let (message, help) = read("map: [a]\n");
    assert_eq!(message, "keys and values are expected here");
    assert!(help.contains("`key: value`"), "{help}");
    let (message, _) = read("one: [a, b]\n");
    assert_eq!(
        message,
        "a single value is expected here, not a list or keys and values"
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
    assert_eq!(problem.message, "keys and values are expected here");
}
