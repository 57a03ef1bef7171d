//! The checks of `rules:` that a form can state, when it has a field for them:
//!
//! - a 荣誉 field ([`Role::Honours`]) naming one of `rules.barred_honours` or `barred_qualifications`
//!   is a problem at the field (the entry is held back); one of `rules.no_award_honours` is carried into
//!   the score sheet's 荣誉 column ([`no_award_honours`]) and noted in the unit's report;
//! - free text ([`Role::FreeText`]: 个人简历, 备注, 现有职业资格及等级) naming one of them is only a
//!   warning at the field, to check by hand: a résumé may say 指导学生获得全国技术能手;
//! - a coach field ([`Role::Coach`]) naming more people than `rules.coaches_per_contestant` is a problem
//!   at the field;
//! - the people of each unit in `rules.unit_roles` (领队, 联络员), when some form of the contest has a
//!   field for the role: a required role named by no entry of the unit, or more distinct people than its
//!   `count`, is a problem for the unit (it holds back no contestant). A role no form asks for is not
//!   checked.
//!
//! Words are compared without spaces and quotation marks, so 已获得全国技术能手申报资格 names
//! 已获得“全国技术能手”申报资格.

use super::check::{finding, unit_key};
use super::fields::Role;
use super::{Entry, EntryField, Finding};
use crate::model::Contest;
use crate::model::forms::Form;
use crate::msg;
use std::collections::BTreeMap;

/// What a 荣誉 or coach field says when there is none.
const NONE_WORDS: [&str; 5] = ["无", "没有", "暂无", "-", "—"];
/// What separates honours, or names, in one field.
const SEPARATORS: [char; 10] = ['、', ',', '，', ';', '；', '/', '／', '\n', '\r', '|'];

/// A text as compared with the words of the rules: without spaces and quotation marks.
fn bare(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | '『' | '』'
                )
        })
        .collect()
}

/// The items of a field (honours or names), without separators and words for none.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty() && !NONE_WORDS.contains(p))
}

/// The words of `list` that `text` names, in the order of the list, leaving out a word inside another
/// named one (全国技术能手 inside 已获得“全国技术能手”申报资格).
fn named<'a>(text: &str, list: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let text = bare(text);
    let mut found: Vec<(&str, String)> = Vec::new();
    for word in list {
        let key = bare(word);
        if !key.is_empty() && text.contains(&key) && !found.iter().any(|(_, k)| *k == key) {
            found.push((word.as_str(), key));
        }
    }
    found
        .iter()
        .filter(|(_, key)| {
            !found
                .iter()
                .any(|(_, o)| o != key && o.contains(key.as_str()))
        })
        .map(|(word, _)| *word)
        .collect()
}

/// Words in quotation marks (“全国技术能手”), joined; a word that has its own is left as it is.
fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            if w.contains('“') {
                (*w).to_string()
            } else {
                format!("“{w}”")
            }
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The honours and qualifications that bar an entrant.
fn barred(contest: &Contest) -> impl Iterator<Item = &String> {
    let rules = &contest.rules;
    rules
        .barred_honours
        .iter()
        .chain(&rules.barred_qualifications)
}

/// The honours of an entry's 荣誉 fields that enter without an award (`rules.no_award_honours`), as
/// written, each once; none when one of them bars the entrant.
pub(super) fn no_award_honours(contest: &Contest, entry: &Entry) -> Vec<String> {
    let rules = &contest.rules;
    let mut honours: Vec<String> = Vec::new();
    if rules.no_award_honours.is_empty() {
        return honours;
    }
    for field in entry.fields().filter(|f| f.role == Role::Honours) {
        if !named(&field.text, barred(contest)).is_empty() {
            return Vec::new();
        }
        for item in items(&field.text) {
            if !named(item, rules.no_award_honours.iter()).is_empty()
                && !honours.iter().any(|h| h == item)
            {
                honours.push(item.to_string());
            }
        }
    }
    honours
}

/// The checks of one entry's honours, free text and coaches.
pub(super) fn entry(contest: &Contest, index: usize, entry: &Entry, findings: &mut Vec<Finding>) {
    let rules = &contest.rules;
    for field in entry.fields().filter(|f| !f.text.is_empty()) {
        let mut push = |message, help, warning| {
            let mut found = finding(entry, index, Some(field), message, help);
            found.warning = warning;
            findings.push(found);
        };
        let label = field.label.as_str();
        match field.role {
            Role::Honours => {
                let words = named(&field.text, barred(contest));
                if !words.is_empty() {
                    let honours = quoted(&words);
                    push(
                        msg!("roster-barred-honour", label, honours),
                        msg!("roster-barred-honour-help"),
                        false,
                    );
                }
            }
            Role::FreeText => {
                let words = named(&field.text, barred(contest));
                if !words.is_empty() {
                    let honours = quoted(&words);
                    push(
                        msg!("roster-mentions-barred", label, honours),
                        msg!("roster-mentions-barred-help"),
                        true,
                    );
                }
                let words = named(&field.text, rules.no_award_honours.iter());
                if !words.is_empty() {
                    let honours = quoted(&words);
                    push(
                        msg!("roster-mentions-no-award", label, honours),
                        msg!("roster-mentions-no-award-help"),
                        true,
                    );
                }
            }
            Role::Coach => {
                let Some(max) = rules.coaches_per_contestant else {
                    continue;
                };
                let mut names: Vec<String> = items(&field.text).map(bare).collect();
                names.sort();
                names.dedup();
                if names.len() > max as usize {
                    push(
                        msg!(
                            "roster-too-many-coaches",
                            label,
                            value = &field.text,
                            count = names.len(),
                            max
                        ),
                        msg!("roster-too-many-coaches-help", max),
                        false,
                    );
                }
            }
            _ => {}
        }
    }
}

