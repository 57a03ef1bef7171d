//! From checked records to [`Results`]: one table per track and group the contest runs, each ranked
//! ([`rank`]) and awarded ([`awards`]), with the published entries. The sentences shown with them come
//! from [`wording`].

use super::awards::{self, TierSize};
use super::layout::{TrackPart, parts_by_track};
use super::published::mask_name;
use super::rank::{self, Standing, TieBreak};
use super::validate::{Record, Status, format_time};
use super::{Entry, PartHead, ResultTable, Results, ScoreColumn, TierView, UnitAwardView, wording};
use crate::model::TIME_KEY;
use crate::model::values::Day;
use crate::model::{Contest, Group, ScoringPart, Track};
use rust_decimal::Decimal;

/// Ranks and awards checked records. `has_time`: the sheet has a time column; `by_modules`: for each
/// scoring part, whether its scores were computed from its modules' columns (stated in the rules).
pub fn compute(
    contest: &Contest,
    records: &[Record],
    published: Day,
    has_time: bool,
    by_modules: &[bool],
) -> Results {
    let cfg = &contest.results;
    let plan = Plan::of(contest, by_modules);
    let mut tables = Vec::new();
    for (t, track) in contest.tracks.iter().enumerate() {
        if contest.groups.is_empty() {
            tables.push(plan.table(records, t, track, None));
        }
        for group in contest.groups_of(track) {
            tables.push(plan.table(records, t, track, Some(group)));
        }
    }
    Results {
        published: published.iso(),
        published_chinese: published.chinese(),
        decimals: plan.decimals,
        parts: plan
            .score_parts
            .iter()
            .map(|p| PartHead {
                id: p.id.value.to_string(),
                name: p.name.clone(),
                weight: p.weight.value,
            })
            .collect(),
        score_columns: score_columns(&plan, by_modules),
        has_time,
        has_awards: plan.has_awards,
        has_groups: !contest.groups.is_empty(),
        counted: wording::counted(contest),
        round: cfg.round.clone(),
        masked: cfg.mask_names,
        rules: wording::rules(contest, &plan.tie_break, has_time, by_modules),
        note: cfg.note.clone(),
        tables,
        unit_awards: cfg
            .unit_awards
            .iter()
            .map(|given| UnitAwardView {
                name: given.value.award.value.clone(),
                units: given
                    .value
                    .units
                    .iter()
                    .map(|u| u.value.trim().to_string())
                    .collect(),
            })
            .collect(),
    }
}

/// Where a published score column takes its scores from: a score part's index among
/// [`Contest::score_parts`], and the module's index among that part's modules (none for the part).
type ColumnKey = (usize, Option<usize>);

/// The score columns of the whole sheet (the downloads' columns): for each score part, a column for
/// each of its modules when its scores were computed from them, then the part's own. A column whose
/// weight differs between the tracks that have it is headed without a weight.
fn score_columns(plan: &Plan<'_>, by_modules: &[bool]) -> Vec<ScoreColumn> {
    let mut columns = Vec::new();
    for (index, (part, by)) in plan.score_parts.iter().zip(by_modules).enumerate() {
        if *by {
            columns.extend(
                part.modules()
                    .iter()
                    .enumerate()
                    .map(|(m, module)| ScoreColumn {
                        name: module.name.clone(),
                        weight: module.weight.value,
                        part_name: Some(part.name.clone()),
                        same_weight: plan.same_weight((index, Some(m))),
                    }),
            );
        }
        columns.push(ScoreColumn {
            name: part.name.clone(),
            weight: part.weight.value,
            part_name: None,
            same_weight: plan.same_weight((index, None)),
        });
    }
    columns
}

/// The keys of the columns of [`score_columns`], in the same order.
fn column_keys(score_parts: &[ScoringPart], by_modules: &[bool]) -> Vec<ColumnKey> {
    let mut keys = Vec::new();
    for (index, (part, by)) in score_parts.iter().zip(by_modules).enumerate() {
        if *by {
            keys.extend((0..part.modules().len()).map(|m| (index, Some(m))));
        }
        keys.push((index, None));
    }
    keys
}

