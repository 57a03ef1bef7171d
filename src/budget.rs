//! Time and memory budgets for a build: a contest folder is untrusted input, and a template or form that
//! loops (a Tera `for` over a huge `range`, a Typst `while true`) must not run for ever or take the
//! machine's memory.
//!
//! Neither Tera nor Typst can be interrupted, so the budgets stop the process: a [`Watchdog`] armed
//! around rendering ends it with an error naming what was being rendered when the time is up, and
//! [`CountingAlloc`] (installed by the binary as its global allocator) ends it when the memory budget is
//! exceeded. Nothing is written while rendering, so the previous output stays as it was. `serve` renders
//! in a child process for this reason: the server keeps the last good site when the child is stopped.
//!
//! What is being rendered is noted on an [`Activity`] board that the caller passes in and attaches to
//! the rendering threads.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// The limits of one build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long rendering may take.
    pub time: Duration,
    /// How much memory the process may hold, in bytes.
    pub memory: usize,
}

impl Limits {
    /// Generous defaults: the seed contest renders in about a second and 200 MiB, a 10,000-notice site
    /// in a few seconds.
    pub const DEFAULT: Limits = Limits {
        time: Duration::from_secs(120),
        memory: 4 << 30,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// What each rendering thread is doing, shared with the [`Watchdog`].
#[derive(Debug, Clone, Default)]
pub struct Activity(Arc<Mutex<BTreeMap<String, String>>>);

thread_local! {
    static ATTACHED: RefCell<Option<(Activity, String)>> = const { RefCell::new(None) };
}

impl Activity {
    /// An empty board.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes [`doing`] on this thread write to this board, under `slot` ("pages", "PDFs"), until the
    /// guard is dropped.
    pub fn attach(&self, slot: &str) -> Attached {
        let previous = ATTACHED.with(|a| a.borrow_mut().replace((self.clone(), slot.to_string())));
        Attached(previous)
    }

    /// What the threads were last doing, one per slot: `the page notices/a.html (template notice.html)`.
    pub fn describe(&self) -> String {
        let board = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if board.is_empty() {
            return "the contest folder".to_string();
        }
        board.values().cloned().collect::<Vec<_>>().join(" and ")
    }

    /// Forgets what was noted, before a new build.
    pub fn clear(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    fn set(&self, slot: &str, what: String) {
        let mut board = self.0.lock().unwrap_or_else(|e| e.into_inner());
        board.insert(slot.to_string(), what);
    }
}

/// Gives the thread back the board it had before (or none) when dropped.
pub struct Attached(Option<(Activity, String)>);

impl Drop for Attached {
    fn drop(&mut self) {
        let previous = self.0.take();
        ATTACHED.with(|a| *a.borrow_mut() = previous);
    }
}

/// Notes what this thread starts rendering, when the thread is attached to a board (the text is made
/// only then).
pub fn doing(what: impl FnOnce() -> String) {
    ATTACHED.with(|a| {
        if let Some((activity, slot)) = &*a.borrow() {
            activity.set(slot, what());
        }
    });
}

/// Ends the process when rendering takes longer than its budget. Dropping it (or [`Watchdog::disarm`])
/// stops the watch.
pub struct Watchdog {
    done: Arc<(Mutex<bool>, std::sync::Condvar)>,
}

impl Watchdog {
    /// Starts watching: when `limit` passes before the watchdog is disarmed, `expire` is called with the
    /// text of [`Activity::describe`]; it is expected to report and end the process.
    pub fn arm(
        limit: Duration,
        activity: Activity,
        expire: impl FnOnce(String) + Send + 'static,
    ) -> Watchdog {
        let done = Arc::new((Mutex::new(false), std::sync::Condvar::new()));
        let watched = Arc::clone(&done);
        std::thread::Builder::new()
            .name("jingsai-watchdog".into())
            .spawn(move || {
                let (lock, signal) = &*watched;
                let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
                let (guard, timeout) = signal
                    .wait_timeout_while(guard, limit, |done| !*done)
                    .unwrap_or_else(|e| e.into_inner());
                if timeout.timed_out() && !*guard {
                    drop(guard);
                    expire(activity.describe());
                }
            })
            .expect("start the watchdog thread");
        Watchdog { done }
    }

    /// Stops the watch.
    pub fn disarm(self) {}
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        let (lock, signal) = &*self.done;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        signal.notify_all();
    }
}

/// The message of a build stopped by its time budget, with its help; `then` says what happens to the
/// output ("nothing was written").
pub fn timeout_message(limit: Duration, what: &str, then: &crate::i18n::Text) -> crate::i18n::Text {
    crate::msg!("budget-timeout", seconds = limit.as_secs(), what, then)
}

/// A global allocator that counts the bytes held and ends the process, with a message, when they pass
/// the budget set by [`CountingAlloc::set_limit`]. Installed by the `jingsai` binary.
///
/// Each thread counts in a thread-local cell and adds to the shared count only every [`BATCH`] bytes, so
/// the two rendering threads do not fight over one atomic on every allocation; the budget is therefore
/// exact to within `BATCH` bytes per thread.
pub struct CountingAlloc {
    held: AtomicIsize,
    limit: AtomicUsize,
    tripped: AtomicBool,
    /// The message printed when the budget is exceeded, made beforehand (nothing may be allocated
    /// then); the built-in English one when not set.
    message: OnceLock<&'static str>,
}

/// How many bytes a thread counts on its own before adding them to the shared count.
pub const BATCH: isize = 256 * 1024;

thread_local! {
    static UNCOUNTED: Cell<isize> = const { Cell::new(0) };
}

impl CountingAlloc {
    /// An allocator with no limit yet.
    pub const fn new() -> Self {
        CountingAlloc {
            held: AtomicIsize::new(0),
            limit: AtomicUsize::new(usize::MAX),
            tripped: AtomicBool::new(false),
            message: OnceLock::new(),
        }
    }

    /// Sets the budget in bytes.
    pub fn set_limit(&self, bytes: usize) {
        self.limit.store(bytes, Ordering::Relaxed);
    }

    /// Sets the message printed when the budget is exceeded (in the user's language; see
    /// [`over_budget_message`]); only the first message set counts.
    pub fn set_message(&self, message: &'static str) {
        let _ = self.message.set(message);
    }

    /// The bytes held now (to within [`BATCH`] per thread).
    pub fn held(&self) -> usize {
        self.held.load(Ordering::Relaxed).max(0) as usize
    }

    /// Counts `delta` bytes (negative when freed) and checks the budget when the shared count grows.
    fn count(&self, delta: isize) {
        let flushed = UNCOUNTED
            .try_with(|cell| {
                let pending = cell.get() + delta;
                if pending.abs() >= BATCH {
                    cell.set(0);
                    pending
                } else {
                    cell.set(pending);
                    0
                }
            })
            .unwrap_or(delta);
        if flushed == 0 {
            return;
        }
        let held = self.held.fetch_add(flushed, Ordering::Relaxed) + flushed;
        let limit = self.limit.load(Ordering::Relaxed);
        if flushed > 0 && held.max(0) as usize > limit && !self.tripped.swap(true, Ordering::SeqCst)
        {
            over_budget(limit, self.message.get().map(|m| m.as_bytes()));
        }
    }
}

impl Default for CountingAlloc {
    fn default() -> Self {
        Self::new()
    }
}

/// The message printed when a build needs more than `limit` bytes, with its help, for
/// [`CountingAlloc::set_message`].
pub fn over_budget_message(limit: usize) -> crate::i18n::Text {
    crate::msg!("budget-memory", mib = limit >> 20)
}

/// Reports and ends the process without allocating (this runs inside the allocator).
fn over_budget(limit: usize, message: Option<&[u8]>) -> ! {
    use std::io::Write;
    let mut buffer = [0u8; 512];
    let message = match message {
        Some(message) => message,
        None => {
            let mut cursor = std::io::Cursor::new(&mut buffer[..]);
            let _ = write!(
                cursor,
                "error: jingsai stopped: rendering needed more than {} MiB of memory, the memory limit; a template or form that loops, or an input far larger than any contest needs, is the usual cause\n  help: fix the template, form or input you changed last, or raise the limit with `--memory-limit MIB`; nothing was written\n",
                limit >> 20
            );
            let len = cursor.position() as usize;
            &buffer[..len]
        }
    };
    let _ = std::io::stderr().write_all(message);
    // SAFETY: `_exit` ends the process at once; it runs no handler that could allocate again.
    unsafe { libc::_exit(3) }
}

// SAFETY: every call is passed to the system allocator unchanged; only the byte count is kept beside it.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.count(layout.size() as isize);
        // SAFETY: the caller's layout is passed on as given.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.count(layout.size() as isize);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.count(-(layout.size() as isize));
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.count(new_size as isize - layout.size() as isize);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
