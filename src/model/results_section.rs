//! The `results:` section of `contest.yaml`: how the results file is read and how results are published.
//!
//! Every key is optional. The scoring parts and weights, the per-unit quota, the award scheme (tiers,
//! rounding, ties, the minimum number of finalists) and the honours that bar an award are not repeated
//! here: they come from `scoring`, `rules` and `awards`, so one fact lives in one place.
//!
//! The award tiers moved to `awards.tiers`, where they are stated on the pages before the results.
//! `results.tiers`, their older place, still works as before (the results follow it, nothing shows it
//! before them); giving both is an error at `results.tiers`.
//!
//! ```yaml
//! results:
//!   published: 2025-12-05        # the publication date stated on every results page (required with a results file)
//!   decimals: 2                  # every score and total kept to this many decimals, half up (default 2)
//!   tie_break: [practical, time] # equal totals: higher score of these parts, then shorter time
//!   mask_names: true             # 张三丰 -> 张*丰
//!   sheet: 成绩                  # the worksheet of results.xlsx to read (default: the first)
//!   columns:                     # extra or different column headers (the defaults stay accepted)
//!     unit: [推荐单位]
//!     parts:
//!       practical: [技能操作成绩]
//!   unit_awards:                 # the units given each award of `awards.unit_awards`
//!     - award: 优秀组织奖
//!       units: [天津市第一职业技能培训中心, 天津某科技有限公司]
//! ```

use super::values::Day;
use super::yaml::{Mistake, own_error, spanned_at};
use super::{Contest, Spanned, Tier};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::{Text, comma_list};
use crate::msg;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// The keys a `tie_break` entry may name besides part ids.
pub const TIME_KEY: &str = "time";

/// The largest number of decimals a contest may keep.
pub const MAX_DECIMALS: u32 = 4;

/// `results:` settings.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
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
    /// Award tiers, highest first: the older place of `awards.tiers`, which the results follow the same
    /// way but which is not stated before them. Giving both is an error.
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
    /// The round whose contestants the results count (`决赛`), when the contest has one: the pages then
    /// say “参加决赛并取得成绩”; without it, “取得成绩”.
    #[serde(default)]
    pub round: Option<String>,
    /// The units given each award to units (`awards.unit_awards`), published with the results.
    #[serde(default)]
    pub unit_awards: Vec<Spanned<UnitAwardWinners>>,
}

/// The units given one award to units (优秀组织奖), as the results publish them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitAwardWinners {
    /// The award, by its name in `awards.unit_awards` (优秀组织奖).
    pub award: Spanned<String>,
    /// The units given it, each written as the results sheet writes the unit (参赛单位).
    pub units: Vec<Spanned<String>>,
}

