//! One declared cell turned into a label or a typed input, with the keys its kind takes.

use super::check::{Checker, INPUT_KINDS};
use super::file::CellDecl;
use super::{Content, Height, Input, InputKind, plain_label};
use crate::i18n::comma_list;
use crate::model::Spanned;
use crate::model::yaml::{span_of, spanned_at};
use crate::msg;
use serde_saphyr::Location;

/// The keys written in a cell, by name, each with the place of its value.
pub(super) fn present_keys(d: &CellDecl) -> Vec<(&'static str, &Location)> {
    fn at<T>(value: Option<&Spanned<T>>) -> Option<&Location> {
        value.map(|v| &v.referenced)
    }
    let keys = [
        ("label", at(d.label.as_ref())),
        ("input", at(d.input.as_ref())),
        ("id", at(d.id.as_ref())),
        ("colspan", at(d.colspan.as_ref())),
        ("rowspan", at(d.rowspan.as_ref())),
        ("height", at(d.height.as_ref())),
        ("notice_height", at(d.notice_height.as_ref())),
        ("prefix", at(d.prefix.as_ref())),
        ("suffix", at(d.suffix.as_ref())),
        ("from", at(d.from.as_ref())),
        ("options", at(d.options.as_ref())),
        ("gap", at(d.gap.as_ref())),
        ("caption", at(d.caption.as_ref())),
        ("date", at(d.date.as_ref())),
        ("text_height", at(d.text_height.as_ref())),
        ("notice_text_height", at(d.notice_text_height.as_ref())),
        ("title", at(d.title.as_ref())),
        ("rows", at(d.rows.as_ref())),
        ("row_height", at(d.row_height.as_ref())),
        ("columns", at(d.columns.as_ref())),
        ("cells", at(d.cells.as_ref())),
    ];
    keys.into_iter()
        .filter_map(|(key, place)| place.map(|place| (key, place)))
        .collect()
}

/// The content of a cell that is not a table; `None` (with the problems reported) when it cannot be read.
pub(super) fn content(
    check: &mut Checker<'_>,
    decl: &Spanned<CellDecl>,
    previous_label: Option<&str>,
    default: Height,
) -> Option<Content> {
    let d = &decl.value;
    let at = spanned_at(check.file, decl);
    let Some(kind) = &d.input else {
        let Some(label) = &d.label else {
            check.error(at, msg!("forms-cell-empty"), msg!("forms-cell-empty-help"));
            return None;
        };
        for (key, place) in present_keys(d) {
            if !["label", "colspan", "rowspan"].contains(&key) {
                check.error(
                    span_of(&check.file.text, place).or(at),
                    msg!("forms-label-no-such-key", key),
                    msg!("forms-label-no-such-key-help", key),
                );
            }
        }
        return Some(Content::Label(label.value.clone()));
    };
    let kind_name = kind.value.as_str();
    if !INPUT_KINDS.contains(&kind_name) {
        check.error(
            spanned_at(check.file, kind),
            msg!("forms-input-kind-unknown", kind = kind_name),
            msg!("forms-use-one-of", known = comma_list(INPUT_KINDS)),
        );
        return None;
    }
    let input_kind = input_kind(check, decl, kind_name, default)?;
    let label = match (&d.label, previous_label) {
        (Some(own), _) => plain_label(&own.value),
        (None, Some(before)) => before.to_string(),
        (None, None) if kind_name == "photo" => String::new(),
        (None, None) => {
            check.error(
                at,
                msg!("forms-input-no-label"),
                msg!("forms-input-no-label-help"),
            );
            return None;
        }
    };
    if kind_name == "photo"
        && let Some(id) = &d.id
    {
        check.error(
            spanned_at(check.file, id),
            msg!("forms-photo-id"),
            msg!("forms-remove-id-help"),
        );
    }
    let id = if kind_name == "photo" || kind_name == "signature" {
        d.id.as_ref().map(|i| i.value.clone())
    } else {
        Some(check.required_id(decl, kind_name)?)
    };
    Some(Content::Input(Input {
        id,
        label,
        kind: input_kind,
    }))
}

