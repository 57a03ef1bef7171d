//! The PDF objects of the results PDF, written directly with `pdf-writer` as the pages are drawn: a
//! results sheet is a few hundred characters in a million table cells, and a general PDF library's
//! bookkeeping for each glyph run and each tag (krilla's, under Typst's own export) was most of the
//! time. Here each page is one text object whose cells are marked content, each table cell's structure
//! element is written as soon as its page is drawn, and the fonts are subset once at the end.
//!
//! What makes the file PDF/A-2b and PDF/UA-1 is all here: embedded subset fonts with their widths and
//! Unicode maps, an output intent (a grey ICC profile of our own, so black text and rules are
//! device-independent), XMP metadata matching the document information, the structure tree with its
//! parent tree, `Tabs /S` on every page, `MarkInfo`, the catalog's language, and `DisplayDocTitle`.

use super::text::{Face, Run};
use pdf_writer::types::{
    ArtifactType, CidFontType, FontFlags, OutputIntentSubtype, StructRole, SystemInfo,
    TableHeaderScope, UnicodeCmap,
};
use pdf_writer::writers::WMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use sha2::{Digest, Sha256};
use std::io::Write;
use subsetter::GlyphRemapper;

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.276;
pub(super) const PAGE_H: f32 = 841.89;

/// Identity-H CID fonts: a glyph's code is its two-byte CID.
const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// A font as it is embedded: the glyphs used so far, renumbered from 1 in the order they were first
/// drawn (the subset's glyph order), with their widths and characters.
struct Embedded {
    font: Face,
    /// The object of the Type0 font.
    reference: Ref,
    remapper: GlyphRemapper,
    /// The CID of each glyph of the font, 0 when not used yet (glyph 0 is always CID 0).
    cids: Vec<u16>,
    /// By CID: the advance in font units and the character drawn.
    widths: Vec<u16>,
    chars: Vec<char>,
    /// Whether any page draws with it.
    used: bool,
}

/// How a marked part of the structure tree holds its content.
pub(super) enum Kind {
    Heading(u16, String),
    Paragraph,
}

/// A child of the document element that is written at the end: a heading or a paragraph with its
/// marked content (a paragraph may go on over a page), or a table already written.
enum Child {
    Marked {
        reference: Ref,
        kind: Kind,
        marks: Vec<(usize, i32)>,
    },
    Table(Ref),
}

/// The whole document being written.
pub(super) struct Document {
    pdf: Pdf,
    next: i32,
    fonts: Vec<Embedded>,
    page_tree: Ref,
    document: Ref,
    pages: Vec<Ref>,
    /// For each page, the array of the structure elements of its marked contents.
    parents: Vec<Ref>,
    children: Vec<Child>,
    /// Bookmarks: title, page, and where on it from the top left.
    outline: Vec<(String, usize, f32, f32)>,
    /// Reused for the CIDs of one run.
    codes: Vec<u8>,
    /// Compresses the pages' content beside the drawing.
    deflater: Option<Deflater>,
}

impl Document {
    /// An empty document that draws with `fonts` (each once: the family lists refer to them by index).
    pub(super) fn new(fonts: Vec<Face>) -> Document {
        let mut doc = Document {
            pdf: Pdf::with_settings(pdf_writer::Settings { pretty: false }),
            next: 1,
            fonts: Vec::new(),
            page_tree: Ref::new(1),
            document: Ref::new(1),
            pages: Vec::new(),
            parents: Vec::new(),
            children: Vec::new(),
            outline: Vec::new(),
            codes: Vec::new(),
            deflater: Deflater::start(),
        };
        doc.pdf.set_version(1, 7);
        doc.page_tree = doc.alloc();
        doc.document = doc.alloc();
        for font in fonts {
            let reference = doc.alloc();
            let ttf = font.ttf();
            let cids = vec![0; usize::from(ttf.number_of_glyphs())];
            // CID 0 is `.notdef`, which every subset keeps and no character maps to.
            let notdef = ttf.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
            doc.fonts.push(Embedded {
                font,
                reference,
                remapper: GlyphRemapper::new(),
                cids,
                widths: vec![notdef],
                chars: vec!['\0'],
                used: false,
            });
        }
        doc
    }

