//! Results: from a score sheet (`content/results.xlsx`, `.csv` or `.yaml`) to checked, published results.
//!
//! The stages, each its own module:
//! [`read`] the file into the used columns only (anything else, such as ID or phone numbers, is dropped
//! there) → [`validate`] every row (all problems at once, each with its place) → [`rank`] within each
//! track and group → [`awards`] by tier → [`Results`], the publishable data, which the site pages, the
//! downloads ([`export`]) and the results PDF all take from [`crate::Loaded::results`].
//!
//! This module knows the contest model ([`crate::model`]) and nothing of the outputs: the site renders
//! the pages from [`Results`], the PDF stage the results PDF.
//!
//! Arithmetic is decimal (`rust_decimal`), never binary floating point. The rounding rule is stated
//! once, here, and used everywhere: every part score is kept to `results.decimals` decimals (2 by
//! default), rounded half up; the total is the weighted sum of those kept scores, rounded the same way.
//! So every total can be checked by hand from the scores printed beside it.

pub mod awards;
mod cells;
mod csv_file;
pub mod export;
pub mod layout;
pub mod limits;
pub mod published;
mod quota;
pub mod rank;
pub mod read;
mod table;
pub mod validate;
pub mod workbook;
mod yaml_file;

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::model::TIME_KEY;
use crate::model::values::Day;
use crate::model::{Contest, display_path};
use awards::TierSize;
use layout::{Field, Layout};
use rank::{Standing, TieBreak};
use read::Sheet;
use rust_decimal::Decimal;
use serde::Serialize;
use std::path::{Path, PathBuf};
use validate::{Record, Status};

/// The results file names looked for in `content/`.
pub const FILE_NAMES: [&str; 4] = ["results.xlsx", "results.csv", "results.yaml", "results.yml"];

/// The results as published: only what may be shown, names already masked when the contest says so.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// The publication date, `2025-12-05`.
    pub published: String,
    /// `2025年12月5日`.
    pub published_chinese: String,
    /// Decimals kept.
    pub decimals: u32,
    /// The scoring parts, in the order of the score columns.
    pub parts: Vec<PartHead>,
    /// Whether the file has a time column.
    pub has_time: bool,
    /// Whether the contest has award tiers.
    pub has_awards: bool,
    /// Whether names are masked.
    pub masked: bool,
    /// The rules applied, one sentence each, as stated on the pages and in the downloads.
    pub rules: Vec<String>,
    /// The contest's own note (`results.note`).
    pub note: Option<String>,
    /// One table per track and group the contest runs, in the contest's order.
    pub tables: Vec<ResultTable>,
}

/// A score column.
#[derive(Debug, Clone, Serialize)]
pub struct PartHead {
    /// The part id.
    pub id: String,
    /// 理论考试.
    pub name: String,
    /// Weight in percent.
    pub weight: u32,
}

/// The results of one track and group.
#[derive(Debug, Clone, Serialize)]
pub struct ResultTable {
    /// Track id.
    pub track_id: String,
    /// Track name.
    pub track_name: String,
    /// Group id.
    pub group_id: String,
    /// Group name (full name when the contest gives one).
    pub group_name: String,
    /// `ai-trainer-staff`: the page is `results/<slug>.html`.
    pub slug: String,
    /// Rows in the file.
    pub entered: usize,
    /// Ranked contestants (sat the contest, not disqualified).
    pub finalists: usize,
    /// Whether awards were given here.
    pub awards_given: bool,
    /// Why no awards were given, when the minimum number of finalists was not reached.
    pub below_minimum: Option<String>,
    /// The tiers with their sizes here.
    pub tiers: Vec<TierView>,
    /// Ranked first (by rank), then absent, then disqualified.
    pub entries: Vec<Entry>,
}

/// A tier of one table.
#[derive(Debug, Clone, Serialize)]
pub struct TierView {
    /// 一等奖.
    pub name: String,
    /// Awards available.
    pub size: usize,
    /// Awards given.
    pub given: usize,
}

