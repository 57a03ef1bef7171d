//! The sentences shown to people with the results: the rules applied (stated once on the index page
//! and in the downloads), why a table has no awards, why a ranked contestant has none. The computation
//! ([`super::compute`]) decides; this module only words what was decided.

use super::cells::FULL_MARKS;
use super::rank::TieBreak;
use crate::model::{Contest, Rounding, ScoringPart, Ties, UnitAward};

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

/// The rules applied, in words, stated once on the index page and in the downloads. `by_modules` says,
/// for each scoring part, whether its score was computed from its modules' columns.
pub(super) fn rules(
    contest: &Contest,
    tie_break: &[TieBreak],
    has_time: bool,
    by_modules: &[bool],
) -> Vec<String> {
    let cfg = &contest.results;
    let score_parts = contest.score_parts();
    let mut rules = total_rules(contest, &score_parts, by_modules);
    rules.insert(rules.len().min(1), rounding_rule(cfg.decimals()));
    rules.push(ranking_rule(contest, &score_parts, tie_break, has_time));
    if !contest.award_tiers().is_empty() {
        award_rules(contest, &mut rules);
    }
    rules.extend(minimum_rule(contest));
    if cfg.mask_names {
        rules.push("为保护个人信息，选手姓名部分隐去。".to_string());
    }
    rules
}