/// Extra column headers, per field. A field takes one header or a list.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
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
    /// 出生日期, read (and never published) when `limits:` set birth dates or ages.
    #[serde(default)]
    pub birth_date: Headers,
    /// 身份证号, read for the birth date in it (and never published) when `limits:` set birth dates or
    /// ages.
    #[serde(default)]
    pub id_number: Headers,
    /// Score columns by scoring part id, or by module id (a module of a part).
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
        match OneOrMany::deserialize(d).map_err(|_| own_error(Mistake::Headers, ""))? {
            OneOrMany::One(one) => Ok(Headers(vec![one])),
            OneOrMany::Many(many) => Ok(Headers(many)),
        }
    }
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
pub(super) fn check(contest: &Contest, file: &SourceFile) -> Problems {
    let mut problems = Problems::default();
    let r = &contest.results;
    let mut error = |at: Option<(usize, usize)>, message: Text, help: Text| {
        let problem = match at {
            Some(span) => Problem::at(file, span, message),
            None => Problem::general(Some(file), message),
        };
        problems.push(problem.with_help(help));
    };
    let parts = contest.score_parts();
    let part_ids: Vec<&str> = parts.iter().map(|p| p.id.value.as_str()).collect();
    let column_ids: Vec<&str> = parts
        .iter()
        .flat_map(|p| {
            std::iter::once(p.id.value.as_str())
                .chain(p.modules().iter().map(|m| m.id.value.as_str()))
        })
        .collect();
    if let Some(d) = &r.decimals
        && d.value > MAX_DECIMALS
    {
        error(
            spanned_at(file, d),
            msg!("model-results-decimals", decimals = d.value.to_string()),
            msg!(
                "model-results-decimals-help",
                max = MAX_DECIMALS.to_string()
            ),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for key in &r.tie_break {
        let name = key.value.as_str();
        if name != TIME_KEY && !part_ids.contains(&name) {
            error(
                spanned_at(file, key),
                msg!("model-results-tie-break-unknown", name),
                msg!(
                    "model-results-tie-break-unknown-help",
                    parts = comma_list(&part_ids)
                ),
            );
        } else if seen.contains(&name) {
            error(
                spanned_at(file, key),
                msg!("model-results-tie-break-twice", name),
                msg!("model-results-tie-break-twice-help"),
            );
        }
        seen.push(name);
    }
    for (id, headers) in &r.columns.parts {
        if !column_ids.contains(&id.as_str()) {
            error(
                spanned_at(file, headers),
                msg!("model-results-column-unknown", id),
                msg!(
                    "model-results-column-unknown-help",
                    ids = comma_list(&column_ids)
                ),
            );
        }
    }
    if let Some(sheet) = &r.sheet
        && sheet.value.trim().is_empty()
    {
        error(
            spanned_at(file, sheet),
            msg!("model-results-sheet-empty"),
            msg!("model-results-sheet-empty-help"),
        );
    }
    problems.extend(check_tiers(&r.tiers, file));
    problems.extend(check_unit_awards(contest, file));
    problems
}

/// Checks `results.unit_awards`: each names an award of `awards.unit_awards` once, with at least one
/// unit, no unit twice, and no more units than the award's count. That each unit is in the results
/// sheet is checked with the sheet (`results::load`).
fn check_unit_awards(contest: &Contest, file: &SourceFile) -> Problems {
    let mut problems = Problems::default();
    let mut error = |at: Option<(usize, usize)>, message: Text, help: Text| {
        let problem = match at {
            Some(span) => Problem::at(file, span, message),
            None => Problem::general(Some(file), message),
        };
        problems.push(problem.with_help(help));
    };
    let defined: Vec<&str> = contest
        .awards
        .unit_awards
        .iter()
        .map(|a| a.value.name.as_str())
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for given in &contest.results.unit_awards {
        let award = given.value.award.value.as_str();
        let at = spanned_at(file, &given.value.award);
        match contest
            .awards
            .unit_awards
            .iter()
            .find(|a| a.value.name == award)
        {
            None if defined.is_empty() => error(
                at,
                msg!("results-unit-award-undefined", award),
                msg!("results-unit-award-undefined-none-help"),
            ),
            None => error(
                at,
                msg!("results-unit-award-undefined", award),
                msg!(
                    "results-unit-award-undefined-help",
                    awards = comma_list(&defined)
                ),
            ),
            Some(_) if seen.contains(&award) => error(
                at,
                msg!("results-unit-award-twice", award),
                msg!("results-unit-award-twice-help"),
            ),
            Some(scheme) => {
                let units = &given.value.units;
                if let Some(count) = &scheme.value.count
                    && units.len() > count.value as usize
                {
                    error(
                        spanned_at(file, given),
                        msg!(
                            "results-unit-award-too-many",
                            award,
                            count = count.value,
                            given = units.len()
                        ),
                        msg!("results-unit-award-too-many-help"),
                    );
                }
            }
        }
        seen.push(award);
        if given.value.units.is_empty() {
            error(
                spanned_at(file, given),
                msg!("results-unit-award-no-units", award),
                msg!("results-unit-award-no-units-help"),
            );
        }
        let mut units: Vec<&str> = Vec::new();
        for unit in &given.value.units {
            let name = unit.value.trim();
            if name.is_empty() {
                error(
                    spanned_at(file, unit),
                    msg!("results-unit-award-empty-unit", award),
                    msg!("results-unit-award-no-units-help"),
                );
            } else if units.contains(&name) {
                error(
                    spanned_at(file, unit),
                    msg!("results-unit-award-unit-twice", award, unit = name),
                    msg!("results-unit-award-unit-twice-help"),
                );
            }
            units.push(name);
        }
    }
    problems
}

/// Checks the award tiers: each has a share or a count, shares are percents that add up to at most 100.
pub(super) fn check_tiers(tiers: &[Spanned<Tier>], file: &SourceFile) -> Problems {
    let mut problems = Problems::default();
    let mut error = |at: Option<(usize, usize)>, message: Text, help: Text| {
        let problem = match at {
            Some(span) => Problem::at(file, span, message),
            None => Problem::general(Some(file), message),
        };
        problems.push(problem.with_help(help));
    };
    let mut total_share = 0;
    for tier in tiers {
        let t = &tier.value;
        match (t.share, t.count) {
            (Some(_), Some(_)) | (None, None) => error(
                spanned_at(file, tier),
                msg!("model-tier-share-or-count", tier = &t.name),
                msg!("model-tier-share-or-count-help"),
            ),
            (Some(share), None) => {
                total_share += share;
                if share == 0 || share > 100 {
                    error(
                        spanned_at(file, tier),
                        msg!(
                            "model-tier-share",
                            tier = &t.name,
                            share = share.to_string()
                        ),
                        msg!("model-tier-share-help"),
                    );
                }
            }
            (None, Some(_)) => {}
        }
    }
    if total_share > 100
        && let Some(first) = tiers.first()
    {
        error(
            spanned_at(file, first),
            msg!("model-tiers-share-total", total = total_share.to_string()),
            msg!("model-tiers-share-total-help"),
        );
    }
    problems
}
