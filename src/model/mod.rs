//! Stage one: read `content/` into a validated model.
//!
//! [`Project::read`] reads `content/contest.yaml` and every `content/notices/*.md`, checks them, and
//! returns the model (when contest.yaml parses) with every problem found, each with its file, line and
//! column; [`crate::load`] adds the results and decides whether the folder passes.

mod contest;
pub mod eligibility;
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
pub use results_section::{
    Columns, Headers, MAX_DECIMALS, ResultsConfig, TIME_KEY, UnitAwardWinners,
};
pub use spanned::Spanned;

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::msg;
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
            problems.push(Problem::from(e).with_help(msg!("model-not-a-contest-folder-help")));
            problems
        })?;
        let contest_file = SourceFile::new(&display_path(root, &path), text);
        let reading = read_contest(&contest_file);
        let mut problems = reading.problems;
        let parsed = !problems.has_errors();
        let notices = notice::load_all(root, &mut problems);
        let mut project = None;
        if let Some(contest) = reading.contest {
            let reads = |sections: &[&str]| sections.iter().all(|s| !reading.unread.contains(s));
            let forms = if reads(&FORM_SECTIONS) {
                let (forms, found) = forms::read_forms(Some(root), &contest, &contest_file);
                problems.extend(errors_only_unless(parsed, found));
                forms
            } else {
                Vec::new()
            };
            let found = validate::check(&contest, &contest_file, &reading.unread);
            problems.extend(errors_only_unless(parsed, found));
            // A contest with a section stood in for is only for the checks above.
            project = parsed.then(|| Project {
                root: root.to_path_buf(),
                contest_file: contest_file.clone(),
                contest,
                notices: Vec::new(),
                forms,
                warnings: Problems::default(),
            });
        }
        // The blanks `jingsai init` left: one error each, instead of what is wrong inside them.
        let mut files: Vec<&SourceFile> = vec![&contest_file];
        files.extend(notices.iter().map(|n| &n.file));
        let problems = placeholders::report_blanks(problems, &files);
        if let Some(project) = &mut project {
            project.notices = notices;
        }
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

/// The sections the forms read: the attachments name them, and their choices list tracks and groups.
const FORM_SECTIONS: [&str; 3] = ["attachments", "tracks", "groups"];

/// Parses and checks the text of `contest.yaml` on its own (every section, `results:` included), as
/// [`Project::read`] does before it reads the notices: the contest with its warnings, or every problem.
pub fn check_contest(file: &SourceFile) -> Result<(Contest, Problems), Problems> {
    let reading = read_contest(file);
    let mut problems = reading.problems;
    let Some(contest) = reading.contest else {
        return Err(problems);
    };
    let parsed = !problems.has_errors();
    if FORM_SECTIONS.iter().all(|s| !reading.unread.contains(s)) {
        let found = forms::read_forms(None, &contest, file).1;
        problems.extend(errors_only_unless(parsed, found));
    }
    let found = validate::check(&contest, file, &reading.unread);
    problems.extend(errors_only_unless(parsed, found));
    problems.sort();
    if problems.has_errors() {
        return Err(problems);
    }
    Ok((contest, problems))
}

/// The problems `found` by the checks, only the errors among them unless contest.yaml was `parsed`
/// without error: while it has mistakes of its own, its warnings wait.
fn errors_only_unless(parsed: bool, mut found: Problems) -> Problems {
    if !parsed {
        found
            .0
            .retain(|p| p.severity == crate::diagnostics::Severity::Error);
    }
    found
}

/// Parses the text of `contest.yaml`; every section is read even when an earlier one fails.
pub fn parse_contest(file: &SourceFile) -> Result<Contest, Problems> {
    let reading = read_contest(file);
    match reading.contest {
        Some(contest) if !reading.problems.has_errors() => Ok(contest),
        _ => Err(reading.problems),
    }
}

/// What reading `contest.yaml` gave.
struct ContestReading {
    /// The contest, each section that could not be read stood in for by the smallest value its type
    /// accepts (see [`yaml::stand_in`]); `None` when no such value was found.
    contest: Option<Contest>,
    /// The sections that could not be read (or are missing): the checks that read them are skipped.
    unread: Vec<&'static str>,
    /// Every problem found while reading.
    problems: Problems,
}

/// Reads every section of `contest.yaml`, each on its own, so that a mistake in one section does not
/// hide those in others, nor the checks of the sections that could be read.
fn read_contest(file: &SourceFile) -> ContestReading {
    let mut sections = yaml::Sections::split(file);
    sections.reject_unknown(&SECTIONS);
    let mut read = SectionReader {
        sections,
        unread: Vec::new(),
    };
    let contest = read_sections(&mut read);
    ContestReading {
        contest,
        unread: read.unread,
        problems: read.sections.into_problems(),
    }
}