/// How the totals are made: the contest's parts (for the tracks that follow them), then each track's own
/// scoring, prefixed with its name; each followed by how its parts are made of their modules when the
/// sheet gave their scores by modules. Without tracks of their own scoring, the contest's sentences as
/// they always were.
fn total_rules(contest: &Contest, score_parts: &[ScoringPart], by_modules: &[bool]) -> Vec<String> {
    let own_scoring = contest.tracks.iter().any(|t| t.scoring.is_some());
    let by = |part: &ScoringPart| {
        score_parts
            .iter()
            .position(|u| u.id.value == part.id.value)
            .and_then(|i| by_modules.get(i).copied())
            .unwrap_or(false)
            && !part.modules().is_empty()
    };
    let mut schemes: Vec<(String, &[ScoringPart])> = Vec::new();
    if contest.contest_scoring_used() && !contest.parts().is_empty() {
        let prefix = if own_scoring {
            "除下列赛项外，".to_string()
        } else {
            String::new()
        };
        schemes.push((prefix, contest.parts()));
    }
    for track in contest.tracks.iter().filter(|t| t.scoring.is_some()) {
        let parts = contest.parts_of(track);
        if !parts.is_empty() {
            schemes.push((format!("{}赛项：", track.name), parts));
        }
    }
    let mut rules = Vec::new();
    for (prefix, parts) in schemes {
        rules.push(format!("{prefix}{}", total_rule(parts)));
        for part in parts.iter().filter(|p| by(p)) {
            rules.push(format!("{prefix}{}", module_rule(part)));
        }
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

/// How a part's score is made of its modules' scores (when the sheet gives them).
fn module_rule(part: &ScoringPart) -> String {
    let terms: Vec<String> = part
        .modules()
        .iter()
        .map(|m| format!("{}成绩×{}%", m.name, m.weight.value))
        .collect();
    format!(
        "{}成绩由各模块成绩计算：{}成绩＝{}（各模块满分均为{}分，小数的保留和四舍五入同上）。",
        part.name,
        part.name,
        terms.join("＋"),
        FULL_MARKS
    )
}

/// The rule below `awards.min_finalists`, in the contest's words when it gives them; otherwise only
/// what the computation does.
fn minimum_rule(contest: &Contest) -> Option<String> {
    let min = contest.awards.min_finalists.as_ref()?;
    Some(contest.awards.below_minimum.clone().unwrap_or_else(|| {
        format!(
            "{}{}的选手不足{}人的，{}。",
            per_table(contest),
            counted(contest),
            min.value,
            withheld(contest)
        )
    }))
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
fn ranking_rule(
    contest: &Contest,
    parts: &[ScoringPart],
    tie_break: &[TieBreak],
    has_time: bool,
) -> String {
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
    let tiers = contest.award_tiers();
    // The rounding matters for shares only; tiers under `results.tiers` (the older place) keep the
    // sentence they always had.
    let rounding =
        if tiers.iter().any(|t| t.value.share.is_some()) || contest.awards.tiers.is_empty() {
            format!("（{}）", rounding_words(contest.awards.rounding()))
        } else {
            String::new()
        };
    rules.push(format!(
        "奖项按{}{}的人数评定：{}{rounding}。{}",
        per_table(contest).replace("的", ""),
        counted(contest),
        tier_list(tiers).join("、"),
        ties_words(contest.awards.ties())
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

/// Each tier in words: 一等奖10% for a share, 一等奖1名 for a count.
fn tier_list(tiers: &[crate::model::Spanned<crate::model::Tier>]) -> Vec<String> {
    tiers
        .iter()
        .map(|t| match (t.value.share, t.value.count) {
            (Some(share), _) => format!("{}{}%", t.value.name, share),
            (None, count) => format!("{}{}名", t.value.name, count.unwrap_or(0)),
        })
        .collect()
}

/// How a share becomes a number of awards, in words.
fn rounding_words(rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::Down => "按比例计算的名额向下取整",
        Rounding::Nearest => "按比例计算的名额四舍五入取整",
        Rounding::Up => "按比例计算的名额向上取整，不足1名的按1名计",
    }
}

/// What happens to contestants who share a rank at a tier boundary, in words.
fn ties_words(ties: Ties) -> &'static str {
    match ties {
        Ties::NextTier => {
            "名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入下一等次。"
        }
        Ties::HigherTier => {
            "名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入该等次，该等次名额相应增加，其后等次的名额相应减少。"
        }
    }
}

/// The award scheme as stated before the results (奖项设置), one sentence each: the tiers of
/// `awards.tiers`, the tie rule, the minimum, then the unit awards. Empty when `awards` states neither
/// tiers nor unit awards (the older `results.tiers` is not stated before the results).
pub fn award_scheme(contest: &Contest) -> Vec<String> {
    let awards = &contest.awards;
    let mut sentences = Vec::new();
    if !awards.tiers.is_empty() {
        sentences.push(tier_sentence(contest));
        sentences.push(ties_words(awards.ties()).to_string());
        sentences.extend(minimum_rule(contest));
    }
    sentences.extend(awards.unit_awards.iter().map(|a| unit_award(&a.value)));
    sentences
}

/// The tiers in one sentence: 每个赛项设一等奖1名、二等奖2名 for counts; for shares, the percents of
/// the contestants counted and how they are rounded.
fn tier_sentence(contest: &Contest) -> String {
    let tiers = &contest.awards.tiers;
    let names: Vec<&str> = tiers.iter().map(|t| t.value.name.as_str()).collect();
    let shares: Vec<u32> = tiers.iter().filter_map(|t| t.value.share).collect();
    let base = format!("{}{}的选手人数", per_table(contest), counted(contest));
    if shares.is_empty() {
        format!("{}设{}。", per_table(contest), tier_list(tiers).join("、"))
    } else if shares.len() == tiers.len() {
        let percents: Vec<String> = shares.iter().map(|s| format!("{s}%")).collect();
        format!(
            "按{base}的{}分别评定{}，{}。",
            percents.join("、"),
            names.join("、"),
            rounding_words(contest.awards.rounding())
        )
    } else {
        format!(
            "按{base}评定奖项：{}，{}。",
            tier_list(tiers).join("、"),
            rounding_words(contest.awards.rounding())
        )
    }
}

/// A unit award in words: as worded, or 设优秀组织奖5个，授予…。
fn unit_award(award: &UnitAward) -> String {
    if let Some(wording) = &award.wording {
        return wording.clone();
    }
    let count = award
        .count
        .as_ref()
        .map(|c| format!("{}个", c.value))
        .unwrap_or_default();
    match &award.to {
        Some(to) => format!("设{}{count}，授予{to}。", award.name),
        None => format!("设{}{count}。", award.name),
    }
}
