//! After a compile: Typst diagnostics as located problems, the form-field markers with their places, and
//! characters that no font could draw.

use super::world::PdfWorld;
use crate::diagnostics::{Problem, SourceFile};
use crate::i18n::Text;
use crate::msg;
use std::collections::HashMap;
use std::path::PathBuf;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem, Point};
use typst::syntax::{DiagSpan, FileId};
use typst::utils::PicoStr;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;

/// How a virtual file is shown to the user: `forms/registration.typ` for an override, the built-in path
/// otherwise.
pub(super) type ShownPaths = HashMap<String, PathBuf>;

fn shown(paths: &ShownPaths, id: FileId) -> PathBuf {
    let virtual_path = id.vpath().get_with_slash().to_string();
    paths
        .get(&virtual_path)
        .cloned()
        .unwrap_or_else(|| PathBuf::from(virtual_path))
}

/// A Typst error or warning as a problem at its file, line and column.
pub(super) fn problem(
    world: &PdfWorld,
    paths: &ShownPaths,
    document: &Text,
    diagnostic: &SourceDiagnostic,
) -> Problem {
    let trace = diagnostic
        .trace
        .iter()
        .fold(Text::default(), |before, point| {
            msg!("pdf-typst-trace", before, place = point.v.to_string())
        });
    let message = msg!(
        "pdf-typst-diagnostic",
        document,
        detail = diagnostic.message.to_string(),
        trace
    );
    let located = located(world, paths, diagnostic.span);
    let mut problem = match located {
        Some((file, span)) => Problem::at(&file, span, message),
        None => Problem::general(None, message),
    };
    // Hints about the Typst command line (`--root`) mean nothing here: a form reads only `/data.json`,
    // the bundled files and the other forms.
    let hints: Vec<String> = diagnostic
        .hints
        .iter()
        .map(|h| h.v.to_string())
        .filter(|h| !h.contains("--root") && !h.contains("project root"))
        .collect();
    if !hints.is_empty() {
        problem = problem.with_help(hints.join("; "));
    } else {
        problem = problem.with_help(msg!("pdf-form-template-help"));
    }
    if diagnostic.severity == Severity::Warning {
        problem = problem.warning();
    }
    problem
}

fn located(
    world: &PdfWorld,
    paths: &ShownPaths,
    span: DiagSpan,
) -> Option<(SourceFile, (usize, usize))> {
    let id = span.id()?;
    let range = world.range(span)?;
    let text = match world.source(id) {
        Ok(source) => source.text().to_string(),
        Err(_) => String::from_utf8_lossy(world.file(id).ok()?.as_slice()).into_owned(),
    };
    let len = range
        .len()
        .max(1)
        .min(text.len().saturating_sub(range.start));
    Some((SourceFile::new(&shown(paths, id), text), (range.start, len)))
}

/// What a form field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines (个人简历).
    Multiline,
    /// One character per cell (身份证号).
    Comb,
    /// A check box.
    Checkbox,
}

/// A field found in the laid-out document, in points from the top left of its page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FieldPlace {
    /// The field name (`name`, `track-ai-trainer`, ...).
    pub name: String,
    /// Text, several lines, one character per cell, or a check box.
    pub kind: FieldKind,
    /// How many cells a comb field has (the most characters it takes); `None` for other kinds.
    pub max: Option<i64>,
    /// The page it is on, counted from 1.
    pub page: usize,
    /// Its left edge, in points from the left of the page.
    pub x: f64,
    /// Its top edge, in points from the top of the page.
    pub y: f64,
    /// Its width in points.
    pub w: f64,
    /// Its height in points.
    pub h: f64,
}

/// The label every field marker carries.
const FIELD_LABEL: &str = "jingsai-field";

/// Pairs the start and end markers of every field into its rectangle.
pub(super) fn fields(document: &PagedDocument) -> Result<Vec<FieldPlace>, Text> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern(FIELD_LABEL)).expect("valid label");
    let mut starts: Vec<FieldPlace> = Vec::new();
    let mut ends: HashMap<String, (usize, Point)> = HashMap::new();
    for content in introspector.query(&Selector::Label(label)) {
        let meta = content
            .to_packed::<MetadataElem>()
            .ok_or_else(|| msg!("pdf-field-not-metadata"))?;
        let Value::Dict(dict) = &meta.value else {
            return Err(msg!("pdf-field-not-dictionary"));
        };
        let text = |key: &str| {
            dict.get(key)
                .ok()
                .and_then(|v| v.clone().cast::<String>().ok())
        };
        let name = text("name").ok_or_else(|| msg!("pdf-field-no-name"))?;
        let location = content
            .location()
            .ok_or_else(|| msg!("pdf-field-no-location"))?;
        let position = introspector
            .position(location)
            .ok_or_else(|| msg!("pdf-field-no-position"))?;
        match text("edge").as_deref() {
            Some("start") => {
                if starts.iter().any(|f| f.name == name) {
                    return Err(msg!("pdf-field-twice", name));
                }
                let kind = match text("kind").as_deref() {
                    Some("multiline") => FieldKind::Multiline,
                    Some("comb") => FieldKind::Comb,
                    Some("checkbox") => FieldKind::Checkbox,
                    _ => FieldKind::Text,
                };
                let max = dict
                    .get("max")
                    .ok()
                    .and_then(|v| v.clone().cast::<i64>().ok());
                starts.push(FieldPlace {
                    name,
                    kind,
                    max,
                    page: position.page.get(),
                    x: position.point.x.to_pt(),
                    y: position.point.y.to_pt(),
                    w: 0.0,
                    h: 0.0,
                });
            }
            Some("end") => {
                ends.insert(name, (position.page.get(), position.point));
            }
            _ => return Err(msg!("pdf-field-no-edge", name)),
        }
    }
    for field in &mut starts {
        let (page, end) = ends
            .get(&field.name)
            .ok_or_else(|| msg!("pdf-field-no-end", name = &field.name))?;
        if *page != field.page {
            return Err(msg!("pdf-field-split", name = &field.name));
        }
        field.w = end.x.to_pt() - field.x;
        field.h = end.y.to_pt() - field.y;
    }
    Ok(starts)
}

/// A character printed with no glyph (an empty box).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MissingGlyph {
    /// The character(s).
    pub(super) text: String,
    /// 1-based page.
    pub(super) page: usize,
}

/// Every glyph with id 0 (`.notdef`) on every page.
pub(super) fn missing_glyphs(document: &PagedDocument) -> Vec<MissingGlyph> {
    let mut out = Vec::new();
    for (index, page) in document.pages().iter().enumerate() {
        walk(&page.frame, index + 1, &mut out);
    }
    out
}

fn walk(frame: &Frame, page: usize, out: &mut Vec<MissingGlyph>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk(&group.frame, page, out),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    out.push(MissingGlyph {
                        text: text.text[glyph.range()].to_string(),
                        page,
                    });
                }
            }
            _ => {}
        }
    }
}
