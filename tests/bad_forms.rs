//! Bad form declarations, as a table: each case is a temp copy of the seed contest with a form file
//! written into `forms/` (most often `forms/registration.yaml`, which replaces the built-in 报名表, so
//! contest.yaml needs no change) and, where the case needs it, contest.yaml edited; checked by the real
//! binary (`jingsai check DIR`). Each case says what the report must hold for every error: its
//! `path:line:column`, computed from the written text (where a snippet is, never a hard-coded line
//! number), pieces of its message, and a help text saying what to do. The whole report is also kept as
//! an `insta` snapshot (`tests/snapshots/bad_forms__<case>.snap`): review a change with
//! `cargo insta review`, or run with `INSTA_UPDATE=always` and read the diff.

mod support;

use support::{ContestCopy, contest_copy};

const CONTEST: &str = "content/contest.yaml";
/// The seed's 报名表 attachment names `form: registration`: this file replaces the built-in form.
const FORM: &str = "forms/registration.yaml";

/// The head of a small form of four columns, followed by its rows.
macro_rules! form {
    ($($rows:expr),* $(,)?) => {
        concat!(
            "# 报名表 of this contest.\n",
            "name: 报名表\n",
            "columns: [22mm, 1fr, 22mm, 1fr]\n",
            "rows:\n",
            "  - - {label: 赛　　项}\n",
            "    - {input: checks, id: track, from: tracks, colspan: 3}\n",
            $($rows),*
        )
    };
}

/// A row of the small form that is right.
macro_rules! name_row {
    () => {
        concat!(
            "  - - {label: 姓　　名}\n",
            "    - {input: text, id: name}\n",
            "    - {label: 性　　别}\n",
            "    - {input: choice, id: sex, options: [{id: male, label: 男}, {id: female, label: 女}]}\n",
        )
    };
}

/// A change to the copy of the seed.
enum Edit {
    /// Replace the one occurrence of the first text in contest.yaml with the second.
    Replace(&'static str, &'static str),
    /// Replace the top-level section `name:` of contest.yaml, up to the blank line after it, with text.
    ReplaceSection(&'static str, &'static str),
    /// Write a file (path inside the contest folder, text).
    Write(&'static str, &'static str),
}

