//! The fonts every PDF can use: the bundled OFL CJK fonts (embedded in the binary), then system fonts and
//! `--font-path` folders.

use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};
use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

/// The bundled fonts (see `src/pdf/fonts/README.md`).
#[derive(RustEmbed)]
#[folder = "src/pdf/fonts"]
#[include = "*.otf"]
#[include = "*.ttf"]
struct Bundled;

/// The font whose subset goes into the fillable forms' `/DR`, so typed Chinese displays.
const FIELD_FONT: &str = "NotoSansCJKsc-Regular.subset.otf";

/// Where fonts come from.
#[derive(Debug, Clone, Default)]
pub struct FontOptions {
    /// Also read the fonts installed on this machine.
    pub system: bool,
    /// Extra folders to read fonts from (`--font-path`).
    pub paths: Vec<std::path::PathBuf>,
}

/// Loads the bundled fonts first (so a family they provide is always the bundled face), then any
/// `--font-path` folders and, when asked, the system fonts. Also gives the identity of the whole set, for
/// the PDF cache: the bundled fonts by the SHA-256 rust-embed computed when the binary was built, the
/// others by path, face index, size and the times and inode that change when the file is written.
pub(super) fn load(options: &FontOptions) -> (FontStore, super::cache::Hash) {
    let mut store = FontStore::new();
    let mut identity = Sha256::new();
    let mut names: Vec<_> = Bundled::iter().collect();
    names.sort();
    for name in names {
        let file = Bundled::get(&name).expect("listed embedded font");
        super::cache::feed(&mut identity, name.as_bytes());
        identity.update(file.metadata.sha256_hash());
        // The bytes in the binary, not a copy: a build whose PDFs all come from the cache parses only
        // the fonts' tables for the font book.
        let data = match file.data {
            std::borrow::Cow::Borrowed(data) => Bytes::new(data),
            std::borrow::Cow::Owned(data) => Bytes::new(data),
        };
        for font in Font::iter(data) {
            let info = font.info().clone();
            store.push((font, info));
        }
    }
    let mut found = Vec::new();
    for path in &options.paths {
        found.extend(typst_kit::fonts::scan(path));
    }
    if options.system {
        found.extend(typst_kit::fonts::system());
    }
    for (font, _) in &found {
        super::cache::feed(&mut identity, font.path.as_os_str().as_encoded_bytes());
        identity.update(font.index.to_le_bytes());
        match font.path.metadata() {
            Ok(meta) => {
                identity.update(meta.len().to_le_bytes());
                super::cache::file_times(&mut identity, &meta);
            }
            Err(_) => identity.update([0xff]),
        }
    }
    store.extend(found);
    (store, identity.finalize().into())
}

/// The bytes of the field font.
pub(super) fn field_font() -> Vec<u8> {
    Bundled::get(FIELD_FONT)
        .expect("bundled field font")
        .data
        .into_owned()
}
