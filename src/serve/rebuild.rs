//! Incremental rebuilds. The Typst engine (and its world), the checked project, the PDFs, the page
//! templates and the rendered site of the last good build live as long as the server; each edit redoes
//! only what the changed files affect:
//!
//! - a notice: that file is read again, its page rendered again, and the lists, the home page, the feed
//!   and the sitemap only when what they show changed; the search index once the site is published
//!   and no other edit followed for 20 ms ([`Rebuilder::finish_search`]);
//! - a form template: the documents that read it are compiled again, then the downloads and the pages
//!   that list them;
//! - a site template: every page, from the same project and PDFs;
//! - contest.yaml, the results file or anything else in `content/`: everything.
//!
//! Changes that a failed build could not apply stay pending and are applied with the next edit, so the
//! site always equals a full build of the files as they are.

use super::watch::{Change, change_of};
use crate::build::{Rendered, check, downloads, render_all};
use crate::diagnostics::Problems;
use crate::i18n::{Text, comma_list};
use crate::loaded::Loaded;
use crate::msg;
use crate::output::OutputMap;
use crate::pdf::fonts::FontOptions;
use crate::pdf::{CacheOptions, Pdf, PdfEngine, Reuse};
use crate::site::{Renderer, Site};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// A successful build.
#[derive(Debug)]
pub struct Built {
    /// The site (shared with the rebuilder, which makes the next one from it).
    pub map: Arc<OutputMap>,
    /// Warnings of the check.
    pub warnings: Problems,
    /// What was redone, for the terminal: `everything`, `1 notice`, `1 form`, `pages`.
    pub redone: Text,
    /// Where the time went, for the terminal: each phase with its milliseconds.
    pub phases: Vec<(Text, u128)>,
}

/// The last good build.
struct Last {
    loaded: Loaded,
    pdfs: Vec<Pdf>,
    renderer: Renderer,
    site: Site,
}

/// Changes not yet in a good build.
#[derive(Debug, Default)]
struct Pending {
    everything: bool,
    templates: bool,
    notices: BTreeSet<PathBuf>,
    forms: BTreeSet<PathBuf>,
}

/// Rebuilds a contest folder again and again, keeping what can be kept.
pub struct Rebuilder {
    root: PathBuf,
    engine: PdfEngine,
    cache: Option<CacheOptions>,
    last: Option<Last>,
    pending: Pending,
}

impl Rebuilder {
    /// A rebuilder of the contest folder `root` (canonical: the watcher's paths are compared with it);
    /// nothing is built yet.
    pub fn new(root: &Path, fonts: &FontOptions) -> Self {
        Rebuilder {
            root: root.to_path_buf(),
            engine: PdfEngine::new(fonts),
            cache: None,
            last: None,
            pending: Pending {
                everything: true,
                ..Pending::default()
            },
        }
    }

    /// Uses the PDF cache of `cache` for the builds that redo everything (the first one, and after an
    /// edit of contest.yaml), as `build` does; an edited form is compiled without it (the PDFs of the
    /// last build are kept in memory).
    #[must_use]
    pub fn with_cache(mut self, cache: Option<CacheOptions>) -> Self {
        self.cache = cache;
        self
    }

    /// What the PDFs cost so far: how many were compiled and how many came from the cache.
    pub fn pdf_counts(&self) -> &crate::pdf::PdfCounts {
        self.engine.counts()
    }

    /// The board on which rendering notes what it is doing, for the time budget.
    pub fn activity(&self) -> &crate::budget::Activity {
        self.engine.activity()
    }

    /// Builds the site after `changed` (absolute paths; files outside the watched folders are ignored),
    /// redoing only what they affect. The first build, and every build after a change to contest.yaml,
    /// does everything.
    pub fn build(&mut self, changed: &[PathBuf]) -> Result<Built, Problems> {
        for path in changed {
            match change_of(&self.root, path) {
                Some(Change::Notice) => {
                    self.pending.notices.insert(path.clone());
                }
                Some(Change::Form) => {
                    self.pending.forms.insert(path.clone());
                }
                Some(Change::Template) => self.pending.templates = true,
                Some(Change::Content) => self.pending.everything = true,
                None => {}
            }
        }
        let built = match self.last.take() {
            Some(last) if !self.pending.everything => self.update(last),
            last => {
                // Kept when the full build fails (it stays pending until one succeeds).
                self.last = last;
                self.everything()
            }
        }?;
        self.pending = Pending::default();
        Ok(built)
    }

    /// Makes the search index of the last good site again when the last build left it stale (a notice
    /// edit publishes its pages first): the new site, or `None` when the index was up to date.
    pub fn finish_search(&mut self) -> Option<Arc<OutputMap>> {
        let last = self.last.as_mut()?;
        let site = last.site.with_search_index()?;
        last.site = site;
        Some(Arc::clone(&last.site.map))
    }

