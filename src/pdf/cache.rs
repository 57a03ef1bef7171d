//! The cache of compiled PDFs: a document whose inputs are unchanged since it was last compiled is read
//! back from disk instead of being compiled again.
//!
//! **What a document's key covers.** The key of a document is a SHA-256 over: the cache format, the
//! jingsai version and the identity of the running binary (its path, size and modification time, so a
//! rebuilt jingsai never reuses what an older one made), the fonts (the bundled ones by the hash
//! rust-embed computed when the binary was built; installed and `--font-path` fonts by path, size,
//! modification and change time and inode, which change when a file is written, found by walking the
//! font folders without reading a font: see `fonts::identity`; the fonts are parsed only when a
//! document is compiled, and the font families `/data.json` names are kept in an `f-` entry under
//! this identity), the document's
//! main file, its PDF standards and timestamp, and the content of every virtual file its last compile
//! read (templates, `/data.json`, `/forms/<id>.json`, `/results.json`, the QR code; a file that was
//! missing counts as missing). A form's key also covers the labels of its fillable fields, the input
//! of the AcroForm step (the field font is part of the binary). The files a document reads are noted in
//! a *trace* after each compile: the next build hashes the files the trace names. A compile is
//! deterministic given the contents of what it reads, so when those contents are unchanged it would read
//! the same files and make the same bytes. A trace is only a hint: an entry is stored under the hash of
//! what its compile really read, so a wrong trace can only cause a miss.
//!
//! **Where it lives.** In the user's cache folder (`$JINGSAI_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/jingsai/pdf`, else `~/.cache/jingsai/pdf`), never in the contest folder (it arrives
//! by git clone and is untrusted: a planted entry would be published) nor in the output folder (it is
//! copied to a web server as a whole, and its stale files are removed by the manifest). A cache folder
//! inside either is refused. `check` and `build` use the same folder, so a build after a check compiles
//! nothing.
//!
//! **Every read is verified.** An entry is read only when it is a regular file (opened with
//! `O_NOFOLLOW`, never through a symbolic link), not larger than the bound, starts with the format's
//! magic line, carries the CRC-32 and the length of the rest (checked: a damaged or cut-short file) and
//! names the key it was looked up by (a file copied under another name). Anything else is counted as
//! rejected, ignored and replaced by a fresh compile. Entries are written under a temporary name and
//! renamed into place, so a reader never sees half an entry. The check is against damage, not against
//! someone who can write into the folder: no unkeyed hash stops a planted entry (its key is computed
//! from public inputs), which is why the folder is the user's own and never the contest's. A CRC-32
//! costs about a sixth of a SHA-256 over the 12 MB a warm build of 1,000 notices reads back (perf).
//!
//! **Shared.** The same folder holds the rendered notice pages and the search index of the site
//! (`s-` and `i-` entries, see `crate::site::cache`), read and written with the same rules.
//!
//! **Bounded.** After a build that stored something, the oldest entries (by modification time; a hit
//! refreshes it) are removed until the folder holds at most three quarters of its bound (512 MiB unless
//! `JINGSAI_CACHE_MAX_MIB` says otherwise). A file larger than half the bound is not stored, so that one
//! entry never empties the folder of the others (the results PDF of 100,000 contestants is 134 MiB).

use super::inspect::FieldPlace;
use crate::i18n::Text;
use crate::msg;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// A SHA-256 hash.
pub(crate) type Hash = [u8; 32];

/// The first bytes of every cache file; the number is the format's version.
const MAGIC: &[u8] = b"JINGSAI-PDF-CACHE 2\n";
/// The default bound of the cache folder.
const DEFAULT_MAX_BYTES: u64 = 512 << 20;
/// The names of cache files start with one of these: `p-` a document, `t-` a trace, `s-` the rendered
/// pages of a site (`crate::site::cache`), `i-` a search index, `f-` the font families found, `x-` a
/// results workbook.
const ENTRY_PREFIXES: [&str; 6] = ["p-", "t-", "s-", "i-", "f-", "x-"];
/// The bytes after the magic line that check the rest: its CRC-32 and its length (little-endian).
const CHECK: usize = 4 + 8;
/// No cache file is read (or written) beyond this size, whatever the folder's bound: the results PDF
/// of 100,000 contestants is 134 MiB.
const MAX_ENTRY_BYTES: u64 = 256 << 20;

