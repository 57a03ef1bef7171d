//! The built-in results PDF, written directly (`document.rs`, with `pdf-writer`) instead of being laid
//! out by Typst: a results sheet can hold 100,000 contestants, and Typst lays out each
//! table cell twice (to measure its row, then to place it), keeps every cell's layout in its caches and
//! needs about 1.7 ms of CPU and 125 KB per row on this machine; this writer needs about an eighth of
//! the CPU time and a fourteenth of the memory, and draws each page as soon as it is laid out (see
//! `bench/README.md`).
//!
//! The layout is the one `results.typ` describes, and stays overridable: a contest that puts its own
//! `forms/results.typ` gets it compiled by Typst as before. Here: A4, the title, the publication date, the
//! rules and the note, then per track and group a heading, a sentence with the counts and a ruled table
//! whose header row repeats on every page, column widths fixed in em (the unit column takes the rest),
//! page numbers `— n —` outside. The PDF meets PDF/A-2b and PDF/UA-1 like the other official PDFs: the
//! fonts are embedded (subset), every text is tagged (title and headings, paragraphs, the table with its
//! header cells), rules, repeated headers and page numbers are artifacts, and the headings are the
//! outline.

mod document;
mod page;
mod text;

use crate::loaded::Loaded;
use crate::results::Results;
pub(super) use text::{Face, Faces, Missing};

/// The fonts of the results PDF, each a family list tried in order.
pub(super) struct ResultsFonts {
    /// 仿宋: the body and the table.
    pub(super) body: Faces,
    /// 黑体: headings and the table's header row.
    pub(super) head: Faces,
    /// 宋体 bold: the title.
    pub(super) title: Faces,
    /// 宋体: the page numbers.
    pub(super) number: Faces,
}

/// Draws the results PDF; `Err` lists the characters no font has (sorted, each once) or names a font
/// that could not be embedded.
pub(super) fn render(
    project: &Loaded,
    results: &Results,
    fonts: &ResultsFonts,
) -> Result<Vec<u8>, Failure> {
    let c = &project.contest;
    let title = format!("{}成绩公布", c.contest.name);
    let mut writer = page::Writer::new(fonts, &title);
    writer.front_matter(results);
    // A track or group with no results has no table (the results page lists it as 无成绩).
    for table in results.tables.iter().filter(|t| !t.entries.is_empty()) {
        writer.table(results, table);
    }
    writer.unit_awards(results);
    let (document, missing) = writer.finish();
    if !missing.is_empty() {
        return Err(Failure::Missing(missing));
    }
    let date = c.notice.date.value.0;
    let meta = document::Meta {
        title,
        author: c.notice.issuer_full.clone(),
        date: (i32::from(date.year()), date.month() as u8, date.day() as u8),
    };
    document.finish(&meta).map_err(Failure::Pdf)
}

/// Feeds everything [`render`] draws from into `hasher`, for the PDF cache (the binary and the fonts are
/// fed by the caller): the contest's name, its issuer and the notice's date, and the digest of every
/// field of the results ([`Loaded::results_digest`]).
pub(super) fn feed_inputs(project: &Loaded, digest: &[u8; 32], hasher: &mut sha2::Sha256) {
    use super::cache::feed;
    let c = &project.contest;
    feed(hasher, b"built-in results.pdf");
    feed(hasher, c.contest.name.as_bytes());
    feed(hasher, c.notice.issuer_full.as_bytes());
    feed(hasher, c.notice.date.value.0.to_string().as_bytes());
    feed(hasher, digest);
}

/// Why the results PDF could not be made.
#[derive(Debug)]
pub(super) enum Failure {
    /// Characters that no font could draw.
    Missing(Vec<Missing>),
    /// A font that could not be embedded.
    Pdf(String),
}
