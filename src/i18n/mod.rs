//! Every word jingsai says to a person, in Chinese (the default) and English, from one message
//! catalogue: the Fluent files in `i18n/zh-CN/` and `i18n/en/`, embedded in the binary.
//!
//! The library's stages stay language-free: a [`Problem`](crate::Problem) or a summary keeps a [`Text`]
//! (a message id with its arguments, or a plain string not yet converted), and the language is chosen
//! only where a person reads it: `Problem::to_report(lang)`, the command line's printer, the serve
//! overlay. There is no process-wide current language; a [`Lang`] is passed to whatever renders.
//!
//! How to say something new (see also `i18n/README.md`):
//! 1. add the message to `i18n/en/<module>.ftl` and `i18n/zh-CN/<module>.ftl`, with the same id
//!    (prefixed by the module: `fs-`, `output-`, `serve-`, `cli-`) and the same `{ $arguments }`;
//! 2. make it with [`msg!`](crate::msg): `msg!("fs-too-large", size = human, kind = msg!("fs-kind-notice"))`;
//!    an argument is a string, a number (plurals: `{ $count -> [one] … *[other] … }`), a path or
//!    another [`Text`], rendered in the same language;
//! 3. render it with [`Text::render`] where it is printed. `cargo test --lib i18n` checks that both
//!    catalogues have the same ids with the same arguments and that every `msg!` in `src/` names an id
//!    of the catalogue with exactly its arguments.

mod catalogue;
pub mod cli;
mod lang;
#[cfg(test)]
mod tests;

pub use lang::{LANG_VARIABLE, Lang, UnknownLang};

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A message to show a person: an id of the catalogue with its arguments, or a plain string that is
/// not in the catalogue yet (the same in every language).
///
/// It dereferences to its English text, for tests and logs; what a person reads is rendered with
/// [`Text::render`] in the language they chose.
#[derive(Clone, Default)]
pub struct Text {
    kind: Kind,
    english: OnceLock<String>,
}

#[derive(Clone, Debug)]
enum Kind {
    Plain(String),
    Message {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
}

impl Default for Kind {
    fn default() -> Self {
        Kind::Plain(String::new())
    }
}

/// An argument of a message.
#[derive(Clone, Debug)]
pub enum Arg {
    /// A string, shown as it is (a path, a key, a value from the contest folder).
    Str(String),
    /// A number: it chooses the plural form (`{ $count -> [one] … *[other] … }`).
    Number(f64),
    /// Another message, rendered in the same language.
    Text(Text),
}

impl Text {
    /// A string shown as it is in every language (a message not converted yet, or text that is not
    /// jingsai's own, such as an error of the operating system).
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            kind: Kind::Plain(text.into()),
            english: OnceLock::new(),
        }
    }

    /// The message `id` of the catalogue with its arguments; made by [`msg!`](crate::msg).
    pub fn message(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Text {
            kind: Kind::Message { id, args },
            english: OnceLock::new(),
        }
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match &self.kind {
            Kind::Plain(text) => text.clone(),
            Kind::Message { id, args } => catalogue::format(lang, id, args),
        }
    }

    /// The message id, or `None` for a plain string.
    pub fn id(&self) -> Option<&'static str> {
        match &self.kind {
            Kind::Plain(_) => None,
            Kind::Message { id, .. } => Some(id),
        }
    }

    /// The English text, made once.
    fn english(&self) -> &str {
        match &self.kind {
            Kind::Plain(text) => text,
            Kind::Message { .. } => self.english.get_or_init(|| self.render(Lang::En)),
        }
    }
}

/// `a`, `a or b`, `a or b or c` in the language (`a或b或c`).
pub fn or_list(items: impl IntoIterator<Item = impl Into<Arg>>) -> Text {
    joined(items, |left, right| crate::msg!("i18n-or", left, right))
}

/// `a`, `a, b`, `a, b, c` in the language (`a、b、c`).
pub fn comma_list(items: impl IntoIterator<Item = impl Into<Arg>>) -> Text {
    joined(items, |left, right| crate::msg!("i18n-comma", left, right))
}