/// Where the PDF cache is, and how large it may grow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheOptions {
    /// The cache folder.
    pub dir: PathBuf,
    /// The most bytes it keeps after a build.
    pub max_bytes: u64,
}

impl CacheOptions {
    /// The cache folder chosen by the environment: `JINGSAI_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/jingsai/pdf`, else `$HOME/.cache/jingsai/pdf`; `None` when none is set. Its bound
    /// is `JINGSAI_CACHE_MAX_MIB` MiB, 512 by default.
    pub fn from_env() -> Option<Self> {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dir = var("JINGSAI_CACHE_DIR")
            .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("jingsai").join("pdf")))
            .or_else(|| var("HOME").map(|d| d.join(".cache").join("jingsai").join("pdf")))?;
        let max_bytes = std::env::var("JINGSAI_CACHE_MAX_MIB")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(DEFAULT_MAX_BYTES, |mib| mib.saturating_mul(1 << 20));
        Some(CacheOptions { dir, max_bytes })
    }
}

/// Whether a build used the PDF cache.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum CacheState {
    /// Turned off (`--no-cache`, or no cache folder could be named).
    #[default]
    Off,
    /// In use, in this folder.
    On(PathBuf),
    /// Asked for but not usable; the reason. Every PDF was compiled.
    Unusable(Text),
}

/// What the PDFs of one build cost: how many were compiled, how many were read from the cache, and how
/// many cache entries were rejected (damaged, truncated, planted or not a regular file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfCounts {
    /// PDFs compiled by Typst.
    pub compiled: usize,
    /// PDFs read back from the cache.
    pub from_cache: usize,
    /// Cache entries ignored because they failed verification.
    pub rejected: usize,
    /// Whether the cache was used.
    pub cache: CacheState,
}

impl PdfCounts {
    /// The summary line: `PDF：3 个取自缓存，0 个重新编译`, or that the cache is off or unusable.
    pub fn summary(&self) -> Text {
        let (compiled, cached) = (self.compiled, self.from_cache);
        match &self.cache {
            CacheState::On(dir) => msg!("pdfcache-summary", compiled, cached, dir),
            CacheState::Off => msg!("pdfcache-summary-off", compiled),
            CacheState::Unusable(reason) => {
                msg!(
                    "pdfcache-summary-unusable",
                    compiled,
                    reason = reason.clone()
                )
            }
        }
    }
}

/// A cached document: the final PDF, and for a form its page count and field places (the overflow
/// warning is made again from them).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Entry {
    /// How many pages the document has.
    pub(super) pages: usize,
    /// The fields the template marked (forms only).
    pub(super) places: Vec<FieldPlace>,
    /// The PDF file (shared with the buffer it was read into, not copied out of it).
    #[serde(skip)]
    pub(super) bytes: bytes::Bytes,
}

/// The cache folder of one engine (shared with the page cache, [`crate::site`], whose files it also
/// trims).
pub(crate) struct PdfCache {
    dir: PathBuf,
    max_bytes: u64,
    /// Whether this engine stored anything (then the folder is trimmed to its bound).
    stored: AtomicBool,
}

/// Why a cache file was not used.
pub(crate) enum Miss {
    /// There is none.
    Absent,
    /// There is one, but it failed verification.
    Rejected,
}

