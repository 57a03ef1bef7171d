//! Checks of `awards:`: the tiers (in one place only), the rounding and tie policy where they apply, and
//! the unit awards.

use super::super::results_section::check_tiers;
use super::Checker;
use crate::diagnostics::Problem;
use crate::model::Contest;
use crate::model::yaml::spanned_at;
use serde_saphyr::Spanned;

impl Checker<'_> {
    /// `awards.tiers` (checked as `results.tiers` is), `rounding`, `ties` and `unit_awards`.
    pub(super) fn awards(&mut self, c: &Contest) {
        let awards = &c.awards;
        if let (Some(_), Some(old)) = (awards.tiers.first(), c.results.tiers.first()) {
            self.error_at(
                old,
                "the award tiers are given twice, under `awards.tiers` and `results.tiers`".into(),
                "keep `awards.tiers` (the pages state it before the results) and remove `results.tiers`",
            );
        }
        self.problems.extend(check_tiers(&awards.tiers, self.file));
        let tiers = c.award_tiers();
        if let Some(rounding) = &awards.rounding
            && !tiers.iter().any(|t| t.value.share.is_some())
        {
            self.warning_at(
                rounding,
                "`awards.rounding` changes nothing: no award tier is a share".into(),
                "rounding applies to tiers given as `share: 10` (a percent of the finalists); remove it, or give shares",
            );
        }
        if let Some(ties) = &awards.ties
            && tiers.is_empty()
        {
            self.warning_at(
                ties,
                "`awards.ties` changes nothing: there are no award tiers".into(),
                "give the tiers under `awards.tiers`, or remove `ties`",
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
                "a unit award has no name".into(),
                "write its `name`, such as 优秀组织奖",
            );
        }
        if let Some(count) = &a.count
            && count.value == 0
        {
            self.error_at(
                count,
                format!("the unit award `{}` is given 0 times", a.name),
                "write how many are given (1 or more), or leave `count` out",
            );
        }
        if a.wording.is_some() && (a.count.is_some() || a.to.is_some()) {
            self.error_at(
                award,
                format!(
                    "the unit award `{}` has both `wording` and `count` or `to`",
                    a.name
                ),
                "`wording` is shown as written, instead of a sentence made of `count` and `to`: keep one of the two ways",
            );
        }
    }

    /// A warning at `at`.
    fn warning_at<T>(&mut self, at: &Spanned<T>, message: String, help: &str) {
        let problem = match spanned_at(self.file, at) {
            Some(span) => Problem::at(self.file, span, message),
            None => Problem::general(Some(self.file), message),
        };
        self.problems
            .push(problem.with_help(help.to_string()).warning());
    }
}
