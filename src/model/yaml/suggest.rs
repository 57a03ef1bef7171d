//! "Did you mean": the known keys closest to a misspelt one, by edit distance, for the help of an
//! unknown key (`dealines` → `deadline`).

/// The keys of `known` nearest to `written`, best first (several when they are equally near), or none
/// when every key is too far to be a slip of the keyboard: at most one edit for a key of up to five
/// characters, two up to eight, three beyond. Letter case, `-` and `_` do not count.
pub(crate) fn closest<'k>(written: &str, known: &[&'k str]) -> Vec<&'k str> {
    let plain = |s: &str| -> Vec<char> {
        s.chars()
            .map(|c| if c == '-' { '_' } else { c })
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = plain(written);
    let limit = match wanted.len() {
        0 => return Vec::new(),
        1..=5 => 1,
        6..=8 => 2,
        _ => 3,
    };
    let mut best: Option<usize> = None;
    let mut found = Vec::new();
    for key in known {
        let distance = edit_distance(&wanted, &plain(key));
        if distance > limit || best.is_some_and(|b| distance > b) {
            continue;
        }
        if best != Some(distance) {
            found.clear();
            best = Some(distance);
        }
        if !found.contains(key) {
            found.push(*key);
        }
    }
    found
}

/// The number of single-character insertions, deletions, substitutions and swaps of two neighbours
/// that turn `a` into `b` (optimal string alignment).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    const REGISTRATION: [&str; 6] = [
        "deadline",
        "opens",
        "send_to",
        "email",
        "materials",
        "online",
    ];

    #[test]
    fn a_slip_of_the_keyboard_finds_its_key() {
        assert_eq!(closest("dealines", &REGISTRATION), ["deadline"]);
        assert_eq!(closest("deadlnie", &REGISTRATION), ["deadline"]);
        assert_eq!(closest("send-to", &REGISTRATION), ["send_to"]);
        assert_eq!(closest("Email", &REGISTRATION), ["email"]);
        assert_eq!(closest("heigth", &["height", "width"]), ["height"]);
        assert_eq!(
            closest("abbrevation", &["name", "abbreviation"]),
            ["abbreviation"]
        );
    }

    #[test]
    fn equally_near_keys_are_all_given_and_far_ones_none() {
        assert_eq!(
            closest("mode", &["node", "code", "modules"]),
            ["node", "code"]
        );
        assert!(closest("colour", &REGISTRATION).is_empty());
        assert!(closest("", &REGISTRATION).is_empty());
        assert!(closest("x", &[]).is_empty());
    }
}