    /// A new object number.
    pub(super) fn alloc(&mut self) -> Ref {
        let reference = Ref::new(self.next);
        self.next += 1;
        reference
    }

    /// The number of pages drawn so far.
    pub(super) fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// A bookmark to (`x`, `y`) points from the top left of the page being laid out.
    pub(super) fn bookmark(&mut self, title: &str, x: f32, y: f32) {
        self.outline
            .push((title.to_string(), self.pages.len(), x, y));
    }

    /// Starts the next page.
    pub(super) fn page(&mut self) -> PageContent {
        let reference = self.alloc();
        self.pages.push(reference);
        PageContent {
            index: self.pages.len() - 1,
            reference,
            content: Content::new(),
            parents: Vec::new(),
            used: vec![false; self.fonts.len()],
            state: None,
        }
    }

    /// Writes a table cell's structure element: marked content `mcid` on `page`, in the row `row`.
    pub(super) fn cell(
        &mut self,
        page: &PageContent,
        reference: Ref,
        row: Ref,
        mcid: i32,
        header: bool,
    ) {
        let mut element = self.pdf.struct_element(reference);
        element.parent(row).page(page.reference);
        if header {
            element.kind(StructRole::TH);
            element
                .attributes()
                .push()
                .table()
                .scope(TableHeaderScope::Column);
        } else {
            element.kind(StructRole::TD);
        }
        element.pair(Name(b"K"), mcid);
    }

    /// Writes a row (`TR`) of the table `table` with its cells, written before it.
    pub(super) fn row(&mut self, reference: Ref, table: Ref, cells: &[Ref]) {
        self.group(reference, StructRole::TR, table, cells);
    }

    /// Writes a table with its rows, written before it, as the next child of the document element.
    pub(super) fn table(&mut self, reference: Ref, rows: &[Ref]) {
        self.group(reference, StructRole::Table, self.document, rows);
        self.children.push(Child::Table(reference));
    }

    /// Writes the structure element `reference` of role `role` under `parent`, with `kids`.
    fn group(&mut self, reference: Ref, role: StructRole, parent: Ref, kids: &[Ref]) {
        let mut element = self.pdf.struct_element(reference);
        element.kind(role).parent(parent);
        let mut children = element.children();
        for kid in kids {
            children.struct_element(*kid);
        }
    }

    /// The structure element of a heading or paragraph whose first content is `mcid` on `page`; a
    /// paragraph that `continues` the last one adds its content to it instead. Gives the element.
    pub(super) fn marked(
        &mut self,
        page: &PageContent,
        mcid: i32,
        kind: Kind,
        continues: bool,
    ) -> Ref {
        if continues
            && let Some(Child::Marked {
                reference, marks, ..
            }) = self.children.last_mut()
        {
            marks.push((page.index, mcid));
            return *reference;
        }
        let reference = self.alloc();
        self.children.push(Child::Marked {
            reference,
            kind,
            marks: vec![(page.index, mcid)],
        });
        reference
    }

