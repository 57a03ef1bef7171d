//! What each form field is called: the label printed beside it, used as the field's accessible name and
//! as the column header of a roster that pre-fills the forms.

use crate::model::{Contest, FormKind};
use std::collections::HashMap;

const REGISTRATION: &[(&str, &str)] = &[
    ("team", "参赛队别"),
    ("name", "姓名"),
    ("age", "年龄"),
    ("ethnicity", "民族"),
    ("education", "文化程度"),
    ("occupation", "现从事职业"),
    ("title", "职称"),
    ("qualification", "现有职业资格及等级"),
    ("id-number", "身份证号"),
    ("certificate", "职业资格或技能等级证书号码"),
    ("unit", "所在单位"),
    ("mobile", "选手手机号"),
    ("household", "户籍所在地"),
    ("coach", "教练姓名"),
    ("coach-mobile", "教练手机号"),
    ("resume", "个人简历"),
    ("unit-opinion", "单位意见"),
    ("remarks", "备注"),
];

const JUDGE: &[(&str, &str)] = &[
    ("name", "姓名"),
    ("age", "年龄"),
    ("occupation", "职业（工种）"),
    ("qualification", "职称或职业资格"),
    ("education", "文化程度"),
    ("unit", "工作单位"),
    ("position", "职务"),
    ("id-number", "身份证号"),
    ("mobile", "手机号"),
    ("resume", "工作简历"),
    ("unit-opinion", "推荐单位意见"),
];

/// A column of a roster that sets a group of check boxes by the name of the chosen option.
pub(super) struct Choice {
    /// The column header (赛项).
    pub(super) header: &'static str,
    /// The same column named by id (`track`): its check boxes are `<id>-<option>`.
    pub(super) id: &'static str,
    /// Option name → field name.
    pub(super) options: Vec<(String, String)>,
}

/// A column that holds a date split over 年, 月 and 日 fields.
pub(super) struct DateColumn {
    /// The column header (填表日期).
    pub(super) header: &'static str,
    /// The field name prefix (`fill-date` for `fill-date-year`, ...).
    pub(super) prefix: &'static str,
}

/// The fields of one form.
pub(super) struct FormLabels {
    /// Text field name → label.
    pub(super) text: Vec<(String, String)>,
    /// Check box groups.
    pub(super) choices: Vec<Choice>,
    /// Dates.
    pub(super) dates: Vec<DateColumn>,
}

impl FormLabels {
    /// The labels of a built-in form for this contest (its tracks and groups).
    pub(super) fn of(kind: FormKind, c: &Contest) -> FormLabels {
        let table = match kind {
            FormKind::Registration => REGISTRATION,
            FormKind::Judge => JUDGE,
        };
        let mut choices = vec![Choice {
            header: "赛项",
            id: "track",
            options: c
                .tracks
                .iter()
                .map(|t| (t.name.clone(), format!("track-{}", t.id.value)))
                .collect(),
        }];
        if kind == FormKind::Registration {
            choices.push(Choice {
                header: "参赛组别",
                id: "group",
                options: c
                    .groups
                    .iter()
                    .flat_map(|g| {
                        let field = format!("group-{}", g.id.value);
                        let mut names = vec![(g.name.clone(), field.clone())];
                        if let Some(full) = &g.full_name {
                            names.push((full.clone(), field));
                        }
                        names
                    })
                    .collect(),
            });
        }
        choices.push(Choice {
            header: "性别",
            id: "sex",
            options: vec![
                ("男".into(), "sex-male".into()),
                ("女".into(), "sex-female".into()),
            ],
        });
        let mut dates = vec![DateColumn {
            header: "填表日期",
            prefix: "fill-date",
        }];
        dates.push(DateColumn {
            header: if kind == FormKind::Registration {
                "单位意见日期"
            } else {
                "推荐单位意见日期"
            },
            prefix: "unit-date",
        });
        FormLabels {
            text: table
                .iter()
                .map(|(n, l)| (n.to_string(), l.to_string()))
                .collect(),
            choices,
            dates,
        }
    }

    /// Field name → accessible name, for every field.
    pub(super) fn accessible_names(&self) -> HashMap<String, String> {
        let mut names: HashMap<String, String> = self.text.iter().cloned().collect();
        for choice in &self.choices {
            for (option, field) in &choice.options {
                names
                    .entry(field.clone())
                    .or_insert_with(|| format!("{}：{option}", choice.header));
            }
        }
        for date in &self.dates {
            for (part, word) in [("year", "年"), ("month", "月"), ("day", "日")] {
                names.insert(
                    format!("{}-{part}", date.prefix),
                    format!("{}（{word}）", date.header),
                );
            }
        }
        names
    }
}
