# Form files (src/model/forms/): forms/<id>.yaml and the built-in forms.

## Finding the forms the attachments name.
forms-named-twice = the form `{ $id }` is named by two attachments
forms-named-twice-help = give each attachment its own form: copy the form file under a new name
forms-no-such-form = there is no form `{ $id }`
forms-no-such-form-help = add `forms/{ $id }.yaml` (see forms/README.md), or name a built-in form: { $builtin }
forms-unused = this form file is not used: no attachment in `{ $contest }` names `form: { $id }`
forms-unused-help = add `form: { $id }` to an attachment under `attachments:`, or delete the file
forms-name-reserved = `{ $stem }` is kept for jingsai's own Typst files (a form cannot be named { $reserved })
forms-name-not-an-id = a form's id is its file name, and an id uses only lower-case letters a-z, digits and `-`
forms-bad-file-name = jingsai cannot use this file name for a form: { $why }
forms-bad-file-name-help = rename it, for example to `{ $better }.yaml`, and name it in its attachment with `form: { $better }`
forms-from-nothing = `from: { $list }` refers to nothing: contest.yaml lists no { $list }
forms-from-nothing-help = add { $list } under `{ $list }:` in contest.yaml, { $instead }
forms-or-copy-builtin = or copy the built-in form to `forms/{ $id }.yaml` (see forms/README.md) and give this choice fixed `options` there
forms-or-fixed-options = or give this choice fixed `options`
forms-same-field = two inputs make the field `{ $field }`
forms-same-field-how = two inputs make the field `{ $field }` ({ $how })
forms-how-made = {" "}({ $how })
forms-same-field-help = the other one is on line { $line }{ $how }; give one of them another `id`
forms-same-field-fill-date-help = the 填表日期 line makes it (`fill_date: true`); give the input another `id`, or set `fill_date: false`
forms-made-by-choice = the choice `{ $id }` makes it for its option `{ $option }`
forms-made-by-date = the date `{ $prefix }` makes `{ $prefix }-year`, `{ $prefix }-month` and `{ $prefix }-day`
forms-made-by-table = the table `{ $table }` makes it for its column `{ $id }`

## The top-level keys of a form file.
forms-overflow-needs-table = `overflow: continue` needs a table: only a table's rows can run on to the next page
forms-overflow-needs-table-help = add a row with `input: table`, or remove `overflow`
forms-xlsx-needs-table = `xlsx: true` needs a table: the spreadsheet template has one row per row of the form's table
forms-xlsx-needs-table-help = add a row with `input: table`, or remove `xlsx`
forms-overflow-unknown = `{ $value }` is not a way to overflow
forms-overflow-unknown-help = write `warn` (the form should fit one page; more is a warning) or `continue` (the table goes on over more pages, its header repeated)
forms-columns-count = a form needs 1 to { $max } columns, not { $count }
forms-columns-count-help = list the width of each column, for example `[22mm, 1fr, 22mm, 1fr]`
forms-not-a-share = `{ $value }` is not a share of the width
forms-not-a-share-help = write a share as a number and `fr`, like `1fr` or `2fr`
forms-length-out-of-range = `{ $value }` is out of range: a length is more than 0 and at most { $max }mm
forms-length-out-of-range-help = give a length that fits on the page
forms-not-a-length = `{ $value }` is not a length
forms-not-a-length-help = write a length in millimetres (or centimetres) without a space, like `9mm`, `8.5mm` or `1cm`

## Rows and cells on the grid.
forms-rows-count = a form has 1 to { $max } rows, this one has { $count }
forms-rows-none-help = list the rows under `rows:`, each a list of cells (see section 3 of forms/README.md)
forms-rows-too-many-help = split the form in two
forms-row-empty = row { $row } has no cells
forms-row-empty-help = give the row its cells, or remove it
forms-rowspan-past-end = this cell's `rowspan: { $rowspan }` runs { $count ->
        [one] 1 row
       *[other] { $count } rows
    } past the last row of the form
forms-ends-at-last-row = so that it ends at the last row
forms-rowspan-into-table = this cell's `rowspan: { $rowspan }` runs { $count ->
        [one] 1 row
       *[other] { $count } rows
    } down into the table below it
forms-ends-above-table = so that it ends above the table
forms-remove-rowspan = remove `rowspan` { $so }
forms-lower-rowspan = lower it to `rowspan: { $fits }` { $so }
forms-table-not-alone = a table must be alone in its row
forms-table-not-alone-help = put the other cells in a row of their own
forms-table-own-row-help = put the table in a row of its own
forms-two-tables = a form may have only one table
forms-two-tables-help = join the tables into one, or declare a second form
forms-covered-from-above = {" "}({ $count ->
        [one] 1 column
       *[other] { $count } columns
    } covered by a `rowspan` from above)
