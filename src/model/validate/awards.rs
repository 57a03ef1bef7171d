//! Checks of `awards:`: the tiers (in one place only), the rounding and tie policy where they apply, and
//! the unit awards.

use super::super::results_section::check_tiers;
use super::Checker;
use crate::diagnostics::Problem;
use crate::i18n::Text;
use crate::model::Contest;
use crate::model::Spanned;
use crate::model::yaml::spanned_at;
use crate::msg;

impl Checker<'_> {
    /// `awards.tiers` (checked as `results.tiers` is), `rounding`, `ties` and `unit_awards`.
    pub(super) fn awards(&mut self, c: &Contest) {
        let awards = &c.awards;
        if let (Some(_), Some(old)) = (awards.tiers.first(), c.results.tiers.first()) {
            self.error_at(
                old,
                msg!("validate-tiers-twice"),
                msg!("validate-tiers-twice-help"),
            );
        }
        self.problems.extend(check_tiers(&awards.tiers, self.file));
        let tiers = c.award_tiers();
        if let Some(rounding) = &awards.rounding
            && !tiers.iter().any(|t| t.value.share.is_some())
        {
            self.warning_at(
                rounding,
                msg!("validate-rounding-unused"),
                msg!("validate-rounding-unused-help"),
            );
        }
        if let Some(ties) = &awards.ties
            && tiers.is_empty()
        {
            self.warning_at(
                ties,
                msg!("validate-ties-unused"),
                msg!("validate-ties-unused-help"),
            );
        }
        for award in &awards.unit_awards {
            self.unit_award(award);
        }
    }

    /// One unit award: a name, a count of at least one, and either its parts or its wording.
    fn unit_award(&mut self, award: &Spanned<crate::model::UnitAward>) {
        let a = &award.value;
        if a.name.trim().is_empty() {
            self.error_at(
                award,
                msg!("validate-unit-award-no-name"),
                msg!("validate-unit-award-no-name-help"),
            );
        }
        if let Some(count) = &a.count
            && count.value == 0
        {
            self.error_at(
                count,
                msg!("validate-unit-award-count-zero", award = &a.name),
                msg!("validate-unit-award-count-zero-help"),
            );
        }
        if a.wording.is_some() && (a.count.is_some() || a.to.is_some()) {
            self.error_at(
                award,
                msg!("validate-unit-award-wording", award = &a.name),
                msg!("validate-unit-award-wording-help"),
            );
        }
    }

    /// A warning at `at`.
    fn warning_at<T>(&mut self, at: &Spanned<T>, message: Text, help: Text) {
        let problem = match spanned_at(self.file, at) {
            Some(span) => Problem::at(self.file, span, message),
            None => Problem::general(Some(self.file), message),
        };
        self.problems.push(problem.with_help(help).warning());
    }
}