/// Reads each section in turn: the contest, or `None` when a section that could not be read has no
/// stand-in.
fn read_sections(read: &mut SectionReader) -> Option<Contest> {
    let site = read.optional::<Site>("site");
    let contest = read.required::<ContestInfo>("contest");
    let notice = read.required::<CoveringNotice>("notice");
    let plan = read.required::<Plan>("plan");
    let references = read.optional::<Vec<Reference>>("references");
    let organisation = read.required::<Organisation>("organisation");
    let tracks = read.required::<Vec<Track>>("tracks");
    let groups = read.optional::<Vec<Group>>("groups");
    let format = read.required::<Format>("format");
    let rules = read.optional::<Rules>("rules");
    let scoring = read.optional::<Spanned<Scoring>>("scoring");
    let awards = read.optional::<Awards>("awards");
    let registration = read.required::<Registration>("registration");
    let schedule = read.optional::<Vec<Stage>>("schedule");
    let venue = read.required::<String>("venue");
    let costs = read.required::<Costs>("costs");
    let contacts = read.required::<Vec<Contact>>("contacts");
    let attachments = read.optional::<Vec<Attachment>>("attachments");
    let results = read.optional::<ResultsConfig>("results");
    Some(Contest {
        site: site.unwrap_or(Site {
            base_url: None,
            notices_per_page: None,
        }),
        contest: contest?,
        plan: plan?,
        notice: notice?,
        references: references.unwrap_or_default(),
        organisation: organisation?,
        tracks: tracks?,
        groups: groups.unwrap_or_default(),
        format: format?,
        rules: rules.unwrap_or_default(),
        scoring,
        awards: awards.unwrap_or_default(),
        registration: registration?,
        schedule: schedule.unwrap_or_default(),
        venue: venue?,
        costs: costs?,
        contacts: contacts?,
        attachments: attachments.unwrap_or_default(),
        results: results.unwrap_or_default(),
    })
}

/// Reads sections, noting those that could not be read.
struct SectionReader<'a> {
    sections: yaml::Sections<'a>,
    unread: Vec<&'static str>,
}

impl SectionReader<'_> {
    /// An optional section: `None` when it is not there or could not be read (then it is noted).
    fn optional<T: serde::de::DeserializeOwned>(&mut self, key: &'static str) -> Option<T> {
        let value = self.sections.take::<T>(key, false);
        if value.is_none() && self.sections.contains(key) {
            self.unread.push(key);
        }
        value
    }

    /// A required section, or when it is missing or could not be read (then it is noted) a stand-in.
    fn required<T: serde::de::DeserializeOwned>(&mut self, key: &'static str) -> Option<T> {
        let value = self.sections.take::<T>(key, true);
        if value.is_some() {
            return value;
        }
        self.unread.push(key);
        yaml::stand_in::<T>()
    }
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

    /// `scoring:`, when given.
    pub fn scoring(&self) -> Option<&Scoring> {
        self.scoring.as_ref().map(|s| &s.value)
    }

    /// The contest-wide scoring parts; none when `scoring` or its `parts` are not given. A track may
    /// have its own ([`Contest::parts_of`]).
    pub fn parts(&self) -> &[ScoringPart] {
        self.scoring().map_or(&[], Scoring::parts)
    }

    /// The scoring a track follows: its own `scoring:` when given, else the contest's.
    pub fn scoring_of<'a>(&'a self, track: &'a Track) -> Option<&'a Scoring> {
        track
            .scoring
            .as_ref()
            .map(|s| &s.value)
            .or_else(|| self.scoring())
    }

    /// The scoring parts of a track: its own when it has a `scoring:`, else the contest's.
    pub fn parts_of<'a>(&'a self, track: &'a Track) -> &'a [ScoringPart] {
        self.scoring_of(track).map_or(&[], Scoring::parts)
    }

    /// Whether some track follows the contest-wide `scoring:` (has none of its own).
    pub fn contest_scoring_used(&self) -> bool {
        self.tracks.iter().any(|t| t.scoring.is_none())
    }

    /// Every scoring part some track uses, once per id: the contest's parts (when a track follows
    /// them), then the parts of the tracks' own scorings that are new, in the order of `tracks`. A part
    /// met again gets the modules it did not have yet; its name, weight and other keys stay the
    /// first's. These are the score columns of a results sheet (`Field::Part` and `Field::Module`
    /// index them); with no track of its own scoring they are [`Contest::parts`].
    pub fn score_parts(&self) -> Vec<ScoringPart> {
        let mut union: Vec<ScoringPart> = Vec::new();
        let contest = if self.contest_scoring_used() {
            self.parts()
        } else {
            &[]
        };
        let own = self
            .tracks
            .iter()
            .filter_map(|t| t.scoring.as_ref())
            .flat_map(|s| s.value.parts());
        for part in contest.iter().chain(own) {
            match union.iter_mut().find(|u| u.id.value == part.id.value) {
                None => union.push(part.clone()),
                Some(known) => {
                    for module in part.modules() {
                        if !known
                            .modules()
                            .iter()
                            .any(|m| m.id.value == module.id.value)
                        {
                            match &mut known.modules {
                                Some(list) => list.value.push(module.clone()),
                                None => {
                                    known.modules = Some(Spanned {
                                        value: vec![module.clone()],
                                        referenced: module.id.referenced,
                                        defined: module.id.defined,
                                    });
                                }
                            }
                        }
                    }
                }
            }
        }
        union
    }

    /// The award tiers the results follow: `awards.tiers`, or the older `results.tiers` (giving both
    /// is an error).
    pub fn award_tiers(&self) -> &[Spanned<Tier>] {
        if self.awards.tiers.is_empty() {
            &self.results.tiers
        } else {
            &self.awards.tiers
        }
    }

    /// A reference by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id.value.as_str() == id)
    }
}
