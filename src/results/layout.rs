//! Which column of a score sheet holds what: the accepted headers of every field, from the defaults, the
//! scoring parts and `results.columns` of `contest.yaml`.
//!
//! When tracks have their own `scoring:`, the sheet's score columns are the union of the parts (and
//! modules) some track uses ([`Contest::score_parts`]); [`track_parts`] says which of them a track has,
//! and with what weights.

use crate::i18n::{Text, or_list};
use crate::model::{Contest, Headers, ScoringPart, Track};
use crate::msg;

/// One part of a track's scoring, placed among the sheet's score columns.
#[derive(Debug, Clone)]
pub struct TrackPart<'a> {
    /// The track's own part (its weight, its modules and their weights).
    pub part: &'a ScoringPart,
    /// The part's index among [`Contest::score_parts`] (`Field::Part(index)`).
    pub index: usize,
    /// For each of the part's own modules, its index among the modules of that score part
    /// (`Field::Module(index, m)`).
    pub modules: Vec<usize>,
}

/// The parts of `track` (its own scoring's, else the contest's), in its order, each placed among
/// `score_parts` (the contest's [`Contest::score_parts`], which holds every part some track uses).
pub fn track_parts<'a>(
    contest: &'a Contest,
    track: &'a Track,
    score_parts: &[ScoringPart],
) -> Vec<TrackPart<'a>> {
    contest
        .parts_of(track)
        .iter()
        .filter_map(|part| {
            let index = score_parts
                .iter()
                .position(|u| u.id.value == part.id.value)?;
            let known = score_parts[index].modules();
            let modules = part
                .modules()
                .iter()
                .filter_map(|m| known.iter().position(|k| k.id.value == m.id.value))
                .collect();
            Some(TrackPart {
                part,
                index,
                modules,
            })
        })
        .collect()
}

/// The parts of every track of the contest, in the order of `tracks` (see [`track_parts`]).
pub fn parts_by_track<'a>(
    contest: &'a Contest,
    score_parts: &[ScoringPart],
) -> Vec<Vec<TrackPart<'a>>> {
    contest
        .tracks
        .iter()
        .map(|track| track_parts(contest, track, score_parts))
        .collect()
}

/// What a results column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// 姓名.
    Name,
    /// 参赛单位.
    Unit,
    /// 赛项.
    Track,
    /// 组别.
    Group,
    /// The score of the scoring part with this index.
    Part(usize),
    /// The score of a module (its index) of the scoring part with this index.
    Module(usize, usize),
    /// 实操用时.
    Time,
    /// 缺考 / 取消资格.
    Status,
    /// 荣誉.
    Honours,
    /// 出生日期: read only when the contest limits birth dates or ages, to check them; never published.
    BirthDate,
    /// 身份证号: read only when the contest limits birth dates or ages, for the birth date in it; never
    /// published, and never repeated in a message.
    IdNumber,
}

/// The headers accepted for each field, built from the defaults, the scoring parts and `results.columns`.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Field, the header shown in messages, every accepted header (normalised), required.
    pub fields: Vec<FieldSpec>,
    /// For each scoring part with modules: its index and the number of its modules. Such a part's
    /// column is not required when the sheet has a column for each of its modules.
    pub modular: Vec<(usize, usize)>,
    /// How the headers of module columns begin (`模块`, and the beginning the module names of a part
    /// share), normalised: a header that begins so but names no module is a mistake, not a column to
    /// read past. Empty when no part has modules.
    pub module_prefixes: Vec<String>,
    /// The names of every module, for the help of such a mistake.
    pub module_names: Vec<String>,
}

/// One field of the layout.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    /// What the column holds.
    pub field: Field,
    /// The first accepted header, used in messages.
    pub label: String,
    /// Every accepted header, normalised with [`normalise_header`].
    pub accepted: Vec<String>,
    /// Whether the file must have this column.
    pub required: bool,
}

/// The spec of one field: its label (the contest's first extra header, else the first default) and
/// every header accepted for it, normalised.
fn field_spec(field: Field, defaults: &[&str], extra: &Headers, required: bool) -> FieldSpec {
    let mut accepted: Vec<String> = extra.0.iter().map(|h| normalise_header(h)).collect();
    accepted.extend(defaults.iter().map(|h| normalise_header(h)));
    accepted.retain(|h| !h.is_empty());
    accepted.dedup();
    let label = extra
        .0
        .first()
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|| defaults[0].to_string());
    FieldSpec {
        field,
        label,
        accepted,
        required,
    }
}

