# Results (src/results/, src/pdf/results_pdf/, and `results.unit_awards` of src/model/results_section.rs).

## `results.unit_awards`: the units given each award to units.
results-unit-award-undefined = `{ $award }` is not an award to units of this contest
results-unit-award-undefined-help = write the name of one of the awards under `awards.unit_awards`: { $awards }
results-unit-award-undefined-none-help = define the award under `awards.unit_awards` (its `name`, and `count` or `wording`), then name it here
results-unit-award-twice = the units given `{ $award }` are listed a second time
results-unit-award-twice-help = list all the units given an award in one entry
results-unit-award-too-many = `{ $award }` is given to at most { $count ->
        [one] 1 unit
       *[other] { $count } units
    } (`awards.unit_awards`), but { $given ->
        [one] 1 is
       *[other] { $given } are
    } named
results-unit-award-too-many-help = check the list against the results of the award, or correct `count` of the award under `awards.unit_awards`
results-unit-award-no-units = no unit is named for `{ $award }`
results-unit-award-no-units-help = write the units under `units:`, each as the results sheet writes the unit (参赛单位)
results-unit-award-empty-unit = an empty unit is named for `{ $award }`
results-unit-award-unit-twice = `{ $unit }` is named twice for `{ $award }`
results-unit-award-unit-twice-help = name each unit once

## Module columns of a score sheet.
results-unknown-module-column = { $place } (`{ $header }`) reads like the score of a module, but names no module of the contest
results-unknown-module-key = the key `{ $key }` reads like the score of a module, but names no module of the contest
results-unknown-module-column-help = name the column after a module of `scoring.parts` ({ $modules }), or add its header under `results.columns.parts` in contest.yaml, or remove the column

## Where in a score sheet (src/results/read.rs).
results-place-csv-cell = row { $row }, column { $column } ({ $header })
results-place-csv-row = row { $row }
results-place-xlsx-cell = { $sheet }!{ $column }{ $row } ({ $header })
results-place-xlsx-row = { $sheet } row { $row }
results-place-yaml-cell = entry { $row } ({ $header })
results-place-yaml-row = entry { $row }
results-place-csv-header = row { $row }, column { $column }
results-place-yaml-key = key { $key }
results-at = { $place }: { $message }

