# Checks across the sections of contest.yaml (src/model/validate/).

## Ids and references.
validate-noun-track = track
validate-noun-group = group
validate-noun-reference = reference
validate-noun-stage = schedule stage
validate-noun-part = scoring part or module
validate-id-twice = the { $what } id `{ $id }` is used twice
validate-id-twice-help = the first one is on line { $line }; ids must be unique
validate-attachment-twice = attachment { $number } is numbered twice
validate-attachment-twice-help = number the attachments 1, 2, 3, …
validate-track-group-no-groups = track `{ $track }` refers to the group `{ $group }`, but there are no groups
validate-track-group-no-groups-help = remove this track's `groups:`, or define the groups under `groups:`
validate-track-group-unknown = track `{ $track }` refers to the group `{ $group }`, which is not defined
validate-define-group-help = define it under `groups:` or use one of: { $known }
validate-stage-track-unknown = the stage `{ $stage }` refers to the track `{ $track }`, which is not defined
validate-define-track-help = define it under `tracks:` or use one of: { $known }
validate-rule-group-no-groups = the rule refers to the group `{ $group }`, but there are no groups
validate-rule-group-no-groups-help = remove this rule from `rules.group_restrictions`, or define the groups under `groups:`
validate-rule-group-unknown = the rule refers to the group `{ $group }`, which is not defined
validate-use-one-of = use one of: { $known }
validate-awards-basis-unknown = awards refer to the document `{ $basis }`, which is not under `references:`
validate-awards-basis-unknown-help = add it to `references:` or use one of: { $known }
validate-no-attachment = there is no attachment { $number }
validate-no-attachment-help = add it under `attachments:` or fix the number
validate-body-parent-unknown = `{ $body }` sits under `{ $parent }`, which is not one of the bodies
validate-no-tracks = the contest has no tracks
validate-no-tracks-help = add at least one track under `tracks:`, each starting with `- id:` (see the README for a track's keys)
validate-team-size-zero = a team has at least one member
validate-team-size-zero-help = write 1 for an individual event

## Scoring.
validate-scoring-says-nothing = `scoring` says nothing
validate-scoring-says-nothing-help = give its `parts` with their weights, or a `note` such as `note: 评分办法另行通知`, or remove `scoring:`
validate-scoring-no-parts = scoring has no parts
validate-scoring-no-parts-help = add at least one part, for example a practical part with weight 100; or, while the parts are not set, remove `parts:` and write `note: 评分办法另行通知`
validate-weights-sum = the scoring weights add up to { $sum }%, not 100% ({ $listed })
validate-weights-sum-help = change the weights so that they add up to 100
validate-part-weight = the weight of `{ $part }` must be between 1 and 100 percent
validate-part-weight-help = weights are percentages of the total
validate-part-duration = the duration of `{ $part }` is { $minutes } minutes
validate-part-duration-help = write the duration in minutes, from 1 to { $max } (`duration: 90` is shown as 90分钟)
validate-part-mode-empty = the mode of `{ $part }` is empty
validate-part-mode-too-long = the mode of `{ $part }` is too long
validate-part-mode-help = write how the part is held in at most { $max } characters, such as 上机考试, 笔试 or 实际操作; say more in `scoring.setting`
validate-module-weight = the weight of the module `{ $module }` must be between 1 and 100 percent
validate-module-weight-help = a module's weight is its percent of the part's score
validate-modules-sum = the modules of `{ $part }` add up to { $sum }% of the part, not 100% ({ $listed })
validate-modules-sum-help = a module's weight is its percent of the part's score (not of the total): change them so that they add up to 100

## Awards.
validate-tiers-twice = the award tiers are given twice, under `awards.tiers` and `results.tiers`
validate-tiers-twice-help = keep `awards.tiers` (the pages state it before the results) and remove `results.tiers`
validate-rounding-unused = `awards.rounding` changes nothing: no award tier is a share
validate-rounding-unused-help = rounding applies to tiers given as `share: 10` (a percent of the finalists); remove it, or give shares
validate-ties-unused = `awards.ties` changes nothing: there are no award tiers
validate-ties-unused-help = give the tiers under `awards.tiers`, or remove `ties`
validate-unit-award-no-name = a unit award has no name
validate-unit-award-no-name-help = write its `name`, such as 优秀组织奖
validate-unit-award-count-zero = the unit award `{ $award }` is given 0 times
validate-unit-award-count-zero-help = write how many are given (1 or more), or leave `count` out
validate-unit-award-wording = the unit award `{ $award }` has both `wording` and `count` or `to`
validate-unit-award-wording-help = `wording` is shown as written, instead of a sentence made of `count` and `to`: keep one of the two ways

## Who may enter.
validate-limits-of-rules = `rules.limits`
validate-limits-of-group = the `limits` of the group `{ $group }`
validate-limits-of-track = the `limits` of the track `{ $track }`
validate-listed-as-empty = `listed_as` is empty
validate-listed-as-empty-help = write the word the score sheet's 参赛单位 column holds for an individual entrant, for example 个人
validate-birth-dates-crossed = { $key } ask for a birth date on or after { $after } and on or before { $until }, and no day is both
validate-birth-dates-crossed-help = swap the two dates, or correct one of them
validate-age-no-bounds = the `age` of { $key } gives neither `min` nor `max`
validate-age-no-bounds-help = write the youngest age as `min: 18`, the oldest as `max: 35`, or both
validate-age-no-day = the `age` of { $key } has no day to count the age on
validate-age-no-day-help = add `as_of: YYYY-MM-DD`, the day the age is counted on (以……计算), for example the first day of the contest
validate-age-crossed = the `age` of { $key } goes from { $min } down to { $max }
validate-age-crossed-help = `min` is the youngest age and `max` the oldest: swap them
validate-work-years-zero = { $key } ask for 0 years of work experience
validate-work-years-zero-help = write 1 or more, or leave `min_work_years` out
validate-track-limits-except = { $key } cannot except tracks: they apply to that track alone
validate-track-limits-except-help = remove `except_tracks` here; it belongs in `rules.limits` or a group's `limits`
validate-except-unknown-track = { $key } except the track `{ $track }`, which is not defined
validate-except-track-not-in-group = { $key } except the track `{ $track }`, which is not run for that group
validate-except-track-not-in-group-help = remove it from `except_tracks`, or add the group to the track's `groups`
validate-entry-in-group = { $track } in the group { $group }
validate-no-one-can-enter = no one can enter { $entry }: { $sources } together ask for a birth date on or after { $earliest } and on or before { $latest }
validate-no-one-can-enter-help = check the dates and ages of these limits; a track's limits add to those of `rules.limits` and of its groups, unless these name the track in `except_tracks`
validate-quota-zero = a unit may send at least one contestant
validate-quota-zero-help = write a number of 1 or more
validate-quota-min-zero = `min_per_unit: 0` sets no minimum
validate-quota-min-zero-help = write the fewest a unit must send (1 or more), or leave `min_per_unit` out
validate-quota-crossed = the quota asks for at least { $min } per unit but allows at most { $max } (`per_unit`)
validate-quota-crossed-help = `min_per_unit` is the fewest a unit sends and `per_unit` the most: make the minimum no larger than the maximum
validate-role-no-name = the role has no name
validate-role-no-name-help = write what the person is, for example 领队 or 联络员
validate-role-twice = the role { $role } is listed twice in `rules.unit_roles`
validate-role-twice-help = list each role once, with its `count`
validate-role-count-zero = the role { $role } has a count of 0
validate-role-count-zero-help = write how many each unit names (1 or more), or remove the role

## Dates.
validate-stage-ends-before-start = `{ $stage }` ends on { $until } before it starts on { $start }
validate-stage-ends-before-start-help = the end date must be on or after the start date
validate-stage-until-tbd = `{ $stage }` has an end date but its start is `tbd`
validate-stage-until-tbd-help = give a start date or remove `until`
validate-deadline-after-contest = the registration deadline { $deadline } is after the contest starts on { $start }
validate-deadline-after-contest-help = registration must close before the contest: move the deadline before { $start } or the contest date (line { $line })
validate-two-contest-stages = the stages `{ $earlier }` and `{ $later }` are both the contest of the same track
validate-two-contest-stages-help = when tracks compete on different days, give each contest stage its own `tracks: [...]`
validate-deadline-before-notice = the registration deadline { $deadline } is before the notice date { $notice }
validate-check-the-date-help = check the year, month and day
validate-opens-after-deadline = registration opens on { $opens } after its deadline { $deadline }
validate-opens-after-deadline-help = `opens` is the first day of registration: move it on or before the deadline { $deadline }, or move the deadline
validate-opens-before-notice = registration opens on { $opens } before the notice date { $notice }
validate-wrong-weekday = { $day } is a { $actual }, but the text says { $written }
validate-wrong-weekday-help = correct the weekday or the date
validate-deadline-text = the deadline text does not mention the deadline { $day }
validate-deadline-text-help = write the same date as `deadline:`

## Contacts, addresses and pages.
validate-no-contacts = the contest has no contact person
validate-no-contacts-help = add one under `contacts:`, starting with `- name:`
validate-not-email = `{ $value }` is not an e-mail address
validate-not-email-help = write it as name@example.cn
validate-not-phone = `{ $value }` is not a phone number
validate-not-phone-help = write digits, optionally with an area code and `-`, in quotes: "022-12345678"
validate-phone-label-empty = the phone's label is empty
validate-phone-label-empty-help = name the number: 办公电话, 手机
validate-not-postcode = `{ $value }` is not a postcode
validate-not-postcode-help = write the six digits in quotes: "300222"
validate-no-base-url = `site.base_url` is empty, so `sitemap.xml` is not written, the feed and calendar use relative addresses and the 404 page assumes the site is at the root of its server
validate-no-base-url-label = no public address
validate-no-base-url-help = set `base_url` under `site:` to the public address once it is known, for example https://contest.example.cn/ai-2025/
validate-not-web-address = `{ $value }` is not a web address
validate-base-url-help = write it with https://, for example https://contest.example.cn/ai-2025/, or leave it empty
validate-base-url-too-long = the address is { $length } characters long, more than the { $max } a QR code on the notice can carry
validate-base-url-too-long-help = use the site's short public address, for example https://contest.example.cn/ai-2025/
validate-notices-per-page-zero = at least one notice must be listed per page
validate-notices-per-page-zero-help = write a number such as 20
validate-online-url-too-long = the address is { $length } characters long, more than the { $max } allowed
validate-online-url-too-long-help = use the platform's short public address
validate-online-url-help = write the registration platform's address with https://, for example https://bm.example.cn/, with no spaces (other characters percent-encoded, as a browser's address bar copies them)
validate-track-index = the track id `index` would replace the list of tracks (`tracks/index.html`)
validate-track-index-help = choose another id for this track
validate-same-results-page = track `{ $track }` with group `{ $group }` and track `{ $other_track }` with group `{ $other_group }` would both have the results page `results/{ $page }.html`
validate-same-results-page-help = rename one of these track or group ids so that track-group pairs differ

## The plan's wording.
validate-plan-track-name = name of the track
validate-plan-group-name = name of the group
validate-plan-deadline = registration deadline
validate-plan-weight = scoring weight
validate-plan-quota = per-unit quota
validate-plan-missing = the plan text does not mention the { $what } `{ $value }`
validate-plan-missing-label = not in the plan
validate-plan-missing-help = the plan under `plan:` is published as written: update its wording to match this value (or the value to match the plan)
