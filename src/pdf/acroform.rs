//! Typst writes no form fields, so fillable fields are added to its PDF afterwards with lopdf, one over
//! each blank that the template marked. Text typed into a field is drawn with a subset of a bundled CJK
//! font placed in the form's `/DR` as a Type0 / Identity-H font with widths and a Unicode map, so Chinese
//! displays and prints in every reader (a Latin-only or non-embedded field font shows `??`).

use super::inspect::{FieldKind, FieldPlace};
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};
use std::collections::{BTreeSet, HashMap};

/// The font size of typed text.
const FONT_SIZE: f64 = 10.0;

/// The field font, subset once and added to every form.
pub(super) struct FieldFont {
    base_name: String,
    is_cff: bool,
    /// The font program, Flate-compressed.
    font_file: Vec<u8>,
    /// Its length before compression (`/Length1` of a TrueType program).
    font_file_len: usize,
    widths: Vec<f64>,
    bbox: [f64; 4],
    ascent: f64,
    descent: f64,
    cap_height: f64,
    /// The Unicode map, Flate-compressed.
    to_unicode: Vec<u8>,
}

impl FieldFont {
    /// Subsets `data` to the characters of `charset`.
    pub(super) fn new(data: &[u8], charset: &str) -> Result<FieldFont, String> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| e.to_string())?;
        let upem = f64::from(face.units_per_em());
        let is_cff = face.tables().cff.is_some();
        let mut remapper = subsetter::GlyphRemapper::new();
        remapper.remap(0);
        let mut old_of_new: Vec<u16> = vec![0];
        let mut unicode_of_new: Vec<Option<char>> = vec![None];
        let mut seen = BTreeSet::new();
        for c in charset.chars() {
            if !seen.insert(c) {
                continue;
            }
            let Some(glyph) = face.glyph_index(c) else {
                continue;
            };
            let before = remapper.num_gids();
            remapper.remap(glyph.0);
            if remapper.num_gids() > before {
                old_of_new.push(glyph.0);
                unicode_of_new.push(Some(c));
            }
        }
        let subset = subsetter::subset(data, 0, &remapper).map_err(|e| e.to_string())?;
        let ps_name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| "CJKField".into());
        let scale = |v: i16| f64::from(v) * 1000.0 / upem;
        let widths = old_of_new
            .iter()
            .map(|&g| {
                f64::from(face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)) * 1000.0
                    / upem
            })
            .collect();
        let raw = if is_cff {
            sfnt_table(&subset, b"CFF ")
                .ok_or("the subset has no CFF table")?
                .to_vec()
        } else {
            subset
        };
        let raw_len = raw.len();
        // Compressed once here, not once per form.
        let mut stream = Stream::new(dictionary! {}, raw);
        stream.compress().map_err(|e| e.to_string())?;
        let font_file = stream.content;
        let bb = face.global_bounding_box();
        Ok(FieldFont {
            base_name: format!("JSFORM+{ps_name}"),
            is_cff,
            font_file,
            font_file_len: raw_len,
            widths,
            bbox: [
                scale(bb.x_min),
                scale(bb.y_min),
                scale(bb.x_max),
                scale(bb.y_max),
            ],
            ascent: scale(face.ascender()),
            descent: scale(face.descender()),
            cap_height: scale(face.capital_height().unwrap_or(face.ascender())),
            to_unicode: {
                let mut cmap = Stream::new(
                    dictionary! {},
                    to_unicode_cmap(&unicode_of_new).into_bytes(),
                );
                cmap.compress().map_err(|e| e.to_string())?;
                cmap.content
            },
        })
    }

    /// Adds the font's objects to `doc`.
    fn add_to(&self, doc: &mut Document) -> Result<ObjectId, String> {
        let (key, dict) = if self.is_cff {
            (
                "FontFile3",
                dictionary! { "Subtype" => "CIDFontType0C", "Filter" => "FlateDecode" },
            )
        } else {
            (
                "FontFile2",
                dictionary! { "Length1" => self.font_file_len as i64, "Filter" => "FlateDecode" },
            )
        };
        let mut stream = Stream::new(dict, self.font_file.clone());
        stream.allows_compression = false;
        let file = doc.add_object(stream);
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => self.base_name.clone(),
            "Flags" => 4,
            "FontBBox" => self.bbox.iter().map(|v| real(*v)).collect::<Vec<_>>(),
            "ItalicAngle" => 0,
            "Ascent" => real(self.ascent),
            "Descent" => real(self.descent),
            "CapHeight" => real(self.cap_height),
            "StemV" => 80,
            key => file,
        });
        let mut cid = dictionary! {
            "Type" => "Font",
            "Subtype" => if self.is_cff { "CIDFontType0" } else { "CIDFontType2" },
            "BaseFont" => self.base_name.clone(),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "DW" => 1000,
            "W" => vec![Object::Integer(0), Object::Array(self.widths.iter().map(|w| real(*w)).collect())],
        };
        if !self.is_cff {
            cid.set("CIDToGIDMap", "Identity");
        }
        let cid = doc.add_object(cid);
        let mut to_unicode = Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            self.to_unicode.clone(),
        );
        to_unicode.allows_compression = false;
        let to_unicode = doc.add_object(to_unicode);
        Ok(doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => if self.is_cff { format!("{}-Identity-H", self.base_name) } else { self.base_name.clone() },
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(cid)],
            "ToUnicode" => to_unicode,
        }))
    }
}

/// The characters the field font keeps: ASCII, full-width forms, CJK punctuation and every character of
/// GB 2312 (all 6,763 hanzi), which covers the names, places and units people type into a form.
pub(super) fn field_charset() -> String {
    let mut chars: String = (' '..='~').collect();
    chars.extend('\u{3000}'..='\u{303F}');
    chars.extend('\u{FF01}'..='\u{FF5E}');
    chars.extend(['—', '…', '‘', '’', '“', '”', '·', '×']);
    let mut bytes = Vec::with_capacity(2 * 94 * 87);
    for row in 0xA1u8..=0xF7 {
        for cell in 0xA1u8..=0xFE {
            bytes.extend([row, cell]);
        }
    }
    let (decoded, _, _) = encoding_rs::GBK.decode(&bytes);
    chars.extend(decoded.chars().filter(|c| *c != '\u{FFFD}'));
    chars
}

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

fn real(v: f64) -> Object {
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

/// A table of an sfnt font file.
fn sfnt_table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = u16::from_be_bytes(font.get(4..6)?.try_into().ok()?) as usize;
    (0..count).find_map(|i| {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        (&record[0..4] == tag).then(|| {
            let offset = u32::from_be_bytes(record[8..12].try_into().ok()?) as usize;
            let length = u32::from_be_bytes(record[12..16].try_into().ok()?) as usize;
            font.get(offset..offset + length)
        })?
    })
}

fn to_unicode_cmap(unicode_of_new: &[Option<char>]) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(usize, char)> = unicode_of_new
        .iter()
        .enumerate()
        .filter_map(|(g, c)| c.map(|c| (g, c)))
        .collect();
    for chunk in entries.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (glyph, c) in chunk {
            let mut buf = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut buf)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{glyph:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}
