//! Award tiers: how many awards each tier has, and who gets which.
//!
//! A share of the finalists becomes a number of awards as `awards.rounding` says: down (the default:
//! 10% of 6 is 0, so the best of six gets the second tier), to the nearest (a half up: 10% of 6 is 1)
//! or up (不足1名的按1名计: 10% of 6 is 1). A count is a count (never more than the finalists).
//!
//! Tiers are filled in rank order, and contestants who share a rank are never split. When a group of
//! equal contestants does not fit in what is left of a tier, `awards.ties` decides:
//! - [`Ties::NextTier`] (the default): the rest of that tier stays empty and the group goes on to the
//!   next tier, so no tier ever has more awards than its size;
//! - [`Ties::HigherTier`]: the whole group gets that tier, which grows; the tiers are then given by rank
//!   (the first tier to ranks 1 to n₁, the second up to n₁+n₂, …), so the tiers below start after the
//!   group and shrink by as much, and a group across the last boundary makes one more award or several.
//!
//! A contestant who holds a no-award honour keeps the place (and the rank) but receives no award.

use crate::model::{Rounding, Ties};

/// How big a tier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierSize {
    /// This percent of the finalists, rounded as the contest says.
    Share(u32),
    /// This many.
    Count(u32),
}

/// The number of awards of each tier for `finalists` ranked contestants, shares rounded as `rounding`
/// says.
pub fn tier_sizes(finalists: usize, tiers: &[TierSize], rounding: Rounding) -> Vec<usize> {
    tiers
        .iter()
        .map(|tier| match *tier {
            TierSize::Share(percent) => {
                let hundredths = finalists * percent as usize;
                match rounding {
                    Rounding::Down => hundredths / 100,
                    Rounding::Nearest => (hundredths + 50) / 100,
                    Rounding::Up => hundredths.div_ceil(100),
                }
            }
            TierSize::Count(count) => (count as usize).min(finalists),
        })
        .collect()
}

/// The tier (index) of each contestant, given ranks in order (best first, shared ranks adjacent),
/// whether each may receive an award, the tier sizes, and what happens to a tie at a tier boundary.
pub fn assign(ranks: &[u32], eligible: &[bool], sizes: &[usize], ties: Ties) -> Vec<Option<usize>> {
    let tier_of_group = match ties {
        Ties::NextTier => next_tier(ranks, sizes),
        Ties::HigherTier => higher_tier(ranks, sizes),
    };
    tier_of_group
        .into_iter()
        .zip(eligible)
        .map(|(tier, &eligible)| tier.filter(|_| eligible))
        .collect()
}

/// The groups of equal contestants: the range of each, in order.
fn groups(ranks: &[u32]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= ranks.len() {
            return None;
        }
        let end = (start..ranks.len())
            .find(|&i| ranks[i] != ranks[start])
            .unwrap_or(ranks.len());
        let group = start..end;
        start = end;
        Some(group)
    })
}

/// [`Ties::NextTier`]: each tier keeps its size; a group that does not fit in what is left goes on.
fn next_tier(ranks: &[u32], sizes: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; ranks.len()];
    let mut tier = 0;
    let mut left = sizes.first().copied().unwrap_or(0);
    for group in groups(ranks) {
        let size = group.len();
        while tier < sizes.len() && size > left {
            tier += 1;
            left = sizes.get(tier).copied().unwrap_or(0);
        }
        if tier == sizes.len() {
            break;
        }
        for slot in &mut out[group] {
            *slot = Some(tier);
        }
        left -= size;
    }
    out
}

