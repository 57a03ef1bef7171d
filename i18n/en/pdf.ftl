# The PDFs (src/pdf/): Typst's own words stay as Typst says them ({ $detail }).

# How problems name the official documents.
pdf-notice = the notice PDF
pdf-results = the results PDF
pdf-document-error = { $document }: { $error }
pdf-typst-diagnostic = { $document }: { $detail }{ $trace }
pdf-typst-trace = { $before }{"\u000A  in "}{ $place }
pdf-form-template-help = fix the form template named above, or delete its override in `forms/` to use the built-in one
pdf-unknown-font-help = use a family that is bundled or installed, or pass its folder with `--font-path`
pdf-missing-glyph = { $document }{ $page ->
        [0] {""}
       *[other] , page { $page }
    }: no bundled or installed font has the character `{ $character }` ({ $code }); it would print as an empty box
pdf-missing-glyph-help = write the character differently, or pass a folder with a font that has it: `--font-path DIR`
pdf-add-fields-failed = { $document }: cannot add the form fields: { $error }
pdf-field-font-failed = cannot prepare the form field font: { $error }
pdf-form-file-name = the form file `{ $path }` has a name jingsai cannot use
pdf-form-file-name-help = name form files with letters a-z, digits, `-` and `_` only, for example `registration.typ`

## A form that runs on to more pages than declared.
pdf-overflow = { $document } runs to { $pages } pages, but it is declared to fit on one sheet
pdf-overflow-moved = { $document } runs to { $pages } pages, but it is declared to fit on one sheet; on page 2 and after: { $moved }
pdf-overflow-builtin-help = list fewer tracks or groups (each is a check box), or make the form your own: `jingsai forms --show { $id } > forms/{ $id }.yaml`, then lower its heights (see forms/README.md)
pdf-overflow-label = from here on, page 2
pdf-overflow-help = lower some heights, list fewer choices, or set `overflow: continue` so that the table runs on with its header repeated (see forms/README.md)

## The fields a form template marks.
pdf-field-not-dictionary = field metadata must be a dictionary
pdf-field-no-name = a field without a name
pdf-field-no-location = a field marker without a location
pdf-field-no-position = a field marker without a position
pdf-field-twice = the field `{ $name }` appears twice
pdf-field-no-edge = the field `{ $name }` has a marker without `edge`
pdf-field-no-end = the field `{ $name }` has no end marker
pdf-field-split = the field `{ $name }` is split across pages

## Filling forms from a roster (jingsai forms --fill).
pdf-roster-row = `{ $path }` row { $row }: { $error }
pdf-roster-header = `{ $path }`: cannot read the header row: { $error }
pdf-roster-cell = `{ $path }` row { $row }, column { $column }: { $detail }
pdf-roster-cell-of = `{ $path }` row { $row }, column { $column } ({ $label }): { $detail }
pdf-roster-too-many = `{ $path }` has { $rows } rows, but the form's table has { $capacity }
pdf-roster-too-many-help = split the roster into files of at most { $capacity } rows, or raise `rows:` of the table in the form's file
pdf-roster-differs = `{ $value }` differs from `{ $before }` in an earlier row
pdf-roster-differs-help = the rows of one roster fill one form: give this column the same value in every row, or leave it empty after the first
pdf-roster-not-a-field = `{ $header }` is not a field of the form
pdf-roster-not-a-field-help = use the labels printed on the form: { $labels }; or the field ids: { $ids }
pdf-roster-several = `{ $header }` names more than one input of the form
pdf-roster-several-help = name the column by one of the ids: { $ids }
pdf-roster-length = `{ $cell }` has { $count } characters, not { $chars }
pdf-roster-length-help = check the number
pdf-roster-not-a-choice = `{ $cell }` is not one of the choices
pdf-roster-write-one-of = write one of: { $options }
pdf-roster-not-a-date = `{ $cell }` is not a date
pdf-roster-date-help = write dates as 2025-10-20 or 2025年10月20日
pdf-field-not-metadata = a `<jingsai-field>` label must be on `metadata`
pdf-doing = { $document } with the form `{ $file }`
pdf-results-failed = { $document }: { $error }
