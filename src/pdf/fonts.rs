//! The fonts every PDF can use: the bundled OFL CJK fonts (embedded in the binary), then system fonts and
//! `--font-path` folders.

use rust_embed::RustEmbed;
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
/// `--font-path` folders and, when asked, the system fonts.
pub(super) fn load(options: &FontOptions) -> FontStore {
    let mut store = FontStore::new();
    let mut names: Vec<_> = Bundled::iter().collect();
    names.sort();
    for name in names {
        let file = Bundled::get(&name).expect("listed embedded font");
        for font in Font::iter(Bytes::new(file.data.into_owned())) {
            let info = font.info().clone();
            store.push((font, info));
        }
    }
    for path in &options.paths {
        store.extend(typst_kit::fonts::scan(path));
    }
    if options.system {
        store.extend(typst_kit::fonts::system());
    }
    store
}

/// The bytes of the field font.
pub(super) fn field_font() -> Vec<u8> {
    Bundled::get(FIELD_FONT)
        .expect("bundled field font")
        .data
        .into_owned()
}
