//! Text for the results PDF without a typesetter: each character is drawn with the first font of its
//! family list that has it (the bundled fonts after the list, as Typst falls back), measured with the
//! font's own advances, and lines are broken where Chinese text allows (between any two Han characters,
//! at spaces, never before a closing or after an opening punctuation mark).
//!
//! A sheet of 100,000 contestants is about a million cells of a few hundred different characters, so
//! each family list keeps the face, glyph and advance of every character it has looked up
//! ([`Faces`]'s cache), and a cell that fits on one line (almost all of them) is laid out without
//! breaking.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use typst::text::{Font, FontInstance, FontVariations};

/// A font as the writer uses it: the font of the Typst world (to embed) and its parsed face (cmap and
/// advances).
#[derive(Clone)]
pub(in crate::pdf) struct Face {
    font: FontInstance,
    source: Font,
}

impl Face {
    /// Wraps a font of the Typst world; `None` when it cannot be embedded as a CID font (it has neither
    /// TrueType outlines nor a CFF table, or it has too many glyphs).
    pub(in crate::pdf) fn new(font: Font) -> Option<Face> {
        let variant = font.info().variant;
        let source = font.clone();
        let font = font.instantiate(
            variant,
            typst::layout::Abs::pt(12.0),
            &FontVariations::default(),
        );
        let tables = font.ttf().tables();
        if tables.glyf.is_none() && tables.cff.is_none() {
            return None;
        }
        Some(Face { font, source })
    }

    /// The parsed font.
    pub(super) fn ttf(&self) -> &ttf_parser::Face<'_> {
        self.font.ttf()
    }

    /// The font to embed.
    pub(super) fn source(&self) -> &Font {
        &self.source
    }

    /// The glyph of `c` and its advance in em, when the font has it.
    fn glyph(&self, c: char) -> Option<(u16, f32)> {
        let ttf = self.font.ttf();
        let id = ttf.glyph_index(c)?;
        let advance = ttf.glyph_hor_advance(id).unwrap_or(0);
        Some((id.0, f32::from(advance) / f32::from(ttf.units_per_em())))
    }
}

/// A character as drawn: the index of its face in the family list, its glyph and its advance in em.
type Shaped = (usize, u16, f32);

/// Hashes a character by one multiplication: the cache's keys are characters, not input an attacker
/// could choose to collide (a collision only costs a probe).
#[derive(Default)]
struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// What a family list has looked up, a buffer for the characters of the text being laid out, and the
/// parts of lines already drawn, emptied for the next lines (a page holds a few hundred; allocating
/// them afresh for each of a million cells was a tenth of the time).
#[derive(Default)]
struct Cache {
    /// Every character looked up so far.
    glyphs: HashMap<char, Shaped, BuildHasherDefault<CharHasher>>,
    /// The characters of the current text, shaped.
    shaped: Vec<Shaped>,
    /// Emptied runs, run lists and line lists.
    spare: Spare,
}

/// Emptied parts of drawn lines, kept with their room.
#[derive(Default)]
struct Spare {
    runs: Vec<Run>,
    run_lists: Vec<Vec<Run>>,
    line_lists: Vec<Vec<Line>>,
}

impl Spare {
    /// An empty run of `face`.
    fn run(&mut self, face: usize) -> Run {
        let mut run = self.runs.pop().unwrap_or_else(|| Run {
            face,
            text: String::new(),
            glyphs: Vec::new(),
            width: 0.0,
        });
        run.face = face;
        run
    }
}

/// A family list: the faces tried in order for each character.
pub(in crate::pdf) struct Faces {
    faces: Vec<Face>,
    cache: RefCell<Cache>,
}

/// A character no font could draw.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(in crate::pdf) struct Missing(pub(in crate::pdf) char);

/// A run of characters drawn with one face.
pub(super) struct Run {
    /// The face's index in its family list.
    pub(super) face: usize,
    pub(super) text: String,
    /// The glyph of each character.
    pub(super) glyphs: Vec<u16>,
    /// Width in em.
    pub(super) width: f32,
}

