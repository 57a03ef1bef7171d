//! The `results:` section of `contest.yaml`: how the results file is read and how results are published.
//!
//! Every key is optional. The scoring parts and weights, the per-unit quota, the minimum number of
//! finalists and the honours that bar an award are not repeated here: they come from `scoring`, `rules`
//! and `awards`, so one fact lives in one place.
//!
//! ```yaml
//! results:
//!   published: 2025-12-05        # the publication date stated on every results page (required with a results file)
//!   decimals: 2                  # every score and total kept to this many decimals, half up (default 2)
//!   tie_break: [practical, time] # equal totals: higher score of these parts, then shorter time
//!   tiers:                       # award tiers, in order; each a share of the finalists in percent, or a count
//!     - { name: 一等奖, share: 10 }
//!     - { name: 二等奖, share: 20 }
//!     - { name: 三等奖, share: 30 }
//!   mask_names: true             # 张三丰 -> 张*丰
//!   sheet: 成绩                  # the worksheet of results.xlsx to read (default: the first)
//!   columns:                     # extra or different column headers (the defaults stay accepted)
//!     unit: [推荐单位]
//!     parts:
//!       practical: [技能操作成绩]
//! ```

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::model::values::Day;
use crate::model::yaml::spanned_at;
use crate::model::{Contest, ScoringPart};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

/// The keys a `tie_break` entry may name besides part ids.
pub const TIME_KEY: &str = "time";

/// The largest number of decimals a contest may keep.
pub const MAX_DECIMALS: u32 = 4;

/// `results:` settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsConfig {
    /// The publication date stated on the results pages and downloads.
    #[serde(default)]
    pub published: Option<Spanned<Day>>,
    /// Decimals kept for every score and total, rounded half up (default 2).
    #[serde(default)]
    pub decimals: Option<Spanned<u32>>,
    /// How equal totals are ordered: part ids (higher score first) and `time` (shorter first).
    #[serde(default)]
    pub tie_break: Vec<Spanned<String>>,
    /// Award tiers, highest first.
    #[serde(default)]
    pub tiers: Vec<Spanned<Tier>>,
    /// Whether names are published masked (张*丰).
    #[serde(default)]
    pub mask_names: bool,
    /// The worksheet of `results.xlsx` to read; the first one by default.
    #[serde(default)]
    pub sheet: Option<Spanned<String>>,
    /// Column headers accepted in addition to the defaults.
    #[serde(default)]
    pub columns: Columns,
    /// A sentence shown on every results page (for example how to appeal).
    #[serde(default)]
    pub note: Option<String>,
}

/// One award tier: a share of the finalists in percent, or a fixed count.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// 一等奖, 金牌, ….
    pub name: String,
    /// Percent of the finalists (rounded down).
    #[serde(default)]
    pub share: Option<u32>,
    /// A fixed number of awards.
    #[serde(default)]
    pub count: Option<u32>,
}

/// Extra column headers, per field. A field takes one header or a list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// 姓名.
    #[serde(default)]
    pub name: Headers,
    /// 参赛单位.
    #[serde(default)]
    pub unit: Headers,
    /// 赛项.
    #[serde(default)]
    pub track: Headers,
    /// 组别.
    #[serde(default)]
    pub group: Headers,
    /// 实操用时.
    #[serde(default)]
    pub time: Headers,
    /// 状态 (缺考, 取消资格).
    #[serde(default)]
    pub status: Headers,
    /// 荣誉.
    #[serde(default)]
    pub honours: Headers,
    /// Score columns by scoring part id.
    #[serde(default)]
    pub parts: BTreeMap<String, Spanned<Headers>>,
}

/// One header or a list of them.
#[derive(Debug, Clone, Default)]
pub struct Headers(pub Vec<String>);

impl<'de> Deserialize<'de> for Headers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        match OneOrMany::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "write a column header, or a list of them like [理论成绩, 理论]",
            )
        })? {
            OneOrMany::One(one) => Ok(Headers(vec![one])),
            OneOrMany::Many(many) => Ok(Headers(many)),
        }
    }
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
    /// 实操用时.
    Time,
    /// 缺考 / 取消资格.
    Status,
    /// 荣誉.
    Honours,
}

/// The headers accepted for each field, built from the defaults, the scoring parts and `results.columns`.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Field, the header shown in messages, every accepted header (normalised), required.
    pub fields: Vec<FieldSpec>,
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

