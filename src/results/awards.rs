//! Award tiers: how many awards each tier has, and who gets which.
//!
//! Tiers are filled in rank order. A tier never gets more awards than its size: contestants who share a
//! rank are never split, so when a group of equal contestants does not fit in what is left of a tier,
//! the rest of that tier stays empty and the group goes on to the next tier. A contestant who holds a
//! no-award honour keeps the place (and the rank) but receives no award.

/// How big a tier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierSize {
    /// This percent of the finalists, rounded down.
    Share(u32),
    /// This many.
    Count(u32),
}

/// The number of awards of each tier for `finalists` ranked contestants.
pub fn tier_sizes(finalists: usize, tiers: &[TierSize]) -> Vec<usize> {
    tiers
        .iter()
        .map(|tier| match *tier {
            TierSize::Share(percent) => finalists * percent as usize / 100,
            TierSize::Count(count) => (count as usize).min(finalists),
        })
        .collect()
}

/// The tier (index) of each contestant, given ranks in order (best first, shared ranks adjacent),
/// whether each may receive an award, and the tier sizes.
pub fn assign(ranks: &[u32], eligible: &[bool], sizes: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; ranks.len()];
    let mut tier = 0;
    let mut left = sizes.first().copied().unwrap_or(0);
    let mut start = 0;
    while start < ranks.len() && tier < sizes.len() {
        let end = (start..ranks.len())
            .find(|&i| ranks[i] != ranks[start])
            .unwrap_or(ranks.len());
        let size = end - start;
        while tier < sizes.len() && size > left {
            tier += 1;
            left = sizes.get(tier).copied().unwrap_or(0);
        }
        if tier == sizes.len() {
            break;
        }
        for i in start..end {
            if eligible[i] {
                out[i] = Some(tier);
            }
        }
        left -= size;
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_are_not_split() {
        // 1, 2, 2, 4, 5 with tiers of 2 and 2: rank 1 gets tier 0; the pair at rank 2 does not fit in
        // the one place left, so it goes to tier 1, which is then full.
        let ranks = [1, 2, 2, 4, 5];
        let all = [true; 5];
        assert_eq!(
            assign(&ranks, &all, &[2, 2]),
            vec![Some(0), Some(1), Some(1), None, None]
        );
        assert_eq!(
            assign(&ranks, &all, &[1, 3, 1]),
            vec![Some(0), Some(1), Some(1), Some(1), Some(2)]
        );
    }

    #[test]
    fn honour_holders_keep_their_place() {
        let ranks = [1, 2, 3];
        assert_eq!(
            assign(&ranks, &[false, true, true], &[1, 1]),
            vec![None, Some(1), None]
        );
    }

    #[test]
    fn sizes() {
        let tiers = [
            TierSize::Share(10),
            TierSize::Share(20),
            TierSize::Share(30),
            TierSize::Count(50),
        ];
        assert_eq!(tier_sizes(25, &tiers), vec![2, 5, 7, 25]);
        assert_eq!(tier_sizes(9, &tiers), vec![0, 1, 2, 9]);
    }
}
