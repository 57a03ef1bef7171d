//! JSON Schemas of `content/contest.yaml` and of a form file (`forms/<id>.yaml`), generated from the
//! model's types, so that an editor with a YAML language server (VS Code's YAML extension) completes
//! keys, shows each key's description and marks mistakes while the file is typed.
//!
//! Each section type and form cell derives [`JsonSchema`] beside `Deserialize`, so a field added to a
//! struct is in the schema at once, and a struct used by a section without the derive does not compile.
//! Both files are read key by key ([`super::yaml::Sections`]), so their top levels are built here from
//! [`super::SECTIONS`] and the form file's keys: a key added there without a schema here makes
//! `jingsai schema` panic (and `tests/schema.rs` fail), naming this file. The value types with a
//! `Deserialize` of their own (a date, a deadline, a date or `tbd`, an id, column headers) have their
//! schemas written by hand below; `tests/schema.rs` holds each against its `Deserialize` on samples.
//!
//! The schemas say what `check` takes as far as JSON Schema can: every key, its type, which keys are
//! required, no unknown keys. A `String` field takes any YAML scalar (`postcode: 300000` is the text
//! `300000`), so its schema takes numbers and booleans too. What needs the rest of the file (a group
//! that is defined, weights that add up, a real 30 February) is left to `check`. The editor is stricter
//! than `check` only on rarities: a date, deadline or id in quotes with spaces around it, a deadline's
//! time without minutes (`17`) or colon (`1700`), and an empty `input:` or `from:` in a form (the editor
//! offers the kinds instead).
//!
//! `jingsai schema` prints them; `jingsai init` writes them into `schema/` of the new contest folder,
//! and the files it writes name them on their first line ([`SchemaKind::modeline`]).

use super::values::{Day, Deadline, Id, TBD_WORDS, When};
use super::*;
use schemars::generate::SchemaSettings;
use schemars::transform::RemoveRefSiblings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The folder of a contest folder (and of this repository) that holds the schema files.
pub const FOLDER: &str = "schema";

/// Which file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// `content/contest.yaml`.
    Contest,
    /// A form file, `forms/<id>.yaml`.
    Form,
}

impl SchemaKind {
    /// Every kind, in the order `init` writes them.
    pub const ALL: [SchemaKind; 2] = [SchemaKind::Contest, SchemaKind::Form];

    /// The schema's file name: `contest.schema.json`, `form.schema.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Contest => "contest.schema.json",
            SchemaKind::Form => "form.schema.json",
        }
    }

    /// The schema's path inside a contest folder: `schema/contest.schema.json`.
    pub fn path(self) -> String {
        format!("{FOLDER}/{}", self.file_name())
    }

    /// The first line of a file of this kind that points the YAML language server at the schema. Both
    /// files lie one folder down (`content/`, `forms/`), so the path goes up one folder first.
    pub fn modeline(self) -> String {
        format!("# yaml-language-server: $schema=../{}", self.path())
    }

    /// The schema as JSON: keys sorted, two-space indentation, a newline at the end; the same bytes for
    /// the same jingsai.
    pub fn to_json(self) -> String {
        let mut schema = match self {
            SchemaKind::Contest => generate::<ContestFile>(),
            SchemaKind::Form => generate::<super::forms::FormFile>(),
        };
        tidy(&mut schema);
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
        text.push('\n');
        text
    }

    /// Writes the schema into `path`, replacing it; the error in words (`could not write …: …`).
    pub fn write(self, path: &std::path::Path) -> Result<(), crate::i18n::Text> {
        use crate::fs::{Action, FsError};
        std::fs::write(path, self.to_json())
            .map_err(|e| FsError::new(Action::Write, path, e).text())
    }
}

/// The root schema of `T`, as editors read it (JSON Schema draft 7, which the YAML language server
/// supports), with every field of a `String` taking any scalar.
fn generate<T: JsonSchema>() -> Value {
    let mut settings = SchemaSettings::draft07();
    // A field's own description stays beside its `$ref`: the YAML language server shows it there (and
    // ignores one beside `allOf: [{$ref}]`), and draft-7 validators ignore it, as it changes nothing.
    settings
        .transforms
        .retain(|transform| !transform.is::<RemoveRefSiblings>());
    let generator = settings.into_generator();
    let mut root = generator.into_root_schema_for::<T>().to_value();
    let text_types = [
        Day::schema_name(),
        Deadline::schema_name(),
        When::schema_name(),
        Id::schema_name(),
        Headers::schema_name(),
    ];
    if let Some(Value::Object(definitions)) = root.get_mut("definitions") {
        for (name, definition) in definitions.iter_mut() {
            if !text_types.iter().any(|own| own == name) {
                widen_text(definition);
            }
        }
    }
    widen_text(&mut root);
    root
}