/// The score columns of the scoring parts and of their modules, added to `fields`: gives each part that
/// has modules, with its number of modules. A part's own column is required when some track has the
/// part without modules and every track is scored by it; a part only some tracks have may be left out
/// while none of their contestants is in the sheet (a row that needs it is then an error at that row).
fn part_fields(contest: &Contest, fields: &mut Vec<FieldSpec>) -> Vec<(usize, usize)> {
    let cols = &contest.results.columns;
    let none = Headers::default();
    let extra = |id: &str| cols.parts.get(id).map_or(&none, |h| &h.value);
    let mut modular = Vec::new();
    let without_modules = |id: &str| {
        contest.tracks.iter().any(|t| {
            contest
                .parts_of(t)
                .iter()
                .any(|p| p.id.value.as_str() == id && p.modules().is_empty())
        })
    };
    let every_track = |id: &str| {
        contest.tracks.iter().all(|t| {
            contest
                .parts_of(t)
                .iter()
                .any(|p| p.id.value.as_str() == id)
        })
    };
    for (index, part) in contest.score_parts().iter().enumerate() {
        let id = part.id.value.as_str();
        let defaults = part_defaults(part);
        let refs: Vec<&str> = defaults.iter().map(String::as_str).collect();
        let modules = part.modules();
        fields.push(field_spec(
            Field::Part(index),
            &refs,
            extra(id),
            (modules.is_empty() || without_modules(id)) && every_track(id),
        ));
        for (m, module) in modules.iter().enumerate() {
            let defaults = [format!("{}成绩", module.name), module.name.clone()];
            let refs: Vec<&str> = defaults.iter().map(String::as_str).collect();
            fields.push(field_spec(
                Field::Module(index, m),
                &refs,
                extra(module.id.value.as_str()),
                false,
            ));
        }
        if !modules.is_empty() {
            modular.push((index, modules.len()));
        }
    }
    modular
}

impl Layout {
    /// The layout of a contest.
    pub fn of(contest: &Contest) -> Layout {
        let cols = &contest.results.columns;
        // Without groups the column may be left out (and must be empty when it is there).
        let has_groups = !contest.groups.is_empty();
        let before_parts: [(Field, &[&str], &Headers, bool); 4] = [
            (
                Field::Name,
                &["姓名", "选手姓名", "参赛选手", "选手"],
                &cols.name,
                true,
            ),
            (
                Field::Unit,
                &[
                    "参赛单位",
                    "单位",
                    "所在单位",
                    "推荐单位",
                    "单位名称",
                    "工作单位",
                ],
                &cols.unit,
                true,
            ),
            (
                Field::Track,
                &["赛项", "赛项名称", "竞赛项目", "项目"],
                &cols.track,
                true,
            ),
            (Field::Group, &["组别", "参赛组别"], &cols.group, has_groups),
        ];
        let after_parts: [(Field, &[&str], &Headers, bool); 3] = [
            (
                Field::Time,
                &["实操用时", "实操比赛用时", "用时", "比赛用时", "完成用时"],
                &cols.time,
                false,
            ),
            (
                Field::Status,
                &["状态", "参赛状态", "成绩状态"],
                &cols.status,
                false,
            ),
            (
                Field::Honours,
                &["荣誉", "所获荣誉", "已获荣誉", "荣誉称号"],
                &cols.honours,
                false,
            ),
        ];
        // Personal data, read only to check who may enter; nothing of it is kept in the results.
        let personal: [(Field, &[&str], &Headers, bool); 2] = [
            (
                Field::BirthDate,
                &["出生日期", "出生年月日", "生日"],
                &cols.birth_date,
                false,
            ),
            (
                Field::IdNumber,
                &[
                    "身份证号",
                    "身份证号码",
                    "公民身份号码",
                    "身份证",
                    "证件号码",
                ],
                &cols.id_number,
                false,
            ),
        ];
        let mut fields: Vec<FieldSpec> = before_parts
            .iter()
            .map(|&(field, defaults, extra, required)| field_spec(field, defaults, extra, required))
            .collect();
        let modular = part_fields(contest, &mut fields);
        let personal = if contest.limits_birth() {
            &personal[..]
        } else {
            &[]
        };
        fields.extend(after_parts.iter().chain(personal).map(
            |&(field, defaults, extra, required)| field_spec(field, defaults, extra, required),
        ));
        let (module_prefixes, module_names) = module_prefixes(contest);
        Layout {
            fields,
            modular,
            module_prefixes,
            module_names,
        }
    }

