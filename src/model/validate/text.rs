//! Checks of what people read: contacts' phones and e-mails, the site's address, page names that do not
//! collide, and the plan's wording against the data.

use super::{Checker, MAX_BASE_URL};
use crate::diagnostics::Problem;
use crate::i18n::Text;
use crate::model::Contest;
use crate::model::Spanned;
use crate::model::yaml::{spanned_at, top_level_key};
use crate::msg;
use std::collections::HashMap;

impl Checker<'_> {
    pub(super) fn contacts(&mut self, c: &Contest) {
        if c.contacts.is_empty() {
            self.section_error(
                "contacts",
                msg!("validate-no-contacts"),
                msg!("validate-no-contacts-help"),
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
                msg!("validate-not-email", value = &email.value),
                msg!("validate-not-email-help"),
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
                    msg!("validate-not-phone", value = &phone.value),
                    msg!("validate-not-phone-help"),
                );
            }
            for phone in &k.phones {
                if phone.label.value.trim().is_empty() {
                    self.error_at(
                        &phone.label,
                        msg!("validate-phone-label-empty"),
                        msg!("validate-phone-label-empty-help"),
                    );
                }
            }
            if let Some(code) = &k.postcode
                && !looks_like_postcode(&code.value)
            {
                self.error_at(
                    code,
                    msg!("validate-not-postcode", value = &code.value),
                    msg!("validate-not-postcode-help"),
                );
            }
        }
    }

    pub(super) fn site(&mut self, c: &Contest) {
        if c.base_url().is_none() {
            let message = msg!("validate-no-base-url");
            // At the empty value when it is written, else at `site:`, else (no `site:`) the file.
            let at = match &c.site.base_url {
                Some(url) => spanned_at(self.file, url),
                None => top_level_key(self.file, "site"),
            };
            let problem = match at {
                Some(span) => Problem::at(self.file, span, message)
                    .with_label(msg!("validate-no-base-url-label")),
                None => Problem::general(Some(self.file), message),
            };
            self.problems.push(
                problem
                    .with_help(msg!("validate-no-base-url-help"))
                    .warning(),
            );
        }
        if let Some(url) = &c.site.base_url {
            let v = url.value.trim();
            if !(v.is_empty() || v.starts_with("https://") || v.starts_with("http://")) {
                self.error_at(
                    url,
                    msg!("validate-not-web-address", value = v),
                    msg!("validate-base-url-help"),
                );
            } else if v.len() > MAX_BASE_URL {
                self.error_at(
                    url,
                    msg!(
                        "validate-base-url-too-long",
                        length = v.len(),
                        max = MAX_BASE_URL
                    ),
                    msg!("validate-base-url-too-long-help"),
                );
            }
        }
        if let Some(n) = &c.site.notices_per_page
            && n.value == 0
        {
            self.error_at(
                n,
                msg!("validate-notices-per-page-zero"),
                msg!("validate-notices-per-page-zero-help"),
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
                if !rest.is_empty() && !rest.starts_with('/') && v.chars().all(is_uri_char) =>
            {
                if v.len() > MAX_BASE_URL {
                    self.error_at(
                        url,
                        msg!(
                            "validate-online-url-too-long",
                            length = v.len(),
                            max = MAX_BASE_URL
                        ),
                        msg!("validate-online-url-too-long-help"),
                    );
                }
            }
            _ => self.error_at(
                url,
                msg!("validate-not-web-address", value = v),
                msg!("validate-online-url-help"),
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
                    msg!("validate-track-index"),
                    msg!("validate-track-index-help"),
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
                        msg!(
                            "validate-same-results-page",
                            track = this.0,
                            group,
                            other_track = t,
                            other_group = g,
                            page = &page
                        ),
                        msg!("validate-same-results-page-help"),
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
        let mut expected: Vec<(String, Text, Place)> = Vec::new();
        for track in &c.tracks {
            let at = spanned_at(self.file, &track.id);
            expected.push((track.name.clone(), msg!("validate-plan-track-name"), at));
        }
        for group in &c.groups {
            let name = group.name.trim_end_matches('组').to_string();
            let at = spanned_at(self.file, &group.id);
            expected.push((name, msg!("validate-plan-group-name"), at));
        }
        let deadline = &c.registration.deadline;
        if !mentions_day(&text, &deadline.value.day) {
            expected.push((
                deadline.value.day.chinese(),
                msg!("validate-plan-deadline"),
                spanned_at(self.file, deadline),
            ));
        }
        for part in c.parts() {
            let at = spanned_at(self.file, &part.weight);
            let weight = format!("{}%", part.weight.value);
            expected.push((weight, msg!("validate-plan-weight"), at));
        }
        let unit = match c.format.event {
            crate::model::EventKind::Individual => "人",
            crate::model::EventKind::Team => "支",
        };
        if let Some(quota) = &c.rules.quota {
            let per_unit = &quota.per_unit;
            expected.push((
                format!("{}{unit}", per_unit.value),
                msg!("validate-plan-quota"),
                spanned_at(self.file, per_unit),
            ));
        }
        for (needle, what, at) in expected {
            if text.contains(&needle) {
                continue;
            }
            let message = msg!("validate-plan-missing", what, value = needle);
            let problem = match at {
                Some(span) => Problem::at(self.file, span, message)
                    .with_label(msg!("validate-plan-missing-label")),
                None => Problem::general(Some(self.file), message),
            };
            self.problems.push(
                problem
                    .with_help(msg!("validate-plan-missing-help"))
                    .warning(),
            );
        }
    }
}

/// Where a value is written in contest.yaml: byte offset and length.
type Place = Option<(usize, usize)>;

/// Whether `text` names `day` as Chinese prose does: in full (2026年4月10日), or with its year (and month)
/// written once before it, as the end of a range is (2026年3月23日至4月10日, 2026年4月1日至10日).
fn mentions_day(text: &str, day: &crate::model::values::Day) -> bool {
    let (year, month, date) = (day.0.year(), day.0.month(), day.0.day());
    if text.contains(&day.chinese()) {
        return true;
    }
    let after = |needle: &str, earlier: &str| {
        text.match_indices(needle)
            .any(|(at, _)| text[..at].contains(earlier))
    };
    let month_day = format!("{month}月{date}日");
    // Not the tail of a longer number (14月10日 is no date; 4月10日 inside 2025年4月10日 is another year).
    let clean = |at: usize| {
        let before = text[..at].chars().next_back();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '年')
    };
    let month_day_found = text
        .match_indices(&month_day)
        .any(|(at, _)| clean(at) && text[..at].contains(&format!("{year}年")));
    month_day_found
        || after(&format!("至{date}日"), &format!("{year}年{month}月"))
        || after(&format!("到{date}日"), &format!("{year}年{month}月"))
}

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

#[cfg(test)]
mod tests {
    use super::mentions_day;
    use crate::model::values::Day;

    fn day(y: i16, m: i8, d: i8) -> Day {
        Day(jiff::civil::date(y, m, d))
    }

    #[test]
    fn a_deadline_is_mentioned_in_full_or_as_the_end_of_a_range() {
        let deadline = day(2026, 4, 10);
        assert!(mentions_day("报名截止时间为2026年4月10日。", &deadline));
        assert!(mentions_day(
            "报名时间：2026年3月23日至4月10日。",
            &deadline
        ));
        assert!(mentions_day("报名时间：2026年4月1日至10日。", &deadline));
        assert!(mentions_day("2026年4月1日到10日", &deadline));
    }

    #[test]
    fn another_year_or_month_is_not_the_deadline() {
        let deadline = day(2026, 4, 10);
        assert!(!mentions_day("报名截止时间为2025年4月10日。", &deadline));
        assert!(!mentions_day("4月10日截止（年份未写）", &deadline));
        assert!(!mentions_day("2026年3月1日至10日", &deadline));
        assert!(!mentions_day("2026年1月1日起，14月10日", &deadline));
    }
}