/// Lets the schemas of `String` fields in `schema` (not in its `definitions`) take numbers and booleans,
/// as serde-saphyr reads any scalar into a `String`. A schema with a pattern, a format or a list of
/// values is left alone: it is one of ours and says what it takes.
fn widen_text(schema: &mut Value) {
    let Value::Object(object) = schema else {
        return;
    };
    let constrained = ["pattern", "format", "enum", "const"]
        .iter()
        .any(|key| object.contains_key(*key));
    if !constrained && let Some(kind) = object.get_mut("type") {
        let widened = match kind {
            Value::String(one) if one == "string" => Some(vec!["string", "number", "boolean"]),
            Value::Array(two) if *two == ["string", "null"] => {
                Some(vec!["string", "number", "boolean", "null"])
            }
            _ => None,
        };
        if let Some(widened) = widened {
            *kind = widened.into();
        }
    }
    for (key, value) in object.iter_mut() {
        match (key.as_str(), value) {
            ("definitions", _) => {}
            (_, Value::Array(items)) => items.iter_mut().for_each(widen_text),
            (_, value @ Value::Object(_)) => widen_text(value),
            _ => {}
        }
    }
}

/// Sorts the keys of every object in `value`, whatever order serde_json keeps them in, and drops
/// `"default": null` (an optional key left out is simply absent; an editor should not offer `null`).
fn tidy(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.get("default") == Some(&Value::Null) {
                object.remove("default");
            }
            object.sort_keys();
            object.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// An object schema of a file read key by key: its `keys` (each with its schema), which are required,
/// and no others.
pub(crate) fn file_object(
    title: &str,
    description: &str,
    keys: Vec<(&str, Schema, bool)>,
) -> Schema {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for (key, schema, is_required) in keys {
        if is_required {
            required.push(Value::from(key));
        }
        properties.insert(key.to_string(), schema.to_value());
    }
    json_schema!({
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// `schema` with a description of its own, beside its `$ref` when it has one.
pub(crate) fn described(mut schema: Schema, description: &str) -> Schema {
    schema.insert("description".into(), description.into());
    schema
}

/// The whole of `content/contest.yaml`: one key per section.
struct ContestFile;

impl JsonSchema for ContestFile {
    fn schema_name() -> Cow<'static, str> {
        "contest.yaml".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let keys = SECTIONS
            .iter()
            .map(|&key| {
                let (schema, required) = section(generator, key);
                let (_, description) = SECTION_DESCRIPTIONS
                    .iter()
                    .find(|(section, _)| *section == key)
                    .unwrap_or_else(|| {
                        panic!("the section `{key}` has no description in src/model/schema.rs")
                    });
                (key, described(schema, description), required)
            })
            .collect();
        file_object(
            "jingsai contest.yaml",
            "竞赛定义（content/contest.yaml）：每一部分的键和取值。jingsai check 还会检查各部分之间的关系（引用的组别、赛项是否存在，权重之和等）。",
            keys,
        )
    }
}

/// The schema of the section `key` as [`super::parse_contest`] reads it, and whether it is required.
fn section(generator: &mut SchemaGenerator, key: &str) -> (Schema, bool) {
    match key {
        "site" => (generator.subschema_for::<Site>(), false),
        "contest" => (generator.subschema_for::<ContestInfo>(), true),
        "notice" => (generator.subschema_for::<CoveringNotice>(), true),
        "plan" => (generator.subschema_for::<Plan>(), true),
        "references" => (generator.subschema_for::<Vec<Reference>>(), false),
        "organisation" => (generator.subschema_for::<Organisation>(), true),
        "tracks" => (generator.subschema_for::<Vec<Track>>(), true),
        "groups" => (generator.subschema_for::<Vec<Group>>(), false),
        "format" => (generator.subschema_for::<Format>(), true),
        "rules" => (generator.subschema_for::<Rules>(), false),
        "scoring" => (generator.subschema_for::<Scoring>(), false),
        "awards" => (generator.subschema_for::<Awards>(), false),
        "registration" => (generator.subschema_for::<Registration>(), true),
        "schedule" => (generator.subschema_for::<Vec<Stage>>(), false),
        "venue" => (generator.subschema_for::<String>(), true),
        "costs" => (generator.subschema_for::<Costs>(), true),
        "contacts" => (generator.subschema_for::<Vec<Contact>>(), true),
        "attachments" => (generator.subschema_for::<Vec<Attachment>>(), false),
        "results" => (generator.subschema_for::<ResultsConfig>(), false),
        other => panic!(
            "the section `{other}` of contest.yaml has no schema: add it to `section` in src/model/schema.rs"
        ),
    }
}

/// What each section is, in the words of the README, shown by the editor on the section's key.
const SECTION_DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "site",
        "网站设置：公开地址 base_url、每页通知数 notices_per_page（可选）",
    ),
    (
        "contest",
        "竞赛名称：全称 name、简称 short_name、方案中的称呼 abbreviation、年份 year",
    ),
    (
        "notice",
        "印发通知：发文单位、标题、主送、正文、成文日期、附注",
    ),
    (
        "plan",
        "竞赛方案：标题、开头一段、各部分（一、二、……）及其小节",
    ),
    ("references", "引用的文件，各有 id（可选）"),
    (
        "organisation",
        "组织机构：竞赛级别、主办、承办、协办等单位和各委员会",
    ),
    ("tracks", "赛项：id、名称、简介，可只设部分组别"),
    ("groups", "组别（可选）：id、名称、参赛条件；不分组时删去"),
    (
        "format",
        "参赛形式：individual（单人）或 team（团体）及每队人数",
    ),
    (
        "rules",
        "参赛资格和名额：不得参赛的荣誉、只参赛不评奖的荣誉、组别限制、每单位名额、指导教师人数",
    ),
    (
        "scoring",
        "成绩：各部分及权重（百分比，相加为100）、排名办法",
    ),
    (
        "awards",
        "奖项（可选）：依据文件、最少决赛人数及不足时的办法",
    ),
    (
        "registration",
        "报名：截止时间、报名材料、报名方式（邮箱、网上、邮寄、现场）、更换选手",
    ),
    (
        "schedule",
        "日程（可选）：各阶段的日期（YYYY-MM-DD，或 tbd 表示另行通知）",
    ),
    ("venue", "竞赛地点"),
    ("costs", "费用：是否收费、保险、差旅等"),
    (
        "contacts",
        "联系人：姓名、单位、负责事项、电话、传真、地址、邮编、邮箱",
    ),
    (
        "attachments",
        "通知的附件（可选）：编号、标题、所用表格 form",
    ),
    (
        "results",
        "成绩公布（可选）：成绩表的读法、小数位数、并列排序、奖项等级、姓名遮挡；见 src/results/README.md",
    ),
];

/// `YYYY-MM-DD` with a month of 01 to 12 and a day of 01 to 31 (whether the day exists is `check`'s).
const DATE: &str = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "日期，写成 YYYY-MM-DD，如 2025-10-31",
            "type": "string",
            "pattern": format!("^{DATE}$"),
            "patternErrorMessage": "日期写成 YYYY-MM-DD，如 2025-10-31",
        })
    }
}

