//! What each input of a form means for a roster, from its declaration (data, not field names): a
//! 身份证号 comb or column is the ID number, a choice from the tracks is the track, from the groups the
//! group, a choice between 男 and 女 the sex, a phone input a phone number (a mobile one when its label
//! says 手机), the 填表日期 a fill date; a text input is the name or the unit by its id (`name`,
//! `unit`) or its label (姓名, 所在单位, 单位名称, ...), and `team` the team.

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

/// The role of each field group of `form` (by its id) that has one.
pub(super) fn roles(form: &Form) -> HashMap<String, Role> {
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
            InputKind::Text { .. } => text_role(id.as_str(), &label),
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
                ColumnKind::Text => text_role(id.as_str(), &label),
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

fn text_role(id: &str, label: &str) -> Option<Role> {
    if id == "name" || NAME_LABELS.contains(&label) {
        Some(Role::Name)
    } else if id == "unit" || UNIT_LABELS.contains(&label) {
        Some(Role::Unit)
    } else if id == "team" {
        Some(Role::Team)
    } else {
        None
    }
}