impl PdfCache {
    /// Opens (making it, private to the user) the cache folder of `options`, refusing one inside the
    /// contest folder `root` or the output folder `output`, or one that is a symbolic link.
    pub(super) fn open(
        options: &CacheOptions,
        root: &Path,
        output: Option<&Path>,
    ) -> Result<Self, Text> {
        let dir = crate::output::normalise(&options.dir);
        let shown = options.dir.clone();
        if dir.starts_with(crate::output::normalise(root)) {
            return Err(msg!("pdfcache-inside-contest", dir = shown));
        }
        if output.is_some_and(|out| dir.starts_with(crate::output::normalise(out))) {
            return Err(msg!("pdfcache-inside-output", dir = shown));
        }
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&options.dir).map_err(|e| {
            msg!(
                "pdfcache-cannot-create",
                dir = shown.clone(),
                error = e.to_string()
            )
        })?;
        match options.dir.symlink_metadata() {
            Ok(meta) if meta.is_dir() => {}
            _ => return Err(msg!("pdfcache-not-a-folder", dir = shown)),
        }
        Ok(PdfCache {
            dir: options.dir.clone(),
            max_bytes: options.max_bytes,
            stored: AtomicBool::new(false),
        })
    }

    /// The folder.
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The virtual paths the last compile of the document `trace_key` read, when a verified trace says.
    pub(super) fn trace(&self, trace_key: &Hash) -> Result<Vec<String>, Miss> {
        let (meta, _) = self.read(&format!("t-{}", hex(trace_key)), trace_key)?;
        serde_json::from_slice(&meta).map_err(|_| Miss::Rejected)
    }

    /// The cached document of `key`, verified; its bytes must start with `start` (`%PDF-`, or a zip's
    /// `PK`).
    pub(super) fn get(&self, key: &Hash, start: &[u8]) -> Result<Entry, Miss> {
        let (meta, bytes) = self.read(&format!("p-{}", hex(key)), key)?;
        let mut entry: Entry = serde_json::from_slice(&meta).map_err(|_| Miss::Rejected)?;
        if bytes.is_empty() || !bytes.starts_with(start) {
            return Err(Miss::Rejected);
        }
        entry.bytes = bytes;
        Ok(entry)
    }

    /// Stores the trace of a document: the virtual paths its compile read.
    pub(super) fn put_trace(&self, trace_key: &Hash, read: &[String]) {
        let meta = serde_json::to_vec(read).expect("json of paths");
        self.write(&format!("t-{}", hex(trace_key)), trace_key, &meta, &[]);
    }

    /// Stores a compiled document under `key`.
    pub(super) fn put(&self, key: &Hash, entry: &Entry) {
        let meta = serde_json::to_vec(entry).expect("json of an entry");
        self.write(&format!("p-{}", hex(key)), key, &meta, &entry.bytes);
    }

    /// Reads and verifies the file `name`: a regular file (never through a link), within the size bound,
    /// with the magic line, the CRC-32 and length of the rest, and `key`. Gives its metadata and payload (a view of the
    /// buffer the file was read into: no copy).
    pub(crate) fn read(&self, name: &str, key: &Hash) -> Result<(Vec<u8>, bytes::Bytes), Miss> {
        let path = self.dir.join(name);
        let meta = match path.symlink_metadata() {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Miss::Absent),
            Err(_) => return Err(Miss::Rejected),
        };
        if !meta.is_file() || meta.len() > MAX_ENTRY_BYTES {
            return Err(Miss::Rejected);
        }
        let mut file = crate::fs::open_own_file(&path).map_err(|_| Miss::Rejected)?;
        let mut data = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        (&mut file)
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(|_| Miss::Rejected)?;
        let parsed = parse(data, key).ok_or(Miss::Rejected)?;
        // A hit is recent: the trimming removes the entries used least recently first.
        let _ = file.set_modified(std::time::SystemTime::now());
        Ok(parsed)
    }

    /// Writes the file `name` under a temporary name and renames it into place (replacing a link there
    /// as a link). A cache that cannot be written is no error: the next build compiles again.
    pub(crate) fn write(&self, name: &str, key: &Hash, meta: &[u8], payload: &[u8]) {
        self.write_parts(name, key, meta, &[payload]);
    }

    /// [`Self::write`] with the payload given in pieces, written one after the other without being
    /// copied into one buffer.
    pub(crate) fn write_parts(&self, name: &str, key: &Hash, meta: &[u8], payload: &[&[u8]]) {
        let meta_len = (meta.len() as u64).to_le_bytes();
        let mut pieces: Vec<&[u8]> = vec![key, &meta_len, meta];
        pieces.extend_from_slice(payload);
        let body: usize = pieces.iter().map(|p| p.len()).sum();
        let size = (MAGIC.len() + CHECK + body) as u64;
        if size > MAX_ENTRY_BYTES || size > self.max_bytes / 2 {
            return;
        }
        let mut crc = crc32fast::Hasher::new();
        for piece in &pieces {
            crc.update(piece);
        }
        let mut check = [0u8; CHECK];
        check[..4].copy_from_slice(&crc.finalize().to_le_bytes());
        check[4..].copy_from_slice(&(body as u64).to_le_bytes());
        let temp = self.dir.join(format!(".tmp-{}-{name}", std::process::id()));
        let _ = std::fs::remove_file(&temp);
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|file| {
                let mut out = std::io::BufWriter::with_capacity(256 * 1024, file);
                std::io::Write::write_all(&mut out, MAGIC)?;
                std::io::Write::write_all(&mut out, &check)?;
                for piece in &pieces {
                    std::io::Write::write_all(&mut out, piece)?;
                }
                std::io::Write::flush(&mut out)
            });
        if written
            .and_then(|()| std::fs::rename(&temp, self.dir.join(name)))
            .is_err()
        {
            let _ = std::fs::remove_file(&temp);
            return;
        }
        self.stored.store(true, Ordering::Relaxed);
    }

    /// After a build that stored something: removes the least recently used entries until the folder
    /// holds at most three quarters of its bound, and temporary files of builds killed over an hour ago.
    pub(crate) fn trim(&self) {
        if !self.stored.load(Ordering::Relaxed) {
            return;
        }
        let Ok(listing) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let mut entries = Vec::new();
        for item in listing.filter_map(Result::ok) {
            let name = item.file_name().to_string_lossy().to_string();
            let Ok(meta) = item.metadata() else { continue };
            let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            if name.starts_with(".tmp-") && meta.is_file() && modified < hour_ago {
                let _ = std::fs::remove_file(item.path());
            } else if ENTRY_PREFIXES.iter().any(|p| name.starts_with(p)) && !meta.is_dir() {
                entries.push((modified, meta.len(), item.path()));
            }
        }
        let mut total: u64 = entries.iter().map(|(_, len, _)| len).sum();
        if total <= self.max_bytes {
            return;
        }
        entries.sort();
        let goal = self.max_bytes / 4 * 3;
        for (_, len, path) in entries {
            if total <= goal {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }
}

/// The metadata and payload of a cache file, when its magic line, check (CRC-32 and length) and key are right. The payload
/// is a view of `data` itself (neither copied nor moved).
fn parse(data: Vec<u8>, key: &Hash) -> Option<(Vec<u8>, bytes::Bytes)> {
    let rest = data.strip_prefix(MAGIC)?;
    if rest.len() < CHECK + 32 + 8 {
        return None;
    }
    let (check, body) = rest.split_at(CHECK);
    let crc = u32::from_le_bytes(check[..4].try_into().ok()?);
    let len = u64::from_le_bytes(check[4..].try_into().ok()?);
    if len != body.len() as u64 || crc32fast::hash(body) != crc || &body[..32] != key {
        return None;
    }
    let meta_len = u64::from_le_bytes(body[32..40].try_into().ok()?);
    let meta_end = 40usize.checked_add(usize::try_from(meta_len).ok()?)?;
    if meta_end > body.len() {
        return None;
    }
    let meta = body[40..meta_end].to_vec();
    let payload_start = MAGIC.len() + CHECK + meta_end;
    Some((meta, bytes::Bytes::from(data).slice(payload_start..)))
}

/// Lower-case hexadecimal.
pub(crate) fn hex(hash: &Hash) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// Feeds a length-prefixed piece into a hash, so that two lists of pieces never hash alike.
pub(crate) fn feed(hasher: &mut Sha256, piece: &[u8]) {
    hasher.update((piece.len() as u64).to_le_bytes());
    hasher.update(piece);
}

/// The identity of the running binary: version, path, size and modification time.
pub(crate) fn binary_identity(hasher: &mut Sha256) {
    feed(hasher, MAGIC);
    feed(hasher, env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(exe) = std::env::current_exe() {
        feed(hasher, exe.as_os_str().as_encoded_bytes());
        if let Ok(meta) = exe.metadata() {
            hasher.update(meta.len().to_le_bytes());
            file_times(hasher, &meta);
        }
    }
}

/// The modification and change times and the inode of a file: a write to it changes them.
pub(super) fn file_times(hasher: &mut Sha256, meta: &std::fs::Metadata) {
    let nanos = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    hasher.update(nanos.to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        hasher.update(meta.ctime().to_le_bytes());
        hasher.update(meta.ctime_nsec().to_le_bytes());
        hasher.update(meta.ino().to_le_bytes());
        hasher.update(meta.dev().to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(dir: &Path) -> PdfCache {
        let options = CacheOptions {
            dir: dir.join("cache"),
            max_bytes: 1 << 20,
        };
        PdfCache::open(&options, &dir.join("contest"), None).expect("opens")
    }

    fn entry() -> Entry {
        Entry {
            pages: 1,
            places: Vec::new(),
            bytes: bytes::Bytes::from_static(b"%PDF-1.7 body"),
        }
    }

    #[test]
    fn an_entry_reads_back_only_under_its_key_and_intact() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cache = cache(tmp.path());
        let key = [7u8; 32];
        cache.put(&key, &entry());
        assert_eq!(
            cache.get(&key, b"%PDF-").ok().map(|e| e.bytes),
            Some(entry().bytes)
        );
        assert!(matches!(cache.get(&[8u8; 32], b"%PDF-"), Err(Miss::Absent)));
        let path = cache.dir().join(format!("p-{}", hex(&key)));
        let good = std::fs::read(&path).expect("entry");
        // A flipped byte, a truncated file, an entry moved to another key's name.
        let mut flipped = good.clone();
        *flipped.last_mut().expect("bytes") ^= 1;
        for bad in [flipped, good[..good.len() - 3].to_vec()] {
            std::fs::write(&path, bad).expect("write");
            assert!(matches!(cache.get(&key, b"%PDF-"), Err(Miss::Rejected)));
        }
        let other = [9u8; 32];
        std::fs::write(cache.dir().join(format!("p-{}", hex(&other))), &good).expect("write");
        assert!(matches!(cache.get(&other, b"%PDF-"), Err(Miss::Rejected)));
    }

    #[test]
    fn a_file_larger_than_half_the_bound_is_not_stored() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cache = cache(tmp.path());
        let mut large = entry();
        large.bytes = [b"%PDF-".as_slice(), &vec![b' '; 600 << 10]]
            .concat()
            .into();
        cache.put(&[3u8; 32], &large);
        assert!(matches!(cache.get(&[3u8; 32], b"%PDF-"), Err(Miss::Absent)));
        let mut fits = entry();
        fits.bytes = [b"%PDF-".as_slice(), &vec![b' '; 400 << 10]]
            .concat()
            .into();
        cache.put(&[4u8; 32], &fits);
        assert!(cache.get(&[4u8; 32], b"%PDF-").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_cache_is_never_followed() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cache = cache(tmp.path());
        let key = [1u8; 32];
        cache.put(&key, &entry());
        let name = cache.dir().join(format!("p-{}", hex(&key)));
        let elsewhere = tmp.path().join("elsewhere");
        std::fs::rename(&name, &elsewhere).expect("move");
        std::os::unix::fs::symlink(&elsewhere, &name).expect("link");
        assert!(matches!(cache.get(&key, b"%PDF-"), Err(Miss::Rejected)));
        // Storing again replaces the link, not what it points to.
        let before = std::fs::read(&elsewhere).expect("target");
        cache.put(&key, &entry());
        assert!(name.symlink_metadata().expect("entry").is_file());
        assert_eq!(std::fs::read(&elsewhere).expect("target"), before);
    }

    #[test]
    fn a_cache_inside_the_contest_folder_is_refused() {
        let tmp = tempfile::tempdir().expect("tmp");
        let options = CacheOptions {
            dir: tmp.path().join("contest").join(".cache"),
            max_bytes: 1 << 20,
        };
        assert!(PdfCache::open(&options, &tmp.path().join("contest"), None).is_err());
        let options = CacheOptions {
            dir: tmp.path().join("out").join(".cache"),
            max_bytes: 1 << 20,
        };
        let out = tmp.path().join("out");
        assert!(PdfCache::open(&options, &tmp.path().join("contest"), Some(&out)).is_err());
    }

    #[test]
    fn the_oldest_entries_go_when_the_folder_is_over_its_bound() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut cache = cache(tmp.path());
        cache.max_bytes = 2000;
        let big = Entry {
            bytes: [b"%PDF-".as_slice(), &[0u8; 600]].concat().into(),
            ..entry()
        };
        for i in 0..5u8 {
            cache.put(&[i; 32], &big);
            let path = cache.dir().join(format!("p-{}", hex(&[i; 32])));
            let file = std::fs::File::options()
                .write(true)
                .open(path)
                .expect("open");
            let then =
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + u64::from(i));
            file.set_modified(then).expect("time");
        }
        cache.trim();
        assert!(matches!(cache.get(&[0u8; 32], b"%PDF-"), Err(Miss::Absent)));
        assert!(cache.get(&[4u8; 32], b"%PDF-").is_ok());
    }
}
