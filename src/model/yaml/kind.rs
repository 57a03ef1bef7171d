//! What a YAML error is about, read from serde-saphyr's error variant (and, for a syntax error, the
//! parser's [`ErrorKind`]), with the wording, label and help each kind gets in a report.

use crate::i18n::{Text, comma_list};
use crate::msg;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{
    DefaultMessageFormatter, Error, ExternalMessageSource, Localizer, Location, MessageFormatter,
};
use std::borrow::Cow;

/// Starts and splits every message of [`own_error`], so that the report can tell it from other
/// messages.
const MARK: char = '\u{E000}';

/// A mistake found by our own reading of a value (a date, an id), worded by the report in the reader's
/// language: a deserialisation error carries only a string, so [`own_error`] writes the mistake and the
/// value into it and [`Kind::of`] reads them back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mistake {
    /// Not written `YYYY-MM-DD`.
    DateShape,
    /// Written `YYYY-MM-DD`, but no such day.
    NoSuchDay,
    /// Not written `YYYY-MM-DD`, where `tbd` is allowed too.
    DateShapeOrTbd,
    /// No such day, where `tbd` is allowed too.
    NoSuchDayOrTbd,
    /// Not a time of day `HH:MM`.
    TimeOfDay,
    /// Not an id (lower-case letters, digits and `-`).
    Id,
    /// Neither a column header nor a list of them.
    Headers,
}

impl Mistake {
    const ALL: [Mistake; 7] = [
        Mistake::DateShape,
        Mistake::NoSuchDay,
        Mistake::DateShapeOrTbd,
        Mistake::NoSuchDayOrTbd,
        Mistake::TimeOfDay,
        Mistake::Id,
        Mistake::Headers,
    ];

    /// The same mistake where `tbd` (a date not fixed yet) is allowed too.
    pub(crate) fn or_tbd(self) -> Mistake {
        match self {
            Mistake::DateShape => Mistake::DateShapeOrTbd,
            Mistake::NoSuchDay => Mistake::NoSuchDayOrTbd,
            other => other,
        }
    }

    /// The words of the mistake about `value`.
    fn message(self, value: &str) -> Text {
        let date = |value: &str| msg!("yaml-not-a-date", value);
        let real = |value: &str| msg!("yaml-not-a-real-date", value);
        match self {
            Mistake::DateShape => date(value),
            Mistake::NoSuchDay => real(value),
            Mistake::DateShapeOrTbd => msg!("yaml-date-or-tbd", mistake = date(value)),
            Mistake::NoSuchDayOrTbd => msg!("yaml-date-or-tbd", mistake = real(value)),
            Mistake::TimeOfDay => msg!("yaml-not-a-time", value),
            Mistake::Id => msg!("yaml-not-an-id", value),
            Mistake::Headers => msg!("yaml-not-headers"),
        }
    }

    /// Whether the mistake is about a date or time (the report adds how dates are written).
    fn is_date(self) -> bool {
        !matches!(self, Mistake::Id | Mistake::Headers)
    }
}

/// A deserialisation error about `value`, worded in the report by `mistake` (see [`Mistake`]). Only for
/// values read through this module.
pub(crate) fn own_error<E: serde::de::Error>(mistake: Mistake, value: &str) -> E {
    let index = Mistake::ALL.iter().position(|m| *m == mistake).unwrap_or(0);
    E::custom(format!("{MARK}{index}{MARK}{value}"))
}

