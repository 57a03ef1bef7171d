//! What a YAML error is about, read from serde-saphyr's error variant (and, for a syntax error, the
//! parser's [`ErrorKind`]), with the wording, label and help each kind gets in a report.

use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{
    DefaultMessageFormatter, Error, ExternalMessageSource, Localizer, Location, MessageFormatter,
};
use std::borrow::Cow;

/// Starts every message of [`date_error`], so that the report can tell it from other messages.
const DATE_MARK: &str = "\u{E000}date\u{E000}";

/// A deserialisation error about how a date or time is written (`message` is the whole sentence); the
/// report adds how dates are written as its help. Only for values read through this module.
pub(crate) fn date_error<E: serde::de::Error>(message: impl std::fmt::Display) -> E {
    E::custom(format!("{DATE_MARK}{message}"))
}

/// What a YAML error is about, read from the library's error variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// No value where a text is needed.
    Empty,
    /// `yes`, `on` and the like where `true` or `false` is needed.
    NotBoolean,
    /// A key written twice in one mapping: the key, when the library can show it.
    DuplicateKey(Option<String>),
    /// Not a whole number where one is needed.
    NotWholeNumber,
    /// A key this mapping does not have: the keys it has.
    UnknownKey(Vec<&'static str>),
    /// A key this mapping needs is missing: the key.
    MissingKey(&'static str),
    /// A value that is not one of those allowed: the values allowed.
    UnknownValue(Vec<&'static str>),
    /// A value of another shape than the one needed: a text where a list is needed, say. `written` is
    /// what the file has there, read from its text by the caller (see [`Kind::written`]).
    WrongShape {
        /// The shape the key needs.
        wanted: Shape,
        /// The shape written there, when known.
        written: Option<Shape>,
    },
    /// Our own message about how a date or time is written: the message without its mark.
    Date(String),
    /// A syntax error in the layout of the file (indentation, a `: ` inside a value, ...); `tab` when
    /// the parser says a tab caused it.
    Layout {
        /// A tab is the cause.
        tab: bool,
    },
    /// A tab where YAML allows none.
    Tab,
    /// Anything else: the library's message is shown as it is, without a help.
    Other,
}

/// The shapes of YAML values, as a report names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A sequence: `- a` lines or `[a, b]`.
    List,
    /// A mapping: `key: value` lines or `{key: value}`.
    Mapping,
    /// A single value.
    Single,
    /// No value at all: a key with nothing after it or under it.
    Nothing,
}

/// The integer types whose parse errors become "not a whole number".
const WHOLE_NUMBERS: [&str; 9] = [
    "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
];

impl Kind {
    /// Reads the kind of `error` (wrapped errors are unwrapped).
    pub(super) fn of(error: &Error) -> Kind {
        match error {
            Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => Kind::of(error),
            Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => Kind::Empty,
            Error::InvalidBooleanStrict { .. } => Kind::NotBoolean,
            Error::DuplicateMappingKey { key, .. } => Kind::DuplicateKey(key.clone()),
            Error::InvalidScalar { ty, .. } if WHOLE_NUMBERS.contains(ty) => Kind::NotWholeNumber,
            Error::SerdeUnknownField { expected, .. } => Kind::UnknownKey(expected.clone()),
            Error::SerdeMissingField { field, .. } => Kind::MissingKey(field),
            Error::SerdeUnknownVariant { expected, .. } => Kind::UnknownValue(expected.clone()),
            Error::Unexpected { expected, .. } => match *expected {
                "sequence start" => Kind::wrong_shape(Shape::List),
                "mapping start" => Kind::wrong_shape(Shape::Mapping),
                "scalar" | "string scalar" | "str expected" => Kind::wrong_shape(Shape::Single),
                _ => Kind::Other,
            },
            Error::Message { msg, .. } => match msg.strip_prefix(DATE_MARK) {
                Some(message) => Kind::Date(escape_controls(message)),
                None => Kind::Other,
            },
            Error::FoldedBlockScalarMustIndentContent { .. } => Kind::Layout { tab: false },
            Error::ExternalMessage { source, .. } => match source.as_ref() {
                ExternalMessageSource::Parser(scan) => Kind::of_syntax(scan.kind()),
                _ => Kind::Other,
            },
            _ => Kind::Other,
        }
    }

    /// Whether `error` comes from the parser (the layout of the text), not from reading values. After
    /// one, the parser may have read what follows in another way than the writer meant.
    pub(super) fn is_syntax(error: &Error) -> bool {
        match error {
            Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => {
                Kind::is_syntax(error)
            }
            Error::ExternalMessage { source, .. } => {
                matches!(source.as_ref(), ExternalMessageSource::Parser(_))
            }
            Error::FoldedBlockScalarMustIndentContent { .. } | Error::Eof { .. } => true,
            _ => false,
        }
    }

    /// A value of another shape than `wanted`, what is written not known yet.
    fn wrong_shape(wanted: Shape) -> Kind {
        Kind::WrongShape {
            wanted,
            written: None,
        }
    }

    /// The same kind, knowing what the file has where the error is (for a value of the wrong shape).
    pub(super) fn written(self, shape: Shape) -> Kind {
        match self {
            Kind::WrongShape { wanted, .. } if wanted != shape => Kind::WrongShape {
                wanted,
                written: Some(shape),
            },
            other => other,
        }
    }

    /// Reads the kind of a parser error.
    pub(super) fn of_syntax(kind: &ErrorKind) -> Kind {
        use ErrorKind as K;
        match kind {
            K::TabNotAllowed | K::TabInIndentation | K::TabInPlainScalar => Kind::Tab,
            K::TabInBlockIndentation | K::TabAtBlockScalarStart => Kind::Layout { tab: true },
            K::MappingValueNotAllowed
            | K::ExpectedBlockMappingKey
            | K::ExpectedBlockSequenceEntry
            | K::ExpectedNodeContent
            | K::ExpectedFlowMappingSeparator
            | K::UnexpectedEofBlockSequence
            | K::UnexpectedEofBlockMapping
            | K::BlockEntryInFlowCollection
            | K::BlockSequenceEntryNotAllowed
            | K::ZeroBlockScalarIndent
            | K::InvalidBlockScalarHeader
            | K::InvalidBlockScalarIndent
            | K::ExpectedStreamStart
            | K::ExpectedDocumentStart
            | K::ExpectedTagBang
            | K::ExpectedTagDirectiveBang
            | K::InvalidDirectiveTerminator
            | K::MissingYamlVersionSeparator
            | K::MissingYamlVersion
            | K::InvalidTagDirectiveTerminator
            | K::InvalidTagTerminator
            | K::MissingTagUri
            | K::MissingAnchorOrAliasName
            | K::InvalidQuotedScalarHexEscape
            | K::InvalidLowSurrogateHexEscape => Kind::Layout { tab: false },
            _ => Kind::Other,
        }
    }

    /// The message: ours for the kinds we word ourselves, otherwise the library's (`library`).
    /// `found` is the text the error points at.
    pub(super) fn message(&self, library: String, found: Option<&str>) -> String {
        match self {
            Kind::Empty => "the value is empty; write a value after the colon (or remove the key if it may be left out)".into(),
            Kind::NotBoolean => match found {
                Some(found) => format!("`{}` is not `true` or `false`", found.trim()),
                None => "expected `true` or `false`".into(),
            },
            Kind::WrongShape { wanted, written } => {
                let expected = match wanted {
                    Shape::List => "a list is expected here",
                    Shape::Mapping => "keys and values are expected here",
                    Shape::Single | Shape::Nothing => "a single value is expected here",
                };
                match (written, wanted) {
                    (Some(Shape::List), _) => format!("{expected}, not a list"),
                    (Some(Shape::Mapping), _) => format!("{expected}, not keys and values"),
                    (Some(Shape::Single), _) => format!("{expected}, not a single value"),
                    (Some(Shape::Nothing), _) => format!("{expected}, but nothing is written"),
                    (None, Shape::Single) => format!("{expected}, not a list or keys and values"),
                    (None, _) => expected.to_string(),
                }
            }
            Kind::DuplicateKey(Some(key)) => format!(
                "the key `{}` is written twice in this section",
                escape_controls(key)
            ),
            Kind::DuplicateKey(None) => "duplicate mapping key".into(),
            Kind::NotWholeNumber => match found {
                Some(found) => format!("`{}` is not a whole number", found.trim()),
                None => "expected a whole number".into(),
            },
            Kind::Date(message) => message.clone(),
            Kind::MissingKey(key) => format!("the key `{key}` is missing"),
            Kind::UnknownKey(_)
            | Kind::UnknownValue(_)
            | Kind::Layout { .. }
            | Kind::Tab
            | Kind::Other => library,
        }
    }

    /// The label under the highlighted text.
    pub(super) fn label(&self) -> &'static str {
        match self {
            Kind::UnknownKey(_) => "unknown key",
            Kind::MissingKey(_) => "in this section",
            Kind::DuplicateKey(Some(_)) => "written twice",
            _ => "here",
        }
    }

    /// What to do about it.
    pub(super) fn help(&self) -> Option<String> {
        Some(match self {
            Kind::UnknownKey(expected) if expected.is_empty() => {
                "check the spelling of the key, or remove it".into()
            }
            Kind::UnknownKey(expected) => format!(
                "check the spelling; the keys allowed here are: {}",
                expected.join(", ")
            ),
            Kind::MissingKey(key) => format!("add `{key}:` to this section"),
            Kind::DuplicateKey(Some(_)) => {
                "each key may appear once: remove or merge the repeated one".into()
            }
            Kind::UnknownValue(_) => "use one of the values listed".into(),
            Kind::NotWholeNumber => {
                "write a whole number in digits, without units, for example 20".into()
            }
            Kind::Date(_) => {
                "dates are written YYYY-MM-DD, such as 2025-10-31; a date not fixed yet is written tbd"
                    .into()
            }
            Kind::Layout { .. } => "check the indentation: keys of one section must line up under each other, and a value that contains `: ` must be put in quotes".into(),
            Kind::Tab => "indent with spaces; YAML does not allow tabs".into(),
            Kind::NotBoolean => {
                "write `true` or `false` (yes/no and on/off are not read as true and false)".into()
            }
            Kind::WrongShape { wanted: Shape::List, .. } => {
                "write the items on lines of their own under the key, each starting with `- `, or in brackets: `[a, b]`".into()
            }
            Kind::WrongShape { wanted: Shape::Mapping, .. } => {
                "write `key: value` lines indented under it, or in braces: `{key: value}`".into()
            }
            Kind::WrongShape { written: Some(Shape::Mapping), .. } => {
                "this key takes one value (a text, a number or a date): write it on one line after the colon, in quotes if it contains `: `; lines indented under a key make keys and values".into()
            }
            Kind::WrongShape { written: Some(Shape::List), .. } => {
                "this key takes one value: write it on one line after the colon, not as `- ` lines or in brackets (in quotes if it starts with `-` or `[`)".into()
            }
            Kind::WrongShape { .. } => {
                "write one value after the colon, on the key's line (in quotes if it contains `: ` or starts with `-`)".into()
            }
            Kind::Empty | Kind::DuplicateKey(None) | Kind::Other => {
                return None;
            }
        })
    }

    /// Whether the report points at the first tab of the line rather than where the parser stopped.
    pub(super) fn about_a_tab(&self) -> bool {
        matches!(self, Kind::Tab | Kind::Layout { tab: true })
    }
}

/// Renders the library's message without its "at line X, column Y" (the report shows the place, with
/// the line) and without alias locations.
pub(super) struct WithoutLocation;

impl Localizer for WithoutLocation {
    fn attach_location<'a>(&self, base: Cow<'a, str>, _: Location) -> Cow<'a, str> {
        base
    }

    fn alias_defined_at(&self, _: Location) -> String {
        String::new()
    }

    fn alias_used_at(&self, _: Location) -> String {
        String::new()
    }
}

impl MessageFormatter for WithoutLocation {
    fn localizer(&self) -> &dyn Localizer {
        self
    }

    fn format_message<'a>(&self, err: &'a Error) -> Cow<'a, str> {
        DefaultMessageFormatter.format_message(err)
    }
}

/// `text` with control characters escaped, as the library does in its own messages.
fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
