//! The cache of rendered pages and of the search index between builds: a notice page whose inputs are
//! unchanged since the last build is read back instead of rendered again (Markdown, the sanitiser and
//! Tera are most of a rebuild's time), and so is the search index when the pages it reads are the same.
//!
//! **What a page's key covers.** Every page of a site shares the *site key*: a SHA-256 over the identity
//! of the running binary (see [`crate::pdf::cache`]: a rebuilt jingsai never reuses what an older one
//! rendered), the name and text of every page template (built-in and the contest's `templates/`), and
//! the JSON of every value of the templates' global context (the contest model as the pages see it:
//! contest, tracks, contacts, schedule, results present or not). A notice page's key adds the notice's
//! file name, its address and the whole text of its file (front matter and body), which is everything
//! its page reads: the template gets only the notice and the global context. The lists of notices, the
//! home page, the feed and the other pages are cheap and always rendered.
//!
//! The results workbook (`results.xlsx`) is kept too, under a key over the binary's identity, its
//! title and the digest of every field of the results (see [`results_workbook`]).
//!
//! The search index's key is a SHA-256 over the binary's identity and the address, kind and bytes of
//! every page it indexes, in index order: the index is a function of exactly those. A notice page
//! stands for its bytes by its page key (a key always gives the same page), so a warm build does not
//! hash the pages twice.
//!
//! **Where it lives and how it is read.** In the folder of the PDF cache, with its rules: never in the
//! contest or output folder, every read verified (a regular file opened without following links,
//! bounded in size, magic line, CRC-32 and length of the contents, the key it was looked up by), written under a
//! temporary name and renamed, trimmed with the PDFs to the folder's bound. The rendered notice pages of
//! one site are one file, `s-<site key>`, holding each page's key and bytes; it is written again when a
//! page was rendered or a notice removed. `--no-cache` turns it off with the PDF cache. The output is
//! the same bytes as without the cache.

use crate::output::OutputMap;
pub(crate) use crate::pdf::cache::Hash;
use crate::pdf::cache::{PdfCache, feed, hex};
use crate::search;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

/// The bytes of a page key and its length in the list of a cache file.
const RECORD: usize = 32 + 8;

/// The notice pages of the last build of one site, by page key.
pub(crate) struct PageCache {
    store: Arc<PdfCache>,
    /// The site key: the file's name and the key it is verified against.
    site: Hash,
    /// Where each page's bytes are in `payload`, by page key.
    found: HashMap<Hash, (usize, usize)>,
    payload: bytes::Bytes,
}

impl PageCache {
    /// The cached pages of the site `site` in `store`; none when there is no file, or when it fails
    /// verification (then it is rewritten by [`PageCache::store`]).
    pub(crate) fn open(store: Arc<PdfCache>, site: Hash) -> PageCache {
        let mut found = HashMap::new();
        let mut payload = bytes::Bytes::new();
        if let Ok((list, bytes)) = store.read(&file_name(&site), &site)
            && let Some(ranges) = ranges(&list, bytes.len())
        {
            found = ranges;
            payload = bytes;
        }
        PageCache {
            store,
            site,
            found,
            payload,
        }
    }

    /// The key of a page of this site that reads `parts` besides the site-wide data.
    pub(crate) fn page_key(&self, parts: &[&[u8]]) -> Hash {
        let mut hasher = Sha256::new();
        hasher.update(self.site);
        for part in parts {
            feed(&mut hasher, part);
        }
        hasher.finalize().into()
    }

    /// The page stored under `key`, if any (sharing the bytes read, not a copy).
    pub(crate) fn get(&self, key: &Hash) -> Option<bytes::Bytes> {
        let &(start, len) = self.found.get(key)?;
        (start + len <= self.payload.len()).then(|| self.payload.slice(start..start + len))
    }

