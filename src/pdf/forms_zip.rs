//! The forms zip offered on the downloads page: every form PDF (and spreadsheet template) of a build in
//! one reproducible archive.

use super::Pdf;

/// One entry of a forms zip as deflated, kept so that the next zip copies it instead of deflating the
/// same file again (watch mode: an edited form changes one PDF, the others are the same bytes).
#[derive(Debug, Clone)]
pub(super) struct ZipPart {
    name: String,
    file: Vec<u8>,
    /// A zip holding only this entry, deflated.
    part: Vec<u8>,
}

/// The forms zip (see [`forms_zip()`]), deflating only the entries that are not in `previous` with the
/// same name and bytes; gives the parts of this zip for the next one. The zip is the same bytes as
/// [`forms_zip()`] gives: deflating the same file with the same options gives the same entry.
pub(super) fn forms_zip_reusing(
    pdfs: &[Pdf],
    extra: &[(&str, &[u8])],
    date: jiff::civil::Date,
    previous: &[ZipPart],
) -> (Vec<u8>, Vec<ZipPart>) {
    let mut entries: Vec<(&str, &[u8])> = pdfs
        .iter()
        .filter(|p| p.form.is_some())
        .map(|p| (p.title.as_str(), p.bytes.as_ref()))
        .chain(extra.iter().copied())
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let options = entry_options(date);
    let kept = |(name, bytes): (&str, &[u8])| {
        previous
            .iter()
            .find(|p| p.name == name && p.file == bytes)
            .map(|p| p.part.clone())
    };
    let parts: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .iter()
            .map(|&entry| match kept(entry) {
                Some(part) => Ok(part),
                None => Err(scope.spawn(move || one_entry(entry, options))),
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.unwrap_or_else(|h| h.join().expect("zip entry thread")))
            .collect()
    });
    let zip = join_parts(&parts);
    let parts = entries
        .iter()
        .zip(parts)
        .map(|(&(name, file), part)| ZipPart {
            name: name.to_string(),
            file: file.to_vec(),
            part,
        })
        .collect();
    (zip, parts)
}

/// A zip of the forms with Chinese names (UTF-8, flagged as such): the form PDFs under their titles and
/// the `extra` files (name, bytes: the spreadsheet templates), entries sorted by name, every timestamp
/// the notice date: the same input gives the same bytes. Each entry is deflated on its own thread (the
/// PDFs are compressed already, so deflating them is slow for what it saves), then copied into the zip
/// as is.
pub fn forms_zip(pdfs: &[Pdf], extra: &[(&str, &[u8])], date: jiff::civil::Date) -> Vec<u8> {
    forms_zip_reusing(pdfs, extra, date, &[]).0
}

/// The options of every entry: deflated, dated `date` at midnight, readable by all.
fn entry_options(date: jiff::civil::Date) -> zip::write::SimpleFileOptions {
    let stamp = zip::DateTime::from_date_and_time(
        date.year() as u16,
        date.month() as u8,
        date.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // The PDFs and workbooks are compressed already: the fastest level gives the same size.
        .compression_level(Some(1))
        .last_modified_time(stamp)
        .unix_permissions(0o644)
}

/// A zip of the one file `name` with `bytes`.
fn one_entry((name, bytes): (&str, &[u8]), options: zip::write::SimpleFileOptions) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file(name, options)
        .expect("zip entry in memory");
    writer.write_all(bytes).expect("zip write in memory");
    writer.finish().expect("zip in memory").into_inner()
}

/// One zip of the entries of the one-entry zips `parts`, copied as they are.
fn join_parts(parts: &[Vec<u8>]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for part in parts {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(part.as_slice())).expect("a zip made above");
        let entry = archive.by_index_raw(0).expect("its one entry");
        writer.raw_copy_file(entry).expect("zip copy in memory");
    }
    writer.finish().expect("zip in memory").into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(title: &str, bytes: &[u8]) -> Pdf {
        Pdf {
            path: format!("downloads/{title}.pdf"),
            title: title.to_string(),
            form: Some(title.to_string()),
            bytes: bytes.to_vec().into(),
            key: None,
            warnings: crate::diagnostics::Problems::default(),
        }
    }

    #[test]
    fn a_zip_that_copies_unchanged_entries_is_the_zip_made_afresh() {
        let date = jiff::civil::date(2025, 10, 16);
        let noise = |seed: u8| -> Vec<u8> {
            (0..50_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 ^ seed)
                .collect()
        };
        let first = [
            form("附件1 报名表", &noise(1)),
            form("附件2 推荐表", &noise(2)),
        ];
        let extra: [(&str, &[u8]); 1] = [("附件3 汇总表.xlsx", b"PK sheet")];
        let (zip, parts) = forms_zip_reusing(&first, &extra, date, &[]);
        assert_eq!(zip, forms_zip(&first, &extra, date));
        // One form edited: its entry is deflated again, the others are copied.
        let second = [
            form("附件1 报名表", &noise(3)),
            form("附件2 推荐表", &noise(2)),
        ];
        let (reused, _) = forms_zip_reusing(&second, &extra, date, &parts);
        assert_eq!(reused, forms_zip(&second, &extra, date));
        assert_ne!(reused, zip);
        let archive = zip::ZipArchive::new(std::io::Cursor::new(reused)).unwrap();
        assert_eq!(archive.len(), 3);
    }
}
