//! Which characters are CJK, for line joining.

/// Whether `c` is a CJK ideograph, kana, hangul, or CJK / full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3100..=0x312F    // bopomofo
        | 0x3190..=0x31FF
        | 0x3200..=0x33FF    // enclosed, compatibility
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // hangul
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // compatibility forms
        | 0xFF00..=0xFFEF    // full-width forms
        | 0x20000..=0x3134F  // extensions B to G
    )
}

/// Quotation marks, dashes and ellipses that Chinese text shares with Western text.
fn is_shared_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{2014}'
            | '\u{2015}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2026}'
            | '\u{00B7}'
    )
}

/// Whether a line break between `before` and `after` should vanish instead of becoming a space.
pub(super) fn joins_without_space(before: char, after: char) -> bool {
    (is_cjk(before) && (is_cjk(after) || is_shared_punctuation(after)))
        || (is_shared_punctuation(before) && is_cjk(after))
}
