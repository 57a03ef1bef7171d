//! Only the objects a filled form's fields need, read one by one from a PDF's cross-reference table,
//! instead of parsing the whole file: a returned form is about 1.7 MB, nearly all of it the embedded
//! font, its widths and the pages, which the fields never refer to.
//!
//! This covers the plain files that form fillers such as pypdf write: classic `xref` tables (with
//! `/Prev` sections of incremental saves), no object streams, no encryption. Anything else (an
//! `/XRefStm` or cross-reference stream, `/Encrypt`, an object in an object stream, a token this small
//! parser does not know) gives `None`, and the caller reads the file with lopdf instead.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use std::collections::HashMap;

/// How many `/Prev` sections are followed.
const MAX_SECTIONS: usize = 64;
/// How deep arrays and dictionaries may nest in one object.
const MAX_NESTING: usize = 64;

/// A PDF whose objects are parsed when asked for.
pub(super) struct Objects<'a> {
    bytes: &'a [u8],
    /// Each object's generation and byte offset.
    offsets: HashMap<u32, (u16, usize)>,
    /// The newest trailer.
    pub trailer: Dictionary,
}

impl<'a> Objects<'a> {
    /// The cross-reference table of `bytes`, or `None` when the file is not a plain one.
    pub(super) fn new(bytes: &'a [u8]) -> Option<Self> {
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        let at = tail.windows(9).rposition(|w| w == b"startxref")?;
        let mut parser = Parser::new(tail, at + 9);
        let mut next = match parser.object(0)? {
            Object::Integer(n) => usize::try_from(n).ok()?,
            _ => return None,
        };
        let mut objects = Objects {
            bytes,
            offsets: HashMap::new(),
            trailer: Dictionary::new(),
        };
        for section in 0..MAX_SECTIONS {
            let trailer = objects.section(next)?;
            if trailer.has(b"XRefStm") || trailer.has(b"Encrypt") {
                return None;
            }
            let prev = trailer.get(b"Prev").ok().and_then(|p| p.as_i64().ok());
            if section == 0 {
                objects.trailer = trailer;
            }
            match prev {
                Some(prev) => next = usize::try_from(prev).ok()?,
                None => return Some(objects),
            }
        }
        None
    }

    /// Reads one `xref` section at `offset` (older entries never replace newer ones); its trailer.
    fn section(&mut self, offset: usize) -> Option<Dictionary> {
        let mut parser = Parser::new(self.bytes, offset);
        parser.space();
        if !parser.keyword(b"xref") {
            return None;
        }
        loop {
            parser.space();
            if parser.keyword(b"trailer") {
                return match parser.object(0)? {
                    Object::Dictionary(d) => Some(d),
                    _ => None,
                };
            }
            let first = parser.unsigned()?;
            parser.space();
            let count = parser.unsigned()?;
            for n in 0..count {
                parser.space();
                let offset = parser.unsigned()?;
                parser.space();
                let generation = u16::try_from(parser.unsigned()?).ok()?;
                parser.space();
                let kind = parser.byte()?;
                let id = u32::try_from(first + n).ok()?;
                if kind == b'n' && offset > 0 {
                    self.offsets.entry(id).or_insert((generation, offset));
                } else if kind != b'f' && kind != b'n' {
                    return None;
                }
            }
        }
    }

    /// The object `id`, parsed; `Null` for a stream (its dictionary is never what a field needs) or an
    /// object not in the table; `None` when it cannot be read.
    pub(super) fn get(&self, id: ObjectId) -> Option<Object> {
        let Some(&(generation, offset)) = self.offsets.get(&id.0) else {
            return Some(Object::Null);
        };
        if generation != id.1 {
            return Some(Object::Null);
        }
        let mut parser = Parser::new(self.bytes, offset);
        parser.space();
        if parser.unsigned()? != id.0 as usize {
            return None;
        }
        parser.space();
        parser.unsigned()?;
        parser.space();
        if !parser.keyword(b"obj") {
            return None;
        }
        let object = parser.object(0)?;
        parser.space();
        if parser.keyword(b"stream") {
            return Some(Object::Null);
        }
        Some(object)
    }
}

