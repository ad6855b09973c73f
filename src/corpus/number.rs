//! Numbers as paperlens writes them everywhere (inspector, chart axes, exported charts):
//! thousands separated by commas, a point before the decimals, never `-0`.

/// `value` with `decimals` decimals and thousands separators: `(49000.0, 0)` → `"49,000"`,
/// `(-1234.5, 1)` → `"-1,234.5"`. Non-finite values are written as Rust writes them.
#[must_use]
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (integer, fraction) = match text.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    let digits = integer.len();
    for (i, c) in integer.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    // No "-0" or "-0.0".
    if value < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// `value` as a text gives it, with thousands separators: a whole number (within 1e-9) without
/// decimals (`49000.0` → `"49,000"`), any other with as many decimals as it needs
/// (`2.5` → `"2.5"`, `1234.25` → `"1,234.25"`).
#[must_use]
pub fn format_as_given(value: f64) -> String {
    let rounded = value.round();
    if (value - rounded).abs() <= 1e-9 {
        return format_number(rounded, 0);
    }
    // Rust writes a float in the fewest digits that read back to the same value.
    let shortest = value.to_string();
    let decimals = shortest
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    format_number(value, decimals)
}

#[cfg(test)]
mod tests {
    use super::{format_as_given, format_number};

    #[test]
    fn numbers_have_thousands_separators() {
        assert_eq!(format_number(49_000.0, 0), "49,000");
        assert_eq!(format_number(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(format_number(999.0, 0), "999");
        assert_eq!(format_number(-42_000.0, 0), "-42,000");
        assert_eq!(format_number(-0.01, 1), "0.0");
        assert_eq!(format_number(85.714, 1), "85.7");
    }

    #[test]
    fn values_are_written_as_given() {
        assert_eq!(format_as_given(49_000.0), "49,000");
        assert_eq!(format_as_given(1_234_567.0), "1,234,567");
        assert_eq!(format_as_given(999.0), "999");
        assert_eq!(format_as_given(-42_000.0), "-42,000");
        assert_eq!(format_as_given(2.5), "2.5");
        assert_eq!(format_as_given(1_234.25), "1,234.25");
        assert_eq!(format_as_given(-0.0), "0");
        assert_eq!(format_as_given(f64::INFINITY), "inf");
    }
}
