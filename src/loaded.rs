//! Stage one, complete: a contest folder as every output is made from it.
//!
//! [`load`] reads `content/` into the checked model ([`crate::model`]) and, when `content/` holds a score
//! sheet, reads and ranks it ([`crate::results`]), and counts the roster's entries when the contest
//! publishes them ([`registered::counts`]), reporting the problems of all in one run. The site,
//! the PDFs and watch mode take the [`Loaded`] value it returns.

use crate::diagnostics::Problems;
use crate::model::Project;
use crate::results::{self, Results};
use crate::roster::registered::{self, EntryCounts};
use std::ops::Deref;
use std::path::Path;

/// A checked contest folder: its definition and notices, and its published results when there are any.
///
/// It dereferences to its [`Project`], so `loaded.contest` and `loaded.notices` read as they do on the
/// project, and a `&Loaded` is accepted wherever a `&Project` is.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The contest definition and the notices.
    pub project: Project,
    /// The checked results of `content/results.*`; `None` before there is a score sheet.
    pub results: Option<Results>,
    /// The entries counted from the roster, for the page 报名情况, when `registration.publish_counts`
    /// asks for it and there is a roster.
    pub entry_counts: Option<EntryCounts>,
    /// The digest of `results`, made once when a cache key first needs it ([`Loaded::results_digest`]).
    results_digest: std::sync::OnceLock<[u8; 32]>,
}

impl Loaded {
    /// A SHA-256 over every field of the results ([`crate::results::Results::digest`]), the ones the
    /// pages' JSON leaves out included (the numbers of the workbook, whether a column's weight is the same in
    /// every track). The cache keys of the results PDF and the workbook use it; it is computed once per
    /// build, by whichever of the two threads asks first. `None` without results.
    pub fn results_digest(&self) -> Option<[u8; 32]> {
        let results = self.results.as_ref()?;
        Some(*self.results_digest.get_or_init(|| results.digest()))
    }
}

impl Deref for Loaded {
    type Target = Project;

    fn deref(&self) -> &Project {
        &self.project
    }
}

/// Reads and checks the contest folder at `root`, its score sheet included: the loaded folder with its
/// warnings, or every problem found in `content/`.
pub fn load(root: &Path) -> Result<Loaded, Problems> {
    let reading = Project::read(root)?;
    let mut problems = reading.problems;
    let mut results = None;
    let mut entry_counts = None;
    if let Some(project) = &reading.project {
        let (counts, warnings) = registered::counts(root, &project.contest, &project.contest_file);
        entry_counts = counts;
        problems.extend(warnings);
        match results::load(root, &project.contest, &project.contest_file) {
            Ok((found, warnings)) => {
                results = found;
                problems.extend(warnings);
            }
            Err(found) => problems.extend(found),
        }
    }
    problems.sort();
    match reading.project {
        Some(mut project) if !problems.has_errors() => {
            project.warnings = problems;
            Ok(Loaded {
                project,
                results,
                entry_counts,
                results_digest: std::sync::OnceLock::new(),
            })
        }
        _ => Err(problems),
    }
}