/// A cursor over PDF bytes.
struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    is_space(b)
        || matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

impl<'a> Parser<'a> {
    fn new(bytes: &'a [u8], at: usize) -> Self {
        Parser { bytes, at }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// Skips white space and comments.
    fn space(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.at += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Whether `word` comes next (as a whole token); it is taken if so.
    fn keyword(&mut self, word: &[u8]) -> bool {
        let end = self.at + word.len();
        let whole = self.bytes.get(self.at..end) == Some(word)
            && self.bytes.get(end).is_none_or(|b| is_delimiter(*b));
        if whole {
            self.at = end;
        }
        whole
    }

    fn unsigned(&mut self) -> Option<usize> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.at])
            .ok()?
            .parse()
            .ok()
    }

    /// One object (a reference `n g R` included), after white space.
    fn object(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_NESTING {
            return None;
        }
        self.space();
        match self.peek()? {
            b'/' => {
                self.at += 1;
                Some(Object::Name(self.name()?))
            }
            b'(' => {
                self.at += 1;
                Some(Object::String(self.literal()?, StringFormat::Literal))
            }
            b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                self.dictionary(depth).map(Object::Dictionary)
            }
            b'<' => {
                self.at += 1;
                Some(Object::String(self.hex()?, StringFormat::Hexadecimal))
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.space();
                    if self.peek()? == b']' {
                        self.at += 1;
                        return Some(Object::Array(items));
                    }
                    items.push(self.object(depth + 1)?);
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number_or_reference(),
            _ if self.keyword(b"true") => Some(Object::Boolean(true)),
            _ if self.keyword(b"false") => Some(Object::Boolean(false)),
            _ if self.keyword(b"null") => Some(Object::Null),
            _ => None,
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        let mut dict = Dictionary::new();
        loop {
            self.space();
            if self.bytes.get(self.at..self.at + 2)? == b">>" {
                self.at += 2;
                return Some(dict);
            }
            if self.byte()? != b'/' {
                return None;
            }
            let key = self.name()?;
            let value = self.object(depth + 1)?;
            dict.set(key, value);
        }
    }

    /// A name after its `/`, with `#xx` escapes decoded.
    fn name(&mut self) -> Option<Vec<u8>> {
        let mut name = Vec::new();
        while let Some(b) = self.peek().filter(|b| !is_delimiter(*b)) {
            self.at += 1;
            if b == b'#' {
                let hex = self.bytes.get(self.at..self.at + 2)?;
                name.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
                self.at += 2;
            } else {
                name.push(b);
            }
        }
        Some(name)
    }

    /// A literal string after its `(`: balanced brackets, escapes and octal codes.
    fn literal(&mut self) -> Option<Vec<u8>> {
        let mut text = Vec::new();
        let mut open = 1;
        loop {
            let b = self.byte()?;
            match b {
                b'(' => open += 1,
                b')' => {
                    open -= 1;
                    if open == 0 {
                        return Some(text);
                    }
                }
                b'\\' => {
                    let e = self.byte()?;
                    match e {
                        b'n' => text.push(b'\n'),
                        b'r' => text.push(b'\r'),
                        b't' => text.push(b'\t'),
                        b'b' => text.push(8),
                        b'f' => text.push(12),
                        b'0'..=b'7' => {
                            let mut code = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        code = code * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            text.push((code & 0xff) as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        other => text.push(other),
                    }
                    continue;
                }
                _ => {}
            }
            text.push(b);
        }
    }

    /// A hexadecimal string after its `<`.
    fn hex(&mut self) -> Option<Vec<u8>> {
        let mut digits = Vec::new();
        loop {
            let b = self.byte()?;
            match b {
                b'>' => break,
                b if is_space(b) => {}
                b if b.is_ascii_hexdigit() => digits.push(b),
                _ => return None,
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(b'0');
        }
        digits
            .chunks(2)
            .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
            .collect()
    }

    /// A number, or a reference `n g R`.
    fn number_or_reference(&mut self) -> Option<Object> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| matches!(b, b'+' | b'-' | b'.' | b'0'..=b'9'))
        {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        if let Ok(n) = text.parse::<i64>() {
            let after = self.at;
            if let Some(reference) = self.reference_after(n) {
                return Some(reference);
            }
            self.at = after;
            return Some(Object::Integer(n));
        }
        let real = if text.starts_with('.') || text.starts_with("-.") {
            text.replacen('.', "0.", 1)
        } else {
            text.to_string()
        };
        real.parse::<f32>().ok().map(Object::Real)
    }

    /// `g R` after an object number.
    fn reference_after(&mut self, number: i64) -> Option<Object> {
        let id = u32::try_from(number).ok()?;
        self.space();
        if !self.peek()?.is_ascii_digit() {
            return None;
        }
        let generation = u16::try_from(self.unsigned()?).ok()?;
        self.space();
        self.keyword(b"R")
            .then_some(Object::Reference((id, generation)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> Option<Object> {
        Parser::new(text, 0).object(0)
    }

    #[test]
    fn objects_as_lopdf_has_them() {
        let dict = parse(b"<< /T (entry-1-name) /V <FEFF5F204E09> /Kids [3 0 R 4 0 R] /Ff 12 /Q -.5 /A#20B true >>")
            .unwrap();
        let dict = dict.as_dict().unwrap();
        assert_eq!(dict.get(b"T").unwrap().as_str().unwrap(), b"entry-1-name");
        assert_eq!(
            lopdf::decode_text_string(dict.get(b"V").unwrap()).unwrap(),
            "张三"
        );
        assert_eq!(
            dict.get(b"Kids").unwrap().as_array().unwrap(),
            &vec![Object::Reference((3, 0)), Object::Reference((4, 0))]
        );
        assert_eq!(dict.get(b"Ff").unwrap().as_i64().unwrap(), 12);
        assert_eq!(dict.get(b"Q").unwrap().as_float().unwrap(), -0.5);
        assert!(dict.get(b"A B").unwrap().as_bool().unwrap());
        assert_eq!(
            parse(br"(a\(b\) \101\\ (c))").unwrap().as_str().unwrap(),
            b"a(b) A\\ (c)"
        );
        assert_eq!(parse(b"[1 2 3]").unwrap().as_array().unwrap().len(), 3);
        assert!(parse(b"<< /A (unclosed").is_none());
        assert!(parse(b"{").is_none());
    }

    #[test]
    fn a_file_by_its_table_and_a_damaged_one_not_at_all() {
        let body = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>\nendobj\n2 0 obj\n<< /T (name) /FT /Tx /V (Li) >>\nendobj\n";
        let at = |needle: &[u8]| {
            body.windows(needle.len())
                .position(|w| w == needle)
                .unwrap()
        };
        let mut file = body.to_vec();
        let xref = file.len();
        file.extend_from_slice(
            format!(
                "xref\n0 3\n0000000000 65535 f \n{:010} 00000 n \n{:010} 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                at(b"1 0 obj"),
                at(b"2 0 obj")
            )
            .as_bytes(),
        );
        let objects = Objects::new(&file).unwrap();
        let root = objects
            .trailer
            .get(b"Root")
            .unwrap()
            .as_reference()
            .unwrap();
        assert!(
            objects
                .get(root)
                .unwrap()
                .as_dict()
                .unwrap()
                .has(b"AcroForm")
        );
        let field = objects.get((2, 0)).unwrap();
        assert_eq!(
            field
                .as_dict()
                .unwrap()
                .get(b"V")
                .unwrap()
                .as_str()
                .unwrap(),
            b"Li"
        );
        assert!(Objects::new(b"%PDF-1.7\nthis is no PDF").is_none());
    }
}
