//! A compact, fast, deterministic code for the texts of the search index: every character of the
//! texts gets a rank by how often it occurs (ties in code point order), and each rank is written with a
//! (s,c)-dense code over [`ALPHABET`], 93 printable ASCII characters that need no escape in a JavaScript
//! string. The most frequent characters take one ASCII character, the next ones two, then three: a
//! Chinese text takes about half the bytes of its UTF-8. `search.js` holds the decoder; the two follow
//! the same rules, tested together in the browser tests.
//!
//! Ranks `0..S` are one stopper character. A longer codeword is `k` continuer characters (each one of the
//! `C = 93 - S` characters after the stoppers) and one stopper: the codewords of length `k + 1` number
//! `S * C^k` and follow all shorter ones. `S` is chosen per index to make the texts shortest.

use std::collections::HashMap;

/// The code's characters: printable ASCII without `"` and `\`, in code point order.
pub(crate) const ALPHABET: &str =
    " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// The size of [`ALPHABET`].
const BASE: usize = 93;

/// The code of one index: the characters by rank and the number of stoppers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    /// Every character of the texts, most frequent first.
    pub chars: Vec<char>,
    /// How many of the alphabet's characters end a codeword.
    pub stoppers: usize,
    /// The codeword of each character of the Basic Multilingual Plane by code point (all zero: not in
    /// the texts); a table of words kept in place, not a hash map or pointers, since every character of
    /// every text is looked up.
    basic: Vec<Word>,
    /// The codewords of the other characters.
    others: HashMap<char, Word>,
}

/// A codeword, its ASCII characters followed by zeros (the alphabet has no zero byte). Eight are enough:
/// with one stopper the words of up to eight characters number more than all of Unicode.
type Word = [u8; 8];

/// How many times each character occurs: a table for the Basic Multilingual Plane, a map for the rest.
struct Counts {
    basic: Vec<u64>,
    others: HashMap<char, u64>,
}

impl Counts {
    fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Counts {
        let mut counts = Counts {
            basic: vec![0; 0x1_0000],
            others: HashMap::new(),
        };
        for text in texts {
            for c in text.chars() {
                match counts.basic.get_mut(c as usize) {
                    Some(n) => *n += 1,
                    None => *counts.others.entry(c).or_default() += 1,
                }
            }
        }
        counts
    }

    /// Every character counted with its count, most frequent first, ties in code point order.
    fn ranked(self) -> Vec<(char, u64)> {
        let mut ranked: Vec<(char, u64)> = self
            .basic
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(c, n)| char::from_u32(c as u32).map(|c| (c, *n)))
            .chain(self.others)
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

impl Code {
    /// The code that makes `texts` shortest.
    pub(crate) fn for_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Code {
        let ranked = Counts::of(texts).ranked();
        let stoppers = (1..BASE)
            .min_by_key(|&s| {
                ranked
                    .iter()
                    .zip(lengths(s))
                    .map(|((_, n), len)| n * len)
                    .sum::<u64>()
            })
            .unwrap_or(BASE - 1);
        let mut code = Code {
            chars: ranked.iter().map(|(c, _)| *c).collect(),
            stoppers,
            basic: vec![[0; 8]; 0x1_0000],
            others: HashMap::new(),
        };
        for (rank, (c, _)) in ranked.iter().enumerate() {
            let mut word = [0; 8];
            for (slot, byte) in word.iter_mut().zip(code.codeword(rank).bytes()) {
                *slot = byte;
            }
            match code.basic.get_mut(*c as usize) {
                Some(slot) => *slot = word,
                None => {
                    code.others.insert(*c, word);
                }
            }
        }
        code
    }

    /// The codeword of `rank`: `length` continuers, then a stopper.
    fn codeword(&self, rank: usize) -> String {
        let alphabet = ALPHABET.as_bytes();
        let continuers = BASE - self.stoppers;
        let (mut base, mut span, mut length) = (0, self.stoppers, 0);
        while rank >= base + span {
            base += span;
            span *= continuers;
            length += 1;
        }
        let offset = rank - base;
        let mut high = offset / self.stoppers;
        let mut digits = Vec::with_capacity(length + 1);
        for _ in 0..length {
            digits.push(self.stoppers + high % continuers);
            high /= continuers;
        }
        digits.reverse();
        digits.push(offset % self.stoppers);
        digits.iter().map(|&d| char::from(alphabet[d])).collect()
    }

    /// `text` written in this code, appended to `out`. Every character of `text` must have been counted.
    pub(crate) fn encode(&self, text: &str, out: &mut String) {
        out.reserve(text.len());
        for c in text.chars() {
            let word = match self.basic.get(c as usize) {
                Some(word) => word,
                None => &self.others[&c],
            };
            debug_assert!(word[0] != 0, "{c:?} was not counted");
            for &byte in word.iter().take_while(|&&byte| byte != 0) {
                out.push(char::from(byte));
            }
        }
    }
}

/// The codeword lengths of the ranks, in rank order, with `stoppers` stoppers (an endless iterator).
fn lengths(stoppers: usize) -> impl Iterator<Item = u64> {
    let continuers = (BASE - stoppers) as u64;
    let stoppers = stoppers as u64;
    (1u64..).flat_map(move |length| {
        let count = stoppers.saturating_mul(continuers.saturating_pow((length - 1) as u32));
        std::iter::repeat_n(length, usize::try_from(count).unwrap_or(usize::MAX))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The decoder, as search.js has it, for the tests.
    pub(crate) fn decode(chars: &[char], stoppers: usize, code: &str) -> String {
        let continuers = BASE - stoppers;
        let mut out = String::new();
        let (mut value, mut base, mut span) = (0, 0, stoppers);
        for c in code.chars() {
            let digit = ALPHABET.find(c).expect("a character of the alphabet");
            if digit >= stoppers {
                value = value * continuers + (digit - stoppers);
                base += span;
                span *= continuers;
            } else {
                out.push(chars[value * stoppers + digit + base]);
                (value, base, span) = (0, 0, stoppers);
            }
        }
        out
    }

    #[test]
    fn the_alphabet_has_no_character_to_escape() {
        assert_eq!(ALPHABET.len(), BASE);
        assert!(!ALPHABET.contains(['"', '\\']));
        assert!(ALPHABET.bytes().is_sorted());
    }

    #[test]
    fn frequent_characters_take_one_byte_and_every_text_comes_back() {
        let many: String = (0x4e00u32..0x4e00 + 3000)
            .filter_map(char::from_u32)
            .collect();
        let texts = [
            "的的的的的是是是在",
            "人工智能训练师 AI-2025 \"quoted\" \\ 😀\n下一行",
            &many,
        ];
        let code = Code::for_texts(texts.iter().copied());
        assert_eq!(code.chars[0], '的');
        for text in texts {
            let mut coded = String::new();
            code.encode(text, &mut coded);
            assert!(coded.chars().all(|c| ALPHABET.contains(c)));
            assert_eq!(decode(&code.chars, code.stoppers, &coded), text);
        }
        let mut one = String::new();
        code.encode("的", &mut one);
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn a_chinese_text_takes_about_half_its_utf8() {
        let text = "选拔赛设人工智能训练师、服务机器人应用技术员、生成式人工智能系统应用员3个赛项，各赛项设职工（含教师）组和学生组，均为单人赛项。报名截止时间为2025年10月31日。";
        let code = Code::for_texts(std::iter::once(text));
        let mut coded = String::new();
        code.encode(text, &mut coded);
        assert!(
            coded.len() * 100 < text.len() * 60,
            "{} of {}",
            coded.len(),
            text.len()
        );
    }
}
