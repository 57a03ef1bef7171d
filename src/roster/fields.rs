//! What each input of a form means for a roster, from its declaration (data, not field names): a
//! 身份证号 comb or column is the ID number, a choice from the tracks is the track, from the groups the
//! group, a choice between 男 and 女 the sex, a phone input a phone number (a mobile one when its label
//! says 手机), the 填表日期 a fill date; a text input is the name or the unit by its id (`name`,
//! `unit`) or its label (姓名, 所在单位, 单位名称, ...), `team` the team, `honours` or 荣誉 (所获荣誉,
//! 获奖情况, ...) the honours held, `coach` or 教练姓名 (指导教师, ...) the coaches, and a label naming one
//! of `rules.unit_roles` (领队, 领队姓名) that person of the unit. Every other text or multiline input
//! (现有职业资格及等级, 个人简历, 备注) is free text, read only to look for honours the rules name.

use crate::model::Contest;
use crate::model::forms::{ColumnKind, Form, InputKind, Options, plain_label};
use std::collections::HashMap;

/// What a field says of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 姓名.
    Name,
    /// The unit (所在单位, 单位名称).
    Unit,
    /// 性别.
    Sex,
    /// 身份证号.
    IdNumber,
    /// 赛项.
    Track,
    /// 组别.
    Group,
    /// A phone number; `true` for a mobile number (its label says 手机).
    Phone(bool),
    /// 填表日期.
    FillDate,
    /// The team (参赛队别).
    Team,
    /// The honours held (荣誉): checked against `rules.barred_honours` and `no_award_honours`.
    Honours,
    /// The contestant's coaches (教练姓名, 指导教师), at most `rules.coaches_per_contestant`.
    Coach,
    /// The person of the unit in one of `rules.unit_roles` (its index): 领队, 联络员.
    UnitRole(usize),
    /// Any other text (个人简历, 备注, 现有职业资格及等级): a mention of an honour the rules name is
    /// a warning.
    FreeText,
}

impl Role {
    /// The word for the role when the form has no field for it.
    pub fn word(self) -> &'static str {
        match self {
            Role::Name => "姓名",
            Role::Unit => "单位",
            Role::Sex => "性别",
            Role::IdNumber => "身份证号",
            Role::Track => "赛项",
            Role::Group => "组别",
            Role::Phone(_) => "电话",
            Role::FillDate => "填表日期",
            Role::Team => "参赛队别",
            Role::Honours => "荣誉",
            Role::Coach => "教练姓名",
            Role::UnitRole(_) => "人员",
            Role::FreeText => "备注",
        }
    }
}

/// Labels that name the entrant.
const NAME_LABELS: [&str; 4] = ["姓名", "选手姓名", "参赛选手", "选手"];
/// Labels that name the unit.
const UNIT_LABELS: [&str; 6] = [
    "所在单位",
    "单位名称",
    "参赛单位",
    "单位",
    "推荐单位",
    "工作单位",
];

/// Labels of the honours held.
const HONOUR_LABELS: [&str; 6] = [
    "荣誉",
    "所获荣誉",
    "已获荣誉",
    "荣誉称号",
    "获奖情况",
    "所获荣誉称号",
];
/// Labels of the coaches.
const COACH_LABELS: [&str; 7] = [
    "教练",
    "教练姓名",
    "教练员",
    "指导教师",
    "指导老师",
    "指导教师姓名",
    "教练员姓名",
];

/// The role of each field group of `form` (by its id) that has one.
pub(super) fn roles(form: &Form, contest: &Contest) -> HashMap<String, Role> {
    let unit_roles: Vec<&str> = contest
        .rules
        .unit_roles
        .iter()
        .map(|r| r.name.value.as_str())
        .collect();
    let mut roles = HashMap::new();
    if form.fill_date {
        roles.insert("fill-date".to_string(), Role::FillDate);
    }
    for (input, _) in form.inputs() {
        let Some(id) = &input.id else { continue };
        let label = plain_label(&input.label);
        let role = match &input.kind {
            InputKind::IdNumber { .. } => Some(Role::IdNumber),
            InputKind::Phone { .. } => Some(Role::Phone(label.contains("手机"))),
            InputKind::Choice { options, .. } => choice_role(options),
            InputKind::Date if id.as_str() == "fill-date" || label == "填表日期" => {
                Some(Role::FillDate)
            }
            InputKind::Text { .. } | InputKind::Multiline { .. } => {
                Some(text_role(id.as_str(), &label, &unit_roles))
            }
            _ => None,
        };
        if let Some(role) = role {
            roles.insert(id.to_string(), role);
        }
    }
    if let Some(table) = form.table() {
        for column in &table.columns {
            let Some(id) = &column.id else { continue };
            let label = plain_label(&column.label);
            let role = match &column.kind {
                ColumnKind::IdNumber => Some(Role::IdNumber),
                ColumnKind::Phone => Some(Role::Phone(label.contains("手机"))),
                ColumnKind::Choice(options) => choice_role(options),
                ColumnKind::Date if label == "填表日期" => Some(Role::FillDate),
                ColumnKind::Text => Some(text_role(id.as_str(), &label, &unit_roles)),
                _ => None,
            };
            if let Some(role) = role {
                roles.insert(id.to_string(), role);
            }
        }
    }
    roles
}

fn choice_role(options: &Options) -> Option<Role> {
    match options {
        Options::Tracks => Some(Role::Track),
        Options::Groups => Some(Role::Group),
        Options::Fixed(list) => {
            let labels: Vec<&str> = list.iter().map(|(_, l)| l.as_str()).collect();
            (labels.contains(&"男") && labels.contains(&"女")).then_some(Role::Sex)
        }
    }
}

/// The role of a text input by its id or label; free text when none.
fn text_role(id: &str, label: &str, unit_roles: &[&str]) -> Role {
    if id == "name" || NAME_LABELS.contains(&label) {
        Role::Name
    } else if id == "unit" || UNIT_LABELS.contains(&label) {
        Role::Unit
    } else if id == "team" {
        Role::Team
    } else if id == "honours" || HONOUR_LABELS.contains(&label) {
        Role::Honours
    } else if id == "coach" || COACH_LABELS.contains(&label) {
        Role::Coach
    } else if let Some(at) = unit_roles.iter().position(|r| names_role(label, r)) {
        Role::UnitRole(at)
    } else {
        Role::FreeText
    }
}

/// Whether a label names a person of `role`: the role itself, or it followed by 姓名, with or without a
/// note in brackets after it (领队, 领队姓名, 联络员（姓名）).
fn names_role(label: &str, role: &str) -> bool {
    let bare = match label.find(['（', '(']) {
        Some(at) if at > 0 && label.ends_with(['）', ')']) => &label[..at],
        _ => label,
    };
    let bare = bare.trim_end_matches('：').trim_end_matches(':');
    !role.is_empty() && (bare == role || bare.strip_suffix("姓名") == Some(role))
}
