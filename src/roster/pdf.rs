//! The values of a filled PDF form: every terminal field of `/AcroForm /Fields` (walking `/Kids`, names
//! joined with `.` as PDF readers do), a text field's `/V`, a check box's `/V` or `/AS` (ticked unless
//! `Off`). Nothing else of the file is used: a plain file (a classic cross-reference table, as form
//! fillers write) has only the catalog and the field objects parsed ([`super::pdf_objects`]); any other
//! file, or one that gives no field that way, is read whole with lopdf.

use super::pdf_objects::Objects;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// How deep `/Kids` may nest before the file is taken as damaged (a loop of references).
const MAX_DEPTH: usize = 32;
/// The most fields a returned form may have.
const MAX_FIELDS: usize = 20_000;
/// The most field dictionaries visited (kids shared by several parents are visited once per parent).
const MAX_VISITS: usize = 200_000;

/// A field's value: text as typed, or whether a check box is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FieldValue {
    /// A text field (empty when nothing was typed).
    Text(String),
    /// A check box.
    Ticked(bool),
}

/// Where the objects come from: a whole lopdf document, or only the objects asked for.
trait Source {
    /// The object `id` (`Null` when there is none); `Err` when the file cannot be read.
    fn object(&self, id: ObjectId) -> Result<Cow<'_, Object>, String>;
    /// The document catalog.
    fn catalog(&self) -> Result<Cow<'_, Dictionary>, String>;
}

impl Source for Document {
    fn object(&self, id: ObjectId) -> Result<Cow<'_, Object>, String> {
        Ok(Cow::Borrowed(self.get_object(id).unwrap_or(&Object::Null)))
    }

    fn catalog(&self) -> Result<Cow<'_, Dictionary>, String> {
        Document::catalog(self)
            .map(Cow::Borrowed)
            .map_err(|e| e.to_string())
    }
}

impl Source for Objects<'_> {
    fn object(&self, id: ObjectId) -> Result<Cow<'_, Object>, String> {
        self.get(id)
            .map(Cow::Owned)
            .ok_or_else(|| format!("object {} {} cannot be read", id.0, id.1))
    }

    fn catalog(&self) -> Result<Cow<'_, Dictionary>, String> {
        let root = self
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(|e| e.to_string())?;
        match self.get(root) {
            Some(Object::Dictionary(d)) => Ok(Cow::Owned(d)),
            _ => Err("no catalog".into()),
        }
    }
}

/// The fields of the PDF in `bytes`, by full name; `Err` with lopdf's words when it cannot be read.
pub(super) fn fields(bytes: &[u8]) -> Result<BTreeMap<String, FieldValue>, String> {
    if let Some(objects) = Objects::new(bytes)
        && let Ok(found) = fields_of(&objects)
        && !found.is_empty()
    {
        return Ok(found);
    }
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    fields_of(&doc)
}

fn fields_of(source: &impl Source) -> Result<BTreeMap<String, FieldValue>, String> {
    let catalog = source.catalog()?;
    let found = BTreeMap::new();
    let Ok(acroform) = catalog.get(b"AcroForm") else {
        return Ok(found);
    };
    let acroform = resolve(source, acroform)?;
    let acroform = acroform
        .as_dict()
        .map_err(|_| "its /AcroForm is not a dictionary")?;
    let Ok(list) = acroform.get(b"Fields") else {
        return Ok(found);
    };
    let list = resolve(source, list)?;
    let Ok(list) = list.as_array() else {
        return Ok(found);
    };
    let mut walked = Walked {
        fields: found,
        visits: 0,
    };
    for field in list {
        walk(source, field, "", None, 0, &mut walked)?;
    }
    Ok(walked.fields)
}

fn resolve<'a>(source: &'a impl Source, object: &'a Object) -> Result<Cow<'a, Object>, String> {
    match object {
        Object::Reference(id) => source.object(*id),
        other => Ok(Cow::Borrowed(other)),
    }
}

/// The dictionary `object` is or refers to.
fn resolve_dict<'a>(
    source: &'a impl Source,
    object: &'a Object,
) -> Result<Option<Cow<'a, Dictionary>>, String> {
    Ok(match resolve(source, object)? {
        Cow::Borrowed(Object::Dictionary(d)) => Some(Cow::Borrowed(d)),
        Cow::Owned(Object::Dictionary(d)) => Some(Cow::Owned(d)),
        _ => None,
    })
}

/// A text string (`/T`, `/V`), when `object` is or refers to one.
fn text(source: &impl Source, object: Option<&Object>) -> Result<Option<String>, String> {
    let Some(object) = object else {
        return Ok(None);
    };
    Ok(lopdf::decode_text_string(resolve(source, object)?.as_ref()).ok())
}

/// A name (`/FT`, `/V` of a check box), when `object` is or refers to one.
fn name(source: &impl Source, object: Option<&Object>) -> Result<Option<Vec<u8>>, String> {
    let Some(object) = object else {
        return Ok(None);
    };
    Ok(resolve(source, object)?.as_name().ok().map(<[u8]>::to_vec))
}

/// The fields found so far, and how many dictionaries were visited.
struct Walked {
    fields: BTreeMap<String, FieldValue>,
    visits: usize,
}