/// Where a problem must be reported.
enum At {
    /// The file as a whole, with no line (a file's name).
    File(&'static str),
    /// In `file`, where `mark` starts inside the only occurrence of `snippet` in the edited text.
    Text {
        file: &'static str,
        snippet: &'static str,
        mark: &'static str,
    },
    /// In the built-in declaration of `form` (`src/model/forms/builtin/<form>.yaml`, shown as
    /// `(built-in)/<form>.yaml`), at `mark` inside `snippet`.
    Builtin {
        form: &'static str,
        snippet: &'static str,
        mark: &'static str,
    },
}

/// In the form file, at `mark` inside `snippet`.
const fn form(snippet: &'static str, mark: &'static str) -> At {
    At::Text {
        file: FORM,
        snippet,
        mark,
    }
}

/// Something the help text must contain.
enum Help {
    Text(&'static str),
    /// `line N`, N the line of the first occurrence of the snippet in the form file.
    LineOf(&'static str),
}

/// One problem the report must show.
struct Expected {
    at: At,
    /// Pieces of the message.
    message: &'static [&'static str],
    /// Pieces of the help (every error must have a help text in any case).
    help: &'static [Help],
}

const fn error(at: At, message: &'static [&'static str], help: &'static [Help]) -> Expected {
    Expected { at, message, help }
}

struct Case {
    name: &'static str,
    edits: &'static [Edit],
    /// Every error of the report, in any order; none: the check must pass.
    errors: &'static [Expected],
    /// Warnings the report must show (besides the seed's own).
    warnings: &'static [Expected],
}

const fn case(name: &'static str, edits: &'static [Edit], errors: &'static [Expected]) -> Case {
    Case {
        name,
        edits,
        errors,
        warnings: &[],
    }
}

use Edit::*;
use Help::{LineOf, Text};

const CASES: &[Case] = &[
    // An unknown kind: the message lists the kinds.
    case(
        "unknown-input-kind",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: txt, id: name, colspan: 3}\n",
            ),
        )],
        &[error(
            form("{input: txt,", "txt"),
            &["`txt` is not a kind of input"],
            &[Text("text, multiline, date, choice, checks")],
        )],
    ),
    // A misspelt key: serde-saphyr's message, located at the key, with the keys a cell takes.
    case(
        "unknown-key-in-cell",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 3, heigth: 9mm}\n",
            ),
        )],
        &[error(
            form("heigth: 9mm", "heigth"),
            &["unknown field `heigth`"],
            &[Text("did you mean `height`?"), Text("height")],
        )],
    ),
    // A key of another kind: located at the key's value, with what the kind takes.
    case(
        "key-not-of-kind",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 3, options: [{id: a, label: 甲}]}\n",
            ),
        )],
        &[error(
            form("options: [{id: a", "["),
            &["a `text` input takes no `options`"],
            &[Text("remove `options`"), Text("`prefix`")],
        )],
    ),
    // The same id twice: shown at the second, the first's line in the help.
    case(
        "same-id-twice",
        &[Write(
            FORM,
            form!(
                name_row!(),
                "  - - {label: 曾用名}\n",
                "    - {input: text, id: name, colspan: 3}\n",
            ),
        )],
        &[error(
            form("{input: text, id: name, colspan: 3}", "{"),
            &["two inputs make the field `name`"],
            &[LineOf("{input: text, id: name}"), Text("another `id`")],
        )],
    ),
    // A choice `sex` with the option `male` makes `sex-male`, as does the input `sex-male`.
    case(
        "choice-option-collides",
        &[Write(
            FORM,
            form!(
                name_row!(),
                "  - - {label: 男性称谓}\n",
                "    - {input: text, id: sex-male, colspan: 3}\n",
            ),
        )],
        &[error(
            form("{input: text, id: sex-male", "{"),
            &["two inputs make the field `sex-male`"],
            &[
                LineOf("{input: choice, id: sex"),
                Text("the choice `sex` makes it for its option `male`"),
            ],
        )],
    ),
    case(
        "row-too-short",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name}\n",
                "    - {label: 年　　龄}\n",
            ),
        )],
        &[error(
            form("- - {label: 姓　　名}", "- {label"),
            &["row 2 fills 3 of the form's 4 columns"],
            &[Text("`colspan`"), Text("all 4 columns")],
        )],
    ),
    case(
        "row-too-long",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 2}\n",
                "    - {label: 年　　龄}\n",
                "    - {input: text, id: age}\n",
            ),
        )],
        &[error(
            form("{input: text, id: age}", "{"),
            &[
                "row 2 has no room for this cell: the cells before it fill 4 of the form's 4 columns",
            ],
            &[Text("lower a `colspan`")],
        )],
    ),
    // A cell with a colspan that runs into a column a photo above covers.
    case(
        "cell-runs-into-rowspan",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 2}\n",
                "    - {input: photo, rowspan: 2}\n",
                "  - - {label: 年　　龄}\n",
                "    - {input: text, id: age, colspan: 3}\n",
            ),
        )],
        &[error(
            form("{input: text, id: age, colspan: 3}", "{"),
            &[
                "this cell does not fit in row 3: it would reach column 4, which the `rowspan` on line",
            ],
            &[Text("lower this cell's `colspan`")],
        )],
    ),
    case(
        "rowspan-past-end",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 2}\n",
                "    - {input: photo, rowspan: 3}\n",
                "  - - {label: 年　　龄}\n",
                "    - {input: text, id: age, colspan: 2}\n",
            ),
        )],
        &[error(
            form("rowspan: 3}", "3"),
            &["this cell's `rowspan: 3` runs 1 row past the last row of the form"],
            &[Text("lower it to `rowspan: 2`")],
        )],
    ),
    case(
        "rowspan-into-table",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 2}\n",
                "    - {input: photo, rowspan: 3}\n",
                "  - - {label: 年　　龄}\n",
                "    - {input: text, id: age, colspan: 2}\n",
                "  - - input: table\n",
                "      id: family\n",
                "      rows: 3\n",
                "      columns:\n",
                "        - {id: name, label: 姓名, colspan: 2}\n",
                "        - {id: relation, label: 关系, colspan: 2}\n",
            ),
        )],
        &[error(
            form("rowspan: 3}", "3"),
            &["this cell's `rowspan: 3` runs 1 row down into the table below it"],
            &[Text("lower it to `rowspan: 2`"), Text("above the table")],
        )],
    ),
    case(
        "from-refers-to-nothing",
        &[Write(
            FORM,
            form!(
                "  - - {label: 参赛队别}\n",
                "    - {input: choice, id: team, from: teams, colspan: 3}\n",
            ),
        )],
        &[error(
            form("from: teams", "teams"),
            &["`from: teams` refers to nothing"],
            &[
                Text("`from: tracks`"),
                Text("`from: groups`"),
                Text("`options`"),
            ],
        )],
    ),
    // Groups are optional: without them the built-in forms leave their group choices out, but a form
    // of the contest's own that chooses `from: groups` is refused where it says so, with what to do.
    case(
        "from-groups-without-groups",
        &[
            Replace(
                "    - group: staff\n      rule: 具有全日制学籍的在校创业学生不得以职工身份参赛。\n",
                "",
            ),
            Replace("  group_restrictions:\n", "  group_restrictions: []\n"),
            ReplaceSection("groups", "groups: []\n"),
            Write(
                FORM,
                form!(
                    name_row!(),
                    "  - - {label: 参赛组别}\n",
                    "    - {input: checks, id: group, from: groups, colspan: 3}\n",
                ),
            ),
        ],
        &[error(
            form("{input: checks, id: group", "{"),
            &["`from: groups` refers to nothing: contest.yaml lists no groups"],
            &[
                Text("add groups under `groups:`"),
                Text("give this choice fixed `options`"),
            ],
        )],
    ),
    // contest.yaml itself refuses a contest without tracks; the built-in 报名表's and 推荐表's
    // `from: tracks` are reported too, in the built-in files, with how to change them.
    case(
        "from-tracks-without-tracks",
        &[ReplaceSection("tracks", "tracks: []\n")],
        &[
            error(
                At::Builtin {
                    form: "judge",
                    snippet: "{input: checks, id: track, from: tracks, colspan: 6, gap: 1}",
                    mark: "{",
                },
                &["`from: tracks` refers to nothing: contest.yaml lists no tracks"],
                &[Text("copy the built-in form to `forms/judge.yaml`")],
            ),
            error(
                At::Builtin {
                    form: "registration",
                    snippet: "{input: checks, id: track, from: tracks, colspan: 4}",
                    mark: "{",
                },
                &["`from: tracks` refers to nothing: contest.yaml lists no tracks"],
                &[
                    Text("add tracks under `tracks:`"),
                    Text("copy the built-in form to `forms/registration.yaml`"),
                ],
            ),
            error(
                At::Text {
                    file: CONTEST,
                    snippet: "\ntracks: []",
                    mark: "tracks",
                },
                &["the contest has no tracks"],
                &[Text("add at least one track under `tracks:`")],
            ),
        ],
    ),
    case(
        "bad-length",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, colspan: 3, height: 9 mm}\n",
            ),
        )],
        &[error(
            form("height: 9 mm", "9"),
            &["`9 mm` is not a length"],
            &[Text("`9mm`"), Text("without a space")],
        )],
    ),
    case(
        "table-columns-do-not-add-up",
        &[Write(
            FORM,
            form!(
                "  - - input: table\n",
                "      id: family\n",
                "      rows: 3\n",
                "      columns:\n",
                "        - {id: name, label: 姓名, colspan: 2}\n",
                "        - {id: relation, label: 关系}\n",
            ),
        )],
        &[error(
            form("      columns:\n        - {id: name", "- {id: name"),
            &["the table's columns span 3 of the form's 4 columns"],
            &[Text("`colspan`")],
        )],
    ),
    case(
        "table-without-rows",
        &[Write(
            FORM,
            form!(
                "  - - input: table\n",
                "      id: family\n",
                "      columns:\n",
                "        - {id: name, label: 姓名, colspan: 2}\n",
                "        - {id: relation, label: 关系, colspan: 2}\n",
            ),
        )],
        &[error(
            form("input: table", "input"),
            &["this table has no `rows`"],
            &[Text("rows: 20")],
        )],
    ),
    case(
        "xlsx-without-table",
        &[Write(FORM, concat!("xlsx: true\n", form!(name_row!())))],
        &[error(
            form("xlsx: true", "true"),
            &["`xlsx: true` needs a table"],
            &[Text("`input: table`")],
        )],
    ),
    case(
        "overflow-without-table",
        &[Write(
            FORM,
            concat!("overflow: continue\n", form!(name_row!())),
        )],
        &[error(
            form("overflow: continue", "continue"),
            &["`overflow: continue` needs a table"],
            &[Text("`input: table`")],
        )],
    ),
    case(
        "input-without-label",
        &[Write(
            FORM,
            form!("  - - {input: text, id: name, colspan: 4}\n"),
        )],
        &[error(
            form("{input: text, id: name, colspan: 4}", "{"),
            &["this input has no label"],
            &[Text("label: 姓名")],
        )],
    ),
    case(
        "cell-without-label-or-input",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {id: name, colspan: 3}\n",
            ),
        )],
        &[error(
            form("{id: name, colspan: 3}", "{"),
            &["this cell has neither `label` nor `input`"],
            &[Text("{input: text, id: name}")],
        )],
    ),
    case(
        "missing-key",
        &[Write(
            FORM,
            "name: 报名表\nrows:\n  - - {label: 姓　　名}\n    - {input: text, id: name}\n",
        )],
        &[error(
            form("rows:", "rows"),
            &["the key `columns` is missing"],
            &[Text("forms/README.md")],
        )],
    ),
    // An attachment naming a form that exists neither in `forms/` nor built in: located in contest.yaml.
    case(
        "attachment-names-no-form",
        &[Replace("    form: judge\n", "    form: nosuch\n")],
        &[error(
            At::Text {
                file: CONTEST,
                snippet: "form: nosuch",
                mark: "nosuch",
            },
            &["there is no form `nosuch`"],
            &[
                Text("`forms/nosuch.yaml`"),
                Text("registration, judge, roster"),
            ],
        )],
    ),
    case(
        "unusable-file-name",
        &[Write("forms/Bad_Name.yaml", form!(name_row!()))],
        &[error(
            At::File("forms/Bad_Name.yaml"),
            &["cannot use this file name for a form"],
            &[Text("`bad-name.yaml`"), Text("`form: bad-name`")],
        )],
    ),
    // A form file no attachment names: a warning, and the check passes.
    Case {
        name: "unused-form-file",
        edits: &[Write("forms/team.yaml", form!(name_row!()))],
        errors: &[],
        warnings: &[error(
            At::File("forms/team.yaml"),
            &["this form file is not used", "`form: team`"],
            &[Text("add `form: team` to an attachment")],
        )],
    },
    // Two mistakes inside `rows`, in different rows, both reported in one run and in order.
    case(
        "rows-two-mistakes",
        &[Write(
            FORM,
            form!(
                "  - - {label: 姓　　名}\n",
                "    - {input: text, id: name, heigth: 9mm}\n",
                "    - {label: 年　　龄}\n",
                "    - {input: text, id: age}\n",
                "  - - {label: 工作单位}\n",
                "    - {input: text, id: unit, colspan: 两}\n",
            ),
        )],
        &[
            error(
                form("heigth: 9mm", "heigth"),
                &["unknown field `heigth`"],
                &[Text("did you mean `height`?")],
            ),
            error(
                form("colspan: 两", "两"),
                &["`两` is not a whole number"],
                &[Text("write a whole number")],
            ),
        ],
    ),
    // Mistakes in the values of three top-level keys, all reported in one run: each key is read on its
    // own, and inside a key every mistake is reported too.
    case(
        "several-syntax",
        &[Write(
            FORM,
            concat!(
                "landscape: yes\n",
                "notes: 赛项请按通知填写。\n",
                form!(
                    "  - - {label: 姓　　名}\n",
                    "    - {input: text, id: name, colspan: 3, heigth: 9mm}\n",
                ),
            ),
        )],
        &[
            error(
                form("landscape: yes", "yes"),
                &["`yes` is not `true` or `false`"],
                &[Text("write `true` or `false`")],
            ),
            error(
                form("notes: 赛项", "赛项"),
                &["a list is expected here"],
                &[Text("`- `")],
            ),
            error(
                form("heigth: 9mm", "heigth"),
                &["unknown field `heigth`"],
                &[],
            ),
        ],
    ),
    // Mistakes of meaning all over one file, all reported in one run.
    case(
        "several-semantic",
        &[Write(
            FORM,
            concat!(
                "xlsx: true\n",
                form!(
                    "  - - {label: 姓　　名}\n",
                    "    - {input: text, id: name, height: 9 mm}\n",
                    "    - {label: 性　　别}\n",
                    "    - {input: choice, id: sex, from: sexes}\n",
                    "  - - {input: text, id: age}\n",
                    "    - {label: 民　　族}\n",
                    "    - {input: txt, id: ethnicity, colspan: 2}\n",
                    "  - - {label: 曾用名}\n",
                    "    - {input: text, id: name, colspan: 2}\n",
                ),
            ),
        )],
        &[
            error(
                form("xlsx: true", "true"),
                &["`xlsx: true` needs a table"],
                &[],
            ),
            error(form("height: 9 mm", "9"), &["`9 mm` is not a length"], &[]),
            error(
                form("from: sexes", "sexes"),
                &["`from: sexes` refers to nothing"],
                &[],
            ),
            error(
                form("{input: text, id: age}", "{"),
                &["this input has no label"],
                &[],
            ),
            error(
                form("txt, id: ethnicity", "txt"),
                &["`txt` is not a kind of input"],
                &[],
            ),
            error(
                form("- - {label: 曾用名}", "- {label"),
                &["row 4 fills 3 of the form's 4 columns"],
                &[],
            ),
            error(
                form("{input: text, id: name, colspan: 2}", "{"),
                &["two inputs make the field `name`"],
                &[LineOf("{input: text, id: name, height")],
            ),
        ],
    ),
];