/// The mistake and the value written by [`own_error`] into `message`.
fn read_own(message: &str) -> Option<(Mistake, String)> {
    let (index, value) = message.strip_prefix(MARK)?.split_once(MARK)?;
    let mistake = *Mistake::ALL.get(index.parse::<usize>().ok()?)?;
    Some((mistake, escape_controls(value)))
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
    /// A key this mapping does not have: the key as written, and the keys it has.
    UnknownKey(String, Vec<&'static str>),
    /// A key this mapping needs is missing: the key.
    MissingKey(&'static str),
    /// A value that is not one of those allowed: the value as written, and the values allowed.
    UnknownValue(String, Vec<&'static str>),
    /// A value of another shape than the one needed: a text where a list is needed, say. `written` is
    /// what the file has there, read from its text by the caller (see [`Kind::written`]).
    WrongShape {
        /// The shape the key needs.
        wanted: Shape,
        /// The shape written there, when known.
        written: Option<Shape>,
    },
    /// Our own reading of a value found a mistake (see [`own_error`]): the mistake and the value.
    Own(Mistake, String),
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
            Error::SerdeUnknownField {
                field, expected, ..
            } => Kind::UnknownKey(field.clone(), expected.clone()),
            Error::SerdeMissingField { field, .. } => Kind::MissingKey(field),
            Error::SerdeUnknownVariant {
                variant, expected, ..
            } => Kind::UnknownValue(variant.clone(), expected.clone()),
            Error::Unexpected { expected, .. } => match *expected {
                "sequence start" => Kind::wrong_shape(Shape::List),
                "mapping start" => Kind::wrong_shape(Shape::Mapping),
                "scalar" | "string scalar" | "str expected" => Kind::wrong_shape(Shape::Single),
                _ => Kind::Other,
            },
            Error::Message { msg, .. } => match read_own(msg) {
                Some((mistake, value)) => Kind::Own(mistake, value),
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

    /// The message: ours for the kinds we word ourselves; for the others the library's (`library`),
    /// which the Chinese introduces. `found` is the text the error points at.
    pub(super) fn message(&self, library: String, found: Option<&str>) -> Text {
        match self {
            Kind::Empty => msg!("yaml-empty-value"),
            Kind::NotBoolean => match found {
                Some(found) => msg!("yaml-not-boolean", found = found.trim()),
                None => msg!("yaml-expected-boolean"),
            },
            Kind::WrongShape { wanted, written } => shape_message(*wanted, *written),
            Kind::DuplicateKey(Some(key)) => {
                msg!("yaml-duplicate-key", key = escape_controls(key))
            }
            Kind::DuplicateKey(None) => msg!("yaml-duplicate-some-key"),
            Kind::NotWholeNumber => match found {
                Some(found) => msg!("yaml-not-whole-number", found = found.trim()),
                None => msg!("yaml-expected-whole-number"),
            },
            Kind::Own(mistake, value) => mistake.message(value),
            Kind::MissingKey(key) => msg!("yaml-missing-key", key),
            // The library's words, as before: `unknown field `x`, expected one of a, b`.
            Kind::UnknownKey(key, expected) => msg!(
                "yaml-unknown-key",
                key = escape_controls(key),
                expected = comma_list(expected)
            ),
            Kind::UnknownValue(value, expected) => msg!(
                "yaml-unknown-value",
                value = escape_controls(value),
                expected = comma_list(expected)
            ),
            Kind::Layout { .. } => msg!("yaml-layout", detail = library),
            Kind::Tab => msg!("yaml-tab", detail = library),
            Kind::Other => msg!("yaml-other", detail = library),
        }
    }

    /// The label under the highlighted text.
    pub(super) fn label(&self) -> Text {
        match self {
            Kind::UnknownKey(..) => msg!("yaml-unknown-key-label"),
            Kind::MissingKey(_) => msg!("yaml-missing-key-label"),
            Kind::DuplicateKey(Some(_)) => msg!("yaml-duplicate-key-label"),
            _ => msg!("diagnostics-here"),
        }
    }

    /// What to do about it.
    pub(super) fn help(&self) -> Option<Text> {
        Some(match self {
            Kind::UnknownKey(_, expected) if expected.is_empty() => {
                msg!("yaml-unknown-key-help-none")
            }
            Kind::UnknownKey(_, expected) => {
                msg!("yaml-unknown-key-help", allowed = comma_list(expected))
            }
            Kind::MissingKey(key) => msg!("yaml-missing-key-help", key),
            Kind::DuplicateKey(Some(_)) => msg!("yaml-duplicate-key-help"),
            Kind::UnknownValue(..) => msg!("yaml-unknown-value-help"),
            Kind::NotWholeNumber => msg!("yaml-whole-number-help"),
            Kind::Own(mistake, _) if mistake.is_date() => msg!("yaml-date-help"),
            Kind::Layout { .. } => msg!("yaml-layout-help"),
            Kind::Tab => msg!("yaml-tab-help"),
            Kind::NotBoolean => msg!("yaml-boolean-help"),
            Kind::WrongShape {
                wanted: Shape::List,
                ..
            } => msg!("yaml-list-help"),
            Kind::WrongShape {
                wanted: Shape::Mapping,
                ..
            } => msg!("yaml-mapping-help"),
            Kind::WrongShape {
                written: Some(Shape::Mapping),
                ..
            } => msg!("yaml-single-not-mapping-help"),
            Kind::WrongShape {
                written: Some(Shape::List),
                ..
            } => msg!("yaml-single-not-list-help"),
            Kind::WrongShape { .. } => msg!("yaml-single-help"),
            Kind::Own(..) | Kind::Empty | Kind::DuplicateKey(None) | Kind::Other => {
                return None;
            }
        })
    }

    /// Whether the report points at the first tab of the line rather than where the parser stopped.
    pub(super) fn about_a_tab(&self) -> bool {
        matches!(self, Kind::Tab | Kind::Layout { tab: true })
    }
}

/// The message about a value of the shape `written` where one of the shape `wanted` is needed.
fn shape_message(wanted: Shape, written: Option<Shape>) -> Text {
    let expected = match wanted {
        Shape::List => msg!("yaml-list-expected"),
        Shape::Mapping => msg!("yaml-mapping-expected"),
        Shape::Single | Shape::Nothing => msg!("yaml-single-expected"),
    };
    match (written, wanted) {
        (Some(Shape::List), _) => msg!("yaml-shape-not-list", expected),
        (Some(Shape::Mapping), _) => msg!("yaml-shape-not-mapping", expected),
        (Some(Shape::Single), _) => msg!("yaml-shape-not-single", expected),
        (Some(Shape::Nothing), _) => msg!("yaml-shape-nothing", expected),
        (None, Shape::Single) => msg!("yaml-shape-not-list-or-mapping", expected),
        (None, _) => expected,
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