/// One field and its kids: `prefix` is the parent's full name, `inherited` its `/FT`.
fn walk(
    source: &impl Source,
    object: &Object,
    prefix: &str,
    inherited: Option<&[u8]>,
    depth: usize,
    found: &mut Walked,
) -> Result<(), String> {
    found.visits += 1;
    if depth > MAX_DEPTH || found.fields.len() > MAX_FIELDS || found.visits > MAX_VISITS {
        return Err("its form fields nest too deep or are too many".into());
    }
    let Some(dict) = resolve_dict(source, object)? else {
        return Ok(());
    };
    let own = text(source, dict.get(b"T").ok())?;
    let name_of = match (&own, prefix.is_empty()) {
        (Some(own), true) => own.clone(),
        (Some(own), false) => format!("{prefix}.{own}"),
        (None, _) => prefix.to_string(),
    };
    let own_kind = name(source, dict.get(b"FT").ok())?;
    let kind = own_kind.as_deref().or(inherited);
    let kids = match dict.get(b"Kids") {
        Ok(kids) => Some(resolve(source, kids)?),
        Err(_) => None,
    };
    let kids = kids.as_deref().and_then(|k| k.as_array().ok());
    let mut named_kids = false;
    for kid in kids.into_iter().flatten() {
        if resolve_dict(source, kid)?.is_some_and(|d| d.has(b"T")) {
            named_kids = true;
            break;
        }
    }
    if let (Some(kids), true) = (kids, named_kids) {
        for kid in kids {
            walk(source, kid, &name_of, kind, depth + 1, found)?;
        }
        return Ok(());
    }
    if name_of.is_empty() {
        return Ok(());
    }
    let value = match kind {
        Some(b"Btn") => FieldValue::Ticked(ticked(source, &dict, kids)?),
        _ => FieldValue::Text(text(source, dict.get(b"V").ok())?.unwrap_or_default()),
    };
    found.fields.insert(name_of, value);
    Ok(())
}

/// Whether a check box is ticked: its `/V`, else its (or its widgets') `/AS`, is a name other than `Off`.
fn ticked(
    source: &impl Source,
    dict: &Dictionary,
    widgets: Option<&Vec<Object>>,
) -> Result<bool, String> {
    let on = |d: &Dictionary, key: &[u8]| -> Result<Option<bool>, String> {
        Ok(name(source, d.get(key).ok())?.map(|n| n != b"Off"))
    };
    if let Some(on) = on(dict, b"V")?.or(on(dict, b"AS")?) {
        return Ok(on);
    }
    for widget in widgets.into_iter().flatten() {
        if let Some(widget) = resolve_dict(source, widget)?
            && on(&widget, b"AS")? == Some(true)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{StringFormat, dictionary};
    use proptest::prelude::*;

    /// A text string as form fillers write it: UTF-16BE with its byte-order mark, literal or hex.
    fn text_string(text: &str, hex: bool) -> Object {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let format = if hex {
            StringFormat::Hexadecimal
        } else {
            StringFormat::Literal
        };
        Object::String(bytes, format)
    }

    /// A form with a text field per value (every other one a kid of a named parent when `nest`) and a
    /// check box per flag, saved by lopdf with a classic cross-reference table.
    fn form(values: &[String], boxes: &[bool], nest: bool, hex: bool) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let parent = doc.new_object_id();
        let (mut fields, mut kids) = (Vec::new(), Vec::new());
        for (i, value) in values.iter().enumerate() {
            let mut field = dictionary! {
                "FT" => "Tx",
                "T" => text_string(&format!("f-{i}"), false),
                "V" => text_string(value, hex),
            };
            if nest && i % 2 == 1 {
                field.set("Parent", parent);
                kids.push(Object::Reference(doc.add_object(field)));
            } else {
                fields.push(Object::Reference(doc.add_object(field)));
            }
        }
        for (i, on) in boxes.iter().enumerate() {
            let state = if *on { "Yes" } else { "Off" };
            let field = dictionary! {
                "FT" => "Btn",
                "T" => text_string(&format!("box-{i}"), false),
                "V" => Object::Name(state.as_bytes().to_vec()),
            };
            fields.push(Object::Reference(doc.add_object(field)));
        }
        if !kids.is_empty() {
            doc.objects.insert(
                parent,
                Object::Dictionary(
                    dictionary! { "T" => text_string("team", false), "Kids" => kids },
                ),
            );
            fields.push(Object::Reference(parent));
        }
        let acroform = doc.add_object(dictionary! { "Fields" => fields });
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "AcroForm" => acroform });
        doc.trailer.set("Root", catalog);
        // As form fillers (pypdf, Acrobat's plain saves) write it, not lopdf's default stream.
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saved");
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Reading only the field objects gives what lopdf gives reading the whole file, and what was
        /// typed: any text (brackets, backslashes, line breaks, Chinese), literal or hex, nested or not.
        #[test]
        fn the_field_objects_alone_read_as_the_whole_file(
            values in proptest::collection::vec("\\PC{0,12}|[()\\\\\r\n]{0,6}", 1..8),
            boxes in proptest::collection::vec(any::<bool>(), 0..4),
            nest: bool,
            hex: bool,
        ) {
            let bytes = form(&values, &boxes, nest, hex);
            let objects = Objects::new(&bytes).expect("a classic cross-reference table");
            let fast = fields_of(&objects).expect("read from the field objects");
            let whole = fields_of(&Document::load_mem(&bytes).expect("lopdf reads it")).expect("read whole");
            prop_assert_eq!(&fast, &whole);
            for (i, value) in values.iter().enumerate() {
                let name = if nest && i % 2 == 1 { format!("team.f-{i}") } else { format!("f-{i}") };
                prop_assert_eq!(fast.get(&name), Some(&FieldValue::Text(value.clone())));
            }
            for (i, on) in boxes.iter().enumerate() {
                prop_assert_eq!(fast.get(&format!("box-{i}")), Some(&FieldValue::Ticked(*on)));
            }
        }
    }
}
