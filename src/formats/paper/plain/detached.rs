//! Headings whose number a PDF's text prints apart from their title, as a block of its own
//! above it (`I.`⏎⏎`INTRODUCTION`, `2.1`⏎⏎`Natural language processing for legal documents`):
//! the number joined to the heading it belongs to.

use super::outline::{
    Heading, MIN_PROSE_LINE, heading, is_caps, opens_prose, sentence_case_heading,
};
use super::section_names::is_usual_part;

/// The most lines of a heading's title printed under a number that stands alone.
const MAX_DETACHED_TITLE_LINES: usize = 3;

/// Headings whose number a PDF's text prints as a block of its own above the title (`I.`⏎⏎
/// `INTRODUCTION`, `2.`⏎⏎`THEORY`, as pdftotext gives a two-column paper's headings): where a
/// block (`lines_of`) is only a number (`I.`, `2.`, `A.`; `2.1` above a paragraph's block or
/// `2` above its subsection's number, not `0.1`) and the next is a heading's words in capitals
/// or Title Case, or a known section's name (up to [`MAX_DETACHED_TITLE_LINES`] lines, each in
/// capitals), or a subsection's one line in sentence case above its paragraph, the next block's
/// heading becomes the numbered one (a chart's last tick, after others at equal steps, numbers
/// nothing); the blocks of the numbers are returned, to be left out.
pub(super) fn join_detached_numbers<'a>(
    lines_of: impl Fn(usize) -> Option<&'a [&'a str]>,
    headings: &mut [Option<Heading>],
) -> Vec<usize> {
    let mut numbers = Vec::new();
    for i in 0..headings.len().saturating_sub(1) {
        let (Some([number]), Some(title)) = (lines_of(i), lines_of(i + 1)) else {
            continue;
        };
        let number = number.trim();
        let after_title = lines_of(i + 2)
            .and_then(<[&str]>::first)
            .map(|line| line.trim());
        // Above a paragraph, or a figure's caption standing between the heading and its text.
        let above_paragraph = after_title.is_some_and(|line| line.len() >= MIN_PROSE_LINE);
        // `2`⏎⏎`Related work`⏎⏎`2.1`: a section's number, its first subsection's under it.
        let above_its_subsection = after_title.is_some_and(|line| {
            line.split_once('.').is_some_and(|(first, rest)| {
                first == number && !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
            })
        });
        // `0.1`, `2.5` over a word: a chart's axis, as a PDF's text gives its labels, as is a
        // chart's last tick after others at the same steps (`3.4`⏎⏎`3.6`⏎⏎`3.8`⏎⏎
        // `Wavelength`). A number without its stop (`2.1`) is a heading's only above a
        // paragraph or its subsection.
        let tick_before = |back: usize| match i.checked_sub(back).and_then(&lines_of) {
            Some([line]) => tick_value(line),
            _ => None,
        };
        let under_ticks = match (tick_before(2), tick_before(1), tick_value(number)) {
            (Some(first), Some(second), Some(this)) => {
                ((this - second) - (second - first)).abs() < 1e-9 && (this - second).abs() > 1e-9
            }
            _ => false,
        };
        let is_number = !number.is_empty()
            && !number.contains(char::is_whitespace)
            && !number.split('.').any(|part| part == "0")
            && (number.ends_with('.')
                || ((above_paragraph || above_its_subsection) && !under_ticks));
        let title_lines_fit = (1..=MAX_DETACHED_TITLE_LINES).contains(&title.len())
            && (title.len() == 1 || title.iter().all(|line| is_caps(line)));
        if !is_number || !title_lines_fit {
            continue;
        }
        let title = title.join(" ");
        // `7`⏎⏎`Related work`: a usual section's name in sentence case under its number.
        let joined = heading(&format!("{number} {title}"))
            .or_else(|| {
                let usual = !number.ends_with('.') && is_usual_part(&title);
                let mut joined = heading(&format!("{number}. {title}")).filter(|_| usual)?;
                number.clone_into(&mut joined.printed);
                Some(joined)
            })
            .filter(|joined| joined.numbering.is_some() && joined.printed == number);
        // A subsection's title in sentence case (`2.1`⏎⏎`Natural language processing for
        // legal documents`) right above its paragraph: the number alone above it tells the
        // heading.
        let heads = heading(&title).is_some()
            || (after_title.is_some_and(opens_prose)
                && number.contains('.')
                && title.starts_with(char::is_uppercase)
                && sentence_case_heading(&title).is_some());
        if let Some(joined) = joined.filter(|_| heads)
            && let Some(slot) = headings.get_mut(i + 1)
        {
            *slot = Some(joined);
            numbers.push(i);
        }
    }
    numbers
}

/// The value of `line` when it is a number alone, as a chart's tick prints one (`3.6`,
/// `-0.10`, `40%`): digits, a point and a sign only.
fn tick_value(line: &str) -> Option<f64> {
    let numeric = line
        .trim()
        .trim_end_matches('%')
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '−'));
    numeric.then(|| number_value(line)).flatten()
}

/// The value of `line` read as a number alone, a percentage's sign and a minus sign (`−`)
/// allowed (`0.8`, `−1.2`, `40%`).
pub(super) fn number_value(line: &str) -> Option<f64> {
    line.trim()
        .trim_end_matches('%')
        .replace('−', "-")
        .parse()
        .ok()
}