/// The typed input of a cell of kind `kind` (one of [`INPUT_KINDS`] but `table`).
fn input_kind(
    check: &mut Checker<'_>,
    decl: &Spanned<CellDecl>,
    kind: &str,
    default: Height,
) -> Option<InputKind> {
    let d = &decl.value;
    let at = spanned_at(check.file, decl);
    let height = |check: &mut Checker<'_>| {
        check.height(d.height.as_ref(), d.notice_height.as_ref(), default)
    };
    let allowed: &[&str] = match kind {
        "text" => &["height", "notice_height", "prefix", "suffix"],
        "phone" | "multiline" => &["height", "notice_height"],
        "choice" | "checks" => &["from", "options", "gap"],
        "id_number" => &["cells", "height", "notice_height"],
        "photo" => &["caption"],
        "signature" => &[
            "date",
            "caption",
            "height",
            "notice_height",
            "text_height",
            "notice_text_height",
        ],
        "table" => {
            check.error(
                at,
                msg!("forms-table-not-alone"),
                msg!("forms-table-own-row-help"),
            );
            return None;
        }
        _ => &[],
    };
    check.only_keys(decl, kind, allowed);
    Some(match kind {
        "text" => InputKind::Text {
            prefix: d.prefix.as_ref().map(|p| p.value.clone()),
            suffix: d.suffix.as_ref().map(|s| s.value.clone()),
            height: height(check),
        },
        "phone" => InputKind::Phone {
            height: height(check),
        },
        "multiline" => {
            if d.height.is_none() {
                check.error(
                    at,
                    msg!("forms-multiline-height"),
                    msg!("forms-multiline-height-help"),
                );
            }
            InputKind::Multiline {
                height: height(check),
            }
        }
        "date" => InputKind::Date,
        "choice" | "checks" => {
            let gap = match &d.gap {
                Some(g) if (0.0..=10.0).contains(&g.value) => g.value,
                Some(g) => {
                    check.error(
                        spanned_at(check.file, g),
                        msg!("forms-gap-out-of-range", gap = g.value.to_string()),
                        msg!("forms-gap-out-of-range-help"),
                    );
                    1.2
                }
                None => 1.2,
            };
            let options = check.options(at, d.from.as_ref(), d.options.as_ref())?;
            InputKind::Choice {
                options,
                gap,
                multiple: kind == "checks",
            }
        }
        "id_number" => {
            let cells = match &d.cells {
                Some(c) if (1..=40).contains(&c.value) => c.value,
                Some(c) => {
                    check.error(
                        spanned_at(check.file, c),
                        msg!("forms-cells-out-of-range", cells = c.value.to_string()),
                        msg!("forms-cells-out-of-range-help"),
                    );
                    18
                }
                None => 18,
            };
            InputKind::IdNumber {
                cells,
                height: height(check),
            }
        }
        "photo" => InputKind::Photo {
            caption: d
                .caption
                .as_ref()
                .map_or_else(|| "照片".into(), |c| c.value.clone()),
        },
        _ => signature(check, decl, default)?,
    })
}

/// A signature block: an optional opinion box, 签章 and a date.
fn signature(
    check: &mut Checker<'_>,
    decl: &Spanned<CellDecl>,
    default: Height,
) -> Option<InputKind> {
    let d = &decl.value;
    let at = spanned_at(check.file, decl);
    if d.height.is_none() {
        check.error(
            at,
            msg!("forms-signature-height"),
            msg!("forms-signature-height-help"),
        );
    }
    let height = check.height(d.height.as_ref(), d.notice_height.as_ref(), default);
    let text_height = check.height(
        d.text_height.as_ref(),
        d.notice_text_height.as_ref(),
        Height {
            form: height.form * 0.6,
            notice: height.notice * 0.5,
        },
    );
    let date = match (&d.date, &d.id) {
        (Some(date), _) => date.value.clone(),
        (None, Some(id)) => crate::model::values::Id(format!("{}-date", id.value)),
        (None, None) => {
            check.error(
                at,
                msg!("forms-signature-no-date"),
                msg!("forms-signature-no-date-help"),
            );
            return None;
        }
    };
    Some(InputKind::Signature {
        opinion: d.id.is_some(),
        date,
        caption: d
            .caption
            .as_ref()
            .map_or_else(|| "签　章".into(), |c| c.value.clone()),
        height,
        text_height,
    })
}
