# The command line (src/main.rs, src/i18n/cli.rs): `--help`, summaries, errors.
# The doc comments in src/main.rs are for developers; these are the texts people read.

## --help
cli-about = Publishes a skills contest: notice website, forms, official PDFs and results from one YAML definition.
cli-build-about = Check the contest folder and build the site into `output/`.
cli-check-about = Check the contest folder and report every problem, without writing anything.
cli-serve-about = Build, then serve the site on this machine and rebuild it on every save; open pages reload.
cli-init-about = Start a new contest: a commented contest.yaml and a first notice, with blanks 【请填写：……】 that `check` points at until they are filled in.
cli-forms-about = Pre-fill a form from a roster (CSV, UTF-8 or GBK) into a folder of its own, or print a built-in form's declaration to start a form of your own from.
cli-schema-about = Print the JSON Schema of contest.yaml or of a form file, for editors that complete keys and mark mistakes while you type (VS Code with the YAML extension); `init` writes both into `schema/`.
cli-help-about = Print this message or the help of the given subcommand(s)
cli-arg-dir = The contest folder (holding `content/`); the current folder by default.
cli-init-dir = The folder to make (or an empty one).
cli-arg-output = Where to write the site; `<dir>/output` by default.
cli-schema-kind = Which file the schema describes: `contest` (content/contest.yaml) or `form` (forms/<id>.yaml). [default: { $default }]
cli-schema-out = Write the schema into this file (replacing it) instead of printing it: `--out schema/contest.schema.json`.
cli-arg-fill = The roster: one row per person, columns named as the labels on the form (姓名, 所在单位, ...) or by field id (name, unit, ...). A form with a table (a unit's roster) takes one row per table row and makes one PDF; any other form makes one PDF per row.
cli-arg-form = Which form, by the id an attachment names in contest.yaml (`form: registration`). [default: { $default }]
cli-arg-show = Print the declaration of a built-in form (registration, judge, roster) instead, to copy into `forms/<id>.yaml` and change: `jingsai forms --show roster > forms/roster.yaml`.
cli-arg-out = Where to write the filled forms; `<dir>/filled-forms` by default. They hold personal data, so they never go into the public site.
cli-arg-port = The port; the first free one from 1111 by default.
cli-arg-bind = The interface to listen on. Only this machine can open the site unless you pass another one (for example `0.0.0.0` to show it to others on the network). [default: { $default }]
cli-arg-poll = Compare the files every 200 ms instead of waiting for change events (network drives, some containers and virtual machines).
cli-arg-font-path = A folder of extra fonts (for example a 仿宋); may be given more than once.
cli-arg-no-system-fonts = Use only the bundled fonts and `--font-path`, not the fonts installed on this machine.
cli-arg-time-limit = Stop with an error when rendering takes longer than this many seconds (a template or form that loops for ever). [default: { $default }]
cli-arg-memory-limit = Stop with an error when the build needs more memory than this many MiB. [default: { $default }]
cli-arg-lang = The language of messages and help: `zh` (中文) or `en` (English). Without it: `JINGSAI_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `en…` is English); Chinese otherwise.
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-help-command = Print help for the subcommand(s)
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-commands = Commands
cli-heading-usage = Usage:{" "}
cli-usage-options = [OPTIONS]
cli-usage-command = <COMMAND>

## What the commands say
cli-error = error: { $message }
cli-error-with-help =
    error: { $message }
      help: { $help }
cli-error-with-help-line =
    error: { $message }
    help: { $help }
cli-problems-found = { $count ->
        [one] 1 problem found
       *[other] { $count } problems found
    }; { $then }
cli-check-again = fix them and run `jingsai check` again
cli-check-fine = `{ $dir }` is fine: { $tracks ->
        [one] 1 track
       *[other] { $tracks } tracks
    }, { $groups ->
        [0] no groups
        [one] 1 group
       *[other] { $groups } groups
    }, { $notices ->
        [one] 1 notice
       *[other] { $notices } notices
    }, { $forms ->
        [0] 0 forms
        [one] 1 form ({ $names })
       *[other] { $forms } forms ({ $names })
    }, { $results }
cli-check-results = { $count ->
        [one] results for 1 contestant
       *[other] results for { $count } contestants
    }
cli-check-no-results = no results yet
cli-built = built { $files ->
        [one] 1 file
       *[other] { $files } files
    } ({ $kib } KiB) into `{ $output }`: { $written } written, { $unchanged } unchanged, { $removed } removed
cli-manifest-refused = warning: `{ $output }/.jingsai-manifest` lists `{ $line }`, which leads outside the output folder or through a symbolic link; it was not removed
cli-partly-written = the output folder is partly written (see above); build again once it is fixed
cli-nothing-written = nothing was written
cli-wrote = wrote `{ $path }`
cli-init-done = a new contest is in `{ $dir }`: fill in every blank marked 【】 in content/contest.yaml and the notice, then run `jingsai check { $dir }`
cli-no-builtin-form = there is no built-in form `{ $id }`
cli-no-builtin-form-help = the built-in forms are { $forms }
cli-schema-write-help = check that its folder exists and can be written
cli-filled = { $count ->
        [one] 1 filled form
       *[other] { $count } filled forms
    } in `{ $out }`

## Choosing the language
lang-unknown = `{ $source }` asks for the language `{ $value }`, which jingsai does not speak
lang-unknown-help = use `zh` (中文, the default) or `en` (English): `--lang en`, or `JINGSAI_LANG=en`

## init
init-not-empty = `{ $dir }` is not empty: jingsai init writes a new contest only into an empty or new folder
init-not-empty-help = name a new folder: `jingsai init my-contest`
init-fs-help = check that the folder can be written