    /// Writes `run` in the font `font` (the document's index) at `size` points, its baseline starting
    /// at `at` (x, y from the top left).
    pub(super) fn show(
        &mut self,
        page: &mut PageContent,
        font: usize,
        size: f32,
        at: (f32, f32),
        run: &Run,
    ) {
        let embedded = &mut self.fonts[font];
        self.codes.clear();
        for (&glyph, c) in run.glyphs.iter().zip(run.text.chars()) {
            let cid = match embedded.cids.get(usize::from(glyph)) {
                Some(&0) if glyph != 0 => {
                    let cid = embedded.remapper.remap(glyph);
                    embedded.cids[usize::from(glyph)] = cid;
                    let advance = embedded
                        .font
                        .ttf()
                        .glyph_hor_advance(ttf_parser::GlyphId(glyph));
                    embedded.widths.push(advance.unwrap_or(0));
                    embedded.chars.push(c);
                    cid
                }
                Some(&cid) => cid,
                None => 0,
            };
            self.codes.extend(cid.to_be_bytes());
        }
        page.used[font] = true;
        embedded.used = true;
        let content = &mut page.content;
        if page.state != Some((font, size)) {
            let name = format!("F{font}");
            content.set_font(Name(name.as_bytes()), size);
            page.state = Some((font, size));
        }
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, at.0, PAGE_H - at.1]);
        content.show(Str(&self.codes));
    }

    /// Writes the page `page`: its content, the page object and its part of the parent tree.
    pub(super) fn finish_page(&mut self, page: PageContent) {
        let content_ref = self.alloc();
        let parents_ref = self.alloc();
        let mut content = page.content;
        content.end_text();
        let content = content.finish().into_vec();
        let unsent = match &self.deflater {
            Some(deflater) => deflater
                .pages
                .send((content_ref, content))
                .err()
                .map(|e| e.0.1),
            None => Some(content),
        };
        if let Some(content) = unsent {
            self.pdf
                .stream(content_ref, &deflate(&content))
                .filter(Filter::FlateDecode);
        }
        let mut object = self.pdf.page(page.reference);
        object
            .parent(self.page_tree)
            .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .contents(content_ref)
            .struct_parents(page.index as i32)
            .tab_order(pdf_writer::types::TabOrder::StructureOrder);
        let mut resources = object.resources();
        let mut fonts = resources.fonts();
        for (i, _) in page.used.iter().enumerate().filter(|(_, used)| **used) {
            let name = format!("F{i}");
            fonts.pair(Name(name.as_bytes()), self.fonts[i].reference);
        }
        fonts.finish();
        resources.finish();
        object.finish();
        self.pdf
            .indirect(parents_ref)
            .array()
            .items(page.parents.iter().copied());
        self.parents.push(parents_ref);
    }

    /// Writes the fonts, the structure tree, the outline, the metadata and the catalog, and gives the
    /// file. `Err` says which font could not be subset.
    pub(super) fn finish(mut self, meta: &Meta) -> Result<Vec<u8>, String> {
        if let Some(Deflater { pages, done }) = self.deflater.take() {
            drop(pages);
            let streams = done
                .join()
                .map_err(|_| "the thread compressing the pages stopped".to_string())?;
            for (reference, data) in streams {
                self.pdf
                    .stream(reference, &data)
                    .filter(Filter::FlateDecode);
            }
        }
        for i in 0..self.fonts.len() {
            if self.fonts[i].used {
                self.write_font(i)?;
            }
        }
        let struct_root = self.write_structure();
        let outline = self.write_outline();
        let page_tree = self.page_tree;
        let pages = std::mem::take(&mut self.pages);
        self.pdf
            .pages(page_tree)
            .count(pages.len() as i32)
            .kids(pages.iter().copied());
        let profile = self.alloc();
        let data = deflate(&gray_profile());
        self.pdf
            .icc_profile(profile, &data)
            .n(1)
            .filter(Filter::FlateDecode);
        let intent = self.alloc();
        self.pdf
            .indirect(intent)
            .start::<pdf_writer::writers::OutputIntent>()
            .subtype(OutputIntentSubtype::PDFA)
            .output_condition_identifier(TextStr("Custom"))
            .output_condition(TextStr("Grey, gamma 2.2"))
            .registry_name(TextStr(""))
            .info(TextStr("Grey, gamma 2.2"))
            .dest_output_profile(profile);
        let info = self.alloc();
        let date = pdf_writer::Date::new(meta.date.0 as u16)
            .month(meta.date.1)
            .day(meta.date.2)
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0)
            .utc_offset_minute(0);
        self.pdf
            .document_info(info)
            .title(TextStr(&meta.title))
            .author(TextStr(&meta.author))
            .creation_date(date);
        let instance = hex_id(self.pdf.as_bytes());
        let document = hex_id(b"jingsai/results.pdf");
        let xmp = xmp(meta, pages.len(), &instance, &document);
        let metadata = self.alloc();
        self.pdf
            .stream(metadata, xmp.as_bytes())
            .pair(Name(b"Type"), Name(b"Metadata"))
            .pair(Name(b"Subtype"), Name(b"XML"));
        let catalog_ref = self.alloc();
        let mut catalog = self.pdf.catalog(catalog_ref);
        catalog
            .pages(page_tree)
            .metadata(metadata)
            .lang(TextStr("zh-CN"))
            .pair(Name(b"StructTreeRoot"), struct_root);
        catalog.insert(Name(b"OutputIntents")).array().item(intent);
        // `Suspects` is left out (false): poppler reports the boolean as a syntax error.
        catalog.mark_info().marked(true);
        catalog.viewer_preferences().display_doc_title(true);
        if let Some(outline) = outline {
            catalog.outlines(outline);
        }
        catalog.finish();
        self.pdf
            .set_file_id((document.into_bytes(), instance.into_bytes()));
        Ok(self.pdf.finish())
    }

    /// Writes the subset of the font `i`, its CID font, descriptor and Unicode map.
    fn write_font(&mut self, i: usize) -> Result<(), String> {
        let [cid_ref, descriptor_ref, cmap_ref, file_ref] =
            [self.alloc(), self.alloc(), self.alloc(), self.alloc()];
        let embedded = &self.fonts[i];
        let ttf = embedded.font.ttf();
        let name = crate::pdf::fonts::postscript_name(ttf, "Font");
        let subset = subsetter::subset(
            embedded.font.source().data().as_slice(),
            embedded.font.source().index(),
            &embedded.remapper,
        )
        .map_err(|e| format!("the font `{name}` could not be subset: {e:?}"))?;
        let cff = ttf.tables().cff.is_some();
        let program: &[u8] = if cff {
            ttf_parser::RawFace::parse(&subset, 0)
                .ok()
                .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
                .ok_or_else(|| format!("the subset of the font `{name}` has no CFF table"))?
        } else {
            &subset
        };
        // The subset's tag names the glyphs it holds, so two different subsets never share a name.
        let mut hasher = Sha256::new();
        hasher.update(name.as_bytes());
        for c in &embedded.chars {
            hasher.update(u32::from(*c).to_be_bytes());
        }
        let hash = hasher.finalize();
        let tag: String = hash[..6]
            .iter()
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        let base = format!("{tag}+{name}");
        let units = f32::from(ttf.units_per_em());
        let pdf_units = |v: f32| v * 1000.0 / units;

        let type0_name = if cff {
            format!("{base}-Identity-H")
        } else {
            base.clone()
        };
        self.pdf
            .type0_font(embedded.reference)
            .base_font(Name(type0_name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);
        let mut cid = self.pdf.cid_font(cid_ref);
        cid.subtype(if cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        })
        .base_font(Name(base.as_bytes()))
        .system_info(SYSTEM_INFO)
        .font_descriptor(descriptor_ref)
        .default_width(0.0);
        if !cff {
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        cid.widths()
            .consecutive(0, embedded.widths.iter().map(|w| pdf_units(f32::from(*w))));
        cid.finish();

        write_descriptor(&mut self.pdf, descriptor_ref, file_ref, ttf, &base, cff);

        let data = deflate(program);
        let mut file = self.pdf.stream(file_ref, &data);
        file.filter(Filter::FlateDecode);
        if cff {
            file.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        } else {
            file.pair(Name(b"Length1"), program.len() as i32);
        }
        file.finish();

        write_unicode_map(&mut self.pdf, cmap_ref, &self.fonts[i].chars);
        Ok(())
    }

    /// Writes the document element with its headings, paragraphs and tables, and the structure tree
    /// root with the parent tree; gives the root.
    fn write_structure(&mut self) -> Ref {
        let root = self.alloc();
        let document = self.document;
        let children = std::mem::take(&mut self.children);
        let mut kids = Vec::with_capacity(children.len());
        for child in children {
            let (reference, kind, marks) = match child {
                Child::Table(reference) => {
                    kids.push(reference);
                    continue;
                }
                Child::Marked {
                    reference,
                    kind,
                    marks,
                } => (reference, kind, marks),
            };
            kids.push(reference);
            let mut element = self.pdf.struct_element(reference);
            match &kind {
                Kind::Heading(level, title) => {
                    element
                        .kind(if *level == 1 {
                            StructRole::H1
                        } else {
                            StructRole::H2
                        })
                        .title(TextStr(title));
                }
                Kind::Paragraph => {
                    element.kind(StructRole::P);
                }
            }
            element.parent(document);
            if let [(page, mcid)] = marks[..] {
                element.page(self.pages[page]).pair(Name(b"K"), mcid);
            } else {
                let mut children = element.children();
                for (page, mcid) in marks {
                    children
                        .marked_content_ref()
                        .page(self.pages[page])
                        .marked_content_id(mcid);
                }
            }
        }
        let mut element = self.pdf.struct_element(document);
        element.kind(StructRole::Document).parent(root);
        let mut children = element.children();
        for kid in kids {
            children.struct_element(kid);
        }
        children.finish();
        element.finish();

        let mut tree = self
            .pdf
            .indirect(root)
            .start::<pdf_writer::writers::StructTreeRoot>();
        tree.child(document);
        let mut parent_tree = tree.parent_tree();
        let mut nums = parent_tree.nums();
        for (i, parents) in self.parents.iter().enumerate() {
            nums.insert(i as i32, *parents);
        }
        nums.finish();
        parent_tree.finish();
        tree.parent_tree_next_key(self.parents.len() as i32);
        root
    }

    /// Writes the bookmarks, one level (the title and each table); gives the outline, if any.
    fn write_outline(&mut self) -> Option<Ref> {
        if self.outline.is_empty() {
            return None;
        }
        let root = self.alloc();
        let items: Vec<Ref> = (0..self.outline.len()).map(|_| self.alloc()).collect();
        for (i, (title, page, x, y)) in self.outline.iter().enumerate() {
            let mut item = self.pdf.outline_item(items[i]);
            item.title(TextStr(title)).parent(root);
            if i > 0 {
                item.prev(items[i - 1]);
            }
            if let Some(next) = items.get(i + 1) {
                item.next(*next);
            }
            item.dest()
                .page(self.pages[*page])
                .xyz(*x, PAGE_H - y, None);
        }
        self.pdf
            .outline(root)
            .first(items[0])
            .last(items[items.len() - 1])
            .count(items.len() as i32);
        Some(root)
    }
}