/// One published line.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The rank; none for absent and disqualified.
    pub rank: Option<u32>,
    /// The name, masked when configured.
    pub name: String,
    /// 参赛单位.
    pub unit: String,
    /// Each part score with the kept decimals; empty when there is none.
    pub scores: Vec<String>,
    /// 实操用时 as `h:mm:ss`; empty when none.
    pub time: String,
    /// The total with the kept decimals; empty when not ranked.
    pub total: String,
    /// The award; empty when none.
    pub award: String,
    /// 缺考, 取消资格, or why a ranked contestant has no award.
    pub note: String,
    /// Ranked, absent or disqualified.
    pub status: Status,
    /// The part scores as numbers, for the spreadsheet download.
    #[serde(skip)]
    pub score_values: Vec<Option<Decimal>>,
    /// The total as a number.
    #[serde(skip)]
    pub total_value: Option<Decimal>,
    /// The time in seconds.
    #[serde(skip)]
    pub time_seconds: Option<u32>,
}

/// Finds the results file in `<root>/content`; more than one is a problem.
pub fn find_file(root: &Path) -> Result<Option<PathBuf>, Box<Problem>> {
    let content = root.join("content");
    let found: Vec<PathBuf> = FILE_NAMES
        .iter()
        .map(|name| content.join(name))
        .filter(|path| path.symlink_metadata().is_ok_and(|m| !m.is_dir()))
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => {
            let path = found.into_iter().next().expect("one file found");
            crate::fs::check_input(Some(root), &path, crate::fs::Input::Results)
                .map_err(|e| Box::new(Problem::from(e)))?;
            Ok(Some(path))
        }
        _ => Err(Box::new(
            Problem::general(
                None,
                format!(
                    "there are {} results files: {}",
                    found.len(),
                    found
                        .iter()
                        .map(|p| format!("`{}`", display_path(root, p).display()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .with_help("keep one results file in content/ and remove the others"),
        )),
    }
}

/// Checks `results:` and, when `content/` has a results file, reads, checks and ranks it.
/// `Ok(None)`: no results yet (nothing about results is published).
pub fn load(
    root: &Path,
    contest: &Contest,
    contest_file: &SourceFile,
) -> Result<Option<Results>, Problems> {
    let mut problems = Problems::default();
    let path = match find_file(root) {
        Ok(Some(path)) => path,
        Ok(None) => {
            return if problems.has_errors() {
                Err(problems)
            } else {
                Ok(None)
            };
        }
        Err(problem) => {
            problems.push(*problem);
            return Err(problems);
        }
    };
    let shown = display_path(root, &path);
    let published = match &contest.results.published {
        Some(day) => Some(day.value),
        None => {
            problems.push(
                Problem::general(
                    Some(contest_file),
                    format!(
                        "`{}` holds results, but `results.published` (the publication date) is not set",
                        shown.display()
                    ),
                )
                .with_help("add `results:` with `published: YYYY-MM-DD`, the date the results are published"),
            );
            None
        }
    };
    let layout = Layout::of(contest);
    let sheet_name = contest.results.sheet.as_ref().map(|s| s.value.as_str());
    let sheet = match read::read_file(&path, &shown, &layout, sheet_name) {
        Ok(sheet) => sheet,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    match from_sheet(contest, &sheet, published) {
        Ok(results) if !problems.has_errors() => Ok(Some(results)),
        Ok(_) => Err(problems),
        Err(found) => {
            problems.extend(found);
            Err(problems)
        }
    }
}

/// Checks and ranks a sheet that was read. Without a publication date the checks still run.
pub fn from_sheet(
    contest: &Contest,
    sheet: &Sheet,
    published: Option<Day>,
) -> Result<Results, Problems> {
    let mut problems = Problems::default();
    let uses_time = contest
        .results
        .tie_break
        .iter()
        .any(|k| k.value == TIME_KEY);
    if uses_time && sheet.index(Field::Time).is_none() {
        let layout = Layout::of(contest);
        let label = layout
            .spec(Field::Time)
            .map_or("实操用时", |s| s.label.as_str());
        problems.push(
            sheet
                .general(format!(
                    "`results.tie_break` uses the time, but the file has no {label} column"
                ))
                .with_help("add the time column, or take `time` out of `results.tie_break`"),
        );
    }
    let records = match validate::check(contest, sheet) {
        Ok(records) => records,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    match published {
        Some(day) if !problems.has_errors() => Ok(compute(
            contest,
            &records,
            day,
            sheet.index(Field::Time).is_some(),
        )),
        _ => Err(problems),
    }
}

/// Ranks and awards checked records.
pub fn compute(contest: &Contest, records: &[Record], published: Day, has_time: bool) -> Results {
    let cfg = &contest.results;
    let decimals = cfg.decimals();
    let parts = &contest.scoring.parts.value;
    let weights: Vec<u32> = parts.iter().map(|p| p.weight.value).collect();
    let tie_break: Vec<TieBreak> = cfg
        .tie_break
        .iter()
        .filter_map(|k| match k.value.as_str() {
            TIME_KEY => Some(TieBreak::Time),
            id => parts
                .iter()
                .position(|p| p.id.value.as_str() == id)
                .map(TieBreak::Part),
        })
        .collect();
    let tier_sizes: Vec<TierSize> = cfg
        .tiers
        .iter()
        .map(|t| match (t.value.share, t.value.count) {
            (Some(share), _) => TierSize::Share(share),
            (None, count) => TierSize::Count(count.unwrap_or(0)),
        })
        .collect();
    let has_awards = !tier_sizes.is_empty();
    let min_finalists = contest
        .awards
        .min_finalists
        .as_ref()
        .map(|m| m.value as usize);

    let mut tables = Vec::new();
    for (t, track) in contest.tracks.iter().enumerate() {
        for group in contest.groups_of(track) {
            let g = contest
                .groups
                .iter()
                .position(|x| x.id.value == group.id.value)
                .expect("groups_of returns groups of the contest");
            let mine: Vec<&Record> = records
                .iter()
                .filter(|r| r.track == t && r.group == g)
                .collect();
            let mut ranked: Vec<(&Record, Standing)> = mine
                .iter()
                .filter(|r| r.status == Status::Ranked)
                .map(|r| {
                    let standing = Standing {
                        total: rank::total(&r.scores, &weights, decimals),
                        scores: r.scores.clone(),
                        time: r.time,
                    };
                    (*r, standing)
                })
                .collect();
            let ranks = rank::rank_by(&mut ranked, |a, b| rank::compare(&a.1, &b.1, &tie_break));
            let finalists = ranked.len();
            let below = min_finalists.filter(|&min| finalists < min);
            let awards_given = has_awards && below.is_none() && finalists > 0;
            // Listed in order of their totals either way; the rank column stays empty when the rules
            // give no ranks below the minimum.
            let ranks_shown = below.is_none() || contest.awards.ranks_below_minimum;
            let sizes = awards::tier_sizes(finalists, &tier_sizes);
            let eligible: Vec<bool> = ranked
                .iter()
                .map(|(r, _)| r.no_award_honour.is_none())
                .collect();
            let tiers_of = if awards_given {
                awards::assign(&ranks, &eligible, &sizes)
            } else {
                vec![None; finalists]
            };
            let mut entries = Vec::with_capacity(mine.len());
            for (((record, standing), rank), tier) in ranked.iter().zip(&ranks).zip(&tiers_of) {
                let note = match (&record.no_award_honour, has_awards) {
                    (Some(honour), true) => format!("已获“{honour}”荣誉，不享受竞赛奖励"),
                    _ => String::new(),
                };
                entries.push(entry(
                    cfg.mask_names,
                    record,
                    ranks_shown.then_some(*rank),
                    Some(standing.total),
                    decimals,
                    tier.map(|i| cfg.tiers[i].value.name.clone())
                        .unwrap_or_default(),
                    note,
                ));
            }
            for status in [Status::Absent, Status::Disqualified] {
                for record in mine.iter().filter(|r| r.status == status) {
                    entries.push(entry(
                        cfg.mask_names,
                        record,
                        None,
                        None,
                        decimals,
                        String::new(),
                        status.chinese().to_string(),
                    ));
                }
            }
            let tiers = cfg
                .tiers
                .iter()
                .zip(&sizes)
                .enumerate()
                .map(|(i, (tier, size))| TierView {
                    name: tier.value.name.clone(),
                    size: if awards_given { *size } else { 0 },
                    given: tiers_of.iter().filter(|x| **x == Some(i)).count(),
                })
                .collect();
            tables.push(ResultTable {
                track_id: track.id.value.to_string(),
                track_name: track.name.clone(),
                group_id: group.id.value.to_string(),
                group_name: group
                    .full_name
                    .clone()
                    .unwrap_or_else(|| group.name.clone()),
                slug: format!("{}-{}", track.id.value, group.id.value),
                entered: mine.len(),
                finalists,
                awards_given,
                below_minimum: below.map(|min| below_minimum_note(contest, finalists, min)),
                tiers,
                entries,
            });
        }
    }
    Results {
        published: published.iso(),
        published_chinese: published.chinese(),
        decimals,
        parts: parts
            .iter()
            .map(|p| PartHead {
                id: p.id.value.to_string(),
                name: p.name.clone(),
                weight: p.weight.value,
            })
            .collect(),
        has_time,
        has_awards,
        masked: cfg.mask_names,
        rules: rules(contest, &tie_break, has_time),
        note: cfg.note.clone(),
        tables,
    }
}

fn entry(
    mask: bool,
    record: &Record,
    rank: Option<u32>,
    total: Option<Decimal>,
    decimals: u32,
    award: String,
    note: String,
) -> Entry {
    let fixed = |d: &Decimal| format!("{:.*}", decimals as usize, d);
    Entry {
        rank,
        name: if mask {
            mask_name(&record.name)
        } else {
            record.name.clone()
        },
        unit: record.unit.clone(),
        scores: record
            .scores
            .iter()
            .map(|s| s.as_ref().map(fixed).unwrap_or_default())
            .collect(),
        time: match record.status {
            Status::Ranked => record.time.map(validate::format_time).unwrap_or_default(),
            _ => String::new(),
        },
        total: total.as_ref().map(fixed).unwrap_or_default(),
        award,
        note,
        status: record.status,
        score_values: record.scores.clone(),
        total_value: total,
        time_seconds: record.time.filter(|_| record.status == Status::Ranked),
    }
}

/// 张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜; each member of a team (`张三、李四`) on its own.
pub fn mask_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let chars: Vec<char> = word.chars().collect();
        match chars.len() {
            0 => {}
            1 => out.push(chars[0]),
            2 => {
                out.push(chars[0]);
                out.push('*');
            }
            n => {
                out.push(chars[0]);
                out.extend(std::iter::repeat_n('*', n - 2));
                out.push(chars[n - 1]);
            }
        }
        word.clear();
    };
    for c in name.chars() {
        if matches!(c, '、' | ',' | '，' | ';' | '；' | '/' | ' ' | '　') {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn below_minimum_note(contest: &Contest, finalists: usize, min: usize) -> String {
    let rule = contest.awards.below_minimum.clone().unwrap_or_else(|| {
        format!(
            "参加决赛人数不足{min}人的，选手成绩只作为参加国家级竞赛选拔的依据，不给予竞赛奖励。"
        )
    });
    let withheld = if contest.awards.ranks_below_minimum {
        "不评定奖项"
    } else {
        "不评定名次和奖项"
    };
    format!("本组别参加决赛并取得成绩的选手共{finalists}人，不足{min}人，{withheld}。{rule}")
}

/// The rules applied, in words, stated once on the index page and in the downloads.
fn rules(contest: &Contest, tie_break: &[TieBreak], has_time: bool) -> Vec<String> {
    let cfg = &contest.results;
    let parts = &contest.scoring.parts.value;
    let decimals = cfg.decimals();
    let mut rules = Vec::new();
    if let [only] = parts.as_slice() {
        rules.push(format!(
            "总成绩即{}成绩（满分{}分）。",
            only.name,
            validate::FULL_MARKS
        ));
    } else {
        let terms: Vec<String> = parts
            .iter()
            .map(|p| format!("{}成绩×{}%", p.name, p.weight.value))
            .collect();
        rules.push(format!(
            "总成绩＝{}（各部分满分均为{}分）。",
            terms.join("＋"),
            validate::FULL_MARKS
        ));
    }
    rules.push(if decimals == 0 {
        "各部分成绩和总成绩均取整数，小数点后第一位四舍五入；总成绩按取整后的各部分成绩计算。".to_string()
    } else {
        format!(
            "各部分成绩和总成绩均保留{decimals}位小数，第{}位四舍五入；总成绩按保留{decimals}位小数后的各部分成绩计算。",
            decimals + 1
        )
    });
    let mut ranking = "名次在每个赛项的每个组别内按总成绩由高到低排定".to_string();
    let keys: Vec<String> = tie_break
        .iter()
        .filter(|k| has_time || **k != TieBreak::Time)
        .map(|k| match k {
            TieBreak::Part(i) => format!("{}成绩（高者在前）", parts[*i].name),
            TieBreak::Time => "实操用时（少者在前）".to_string(),
        })
        .collect();
    if !keys.is_empty() {
        ranking.push_str(&format!("；总成绩相同时，依次比较{}", keys.join("、")));
    }
    ranking.push_str("；仍相同的名次并列，其后的名次顺延（如1、2、2、4）。缺考和取消资格的选手不排名次，列于表末。");
    rules.push(ranking);
    if !cfg.tiers.is_empty() {
        let tiers: Vec<String> = cfg
            .tiers
            .iter()
            .map(|t| match (t.value.share, t.value.count) {
                (Some(share), _) => format!("{}{}%", t.value.name, share),
                (None, count) => format!("{}{}名", t.value.name, count.unwrap_or(0)),
            })
            .collect();
        rules.push(format!(
            "奖项按每个赛项每个组别参加决赛并取得成绩的人数评定：{}（按比例计算的名额向下取整）。名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入下一等次。",
            tiers.join("、")
        ));
        if !contest.rules.no_award_honours.is_empty() {
            rules.push(contest.rules.no_award_note.clone().unwrap_or_else(|| {
                format!(
                    "获得{}等荣誉的选手参加排名，但不享受竞赛奖励。",
                    contest
                        .rules
                        .no_award_honours
                        .iter()
                        .map(|h| format!("“{h}”"))
                        .collect::<Vec<_>>()
                        .join("、")
                )
            }));
            rules.push("荣誉获得者占用其名次及该名次对应的奖项名额。".to_string());
        }
    }
    if let Some(min) = &contest.awards.min_finalists {
        rules.push(contest.awards.below_minimum.clone().unwrap_or_else(|| {
            format!(
                "参加决赛人数须在{}人以上，不足{}人的，选手成绩只作为参加国家级竞赛选拔的依据，不给予竞赛奖励。",
                min.value, min.value
            )
        }));
    }
    if cfg.mask_names {
        rules.push("为保护个人信息，选手姓名部分隐去。".to_string());
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking() {
        assert_eq!(mask_name("张三丰"), "张*丰");
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧**娜");
        assert_eq!(mask_name("张三、李四五"), "张*、李*五");
        assert_eq!(mask_name("王"), "王");
    }
}
