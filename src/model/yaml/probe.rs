//! What a type accepts, asked of the library itself: a type is tried with small YAML values (a word, a
//! number, a date, `true`, a list, a mapping) until one is read, and a mapping that lacks a key gets it,
//! so the keys a type needs are found without a list kept by hand.
//!
//! Two uses: the report of an empty section names the keys it needs ([`shape`]); and a section that
//! could not be read is stood in for by the smallest value its type accepts ([`stand_in`]), so the
//! checks of the other sections can still run (the checks that read a stood-in section are skipped).

use super::kind::Kind;
use super::options;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::ops::Range;

/// The single values tried in turn, before a mapping: most types accept the first that fits them.
pub(super) const SINGLES: [&str; 5] = ["a", "1", "2025-01-01", "true", "[]"];

/// The most values tried for one type (each try adds a key or moves one value on).
const MAX_TRIES: usize = 200;

/// The shape of a type's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A mapping, with the keys it must have.
    Mapping(Vec<&'static str>),
    /// A list.
    List,
    /// A single value (or a type no value was found for).
    Single,
}

/// One value being tried, inside the YAML text of the try.
enum Node {
    /// One of [`SINGLES`].
    Single(usize),
    /// A word the library named: the first value of an enumeration.
    Word(&'static str),
    /// A mapping with these keys.
    Mapping(Vec<(&'static str, Node)>),
}

/// What values of `T` look like: a mapping with the keys it needs, a list, or a single value.
pub(super) fn shape<T: DeserializeOwned>() -> Shape {
    if let Some((_, keys)) = find::<T>(Node::Mapping(Vec::new())) {
        return Shape::Mapping(keys);
    }
    if matches!(read::<T>("v: []"), Ok(Some(_))) {
        return Shape::List;
    }
    Shape::Single
}

/// The smallest value of `T` found by trying (an empty list, a mapping with only the keys it needs,
/// each with the first single value it accepts); `None` when none is found. Its places (`Spanned`) are
/// in the text tried, not in any file: only for code that never reports them.
pub fn stand_in<T: DeserializeOwned>() -> Option<T> {
    find::<T>(Node::Single(0)).map(|(value, _)| value)
}

/// Tries values of `T` from `start` on: the first value read, with the keys of its top-level mapping.
fn find<T: DeserializeOwned>(start: Node) -> Option<(T, Vec<&'static str>)> {
    let mut root = start;
    for _ in 0..MAX_TRIES {
        let mut text = String::from("v: ");
        let mut places = Vec::new();
        write(&root, &mut Vec::new(), &mut text, &mut places);
        let error = match read::<T>(&text) {
            Ok(None) => return None,
            Ok(Some(value)) => {
                let keys = match &root {
                    Node::Mapping(entries) => entries.iter().map(|(k, _)| *k).collect(),
                    _ => Vec::new(),
                };
                return Some((value, keys));
            }
            Err(error) => error,
        };
        let inner = error.without_snippet();
        let at = inner
            .location()
            .and_then(|loc| super::span_of(&text, &loc))?
            .0;
        let path = places
            .iter()
            .filter(|(_, range)| range.contains(&at))
            .max_by_key(|(path, _)| path.len())
            .map(|(path, _)| path.clone())?;
        let node = node_at(&mut root, &path)?;
        match (Kind::of(inner), node) {
            (Kind::MissingKey(key), Node::Mapping(entries)) => {
                entries.push((key, Node::Single(0)));
            }
            (Kind::UnknownValue(_, values), node @ Node::Single(_)) => {
                *node = Node::Word(values.first().copied()?);
            }
            (_, node @ Node::Single(_)) => {
                let Node::Single(index) = *node else {
                    return None;
                };
                *node = match SINGLES.get(index + 1) {
                    Some(_) => Node::Single(index + 1),
                    None => Node::Mapping(Vec::new()),
                };
            }
            _ => return None,
        }
    }
    None
}

/// Reads `text` (a mapping with the one key `v`) as a `T` under `v`.
fn read<T: DeserializeOwned>(text: &str) -> Result<Option<T>, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options::<HashMap<String, T>>(text, options())
        .map(|mut map| map.remove("v"))
}

/// Writes `node` (at `path`) into `text` in flow style, noting where each node is.
fn write(
    node: &Node,
    path: &mut Vec<usize>,
    text: &mut String,
    places: &mut Vec<(Vec<usize>, Range<usize>)>,
) {
    let start = text.len();
    match node {
        Node::Single(index) => text.push_str(SINGLES[*index]),
        Node::Word(word) => text.push_str(&format!("\"{}\"", word.escape_default())),
        Node::Mapping(entries) => {
            text.push('{');
            for (i, (key, value)) in entries.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                text.push_str(&format!("\"{}\": ", key.escape_default()));
                path.push(i);
                write(value, path, text, places);
                path.pop();
            }
            text.push('}');
        }
    }
    places.push((path.clone(), start..text.len()));
}

/// The node at `path` under `root`.
fn node_at<'a>(root: &'a mut Node, path: &[usize]) -> Option<&'a mut Node> {
    let mut node = root;
    for &i in path {
        node = match node {
            Node::Mapping(entries) => &mut entries.get_mut(i)?.1,
            _ => return None,
        };
    }
    Some(node)
}