/// The contest's facts the metadata carries.
pub(super) struct Meta {
    pub(super) title: String,
    pub(super) author: String,
    /// Year, month, day of the notice.
    pub(super) date: (i32, u8, u8),
}

/// One page's content being drawn.
pub(super) struct PageContent {
    index: usize,
    reference: Ref,
    content: Content,
    /// The structure element of each marked content, by MCID.
    parents: Vec<Ref>,
    used: Vec<bool>,
    /// The font and size set last.
    state: Option<(usize, f32)>,
}

impl PageContent {
    /// Draws `rules` (x1, y1, x2, y2 from the top left) as one layout artifact, then opens the page's
    /// text object.
    pub(super) fn rules(&mut self, rules: &[[f32; 4]]) {
        let content = &mut self.content;
        if !rules.is_empty() {
            content
                .begin_marked_content_with_properties(Name(b"Artifact"))
                .properties()
                .artifact()
                .kind(ArtifactType::Layout);
            content.set_line_width(0.5);
            for [x1, y1, x2, y2] in rules {
                content.move_to(*x1, PAGE_H - y1);
                content.line_to(*x2, PAGE_H - y2);
            }
            content.stroke();
            content.end_marked_content();
        }
        content.begin_text();
    }

    /// The MCID the next marked content gets.
    pub(super) fn next_mcid(&self) -> i32 {
        self.parents.len() as i32
    }

