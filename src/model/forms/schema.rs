//! The JSON Schema of a form file (see [`crate::model::schema`]): its top-level keys as
//! [`super::check`] reads them, the cells of [`super::file`], and the kinds of input and column a cell
//! may name, from the lists `check` takes them from.

use super::check::{COLUMN_KINDS, INPUT_KINDS, KEYS};
use super::file::CellDecl;
use crate::model::schema::{described, file_object};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;
use std::borrow::Cow;

/// The ways a form may overflow (`overflow:`), as `check` takes them.
const OVERFLOWS: [&str; 2] = ["warn", "continue"];

/// Where a choice's options may come from (`from:`), as `check` takes them.
const OPTION_SOURCES: [&str; 2] = ["tracks", "groups"];

/// The whole of a form file.
pub(crate) struct FormFile;

impl JsonSchema for FormFile {
    fn schema_name() -> Cow<'static, str> {
        "form.yaml".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let keys = KEYS
            .iter()
            .map(|&key| {
                let (schema, required, description) = key_schema(generator, key);
                (key, described(schema, description), required)
            })
            .collect();
        let definitions = generator.definitions_mut();
        name_values(definitions, "CellDecl", "input", &INPUT_KINDS);
        name_values(definitions, "ColumnDecl", "input", &COLUMN_KINDS);
        name_values(definitions, "CellDecl", "from", &OPTION_SOURCES);
        name_values(definitions, "ColumnDecl", "from", &OPTION_SOURCES);
        file_object(
            "jingsai form",
            "表格定义（forms/<id>.yaml）：标题、各列宽度、各行单元格（标签或填写项）、附注。见 forms/README.md。",
            keys,
        )
    }
}

/// The schema of the top-level key `key` as `check` reads it, whether it is required, and what it does
/// (forms/README.md, section 2).
fn key_schema(generator: &mut SchemaGenerator, key: &str) -> (Schema, bool, &'static str) {
    match key {
        "name" => (
            generator.subschema_for::<String>(),
            true,
            "表格简称（如 团体赛报名表），用于提示信息；打印的标题是附件的 title",
        ),
        "fill_date" => (
            generator.subschema_for::<bool>(),
            false,
            "是否在标题下印“填表日期 年 月 日”（默认 true）",
        ),
        "landscape" => (
            generator.subschema_for::<bool>(),
            false,
            "是否横向打印 A4（默认 false）",
        ),
        "overflow" => {
            let mut schema = generator.subschema_for::<String>();
            schema.insert("enum".into(), OVERFLOWS.into());
            (
                schema,
                false,
                "一页放不下时：warn（应为一页，超出时警告，默认）或 continue（表格续到下一页，重复表头）",
            )
        }
        "xlsx" => (
            generator.subschema_for::<bool>(),
            false,
            "是否另附电子表格模板（须有表格，默认 false）",
        ),
        "columns" => (
            generator.subschema_for::<Vec<String>>(),
            true,
            "各列宽度，从左到右：固定宽度如 22mm，或 1fr、2fr 按比例分剩余宽度；1 至 40 列",
        ),
        "row_height" => (
            generator.subschema_for::<String>(),
            false,
            "单行填写项和表格行的高度（默认 9mm）",
        ),
        "notice_row_height" => (
            generator.subschema_for::<String>(),
            false,
            "通知 PDF 中的同一高度（默认同 row_height）",
        ),
        "rows" => (
            generator.subschema_for::<Vec<Vec<CellDecl>>>(),
            true,
            "各行，从上到下；每行是从左到右的单元格列表：标签 {label: 姓名} 或填写项 {input: text, id: name}",
        ),
        "notes" => (
            generator.subschema_for::<Vec<String>>(),
            false,
            "印在表格下方的说明，每段一项",
        ),
        other => panic!(
            "the form key `{other}` has no schema: add it to `key_schema` in src/model/forms/schema.rs"
        ),
    }
}

/// Lets the optional text property `property` of the definition `definition` take only `values`, so that
/// editors offer them. An empty value (`input:`), which `check` reads as no value, is not offered: the
/// editor asks for a kind instead.
fn name_values(
    definitions: &mut serde_json::Map<String, Value>,
    definition: &str,
    property: &str,
    values: &[&str],
) {
    let schema = definitions
        .get_mut(definition)
        .and_then(|d| d.get_mut("properties"))
        .and_then(|p| p.get_mut(property))
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("the form schema has no `{definition}.{property}`"));
    schema.insert("enum".into(), values.into());
}