    /// Whether a header that names no field looks like the header of a module column (it begins as the
    /// module names do), so that the sheet gives a module the contest does not have.
    pub fn names_unknown_module(&self, header: &str) -> bool {
        let header = normalise_header(header);
        self.field_of(&header).is_none()
            && self
                .module_prefixes
                .iter()
                .any(|prefix| header.starts_with(prefix.as_str()))
    }

    /// What is wrong with the score columns of the parts that have modules, given whether the sheet has
    /// a column for a field: a message and a help for each part that has neither its own column nor a
    /// column for every module, or columns for some of its modules only.
    pub fn module_gaps(&self, has: impl Fn(Field) -> bool) -> Vec<(Text, Text)> {
        let label = |field| self.spec(field).map_or("", |s| s.label.as_str());
        let mut gaps = Vec::new();
        for &(part, count) in &self.modular {
            let modules: Vec<Field> = (0..count).map(|m| Field::Module(part, m)).collect();
            let (given, missing): (Vec<Field>, Vec<Field>) = modules.iter().partition(|f| has(**f));
            let names = |fields: &[Field]| -> String {
                fields
                    .iter()
                    .map(|f| label(*f))
                    .collect::<Vec<_>>()
                    .join("、")
            };
            let part_label = label(Field::Part(part));
            if !given.is_empty() && !missing.is_empty() {
                gaps.push((
                    msg!(
                        "results-some-module-columns",
                        given = names(&given),
                        part = part_label,
                        missing = names(&missing)
                    ),
                    msg!("results-some-module-columns-help", part = part_label),
                ));
            } else if given.is_empty() && !has(Field::Part(part)) {
                let accepted = self
                    .spec(Field::Part(part))
                    .map_or_else(|| or_list(Vec::<&str>::new()), |s| or_list(&s.accepted));
                gaps.push((
                    msg!("results-no-part-column", part = part_label),
                    msg!(
                        "results-no-part-column-help",
                        headers = accepted,
                        modules = names(&modules)
                    ),
                ));
            }
        }
        gaps
    }

    /// The spec of a field.
    pub fn spec(&self, field: Field) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.field == field)
    }

    /// The field a header names, if any.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let header = normalise_header(header);
        if header.is_empty() {
            return None;
        }
        self.fields
            .iter()
            .find(|f| f.accepted.contains(&header))
            .map(|f| f.field)
    }
}

/// The beginnings of module headers (see [`Layout::module_prefixes`]) and every module's name.
fn module_prefixes(contest: &Contest) -> (Vec<String>, Vec<String>) {
    let mut prefixes = Vec::new();
    let mut names = Vec::new();
    for part in contest
        .score_parts()
        .iter()
        .filter(|p| !p.modules().is_empty())
    {
        let normalised: Vec<Vec<char>> = part
            .modules()
            .iter()
            .map(|m| normalise_header(&m.name).chars().collect())
            .collect();
        names.extend(part.modules().iter().map(|m| m.name.clone()));
        let first = &normalised[0];
        let common = normalised.iter().skip(1).fold(first.len(), |len, other| {
            first
                .iter()
                .zip(other)
                .take(len)
                .take_while(|(a, b)| a == b)
                .count()
        });
        // One shared character (模) says too little; a single module gives no pattern.
        if normalised.len() > 1 && common >= 2 {
            prefixes.push(first[..common].iter().collect::<String>());
        }
        if !prefixes.iter().any(|p| p == "模块") {
            prefixes.push("模块".to_string());
        }
    }
    (prefixes, names)
}

/// The default headers of a scoring part: `理论成绩` for `theory`, `实操成绩` for `practical`, and for any
/// part `<name>成绩` and `<name>` (理论考试成绩, 理论考试).
fn part_defaults(part: &ScoringPart) -> Vec<String> {
    let mut headers = Vec::new();
    match part.id.value.as_str() {
        "theory" => headers.extend(["理论成绩", "理论考试成绩", "理论"].map(String::from)),
        "practical" => headers.extend(
            [
                "实操成绩",
                "实操比赛成绩",
                "实操",
                "技能操作成绩",
                "操作技能成绩",
            ]
            .map(String::from),
        ),
        _ => {}
    }
    headers.push(format!("{}成绩", part.name));
    headers.push(part.name.clone());
    headers
}

/// A header as compared: no white space (including full-width and line breaks), no `*` required
/// markers, and half-width brackets.
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '\u{feff}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}