/// [`Ties::HigherTier`]: a group gets the tier in which its first place falls; the tiers' boundaries
/// stay where the sizes put them.
fn higher_tier(ranks: &[u32], sizes: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; ranks.len()];
    let ends: Vec<usize> = sizes
        .iter()
        .scan(0, |end, size| {
            *end += size;
            Some(*end)
        })
        .collect();
    for group in groups(ranks) {
        let Some(tier) = ends.iter().position(|&end| group.start < end) else {
            break;
        };
        for slot in &mut out[group] {
            *slot = Some(tier);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [bool; 8] = [true; 8];

    #[test]
    fn ties_go_to_the_next_tier() {
        // 1, 2, 2, 4, 5 with tiers of 2 and 2: rank 1 gets tier 0; the pair at rank 2 does not fit in
        // the one place left, so it goes to tier 1, which is then full.
        let ranks = [1, 2, 2, 4, 5];
        assert_eq!(
            assign(&ranks, &ALL[..5], &[2, 2], Ties::NextTier),
            vec![Some(0), Some(1), Some(1), None, None]
        );
        assert_eq!(
            assign(&ranks, &ALL[..5], &[1, 3, 1], Ties::NextTier),
            vec![Some(0), Some(1), Some(1), Some(1), Some(2)]
        );
    }

    #[test]
    fn ties_get_the_higher_tier_which_grows() {
        // The pair at rank 2 straddles the boundary after place 2: both get tier 0 (three awards),
        // tier 1 starts after them at place 4 and ends at place 4 (one award instead of two).
        let ranks = [1, 2, 2, 4, 5];
        assert_eq!(
            assign(&ranks, &ALL[..5], &[2, 2], Ties::HigherTier),
            vec![Some(0), Some(0), Some(0), Some(1), None]
        );
        // Three equal at rank 2 across tiers of 1, 2, 3: tier 1 grows to three, tier 2 keeps the
        // places 5 and 6.
        let ranks = [1, 2, 2, 2, 5, 6, 7];
        assert_eq!(
            assign(&ranks, &ALL[..7], &[1, 2, 3], Ties::HigherTier),
            vec![Some(0), Some(1), Some(1), Some(1), Some(2), Some(2), None]
        );
        // A tie across the last boundary: both get the last tier, one award more than planned.
        let ranks = [1, 2, 3, 3];
        assert_eq!(
            assign(&ranks, &ALL[..4], &[1, 2], Ties::HigherTier),
            vec![Some(0), Some(1), Some(1), Some(1)]
        );
        assert_eq!(
            assign(&ranks, &ALL[..4], &[1, 2], Ties::NextTier),
            vec![Some(0), Some(1), None, None]
        );
    }

    #[test]
    fn an_empty_tier_passes_its_contestants_on() {
        // 10% of 6 rounded down is no first prize: the winner gets the second tier either way.
        let sizes = tier_sizes(
            6,
            &[TierSize::Share(10), TierSize::Share(20)],
            Rounding::Down,
        );
        assert_eq!(sizes, vec![0, 1]);
        let ranks = [1, 2, 3, 4, 5, 6];
        for ties in [Ties::NextTier, Ties::HigherTier] {
            assert_eq!(
                assign(&ranks, &ALL[..6], &sizes, ties),
                vec![Some(1), None, None, None, None, None]
            );
        }
    }

    #[test]
    fn honour_holders_keep_their_place() {
        let ranks = [1, 2, 3];
        for ties in [Ties::NextTier, Ties::HigherTier] {
            assert_eq!(
                assign(&ranks, &[false, true, true], &[1, 1], ties),
                vec![None, Some(1), None]
            );
        }
    }

    #[test]
    fn sizes_rounded_down() {
        let tiers = [
            TierSize::Share(10),
            TierSize::Share(20),
            TierSize::Share(30),
            TierSize::Count(50),
        ];
        assert_eq!(tier_sizes(25, &tiers, Rounding::Down), vec![2, 5, 7, 25]);
        assert_eq!(tier_sizes(9, &tiers, Rounding::Down), vec![0, 1, 2, 9]);
    }

    #[test]
    fn ten_percent_of_six_up_and_to_the_nearest() {
        let tiers = [
            TierSize::Share(10),
            TierSize::Share(20),
            TierSize::Share(30),
        ];
        // 0.6, 1.2 and 1.8 places.
        assert_eq!(tier_sizes(6, &tiers, Rounding::Down), vec![0, 1, 1]);
        assert_eq!(tier_sizes(6, &tiers, Rounding::Nearest), vec![1, 1, 2]);
        assert_eq!(tier_sizes(6, &tiers, Rounding::Up), vec![1, 2, 2]);
        // A half goes up to the nearest; a whole number is never moved.
        assert_eq!(tier_sizes(5, &tiers, Rounding::Nearest), vec![1, 1, 2]);
        assert_eq!(tier_sizes(10, &tiers, Rounding::Up), vec![1, 2, 3]);
        assert_eq!(tier_sizes(10, &tiers, Rounding::Nearest), vec![1, 2, 3]);
        // Counts are never rounded, only capped by the finalists.
        let counts = [TierSize::Count(1), TierSize::Count(2), TierSize::Count(3)];
        for rounding in [Rounding::Down, Rounding::Nearest, Rounding::Up] {
            assert_eq!(tier_sizes(4, &counts, rounding), vec![1, 2, 3]);
            assert_eq!(tier_sizes(2, &counts, rounding), vec![1, 2, 2]);
        }
    }

    #[test]
    fn ten_percent_of_six_rounded_up_gives_the_winner_the_first_tier() {
        let ranks = [1, 2, 3, 4, 5, 6];
        let tiers = [
            TierSize::Share(10),
            TierSize::Share(20),
            TierSize::Share(30),
        ];
        let up = tier_sizes(6, &tiers, Rounding::Up);
        assert_eq!(
            assign(&ranks, &ALL[..6], &up, Ties::NextTier),
            vec![Some(0), Some(1), Some(1), Some(2), Some(2), None]
        );
        let nearest = tier_sizes(6, &tiers, Rounding::Nearest);
        assert_eq!(
            assign(&ranks, &ALL[..6], &nearest, Ties::NextTier),
            vec![Some(0), Some(1), Some(2), Some(2), None, None]
        );
    }
}