forms-row-short = row { $row } fills { $filled } of the form's { $width } columns{ $covered }
forms-row-short-help = add a cell, or widen one with `colspan`, so that the row fills all { $width } columns
forms-cell-spans = , and this cell spans { $colspan }
forms-no-room = row { $row } has no room for this cell: the cells before it fill { $filled } of the form's { $width } columns{ $covered }{ $spans }
forms-no-room-help = remove a cell or lower a `colspan` in this row, or add a width to `columns`
forms-cell-covered = this cell does not fit in row { $row }: it would reach column { $column }, which the `rowspan` on line { $line } covers
forms-cell-covered-help = lower this cell's `colspan` so that it ends before column { $column }, or lower the `rowspan` on line { $line }
forms-span-out-of-range = `{ $key }: { $value }` is out of range
forms-span-out-of-range-help = a `{ $key }` is at least 1

## Tables.
forms-table-rowspan = a table takes no `rowspan`: it is as tall as its rows
forms-table-rowspan-help = remove `rowspan`; set the number of blank rows with `rows`
forms-table-colspan = a table spans the whole width ({ $width } columns), not { $colspan }
forms-table-colspan-help = remove `colspan`: a table always spans the whole form
forms-table-rows-count = a table has 1 to { $max } rows, not { $count }
forms-table-rows-count-help = give the number of blank rows
forms-table-no-rows = this table has no `rows`
forms-table-no-rows-help = give the number of blank rows, for example `rows: 20`
forms-table-no-columns = this table has no `columns`
forms-table-no-columns-help = list its columns, for example `columns: [{"{"}id: name, label: 姓名{"}"}]`
forms-table-too-many-fields = this table would make { $fields } fields ({ $rows } rows of { $columns } columns), more than the { $max } a form may have
forms-table-too-many-fields-help = give it fewer rows: a long roster is better filled in the spreadsheet template (`xlsx: true`)
forms-column-kind-unknown = `{ $kind }` is not a kind of table column
forms-use-one-of = use one of: { $known }
forms-column-no-options = a `{ $kind }` column has no options
forms-column-no-options-help = remove `from` and `options`, or make it `input: choice`
forms-number-column-id = a `number` column takes no `id`: it prints the row numbers and has no field
forms-remove-id-help = remove `id`
forms-column-no-id = this column has no `id`
forms-column-no-id-help = give it an id (its fields are named `<table id>-<row>-<column id>`)
forms-table-columns-width = the table's columns span { $spanned } of the form's { $width } columns
forms-table-columns-width-help = change a column's `colspan` so that they add up to the width of the form

## Inputs.
forms-choice-from-and-options = a choice takes `from` or `options`, not both
forms-choice-from-and-options-help = keep `from: tracks` (or `groups`) for the contest's list, or `options` for a fixed one
forms-choice-no-options = this choice has no options
forms-choice-no-options-help = add `from: tracks` (or `groups`), or `options: [{"{"}id: male, label: 男{"}"}, {"{"}id: female, label: 女{"}"}]`
forms-from-unknown = `from: { $from }` refers to nothing
forms-from-unknown-help = write `from: tracks` (the contest's tracks) or `from: groups` (its groups), or list `options`
forms-options-empty = `options` is empty
forms-options-empty-help = list at least one option
forms-input-no-id = this `{ $kind }` input has no `id`
forms-input-no-id-help = give it an id such as `id: name`: it names the fillable field and the roster column
forms-input-takes-only = a `{ $kind }` input takes only { $common }
forms-input-takes = besides { $common }, a `{ $kind }` input takes { $keys }
forms-input-no-such-key = a `{ $kind }` input takes no `{ $key }`
forms-remove-key-help = remove `{ $key }`; { $takes }
forms-cell-empty = this cell has neither `label` nor `input`
forms-cell-empty-help = write `{"{"}label: 姓名{"}"}` for printed text, or `{"{"}input: text, id: name{"}"}` for a blank
forms-label-no-such-key = a label cell takes no `{ $key }`
forms-label-no-such-key-help = remove `{ $key }`, or add `input:` to make the cell an input (a label cell takes only `label`, `colspan` and `rowspan`)
forms-input-kind-unknown = `{ $kind }` is not a kind of input
forms-input-no-label = this input has no label
forms-input-no-label-help = put a label cell just before it in the row, or give it `label: 姓名`
forms-photo-id = a photo box takes no `id`: it has no field
forms-multiline-height = a `multiline` input needs a `height`
forms-multiline-height-help = give the box's height, for example `height: 40mm`
forms-gap-out-of-range = `gap: { $gap }` is out of range
forms-gap-out-of-range-help = the space between check boxes is 0 to 10 (em)
forms-cells-out-of-range = `cells: { $cells }` is out of range
forms-cells-out-of-range-help = a comb has 1 to 40 cells (18 for 身份证号)
forms-signature-height = a `signature` needs a `height`
forms-signature-height-help = give the block's height, for example `height: 34mm`
forms-signature-no-date = this signature has no `date` id
forms-signature-no-date-help = give it `date: unit-date` (the fields are `unit-date-year`, ...)