    /// Opens marked content (with the next MCID) belonging to the structure element `parent`.
    pub(super) fn begin_marked(&mut self, parent: Ref) {
        let mcid = self.next_mcid();
        self.parents.push(parent);
        self.content
            .begin_marked_content_with_properties(Name(b"Span"))
            .properties()
            .identify(mcid);
    }

    /// Opens a pagination artifact (a page number, a repeated header row).
    pub(super) fn begin_artifact(&mut self) {
        self.content
            .begin_marked_content_with_properties(Name(b"Artifact"))
            .properties()
            .artifact()
            .kind(ArtifactType::Pagination);
    }

    /// Closes what `begin_marked` or `begin_artifact` opened.
    pub(super) fn end(&mut self) {
        self.content.end_marked_content();
    }
}

/// Writes the font descriptor of the subset `base` of `ttf`, whose program is the stream `file` (CFF or
/// TrueType).
fn write_descriptor(
    pdf: &mut Pdf,
    reference: Ref,
    file: Ref,
    ttf: &ttf_parser::Face<'_>,
    base: &str,
    cff: bool,
) {
    let units = f32::from(ttf.units_per_em());
    let pdf_units = |v: f32| v * 1000.0 / units;
    let mut flags = FontFlags::SYMBOLIC;
    flags.set(FontFlags::SERIF, base.contains("Serif"));
    flags.set(FontFlags::ITALIC, ttf.italic_angle() != 0.0);
    let bbox = ttf.global_bounding_box();
    let ascent = pdf_units(f32::from(ttf.ascender()));
    let weight = f32::from(ttf.weight().to_number());
    let mut descriptor = pdf.font_descriptor(reference);
    descriptor
        .name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            pdf_units(f32::from(bbox.x_min)),
            pdf_units(f32::from(bbox.y_min)),
            pdf_units(f32::from(bbox.x_max)),
            pdf_units(f32::from(bbox.y_max)),
        ))
        .italic_angle(ttf.italic_angle())
        .ascent(ascent)
        .descent(pdf_units(f32::from(ttf.descender())))
        .cap_height(
            ttf.capital_height()
                .map_or(ascent, |h| pdf_units(f32::from(h))),
        )
        .stem_v(10.0 + 0.244 * (weight - 50.0));
    if cff {
        descriptor.font_file3(file);
    } else {
        descriptor.font_file2(file);
    }
    descriptor.finish();
}

