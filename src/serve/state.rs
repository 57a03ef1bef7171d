//! The site being served and the state of the last build, shared by the rebuild thread and the server.

use crate::output::OutputMap;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// What open pages are told.
#[derive(Debug, Clone)]
pub(super) enum Notice {
    /// A new site is servable, of this generation: pages older than the second number (the last
    /// generation whose pages changed) reload, and the search page whenever it is older than the first
    /// (after a publish of only the search index, the pages stay).
    Reload(u64, u64),
    /// The last build failed (the overlay text), or the failure is gone (empty).
    Error(Arc<str>),
}

/// One consistent view: the site, its generation and the error of the last build, if it failed.
#[derive(Debug, Clone)]
pub(super) struct Snapshot {
    /// The last good site.
    pub map: Arc<OutputMap>,
    /// Counts successful builds.
    pub generation: u64,
    /// The last generation that changed more than the search index.
    pub pages_generation: u64,
    /// The problems of the last build, when it failed.
    pub error: Option<Arc<str>>,
}

/// Shared between the rebuild thread and the request handlers.
pub(super) struct Shared {
    current: RwLock<Snapshot>,
    notices: broadcast::Sender<Notice>,
    /// The language of what the server itself says (the 404 page, refusals).
    pub lang: crate::i18n::Lang,
}

impl Shared {
    /// Nothing built yet.
    pub(super) fn new(lang: crate::i18n::Lang) -> Self {
        Shared {
            current: RwLock::new(Snapshot {
                map: Arc::new(OutputMap::new()),
                generation: 0,
                pages_generation: 0,
                error: None,
            }),
            notices: broadcast::channel(64).0,
            lang,
        }
    }

    /// The current site and state.
    pub(super) fn snapshot(&self) -> Snapshot {
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Listens for reloads and errors.
    pub(super) fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.notices.subscribe()
    }

    /// Swaps in a new site, then tells open pages to reload (only the search page when `index_only`): they
    /// only ever reload onto it.
    pub(super) fn publish(&self, map: Arc<OutputMap>, index_only: bool) {
        let (generation, pages) = {
            let mut current = self
                .current
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            current.map = map;
            current.generation += 1;
            if !index_only {
                current.pages_generation = current.generation;
            }
            current.error = None;
            (current.generation, current.pages_generation)
        };
        let _ = self.notices.send(Notice::Reload(generation, pages));
    }

    /// Keeps the site, records the failure and shows it on open pages.
    pub(super) fn fail(&self, text: String) {
        let text: Arc<str> = text.into();
        self.current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .error = Some(Arc::clone(&text));
        let _ = self.notices.send(Notice::Error(text));
    }
}
