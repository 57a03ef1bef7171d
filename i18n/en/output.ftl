# Writing the output folder (src/output/).

output-unsafe = refusing to build into `{ $path }`: { $reason }
output-unsafe-link = `{ $link }` is a symbolic link inside the contest folder, so the contest folder would choose where jingsai writes; remove the link, or pass the real folder with `--output`
output-unsafe-root = it is the root of the file system
output-unsafe-home = it is your home folder
output-unsafe-project = it is the project folder itself; choose a folder such as `output`
output-unsafe-contains-project = it contains the project folder
output-unsafe-inside = it is inside the project's `{ $source }` folder

output-busy = another jingsai is writing into `{ $dir }` right now
output-busy-help = wait for the other build to finish, then build again
output-not-ours = refusing to write into `{ $dir }`: it is not empty and was not made by jingsai (it has no `{ $manifest }`); it holds { $entries }
output-not-ours-help = pass an empty or new folder with `--output`, or move those files away first
output-staging-help = fix the permission or free the space named above and build again; the previous output is untouched
output-partial = { $error }; the output folder is now half old, half new: { $replaced_count ->
        [one] 1 file was
       *[other] { $replaced_count } files were
    } replaced ({ $replaced }), { $old_count ->
        [one] 1 file still holds
       *[other] { $old_count } files still hold
    } the previous build ({ $old })
output-partial-help = fix the problem named above and build again: the next build replaces the old files
output-folder-in-the-way = a folder is where this build puts a file; move the folder away
output-file-in-the-way = a file is where this build needs a folder; move the file away

# Names listed in a message: the first few, quoted.
output-list = { $names }
output-list-more = { $names }, and { $more } more
output-list-none = none
