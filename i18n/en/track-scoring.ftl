# A track's own scoring (`tracks[].scoring`): the model's checks, the pages and the results.

track-scoring-kind-part = a scoring part
track-scoring-kind-module = a module of the scoring part `{ $part }`
track-scoring-id-other-kind = the id `{ $id }` is { $first } in an earlier scoring but { $here } here
track-scoring-id-other-kind-help = one id is one column of the score sheet, so it must be the same kind in every track's scoring (the same part, or a module of the same part); give a different id to what is a different column
track-scoring-id-other-name = the id `{ $id }` is named “{ $first }” in an earlier scoring but “{ $here }” here
track-scoring-id-other-name-help = one id is one column of the score sheet, so its name must be the same in every scoring (weights, durations and modes may differ); give a different id to a different part
track-scoring-score-not-of-track = the scoring of the track “{ $track }” has no “{ $column }”, but this cell says `{ $cell }`
track-scoring-score-not-of-track-help = this column is a scoring part of other tracks; put this track's scores in its own score columns and leave this cell empty (or write “/”)
track-scoring-track-without-parts = the scoring of the track “{ $track }” has no parts yet, so this row's total cannot be computed
track-scoring-track-without-parts-help = give the parts and their weights (`parts`) under this track's `scoring:` in contest.yaml before publishing its results
