//! Stage one: read `content/` into a validated model.
//!
//! [`Project::read`] reads `content/contest.yaml` and every `content/notices/*.md`, checks them, and
//! returns the model (when contest.yaml parses) with every problem found, each with its file, line and
//! column; [`crate::load`] adds the results and decides whether the folder passes.

mod contest;
pub mod forms;
mod notice;
pub mod placeholders;
mod results_section;
pub mod schema;
mod spanned;
mod validate;
pub mod values;
pub mod yaml;

pub use contest::*;
pub use notice::{Notice, NoticeMeta};
pub use results_section::{Columns, Headers, MAX_DECIMALS, ResultsConfig, TIME_KEY, Tier};
pub use spanned::Spanned;

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use std::path::{Path, PathBuf};

/// The top-level sections of `contest.yaml`, in the order they are documented.
pub const SECTIONS: [&str; 19] = [
    "site",
    "contest",
    "notice",
    "plan",
    "references",
    "organisation",
    "tracks",
    "groups",
    "format",
    "rules",
    "scoring",
    "awards",
    "registration",
    "schedule",
    "venue",
    "costs",
    "contacts",
    "attachments",
    "results",
];

/// A loaded and checked contest folder: its definition and its notices.
#[derive(Debug, Clone)]
pub struct Project {
    /// The contest folder (holding `content/`).
    pub root: PathBuf,
    /// `content/contest.yaml`, as read.
    pub contest_file: SourceFile,
    /// The contest definition.
    pub contest: Contest,
    /// Markdown notices, newest first.
    pub notices: Vec<Notice>,
    /// The forms the attachments name, in their order.
    pub forms: Vec<forms::Form>,
    /// Warnings that do not stop the build.
    pub warnings: Problems,
}

/// What [`Project::read`] found: the project when `contest.yaml` could be parsed (even with semantic
/// errors, so that later stages can still report their own problems in the same run), and every problem.
#[derive(Debug)]
pub struct Reading {
    /// The parsed project; `None` when `contest.yaml` does not parse.
    pub project: Option<Project>,
    /// Every problem found in `content/`, errors and warnings.
    pub problems: Problems,
}

impl Project {
    /// The path of the contest definition inside a contest folder.
    pub fn contest_path(root: &Path) -> PathBuf {
        root.join("content").join("contest.yaml")
    }

    /// Reads and checks `contest.yaml` and the notices, keeping the project even when checks fail.
    /// `Err` only when `contest.yaml` cannot be read at all.
    pub fn read(root: &Path) -> Result<Reading, Problems> {
        let path = Self::contest_path(root);
        let text = fs::read_input_text(Some(root), &path, fs::Input::Contest).map_err(|e| {
            let mut problems = Problems::default();
            problems.push(
                Problem::from(e)
                    .with_help("run jingsai in a contest folder (one that has `content/contest.yaml`), or pass that folder as an argument"),
            );
            problems
        })?;
        let contest_file = SourceFile::new(&display_path(root, &path), text);
        let mut problems = Problems::default();
        let contest = parse_contest(&contest_file);
        let notices = notice::load_all(root, &mut problems);
        let project = match contest {
            Ok(contest) => {
                let (forms, found) = forms::read_forms(Some(root), &contest, &contest_file);
                problems.extend(found);
                let project = Project {
                    root: root.to_path_buf(),
                    contest_file,
                    contest,
                    notices,
                    forms,
                    warnings: Problems::default(),
                };
                problems.extend(validate::check(&project));
                Some(project)
            }
            Err(found) => {
                problems.extend(found);
                None
            }
        };
        // The blanks `jingsai init` left: one error each, instead of what is wrong inside them.
        let problems = match &project {
            Some(p) => {
                let mut files: Vec<&SourceFile> = vec![&p.contest_file];
                files.extend(p.notices.iter().map(|n| &n.file));
                placeholders::report_blanks(problems, &files)
            }
            None => problems,
        };
        Ok(Reading { project, problems })
    }
}

impl Project {
    /// Reads again only the notices at `changed` (absolute paths of files in `content/notices/` that were
    /// edited, added or removed), leaving the rest of the project as it was checked. On problems the
    /// project is unchanged. Returns the addresses (slugs) of the notices read again.
    pub fn update_notices(
        &mut self,
        changed: &std::collections::BTreeSet<PathBuf>,
    ) -> Result<Vec<String>, Problems> {
        notice::update(&self.root, &mut self.notices, changed)
    }
}

