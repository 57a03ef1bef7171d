//! The JSON Schemas of contest.yaml and of a form file (`jingsai schema`), which editors use to complete
//! keys and mark mistakes while typing.
//!
//! The committed `schema/*.json` are what the binary prints; every contest and form of the repository
//! passes; files that `check` refuses for their shape are refused too, and files it takes are taken; the
//! sections and form keys, and which of them are required, are those `check` reads; the hand-written
//! schemas of dates, deadlines, ids and column headers agree with their `Deserialize` on samples; and the
//! first line `init` writes points at a schema it writes.

mod support;

use jingsai::diagnostics::SourceFile;
use jingsai::model::values::{Day, Deadline, Id, When};
use jingsai::model::{Headers, SECTIONS, parse_contest};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What `jingsai schema KIND` prints.
fn printed(kind: &str) -> String {
    let output = support::jingsai("schema").arg(kind).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The schema `jingsai schema KIND` prints, parsed.
fn schema(kind: &str) -> Value {
    serde_json::from_str(&printed(kind)).unwrap()
}

/// A YAML text as the JSON an editor's language server sees (YAML 1.2: `2025-10-31` is a string,
/// `300000` a number).
fn as_json(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
}

/// The schema's complaints about `instance`, one a line (`/path: message`); empty when it passes.
fn complaints(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The contest files of the repository: the seed and every fixture's.
fn contest_files() -> Vec<PathBuf> {
    let mut files = vec![repository().join("content/contest.yaml")];
    files.extend(
        walk(&repository().join("tests/fixtures"))
            .into_iter()
            .filter(|p| p.ends_with("content/contest.yaml")),
    );
    files
}

/// The form files of the repository: the built-in forms, `forms/` and the fixtures' forms.
fn form_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["src/model/forms/builtin", "forms", "tests/fixtures"] {
        files.extend(walk(&repository().join(folder)).into_iter().filter(|p| {
            p.extension().is_some_and(|e| e == "yaml")
                && p.parent()
                    .is_some_and(|folder| folder.ends_with("builtin") || folder.ends_with("forms"))
        }));
    }
    files
}

/// Every file under `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn the_committed_schemas_are_what_jingsai_schema_prints() {
    for kind in ["contest", "form"] {
        let path = format!("schema/{kind}.schema.json");
        let committed = std::fs::read_to_string(repository().join(&path)).unwrap_or_default();
        assert!(
            committed == printed(kind),
            "`{path}` is not what `jingsai schema {kind}` prints: the model changed. Write it again with \
             `cargo run --release -- schema {kind} --out {path}` and commit it"
        );
    }
    // `--out` writes the same bytes.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("form.schema.json");
    let output = support::jingsai("schema")
        .args(["form", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), printed("form"));
}

#[test]
fn the_schemas_are_draft_7_with_a_title_and_descriptions() {
    for kind in ["contest", "form"] {
        let schema = schema(kind);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert!(schema["title"].is_string() && schema["description"].is_string());
        assert_eq!(schema["additionalProperties"], false);
        for (key, property) in schema["properties"].as_object().unwrap() {
            assert!(
                property["description"].is_string(),
                "{kind}: `{key}` has no description"
            );
        }
    }
    // A field's `///` doc is its description, and a struct denies unknown keys.
    let contest = schema("contest");
    let site = &contest["definitions"]["Site"];
    assert_eq!(site["additionalProperties"], false);
    assert!(
        site["properties"]["notices_per_page"]["description"]
            .as_str()
            .unwrap()
            .contains("Notices listed per page")
    );
}

