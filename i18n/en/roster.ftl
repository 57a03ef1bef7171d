# jingsai roster: the forms units send back, read into a checked roster (src/roster/).
roster-cli-about = Read the forms units send back (filled PDFs, roster spreadsheets, CSV) into a checked roster, a score sheet and one report per unit, outside the published site.
roster-cli-from = The folder of returned files (filled registration or roster PDFs, xlsx or CSV rosters); every file in it and its subfolders is read.
roster-cli-out = Where to write roster.xlsx, score-sheet.xlsx and reports/; `<dir>/roster` by default. They hold ID and phone numbers, so they never go into the public site.
roster-cli-summary = read { $files ->
    [one] 1 file
   *[other] { $files } files
    }: { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
    }, { $problems ->
    [0] no problem
    [one] 1 problem
   *[other] { $problems } problems
    }; { $clean } in the score sheet; written into `{ $out }`
roster-finding = `{ $file }` { $place }: { $message }
roster-finding-file = `{ $file }`: { $message }
roster-place-field = (field `{ $field }`)
roster-place-cell = ({ $cell })
roster-place-csv = (row { $row }, column { $column }, { $header })
roster-place-row = (row { $row })
roster-into-site = refusing to write the roster into `{ $out }`: it is inside the published site (`{ $site }`)
roster-into-site-help = the roster holds ID and phone numbers; pass a folder outside the site with `--out`
roster-no-folder = cannot read the folder of returned files `{ $from }`: { $error }
roster-no-folder-help = pass the folder the returned forms were saved into with `--from`
roster-not-a-file = not a regular file (a symbolic link, a pipe or a device); it was not read
roster-not-a-file-help = copy the file itself into the folder
roster-too-many-files = more than { $max } files; the rest were not read
roster-too-many-files-help = split the returned files into several folders
roster-file-unreadable = cannot be read: { $error }
roster-file-unreadable-help = check that the file is not open in another program and that you may read it
roster-file-too-big = larger than { $max }; not read
roster-file-too-big-help = a returned form is much smaller: ask the unit for the filled form itself, not a scan
roster-unknown-file = not a PDF, xlsx or CSV file; not read
roster-unknown-file-help = save it as the filled PDF form, an xlsx workbook or a CSV file, or move it out of the folder
roster-old-format-help = open it in Excel or WPS and save it as .xlsx (Excel workbook), or as CSV
roster-pdf-unreadable = the PDF cannot be read: { $error }
roster-pdf-unreadable-help = ask the unit to send the filled form again, saved from the PDF reader (not printed to PDF)
roster-pdf-no-fields = the PDF has no form fields: it is not a filled form (a scan or a form printed to PDF?)
roster-unknown-pdf = the PDF's form fields are not those of any form of this contest
roster-unknown-pdf-help = the forms of this contest are { $forms }; ask the unit to fill the form downloaded from the site
roster-xlsx-unreadable = the workbook cannot be read: { $error }
roster-xlsx-unreadable-help = open it in Excel or WPS and save it again as .xlsx
roster-csv-unreadable = row { $row } cannot be read: { $error }
roster-csv-unreadable-help = save the file again from Excel or WPS as CSV
roster-no-header-row = no row of column headers names the inputs of a form of this contest
roster-no-header-row-help = the columns are headed as on the form: { $labels }
roster-no-entries = the file holds no entry (nothing filled in)
roster-no-entries-help = ask the unit for the filled form
roster-missing = { $label } is missing
roster-blank-form = the form is blank: nothing in it was filled in
roster-blank-form-help = ask the unit to fill it in and send it again; if it was attached by mistake, delete the file
roster-missing-help = fill in { $label }
roster-missing-column-help = the file has no { $label }: add a column headed { $label }
roster-id-shape = the 身份证号 is not 17 digits and a digit or X (it has { $count } characters)
roster-id-no-date = the birth date in the 身份证号 is not a real date
roster-id-check-digit = the check digit (last character) of the 身份证号 does not match the others (GB 11643)
roster-id-help = copy the 身份证号 again from the ID card: 18 characters, the last a digit or X
roster-sex-differs = 性别 `{ $sex }` does not match the 身份证号, which says { $by_id }
roster-sex-differs-help = check the 性别 and the 身份证号 against the ID card
roster-not-mobile = { $label } `{ $value }` is not a mobile number (11 digits starting 13 to 19)
roster-not-phone = { $label } `{ $value }` is not a phone number
roster-phone-help = write the number with digits only (a landline as 022-12345678)
roster-not-a-date = { $label } `{ $value }` is not a date
roster-date-help = write the date as 2025-10-20 or 2025年10月20日
roster-after-deadline = dated { $day }, after the registration deadline ({ $deadline })
roster-after-deadline-help = entries after the deadline are accepted only if the organisers agree; check with them, or correct the date if it is wrong
roster-several-tracks = several tracks chosen: { $value }
roster-several-groups = several groups chosen: { $value }
roster-several-tracks-help = an entry is for one track and one group; send one form per track
roster-no-such-track = the track `{ $value }` is not a track of this contest
roster-no-such-group = the group `{ $value }` is not a group of this contest
roster-one-of-help = write one of { $names }
roster-no-groups = a group `{ $value }` is given, but this contest has no groups
roster-no-groups-help = leave the group empty
roster-track-not-for-group = the track { $track } is not run for the group { $group }
roster-track-not-for-group-help = check the groups the notice gives for { $track }
roster-breach = { $breach } ({ $key }), by the birth date in the 身份证号
roster-breach-help = this person may not enter this track and group; check the 身份证号, or the track and group
roster-born-before = born before { $day }
roster-born-after = born after { $day }
roster-too-young = { $age } years old on { $on }, under { $min }
roster-too-old = { $age } years old on { $on }, over { $max }
roster-twice = the same person ({ $name }, 身份证号 { $masked }) is entered again; first in `{ $first_file }` { $first_place } (unit { $first_unit })
roster-twice-help = a person enters once: the units agree which entry stays, and the other is withdrawn
roster-quota-in = in { $scope }
roster-quota-in-contest = in the contest
roster-over-quota = { $unit } enters { $count } { $team ->
    [true] teams
   *[other] people
    } { $scope }, more than the { $max } a unit may send (files: { $files })