/// Parses and checks the text of `contest.yaml` on its own (every section, `results:` included), as
/// [`Project::read`] does before it reads the notices: the contest with its warnings, or every problem.
pub fn check_contest(file: &SourceFile) -> Result<(Contest, Problems), Problems> {
    let contest = parse_contest(file)?;
    let (forms, mut problems) = forms::read_forms(None, &contest, file);
    let project = Project {
        root: PathBuf::from("."),
        contest_file: file.clone(),
        contest,
        notices: Vec::new(),
        forms,
        warnings: Problems::default(),
    };
    problems.extend(validate::check(&project));
    problems.sort();
    if problems.has_errors() {
        return Err(problems);
    }
    Ok((project.contest, problems))
}

/// Parses the text of `contest.yaml`; every section is read even when an earlier one fails.
pub fn parse_contest(file: &SourceFile) -> Result<Contest, Problems> {
    let mut sections = yaml::Sections::split(file);
    sections.reject_unknown(&SECTIONS);
    let site = sections.take::<Site>("site", false);
    let contest = sections.take::<ContestInfo>("contest", true);
    let notice = sections.take::<CoveringNotice>("notice", true);
    let plan = sections.take::<Plan>("plan", true);
    let references = sections.take::<Vec<Reference>>("references", false);
    let organisation = sections.take::<Organisation>("organisation", true);
    let tracks = sections.take::<Vec<Track>>("tracks", true);
    let groups = sections.take::<Vec<Group>>("groups", false);
    let format = sections.take::<Format>("format", true);
    let rules = sections.take::<Rules>("rules", true);
    let scoring = sections.take::<Scoring>("scoring", true);
    let awards = sections.take::<Awards>("awards", false);
    let registration = sections.take::<Registration>("registration", true);
    let schedule = sections.take::<Vec<Stage>>("schedule", false);
    let venue = sections.take::<String>("venue", true);
    let costs = sections.take::<Costs>("costs", true);
    let contacts = sections.take::<Vec<Contact>>("contacts", true);
    let attachments = sections.take::<Vec<Attachment>>("attachments", false);
    let results = sections.take::<ResultsConfig>("results", false);
    let problems = sections.into_problems();
    if problems.has_errors() {
        return Err(problems);
    }
    let missing = || Problems::default();
    Ok(Contest {
        site: site.unwrap_or(Site {
            base_url: None,
            notices_per_page: None,
        }),
        contest: contest.ok_or_else(missing)?,
        plan: plan.ok_or_else(missing)?,
        notice: notice.ok_or_else(missing)?,
        references: references.unwrap_or_default(),
        organisation: organisation.ok_or_else(missing)?,
        tracks: tracks.ok_or_else(missing)?,
        groups: groups.unwrap_or_default(),
        format: format.ok_or_else(missing)?,
        rules: rules.ok_or_else(missing)?,
        scoring: scoring.ok_or_else(missing)?,
        awards: awards.unwrap_or(Awards {
            basis: None,
            min_finalists: None,
            below_minimum: None,
            ranks_below_minimum: true,
        }),
        registration: registration.ok_or_else(missing)?,
        schedule: schedule.unwrap_or_default(),
        venue: venue.ok_or_else(missing)?,
        costs: costs.ok_or_else(missing)?,
        contacts: contacts.ok_or_else(missing)?,
        attachments: attachments.unwrap_or_default(),
        results: results.unwrap_or_default(),
    })
}

/// A path shown relative to the contest folder when it is inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

impl Contest {
    /// The attachment that names the form `form` (`form: registration`), if one does.
    pub fn attachment_of(&self, form: &values::Id) -> Option<&Attachment> {
        self.attachments
            .iter()
            .find(|a| a.form.as_ref().is_some_and(|f| f.value == *form))
    }

    /// Notices listed per page.
    pub fn notices_per_page(&self) -> usize {
        self.site
            .notices_per_page
            .as_ref()
            .map_or(20, |n| n.value.max(1) as usize)
    }

    /// The public address without a trailing slash, when set.
    pub fn base_url(&self) -> Option<&str> {
        self.site
            .base_url
            .as_ref()
            .map(|b| b.value.trim().trim_end_matches('/'))
            .filter(|b| !b.is_empty())
    }

    /// The stage marked as the contest itself.
    pub fn contest_stage(&self) -> Option<&Stage> {
        self.schedule.iter().find(|s| s.is_contest)
    }

    /// The stages that are the contest itself (one per track when tracks compete on different days).
    pub fn contest_stages(&self) -> impl Iterator<Item = &Stage> {
        self.schedule.iter().filter(|s| s.is_contest)
    }

    /// A group by id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id.value.as_str() == id)
    }

    /// The groups a track runs for.
    pub fn groups_of<'a>(&'a self, track: &'a Track) -> Vec<&'a Group> {
        match &track.groups {
            None => self.groups.iter().collect(),
            Some(ids) => ids
                .iter()
                .filter_map(|id| self.group(id.value.as_str()))
                .collect(),
        }
    }

    /// A reference by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id.value.as_str() == id)
    }
}