## The cells of a row (src/results/validate.rs, published.rs).
results-name-missing = the name is missing
results-name-missing-help = write the contestant's name
results-unit-missing = the unit is missing
results-unit-missing-help = write the unit that sent the contestant (参赛单位)
results-track-missing = the track is missing
results-not-a-track = `{ $track }` is not a track of this contest
results-write-one-of = write one of: { $names }
results-group-without-groups = `{ $group }` is a group, but the contest has no groups
results-group-without-groups-help = leave the 组别 column empty or remove it, or define the groups under `groups:` in contest.yaml
results-group-missing = the group is missing
results-not-a-group = `{ $group }` is not a group of this contest
results-track-not-for-group = the track { $track } is not run for the group { $group }
results-track-not-for-group-help = check the track and the group of this row against `tracks` in contest.yaml
results-not-a-status = `{ $status }` is not a status
results-not-a-status-help = leave it empty for a result, or write { $absent } (did not sit) or { $disqualified } (disqualified)
results-status-contradicts = `{ $cell }` contradicts the status `{ $status }`
results-status-contradicts-help = write the status once, in the status column
results-part-disagrees-with-modules = the score { $score } does not agree with the modules of { $part }: { $terms } = { $computed }
results-part-disagrees-with-modules-help = correct this score or the modules' scores, or leave out the { $part } column: it is computed from the modules
results-score-missing = the score is missing
results-score-no-column = the sheet has no column “{ $label }”, which this row's track is scored by
results-score-no-column-help = add a column headed “{ $label }” to the sheet and write this row's score in it
results-score-missing-help = write the score; for a contestant who did not sit, write { $absent } in the status column
results-score-space = `{ $cell }` has a space inside, and a score is one number
results-score-space-help = write the score as one number without spaces, such as 85 or 85.5
results-score-not-a-number = `{ $cell }` is not a number
results-score-not-a-number-help = write the score in digits, such as 86.5, without units
results-score-out-of-range = the score { $cell } is outside 0 to { $full }
results-score-out-of-range-help = scores are out of { $full }; check this cell
results-score-is-a-time = `{ $cell }` is a time, not a score
results-score-is-a-time-help = format the cell as a number (常规 or 数值) and write the score
results-cell-error = the cell holds the spreadsheet error { $error }
results-score-cell-error-help = fix the formula, or write the score as a number
results-not-a-time = `{ $cell }` is not a time
results-not-a-time-help = write the time as 1:23:45 or 83:20 (minutes:seconds), or as minutes such as 83.5
results-barred-honour = holders of { $barred } may not enter as contestants (rules.barred_honours)
results-barred-honour-help = check the honour; a contestant who may not enter cannot have a result
results-born-by-id = the ID number (身份证号) gives the birth date { $born }
results-born-on = born on { $born }
results-member = member { $member }: { $given }
results-birth-outside-limits = { $given }, but { $entry } is for those { $limit } ({ $source })
results-birth-outside-limits-help = check the birth date, the track and the group of this row; a contestant outside the limits of contest.yaml cannot have a result
results-birth-date-help = write the birth date as 1990-01-31, 1990/1/31 or 1990年1月31日, or format the cell as a date
results-id-number-help = correct the ID number, or give the birth date in a 出生日期 column
results-birth-missing = the birth date is missing, and the track's limits of age or birth date are checked against it
results-birth-missing-help = write the birth date (出生日期) or the ID number (身份证号) of this contestant
results-breach-born-before = born on or after { $day }
results-breach-born-after = born on or before { $day }
results-breach-too-young = { $min } years old or older on { $on } (this contestant was { $age })
results-breach-too-old = at most { $max } years old on { $on } (this contestant was { $age })
results-personal-number = the { $what } holds what looks like { $shape ->
        [id] an ID number (身份证号)
       *[mobile] a mobile phone number (手机号)
    }, and the { $what } is published
results-personal-number-help = remove the number from this cell: no ID or phone number may reach a public page; keep it, if at all, in a column of its own (身份证号, 手机号), which is never read or published
results-cell-too-long = the { $what } is { $chars } characters long, more than { $max }
results-cell-too-long-help = write only the { $what } in this cell

## Checks across rows (src/results/quota.rs).
results-listed-twice = { $name } of { $unit } is listed twice in { $track } (first at { $first })
results-listed-twice-help = remove one of the two rows, or correct the name or the unit
results-quota-in = in { $scope }
results-quota-in-contest = in the contest
results-over-quota = { $unit } has { $count } { $who } { $scope } ({ $yaml ->
        [yes] entries
       *[no] rows
    } { $rows }); the quota is { $quota } per unit (rules.quota)
results-over-quota-individual-help = if these are individual entrants, say so in contest.yaml: `rules.individual_entry` with `listed_as: { $unit }`; their rows then count against no quota
results-over-quota-help = check the unit names of these rows; a unit may not send more than its quota

## The header row (src/results/table.rs, layout.rs, yaml_file.rs).
results-no-header-row = no header row found in the first { $rows } rows
results-no-header-row-help = the first row (or the row under a title) must name the columns: { $columns }; other headers can be added under `results.columns` in contest.yaml
results-second-column = { $place } ({ $header }): a second column for { $label }; the first is { $first } ({ $first_header })
results-second-column-help = keep one column for each item, or rename the other one
results-no-column = the header row (row { $row }) has no column for { $label }
results-no-column-help = name the column { $headers }, or add its header under `results.columns` in contest.yaml
results-header-row = the header row (row { $row }): { $message }
results-some-module-columns = the sheet has a column for the modules { $given } of { $part }, but none for { $missing }
results-some-module-columns-help = give every module of { $part } a column (its score is computed from them), or remove the module columns and give the score of { $part }
results-no-part-column = the sheet has no column for { $part }, nor one for each of its modules
results-no-part-column-help = name a column { $headers }, or give a column to each module: { $modules }
results-yaml-no-key = no entry has a `{ $label }`
results-yaml-no-key-help = write it as one of: { $keys }, or add the key under `results.columns` in contest.yaml
results-yaml-two-keys = both `{ $other }` and `{ $key }` give the { $label }
results-yaml-two-keys-help = use one key for each item in every entry
results-yaml-not-a-list-help = the results file is a list of entries, each `- 姓名: …` with one `header: value` line per column
results-not-utf8 = the file is not UTF-8 text
results-not-utf8-help = save it as UTF-8

