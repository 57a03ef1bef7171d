//! Checks across sections that the types alone cannot express: references resolve, ids are unique,
//! weights add up, dates are in order, and the plan's wording still matches the data.

use super::values::{Day, When};
use super::yaml::spanned_at;
use super::{Contest, Project};
use crate::diagnostics::{Problem, Problems, SourceFile};
use serde_saphyr::Spanned;
use std::collections::HashMap;

/// The longest `site.base_url`: the notice PDF carries it in a QR code, which holds at most about 2,900
/// bytes; real addresses are far shorter.
pub const MAX_BASE_URL: usize = 512;

/// Runs every check on a parsed project.
pub fn check(project: &Project) -> Problems {
    let file = &project.contest_file;
    let c = &project.contest;
    let mut out = Checker {
        file,
        problems: Problems::default(),
    };
    out.unique_ids("track", c.tracks.iter().map(|t| &t.id));
    out.unique_ids("group", c.groups.iter().map(|g| &g.id));
    out.unique_ids("reference", c.references.iter().map(|r| &r.id));
    out.unique_ids("schedule stage", c.schedule.iter().map(|s| &s.id));
    out.unique_ids("scoring part", c.scoring.parts.value.iter().map(|p| &p.id));
    out.unique_numbers("attachment", c.attachments.iter().map(|a| &a.number));
    out.references(c);
    out.scoring(c);
    out.dates(c);
    out.contacts(c);
    out.site(c);
    out.page_names(c);
    out.plan_mentions(c);
    out.problems.extend(super::results_section::check(c, file));
    out.problems
}

struct Checker<'a> {
    file: &'a SourceFile,
    problems: Problems,
}

