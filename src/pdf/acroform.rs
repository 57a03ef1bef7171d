//! Typst writes no form fields, so fillable fields are added to its PDF afterwards with lopdf, one over
//! each blank that the template marked. Text typed into a field is drawn with a subset of a bundled CJK
//! font placed in the form's `/DR` (see `field_font`), so Chinese displays and prints in every reader.

use super::field_font::FieldFont;
use super::inspect::{FieldKind, FieldPlace};
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};
use std::collections::HashMap;

/// The font size of typed text.
const FONT_SIZE: f64 = 10.0;

/// Adds a field over every place, pre-filled with `values` (text, or `"Yes"` for a ticked check box), each
/// with its accessible name from `labels`, and the form's `/AcroForm` with `font` as its text font.
pub(super) fn add_fields(
    pdf: &[u8],
    places: &[FieldPlace],
    labels: &HashMap<String, String>,
    values: &HashMap<String, String>,
    font: &FieldFont,
) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    let pages = doc.get_pages();
    let font_id = font.add_to(&mut doc)?;
    let zapf = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ZapfDingbats" },
    );
    let dr = dictionary! { "Font" => dictionary! { "FCJK" => font_id, "ZaDb" => zapf } };
    let da = format!("/FCJK {FONT_SIZE} Tf 0 g");
    let mut fields = Vec::with_capacity(places.len());
    for place in places {
        let page_id = *pages
            .get(&(place.page as u32))
            .ok_or("a field on a page that does not exist")?;
        let label = labels
            .get(&place.name)
            .cloned()
            .unwrap_or_else(|| place.name.clone());
        let value = values.get(&place.name);
        let id = add_widget(&mut doc, place, page_id, &label, value, &da)?;
        fields.push(Object::Reference(id));
        tag_widget(&mut doc, id, page_id)?;
        add_annotation(&mut doc, page_id, id)?;
    }
    let acroform = doc.add_object(dictionary! {
        "Fields" => fields,
        "DR" => dr,
        "DA" => Object::string_literal(da.as_str()),
        "NeedAppearances" => true,
    });
    doc.catalog_mut()
        .map_err(|e| e.to_string())?
        .set("AcroForm", acroform);
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Adds the widget of one field, over its place on the page, with its appearances; `da` is the default
/// appearance of typed text.
fn add_widget(
    doc: &mut Document,
    place: &FieldPlace,
    page_id: ObjectId,
    label: &str,
    value: Option<&String>,
    da: &str,
) -> Result<ObjectId, String> {
    let media_height = page_height(doc, page_id)?;
    let (llx, ury) = (place.x, media_height - place.y);
    let rect = [llx, ury - place.h, llx + place.w, ury];
    let mut widget = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "T" => Object::string_literal(place.name.as_str()),
        "TU" => text_string(label),
        "Rect" => rect.iter().map(|v| real(*v)).collect::<Vec<_>>(),
        "P" => page_id,
        "F" => 4,
    };
    match place.kind {
        FieldKind::Checkbox => make_checkbox(doc, &mut widget, place, value),
        kind => make_text_field(doc, &mut widget, place, kind, value, da),
    }
    Ok(doc.add_object(widget))
}

/// Makes `widget` a check box, ticked when `value` says so, with a drawn tick as its `Yes` appearance.
fn make_checkbox(
    doc: &mut Document,
    widget: &mut lopdf::Dictionary,
    place: &FieldPlace,
    value: Option<&String>,
) {
    let (w, h) = (place.w, place.h);
    let on = form_xobject(doc, w, h, &tick(w, h));
    let off = form_xobject(doc, w, h, "");
    let state = if value.is_some_and(|v| is_ticked(v)) {
        "Yes"
    } else {
        "Off"
    };
    widget.set("FT", "Btn");
    widget.set("V", Object::Name(state.into()));
    widget.set("AS", Object::Name(state.into()));
    widget.set("DA", Object::string_literal("/ZaDb 0 Tf 0 g"));
    widget.set("MK", dictionary! { "CA" => Object::string_literal("4") });
    widget.set(
        "AP",
        dictionary! { "N" => dictionary! { "Yes" => on, "Off" => off } },
    );
}

/// The content stream of a tick filling a `w` × `h` check box.
fn tick(w: f64, h: f64) -> String {
    format!(
        "q 0 g {:.2} {:.2} m {:.2} {:.2} l {:.2} {:.2} l {:.2} {:.2} l {:.2} {:.2} l {:.2} {:.2} l f Q",
        0.15 * w,
        0.55 * h,
        0.40 * w,
        0.15 * h,
        0.88 * w,
        0.85 * h,
        0.78 * w,
        0.93 * h,
        0.40 * w,
        0.35 * h,
        0.24 * w,
        0.47 * h
    )
}