/// Writes the ToUnicode map of a subset whose CID `n` draws `chars[n]` (CID 0, `.notdef`, draws none).
fn write_unicode_map(pdf: &mut Pdf, reference: Ref, chars: &[char]) {
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (cid, c) in chars.iter().enumerate().skip(1) {
        cmap.pair(cid as u16, *c);
    }
    let data = deflate(&cmap.finish());
    pdf.cmap(reference, &data)
        .name(Name(b"Custom"))
        .system_info(SYSTEM_INFO)
        .writing_mode(WMode::Horizontal)
        .filter(Filter::FlateDecode);
}

/// `data` compressed for a `FlateDecode` stream.
fn deflate(data: &[u8]) -> Vec<u8> {
    deflate_at(data, 6)
}

/// The compression level of the pages' content: at 5,000 rows level 2 makes the file 2% larger than
/// level 6 in a third of the time (level 1: 7% larger), so the thread that compresses the pages keeps up
/// with the drawing instead of being waited for at the end.
const PAGE_LEVEL: u32 = 2;

/// `data` compressed at `level` (0 to 9) for a `FlateDecode` stream.
fn deflate_at(data: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3 + 64),
        flate2::Compression::new(level),
    );
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Compresses the pages' content on a thread of its own while the next pages are laid out, handing the
/// streams back in the order they were sent.
struct Deflater {
    pages: std::sync::mpsc::Sender<(Ref, Vec<u8>)>,
    done: std::thread::JoinHandle<Vec<(Ref, Vec<u8>)>>,
}

impl Deflater {
    /// The thread, or `None` when none can be started (the pages are then compressed as they come).
    fn start() -> Option<Deflater> {
        let (pages, receive) = std::sync::mpsc::channel::<(Ref, Vec<u8>)>();
        let done = std::thread::Builder::new()
            .name("results-pdf-deflate".into())
            .spawn(move || {
                receive
                    .into_iter()
                    .map(|(reference, data)| (reference, deflate_at(&data, PAGE_LEVEL)))
                    .collect()
            })
            .ok()?;
        Some(Deflater { pages, done })
    }
}