impl Checker<'_> {
    fn error_at<T>(&mut self, at: &Spanned<T>, message: String, help: &str) {
        let problem = match spanned_at(self.file, at) {
            Some(span) => Problem::at(self.file, span, message),
            None => Problem::general(Some(self.file), message),
        };
        self.problems.push(problem.with_help(help.to_string()));
    }

    fn unique_ids<'b, T: ToString + 'b>(
        &mut self,
        what: &str,
        ids: impl Iterator<Item = &'b Spanned<T>>,
    ) {
        let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
        for id in ids {
            let key = id.value.to_string();
            if let Some(first) = seen.get(&key) {
                let line = self.file.line_column(first.0).0;
                self.error_at(
                    id,
                    format!("the {what} id `{key}` is used twice"),
                    &format!("the first one is on line {line}; ids must be unique"),
                );
            } else {
                seen.insert(key, spanned_at(self.file, id).unwrap_or((0, 0)));
            }
        }
    }

    fn unique_numbers<'b>(&mut self, what: &str, numbers: impl Iterator<Item = &'b Spanned<u32>>) {
        let mut seen = Vec::new();
        for number in numbers {
            if seen.contains(&number.value) {
                self.error_at(
                    number,
                    format!("{what} {} is numbered twice", number.value),
                    "number the attachments 1, 2, 3, …",
                );
            }
            seen.push(number.value);
        }
    }

    fn references(&mut self, c: &Contest) {
        let group_ids: Vec<&str> = c.groups.iter().map(|g| g.id.value.as_str()).collect();
        let known_groups = group_ids.join(", ");
        for track in &c.tracks {
            for group in track.groups.iter().flatten() {
                if !group_ids.contains(&group.value.as_str()) {
                    self.error_at(
                        group,
                        format!(
                            "track `{}` refers to the group `{}`, which is not defined",
                            track.id.value, group.value
                        ),
                        &format!("define it under `groups:` or use one of: {known_groups}"),
                    );
                }
            }
        }
        let track_ids: Vec<&str> = c.tracks.iter().map(|t| t.id.value.as_str()).collect();
        for stage in &c.schedule {
            for track in stage.tracks.iter().flatten() {
                if !track_ids.contains(&track.value.as_str()) {
                    self.error_at(
                        track,
                        format!(
                            "the stage `{}` refers to the track `{}`, which is not defined",
                            stage.id.value, track.value
                        ),
                        &format!(
                            "define it under `tracks:` or use one of: {}",
                            track_ids.join(", ")
                        ),
                    );
                }
            }
        }
        for restriction in &c.rules.group_restrictions {
            if !group_ids.contains(&restriction.group.value.as_str()) {
                self.error_at(
                    &restriction.group,
                    format!(
                        "the rule refers to the group `{}`, which is not defined",
                        restriction.group.value
                    ),
                    &format!("use one of: {known_groups}"),
                );
            }
        }
        if let Some(basis) = &c.awards.basis {
            if c.reference(basis.value.as_str()).is_none() {
                let known: Vec<&str> = c.references.iter().map(|r| r.id.value.as_str()).collect();
                self.error_at(
                    basis,
                    format!(
                        "awards refer to the document `{}`, which is not under `references:`",
                        basis.value
                    ),
                    &format!(
                        "add it to `references:` or use one of: {}",
                        known.join(", ")
                    ),
                );
            }
        }
        let numbers: Vec<u32> = c.attachments.iter().map(|a| a.number.value).collect();
        for material in &c.registration.materials {
            if let Some(n) = &material.attachment {
                if !numbers.contains(&n.value) {
                    self.error_at(
                        n,
                        format!("there is no attachment {}", n.value),
                        "add it under `attachments:` or fix the number",
                    );
                }
            }
        }
        let bodies: Vec<&str> = c
            .organisation
            .bodies
            .iter()
            .map(|b| b.name.value.as_str())
            .collect();
        for body in &c.organisation.bodies {
            if let Some(parent) = &body.parent {
                if !bodies.contains(&parent.value.as_str()) {
                    self.error_at(
                        parent,
                        format!(
                            "`{}` sits under `{}`, which is not one of the bodies",
                            body.name.value, parent.value
                        ),
                        &format!("use one of: {}", bodies.join(", ")),
                    );
                }
            }
        }
        if c.tracks.is_empty() {
            self.problems.push(
                Problem::general(Some(self.file), "the contest has no tracks")
                    .with_help("add at least one track under `tracks:`"),
            );
        }
        if c.groups.is_empty() {
            self.problems.push(
                Problem::general(Some(self.file), "the contest has no groups")
                    .with_help("add at least one group under `groups:`"),
            );
        }
    }

    fn scoring(&mut self, c: &Contest) {
        let parts = &c.scoring.parts;
        if parts.value.is_empty() {
            self.error_at(
                parts,
                "scoring has no parts".into(),
                "add at least one part, for example a practical part with weight 100",
            );
            return;
        }
        for part in &parts.value {
            if part.weight.value == 0 || part.weight.value > 100 {
                self.error_at(
                    &part.weight,
                    format!(
                        "the weight of `{}` must be between 1 and 100 percent",
                        part.name
                    ),
                    "weights are percentages of the total",
                );
            }
        }
        let sum: u32 = parts.value.iter().map(|p| p.weight.value).sum();
        if sum != 100 {
            let listed: Vec<String> = parts
                .value
                .iter()
                .map(|p| format!("{} {}%", p.name, p.weight.value))
                .collect();
            self.error_at(
                &parts.value[0].weight,
                format!(
                    "the scoring weights add up to {sum}%, not 100% ({})",
                    listed.join(" + ")
                ),
                "change the weights so that they add up to 100",
            );
        }
        if c.rules.quota.per_unit.value == 0 {
            self.error_at(
                &c.rules.quota.per_unit,
                "a unit may send at least one contestant".into(),
                "write a number of 1 or more",
            );
        }
        if let Some(size) = &c.format.team_size {
            if size.value == 0 {
                self.error_at(
                    size,
                    "a team has at least one member".into(),
                    "write 1 for an individual event",
                );
            }
        }
    }

    fn dates(&mut self, c: &Contest) {
        let deadline = &c.registration.deadline;
        for stage in &c.schedule {
            if let (When::On(start), Some(until)) = (stage.date.value, &stage.until) {
                if until.value < start {
                    self.error_at(
                        until,
                        format!(
                            "`{}` ends on {} before it starts on {}",
                            stage.name, until.value, start
                        ),
                        "the end date must be on or after the start date",
                    );
                }
            }
            if stage.until.is_some() && stage.date.value == When::Tbd {
                if let Some(until) = &stage.until {
                    self.error_at(
                        until,
                        format!("`{}` has an end date but its start is `tbd`", stage.name),
                        "give a start date or remove `until`",
                    );
                }
            }
        }
        for stage in c.contest_stages() {
            if let When::On(start) = stage.date.value {
                if deadline.value.day > start {
                    self.error_at(
                        deadline,
                        format!("the registration deadline {} is after the contest starts on {}", deadline.value.day, start),
                        &format!("registration must close before the contest: move the deadline before {start} or the contest date (line {})", self.file.line_column(spanned_at(self.file, &stage.date).map_or(0, |s| s.0)).0),
                    );
                }
            }
        }
        // Tracks may compete on different days, but each track has at most one contest stage.
        let contest_stages: Vec<_> = c.contest_stages().collect();
        for (i, later) in contest_stages.iter().enumerate() {
            let covers = |stage: &crate::model::Stage, track: &str| {
                stage
                    .tracks
                    .as_ref()
                    .is_none_or(|ids| ids.iter().any(|id| id.value.as_str() == track))
            };
            let clash = contest_stages[..i].iter().find(|earlier| {
                c.tracks.iter().any(|t| {
                    covers(earlier, t.id.value.as_str()) && covers(later, t.id.value.as_str())
                })
            });
            if let Some(earlier) = clash {
                self.error_at(
                    &later.id,
                    format!("the stages `{}` and `{}` are both the contest of the same track", earlier.id.value, later.id.value),
                    "when tracks compete on different days, give each contest stage its own `tracks: [...]`",
                );
            }
        }
        if let Some(text) = &c.registration.deadline_text {
            self.weekday_matches(text, deadline.value.day);
        }
        if deadline.value.day < c.notice.date.value {
            self.error_at(
                deadline,
                format!(
                    "the registration deadline {} is before the notice date {}",
                    deadline.value.day, c.notice.date.value
                ),
                "check the year, month and day",
            );
        }
    }

    fn weekday_matches(&mut self, text: &Spanned<String>, day: Day) {
        let actual = day.weekday_chinese();
        for name in [
            "星期一",
            "星期二",
            "星期三",
            "星期四",
            "星期五",
            "星期六",
            "星期日",
            "星期天",
        ] {
            if text.value.contains(name)
                && name != actual
                && !(name == "星期天" && actual == "星期日")
            {
                self.error_at(
                    text,
                    format!("{} is a {actual}, but the text says {name}", day.chinese()),
                    "correct the weekday or the date",
                );
            }
        }
        if !text.value.contains(&day.chinese()) {
            self.error_at(
                text,
                format!(
                    "the deadline text does not mention the deadline {}",
                    day.chinese()
                ),
                "write the same date as `deadline:`",
            );
        }
    }

    fn contacts(&mut self, c: &Contest) {
        if c.contacts.is_empty() {
            self.problems.push(
                Problem::general(Some(self.file), "the contest has no contact person")
                    .with_help("add one under `contacts:`"),
            );
        }
        let emails = c
            .contacts
            .iter()
            .filter_map(|k| k.email.as_ref())
            .chain(c.registration.email.as_ref());
        let bad: Vec<&Spanned<String>> = emails.filter(|e| !looks_like_email(&e.value)).collect();
        for email in bad {
            self.error_at(
                email,
                format!("`{}` is not an e-mail address", email.value),
                "write it as name@example.cn",
            );
        }
        let bad: Vec<&Spanned<String>> = c
            .contacts
            .iter()
            .filter_map(|k| k.phone.as_ref())
            .filter(|p| !looks_like_phone(&p.value))
            .collect();
        for phone in bad {
            self.error_at(
                phone,
                format!("`{}` is not a phone number", phone.value),
                "write digits, optionally with an area code and `-`, in quotes: \"022-12345678\"",
            );
        }
    }

    fn site(&mut self, c: &Contest) {
        if c.base_url().is_none() {
            self.problems.push(
                Problem::general(Some(self.file), "`site.base_url` is empty, so `sitemap.xml` is not written, the feed and calendar use relative addresses and the 404 page assumes the site is at the root of its server")
                    .with_help("set `base_url` under `site:` to the public address once it is known, for example https://contest.example.cn/ai-2025/")
                    .warning(),
            );
        }
        if let Some(url) = &c.site.base_url {
            let v = url.value.trim();
            if !v.is_empty() && !(v.starts_with("https://") || v.starts_with("http://")) {
                self.error_at(url, format!("`{v}` is not a web address"), "write it with https://, for example https://contest.example.cn/ai-2025/, or leave it empty");
            } else if v.len() > MAX_BASE_URL {
                self.error_at(url, format!("the address is {} characters long, more than the {MAX_BASE_URL} a QR code on the notice can carry", v.len()), "use the site's short public address, for example https://contest.example.cn/ai-2025/");
            }
        }
        if let Some(n) = &c.site.notices_per_page {
            if n.value == 0 {
                self.error_at(
                    n,
                    "at least one notice must be listed per page".into(),
                    "write a number such as 20",
                );
            }
        }
    }

    /// Refuses ids whose pages would replace another page: a track `index` (the list of tracks), and two
    /// track and group pairs that make the same results page (`ai` + `x-staff` and `ai-x` + `staff`).
    fn page_names(&mut self, c: &Contest) {
        for track in &c.tracks {
            if track.id.value.0 == "index" {
                self.error_at(
                    &track.id,
                    "the track id `index` would replace the list of tracks (`tracks/index.html`)"
                        .into(),
                    "choose another id for this track",
                );
            }
        }
        let mut pages: HashMap<String, (&str, &str)> = HashMap::new();
        for track in &c.tracks {
            let groups: Vec<&str> = match &track.groups {
                Some(ids) => ids.iter().map(|g| g.value.0.as_str()).collect(),
                None => c.groups.iter().map(|g| g.id.value.0.as_str()).collect(),
            };
            for group in groups {
                let page = format!("{}-{group}", track.id.value.0);
                let this = (track.id.value.0.as_str(), group);
                match pages.get(&page) {
                    Some(&(t, g)) if (t, g) != this => self.error_at(
                        &track.id,
                        format!(
                            "track `{}` with group `{group}` and track `{t}` with group `{g}` would both have the results page `results/{page}.html`",
                            this.0
                        ),
                        "rename one of these track or group ids so that track-group pairs differ",
                    ),
                    _ => {
                        pages.insert(page, this);
                    }
                }
            }
        }
    }

    /// Warns when the plan's wording no longer mentions a fact of the definition.
    fn plan_mentions(&mut self, c: &Contest) {
        let mut text = String::new();
        for section in &c.plan.sections {
            for p in section
                .paragraphs
                .iter()
                .chain(section.subsections.iter().flat_map(|s| s.paragraphs.iter()))
            {
                text.push_str(p);
            }
        }
        let mut expected: Vec<(String, &str)> = Vec::new();
        for track in &c.tracks {
            expected.push((track.name.clone(), "track"));
        }
        for group in &c.groups {
            expected.push((group.name.trim_end_matches('组').to_string(), "group"));
        }
        expected.push((
            c.registration.deadline.value.day.chinese(),
            "registration deadline",
        ));
        for part in &c.scoring.parts.value {
            expected.push((format!("{}%", part.weight.value), "scoring weight"));
        }
        let unit = match c.format.event {
            crate::model::EventKind::Individual => "人",
            crate::model::EventKind::Team => "支",
        };
        expected.push((
            format!("{}{unit}", c.rules.quota.per_unit.value),
            "per-unit quota",
        ));
        for (needle, what) in expected {
            if !text.contains(&needle) {
                self.problems.push(
                    Problem::general(Some(self.file), format!("the plan text does not mention the {what} `{needle}`"))
                        .with_help("the plan under `plan:` is published as written: update its wording to match the definition")
                        .warning(),
                );
            }
        }
    }
}

fn looks_like_email(text: &str) -> bool {
    let text = text.trim();
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn looks_like_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')' | '（' | '）' | '转')
        })
}
