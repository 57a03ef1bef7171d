# The pipeline (src/build.rs).

build-nothing-written = nothing was written
build-xlsx-failed = { $form }: cannot write the spreadsheet template `{ $path }`: { $error }
build-unsafe-output-help = pass another folder with `{ $option }`
build-forms-into-site = refusing to write filled forms into `{ $out }`: it is inside the published site (`{ $site }`)
build-forms-into-site-help = filled forms hold ID and phone numbers; pass a folder outside the site with `--out`
build-no-such-form = the contest has no attachment with `form: { $form }`
build-no-such-form-help = use { $forms }, or add the form to an attachment under `attachments:`
build-no-such-form-help-none = add the form to an attachment under `attachments:` in contest.yaml
build-no-such-form-help-add = add it under `attachments:`
