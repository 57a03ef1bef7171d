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
/// `--font-path` folders and, when asked, the system fonts. Parsing them for the font book is the
/// costly part of the fonts: it happens only when a document is really compiled (see [`identity`]).
pub(super) fn load(options: &FontOptions) -> FontStore {
    load_with(options, false)
}

/// [`load`], with the hash of each bundled font file computed (Typst keeps it with the bytes): finding
/// a font in Typst's caches hashes its whole file, a few milliseconds for a CJK font, and the thread
/// that loads the fonts early (see [`super::world::PdfWorld::load_fonts_early`]) has time for it.
pub(super) fn load_hashed(options: &FontOptions) -> FontStore {
    load_with(options, true)
}

fn load_with(options: &FontOptions, hash_bundled: bool) -> FontStore {
    let mut store = FontStore::new();
    let mut names: Vec<_> = Bundled::iter().collect();
    names.sort();
    for name in names {
        let file = Bundled::get(&name).expect("listed embedded font");
        // The bytes in the binary, not a copy.
        let data = match file.data {
            std::borrow::Cow::Borrowed(data) => Bytes::new(data),
            std::borrow::Cow::Owned(data) => Bytes::new(data),
        };
        if hash_bundled {
            typst::utils::hash128(&data);
        }
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
    store.extend(found);
    store
}

/// The identity of the fonts [`load`] would load, for the PDF cache, without reading or parsing any
/// font: the bundled fonts by the SHA-256 rust-embed computed when the binary was built; the
/// `--font-path` folders and the system font folders (the ones fontdb scans: those of the fontconfig
/// configuration, else the usual folders) by walking them as fontdb does, following links, and taking
/// every font file's path, size, modification and change times and inode in the order fontdb meets
/// them. A font added, removed, replaced or written to changes it, so a cached PDF is never reused
/// with other fonts; anything else only costs a compile.
pub(super) fn identity(options: &FontOptions) -> super::cache::Hash {
    let mut identity = Sha256::new();
    let mut names: Vec<_> = Bundled::iter().collect();
    names.sort();
    for name in names {
        let file = Bundled::get(&name).expect("listed embedded font");
        super::cache::feed(&mut identity, name.as_bytes());
        identity.update(file.metadata.sha256_hash());
    }
    let mut seen = std::collections::HashSet::new();
    for path in &options.paths {
        super::cache::feed(&mut identity, b"--font-path");
        walk(path, &mut identity, &mut seen);
    }
    identity.update([u8::from(options.system)]);
    if options.system {
        for dir in system_dirs() {
            super::cache::feed(&mut identity, b"system");
            walk(&dir, &mut identity, &mut seen);
        }
    }
    identity.finalize().into()
}

/// Feeds the font files under `dir` (recursively, links followed, each folder once) into `identity`.
fn walk(
    dir: &std::path::Path,
    identity: &mut Sha256,
    seen: &mut std::collections::HashSet<std::path::PathBuf>,
) {
    super::cache::feed(identity, dir.as_os_str().as_encoded_bytes());
    let Ok(canonical) = std::fs::canonicalize(dir) else {
        identity.update([0xfe]);
        return;
    };
    if !seen.insert(canonical) {
        return;
    }
    let Ok(listing) = std::fs::read_dir(dir) else {
        identity.update([0xfd]);
        return;
    };
    for entry in listing.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, identity, seen);
        } else if meta.is_file() && is_font_file(&path) {
            super::cache::feed(identity, path.as_os_str().as_encoded_bytes());
            identity.update(meta.len().to_le_bytes());
            super::cache::file_times(identity, &meta);
        }
    }
}

/// Whether fontdb reads the file `path` as a font (by its extension).
fn is_font_file(path: &std::path::Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("ttf" | "ttc" | "TTF" | "TTC" | "otf" | "otc" | "OTF" | "OTC")
    )
}

/// The folders fontdb scans for system fonts on this system: those the fontconfig configuration names
/// (read as fontdb reads it), else the usual folders.
fn system_dirs() -> Vec<std::path::PathBuf> {
    use std::path::{Path, PathBuf};
    let home = std::env::var("HOME").ok();
    let mut dirs = Vec::new();
    #[cfg(all(unix, not(any(target_os = "macos", target_os = "android"))))]
    {
        let mut config = fontconfig_parser::FontConfig::default();
        if let Ok(file) = std::env::var("FONTCONFIG_FILE") {
            let _ = config.merge_config(Path::new(&file));
        } else {
            let config_home = std::env::var("XDG_CONFIG_HOME")
                .ok()
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| Path::new(h).join(".config")));
            let read_global = match config_home {
                Some(p) => config
                    .merge_config(&p.join("fontconfig/fonts.conf"))
                    .is_err(),
                None => true,
            };
            if read_global {
                let _ = config.merge_config(Path::new("/etc/fonts/local.conf"));
            }
            let _ = config.merge_config(Path::new("/etc/fonts/fonts.conf"));
        }
        for dir in config.dirs {
            match (dir.path.strip_prefix("~"), &home) {
                (Ok(rest), Some(home)) => dirs.push(Path::new(home).join(rest)),
                (Ok(_), None) => {}
                (Err(_), _) => dirs.push(dir.path),
            }
        }
    }
    if dirs.is_empty() {
        dirs.push(PathBuf::from("/usr/share/fonts/"));
        dirs.push(PathBuf::from("/usr/local/share/fonts/"));
        if let Some(home) = &home {
            dirs.push(Path::new(home).join(".fonts"));
            dirs.push(Path::new(home).join(".local/share/fonts"));
        }
    }
    dirs
}

/// The bytes of the field font.
pub(super) fn field_font() -> Vec<u8> {
    Bundled::get(FIELD_FONT)
        .expect("bundled field font")
        .data
        .into_owned()
}

/// The PostScript name of a font, with only the characters a PDF name holds plainly (letters, digits,
/// `-`, `_`, `.`) and at most 100 of them; `fallback` when it has none.
pub(super) fn postscript_name(ttf: &ttf_parser::Face<'_>, fallback: &str) -> String {
    let name: String = ttf
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(100)
        .collect();
    if name.is_empty() {
        fallback.to_string()
    } else {
        name
    }
}