/// A track's own score columns, in the order of its parts: a column for each of a part's modules when
/// the part's scores were computed from them, then the part's; with the track's weights.
fn track_columns(parts: &[TrackPart<'_>], by_modules: &[bool]) -> Vec<(ColumnKey, ScoreColumn)> {
    let mut columns = Vec::new();
    for tp in parts {
        if by_modules.get(tp.index).copied().unwrap_or(false) {
            for (module, &m) in tp.part.modules().iter().zip(&tp.modules) {
                columns.push((
                    (tp.index, Some(m)),
                    ScoreColumn {
                        name: module.name.clone(),
                        weight: module.weight.value,
                        part_name: Some(tp.part.name.clone()),
                        same_weight: true,
                    },
                ));
            }
        }
        columns.push((
            (tp.index, None),
            ScoreColumn {
                name: tp.part.name.clone(),
                weight: tp.part.weight.value,
                part_name: None,
                same_weight: true,
            },
        ));
    }
    columns
}

/// The contest's rules as the computation uses them, worked out once for every table.
struct Plan<'a> {
    /// The contest.
    contest: &'a Contest,
    /// `results.decimals`.
    decimals: u32,
    /// Every part some track uses ([`Contest::score_parts`]): the sheet's score columns.
    score_parts: Vec<ScoringPart>,
    /// For each track, the weight of each score part in percent (0 for a part it does not have).
    weights: Vec<Vec<u32>>,
    /// For each track, its own score columns with where they take their scores from.
    columns: Vec<Vec<(ColumnKey, ScoreColumn)>>,
    /// The keys of the sheet's score columns ([`Results::score_columns`]), in their order.
    keys: Vec<ColumnKey>,
    /// `results.tie_break` as keys.
    tie_break: Vec<TieBreak>,
    /// `awards.tiers` (or `results.tiers`) as sizes.
    tier_sizes: Vec<TierSize>,
    /// Whether the contest has award tiers.
    has_awards: bool,
    /// `awards.min_finalists`.
    min_finalists: Option<usize>,
}

impl<'a> Plan<'a> {
    /// The plan of `contest`; `by_modules` says for each score part whether its scores came from its
    /// modules' columns.
    fn of(contest: &'a Contest, by_modules: &[bool]) -> Self {
        let cfg = &contest.results;
        let score_parts = contest.score_parts();
        let parts = score_parts.as_slice();
        let tracks = parts_by_track(contest, parts);
        let weights = tracks
            .iter()
            .map(|own| {
                let mut weights = vec![0; parts.len()];
                for tp in own {
                    weights[tp.index] = tp.part.weight.value;
                }
                weights
            })
            .collect();
        let columns = tracks
            .iter()
            .map(|own| track_columns(own, by_modules))
            .collect();
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
        let tier_sizes: Vec<TierSize> = contest
            .award_tiers()
            .iter()
            .map(|t| match (t.value.share, t.value.count) {
                (Some(share), _) => TierSize::Share(share),
                (None, count) => TierSize::Count(count.unwrap_or(0)),
            })
            .collect();
        Plan {
            contest,
            decimals: cfg.decimals(),
            keys: column_keys(parts, by_modules),
            weights,
            columns,
            tie_break,
            has_awards: !tier_sizes.is_empty(),
            tier_sizes,
            min_finalists: contest
                .awards
                .min_finalists
                .as_ref()
                .map(|m| m.value as usize),
            score_parts,
        }
    }

    /// Whether every track that has the column of `key` gives it the same weight.
    fn same_weight(&self, key: ColumnKey) -> bool {
        let mut weights = self
            .columns
            .iter()
            .flatten()
            .filter(|(k, _)| *k == key)
            .map(|(_, column)| column.weight);
        let first = weights.next();
        weights.all(|w| Some(w) == first)
    }

    /// The table of the track at index `t` and `group` (`None` when the contest has no groups): its
    /// records ranked, awarded and listed.
    fn table(
        &self,
        records: &[Record],
        t: usize,
        track: &Track,
        group: Option<&Group>,
    ) -> ResultTable {
        let contest = self.contest;
        let g = group.map(|group| {
            contest
                .groups
                .iter()
                .position(|x| x.id.value == group.id.value)
                .expect("groups_of returns groups of the contest")
        });
        let mine: Vec<&Record> = records
            .iter()
            .filter(|r| r.track == t && r.group == g)
            .collect();
        let mut ranked = self.standings(&mine, &self.weights[t]);
        let ranks = rank::rank_by(&mut ranked, |a, b| {
            rank::compare(&a.1, &b.1, &self.tie_break)
        });
        let finalists = ranked.len();
        let below = self.min_finalists.filter(|&min| finalists < min);
        let awards_given = self.has_awards && below.is_none() && finalists > 0;
        // Listed in order of their totals either way; the rank column stays empty when the rules
        // give no ranks below the minimum.
        let ranks_shown = below.is_none() || contest.awards.ranks_below_minimum;
        let sizes = awards::tier_sizes(finalists, &self.tier_sizes, contest.awards.rounding());
        let eligible: Vec<bool> = ranked
            .iter()
            .map(|(r, _)| r.no_award_honour.is_none())
            .collect();
        let tiers_of = if awards_given {
            awards::assign(&ranks, &eligible, &sizes, contest.awards.ties())
        } else {
            vec![None; finalists]
        };
        let mut entries = Vec::with_capacity(mine.len());
        let keys: Vec<ColumnKey> = self.columns[t].iter().map(|(key, _)| *key).collect();
        self.ranked_entries(&ranked, &ranks, &tiers_of, ranks_shown, &keys, &mut entries);
        self.unranked_entries(&mine, &keys, &mut entries);
        ResultTable {
            track_id: track.id.value.to_string(),
            track_name: track.name.clone(),
            group_id: group.map(|g| g.id.value.to_string()).unwrap_or_default(),
            group_name: group
                .map(|g| g.full_name.clone().unwrap_or_else(|| g.name.clone()))
                .unwrap_or_default(),
            slug: match group {
                Some(group) => format!("{}-{}", track.id.value, group.id.value),
                None => track.id.value.to_string(),
            },
            entered: mine.len(),
            finalists,
            awards_given,
            below_minimum: below.map(|min| wording::below_minimum_note(contest, finalists, min)),
            ranks_shown,
            tiers: self.tier_views(&sizes, &tiers_of, awards_given),
            entries,
            score_columns: self.columns[t].iter().map(|(_, c)| c.clone()).collect(),
            sheet_columns: keys
                .iter()
                .map(|key| {
                    self.keys
                        .iter()
                        .position(|k| k == key)
                        .expect("a track's columns are columns of the sheet")
                })
                .collect(),
        }
    }