/// The people each unit names in each of `rules.unit_roles` that some form asks for.
pub(super) fn unit_roles(
    contest: &Contest,
    forms: &[Form],
    entries: &[Entry],
    findings: &mut Vec<Finding>,
) {
    if contest.rules.unit_roles.is_empty() {
        return;
    }
    let individual = super::check::individual_unit(contest);
    let mut units: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let unit = unit_key(entry.text(Role::Unit));
        if !unit.is_empty() && individual.as_deref() != Some(unit.as_str()) {
            units.entry(unit).or_default().push(i);
        }
    }
    for (r, role) in contest.rules.unit_roles.iter().enumerate() {
        let asking: Vec<&str> = forms
            .iter()
            .filter(|f| super::read::form_roles(f, contest).contains(&Role::UnitRole(r)))
            .map(|f| f.name.as_str())
            .collect();
        if asking.is_empty() {
            continue;
        }
        let check = RoleCheck {
            role: r,
            name: &role.name.value,
            count: role.count.value as usize,
            required: role.required,
            forms: asking.join("、"),
        };
        for members in units.values() {
            check.unit(entries, members, findings);
        }
    }
}

/// One of `rules.unit_roles`, checked unit by unit.
struct RoleCheck<'a> {
    /// Its index.
    role: usize,
    /// Its name (领队).
    name: &'a str,
    /// How many people a unit names at most.
    count: usize,
    /// Whether every unit must name one.
    required: bool,
    /// The forms with a field for it, joined.
    forms: String,
}

impl RoleCheck<'_> {
    /// The people one unit (its entries, `members`) names in the role, each with the first field that
    /// names them.
    fn unit(&self, entries: &[Entry], members: &[usize], findings: &mut Vec<Finding>) {
        let role = Role::UnitRole(self.role);
        let mut people: Vec<(String, &str, usize, &EntryField)> = Vec::new();
        for &i in members {
            for field in entries[i].fields().filter(|f| f.role == role) {
                for person in items(&field.text) {
                    let key = bare(person);
                    if !people.iter().any(|(k, ..)| *k == key) {
                        people.push((key, person, i, field));
                    }
                }
            }
        }
        let unit = entries[members[0]].text(Role::Unit);
        let mut found = if people.is_empty() && self.required {
            // At the first empty field for the role, or at the unit of the unit's first entry.
            let at = members
                .iter()
                .copied()
                .find(|&i| entries[i].field(role).is_some())
                .unwrap_or(members[0]);
            let first = &entries[at];
            let field = first.field(role).or_else(|| first.field(Role::Unit));
            finding(
                first,
                at,
                field,
                msg!(
                    "roster-role-missing",
                    unit,
                    role = self.name,
                    count = self.count
                ),
                msg!(
                    "roster-role-missing-help",
                    role = self.name,
                    forms = &self.forms
                ),
            )
        } else if people.len() > self.count {
            let (_, _, i, field) = people[self.count];
            let names: Vec<&str> = people.iter().map(|(_, name, ..)| *name).collect();
            finding(
                &entries[i],
                i,
                Some(field),
                msg!(
                    "roster-role-too-many",
                    unit,
                    role = self.name,
                    count = people.len(),
                    names = names.join("、"),
                    max = self.count
                ),
                msg!(
                    "roster-role-too-many-help",
                    role = self.name,
                    max = self.count
                ),
            )
        } else {
            return;
        };
        // The unit's people are its business: no contestant is held back for them.
        found.entries = Vec::new();
        findings.push(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_without_spaces_or_quotation_marks_and_inner_ones_left_out() {
        let list = [
            "全国技术能手".to_string(),
            "已获得“全国技术能手”申报资格".to_string(),
        ];
        assert_eq!(
            named("2024年 已获得全国技术能手申报资格", list.iter()),
            ["已获得“全国技术能手”申报资格"]
        );
        assert_eq!(
            named("指导学生获得“全国技术能手”", list.iter()),
            ["全国技术能手"]
        );
        assert!(named("天津市技术能手", list.iter()).is_empty());
        let people: Vec<&str> = items("张三、李四，无").collect();
        assert_eq!(people, ["张三", "李四"]);
        assert_eq!(items("无").count(), 0);
    }
}
