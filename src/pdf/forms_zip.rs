//! The forms zip offered on the downloads page: every form PDF (and spreadsheet template) of a build in
//! one reproducible archive.

use super::Pdf;

/// A zip of the forms with Chinese names (UTF-8, flagged as such): the form PDFs under their titles and
/// the `extra` files (name, bytes: the spreadsheet templates), entries sorted by name, every timestamp
/// the notice date: the same input gives the same bytes. Each entry is deflated on its own thread (the
/// PDFs are compressed already, so deflating them is slow for what it saves), then copied into the zip
/// as is.
pub fn forms_zip(pdfs: &[Pdf], extra: &[(&str, &[u8])], date: jiff::civil::Date) -> Vec<u8> {
    let mut entries: Vec<(&str, &[u8])> = pdfs
        .iter()
        .filter(|p| p.form.is_some())
        .map(|p| (p.title.as_str(), p.bytes.as_slice()))
        .chain(extra.iter().copied())
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let stamp = zip::DateTime::from_date_and_time(
        date.year() as u16,
        date.month() as u8,
        date.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // The PDFs and workbooks are compressed already: the fastest level gives the same size.
        .compression_level(Some(1))
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let one_entry = |(name, bytes): (&str, &[u8])| -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        writer
            .start_file(name, options)
            .expect("zip entry in memory");
        writer.write_all(bytes).expect("zip write in memory");
        writer.finish().expect("zip in memory").into_inner()
    };
    let parts: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .iter()
            .map(|&entry| scope.spawn(move || one_entry(entry)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("zip entry thread"))
            .collect()
    });
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for part in parts {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(part)).expect("a zip made above");
        let entry = archive.by_index_raw(0).expect("its one entry");
        writer.raw_copy_file(entry).expect("zip copy in memory");
    }
    writer.finish().expect("zip in memory").into_inner()
}