impl JsonSchema for Deadline {
    fn schema_name() -> Cow<'static, str> {
        "Deadline".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "截止日期（当天结束前）或日期加时间（北京时间），如 2025-10-31 或 2025-10-31 17:00",
            "type": "string",
            "pattern": format!("^{DATE}([ T] *([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$"),
            "patternErrorMessage": "写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，如 2025-10-31 17:00",
        })
    }
}

impl JsonSchema for When {
    fn schema_name() -> Cow<'static, str> {
        "When".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "日期 YYYY-MM-DD；尚未确定时写 tbd（另行通知）",
            "anyOf": [
                generator.subschema_for::<Day>(),
                {"type": "string", "enum": TBD_WORDS, "description": "尚未确定（另行通知）"},
            ],
        })
    }
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "标识（id）：小写字母 a-z、数字和 -，不以 - 开头或结尾，如 ai-trainer",
            "type": ["string", "integer"],
            "minimum": 0,
            "minLength": 1,
            "maxLength": 64,
            "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
            "patternErrorMessage": "id 只用小写字母 a-z、数字和 -，如 ai-trainer",
        })
    }
}

impl JsonSchema for Headers {
    fn schema_name() -> Cow<'static, str> {
        "Headers".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "一个列标题，或一组：[理论成绩, 理论]",
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
            ],
        })
    }
}
