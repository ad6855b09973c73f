//! The marker a list item is printed with when its source gives a list's style but not the
//! item's own marker: `•` for a bullet list, `3.`, `c.` or `iii.` for an ordered one. Each item
//! is a paragraph of its own, so the marker is what shows it is one item of a list.

/// How a list numbers its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Numbering {
    /// `•`
    Bullet,
    /// `1.`, `2.` …
    Decimal,
    /// `a.`, `b.` … (numbers past `z.`)
    LowerAlpha,
    /// `A.`, `B.` … (numbers past `Z.`)
    UpperAlpha,
    /// `i.`, `ii.` …
    LowerRoman,
    /// `I.`, `II.` …
    UpperRoman,
}

impl Numbering {
    /// The numbering a JATS `list-type` names; `None` for `simple` (no marker) or a type JATS
    /// does not define.
    pub(super) fn from_jats(list_type: &str) -> Option<Self> {
        match list_type.trim() {
            "bullet" => Some(Self::Bullet),
            "order" => Some(Self::Decimal),
            "alpha-lower" => Some(Self::LowerAlpha),
            "alpha-upper" => Some(Self::UpperAlpha),
            "roman-lower" => Some(Self::LowerRoman),
            "roman-upper" => Some(Self::UpperRoman),
            _ => None,
        }
    }

    /// The marker of the `n`th item (from 1), with the stop after a number or letter.
    pub(super) fn marker(self, n: usize) -> String {
        let letter = |first: u8| {
            u8::try_from(n)
                .ok()
                .filter(|&n| (1..=26).contains(&n))
                .map_or_else(
                    || format!("{n}."),
                    |n| format!("{}.", char::from(first + n - 1)),
                )
        };
        match self {
            Self::Bullet => "•".to_owned(),
            Self::Decimal => format!("{n}."),
            Self::LowerAlpha => letter(b'a'),
            Self::UpperAlpha => letter(b'A'),
            Self::LowerRoman => format!("{}.", roman(n).to_lowercase()),
            Self::UpperRoman => format!("{}.", roman(n)),
        }
    }
}

/// `n` in Roman numerals (`XIV`); a number past 3999, which they do not write, in digits.
fn roman(n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut rest = n;
    let mut written = String::new();
    for (value, digits) in DIGITS {
        while rest >= value {
            written.push_str(digits);
            rest -= value;
        }
    }
    written
}

#[cfg(test)]
mod tests {
    use super::Numbering;

    #[test]
    fn each_numbering_marks_its_items() {
        let markers = |numbering: Numbering| -> Vec<String> {
            [1, 2, 4, 9, 14, 27].map(|n| numbering.marker(n)).to_vec()
        };
        assert_eq!(markers(Numbering::Bullet), ["•"; 6]);
        assert_eq!(
            markers(Numbering::Decimal),
            ["1.", "2.", "4.", "9.", "14.", "27."]
        );
        assert_eq!(
            markers(Numbering::LowerAlpha),
            ["a.", "b.", "d.", "i.", "n.", "27."]
        );
        assert_eq!(
            markers(Numbering::UpperAlpha),
            ["A.", "B.", "D.", "I.", "N.", "27."]
        );
        assert_eq!(
            markers(Numbering::LowerRoman),
            ["i.", "ii.", "iv.", "ix.", "xiv.", "xxvii."]
        );
        assert_eq!(
            markers(Numbering::UpperRoman),
            ["I.", "II.", "IV.", "IX.", "XIV.", "XXVII."]
        );
        assert_eq!(Numbering::UpperRoman.marker(4000), "4000.");
        assert_eq!(Numbering::from_jats("simple"), None);
        assert_eq!(
            Numbering::from_jats("roman-lower"),
            Some(Numbering::LowerRoman)
        );
    }
}
