# The cache of compiled PDFs (src/pdf/cache.rs).

pdfcache-summary = PDFs: { $cached } from the cache, { $compiled } compiled (cache: `{ $dir }`)
pdfcache-summary-off = PDFs: { $compiled } compiled (the PDF cache is off)
pdfcache-summary-unusable = PDFs: { $compiled } compiled; the PDF cache is not used: { $reason }
pdfcache-rejected = warning: { $count ->
        [one] 1 entry
       *[other] { $count } entries
    } of the PDF cache failed verification (damaged, cut short or not made by this jingsai) and { $count ->
        [one] was
       *[other] were
    } ignored; the PDFs were compiled again
pdfcache-inside-contest = the cache folder `{ $dir }` is inside the contest folder, which anyone who sends the folder controls; set `JINGSAI_CACHE_DIR` to a folder outside it
pdfcache-inside-output = the cache folder `{ $dir }` is inside the output folder, which is published; set `JINGSAI_CACHE_DIR` to a folder outside it
pdfcache-cannot-create = cannot make the cache folder `{ $dir }`: { $error }
pdfcache-not-a-folder = the cache folder `{ $dir }` is not a folder (or is a symbolic link)
pdfcache-arg-no-cache = Compile every PDF instead of reusing the ones whose inputs are unchanged (kept in `~/.cache/jingsai/pdf`, or `JINGSAI_CACHE_DIR`).