/// Makes `widget` a text field of `kind` (one line, several lines, or one character per cell) holding
/// `value`; readers draw the text, since the form needs appearances.
fn make_text_field(
    doc: &mut Document,
    widget: &mut lopdf::Dictionary,
    place: &FieldPlace,
    kind: FieldKind,
    value: Option<&String>,
    da: &str,
) {
    widget.set("FT", "Tx");
    widget.set("DA", Object::string_literal(da));
    widget.set("V", text_string(value.map_or("", String::as_str)));
    let flags: i64 = match kind {
        FieldKind::Comb => {
            widget.set("MaxLen", place.max.unwrap_or(18));
            1 << 24
        }
        FieldKind::Multiline => 1 << 12,
        _ => 0,
    };
    if flags != 0 {
        widget.set("Ff", flags);
    }
    let empty = form_xobject(doc, place.w, place.h, "/Tx BMC EMC");
    widget.set("AP", dictionary! { "N" => empty });
}

/// Adds the widget `id` to the annotations of its page.
fn add_annotation(doc: &mut Document, page_id: ObjectId, id: ObjectId) -> Result<(), String> {
    let mut annots = match doc
        .get_dictionary(page_id)
        .map_err(|e| e.to_string())?
        .get(b"Annots")
    {
        Ok(Object::Reference(r)) => doc
            .get_object(*r)
            .and_then(|o| o.as_array().cloned())
            .unwrap_or_default(),
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    annots.push(Object::Reference(id));
    doc.get_dictionary_mut(page_id)
        .map_err(|e| e.to_string())?
        .set("Annots", annots);
    Ok(())
}

/// Whether a roster value ticks a check box.
pub(super) fn is_ticked(value: &str) -> bool {
    matches!(
        value.trim(),
        "Yes" | "yes" | "√" | "✓" | "✔" | "是" | "1" | "x" | "X" | "true"
    )
}

/// The height of a page's `/MediaBox`, to turn Typst's top-down places into PDF's bottom-up ones.
fn page_height(doc: &Document, page: ObjectId) -> Result<f64, String> {
    let dict = doc.get_dictionary(page).map_err(|e| e.to_string())?;
    let media = dict
        .get(b"MediaBox")
        .and_then(|o| o.as_array())
        .map_err(|e| e.to_string())?;
    let number = |o: &Object| match o {
        Object::Integer(i) => Ok(*i as f64),
        Object::Real(r) => Ok(f64::from(*r)),
        _ => Err("a MediaBox entry is not a number".to_string()),
    };
    Ok(number(&media[3])? - number(&media[1])?)
}

/// A PDF real number, rounded to thousandths.
pub(super) fn real(v: f64) -> Object {
    Object::Real((v * 1000.0).round() as f32 / 1000.0)
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with a byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::string_literal(s)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A form XObject of `w` × `h` points drawing `content`: an appearance of a field.
fn form_xobject(doc: &mut Document, w: f64, h: f64, content: &str) -> ObjectId {
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![real(0.0), real(0.0), real(w), real(h)],
    };
    doc.add_object(Stream::new(dict, content.as_bytes().to_vec()))
}

/// Puts a widget into the structure tree as a `/Form` element so the form stays tagged (PDF/UA).
fn tag_widget(doc: &mut Document, widget: ObjectId, page: ObjectId) -> Result<(), String> {
    let e = |e: lopdf::Error| e.to_string();
    let Ok(Object::Reference(root_id)) = doc.catalog().map_err(e)?.get(b"StructTreeRoot").cloned()
    else {
        return Ok(());
    };
    let root = doc.get_dictionary(root_id).map_err(e)?;
    let key = root
        .get(b"ParentTreeNextKey")
        .and_then(|o| o.as_i64())
        .map_err(e)?;
    let document_element = match root.get(b"K").map_err(e)? {
        Object::Array(a) => a.first().and_then(|o| o.as_reference().ok()),
        Object::Reference(r) => Some(*r),
        _ => None,
    }
    .ok_or("unexpected structure tree root")?;
    let form = doc.add_object(dictionary! {
        "Type" => "StructElem", "S" => "Form", "P" => document_element, "Pg" => page,
        "K" => dictionary! { "Type" => "OBJR", "Obj" => widget, "Pg" => page },
    });
    doc.get_dictionary_mut(widget)
        .map_err(e)?
        .set("StructParent", key);
    let root = doc.get_dictionary_mut(root_id).map_err(e)?;
    root.set("ParentTreeNextKey", key + 1);
    let Ok(Object::Dictionary(tree)) = root.get_mut(b"ParentTree") else {
        return Err("the structure parent tree is not a direct dictionary".into());
    };
    let Ok(Object::Array(nums)) = tree.get_mut(b"Nums") else {
        return Err("the parent tree has no /Nums".into());
    };
    nums.push(Object::Integer(key));
    nums.push(Object::Reference(form));
    match doc
        .get_dictionary_mut(document_element)
        .map_err(e)?
        .get_mut(b"K")
        .map_err(e)?
    {
        Object::Array(kids) => kids.push(Object::Reference(form)),
        other => *other = Object::Array(vec![other.clone(), Object::Reference(form)]),
    }
    Ok(())
}