impl Layout {
    /// The layout of a contest.
    pub fn of(contest: &Contest) -> Layout {
        let cols = &contest.results.columns;
        let mut fields = Vec::new();
        let mut add = |field, defaults: &[&str], extra: &Headers, required| {
            let mut accepted: Vec<String> = extra.0.iter().map(|h| normalise_header(h)).collect();
            accepted.extend(defaults.iter().map(|h| normalise_header(h)));
            accepted.retain(|h| !h.is_empty());
            accepted.dedup();
            let label = extra
                .0
                .first()
                .map(|h| h.trim().to_string())
                .unwrap_or_else(|| defaults[0].to_string());
            fields.push(FieldSpec {
                field,
                label,
                accepted,
                required,
            });
        };
        add(
            Field::Name,
            &["姓名", "选手姓名", "参赛选手", "选手"],
            &cols.name,
            true,
        );
        add(
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
        );
        add(
            Field::Track,
            &["赛项", "赛项名称", "竞赛项目", "项目"],
            &cols.track,
            true,
        );
        add(Field::Group, &["组别", "参赛组别"], &cols.group, true);
        let none = Headers::default();
        for (index, part) in contest.scoring.parts.value.iter().enumerate() {
            let defaults = part_defaults(part);
            let refs: Vec<&str> = defaults.iter().map(String::as_str).collect();
            let extra = cols
                .parts
                .get(part.id.value.as_str())
                .map_or(&none, |h| &h.value);
            add(Field::Part(index), &refs, extra, true);
        }
        add(
            Field::Time,
            &["实操用时", "实操比赛用时", "用时", "比赛用时", "完成用时"],
            &cols.time,
            false,
        );
        add(
            Field::Status,
            &["状态", "参赛状态", "成绩状态"],
            &cols.status,
            false,
        );
        add(
            Field::Honours,
            &["荣誉", "所获荣誉", "已获荣誉", "荣誉称号"],
            &cols.honours,
            false,
        );
        Layout { fields }
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

impl ResultsConfig {
    /// Decimals kept (default 2).
    pub fn decimals(&self) -> u32 {
        self.decimals
            .as_ref()
            .map_or(2, |d| d.value.min(MAX_DECIMALS))
    }
}

/// Checks `results:` against the rest of the contest; problems point into `contest.yaml`.
pub fn check(contest: &Contest, file: &SourceFile) -> Problems {
    let mut problems = Problems::default();
    let r = &contest.results;
    let mut error = |at: Option<(usize, usize)>, message: String, help: &str| {
        let problem = match at {
            Some(span) => Problem::at(file, span, message),
            None => Problem::general(Some(file), message),
        };
        problems.push(problem.with_help(help.to_string()));
    };
    let part_ids: Vec<&str> = contest
        .scoring
        .parts
        .value
        .iter()
        .map(|p| p.id.value.as_str())
        .collect();
    if let Some(d) = &r.decimals
        && d.value > MAX_DECIMALS
    {
        error(
            spanned_at(file, d),
            format!("`decimals: {}` is too many", d.value),
            "scores are kept to 0 to 4 decimals; 2 is usual",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for key in &r.tie_break {
        let name = key.value.as_str();
        if name != TIME_KEY && !part_ids.contains(&name) {
            error(
                spanned_at(file, key),
                format!("`{name}` in `tie_break` is neither a scoring part nor `time`"),
                &format!(
                    "use the ids of `scoring.parts` ({}) or `time`",
                    part_ids.join(", ")
                ),
            );
        } else if seen.contains(&name) {
            error(
                spanned_at(file, key),
                format!("`{name}` is in `tie_break` twice"),
                "name each part once",
            );
        }
        seen.push(name);
    }
    let mut total_share = 0;
    for tier in &r.tiers {
        let t = &tier.value;
        match (t.share, t.count) {
            (Some(_), Some(_)) | (None, None) => error(
                spanned_at(file, tier),
                format!(
                    "the award tier `{}` needs either `share` or `count`",
                    t.name
                ),
                "write `share: 10` for 10% of the finalists, or `count: 3` for three awards",
            ),
            (Some(share), None) => {
                total_share += share;
                if share == 0 || share > 100 {
                    error(
                        spanned_at(file, tier),
                        format!("the award tier `{}` has a share of {share}%", t.name),
                        "a share is a percent of the finalists between 1 and 100",
                    );
                }
            }
            (None, Some(_)) => {}
        }
    }
    if total_share > 100
        && let Some(first) = r.tiers.first()
    {
        error(
            spanned_at(file, first),
            format!("the award tiers share {total_share}% of the finalists, more than 100%"),
            "lower the shares so that they add up to at most 100",
        );
    }
    for (id, headers) in &r.columns.parts {
        if !part_ids.contains(&id.as_str()) {
            error(
                spanned_at(file, headers),
                format!("`columns.parts.{id}` names no scoring part"),
                &format!("use the ids of `scoring.parts`: {}", part_ids.join(", ")),
            );
        }
    }
    if let Some(sheet) = &r.sheet
        && sheet.value.trim().is_empty()
    {
        error(
            spanned_at(file, sheet),
            "the `sheet` name is empty".into(),
            "write the name of the worksheet tab, or remove the key to read the first sheet",
        );
    }
    problems
}