#[test]
fn every_contest_and_form_of_the_repository_passes() {
    let contest = schema("contest");
    let files = contest_files();
    assert!(files.len() >= 5, "{files:?}");
    for path in &files {
        let found = complaints(&contest, &as_json(&std::fs::read_to_string(path).unwrap()));
        assert!(
            found.is_empty(),
            "{}:\n{}",
            path.display(),
            found.join("\n")
        );
    }
    let form = schema("form");
    let files = form_files();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for name in [
        "registration.yaml",
        "judge.yaml",
        "roster.yaml",
        "team.yaml",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} not in {names:?}");
    }
    for path in &files {
        let found = complaints(&form, &as_json(&std::fs::read_to_string(path).unwrap()));
        assert!(
            found.is_empty(),
            "{}:\n{}",
            path.display(),
            found.join("\n")
        );
        // The complete example of forms/README.md, which starts with the line naming the schema.
        let readme = std::fs::read_to_string(repository().join("forms/README.md")).unwrap();
        let after = &readme[readme.find("(`forms/team.yaml`)").unwrap()..];
        let start = after.find("```yaml\n").unwrap() + "```yaml\n".len();
        let example = &after[start..start + after[start..].find("```").unwrap()];
        assert!(
            example.starts_with("# yaml-language-server: $schema=../schema/form.schema.json\n")
        );
        let found = complaints(&form, &as_json(example));
        assert!(found.is_empty(), "forms/README.md:\n{}", found.join("\n"));
    }
}

/// The seed contest.yaml with `from` replaced by `to` (which must occur exactly once).
fn seed_with(from: &str, to: &str) -> String {
    let seed = std::fs::read_to_string(repository().join("content/contest.yaml")).unwrap();
    assert_eq!(seed.matches(from).count(), 1, "{from:?} in the seed");
    seed.replacen(from, to, 1)
}

/// The seed contest.yaml without its top-level section `key` (from `key:` to the next section).
fn seed_without(key: &str) -> String {
    let seed = std::fs::read_to_string(repository().join("content/contest.yaml")).unwrap();
    let mut out = String::new();
    let mut skipping = false;
    for line in seed.split_inclusive('\n') {
        let top_level = !line.starts_with([' ', '#', '-', '\n']);
        if top_level {
            skipping = line.starts_with(&format!("{key}:"));
        }
        if !skipping {
            out.push_str(line);
        }
    }
    assert_ne!(out, seed, "no section `{key}` in the seed");
    out
}

/// Whether `check` reads the shape of `text` (every section parses; the checks between sections, such
/// as whether a group is defined, are not the schema's).
fn check_reads(text: &str) -> bool {
    parse_contest(&SourceFile::new(Path::new("contest.yaml"), text)).is_ok()
}

