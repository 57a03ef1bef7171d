//! Incremental rebuilds: the Typst engine (and its world) lives as long as the server, and the PDFs of the
//! last build are reused when a change cannot affect them.

use crate::build::{check, render_site};
use crate::diagnostics::Problems;
use crate::model::Project;
use crate::output::OutputMap;
use crate::pdf::fonts::FontOptions;
use crate::pdf::{Pdf, PdfEngine};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What a change affects. Pages are always rendered again; `merge` combines the changes of a burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scope {
    /// Read and check `content/` again (contest.yaml, notices, results). Without it the checked project of
    /// the last build is reused (a site template or a form changed).
    pub check: bool,
    /// Compile the PDFs again (contest.yaml, the results file or a form changed). Without it the PDFs of
    /// the last build are reused.
    pub pdfs: bool,
}

impl Scope {
    /// A site template: the pages only.
    pub const PAGES: Scope = Scope {
        check: false,
        pdfs: false,
    };
    /// A notice: checked again, the PDFs reused.
    pub const NOTICES: Scope = Scope {
        check: true,
        pdfs: false,
    };
    /// A form: the PDFs compiled again, the project reused.
    pub const FORMS: Scope = Scope {
        check: false,
        pdfs: true,
    };
    /// contest.yaml, the results file, anything else: everything.
    pub const ALL: Scope = Scope {
        check: true,
        pdfs: true,
    };

    /// Both changes.
    pub fn merge(self, other: Scope) -> Scope {
        Scope {
            check: self.check || other.check,
            pdfs: self.pdfs || other.pdfs,
        }
    }
}

/// A successful build.
#[derive(Debug)]
pub struct Built {
    /// The site.
    pub map: OutputMap,
    /// Warnings of the check.
    pub warnings: Problems,
    /// Whether the PDFs were compiled (rather than reused).
    pub compiled_pdfs: bool,
    /// Milliseconds spent checking, compiling PDFs and rendering pages.
    pub timings: [u128; 3],
}

/// Rebuilds a contest folder again and again, keeping what can be kept.
pub struct Rebuilder {
    root: PathBuf,
    engine: PdfEngine,
    /// The checked project of the last build, while nothing it reads changed since.
    project: Option<Project>,
    /// The PDFs of the last build, while nothing they depend on changed since.
    pdfs: Option<Vec<Pdf>>,
}

impl Rebuilder {
    /// A rebuilder of the contest folder `root`; nothing is built yet.
    pub fn new(root: &Path, fonts: &FontOptions) -> Self {
        Rebuilder {
            root: root.to_path_buf(),
            engine: PdfEngine::new(fonts),
            project: None,
            pdfs: None,
        }
    }

    /// Checks and renders the contest, reusing the checked project and the PDFs of the last build unless
    /// `scope` says they changed, or a failed build since left them unknown.
    pub fn build(&mut self, scope: Scope) -> Result<Built, Problems> {
        // Forgotten first: a failed build must not leave a stale project or PDFs for a later edit.
        if scope.check {
            self.project = None;
        }
        if scope.pdfs {
            self.pdfs = None;
        }
        let started = Instant::now();
        let project = match self.project.take() {
            Some(project) => project,
            None => check(&self.root)?,
        };
        let checked = Instant::now();
        let compiled_pdfs = self.pdfs.is_none();
        let pdfs = match self.pdfs.take() {
            Some(pdfs) => pdfs,
            None => self.engine.render(&project)?,
        };
        let compiled = Instant::now();
        let rendered = render_site(&project, &pdfs);
        let warnings = project.warnings.clone();
        self.project = Some(project);
        let timings = [
            (checked - started).as_millis(),
            (compiled - checked).as_millis(),
            compiled.elapsed().as_millis(),
        ];
        self.pdfs = Some(pdfs);
        Ok(Built {
            map: rendered?,
            warnings,
            compiled_pdfs,
            timings,
        })
    }
}