fn apply(copy: &ContestCopy, edit: &Edit) {
    match *edit {
        Replace(from, to) => copy.replace(CONTEST, from, to),
        ReplaceSection(name, with) => {
            let text = copy.read(CONTEST);
            let head = format!("\n{name}:\n");
            assert_eq!(text.matches(&head).count(), 1, "no one section `{name}`");
            let start = text.find(&head).unwrap() + 1;
            let end = text[start..]
                .find("\n\n")
                .map_or(text.len(), |at| start + at + 1);
            copy.write(CONTEST, format!("{}{with}{}", &text[..start], &text[end..]));
        }
        Write(file, text) => copy.write(file, text),
    }
}

/// `path:line:column` (character columns, from 1) of `mark` inside the only `snippet` of `file`.
fn location(copy: &ContestCopy, at: &At) -> String {
    match *at {
        At::File(file) => file.to_string(),
        At::Builtin {
            form,
            snippet,
            mark,
        } => {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("src/model/forms/builtin/{form}.yaml"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(text.matches(snippet).count(), 1, "{snippet:?} in {path:?}");
            let offset = text.find(snippet).unwrap() + snippet.find(mark).unwrap();
            let (line, column) = line_column(&text, offset);
            format!("(built-in)/{form}.yaml:{line}:{column}")
        }
        At::Text {
            file,
            snippet,
            mark,
        } => {
            let text = copy.read(file);
            assert_eq!(
                text.matches(snippet).count(),
                1,
                "{snippet:?} should occur once in the edited `{file}`"
            );
            let offset = text.find(snippet).unwrap()
                + snippet
                    .find(mark)
                    .unwrap_or_else(|| panic!("{mark:?} is not in {snippet:?}"));
            let (line, column) = line_column(&text, offset);
            format!("{file}:{line}:{column}")
        }
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn help_text(copy: &ContestCopy, help: &Help) -> String {
    match *help {
        Text(text) => text.to_string(),
        LineOf(snippet) => {
            let text = copy.read(FORM);
            let offset = text
                .find(snippet)
                .unwrap_or_else(|| panic!("{snippet:?} is not in the form file"));
            format!("line {}", line_column(&text, offset).0)
        }
    }
}

/// One problem as the terminal shows it: `  × path:line:column: message` (`⚠` for a warning), the
/// excerpt, `  help: ...`.
struct Report {
    error: bool,
    /// What follows the `×` or `⚠`.
    head: String,
    help: Option<String>,
}

fn reports(stderr: &str) -> Vec<Report> {
    let mut reports: Vec<Report> = Vec::new();
    for line in stderr.lines() {
        if let Some(head) = line.strip_prefix("  × ") {
            reports.push(Report {
                error: true,
                head: head.to_string(),
                help: None,
            });
        } else if let Some(head) = line.strip_prefix("  ⚠ ") {
            reports.push(Report {
                error: false,
                head: head.to_string(),
                help: None,
            });
        } else if let Some(help) = line.strip_prefix("  help: ") {
            let last = reports.last_mut().expect("a help line belongs to a report");
            assert!(last.help.is_none(), "two help lines in one report");
            last.help = Some(help.to_string());
        }
    }
    reports
}

/// Finds the report `wanted` describes among `reports` and checks its help.
fn find(copy: &ContestCopy, reports: &[&Report], wanted: &Expected, stderr: &str) {
    let at = location(copy, &wanted.at);
    let prefix = format!("{at}: ");
    let report = reports
        .iter()
        .find(|r| {
            r.head.starts_with(&prefix)
                && wanted
                    .message
                    .iter()
                    .all(|m| r.head[prefix.len()..].contains(m))
        })
        .unwrap_or_else(|| {
            panic!(
                "no report at `{at}` whose message contains {:?}:\n{stderr}",
                wanted.message
            )
        });
    let help = report.help.as_deref().unwrap_or("");
    for piece in wanted.help {
        let piece = help_text(copy, piece);
        assert!(
            help.contains(&piece),
            "the help at `{at}` should contain {piece:?}: {help}"
        );
    }
}

/// Runs one case; the report with the contest folder's path replaced by `[CONTEST]`.
fn run(case: &Case) -> String {
    let copy = contest_copy();
    for edit in case.edits {
        apply(&copy, edit);
    }
    let output = support::jingsai("check")
        .arg(copy.path())
        .output()
        .expect("jingsai runs");
    let stderr = String::from_utf8(output.stderr)
        .expect("the report is UTF-8")
        .replace(copy.path().to_str().unwrap(), "[CONTEST]");
    let passes = case.errors.is_empty();
    assert_eq!(
        output.status.code(),
        Some(if passes { 0 } else { 1 }),
        "the exit code:\n{stderr}"
    );
    assert!(!stderr.contains("\u{1b}["), "colours are off:\n{stderr}");

    let reports = reports(&stderr);
    let errors: Vec<&Report> = reports.iter().filter(|r| r.error).collect();
    let warnings: Vec<&Report> = reports.iter().filter(|r| !r.error).collect();
    assert_eq!(
        errors.len(),
        case.errors.len(),
        "the number of errors:\n{stderr}"
    );
    for report in &reports {
        assert!(
            report.help.as_deref().is_some_and(|h| !h.trim().is_empty()),
            "every problem says what to do (help): `{}`:\n{stderr}",
            report.head
        );
        assert!(
            report.head.starts_with("content/")
                || report.head.starts_with("forms/")
                || report.head.starts_with("(built-in)/"),
            "every problem names its file: `{}`:\n{stderr}",
            report.head
        );
    }
    for wanted in case.errors {
        find(&copy, &errors, wanted, &stderr);
    }
    for wanted in case.warnings {
        find(&copy, &warnings, wanted, &stderr);
    }
    if !passes {
        let count = errors.len();
        let summary = format!(
            "error: {count} problem{} found; fix them and run `jingsai check` again",
            if count == 1 { "" } else { "s" }
        );
        assert_eq!(
            stderr.lines().last(),
            Some(summary.as_str()),
            "the last line:\n{stderr}"
        );
    }
    stderr
}

#[test]
fn every_bad_form_is_reported_where_it_is_with_what_to_do() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "case names are unique");

    let mut failed = Vec::new();
    for case in CASES {
        let outcome = std::panic::catch_unwind(|| {
            let stderr = run(case);
            insta::assert_snapshot!(case.name, stderr);
        });
        if outcome.is_err() {
            failed.push(case.name);
        }
    }
    assert!(failed.is_empty(), "failed cases (see above): {failed:?}");
}