/// `a`, `a and b`, `a, b and c` in the language (`a、b和c`).
pub fn and_list(items: impl IntoIterator<Item = impl Into<Arg>>) -> Text {
    let mut items: Vec<Arg> = items.into_iter().map(Into::into).collect();
    match items.pop() {
        None => Text::default(),
        Some(last) if items.is_empty() => item(last),
        Some(last) => crate::msg!("i18n-and", left = comma_list(items), right = last),
    }
}

/// The items joined two by two with `join`; nothing for no items.
fn joined(items: impl IntoIterator<Item = impl Into<Arg>>, join: fn(Text, Arg) -> Text) -> Text {
    let mut items = items.into_iter().map(Into::into);
    let first = items.next().map_or_else(Text::default, item);
    items.fold(first, join)
}

/// One item of a list as a text.
fn item(item: Arg) -> Text {
    match item {
        Arg::Text(text) => text,
        other => crate::msg!("i18n-item", item = other),
    }
}

/// Makes a [`Text`] from a message id of the catalogue and its arguments, as `format!` does:
/// `msg!("fs-read-failed", path = shown, reason)` (`reason` alone stands for `reason = reason`).
/// Each argument is anything [`Arg`] is made from: a string, a number, a path, another `Text`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(,)?) => {
        $crate::i18n::Text::message($id, ::std::vec::Vec::new())
    };
    ($id:literal, $($rest:tt)+) => {
        $crate::i18n::Text::message($id, $crate::msg_args!([] $($rest)+))
    };
}

/// The arguments of [`msg!`], one `name = value` or `name` at a time.
#[doc(hidden)]
#[macro_export]
macro_rules! msg_args {
    ([$($done:tt)*]) => { ::std::vec![$($done)*] };
    ([$($done:tt)*] $name:ident = $value:expr $(, $($rest:tt)*)?) => {
        $crate::msg_args!(
            [$($done)* (::std::stringify!($name), $crate::i18n::Arg::from($value)),] $($($rest)*)?
        )
    };
    ([$($done:tt)*] $name:ident $(, $($rest:tt)*)?) => {
        $crate::msg_args!(
            [$($done)* (::std::stringify!($name), $crate::i18n::Arg::from($name)),] $($($rest)*)?
        )
    };
}

impl std::ops::Deref for Text {
    type Target = str;

    /// The English text.
    fn deref(&self) -> &str {
        self.english()
    }
}

impl fmt::Display for Text {
    /// The English text (logs, tests); a person's text is [`Text::render`]ed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.english(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.english() == other.english()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.english() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.english() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.english() == other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.english()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.english()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::plain(text)
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text::plain(text.clone())
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::plain(text)
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Text::plain(text.into_owned())
    }
}

impl From<&Text> for Text {
    fn from(text: &Text) -> Self {
        text.clone()
    }
}

impl From<&Arg> for Arg {
    fn from(arg: &Arg) -> Self {
        arg.clone()
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Self {
        Arg::Text(text)
    }
}

impl From<&Text> for Arg {
    fn from(text: &Text) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Str(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Str(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Str(text.to_string())
    }
}

impl From<&&str> for Arg {
    fn from(text: &&str) -> Self {
        Arg::Str((*text).to_string())
    }
}

impl From<&Path> for Arg {
    /// The path as shown (`display`).
    fn from(path: &Path) -> Self {
        Arg::Str(path.display().to_string())
    }
}

impl From<&PathBuf> for Arg {
    fn from(path: &PathBuf) -> Self {
        Arg::Str(path.display().to_string())
    }
}

impl From<PathBuf> for Arg {
    fn from(path: PathBuf) -> Self {
        Arg::Str(path.display().to_string())
    }
}

/// Numbers, and references to them, are [`Arg::Number`]s.
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Number(*n as f64)
            }
        }
    )*};
}

number_args!(u8, u16, u32, u64, usize, i32, i64, f64);
