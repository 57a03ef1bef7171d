//! The sentences shown to people with the results: the rules applied (stated once on the index page
//! and in the downloads), why a table has no awards, why a ranked contestant has none. The computation
//! ([`super::compute`]) decides; this module only words what was decided.

use super::cells::FULL_MARKS;
use super::rank::TieBreak;
use crate::model::{Contest, ScoringPart};

/// The note of a ranked contestant who holds `honour` (of `rules.no_award_honours`) and so gets no
/// award.
pub(super) fn no_award_note(honour: &str) -> String {
    format!("已获“{honour}”荣誉，不享受竞赛奖励")
}

/// Who the results count: 参加<round>并取得成绩 when `results.round` names the round (决赛), else 取得成绩.
pub(super) fn counted(contest: &Contest) -> String {
    match &contest.results.round {
        Some(round) => format!("参加{round}并取得成绩"),
        None => "取得成绩".to_string(),
    }
}

/// Why a track (and group) with `finalists` ranked contestants, fewer than `min`, has no awards (and
/// no ranks, when `awards.ranks_below_minimum` is off), followed by the rule in the contest's words
/// (`awards.below_minimum`) when it gives them.
pub(super) fn below_minimum_note(contest: &Contest, finalists: usize, min: usize) -> String {
    let withheld = withheld(contest);
    let here = if contest.groups.is_empty() {
        "本赛项"
    } else {
        "本组别"
    };
    let counted = counted(contest);
    let rule = contest.awards.below_minimum.as_deref().unwrap_or_default();
    format!("{here}{counted}的选手共{finalists}人，不足{min}人，{withheld}。{rule}")
}

/// What is withheld below the minimum: the awards, or the ranks too.
fn withheld(contest: &Contest) -> &'static str {
    if contest.awards.ranks_below_minimum {
        "不评定奖项"
    } else {
        "不评定名次和奖项"
    }
}

/// What one results table covers, in words: 每个赛项的每个组别, or 每个赛项 without groups.
fn per_table(contest: &Contest) -> &'static str {
    if contest.groups.is_empty() {
        "每个赛项"
    } else {
        "每个赛项的每个组别"
    }
}

/// The rules applied, in words, stated once on the index page and in the downloads.
pub(super) fn rules(contest: &Contest, tie_break: &[TieBreak], has_time: bool) -> Vec<String> {
    let cfg = &contest.results;
    let parts = &contest.scoring.parts.value;
    let mut rules = vec![
        total_rule(parts),
        rounding_rule(cfg.decimals()),
        ranking_rule(contest, tie_break, has_time),
    ];
    if !cfg.tiers.is_empty() {
        award_rules(contest, &mut rules);
    }
    if let Some(min) = &contest.awards.min_finalists {
        // In the contest's words when it gives them; otherwise only what the computation does.
        rules.push(contest.awards.below_minimum.clone().unwrap_or_else(|| {
            format!(
                "{}{}的选手不足{}人的，{}。",
                per_table(contest),
                counted(contest),
                min.value,
                withheld(contest)
            )
        }));
    }
    if cfg.mask_names {
        rules.push("为保护个人信息，选手姓名部分隐去。".to_string());
    }
    rules
}

/// How the total is made of the part scores.
fn total_rule(parts: &[ScoringPart]) -> String {
    if let [only] = parts {
        format!("总成绩即{}成绩（满分{}分）。", only.name, FULL_MARKS)
    } else {
        let terms: Vec<String> = parts
            .iter()
            .map(|p| format!("{}成绩×{}%", p.name, p.weight.value))
            .collect();
        format!(
            "总成绩＝{}（各部分满分均为{}分）。",
            terms.join("＋"),
            FULL_MARKS
        )
    }
}

/// How scores and totals are rounded.
fn rounding_rule(decimals: u32) -> String {
    if decimals == 0 {
        "各部分成绩和总成绩均取整数，小数点后第一位四舍五入；总成绩按取整后的各部分成绩计算。"
            .to_string()
    } else {
        format!(
            "各部分成绩和总成绩均保留{decimals}位小数，第{}位四舍五入；总成绩按保留{decimals}位小数后的各部分成绩计算。",
            decimals + 1
        )
    }
}

/// How ranks are given: by total, then the tie-break keys (the time only when the file has it), then
/// shared; the absent and disqualified last.
fn ranking_rule(contest: &Contest, tie_break: &[TieBreak], has_time: bool) -> String {
    let parts = &contest.scoring.parts.value;
    let mut ranking = format!("名次在{}内按总成绩由高到低排定", per_table(contest));
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
    ranking
}

/// How awards are given by tier, and what holders of a no-award honour get.
fn award_rules(contest: &Contest, rules: &mut Vec<String>) {
    let tiers: Vec<String> = contest
        .results
        .tiers
        .iter()
        .map(|t| match (t.value.share, t.value.count) {
            (Some(share), _) => format!("{}{}%", t.value.name, share),
            (None, count) => format!("{}{}名", t.value.name, count.unwrap_or(0)),
        })
        .collect();
    rules.push(format!(
        "奖项按{}{}的人数评定：{}（按比例计算的名额向下取整）。名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入下一等次。",
        per_table(contest).replace("的", ""),
        counted(contest),
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