roster-over-quota-help = the unit withdraws entries until it has at most { $max }; none of them is in the score sheet until then
roster-under-quota = { $unit } enters { $count } { $team ->
    [true] teams
   *[other] people
    } { $scope }, fewer than the { $min } a unit sends
roster-under-quota-help = check with the unit whether entries are missing (at least { $min })
roster-xlsx-write = cannot make the spreadsheet: { $error }
roster-report-head = { $unit }: { $count } { $count ->
    [one] entry
   *[other] entries
    } received, { $held } to be corrected before the score sheet.
roster-report-fine = No problem found.
roster-report-files-head = Files that could not be read as a form ({ $count }):
roster-barred-honour = { $label } { $honours }: holders of this honour or qualification may not enter as contestants (`rules.barred_honours`, `barred_qualifications`)
roster-barred-honour-help = check with the unit; if the entrant holds it, the entry is withdrawn; if it was written by mistake, the unit corrects it and sends the form again
roster-mentions-barred = { $label } mentions { $honours } (an honour or qualification whose holders may not enter): check by hand
roster-mentions-barred-help = if the entrant holds it, they may not enter as a contestant and the entry is withdrawn; if it is only mentioned (a student coached to the honour), nothing is to be done. The entry is in the score sheet as usual
roster-mentions-no-award = { $label } mentions { $honours } (holders enter and are ranked, without award): check by hand
roster-mentions-no-award-help = if the entrant holds it, write the honour in the score sheet's 荣誉 column, so the results say they get no award; if it is only mentioned, nothing is to be done
roster-too-many-coaches = { $label } “{ $value }” names { $count } people; a contestant has at most { $max } { $max ->
    [one] coach
   *[other] coaches
    } (`rules.coaches_per_contestant`)
roster-too-many-coaches-help = the unit chooses { $max } { $max ->
    [one] coach
   *[other] coaches
    } and fills the form again
roster-role-missing = { $unit } names no { $role } (`rules.unit_roles`: every unit names { $count })
roster-role-missing-help = the unit fills in its { $role } in { $forms }; its contestants are in the score sheet all the same
roster-role-too-many = { $unit } names { $count } people as { $role } ({ $names }), at most { $max } (`rules.unit_roles`)
roster-role-too-many-help = the unit chooses its { $role } (at most { $max }) and names the same person on every form
roster-report-no-award-head = These contestants hold an honour whose holders are ranked without award (written in the score sheet's 荣誉 column):
roster-report-no-award-line = { $name } ({ $honours }), `{ $file }` { $place }