/// One line of text, ready to draw.
pub(super) struct Line {
    pub(super) runs: Vec<Run>,
    /// Width in em.
    pub(super) width: f32,
}

impl Faces {
    /// The family list `faces`, tried in this order.
    pub(in crate::pdf) fn new(faces: Vec<Face>) -> Faces {
        Faces {
            faces,
            cache: RefCell::default(),
        }
    }

    /// The face, glyph and advance (em) for `c`; missing characters are noted and drawn as the first
    /// face's `.notdef`, so the caller can report them all.
    fn pick(&self, c: char, missing: &mut Vec<Missing>) -> Shaped {
        for (i, face) in self.faces.iter().enumerate() {
            if let Some((id, advance)) = face.glyph(c) {
                return (i, id, advance);
            }
        }
        if !c.is_whitespace() {
            missing.push(Missing(c));
        }
        (0, 0, 0.5)
    }

    /// Shapes every character of `text` into `cache.shaped`, looking each up once per family list (a
    /// missing character is noted the first time).
    fn shape(&self, cache: &mut Cache, text: &str, missing: &mut Vec<Missing>) {
        let Cache { glyphs, shaped, .. } = cache;
        shaped.clear();
        shaped.extend(
            text.chars()
                .map(|c| *glyphs.entry(c).or_insert_with(|| self.pick(c, missing))),
        );
    }

    /// `text` as one line (no breaking).
    pub(super) fn line(&self, text: &str, missing: &mut Vec<Missing>) -> Line {
        let mut cache = self.cache.borrow_mut();
        self.shape(&mut cache, text, missing);
        let Cache { shaped, spare, .. } = &mut *cache;
        line_of(text, shaped, spare)
    }

    /// Breaks `text` into lines of at most `width` em (the first `indent` em narrower) and lays each out.
    pub(super) fn lines(
        &self,
        text: &str,
        width: f32,
        indent: f32,
        missing: &mut Vec<Missing>,
    ) -> Vec<Line> {
        let mut cache = self.cache.borrow_mut();
        self.shape(&mut cache, text, missing);
        let Cache { shaped, spare, .. } = &mut *cache;
        let total: f32 = shaped.iter().map(|g| g.2).sum();
        if total + indent <= width && !text.contains('\n') {
            let mut lines = spare.line_lists.pop().unwrap_or_default();
            lines.push(line_of(text, shaped, spare));
            return lines;
        }
        let advances: Vec<f32> = shaped.iter().map(|g| g.2).collect();
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        break_lines(text, &advances, width, indent)
            .into_iter()
            .map(|range| {
                let from = starts.partition_point(|&s| s < range.start);
                let to = starts.partition_point(|&s| s < range.end);
                let piece = &text[range];
                let trimmed = piece.trim_end();
                let kept = trimmed.chars().count();
                line_of(trimmed, &shaped[from..to][..kept], spare)
            })
            .collect()
    }

    /// Keeps the parts of a drawn `line` for the next lines.
    pub(super) fn recycle(&self, line: Line) {
        let spare = &mut self.cache.borrow_mut().spare;
        let mut runs = line.runs;
        for mut run in runs.drain(..) {
            run.text.clear();
            run.glyphs.clear();
            run.width = 0.0;
            spare.runs.push(run);
        }
        spare.run_lists.push(runs);
    }

    /// Keeps an emptied list of lines for the next cell.
    pub(super) fn recycle_list(&self, lines: Vec<Line>) {
        debug_assert!(lines.is_empty());
        self.cache.borrow_mut().spare.line_lists.push(lines);
    }

    /// The faces tried in order.
    pub(super) fn faces(&self) -> &[Face] {
        &self.faces
    }
}