    /// Stores `pages` (key and bytes) as the site's pages, unless they are exactly the ones read.
    pub(crate) fn store<'a>(&self, pages: impl ExactSizeIterator<Item = (Hash, &'a [u8])> + Clone) {
        let unchanged = pages.len() == self.found.len()
            && pages.clone().all(|(key, _)| self.found.contains_key(&key));
        if unchanged {
            return;
        }
        let mut list = Vec::with_capacity(pages.len() * RECORD);
        let mut payload = Vec::with_capacity(pages.len());
        for (key, bytes) in pages {
            list.extend_from_slice(&key);
            list.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            payload.push(bytes);
        }
        self.store
            .write_parts(&file_name(&self.site), &self.site, &list, &payload);
        self.store.trim();
    }
}

/// The name of the file of a site's pages.
fn file_name(site: &Hash) -> String {
    format!("s-{}", hex(site))
}

/// The place of each page in a payload of `len` bytes, from the list of keys and lengths; `None` when
/// the list does not add up.
fn ranges(list: &[u8], len: usize) -> Option<HashMap<Hash, (usize, usize)>> {
    if !list.len().is_multiple_of(RECORD) {
        return None;
    }
    let mut found = HashMap::with_capacity(list.len() / RECORD);
    let mut start = 0usize;
    for record in list.chunks_exact(RECORD) {
        let key: Hash = record[..32].try_into().ok()?;
        let size = usize::try_from(u64::from_le_bytes(record[32..].try_into().ok()?)).ok()?;
        found.insert(key, (start, size));
        start = start.checked_add(size)?;
    }
    (start == len).then_some(found)
}

/// The search index of `map` (see [`search::index_from`]), read from `cache` when the pages it indexes
/// are the same bytes as when it was stored, and stored there when made. From the cache, the page texts
/// are not read: they are empty, and a later [`super::Site::with_search_index`] reads every page.
pub(crate) fn search_index(
    map: &OutputMap,
    page_keys: &HashMap<String, Hash>,
    cache: Option<&PdfCache>,
) -> (search::PageTexts, bytes::Bytes) {
    let Some(cache) = cache else {
        let (texts, index) = search::index_from(map, &search::PageTexts::default());
        return (texts, index.into());
    };
    let mut hasher = Sha256::new();
    crate::pdf::cache::binary_identity(&mut hasher);
    search::feed_indexed(map, page_keys, &mut hasher);
    let key: Hash = hasher.finalize().into();
    let name = format!("i-{}", hex(&key));
    if let Ok((_, index)) = cache.read(&name, &key)
        && index.starts_with(search::INDEX_START)
    {
        return (search::PageTexts::default(), index);
    }
    let (texts, index) = search::index_from(map, &search::PageTexts::default());
    cache.write(&name, &key, &[], &index);
    cache.trim();
    (texts, index.into())
}

/// The results workbook (`results.xlsx`), read from `cache` when the same binary made it from the same
/// results (`digest`, [`crate::loaded::Loaded::results_digest`]) under the same title, else made by
/// `make` (and stored). A 100,000-row workbook takes most of a second to write and deflate.
pub(crate) fn results_workbook<E>(
    (cache, digest): (&PdfCache, Hash),
    title: &str,
    make: impl FnOnce() -> Result<Vec<u8>, E>,
) -> Result<bytes::Bytes, E> {
    let mut hasher = Sha256::new();
    crate::pdf::cache::binary_identity(&mut hasher);
    feed(&mut hasher, b"results.xlsx");
    feed(&mut hasher, title.as_bytes());
    feed(&mut hasher, &digest);
    let key: Hash = hasher.finalize().into();
    let name = format!("x-{}", hex(&key));
    if let Ok((_, workbook)) = cache.read(&name, &key)
        && workbook.starts_with(b"PK\x03\x04")
    {
        return Ok(workbook);
    }
    let workbook = make()?;
    cache.write(&name, &key, &[], &workbook);
    cache.trim();
    Ok(workbook.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_that_does_not_add_up_is_refused() {
        let mut list = Vec::new();
        list.extend_from_slice(&[1u8; 32]);
        list.extend_from_slice(&5u64.to_le_bytes());
        assert!(ranges(&list, 5).is_some());
        assert!(ranges(&list, 6).is_none());
        assert!(ranges(&list[..39], 5).is_none());
        list.extend_from_slice(&[2u8; 32]);
        list.extend_from_slice(&u64::MAX.to_le_bytes());
        assert!(ranges(&list, 5).is_none());
    }
}