    /// Whether the last good site's search index is older than its pages (see [`Self::finish_search`]).
    pub fn search_is_stale(&self) -> bool {
        self.last
            .as_ref()
            .is_some_and(|last| last.site.search_is_stale())
    }

    fn everything(&mut self) -> Result<Built, Problems> {
        let started = Instant::now();
        self.engine.use_cache(self.cache.as_ref(), &self.root, None);
        let project = check(&self.root)?;
        let checked = Instant::now();
        let Rendered {
            renderer,
            site,
            pdfs,
        } = render_all(&project, &mut self.engine)?;
        let built = Built {
            map: Arc::clone(&site.map),
            warnings: with_pdf_warnings(&project.warnings, &pdfs),
            redone: msg!("serve-redone-everything"),
            phases: vec![
                (msg!("serve-phase-read"), (checked - started).as_millis()),
                (
                    msg!("serve-phase-pdfs-and-pages"),
                    checked.elapsed().as_millis(),
                ),
            ],
        };
        self.last = Some(Last {
            loaded: project,
            pdfs,
            renderer,
            site,
        });
        Ok(built)
    }

    /// Applies the pending changes to the last good build; it is kept (with the changes still pending)
    /// when a step fails.
    fn update(&mut self, mut last: Last) -> Result<Built, Problems> {
        self.engine.use_cache(None, &self.root, None);
        let result = self.apply(&mut last);
        self.last = Some(last);
        result
    }

    fn apply(&mut self, last: &mut Last) -> Result<Built, Problems> {
        let started = Instant::now();
        let pending = &self.pending;
        let mut redone = Vec::new();
        // The notices of `last.loaded` may move ahead of `last.site`: the site is then brought up to date
        // by the next build, which reads the same pending files again.
        let notices = if pending.notices.is_empty() {
            Vec::new()
        } else {
            let slugs = last.loaded.project.update_notices(&pending.notices)?;
            redone.push(msg!("serve-redone-notices", count = pending.notices.len()));
            slugs
        };
        let checked = Instant::now();
        let mut new_pdfs = None;
        if !pending.forms.is_empty() {
            let changed: BTreeSet<String> = pending
                .forms
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| format!("/{}", n.to_string_lossy()))
                .collect();
            let reuse = Reuse {
                previous: &last.pdfs,
                changed: &changed,
            };
            new_pdfs = Some(self.engine.render_changed(&last.loaded, reuse)?);
            redone.push(msg!("serve-redone-forms", count = pending.forms.len()));
        }
        let compiled = Instant::now();
        let pdfs = new_pdfs.as_ref().unwrap_or(&last.pdfs);
        let project = &last.loaded;
        let (renderer, site) = if pending.templates {
            redone.push(msg!("serve-redone-pages"));
            let renderer = Renderer::new(project)?;
            let site = renderer.render(project, downloads(project, pdfs, Some(&self.engine))?)?;
            (Some(renderer), site)
        } else {
            let mut site = None;
            if !pending.forms.is_empty() {
                site = Some(last.renderer.update_downloads(
                    project,
                    &last.site,
                    downloads(project, pdfs, Some(&self.engine))?,
                )?);
            }
            if !pending.notices.is_empty() {
                let base = site.as_ref().unwrap_or(&last.site);
                site = Some(last.renderer.update_notices(project, base, &notices)?);
            }
            (None, site.unwrap_or_else(|| last.site.clone()))
        };
        // Everything succeeded: the new state replaces the last.
        if let Some(renderer) = renderer {
            last.renderer = renderer;
        }
        if let Some(pdfs) = new_pdfs {
            last.pdfs = pdfs;
        }
        last.site = site;
        Ok(Built {
            map: Arc::clone(&last.site.map),
            warnings: with_pdf_warnings(&last.loaded.warnings, &last.pdfs),
            redone: if redone.is_empty() {
                msg!("serve-redone-nothing")
            } else {
                comma_list(redone)
            },
            phases: vec![
                (msg!("serve-phase-read"), (checked - started).as_millis()),
                (msg!("serve-phase-pdfs"), (compiled - checked).as_millis()),
                (msg!("serve-phase-pages"), compiled.elapsed().as_millis()),
            ],
        })
    }
}

/// The warnings of the contest folder followed by those of its PDFs.
fn with_pdf_warnings(warnings: &Problems, pdfs: &[Pdf]) -> Problems {
    let mut all = warnings.clone();
    all.extend(crate::build::pdf_warnings(pdfs));
    all
}
