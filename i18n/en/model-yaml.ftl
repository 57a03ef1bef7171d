# Reading YAML (src/model/yaml/, src/model/values.rs): contest.yaml, notices' front matter, form files.

## The top-level keys of a file.
yaml-noun-section = section
yaml-nouns-section = sections
yaml-noun-key = key
yaml-nouns-key = keys
yaml-guide-contest = see the README for its keys
yaml-guide-form = see section 2 of forms/README.md
yaml-top-written-twice = { $noun } `{ $key }` is written twice
yaml-top-written-twice-label = second time
yaml-top-written-twice-help = the first `{ $key }:` is on line { $line }; keep one of them
yaml-top-unknown = unknown { $noun } `{ $key }`
yaml-top-unknown-help = check the spelling; the { $nouns } are: { $known }
yaml-top-missing = the { $noun } `{ $key }` is missing
yaml-top-missing-help = add a top-level `{ $key }:` { $noun } ({ $guide })
yaml-top-empty = the { $noun } `{ $key }` is empty
yaml-top-empty-needs = the { $noun } `{ $key }` is empty; it needs { $needs }
yaml-top-empty-needs-help = write its keys indented under `{ $key }:` ({ $guide })
yaml-or-remove-line = , or remove the line `{ $key }:`
yaml-top-empty-mapping-help = write its keys indented under `{ $key }:`{ $or_remove } ({ $guide })
yaml-top-empty-list-help = write its items indented under `{ $key }:`, each starting with `- `{ $or_remove } ({ $guide })
yaml-top-empty-label = nothing under it

## Keys missing from a mapping.
yaml-missing-key = the key `{ $key }` is missing
yaml-missing-keys = the keys { $keys } are missing
yaml-missing-key-label = in this section
yaml-missing-key-help = add `{ $key }:` to this section
yaml-key-needs = `{ $key }` needs { $keys }
yaml-key-needs-help = add { $colons } indented under `{ $key }:`
yaml-item-needs = this item needs { $keys }
yaml-item-needs-help = add { $colons } to this item, lined up with its other keys

## What the YAML library found.
yaml-empty-value = the value is empty; write a value after the colon (or remove the key if it may be left out)
yaml-not-boolean = `{ $found }` is not `true` or `false`
yaml-expected-boolean = expected `true` or `false`
yaml-boolean-help = write `true` or `false` (yes/no and on/off are not read as true and false)
yaml-list-expected = a list is expected here
yaml-mapping-expected = keys and values are expected here
yaml-single-expected = a single value is expected here
yaml-shape-not-list = { $expected }, not a list
yaml-shape-not-mapping = { $expected }, not keys and values
yaml-shape-not-single = { $expected }, not a single value
yaml-shape-nothing = { $expected }, but nothing is written
yaml-shape-not-list-or-mapping = { $expected }, not a list or keys and values
yaml-list-help = write the items on lines of their own under the key, each starting with `- `, or in brackets: `[a, b]`
yaml-mapping-help = write `key: value` lines indented under it, or in braces: `{"{"}key: value{"}"}`
yaml-single-not-mapping-help = this key takes one value (a text, a number or a date): write it on one line after the colon, in quotes if it contains `: `; lines indented under a key make keys and values
yaml-single-not-list-help = this key takes one value: write it on one line after the colon, not as `- ` lines or in brackets (in quotes if it starts with `-` or `[`)
yaml-single-help = write one value after the colon, on the key's line (in quotes if it contains `: ` or starts with `-`)
yaml-duplicate-key = the key `{ $key }` is written twice in this section
yaml-duplicate-some-key = duplicate mapping key
yaml-duplicate-key-label = written twice
yaml-duplicate-key-help = each key may appear once: remove or merge the repeated one
yaml-not-whole-number = `{ $found }` is not a whole number
yaml-expected-whole-number = expected a whole number
yaml-whole-number-help = write a whole number in digits, without units, for example 20
# The library's own words for a key or a value it does not know.
yaml-unknown-key = unknown field `{ $key }`, expected one of { $expected }
yaml-unknown-key-label = unknown key
yaml-unknown-key-help-none = check the spelling of the key, or remove it
yaml-unknown-key-help = check the spelling; the keys allowed here are: { $allowed }
yaml-unknown-value = unknown variant `{ $value }`, expected one of { $expected }
yaml-unknown-value-help = use one of the values listed
# $detail is the library's own message, in English.
yaml-layout = { $detail }
yaml-layout-help = check the indentation: keys of one section must line up under each other, and a value that contains `: ` must be put in quotes
yaml-tab = { $detail }
yaml-tab-help = indent with spaces; YAML does not allow tabs
yaml-other = { $detail }

## Values read by jingsai itself (src/model/values.rs, results.columns).
yaml-not-a-date = `{ $value }` is not a date: write it as YYYY-MM-DD, for example 2025-10-31
yaml-not-a-real-date = `{ $value }` is not a real date (check the month and the day)
yaml-date-or-tbd = { $mistake }, or `tbd` when it is not fixed yet
yaml-not-a-time = `{ $value }` is not a time of day: write it as HH:MM, for example 17:00
yaml-date-help = dates are written YYYY-MM-DD, such as 2025-10-31; a date not fixed yet is written tbd
yaml-not-an-id = `{ $value }` cannot be an id: use lower-case letters a-z, digits and `-`, for example `ai-trainer`
yaml-not-headers = write a column header, or a list of them like [理论成绩, 理论]