/// A line of `text` from its shaped characters (face, glyph, advance), one run per face, made of the
/// spare parts of lines already drawn.
fn line_of(text: &str, shaped: &[Shaped], spare: &mut Spare) -> Line {
    let mut runs = spare.run_lists.pop().unwrap_or_default();
    let mut width = 0.0;
    for (c, &(face, id, advance)) in text.chars().zip(shaped) {
        width += advance;
        if runs.last().is_none_or(|r: &Run| r.face != face) {
            runs.push(spare.run(face));
        }
        let run = runs.last_mut().expect("pushed above");
        run.text.push(c);
        run.glyphs.push(id);
        run.width += advance;
    }
    Line { runs, width }
}

/// Whether a line may not start with `c` (closing punctuation).
fn closes(c: char) -> bool {
    "，。、；：？！）》」』”’…%·,.;:?!)]}".contains(c)
}

/// Whether a line may not end with `c` (opening punctuation).
fn opens(c: char) -> bool {
    "（《「『“‘([{".contains(c)
}

/// Whether `c` is a letter or digit that belongs to a word with its neighbours (Latin text, numbers).
fn in_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/' | '%')
}

/// Whether a line may break between `a` and `b`.
fn may_break(a: char, b: char) -> bool {
    if closes(b) || opens(a) {
        return false;
    }
    a.is_whitespace() || !(in_word(a) && in_word(b))
}

/// The byte ranges of the lines of `text` for a measure of `width` em (the first line `indent` em
/// narrower): greedy, at the last allowed break before the measure; a word longer than a line is cut.
fn break_lines(text: &str, advances: &[f32], width: f32, indent: f32) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut lines = Vec::new();
    let mut start = 0; // index into chars
    let mut used = indent;
    let mut last_break: Option<usize> = None; // a char index where the next line may start
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1 == '\n' {
            lines.push(chars[start].0..chars[i].0);
            start = i + 1;
            used = 0.0;
            last_break = None;
            i += 1;
            continue;
        }
        if i > start && may_break(chars[i - 1].1, chars[i].1) {
            last_break = Some(i);
        }
        let advance = advances[i];
        if used + advance > width + 0.001 && i > start && !chars[i].1.is_whitespace() {
            let at = match last_break.filter(|&b| b > start) {
                Some(at) => at,
                // No allowed break: a closing mark hangs past the measure rather than start a line
                // (`（30%）` stays whole; an opening one already stays with what follows it).
                None if closes(chars[i].1) => {
                    used += advance;
                    i += 1;
                    continue;
                }
                None => i,
            };
            lines.push(chars[start].0..chars[at].0);
            start = at;
            used = advances[start..i].iter().sum();
            last_break = None;
            continue;
        }
        used += advance;
        i += 1;
    }
    if start < chars.len() || lines.is_empty() {
        let from = chars.get(start).map_or(text.len(), |c| c.0);
        lines.push(from..text.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::break_lines;

    fn lines(text: &str, width: f32) -> Vec<&str> {
        let advances: Vec<f32> = text
            .chars()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .collect();
        break_lines(text, &advances, width, 0.0)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(lines("天津市第一中学", 3.0), ["天津市", "第一中", "学"]);
        assert_eq!(lines("天津，市第", 2.0), ["天", "津，", "市第"]);
        assert_eq!(lines("（天津）", 2.0), ["（天", "津）"]);
    }

    #[test]
    fn brackets_stay_with_their_text_in_a_narrow_column() {
        // A part's heading in a score column: the closing bracket hangs instead of starting a line.
        assert_eq!(lines("理论成绩（30%）", 3.2), ["理论成", "绩", "（30%）"]);
        assert_eq!(lines("（30%）", 2.5), ["（30%）"]);
        assert_eq!(lines("（30%）abc", 2.5), ["（30%）", "abc"]);
        // An opening bracket goes down with what follows it.
        assert_eq!(lines("理论（30%）", 3.0), ["理论", "（30%）"]);
    }

    #[test]
    fn numbers_stay_whole_and_long_words_are_cut() {
        assert_eq!(lines("总分97.20分", 4.0), ["总分", "97.20分"]);
        assert_eq!(lines("abcdefghij", 2.0), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("", 2.0), [""]);
    }
}
