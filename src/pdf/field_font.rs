//! The font of typed text in the forms: a bundled CJK font subset once per engine (to ASCII, CJK
//! punctuation and GB 2312), then added to each form's `/DR` as a Type0 / Identity-H font with widths and
//! a Unicode map, so Chinese displays and prints in every reader (a Latin-only or non-embedded field font
//! shows `??`).

use super::acroform::real;
use lopdf::{Document, Object, ObjectId, Stream, dictionary};
use std::collections::BTreeSet;

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
        let ps_name = super::fonts::postscript_name(&face, "CJKField");
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
    pub(super) fn add_to(&self, doc: &mut Document) -> Result<ObjectId, String> {
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
