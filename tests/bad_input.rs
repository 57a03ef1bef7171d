//! Bad input, as a table: each case is a temp copy of the seed contest (this repository's `content/`,
//! `templates/`, `forms/`) with one thing broken (a few things for the `several-*` cases), checked by the
//! real binary (`jingsai check DIR`). Each case says what the report must hold for every error: its
//! `path:line:column`, computed from the edited text (where a snippet is, never a hard-coded line
//! number, so the seed can change), pieces of its message, and a help text saying what to do. The whole
//! report is also kept as an `insta` snapshot (`tests/snapshots/bad_input__<case>.snap`): review a change
//! with `cargo insta review`, or run with `INSTA_UPDATE=always` and read the diff.

mod support;

use support::{ContestCopy, contest_copy};

const CONTEST: &str = "content/contest.yaml";
const NOTICE: &str = "content/notices/2025-10-20-documents.md";
/// The contest's own home page template (it replaces the built-in one).
const HOME_TEMPLATE: &str = "templates/index.html";
/// The contest's own layout of the 报名表 (it replaces the built-in one).
const FORM_LAYOUT: &str = "forms/registration.typ";

/// A change to the copy of the seed.
enum Edit {
    /// Replace the one occurrence of the first text in contest.yaml with the second.
    Replace(&'static str, &'static str),
    /// Remove the top-level section `name:` of contest.yaml, up to and with the blank line after it.
    RemoveSection(&'static str),
    /// Keep the line `name:` of the top-level section of contest.yaml, and remove what is under it.
    EmptySection(&'static str),
    /// Write a file (path inside the contest folder, text).
    Write(&'static str, &'static str),
}

/// Where an error must be reported.
enum At {
    /// The file as a whole, with no line.
    File(&'static str),
    /// In `file`, where `mark` starts inside the only occurrence of `snippet` in the edited text.
    Text {
        file: &'static str,
        snippet: &'static str,
        mark: &'static str,
    },
}

/// In contest.yaml, at `mark` inside `snippet`.
const fn yaml(snippet: &'static str, mark: &'static str) -> At {
    At::Text {
        file: CONTEST,
        snippet,
        mark,
    }
}

/// In the notice the case writes, at `mark` inside `snippet`.
const fn notice(snippet: &'static str, mark: &'static str) -> At {
    At::Text {
        file: NOTICE,
        snippet,
        mark,
    }
}

/// In `file`, at `mark` inside `snippet`.
const fn at(file: &'static str, snippet: &'static str, mark: &'static str) -> At {
    At::Text {
        file,
        snippet,
        mark,
    }
}

/// Something the help text must contain.
enum Help {
    Text(&'static str),
    /// `line N`, N the line of the first occurrence of the snippet in the edited contest.yaml.
    LineOf(&'static str),
}

/// One error the report must show.
struct Error {
    at: At,
    /// Pieces of the message.
    message: &'static [&'static str],
    /// What the message must not say (the YAML library's or Rust's words).
    not_in_message: &'static [&'static str],
    /// Pieces of the help (every error must have a help text in any case).
    help: &'static [Help],
}

const fn error(at: At, message: &'static [&'static str]) -> Error {
    Error {
        at,
        message,
        not_in_message: &[],
        help: &[],
    }
}

struct Case {
    name: &'static str,
    edits: &'static [Edit],
    /// Every error of the report, in any order.
    errors: &'static [Error],
}

use Edit::*;

const CASES: &[Case] = &[
    Case {
        name: "unknown-key",
        edits: &[Replace("  abbreviation: 选拔赛", "  abbrevation: 选拔赛")],
        errors: &[Error {
            help: &[
                Help::Text("did you mean `abbreviation`?"),
                Help::Text("abbreviation"),
            ],
            ..error(
                yaml("abbrevation: 选拔赛", "abbrevation"),
                &["unknown field `abbrevation`"],
            )
        }],
    },
    Case {
        name: "unknown-section",
        edits: &[Replace("\nawards:\n", "\naward:\n")],
        errors: &[Error {
            help: &[Help::Text("did you mean `awards`?")],
            ..error(yaml("\naward:\n", "award"), &["unknown section `award`"])
        }],
    },
    Case {
        name: "duplicate-section",
        edits: &[Replace(
            "venue: 天津职业技术师范大学电子工程学院\n",
            "venue: 天津职业技术师范大学电子工程学院\nvenue: 天津职业技术师范大学\n",
        )],
        errors: &[Error {
            help: &[Help::LineOf("venue: 天津职业技术师范大学电子工程学院")],
            ..error(
                yaml("venue: 天津职业技术师范大学\n", "venue"),
                &["section `venue` is written twice"],
            )
        }],
    },
    // The message names the value and says a number is wanted, in words a contest organiser understands.
    Case {
        name: "wrong-type",
        edits: &[Replace("    per_unit: 2\n", "    per_unit: 两\n")],
        errors: &[Error {
            not_in_message: &["u32"],
            ..error(yaml("per_unit: 两", "两"), &["两", "number"])
        }],
    },
    Case {
        name: "impossible-date",
        edits: &[Replace("  date: 2025-10-16\n", "  date: 2025-02-30\n")],
        errors: &[error(
            yaml("date: 2025-02-30", "2025"),
            &["`2025-02-30` is not a real date"],
        )],
    },
    Case {
        name: "malformed-date",
        edits: &[Replace("  deadline: 2025-10-31", "  deadline: 2025/10/31")],
        errors: &[error(
            yaml("deadline: 2025/10/31", "2025"),
            &["`2025/10/31` is not a date"],
        )],
    },
    Case {
        name: "deadline-after-contest",
        edits: &[Replace(
            "    name: 竞赛时间\n    date: tbd\n",
            "    name: 竞赛时间\n    date: 2025-10-20\n",
        )],
        errors: &[Error {
            help: &[Help::LineOf("    date: 2025-10-20")],
            ..error(
                yaml("  deadline: 2025-10-31", "2025"),
                &["the registration deadline 2025-10-31 is after the contest starts on 2025-10-20"],
            )
        }],
    },
    Case {
        name: "registration-opens-after-deadline",
        edits: &[Replace(
            "  deadline: 2025-10-31\n",
            "  opens: 2025-11-05\n  deadline: 2025-10-31\n",
        )],
        errors: &[Error {
            help: &[Help::Text("on or before the deadline 2025-10-31")],
            ..error(
                yaml("  opens: 2025-11-05", "2025"),
                &["registration opens on 2025-11-05 after its deadline 2025-10-31"],
            )
        }],
    },
    // A `javascript:` address would run a script from the registration page's link.
    Case {
        name: "registration-online-url-not-web",
        edits: &[Replace(
            "  send_to: 技术组电子邮箱\n",
            "  send_to: 技术组电子邮箱\n  online:\n    url: javascript:alert(1)\n    name: 报名系统\n",
        )],
        errors: &[Error {
            help: &[Help::Text("https://")],
            ..error(
                yaml("    url: javascript:alert(1)", "javascript"),
                &["`javascript:alert(1)` is not a web address"],
            )
        }],
    },
    Case {
        name: "undefined-group-restriction",
        edits: &[Replace("    - group: staff\n", "    - group: staf\n")],
        errors: &[Error {
            help: &[Help::Text("staff, student")],
            ..error(
                yaml("group: staf\n", "staf"),
                &["the group `staf`, which is not defined"],
            )
        }],
    },
    Case {
        name: "undefined-group-track",
        edits: &[Replace(
            "    name: 服务机器人应用技术员\n",
            "    name: 服务机器人应用技术员\n    groups: [staff, teacher]\n",
        )],
        errors: &[error(
            yaml("groups: [staff, teacher]", "teacher"),
            &["track `service-robot` refers to the group `teacher`, which is not defined"],
        )],
    },
    Case {
        name: "undefined-track-stage",
        edits: &[Replace(
            "    note: 具体技术文件另行通知\n",
            "    note: 具体技术文件另行通知\n    tracks: [ai-trainer, robot]\n",
        )],
        errors: &[error(
            yaml("tracks: [ai-trainer, robot]", "robot"),
            &["the stage `documents` refers to the track `robot`, which is not defined"],
        )],
    },
    // A key written twice in one mapping; the message is about the file, not the YAML library's options.
    Case {
        name: "duplicate-key",
        edits: &[Replace(
            "  year: 2025\n",
            "  year: 2025\n  abbreviation: 天津选拔赛\n",
        )],
        errors: &[Error {
            not_in_message: &["DuplicateKeyPolicy"],
            ..error(
                yaml("abbreviation: 天津选拔赛", "abbreviation"),
                &["abbreviation"],
            )
        }],
    },
    Case {
        name: "duplicate-track-id",
        edits: &[Replace("  - id: genai-operator\n", "  - id: ai-trainer\n")],
        errors: &[Error {
            help: &[Help::LineOf("  - id: ai-trainer")],
            ..error(
                // The second one.
                yaml("  - id: ai-trainer\n    name: 生成式", "ai-trainer"),
                &["the track id `ai-trainer` is used twice"],
            )
        }],
    },
    Case {
        name: "weights-not-100",
        edits: &[Replace("      weight: 20\n", "      weight: 30\n")],
        errors: &[error(
            yaml("weight: 30", "30"),
            &["the scoring weights add up to 110%, not 100%"],
        )],
    },
    Case {
        name: "wrong-weekday",
        edits: &[Replace(
            "  deadline_text: 2025年10月31日（星期五）前",
            "  deadline_text: 2025年10月31日（星期四）前",
        )],
        errors: &[error(
            yaml("deadline_text: 2025年10月31日（星期四）前", "2025"),
            &["2025年10月31日 is a 星期五, but the text says 星期四"],
        )],
    },
    Case {
        name: "bad-email",
        edits: &[Replace(
            "    email: lili2004@tute.edu.cn",
            "    email: lili2004#tute.edu.cn",
        )],
        errors: &[error(
            yaml("email: lili2004#tute.edu.cn", "lili2004"),
            &["`lili2004#tute.edu.cn` is not an e-mail address"],
        )],
    },
    // A tab in the indentation: the location is the tab itself.
    Case {
        name: "yaml-tab",
        edits: &[Replace(
            "  fee: 选拔赛不收取任何费用",
            "\tfee: 选拔赛不收取任何费用",
        )],
        errors: &[error(yaml("\tfee: ", "\t"), &["tab"])],
    },
    Case {
        name: "yaml-indent",
        edits: &[Replace("  insurance: 各代表队", "   insurance: 各代表队")],
        errors: &[error(
            yaml("   insurance: ", ":"),
            &["mapping values are not allowed"],
        )],
    },
    // A missing section is shown where it would go: at the next section, after the one before it.
    Case {
        name: "missing-section",
        edits: &[RemoveSection("costs")],
        errors: &[error(
            yaml("\ncontacts:", "contacts"),
            &["the section `costs` is missing"],
        )],
    },
    Case {
        name: "award-basis-undefined",
        edits: &[Replace("  basis: rules-2024", "  basis: rules-2023")],
        errors: &[Error {
            help: &[Help::Text("rules-2024")],
            ..error(
                yaml("basis: rules-2023", "rules-2023"),
                &["awards refer to the document `rules-2023`, which is not under `references:`"],
            )
        }],
    },
    // Notices: the location is inside the Markdown file.
    Case {
        name: "notice-no-front-matter",
        edits: &[Write(
            NOTICE,
            "# 关于发布技术文件的通知\n\n各有关单位：技术文件已发布，请登录本站下载。\n",
        )],
        errors: &[error(
            notice("# 关于发布技术文件的通知", "#"),
            &["a notice must start with front matter"],
        )],
    },
    Case {
        name: "notice-unknown-key",
        edits: &[Write(
            NOTICE,
            "---\ntitle: 关于发布技术文件的通知\ndate: 2025-10-20\nauthor: 技术专家组\nsource: 技术专家组\n---\n\n各有关单位：技术文件已发布，请登录本站下载。\n",
        )],
        errors: &[error(
            notice("author: 技术专家组", "author"),
            &["unknown field `author`"],
        )],
    },
    Case {
        name: "notice-bad-date",
        edits: &[Write(
            NOTICE,
            "---\ntitle: 关于发布技术文件的通知\ndate: 2025-10-32\nsource: 技术专家组\n---\n\n各有关单位：技术文件已发布，请登录本站下载。\n",
        )],
        errors: &[error(
            notice("date: 2025-10-32", "2025"),
            &["`2025-10-32` is not a real date"],
        )],
    },
    // Who may enter: limits that make no sense, each at its key.
    Case {
        name: "limits-birth-dates-reversed",
        edits: &[Replace(
            "    includes_teachers: true\n",
            "    includes_teachers: true\n    limits:\n      born_on_or_after: 2000-01-01\n      born_on_or_before: 1990-01-01\n",
        )],
        errors: &[Error {
            help: &[Help::Text("swap the two dates")],
            ..error(
                yaml("born_on_or_before: 1990-01-01", "1990"),
                &[
                    "the `limits` of the group `staff` ask for a birth date on or after 2000-01-01 and on or before 1990-01-01",
                ],
            )
        }],
    },
    Case {
        name: "limits-age-without-day",
        edits: &[Replace(
            "  coaches_per_contestant: 1\n",
            "  coaches_per_contestant: 1\n  limits:\n    age: { min: 35, max: 18 }\n",
        )],
        errors: &[
            Error {
                help: &[Help::Text("as_of: YYYY-MM-DD")],
                ..error(
                    yaml("age: { min: 35, max: 18 }", "{"),
                    &["the `age` of `rules.limits` has no day to count the age on"],
                )
            },
            Error {
                help: &[Help::Text("swap them")],
                ..error(
                    yaml("age: { min: 35, max: 18 }", "18"),
                    &["the `age` of `rules.limits` goes from 35 down to 18"],
                )
            },
        ],
    },
    Case {
        name: "limits-except-tracks",
        edits: &[
            Replace(
                "    includes_teachers: true\n",
                "    includes_teachers: true\n    limits:\n      born_on_or_after: 1990-01-01\n      except_tracks: [service-robot, robot]\n",
            ),
            Replace(
                "    name: 人工智能训练师\n",
                "    name: 人工智能训练师\n    limits:\n      min_work_years: 0\n      except_tracks: [genai-operator]\n",
            ),
        ],
        errors: &[
            Error {
                help: &[Help::Text("ai-trainer, service-robot, genai-operator")],
                ..error(
                    yaml("except_tracks: [service-robot, robot]", "robot]"),
                    &[
                        "the `limits` of the group `staff` except the track `robot`, which is not defined",
                    ],
                )
            },
            Error {
                help: &[Help::Text("leave `min_work_years` out")],
                ..error(
                    yaml("min_work_years: 0", "0"),
                    &["the `limits` of the track `ai-trainer` ask for 0 years of work experience"],
                )
            },
            Error {
                help: &[Help::Text("`rules.limits` or a group's `limits`")],
                ..error(
                    yaml("except_tracks: [genai-operator]", "genai-operator"),
                    &["the `limits` of the track `ai-trainer` cannot except tracks"],
                )
            },
        ],
    },
    // Each set of limits makes sense, but together they leave no one who can enter.
    Case {
        name: "limits-no-one-can-enter",
        edits: &[
            Replace(
                "  coaches_per_contestant: 1\n",
                "  coaches_per_contestant: 1\n  limits:\n    age: { max: 35, as_of: 2025-10-01 }\n",
            ),
            Replace(
                "    name: 人工智能训练师\n",
                "    name: 人工智能训练师\n    limits:\n      born_on_or_before: 1985-12-31\n",
            ),
        ],
        errors: &[Error {
            help: &[Help::Text("except_tracks")],
            ..error(
                yaml(
                    "    limits:\n      born_on_or_before: 1985-12-31",
                    "born_on_or_before",
                ),
                &[
                    "no one can enter 人工智能训练师 in the group 职工组",
                    "on or after 1989-10-02 and on or before 1985-12-31",
                ],
            )
        }],
    },
    Case {
        name: "quota-roles-and-individual-entry",
        edits: &[
            Replace(
                "    per_unit: 2\n",
                "    per_unit: 2\n    min_per_unit: 3\n",
            ),
            Replace(
                "  coaches_per_contestant: 1\n",
                "  coaches_per_contestant: 1\n  unit_roles:\n    - { name: 领队, count: 1 }\n    - { name: 领队, count: 0 }\n  individual_entry:\n    listed_as: \"\"\n",
            ),
        ],
        errors: &[
            Error {
                help: &[Help::Text("no larger than the maximum")],
                ..error(
                    yaml("min_per_unit: 3", "3"),
                    &["the quota asks for at least 3 per unit but allows at most 2"],
                )
            },
            error(
                yaml("- { name: 领队, count: 0 }", "领队"),
                &["the role 领队 is listed twice in `rules.unit_roles`"],
            ),
            error(
                yaml("- { name: 领队, count: 0 }", "0"),
                &["the role 领队 has a count of 0"],
            ),
            Error {
                help: &[Help::Text("个人")],
                ..error(yaml("listed_as: \"\"", "\"\""), &["`listed_as` is empty"])
            },
        ],
    },
    // A score sheet row born outside its track's limits: the row and the column, never the ID number.
    Case {
        name: "results-born-outside-limits",
        edits: &[
            Replace(
                "    name: 人工智能训练师\n",
                "    name: 人工智能训练师\n    limits:\n      age: { min: 18, max: 35, as_of: 2025-10-01 }\n",
            ),
            Replace(
                "    form: judge\n",
                "    form: judge\n\nresults:\n  published: 2025-12-05\n",
            ),
            Write(
                "content/results.csv",
                "姓名,参赛单位,赛项,组别,身份证号,出生日期,理论成绩,实操成绩\n张三,单位一,人工智能训练师,职工组,120101198901011234,,80,90\n李四,单位二,人工智能训练师,学生组,,2008-10-02,70,80\n王五,单位三,服务机器人应用技术员,学生组,,2010-01-01,75,85\n赵六,单位四,人工智能训练师,学生组,12010120001301123X,,75,85\n",
            ),
        ],
        errors: &[
            error(
                At::File("content/results.csv"),
                &[
                    "row 2, column E (身份证号): the ID number (身份证号) gives the birth date 1989-01-01",
                    "at most 35 years old on 2025-10-01 (this contestant was 36) (`limits` of the track `ai-trainer`)",
                ],
            ),
            error(
                At::File("content/results.csv"),
                &[
                    "row 3, column F (出生日期): born on 2008-10-02",
                    "18 years old or older on 2025-10-01 (this contestant was 16)",
                ],
            ),
            Error {
                not_in_message: &["12010120001301123X"],
                ..error(
                    At::File("content/results.csv"),
                    &[
                        "row 5, column E (身份证号): the ID number (身份证号) holds no real birth date",
                    ],
                )
            },
        ],
    },
    // Parse errors in three sections, all reported at once.
    Case {
        name: "several-syntax",
        edits: &[
            Replace("  base_url: \"\"", "  base_ulr: \"\""),
            Replace("    per_unit: 2\n", "    per_unit: 两\n"),
            Replace("  deadline: 2025-10-31", "  deadline: 2025-13-01"),
        ],
        errors: &[
            error(
                yaml("base_ulr: ", "base_ulr"),
                &["unknown field `base_ulr`"],
            ),
            error(yaml("per_unit: 两", "两"), &[]),
            error(yaml("deadline: 2025-13-01", "2025"), &["`2025-13-01`"]),
        ],
    },
    // Several mistakes in one section (an unknown key in the first track, a missing name in the third)
    // and in others, each reported once and in file order; a syntax slip in `schedule:` does not hide
    // a bad phone number in `contacts:` (a check that runs once the sections it reads are read).
    Case {
        name: "several-in-one-section",
        edits: &[
            Replace(
                "    name: 人工智能训练师\n",
                "    name: 人工智能训练师\n    colour: 蓝色\n",
            ),
            Replace("    name: 生成式人工智能系统应用员\n", ""),
            Replace("  event: individual ", "  event: individul "),
            Replace("    per_unit: 2\n", "    per_unit: 两\n"),
            Replace(
                "    note: 具体技术文件另行通知\n",
                "    note: 具体技术文件: 另行通知\n",
            ),
            Replace("    phone: \"13207515272\"", "    phone: \"1320751527x\""),
        ],
        errors: &[
            Error {
                help: &[Help::Text(
                    "the keys allowed here are: id, name, description, groups",
                )],
                ..error(
                    yaml("    colour: 蓝色", "colour"),
                    &["unknown field `colour`"],
                )
            },
            Error {
                help: &[Help::Text("add `name:` to this item")],
                ..error(
                    yaml("  - id: genai-operator", "- id"),
                    &["the key `name` is missing"],
                )
            },
            error(yaml("event: individul", "individul"), &["`individul`"]),
            error(yaml("per_unit: 两", "两"), &["`两` is not a whole number"]),
            error(
                yaml("具体技术文件: 另行通知", ": 另行"),
                &["mapping values are not allowed"],
            ),
            error(
                yaml("\"1320751527x\"", "\"1320751527x\""),
                &["`1320751527x` is not a phone number"],
            ),
        ],
    },
    // A section with nothing under it names the keys it needs.
    Case {
        name: "empty-section",
        edits: &[EmptySection("format")],
        errors: &[Error {
            help: &[Help::Text("write its keys indented under `format:`")],
            ..error(
                yaml("\nformat:\n", "format"),
                &["the section `format` is empty; it needs `event`"],
            )
        }],
    },
    // A text written as a key and value on a line of its own, under a key that takes one value.
    Case {
        name: "mapping-for-a-string",
        edits: &[Replace(
            "venue: 天津职业技术师范大学电子工程学院\n",
            "venue:\n  name: 天津职业技术师范大学电子工程学院\n",
        )],
        errors: &[Error {
            help: &[Help::Text("write it on one line after the colon")],
            ..error(
                yaml("  name: 天津职业技术师范大学电子工程学院", "name"),
                &["a single value is expected here, not keys and values"],
            )
        }],
    },
    // A list under a key that takes one value.
    Case {
        name: "list-for-a-string",
        edits: &[Replace(
            "  fee: 选拔赛不收取任何费用\n",
            "  fee:\n    - 选拔赛不收取报名费\n    - 不收取参赛费\n",
        )],
        errors: &[Error {
            help: &[Help::Text("not as `- ` lines")],
            ..error(
                yaml("    - 选拔赛不收取报名费", "-"),
                &["a single value is expected here, not a list"],
            )
        }],
    },
    // A page template whose `{% if %}` is not closed before its block ends: the report is in the
    // contest's template, at the end tag, and says which block is still open.
    Case {
        name: "template-unclosed-block",
        edits: &[Write(
            HOME_TEMPLATE,
            "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ notice.title }}</h1>\n{% if notice.number %}<p>{{ notice.number }}</p>\n{% endblock content %}\n",
        )],
        errors: &[Error {
            help: &[Help::Text("`{% endif %}`")],
            ..error(
                at(HOME_TEMPLATE, "{% endblock content %}", "endblock"),
                &["`{% endblock %}` cannot close the `{% if %}` still open from line 4"],
            )
        }],
    },
    Case {
        name: "template-unknown-filter",
        edits: &[Write(
            HOME_TEMPLATE,
            "{% extends \"base.html\" %}\n{% block content %}\n<h1>标题：{{ notice.title | upcase }}</h1>\n{% endblock content %}\n",
        )],
        errors: &[Error {
            help: &[Help::Text("filters")],
            ..error(
                at(HOME_TEMPLATE, "upcase }}", "upcase"),
                &["unknown filter `upcase`"],
            )
        }],
    },
    Case {
        name: "template-one-brace",
        edits: &[Write(
            HOME_TEMPLATE,
            "{% extends \"base.html\" %}\n{% block content %}\n<h1>标题：{{ notice.title }</h1>\n{% endblock content %}\n",
        )],
        errors: &[Error {
            help: &[Help::Text("`{{ name }}`")],
            ..error(at(HOME_TEMPLATE, "title }<", "}<"), &["found `}`"])
        }],
    },
    // A name the page does not have: found while rendering, reported in the contest's template.
    Case {
        name: "template-unknown-name",
        edits: &[Write(
            HOME_TEMPLATE,
            "{% extends \"base.html\" %}\n{% block content %}\n<h1>标题：{{ notise.title }}</h1>\n{% endblock content %}\n",
        )],
        errors: &[Error {
            help: &[Help::Text("check the names used here")],
            ..error(
                at(HOME_TEMPLATE, "notise.title", "notise"),
                &["cannot render `index.html`: variable `notise` is not defined"],
            )
        }],
    },
    // A Typst error after Chinese text on its line: the column counts characters, in the first line of
    // the report and above the excerpt alike.
    Case {
        name: "typst-error-after-chinese",
        edits: &[Write(
            FORM_LAYOUT,
            "#set page(width: 10cm)\n= 报名表说明 #nosuchthing\n",
        )],
        errors: &[error(
            at(FORM_LAYOUT, "#nosuchthing", "nosuchthing"),
            &["unknown variable: nosuchthing"],
        )],
    },
    // An undefined group, weights that do not add up and a duplicate id, all reported at once.
    Case {
        name: "several-semantic",
        edits: &[
            Replace("  - id: genai-operator\n", "  - id: service-robot\n"),
            Replace("    - group: staff\n", "    - group: teacher\n"),
            Replace("      weight: 80\n", "      weight: 90\n"),
        ],
        errors: &[
            error(
                yaml("  - id: service-robot\n    name: 生成式", "service-robot"),
                &["the track id `service-robot` is used twice"],
            ),
            error(
                yaml("group: teacher\n", "teacher"),
                &["the group `teacher`, which is not defined"],
            ),
            error(yaml("weight: 20\n", "20"), &["add up to 110%"]),
        ],
    },
    // Scoring and awards (issue 13): modules, durations and modes, the award scheme, unit awards.
    Case {
        name: "module-weights-not-100",
        edits: &[Replace(
            "      name: 实操比赛\n      weight: 80\n",
            "      name: 实操比赛\n      weight: 80\n      modules:\n        - {id: data, name: 数据处理, weight: 40}\n        - {id: model, name: 模型训练, weight: 50}\n",
        )],
        errors: &[Error {
            help: &[Help::Text("percent of the part's score")],
            ..error(
                yaml("        - {id: data", "-"),
                &["the modules of `实操比赛` add up to 90% of the part, not 100%"],
            )
        }],
    },
    // A track's own scoring (`tracks[].scoring`) is checked like the contest's, all in one run.
    Case {
        name: "track-scoring-in-one-run",
        edits: &[
            Replace(
                "    name: 服务机器人应用技术员\n",
                "    name: 服务机器人应用技术员\n    scoring:\n      parts:\n        - {id: practical, name: 实际操作, weight: 90}\n",
            ),
            Replace(
                "    name: 生成式人工智能系统应用员\n",
                "    name: 生成式人工智能系统应用员\n    scoring: {}\n",
            ),
        ],
        errors: &[
            error(
                yaml("name: 实际操作, weight: 90}", "90"),
                &["the scoring weights add up to 90%, not 100%"],
            ),
            Error {
                help: &[Help::Text("one id is one column of the score sheet")],
                ..error(
                    yaml("{id: practical, name: 实际操作", "practical"),
                    &[
                        "the id `practical` is named “实操比赛” in an earlier scoring but “实际操作” here",
                    ],
                )
            },
            error(yaml("    scoring: {}", "{}"), &["`scoring` says nothing"]),
        ],
    },
    Case {
        name: "track-scoring-misspelt-key",
        edits: &[Replace(
            "    name: 服务机器人应用技术员\n",
            "    name: 服务机器人应用技术员\n    scoring:\n      parts:\n        - {id: practical, name: 实操比赛, wieght: 100}\n",
        )],
        errors: &[Error {
            help: &[Help::Text("did you mean `weight`?")],
            ..error(yaml("wieght: 100", "wieght"), &["unknown field `wieght`"])
        }],
    },
    Case {
        name: "module-id-is-a-part-id",
        edits: &[Replace(
            "      name: 实操比赛\n      weight: 80\n",
            "      name: 实操比赛\n      weight: 80\n      modules:\n        - {id: theory, name: 理论建模, weight: 40}\n        - {id: model, name: 模型训练, weight: 60}\n",
        )],
        errors: &[Error {
            help: &[Help::LineOf("    - id: theory")],
            ..error(
                yaml("{id: theory, name: 理论建模", "theory"),
                &["the scoring part or module id `theory` is used twice"],
            )
        }],
    },
    Case {
        name: "part-duration-and-mode",
        edits: &[Replace(
            "      name: 理论考试\n      weight: 20\n",
            "      name: 理论考试\n      weight: 20\n      duration: 0\n      mode: \"\"\n",
        )],
        errors: &[
            Error {
                help: &[Help::Text("90分钟")],
                ..error(
                    yaml("duration: 0", "0"),
                    &["the duration of `理论考试` is 0 minutes"],
                )
            },
            Error {
                help: &[Help::Text("上机考试")],
                ..error(
                    yaml("mode: \"\"", "\""),
                    &["the mode of `理论考试` is empty"],
                )
            },
        ],
    },
    Case {
        name: "scoring-says-nothing",
        edits: &[
            RemoveSection("scoring"),
            Replace(
                "# 竞赛奖励 · awards\n",
                "scoring: {}\n\n# 竞赛奖励 · awards\n",
            ),
        ],
        errors: &[Error {
            help: &[Help::Text("note: 评分办法另行通知")],
            ..error(yaml("scoring: {}", "{"), &["`scoring` says nothing"])
        }],
    },
    // Results need parts: the sheet's score columns are the parts'.
    Case {
        name: "results-without-scoring-parts",
        edits: &[
            RemoveSection("scoring"),
            Replace(
                "# 竞赛奖励 · awards\n",
                "scoring:\n  note: 评分办法另行通知\n\n# 竞赛奖励 · awards\n",
            ),
            Write(
                "content/results.csv",
                "姓名,参赛单位,赛项,组别,成绩\n张三,天津某公司,人工智能训练师,职工组,90\n",
            ),
        ],
        errors: &[Error {
            help: &[Help::Text("add `scoring.parts`")],
            ..error(
                yaml("note: 评分办法另行通知", "评分"),
                &["`content/results.csv` holds results, but the contest has no scoring parts"],
            )
        }],
    },
    Case {
        name: "award-tiers-given-twice",
        edits: &[
            Replace(
                "awards:\n  basis: rules-2024",
                "awards:\n  tiers:\n    - {name: 一等奖, count: 1}\n  basis: rules-2024",
            ),
            Replace(
                "# 竞赛奖励 · awards\n",
                "results:\n  tiers:\n    - {name: 一等奖, share: 10}\n\n# 竞赛奖励 · awards\n",
            ),
        ],
        errors: &[Error {
            help: &[Help::Text("keep `awards.tiers`")],
            ..error(
                yaml("    - {name: 一等奖, share: 10}", "{"),
                &["the award tiers are given twice, under `awards.tiers` and `results.tiers`"],
            )
        }],
    },
    Case {
        name: "award-tier-and-unit-awards",
        edits: &[Replace(
            "awards:\n  basis: rules-2024",
            "awards:\n  tiers:\n    - {name: 一等奖}\n  unit_awards:\n    - {name: 优秀组织奖, count: 0}\n    - {name: 优秀指导教师奖, to: 指导教师, wording: 对指导成绩突出的教师授予优秀指导教师奖。}\n  basis: rules-2024",
        )],
        errors: &[
            Error {
                help: &[Help::Text("`share: 10`")],
                ..error(
                    yaml("    - {name: 一等奖}", "{"),
                    &["the award tier `一等奖` needs either `share` or `count`"],
                )
            },
            Error {
                help: &[Help::Text("1 or more")],
                ..error(
                    yaml("{name: 优秀组织奖, count: 0}", "0"),
                    &["the unit award `优秀组织奖` is given 0 times"],
                )
            },
            Error {
                help: &[Help::Text("keep one of the two ways")],
                ..error(
                    yaml("    - {name: 优秀指导教师奖", "{"),
                    &["the unit award `优秀指导教师奖` has both `wording` and `count` or `to`"],
                )
            },
        ],
    },
];

fn apply(copy: &ContestCopy, edit: &Edit) {
    match *edit {
        Replace(from, to) => copy.replace(CONTEST, from, to),
        RemoveSection(name) => {
            let text = copy.read(CONTEST);
            let head = format!("\n{name}:\n");
            assert_eq!(text.matches(&head).count(), 1, "no one section `{name}`");
            let start = text.find(&head).unwrap() + 1;
            let end = text[start..]
                .find("\n\n")
                .map_or(text.len(), |at| start + at + 2);
            copy.write(CONTEST, format!("{}{}", &text[..start], &text[end..]));
        }
        EmptySection(name) => {
            let text = copy.read(CONTEST);
            let head = format!("\n{name}:\n");
            assert_eq!(text.matches(&head).count(), 1, "no one section `{name}`");
            let start = text.find(&head).unwrap() + head.len();
            let end = text[start..]
                .find("\n\n")
                .map_or(text.len(), |at| start + at + 1);
            copy.write(CONTEST, format!("{}{}", &text[..start], &text[end..]));
        }
        Write(file, text) => copy.write(file, text),
    }
}

/// `path:line:column` (character columns, from 1) of `mark` inside the only `snippet` of `file`.
fn location(copy: &ContestCopy, at: &At) -> String {
    match *at {
        At::File(file) => file.to_string(),
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
        Help::Text(text) => text.to_string(),
        Help::LineOf(snippet) => {
            let text = copy.read(CONTEST);
            let offset = text
                .find(snippet)
                .unwrap_or_else(|| panic!("{snippet:?} is not in the edited contest.yaml"));
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
    /// The `path:line:column` above the excerpt, when there is one.
    excerpt: Option<String>,
    help: Option<String>,
}

fn reports(stderr: &str) -> Vec<Report> {
    let mut reports: Vec<Report> = Vec::new();
    for line in stderr.lines() {
        if let Some(head) = line.strip_prefix("  × ") {
            reports.push(Report {
                error: true,
                head: head.to_string(),
                excerpt: None,
                help: None,
            });
        } else if let Some(head) = line.strip_prefix("  ⚠ ") {
            reports.push(Report {
                error: false,
                head: head.to_string(),
                excerpt: None,
                help: None,
            });
        } else if let Some((_, place)) = line.split_once("╭─[") {
            let last = reports.last_mut().expect("an excerpt belongs to a report");
            if last.excerpt.is_none() {
                last.excerpt = Some(place.trim_end_matches(']').to_string());
            }
        } else if let Some(help) = line.strip_prefix("  help: ") {
            let last = reports.last_mut().expect("a help line belongs to a report");
            assert!(last.help.is_none(), "two help lines in one report");
            last.help = Some(help.to_string());
        }
    }
    reports
}

/// The file, line and column a report head begins with (`path:line:column: message`).
fn place_of(head: &str) -> Option<(String, usize, usize)> {
    let (place, _) = head.split_once(": ")?;
    let mut parts = place.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line, column))
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
    assert_eq!(
        output.status.code(),
        Some(1),
        "the check should fail:\n{stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing on stdout");
    assert!(!stderr.contains("\u{1b}["), "colours are off:\n{stderr}");

    let reports = reports(&stderr);
    let errors: Vec<&Report> = reports.iter().filter(|r| r.error).collect();
    assert_eq!(
        errors.len(),
        case.errors.len(),
        "the number of errors:\n{stderr}"
    );
    for report in &errors {
        assert!(
            report.help.as_deref().is_some_and(|h| !h.trim().is_empty()),
            "every error says what to do (help): `{}`:\n{stderr}",
            report.head
        );
    }
    // The place above an excerpt is the place of the report (both count characters).
    for report in &reports {
        if let Some(excerpt) = &report.excerpt {
            assert!(
                report.head.starts_with(&format!("{excerpt}: ")),
                "the excerpt is at `{excerpt}`, the report at `{}`:\n{stderr}",
                report.head
            );
        }
    }
    // Errors come in file order, each once.
    let places: Vec<(String, usize, usize)> =
        errors.iter().filter_map(|r| place_of(&r.head)).collect();
    assert!(
        places.windows(2).all(|w| w[0] <= w[1]),
        "the errors are in file order:\n{stderr}"
    );
    let mut heads: Vec<&str> = errors.iter().map(|r| r.head.as_str()).collect();
    heads.sort_unstable();
    heads.dedup();
    assert_eq!(
        heads.len(),
        errors.len(),
        "no error is reported twice:\n{stderr}"
    );
    for wanted in case.errors {
        let at = location(&copy, &wanted.at);
        let prefix = format!("{at}: ");
        let report = errors
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
                    "no error at `{at}` whose message contains {:?}:\n{stderr}",
                    wanted.message
                )
            });
        let message = &report.head[prefix.len()..];
        for not in wanted.not_in_message {
            assert!(
                !message.contains(not),
                "the message at `{at}` should not say {not:?}: {message}"
            );
        }
        let help = report.help.as_deref().unwrap_or("");
        for piece in wanted.help {
            let piece = help_text(&copy, piece);
            assert!(
                help.contains(&piece),
                "the help at `{at}` should contain {piece:?}: {help}"
            );
        }
    }
    let count = case.errors.len();
    let summary = format!(
        "error: {count} problem{} found; fix them and run `jingsai check` again",
        if count == 1 { "" } else { "s" }
    );
    assert_eq!(
        stderr.lines().last(),
        Some(summary.as_str()),
        "the last line:\n{stderr}"
    );
    stderr
}

#[test]
fn every_bad_input_is_reported_where_it_is_with_what_to_do() {
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

/// The seed itself passes, so each case fails only by its edits.
#[test]
fn the_unedited_seed_passes() {
    let copy = contest_copy();
    let output = support::jingsai("check").arg(copy.path()).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
