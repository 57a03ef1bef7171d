//! Totals and ranks: the weighted total of the rounded part scores, rounded once more; ranks within a
//! track and group with the configured tie-break, and shared ranks for what is still equal (1, 2, 2, 4).

use super::cells::round;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A key that orders equal totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieBreak {
    /// The score of this scoring part: higher first.
    Part(usize),
    /// 实操用时: shorter first; no time comes last.
    Time,
}

/// Σ score × weight / 100, rounded half up to `decimals`. Missing scores count as 0.
pub fn total(scores: &[Option<Decimal>], weights: &[u32], decimals: u32) -> Decimal {
    let sum: Decimal = scores
        .iter()
        .zip(weights)
        .map(|(score, weight)| score.unwrap_or(Decimal::ZERO) * Decimal::from(*weight))
        .sum();
    round(sum / Decimal::from(100), decimals)
}

/// What a contestant is ranked by.
#[derive(Debug, Clone)]
pub struct Standing {
    /// The weighted total, already rounded to the contest's decimals; compared first.
    pub total: Decimal,
    /// The part scores.
    pub scores: Vec<Option<Decimal>>,
    /// The time in seconds.
    pub time: Option<u32>,
}

/// Best first: higher total, then each tie-break key in order.
pub fn compare(a: &Standing, b: &Standing, tie_break: &[TieBreak]) -> Ordering {
    b.total.cmp(&a.total).then_with(|| {
        for key in tie_break {
            let order = match key {
                TieBreak::Part(i) => {
                    let score = |s: &Standing| s.scores.get(*i).copied().flatten();
                    score(b).cmp(&score(a))
                }
                TieBreak::Time => match (a.time, b.time) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
            };
            if order != Ordering::Equal {
                return order;
            }
        }
        Ordering::Equal
    })
}

/// Sorts `items` best first (stable: equal items keep their order) and returns their ranks, shared
/// where `cmp` finds two items equal: 1, 2, 2, 4.
pub fn rank_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) -> Vec<u32> {
    items.sort_by(&cmp);
    let mut ranks: Vec<u32> = Vec::with_capacity(items.len());
    for i in 0..items.len() {
        let rank = if i > 0 && cmp(&items[i - 1], &items[i]) == Ordering::Equal {
            ranks[i - 1]
        } else {
            i as u32 + 1
        };
        ranks.push(rank);
    }
    ranks
}
