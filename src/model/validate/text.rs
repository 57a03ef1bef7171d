//! Checks of what people read: contacts' phones and e-mails, the site's address, page names that do not
//! collide, and the plan's wording against the data.

use super::{Checker, MAX_BASE_URL};
use crate::diagnostics::Problem;
use crate::model::Contest;
use crate::model::yaml::spanned_at;
use serde_saphyr::Spanned;
use std::collections::HashMap;

impl Checker<'_> {
    pub(super) fn contacts(&mut self, c: &Contest) {
        if c.contacts.is_empty() {
            self.section_error(
                "contacts",
                "the contest has no contact person",
                "add one under `contacts:`, starting with `- name:`",
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
        for k in &c.contacts {
            let numbers = k
                .phone
                .iter()
                .chain(k.phones.iter().map(|p| &p.number))
                .chain(k.fax.iter());
            let bad: Vec<&Spanned<String>> =
                numbers.filter(|p| !looks_like_phone(&p.value)).collect();
            for phone in bad {
                self.error_at(
                    phone,
                    format!("`{}` is not a phone number", phone.value),
                    "write digits, optionally with an area code and `-`, in quotes: \"022-12345678\"",
                );
            }
            for phone in &k.phones {
                if phone.label.value.trim().is_empty() {
                    self.error_at(
                        &phone.label,
                        "the phone's label is empty".into(),
                        "name the number: 办公电话, 手机",
                    );
                }
            }
            if let Some(code) = &k.postcode
                && !looks_like_postcode(&code.value)
            {
                self.error_at(
                    code,
                    format!("`{}` is not a postcode", code.value),
                    "write the six digits in quotes: \"300222\"",
                );
            }
        }
    }

    pub(super) fn site(&mut self, c: &Contest) {
        if c.base_url().is_none() {
            self.problems.push(
                Problem::general(Some(self.file), "`site.base_url` is empty, so `sitemap.xml` is not written, the feed and calendar use relative addresses and the 404 page assumes the site is at the root of its server")
                    .with_help("set `base_url` under `site:` to the public address once it is known, for example https://contest.example.cn/ai-2025/")
                    .warning(),
            );
        }
        if let Some(url) = &c.site.base_url {
            let v = url.value.trim();
            if !(v.is_empty() || v.starts_with("https://") || v.starts_with("http://")) {
                self.error_at(url, format!("`{v}` is not a web address"), "write it with https://, for example https://contest.example.cn/ai-2025/, or leave it empty");
            } else if v.len() > MAX_BASE_URL {
                self.error_at(url, format!("the address is {} characters long, more than the {MAX_BASE_URL} a QR code on the notice can carry", v.len()), "use the site's short public address, for example https://contest.example.cn/ai-2025/");
            }
        }
        if let Some(n) = &c.site.notices_per_page
            && n.value == 0
        {
            self.error_at(
                n,
                "at least one notice must be listed per page".into(),
                "write a number such as 20",
            );
        }
    }

    /// The online registration platform's address is a web address the page and the calendar can link to.
    pub(super) fn registration_channels(&mut self, c: &Contest) {
        let Some(online) = &c.registration.online else {
            return;
        };
        let url = &online.url;
        let v = url.value.trim();
        let rest = v
            .strip_prefix("https://")
            .or_else(|| v.strip_prefix("http://"));
        match rest {
            Some(rest)
                if !rest.is_empty()
                    && !rest.starts_with('/')
                    && v.chars().all(is_uri_char) =>
            {
                if v.len() > MAX_BASE_URL {
                    self.error_at(url, format!("the address is {} characters long, more than the {MAX_BASE_URL} allowed", v.len()), "use the platform's short public address");
                }
            }
            _ => self.error_at(
                url,
                format!("`{v}` is not a web address"),
                "write the registration platform's address with https://, for example https://bm.example.cn/, with no spaces (other characters percent-encoded, as a browser's address bar copies them)",
            ),
        }
    }

    /// Refuses ids whose pages would replace another page: a track `index` (the list of tracks), and two
    /// track and group pairs that make the same results page (`ai` + `x-staff` and `ai-x` + `staff`).
    pub(super) fn page_names(&mut self, c: &Contest) {
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

    /// Warns when the plan's wording (its title, preamble, headings and paragraphs) no longer mentions a
    /// fact of the definition; the warning points at the fact.
    pub(super) fn plan_mentions(&mut self, c: &Contest) {
        let plan = &c.plan;
        let mut text = plan.title.clone();
        text.extend(plan.preamble.iter().map(String::as_str));
        for section in &plan.sections {
            text.push_str(&section.heading);
            text.extend(section.paragraphs.iter().map(String::as_str));
            for sub in &section.subsections {
                text.push_str(&sub.heading);
                text.extend(sub.paragraphs.iter().map(String::as_str));
            }
        }
        // What the plan should mention, what it is, and where it is defined.
        let mut expected: Vec<(String, &str, Place)> = Vec::new();
        for track in &c.tracks {
            let at = spanned_at(self.file, &track.id);
            expected.push((track.name.clone(), "name of the track", at));
        }
        for group in &c.groups {
            let name = group.name.trim_end_matches('组').to_string();
            expected.push((name, "name of the group", spanned_at(self.file, &group.id)));
        }
        let deadline = &c.registration.deadline;
        expected.push((
            deadline.value.day.chinese(),
            "registration deadline",
            spanned_at(self.file, deadline),
        ));
        for part in c.parts() {
            let at = spanned_at(self.file, &part.weight);
            expected.push((format!("{}%", part.weight.value), "scoring weight", at));
        }
        let unit = match c.format.event {
            crate::model::EventKind::Individual => "人",
            crate::model::EventKind::Team => "支",
        };
        if let Some(quota) = &c.rules.quota {
            let per_unit = &quota.per_unit;
            expected.push((
                format!("{}{unit}", per_unit.value),
                "per-unit quota",
                spanned_at(self.file, per_unit),
            ));
        }
        for (needle, what, at) in expected {
            if text.contains(&needle) {
                continue;
            }
            let message = format!("the plan text does not mention the {what} `{needle}`");
            let problem = match at {
                Some(span) => Problem::at(self.file, span, message).with_label("not in the plan"),
                None => Problem::general(Some(self.file), message),
            };
            self.problems.push(
                problem
                    .with_help("the plan under `plan:` is published as written: update its wording to match this value (or the value to match the plan)")
                    .warning(),
            );
        }
    }
}

/// Where a value is written in contest.yaml: byte offset and length.
type Place = Option<(usize, usize)>;

/// A character allowed in a URI (RFC 3986: unreserved, reserved, and `%` of percent-encoding).
fn is_uri_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(ch)
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

/// Six digits, as a Chinese postcode (邮政编码) is written.
fn looks_like_postcode(text: &str) -> bool {
    text.len() == 6 && text.chars().all(|c| c.is_ascii_digit())
}

fn looks_like_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')' | '（' | '）' | '转')
        })
}
