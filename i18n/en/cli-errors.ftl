# The command line's own errors (a mistyped option, a missing value), worded by jingsai instead of clap
# (src/i18n/cli.rs). In English clap's words are shown as they are; these are its meaning, for the tests.

clap-unknown-argument = unexpected argument `{ $arg }` found
clap-as-value = to pass `{ $arg }` as a value, use `-- { $arg }`
clap-unknown-command = unrecognized subcommand `{ $command }`
clap-similar = a similar one exists: { $names }
clap-missing = the following required arguments were not provided: { $args }
clap-missing-command = a command is needed: { $commands }
clap-no-value = a value is required for `{ $arg }` but none was supplied
clap-bad-value = invalid value `{ $value }` for `{ $arg }`
clap-possible-values = possible values: { $values }
clap-conflict = the argument `{ $arg }` cannot be used with `{ $other }`
clap-conflict-some = the argument `{ $arg }` cannot be used with one or more of the other specified arguments
clap-repeated = the argument `{ $arg }` cannot be used multiple times
clap-too-many = unexpected value `{ $value }` for `{ $arg }` found; no more were expected
clap-wrong-count = wrong number of values for `{ $arg }`
clap-no-equals = equal sign is needed when assigning values to `{ $arg }`
clap-not-utf8 = invalid UTF-8 was detected in one or more arguments
clap-other = the command line is not right
clap-tip = tip: { $tip }
clap-more = For more information, try `{ $help }`.