    /// The ranked records (sat the contest, not disqualified) with what they are ranked by, in the
    /// order of the sheet.
    fn standings<'r>(&self, mine: &[&'r Record], weights: &[u32]) -> Vec<(&'r Record, Standing)> {
        mine.iter()
            .filter(|r| r.status == Status::Ranked)
            .map(|r| {
                let standing = Standing {
                    total: rank::total(&r.scores, weights, self.decimals),
                    scores: r.scores.clone(),
                    time: r.time,
                };
                (*r, standing)
            })
            .collect()
    }

    /// The entries of the ranked, best first, with their rank (when shown) and award.
    fn ranked_entries(
        &self,
        ranked: &[(&Record, Standing)],
        ranks: &[u32],
        tiers_of: &[Option<usize>],
        ranks_shown: bool,
        keys: &[ColumnKey],
        entries: &mut Vec<Entry>,
    ) {
        let cfg = &self.contest.results;
        for (((record, standing), rank), tier) in ranked.iter().zip(ranks).zip(tiers_of) {
            let note = match (&record.no_award_honour, self.has_awards) {
                (Some(honour), true) => wording::no_award_note(honour),
                _ => String::new(),
            };
            entries.push(entry(
                cfg.mask_names,
                record,
                keys,
                self.decimals,
                Outcome {
                    rank: ranks_shown.then_some(*rank),
                    total: Some(standing.total),
                    award: tier
                        .map(|i| self.contest.award_tiers()[i].value.name.clone())
                        .unwrap_or_default(),
                    note,
                },
            ));
        }
    }

    /// The entries of the absent, then of the disqualified, in the order of the sheet, without rank.
    fn unranked_entries(&self, mine: &[&Record], keys: &[ColumnKey], entries: &mut Vec<Entry>) {
        for status in [Status::Absent, Status::Disqualified] {
            for record in mine.iter().filter(|r| r.status == status) {
                entries.push(entry(
                    self.contest.results.mask_names,
                    record,
                    keys,
                    self.decimals,
                    Outcome {
                        rank: None,
                        total: None,
                        award: String::new(),
                        note: status.chinese().to_string(),
                    },
                ));
            }
        }
    }

    /// Each tier with its size (0 where no awards are given) and the awards given.
    fn tier_views(
        &self,
        sizes: &[usize],
        tiers_of: &[Option<usize>],
        awards_given: bool,
    ) -> Vec<TierView> {
        self.contest
            .award_tiers()
            .iter()
            .zip(sizes)
            .enumerate()
            .map(|(i, (tier, size))| TierView {
                name: tier.value.name.clone(),
                size: if awards_given { *size } else { 0 },
                given: tiers_of.iter().filter(|x| **x == Some(i)).count(),
            })
            .collect()
    }
}

/// What the computation gave a record: its rank (when shown), total, award and note.
struct Outcome {
    /// The rank, when shown.
    rank: Option<u32>,
    /// The total, when ranked.
    total: Option<Decimal>,
    /// The award; empty when none.
    award: String,
    /// 缺考, 取消资格, or why a ranked contestant has no award.
    note: String,
}

/// The published line of a record: its name masked when `mask`, its scores (those of the columns of
/// `keys`, its track's) and total with `decimals` decimals, its time only when ranked.
fn entry(
    mask: bool,
    record: &Record,
    keys: &[ColumnKey],
    decimals: u32,
    outcome: Outcome,
) -> Entry {
    let Outcome {
        rank,
        total,
        award,
        note,
    } = outcome;
    let fixed = |d: &Decimal| format!("{:.*}", decimals as usize, d);
    let score_cell_values: Vec<Option<Decimal>> = keys
        .iter()
        .map(|&(part, module)| match module {
            None => record.scores[part],
            Some(m) => record.module_scores[part].get(m).copied().flatten(),
        })
        .collect();
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
        score_cells: score_cell_values
            .iter()
            .map(|s| s.as_ref().map(fixed).unwrap_or_default())
            .collect(),
        score_cell_values,
        time: match record.status {
            Status::Ranked => record.time.map(format_time).unwrap_or_default(),
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