#[test]
fn contests_check_refuses_are_refused_where_the_mistake_is() {
    let contest = schema("contest");
    let cases = [
        (
            "unknown key",
            seed_with(
                "  notices_per_page: 20\n",
                "  notices_per_page: 20\n  colour: red\n",
            ),
            "/site",
        ),
        (
            "unknown section",
            seed_with("\nsite:\n", "\nprizes: 3\nsite:\n"),
            "",
        ),
        (
            "wrong type",
            seed_with("  notices_per_page: 20\n", "  notices_per_page: 二十\n"),
            "/site/notices_per_page",
        ),
        ("missing section", seed_without("costs"), ""),
        (
            "missing key",
            seed_with("  scope: contest ", "  # scope: contest "),
            "/rules/quota",
        ),
        (
            "a date with slashes",
            seed_with("  date: 2025-10-16", "  date: 2025/10/16"),
            "/notice/date",
        ),
        (
            "a deadline at 5pm",
            seed_with("  deadline: 2025-10-31\n", "  deadline: 2025-10-31 5pm\n"),
            "/registration/deadline",
        ),
        (
            "a stage date neither a date nor tbd",
            seed_with("    date: 2025-10-31\n", "    date: soon\n"),
            "/schedule/0/date",
        ),
        (
            "an id with capitals",
            seed_with("  - id: ai-trainer", "  - id: AI-Trainer"),
            "/tracks/0/id",
        ),
        (
            "an event that is no kind",
            seed_with("  event: individual", "  event: solo"),
            "/format/event",
        ),
        (
            "a list for a text",
            seed_with("venue: 天津职业技术师范大学电子工程学院", "venue: [a, b]"),
            "/venue",
        ),
        (
            "a mapping for a list",
            seed_with(
                "  barred_honours:          # may not enter as contestants\n    - 中华技能大奖\n    - 全国技术能手\n",
                "  barred_honours: {a: b}\n",
            ),
            "/rules/barred_honours",
        ),
    ];
    for (what, text, path) in cases {
        assert!(!check_reads(&text), "{what}: check should refuse it");
        let found = complaints(&contest, &as_json(&text));
        assert!(
            found.iter().any(|c| c.starts_with(&format!("{path}: "))),
            "{what}: the schema should complain at `{path}`, it said:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn contests_check_takes_are_taken() {
    let contest = schema("contest");
    let cases = [
        (
            "a deadline with a time",
            seed_with("  deadline: 2025-10-31\n", "  deadline: 2025-10-31 17:00\n"),
        ),
        (
            "an unquoted number for a text",
            seed_with(
                "    phone: \"13207515272\"",
                "    phone: 13207515272\n    postcode: 300222",
            ),
        ),
        (
            "a stage on 另行通知",
            seed_with("    date: 2025-10-31\n", "    date: 另行通知\n"),
        ),
        ("no groups", seed_without("groups")),
        ("no awards", seed_without("awards")),
        ("no schedule", seed_without("schedule")),
        ("no site", seed_without("site")),
        (
            "an empty optional key",
            seed_with("  notices_per_page: 20\n", "  notices_per_page:\n"),
        ),
        (
            "results",
            format!(
                "{}\nresults:\n  published: 2025-12-05\n  tie_break: [practical, time]\n  tiers:\n    - {{ name: 一等奖, share: 10 }}\n  columns:\n    unit: 推荐单位\n    parts:\n      practical: [技能操作成绩, 实操]\n",
                seed_with("  notices_per_page: 20\n", "  notices_per_page: 20\n")
            ),
        ),
    ];
    for (what, text) in cases {
        assert!(check_reads(&text), "{what}: check should read it");
        let found = complaints(&contest, &as_json(&text));
        assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
    }
}

/// The messages `jingsai check` prints for the contest folder `dir`.
fn check_messages(dir: &Path) -> String {
    let output = support::jingsai("check").arg(dir).output().unwrap();
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The names between backticks in `text` after each `before` and up to `after`.
fn named(text: &str, before: &str, after: &str) -> BTreeSet<String> {
    text.split(before)
        .skip(1)
        .filter_map(|rest| rest.split_once(after).map(|(name, _)| name.to_string()))
        .collect()
}

fn strings(values: &Value) -> BTreeSet<String> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_sections_and_form_keys_are_those_check_reads_and_requires() {
    // contest.yaml: the sections, and the ones `check` says are missing from a file with none.
    let contest = schema("contest");
    let keys: BTreeSet<String> = contest["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let sections: BTreeSet<String> = SECTIONS.iter().map(|s| s.to_string()).collect();
    assert_eq!(keys, sections);
    let problems = parse_contest(&SourceFile::new(Path::new("contest.yaml"), "# nothing\n"))
        .err()
        .unwrap();
    let missing: BTreeSet<String> = problems
        .0
        .iter()
        .flat_map(|p| named(&p.message, "the section `", "` is missing"))
        .collect();
    assert_eq!(strings(&contest["required"]), missing);

    // A form file: the keys `check` lists for an unknown one, and the ones it says are missing.
    let copy = support::contest_copy();
    copy.write("forms/empty.yaml", "colour: red\n");
    let messages = check_messages(copy.path());
    let listed = messages
        .split("the keys are: ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_else(|| panic!("no list of keys in:\n{messages}"));
    let form = schema("form");
    let keys: BTreeSet<String> = form["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let listed: BTreeSet<String> = listed.split(", ").map(str::to_string).collect();
    assert_eq!(keys, listed, "{messages}");
    let missing = named(&messages, "the key `", "` is missing");
    assert!(!missing.is_empty(), "{messages}");
    assert_eq!(strings(&form["required"]), missing, "{messages}");
}

/// The seed's roster form with `from` replaced by `to`.
fn roster_with(from: &str, to: &str) -> String {
    let roster =
        std::fs::read_to_string(repository().join("src/model/forms/builtin/roster.yaml")).unwrap();
    assert_eq!(roster.matches(from).count(), 1, "{from:?} in roster.yaml");
    roster.replacen(from, to, 1)
}

#[test]
fn forms_check_refuses_are_refused_and_the_kinds_are_offered() {
    let form = schema("form");
    let cases = [
        (
            "unknown key",
            roster_with("xlsx: true\n", "xlsx: true\ncolour: red\n"),
            "",
            "unknown key `colour`",
        ),
        (
            "unknown cell key",
            roster_with(
                "{input: text, id: contact, colspan: 2}",
                "{input: text, id: contact, colspan: 2, width: 3}",
            ),
            "/rows/0/3",
            "unknown field `width`",
        ),
        (
            "an input that is no kind",
            roster_with(
                "{input: phone, id: contact-phone",
                "{input: telephone, id: contact-phone",
            ),
            "/rows/1/1/input",
            "`telephone` is not a kind of input",
        ),
        (
            "a column that is no kind",
            roster_with("input: id_number}", "input: idcard}"),
            "/rows/2/0/columns/3/input",
            "`idcard` is not a kind of table column",
        ),
        (
            "options from nowhere",
            roster_with("from: groups}", "from: units}"),
            "/rows/2/0/columns/5/from",
            "`from: units` refers to nothing",
        ),
        (
            "an overflow that is no way",
            roster_with("overflow: continue ", "overflow: wrap "),
            "/overflow",
            "`wrap` is not a way to overflow",
        ),
        (
            "a text for a number",
            roster_with("rows: 15", "rows: many"),
            "/rows/2/0/rows",
            "is not a whole number",
        ),
        (
            "a bad option id",
            roster_with("{id: male, label: 男}", "{id: Male, label: 男}"),
            "/rows/2/0/columns/2/options/0/id",
            "cannot be an id",
        ),
    ];
    for (what, text, path, check_says) in cases {
        let copy = support::contest_copy();
        copy.write("forms/roster.yaml", &text);
        let messages = check_messages(copy.path());
        assert!(
            messages.contains(check_says),
            "{what}: check should say {check_says:?}:\n{messages}"
        );
        let found = complaints(&form, &as_json(&text));
        assert!(
            found.iter().any(|c| c.starts_with(&format!("{path}: "))),
            "{what}: the schema should complain at `{path}`, it said:\n{}",
            found.join("\n")
        );
    }
    // What an editor offers for `input:` and `from:`.
    let cell = &form["definitions"]["CellDecl"]["properties"];
    let kinds = strings(&Value::Array(
        cell["input"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v.is_string())
            .cloned()
            .collect(),
    ));
    for kind in [
        "text",
        "multiline",
        "date",
        "choice",
        "checks",
        "id_number",
        "signature",
        "table",
    ] {
        assert!(kinds.contains(kind), "{kind} not in {kinds:?}");
    }
    assert_eq!(cell["from"]["enum"], json!(["tracks", "groups"]));
    assert_eq!(
        form["properties"]["overflow"]["enum"],
        json!(["warn", "continue"])
    );
}

/// The definition `name` of the contest schema as a schema of its own.
fn definition(contest: &Value, name: &str) -> Value {
    json!({
        "definitions": contest["definitions"],
        "allOf": [{"$ref": format!("#/definitions/{name}")}],
    })
}

/// Whether serde-saphyr reads `value` (as YAML) into `T`.
fn reads_as<T: serde::de::DeserializeOwned>(value: &Value) -> bool {
    serde_saphyr::from_str::<T>(&value.to_string()).is_ok()
}

/// Asserts that the schema of the definition `name` and `T`'s `Deserialize` both take each sample
/// marked `true` and refuse each marked `false`.
fn agree<T: serde::de::DeserializeOwned>(contest: &Value, name: &str, samples: &[(Value, bool)]) {
    let schema = definition(contest, name);
    for (sample, taken) in samples {
        assert_eq!(
            reads_as::<T>(sample),
            *taken,
            "{name}: serde reads {sample}"
        );
        assert_eq!(
            complaints(&schema, sample).is_empty(),
            *taken,
            "{name}: the schema on {sample}"
        );
    }
}

#[test]
fn the_hand_written_value_schemas_agree_with_their_deserialize() {
    let contest = schema("contest");
    agree::<Day>(
        &contest,
        "Day",
        &[
            (json!("2025-10-31"), true),
            (json!("2024-02-29"), true),
            (json!("2025-1-31"), false),
            (json!("2025/10/31"), false),
            (json!("2025-13-01"), false),
            (json!("2025-10-32"), false),
            (json!("20251031"), false),
            (json!("tbd"), false),
            (json!(20251031), false),
        ],
    );
    agree::<Deadline>(
        &contest,
        "Deadline",
        &[
            (json!("2025-10-31"), true),
            (json!("2025-10-31 17:00"), true),
            (json!("2025-10-31T17:00"), true),
            (json!("2025-10-31  17:00"), true),
            (json!("2025-10-31 17:00:30"), true),
            (json!("2025-10-31 25:00"), false),
            (json!("2025-10-31 5pm"), false),
            (json!("2025-10-31 5:00"), false),
            (json!("2025/10/31 17:00"), false),
            (json!("tbd"), false),
        ],
    );
    agree::<When>(
        &contest,
        "When",
        &[
            (json!("2025-11-20"), true),
            (json!("tbd"), true),
            (json!("另行通知"), true),
            (json!("待定"), true),
            (json!("TBD"), false),
            (json!("soon"), false),
            (json!("2025-11-20 09:00"), false),
        ],
    );
    agree::<Id>(
        &contest,
        "Id",
        &[
            (json!("ai-trainer"), true),
            (json!("a"), true),
            (json!("track-2"), true),
            (json!("2025"), true),
            (json!(2025), true),
            (json!("a".repeat(64)), true),
            (json!("a".repeat(65)), false),
            (json!(""), false),
            (json!("-a"), false),
            (json!("a-"), false),
            (json!("AI"), false),
            (json!("a_b"), false),
            (json!("a b"), false),
            (json!("赛项"), false),
            (json!(-1), false),
        ],
    );
    agree::<Headers>(
        &contest,
        "Headers",
        &[
            (json!("理论成绩"), true),
            (json!(["理论成绩", "理论"]), true),
            (json!([]), true),
            (json!(90), false),
            (json!([90]), false),
            (json!({"a": "b"}), false),
        ],
    );
}

#[test]
fn where_the_value_schemas_and_check_differ() {
    // A day that is not in the calendar is `check`'s (the schema is a pattern); text with spaces
    // around it, or a time without minutes, is taken by `check` and not by the editor.
    let contest = schema("contest");
    let day = definition(&contest, "Day");
    assert!(!reads_as::<Day>(&json!("2025-02-30")));
    assert!(complaints(&day, &json!("2025-02-30")).is_empty());
    assert!(reads_as::<Day>(&json!(" 2025-10-31 ")));
    assert!(!complaints(&day, &json!(" 2025-10-31 ")).is_empty());
    let deadline = definition(&contest, "Deadline");
    assert!(reads_as::<Deadline>(&json!("2025-10-31 17")));
    assert!(!complaints(&deadline, &json!("2025-10-31 17")).is_empty());
}

/// The schema file a first line `# yaml-language-server: $schema=PATH` of `file` points at.
fn pointed_at(file: &Path) -> PathBuf {
    let text = std::fs::read_to_string(file).unwrap();
    let first = text.lines().next().unwrap();
    let path = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: first line {first:?}", file.display()));
    file.parent().unwrap().join(path)
}

#[test]
fn the_first_line_init_writes_points_at_the_schema_it_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new-contest");
    let output = support::jingsai("init").arg(&dir).output().unwrap();
    assert!(output.status.success());
    let schema_file = pointed_at(&dir.join("content/contest.yaml"));
    assert!(
        schema_file.ends_with("content/../schema/contest.schema.json"),
        "{}",
        schema_file.display()
    );
    assert_eq!(
        std::fs::read_to_string(&schema_file).unwrap(),
        printed("contest")
    );
    // The contest init writes passes its schema, blanks and all.
    let written = std::fs::read_to_string(dir.join("content/contest.yaml")).unwrap();
    let found = complaints(&schema("contest"), &as_json(&written));
    assert!(found.is_empty(), "{}", found.join("\n"));

    // A built-in form copied into `forms/` as the README says points at the form schema beside it.
    let output = support::jingsai("forms")
        .args(["--show", "roster"])
        .output()
        .unwrap();
    assert!(output.status.success());
    std::fs::write(dir.join("forms/roster.yaml"), &output.stdout).unwrap();
    let form_schema = pointed_at(&dir.join("forms/roster.yaml"));
    assert_eq!(
        std::fs::read_to_string(&form_schema).unwrap(),
        printed("form")
    );

    // The seed of this repository points at the committed schema.
    let seed_schema = pointed_at(&repository().join("content/contest.yaml"));
    assert_eq!(
        std::fs::read_to_string(seed_schema).unwrap(),
        printed("contest")
    );
}
