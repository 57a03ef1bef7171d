# Reading the contest folder (src/fs.rs): every error names its path.

fs-failed = could not { $action } `{ $path }`: { $reason }
fs-action-read = read
fs-action-list = list
fs-action-write = write
fs-action-create = create
fs-action-create-folder = create folder
fs-action-lock = lock
fs-action-remove = remove
fs-action-remove-link = remove link
fs-action-rename = rename
fs-action-replace = replace

# The errors of the system most often met; { $os } is the system's own words.
fs-io-not-found = { $os }
fs-io-permission-denied = { $os }
fs-io-already-exists = { $os }
fs-io-is-a-folder = { $os }
fs-io-not-a-folder = { $os }
fs-io-read-only = { $os }
fs-io-full = { $os }

fs-link-outside = it is a symbolic link to `{ $target }`, outside the contest folder; jingsai reads only files inside it, so copy the file in instead of linking to it
fs-folder-link-outside = a folder on its way is a symbolic link to `{ $target }`, outside the contest folder; jingsai reads only files inside it, so copy the file in instead of linking to it
fs-listed-folder-outside = it is a symbolic link to `{ $target }`, outside the contest folder; jingsai reads only files inside it
fs-not-regular = it is not a regular file (it is { $kind }); jingsai reads only regular files
fs-kind-folder = a folder
fs-kind-pipe = a named pipe
fs-kind-socket = a socket
fs-kind-device = a device
fs-kind-other = not a file
fs-too-large = it is { $size }, more than the { $limit } that { $kind } may be; is it the right file?
fs-input-contest = a contest definition
fs-input-notice = a notice
fs-input-results = a results sheet
fs-input-template = a page template
fs-input-asset = a style sheet or script
fs-input-form = a form template
fs-input-roster = a roster
fs-size-bytes = { $bytes } bytes
fs-not-utf8 = it is not UTF-8 text: byte 0x{ $byte } at line { $line }, column { $column }; save the file as UTF-8 (in Notepad or WPS: 另存为, 编码 UTF-8)
