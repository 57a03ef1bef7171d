# The contest folder as a whole (src/model/mod.rs, notice.rs, placeholders.rs, eligibility.rs,
# results_section.rs).
model-not-a-contest-folder-help = run jingsai in a contest folder (one that has `content/contest.yaml`), or pass that folder as an argument

## Where a set of limits is written (eligibility).
model-limits-of-rules = `rules.limits`
model-limits-of-group = `limits` of the group `{ $group }`
model-limits-of-track = `limits` of the track `{ $track }`

## Notices (content/notices/*.md).
model-notice-no-front-matter = a notice must start with front matter
model-notice-no-front-matter-help = begin the file with a `---` line, then `title:`, `date:` and `source:`, then another `---` line
model-notice-front-matter-open = the front matter is not closed
model-notice-front-matter-open-help = add a line with only `---` after the front matter
model-notice-bad-slug = `{ $slug }` cannot be part of an address
model-notice-bad-slug-help = name the file with lower-case letters, digits and `-` (for example `2025-10-16-plan.md`), or add `slug: plan` to the front matter
model-notice-reserved-slug = the address `notices/{ $slug }.html` is the list of notices
model-notice-reserved-slug-help = give the notice another file name or `slug:`
model-notice-empty-title = the notice has an empty title
model-notice-empty-title-help = write a title
model-notice-same-address = the address `notices/{ $slug }.html` is also used by `{ $other }`
model-notice-same-address-help = give one of them another file name or `slug:`

## Blanks left by `jingsai init`.
model-blank = `{ $blank }` is still to be filled in
model-blank-label = fill in
model-blank-help = replace it with this contest's own text and delete the 【】 marker, then run `jingsai check` again

## The `results:` section and the award tiers.
model-results-decimals = `decimals: { $decimals }` is too many
model-results-decimals-help = scores are kept to 0 to { $max } decimals; 2 is usual
model-results-tie-break-unknown = `{ $name }` in `tie_break` is neither a scoring part nor `time`
model-results-tie-break-unknown-help = use the ids of `scoring.parts` ({ $parts }) or `time`
model-results-tie-break-twice = `{ $name }` is in `tie_break` twice
model-results-tie-break-twice-help = name each part once
model-results-column-unknown = `columns.parts.{ $id }` names no scoring part or module
model-results-column-unknown-help = use the ids of `scoring.parts` and their modules: { $ids }
model-results-sheet-empty = the `sheet` name is empty
model-results-sheet-empty-help = write the name of the worksheet tab, or remove the key to read the first sheet
model-tier-share-or-count = the award tier `{ $tier }` needs either `share` or `count`
model-tier-share-or-count-help = write `share: 10` for 10% of the finalists, or `count: 3` for three awards
model-tier-share = the award tier `{ $tier }` has a share of { $share }%
model-tier-share-help = a share is a percent of the finalists between 1 and 100
model-tiers-share-total = the award tiers share { $total }% of the finalists, more than 100%
model-tiers-share-total-help = lower the shares so that they add up to at most 100