## The results file and the contest (src/results/mod.rs).
results-several-files = there are { $count } results files: { $files }
results-several-files-help = keep one results file in content/ and remove the others
results-no-publication-date = `{ $file }` holds results, but `results.published` (the publication date) is not set
results-no-publication-date-help = add `results:` with `published: YYYY-MM-DD`, the date the results are published
results-no-parts = `{ $file }` holds results, but the contest has no scoring parts to read the scores by
results-no-parts-help = add `scoring.parts` to contest.yaml, each with its `id`, `name` and `weight`: the score sheet has one score column for each part
results-tie-break-no-time = `results.tie_break` uses the time, but the file has no { $label } column
results-tie-break-no-time-help = add the time column, or take `time` out of `results.tie_break`

## Reading a CSV file or a workbook (src/results/csv_file.rs, workbook.rs).
results-csv-encoding = the file is neither UTF-8 nor GBK text
results-csv-encoding-help = save it from Excel as “CSV UTF-8 (逗号分隔)” or as an .xlsx workbook
results-csv-cell-over = row { $row }, column { $column }: { $message }
results-csv-row-unreadable = row { $row }: cannot read this row ({ $error })
results-workbook-unreadable = cannot read the workbook: { $error }
results-workbook-resave-help = save it again from Excel or WPS as an .xlsx workbook, or as CSV
results-workbook-no-such-sheet = the workbook has no worksheet `{ $wanted }`; it has: { $sheets }
results-workbook-no-such-sheet-help = fix `results.sheet` in contest.yaml, or rename the worksheet tab
results-workbook-no-sheet = the workbook has no worksheet
results-workbook-no-sheet-help = put the results on the first worksheet
results-worksheet-unreadable = cannot read the worksheet `{ $name }`: { $error }

## Birth dates and ID numbers (src/results/birth.rs).
results-not-a-birth-date = `{ $value }` is not a birth date
results-not-a-date = the cell is not a date
results-id-number-shape = the ID number (身份证号) is not 18 characters (17 digits and a digit or X)
results-id-number-no-date = the ID number (身份证号) holds no real birth date (its 7th to 14th digits)

## The size of a results file (src/results/limits.rs, workbook.rs).
results-at-merged = { $place } (merged): { $message }
results-zip-entries = the workbook holds { $parts } parts, more than the { $max } a results workbook can have
results-zip-part-too-big = the part `{ $name }` of the workbook inflates to { $inflated }, more than the limit of { $limit } for one part
results-zip-part-too-big-help = a results sheet is far smaller: keep only the results in the workbook (one sheet, no pictures), or save it as CSV
results-more-than = more than { $limit }
results-zip-part-unreadable = cannot read the part `{ $name }` of the workbook: { $error }
results-zip-ratio = the part `{ $name }` of the workbook inflates { $ratio }:1 ({ $inflated } from { $stored }), more than the { $max }:1 of office files: it is a zip bomb or damaged
results-zip-total = the parts of the workbook inflate to more than { $limit } together
results-keep-only-results-help = keep only the results in the workbook (one sheet, no pictures), or save it as CSV
results-over-columns = a cell beyond column { $last }: the sheet is wider than the { $max } columns a results sheet can have
results-over-columns-help = delete this cell and everything to the right of the results, or copy the results to a new sheet
results-over-rows = a cell below row { $max }: the sheet is longer than the { $max } rows a results sheet can have
results-over-rows-help = delete this cell and everything below the results, or copy the results to a new sheet
results-over-cells = the sheet holds more than { $max } cells, more than a results sheet can have
results-over-text = the cells hold more than { $max } of text, more than a results sheet can have
results-sheet-only-results-help = keep only the results in the file: one row per contestant and the columns of the results