/// A file identifier: the first 16 bytes of the SHA-256 of `data`, in hexadecimal.
fn hex_id(data: &[u8]) -> String {
    Sha256::digest(data)[..16]
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// The XMP metadata: the title, author, language and date of the document information, and the
/// PDF/A-2b and PDF/UA-1 identification with the extension schemas PDF/A asks for.
fn xmp(meta: &Meta, pages: usize, instance: &str, document: &str) -> String {
    use xmp_writer::{DateTime, LangId, RenditionClass, XmpWriter};
    let mut x = XmpWriter::new();
    x.title([(None, meta.title.as_str())]);
    x.creator([meta.author.as_str()]);
    x.language([LangId("zh-CN")]);
    let date = DateTime {
        year: meta.date.0 as u16,
        month: Some(meta.date.1),
        day: Some(meta.date.2),
        hour: Some(0),
        minute: Some(0),
        second: Some(0),
        timezone: Some(xmp_writer::Timezone::Utc),
    };
    x.create_date(date);
    x.modify_date(date);
    x.format("application/pdf");
    x.num_pages(pages as u32);
    x.instance_id(instance);
    x.document_id(document);
    x.rendition_class(RenditionClass::Proof);
    x.pdf_version("1.7");
    let mut schemas = x.extension_schemas();
    schemas
        .xmp_media_management()
        .properties()
        .describe_instance_id();
    schemas.pdf().properties().describe_all();
    schemas.pdfua_id().properties().describe_part();
    schemas.finish();
    x.pdfa_part(2);
    x.pdfa_conformance("B");
    x.pdfua_part(1);
    x.finish(None)
}

/// A monochrome display ICC profile (version 2.1, D50 white, gamma 2.2), the output intent that makes
/// the black of the text and rules device-independent.
fn gray_profile() -> Vec<u8> {
    fn tag_data(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut data = kind.to_vec();
        data.extend([0; 4]);
        data.extend(body);
        data
    }
    let d50: Vec<u8> = [0x0000_F6D6_u32, 0x0001_0000, 0x0000_D32D]
        .iter()
        .flat_map(|v| v.to_be_bytes())
        .collect();
    let text = b"Grey, gamma 2.2\0";
    let mut desc = Vec::new();
    desc.extend((text.len() as u32).to_be_bytes());
    desc.extend(text);
    desc.extend([0; 4 + 4 + 2 + 1 + 67]);
    let tags: [(&[u8; 4], Vec<u8>); 4] = [
        (b"desc", tag_data(b"desc", &desc)),
        (b"wtpt", tag_data(b"XYZ ", &d50)),
        (b"kTRC", tag_data(b"curv", &[0, 0, 0, 1, 0x02, 0x33])),
        (b"cprt", tag_data(b"text", b"No copyright, use freely\0")),
    ];
    let mut header = vec![0u8; 128];
    header[8..12].copy_from_slice(&0x0210_0000_u32.to_be_bytes());
    header[12..16].copy_from_slice(b"mntr");
    header[16..20].copy_from_slice(b"GRAY");
    header[20..24].copy_from_slice(b"XYZ ");
    for (i, v) in [2026_u16, 1, 1, 0, 0, 0].iter().enumerate() {
        header[24 + 2 * i..26 + 2 * i].copy_from_slice(&v.to_be_bytes());
    }
    header[36..40].copy_from_slice(b"acsp");
    header[68..80].copy_from_slice(&d50);
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut body = Vec::new();
    let mut offset = 128 + 4 + 12 * tags.len();
    for (signature, data) in &tags {
        table.extend(*signature);
        table.extend((offset as u32).to_be_bytes());
        table.extend((data.len() as u32).to_be_bytes());
        body.extend(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 128 + 4 + 12 * tags.len() + body.len();
    }
    let mut profile = header;
    profile.extend(table);
    profile.extend(body);
    let size = profile.len() as u32;
    profile[0..4].copy_from_slice(&size.to_be_bytes());
    profile
}
