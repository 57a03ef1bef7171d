//! The values of a filled PDF form, read with lopdf: every terminal field of `/AcroForm /Fields`
//! (walking `/Kids`, names joined with `.` as PDF readers do), a text field's `/V`, a check box's `/V`
//! or `/AS` (ticked unless `Off`). Nothing else of the file is used.

use lopdf::{Dictionary, Document, Object};
use std::collections::BTreeMap;

/// How deep `/Kids` may nest before the file is taken as damaged (a loop of references).
const MAX_DEPTH: usize = 32;
/// The most fields a returned form may have.
const MAX_FIELDS: usize = 20_000;

/// A field's value: text as typed, or whether a check box is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FieldValue {
    /// A text field (empty when nothing was typed).
    Text(String),
    /// A check box.
    Ticked(bool),
}

/// The fields of the PDF in `bytes`, by full name; `Err` with lopdf's words when it cannot be read.
pub(super) fn fields(bytes: &[u8]) -> Result<BTreeMap<String, FieldValue>, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let catalog = doc.catalog().map_err(|e| e.to_string())?;
    let mut found = BTreeMap::new();
    let Ok(acroform) = catalog.get(b"AcroForm") else {
        return Ok(found);
    };
    let acroform = resolve_dict(&doc, acroform).ok_or("its /AcroForm is not a dictionary")?;
    let Ok(list) = acroform
        .get(b"Fields")
        .and_then(|f| resolve(&doc, f).as_array())
    else {
        return Ok(found);
    };
    for field in list {
        walk(&doc, field, "", None, 0, &mut found)?;
    }
    Ok(found)
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(&Object::Null),
        other => other,
    }
}

fn resolve_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, object).as_dict().ok()
}

/// One field and its kids: `prefix` is the parent's full name, `inherited` its `/FT`.
fn walk(
    doc: &Document,
    object: &Object,
    prefix: &str,
    inherited: Option<&[u8]>,
    depth: usize,
    found: &mut BTreeMap<String, FieldValue>,
) -> Result<(), String> {
    if depth > MAX_DEPTH || found.len() > MAX_FIELDS {
        return Err("its form fields nest too deep or are too many".into());
    }
    let Some(dict) = resolve_dict(doc, object) else {
        return Ok(());
    };
    let own = dict
        .get(b"T")
        .ok()
        .and_then(|t| lopdf::decode_text_string(resolve(doc, t)).ok());
    let name = match (&own, prefix.is_empty()) {
        (Some(own), true) => own.clone(),
        (Some(own), false) => format!("{prefix}.{own}"),
        (None, _) => prefix.to_string(),
    };
    let kind = dict
        .get(b"FT")
        .ok()
        .and_then(|f| resolve(doc, f).as_name().ok())
        .or(inherited);
    let kids = dict
        .get(b"Kids")
        .ok()
        .and_then(|k| resolve(doc, k).as_array().ok());
    let named_kids = kids.is_some_and(|kids| {
        kids.iter()
            .any(|k| resolve_dict(doc, k).is_some_and(|d| d.has(b"T")))
    });
    if let (Some(kids), true) = (kids, named_kids) {
        for kid in kids {
            walk(doc, kid, &name, kind, depth + 1, found)?;
        }
        return Ok(());
    }
    if name.is_empty() {
        return Ok(());
    }
    let value = match kind {
        Some(b"Btn") => FieldValue::Ticked(ticked(doc, dict, kids)),
        _ => FieldValue::Text(
            dict.get(b"V")
                .ok()
                .and_then(|v| lopdf::decode_text_string(resolve(doc, v)).ok())
                .unwrap_or_default(),
        ),
    };
    found.insert(name, value);
    Ok(())
}

/// Whether a check box is ticked: its `/V`, else its (or its widgets') `/AS`, is a name other than `Off`.
fn ticked(doc: &Document, dict: &Dictionary, widgets: Option<&Vec<Object>>) -> bool {
    let on = |d: &Dictionary, key: &[u8]| {
        d.get(key)
            .ok()
            .and_then(|v| resolve(doc, v).as_name().ok())
            .map(|n| n != b"Off")
    };
    on(dict, b"V")
        .or_else(|| on(dict, b"AS"))
        .or_else(|| {
            widgets?
                .iter()
                .filter_map(|w| resolve_dict(doc, w))
                .find_map(|w| on(w, b"AS").filter(|t| *t))
        })
        .unwrap_or(false)
}
