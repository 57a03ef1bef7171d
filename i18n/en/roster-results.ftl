# The score sheet compared with the roster that `jingsai roster` wrote (src/roster/registered.rs).
roster-results-unregistered = { $name } ({ $unit }) is not in the roster `{ $file }`
roster-results-other-unit = { $name } ({ $unit }) is not in the roster `{ $file }`: the roster lists { $name } under { $units }
roster-results-other-track = { $name } ({ $unit }) entered { $entered }, but the score sheet says { $track }
roster-results-help = check that the name, unit and track match the roster (`{ $file }`, made by `jingsai roster`); if this person did enter and the roster lacks them, put their form in the folder of returned forms and run `jingsai roster` again
roster-results-unreadable = the roster `{ $file }` could not be read, so the score sheet was not compared with it
roster-results-unreadable-help = run `jingsai roster` again to remake it; if no comparison is wanted, move the file out of the contest folder
roster-counts-no-roster = `registration.publish_counts` asks for the page of entries, but the contest folder has no roster `{ $file }` yet: the page is left out this time
roster-counts-no-roster-help = run `jingsai roster --from <folder of returned forms>` for this contest folder first, then build
roster-counts-unreadable = the roster `{ $file }` could not be read: the page of entries is left out this time
