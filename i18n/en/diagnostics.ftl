# Problem reports (src/diagnostics.rs).

# The label under the marked text when a problem has none of its own.
diagnostics-here = here
# miette's word before a problem's hint.
diagnostics-help-word = help:{" "}
diagnostics-problems-found = { $count ->
    [one] 1 problem found
   *[other] { $count } problems found
}
