//! One document from its main template to PDF bytes: the Typst compile, its warnings and errors as
//! located problems, the check for characters no font could draw, and the export with a fixed timestamp.

use super::inspect::{self, ShownPaths};
use super::{PdfEngine, one};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::Text;
use crate::loaded::Loaded;
use crate::msg;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

impl PdfEngine {
    /// Compiles one document and exports it; every problem names its file, line and column.
    pub(super) fn compile(
        &mut self,
        project: &Loaded,
        shown: &ShownPaths,
        main: &str,
        what: &Text,
        standards: &[PdfStandard],
    ) -> Result<(PagedDocument, Vec<u8>), Problems> {
        crate::budget::doing(|| {
            let file = shown
                .get(main)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| main.to_string());
            msg!("pdf-doing", document = what, file)
        });
        self.world.set_main(main);
        self.world.reset();
        // Known again only once this compile succeeded.
        self.read_by.remove(main);
        let result = typst::compile::<PagedDocument>(&self.world);
        let read = self.world.dependencies();
        let mut problems = Problems::default();
        for warning in &result.warnings {
            let mut problem = inspect::problem(&self.world, shown, what, warning);
            if warning.message.starts_with("unknown font family") {
                // Typst would silently fall back to another font: a missing 仿宋 must not go unnoticed.
                problem.severity = crate::diagnostics::Severity::Error;
                problem.help = Some(msg!("pdf-unknown-font-help"));
            }
            problems.push(problem);
        }
        let document = match result.output {
            Ok(document) => document,
            Err(errors) => {
                for error in &errors {
                    problems.push(inspect::problem(&self.world, shown, what, error));
                }
                return Err(problems);
            }
        };
        for missing in inspect::missing_glyphs(&document) {
            problems.push(missing_glyph(project, what, &missing));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let date = project.contest.notice.date.value.0;
        let stamp = Datetime::from_ymd_hms(
            i32::from(date.year()),
            date.month() as u8,
            date.day() as u8,
            0,
            0,
            0,
        )
        .expect("a real date");
        let options = PdfOptions {
            ident: Smart::Custom(format!("jingsai{main}")),
            timestamp: Some(Timestamp::new_utc(stamp)),
            standards: PdfStandards::new(standards).map_err(|e| {
                one(Problem::general(
                    None,
                    msg!(
                        "pdf-document-error",
                        document = what,
                        error = e.message().to_string()
                    ),
                ))
            })?,
            ..PdfOptions::default()
        };
        match typst_pdf::pdf(&document, &options) {
            Ok(bytes) => {
                self.read_by.insert(main.to_string(), read);
                Ok((document, bytes))
            }
            Err(errors) => {
                for error in &errors {
                    problems.push(inspect::problem(&self.world, shown, what, error));
                }
                Err(problems)
            }
        }
    }
}

/// A character no font could draw, pointed at in `contest.yaml` when it comes from there.
pub(super) fn missing_glyph(
    project: &Loaded,
    what: &Text,
    missing: &inspect::MissingGlyph,
) -> Problem {
    let file: &SourceFile = &project.contest_file;
    let message = msg!(
        "pdf-missing-glyph",
        document = what,
        page = missing.page,
        character = &missing.text,
        code = format!("U+{:04X}", missing.text.chars().next().map_or(0, u32::from))
    );
    let help = msg!("pdf-missing-glyph-help");
    match file.text.find(&missing.text) {
        Some(at) => Problem::at(file, (at, missing.text.len()), message).with_help(help),
        None => Problem::general(None, message).with_help(help),
    }
}
