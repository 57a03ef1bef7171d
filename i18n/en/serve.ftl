# `jingsai serve` (src/serve/): the terminal, the overlay on the pages, the server's own answers.

serve-serving = serving { $url } (Ctrl-C to stop); watching content/, templates/ and forms/
serve-listening-everywhere = note: listening on { $ip }, so other machines on the network can open the site
serve-stopped = stopped
serve-built = { $first ->
        [yes] built
       *[no] rebuilt
    } { $count } files in { $ms } ms ({ $redone }: { $phases })
serve-phase = { $name } { $ms } ms
serve-phase-read = read
serve-phase-pdfs = PDFs
serve-phase-pages = pages
serve-phase-pdfs-and-pages = PDFs and pages
serve-redone-everything = everything
serve-redone-nothing = nothing
serve-redone-pages = pages
serve-redone-notices = { $count ->
        [one] 1 notice
       *[other] { $count } notices
    }
serve-redone-forms = { $count ->
        [one] 1 form
       *[other] { $count } forms
    }
serve-still-serving = still serving the last good site
serve-worker-waiting = nothing changed since the build that stopped; waiting for the next save
serve-worker-stopped = the rebuild process stopped; a new one builds again at the next save
serve-stopped-memory = rendering needed more memory than the memory limit (see the terminal); a template or form that loops, or an input far larger than any contest needs, is the usual cause. Still serving the last good site.
serve-stopped-unexpectedly = the rebuild process stopped unexpectedly ({ $status }). Still serving the last good site.
serve-panicked = jingsai failed inside while rebuilding ({ $what }); this is a bug in jingsai, not in your files. Still serving the last good site; the next save builds everything again.
serve-watch-warning = warning: watching files: { $error }

# The red box at the bottom of every page after a failed build.
serve-overlay-title = jingsai: the last change does not build; showing the last good site.
serve-overlay-help = {"  "}help: { $help }

# The server's own answers.
serve-misdirected = this preview answers only requests for this machine (Host: localhost or 127.0.0.1)
serve-404-title = Not found
serve-404-text = The site has no { $path }.
serve-404-home = Home

# Why serve could not start or had to stop.
serve-error-folder = cannot open the contest folder `{ $path }`
serve-error-bind = cannot listen on `{ $address }`
serve-error-bind-help = pass another `--port`
serve-error-no-free-port = no free port on `{ $ip }` from { $first } to { $last }
serve-error-no-free-port-help = pass one with `--port`
serve-error-listener = cannot set up the listener
serve-error-listener-address = cannot read the listening address
serve-error-server = cannot start the server
serve-error-server-stopped = the server stopped
serve-error-watcher = cannot watch files
serve-error-watcher-help = try `--poll`
serve-error-watch-folder = cannot watch `{ $path }`
serve-error-find-program = cannot find the jingsai program to start the rebuild process
serve-error-spawn = cannot start the rebuild process
serve-error-worker-did-not-start = the rebuild process could not start
serve-error-first-build-lost = the first build stopped unexpectedly
serve-error-stdout = cannot use standard output
serve-error-server-gone = the server is gone
serve-error-panicked = the rebuild stopped after an internal error
