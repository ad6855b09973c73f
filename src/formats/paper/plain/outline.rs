//! Headings: recognising a line as one (numbered `1.`, `2.3.4`, `I.`, `A.`, or unnumbered in
//! Title Case or ALL CAPS) and nesting it: a decimal number under its prefix (`4.1` under `4`),
//! a number that restarts inside a section (`1.` after `4.1`) as a list of subsections there, a
//! letter under the Roman or top number above it, an unnumbered heading in another case than
//! the top-level ones under the section open above it, and the unnumbered parts of one study's
//! report (`Method`, `Results`, `Discussion`) under its `Study 2` or `Experiment 1b` heading,
//! and the parts of a method (`Participants`, `Procedure`) under its unnumbered `Method`.

use super::super::PaperBuilder;
pub(super) use super::detached::join_detached_numbers;
use super::section_names::{
    is_back_matter, is_body_name, is_method, is_method_part, is_references, is_study_part,
    is_usual_part, key,
};

/// The most words a heading has.
const MAX_WORDS: usize = 15;

/// The deepest a section is nested: a heading below it is opened beside the deepest one (a
/// hostile text of many `1.` headings nests no deeper).
const MAX_DEPTH: usize = 8;

/// The longest heading, in bytes.
const MAX_LEN: usize = 150;

/// Words Title Case leaves in lower case.
const SMALL_WORDS: [&str; 27] = [
    "a", "about", "across", "against", "among", "an", "and", "as", "at", "between", "but", "by",
    "for", "from", "in", "into", "its", "of", "on", "or", "over", "the", "their", "to", "under",
    "via", "with",
];

/// How a heading is numbered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Numbering {
    /// `1`, `4.1`, `2.3.4`.
    Decimal(Vec<u32>),
    /// `I`, `IV`.
    Roman(u32),
    /// `A`, `B`.
    Letter(u32),
}

/// A heading line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Heading {
    /// Its numbering, if it has one.
    pub(super) numbering: Option<Numbering>,
    /// The number as printed (`1.`, `4.1`), empty when unnumbered.
    pub(super) printed: String,
    /// The heading's words.
    pub(super) title: String,
    /// How its words are written, which tells a subsection from a section.
    pub(super) style: Style,
}

/// How a heading's words are written: headings written otherwise than the paper's top-level
/// ones nest in them (`Study participants` under `Materials and Methods`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// In capitals: `INTRODUCTION`.
    Caps,
    /// In Title Case, or a usual section name in any case: `Theoretical Framework`.
    Title,
    /// Only its first word capitalised: `Study participants`.
    Sentence,
}

impl Style {
    /// The style of a heading's words: capitals or Title Case.
    fn of(title: &str) -> Self {
        if is_caps(title) {
            Self::Caps
        } else {
            Self::Title
        }
    }
}

/// Whether every letter of `text` is a capital (and it has at least two).
pub(super) fn is_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// Whether `text` is in Title Case: its first word and every word not in [`SMALL_WORDS`] start
/// with a capital (words starting with a digit or a sign count as capitalised).
fn is_title_case(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .map(|word| word.trim_start_matches(|c: char| !c.is_alphanumeric()));
    // `iQTLs`, `mRNA`: a capital inside the word counts.
    let starts_upper = |word: &str| {
        !word.chars().next().is_some_and(char::is_lowercase) || word.chars().any(char::is_uppercase)
    };
    let Some(first) = words.next() else {
        return false;
    };
    starts_upper(first)
        && words
            .all(|word| starts_upper(word) || SMALL_WORDS.contains(&word.to_lowercase().as_str()))
}

/// Whether `title` can be a heading's words: short, starting with a capital or digit, not ending
/// like a sentence or a clause, and holding no citation, no equation (`Γ(φ → ZZ) =`, `a < b`)
/// and not mostly numbers and signs (`2v 2 + 1`, a PDF's formula or table cells as text).
fn is_heading_text(title: &str) -> bool {
    let word_count = title.split_whitespace().count();
    let lettered_words = title
        .split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    (1..=MAX_WORDS).contains(&word_count)
        && 2 * lettered_words >= word_count
        && !title.contains('=')
        && !title.contains("://")
        && title.len() <= MAX_LEN
        && title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && title.chars().any(char::is_alphabetic)
        && !title.ends_with(['.', ',', ';', ':'])
        && !title.contains(['[', '\t', '@', '<', '>'])
}

/// The value of a Roman numeral from I to XXXIX.
fn roman(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 6 {
        return None;
    }
    let mut total = 0;
    let mut previous = 0;
    for c in text.chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    (1..40).contains(&total).then_some(total)
}

/// A numbered heading's number and words: `4.1 Discussion`, `1. INTRODUCTION`, `II. METHODS`,
/// `B) Data`.
fn numbered(line: &str) -> Option<Heading> {
    let (token, rest) = line.split_once(char::is_whitespace)?;
    let title = rest.trim();
    if !is_heading_text(title) {
        return None;
    }
    let bare = token.trim_end_matches(['.', ')']);
    let marked = bare.len() < token.len();
    // `G. Aad, B. Abbott`, `V. Khachatryan, A. M. Sirunyan`: a list of names, not heading G.
    let names = title
        .split_whitespace()
        .next()
        .is_some_and(|word| word.ends_with(','));
    let numbering = if !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let parts: Option<Vec<u32>> = bare
            .split('.')
            .map(|part| {
                // `0.8 CT18`, `1.00 ATLAS`: a chart's tick labels, as a PDF's text gives them.
                (!part.is_empty() && part.len() <= 2 && !part.starts_with('0'))
                    .then(|| part.parse().ok())
                    .flatten()
            })
            .collect();
        let parts = parts?;
        // `1 Introduction` needs Title Case or capitals; `1. Introduction` and `4.1 Data` do not.
        if parts.len() == 1 && !marked && !(is_caps(title) || is_title_case(title)) {
            return None;
        }
        Numbering::Decimal(parts)
    } else if names {
        return None;
    } else if marked && token.ends_with('.') && roman(bare).is_some() {
        Numbering::Roman(roman(bare)?)
    } else if marked && bare.len() == 1 && bare.chars().all(|c| c.is_ascii_uppercase()) {
        // `A. B. Smith` is a name, not heading A.
        let next = title.split_whitespace().next().unwrap_or_default();
        if next.len() <= 2 && next.ends_with('.') {
            return None;
        }
        Numbering::Letter(u32::from(bare.bytes().next()?.saturating_sub(b'A')) + 1)
    } else {
        return None;
    };
    Some(Heading {
        numbering: Some(numbering),
        printed: token.to_owned(),
        title: title.to_owned(),
        style: Style::of(title),
    })
}

/// The words that name a chapter before its number, in lower case.
const CHAPTER_WORDS: [&str; 6] = [
    "chapter",
    "capitulo",
    "chapitre",
    "kapitel",
    "capitolo",
    "hoofdstuk",
];

/// `text` in lower case without its accents (`Capítulo` → `capitulo`), however the accents
/// are written: as one letter, as a letter and a combining mark, or as pdftotext writes an
/// accented `i`, a dotless `ı` and a combining mark.
pub(super) fn unaccented(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'ı' { 'i' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// A thesis's or a book's chapter heading printed on two lines, `Chapter 1`⏎`Introduction`
/// (`Capítulo 2`⏎`Difração`, `CHAPTER IV`⏎`RESULTS`), as the chapter numbered so.
pub(super) fn chapter_heading(lines: &[&str]) -> Option<Heading> {
    let [label, title] = lines else {
        return None;
    };
    let (number, value) = chapter_label(label)?;
    let title = title.trim();
    is_heading_text(title).then(|| Heading {
        numbering: Some(Numbering::Decimal(vec![value])),
        printed: number.to_owned(),
        title: title.to_owned(),
        style: Style::of(title),
    })
}

/// A line naming a chapter and nothing else (`Chapter 1`, `Capítulo 2`, `CHAPTER IV`): its
/// number as printed, and its value.
pub(super) fn chapter_label(line: &str) -> Option<(&str, u32)> {
    let (word, number) = line.trim().split_once(char::is_whitespace)?;
    let number = number.trim();
    let value = if number.bytes().all(|b| b.is_ascii_digit()) {
        number.parse().ok().filter(|n| (1..100).contains(n))?
    } else {
        roman(number)?
    };
    CHAPTER_WORDS
        .contains(&unaccented(word).as_str())
        .then_some((number, value))
}

/// Whether `line` is a numbered heading in capitals (`2. OBSERVATIONS AND DATA PROCESSING`,
/// `IV. RESULTS`) or naming a usual section (`1. Introduction`, `4 Results and Discussion`).
pub(super) fn is_numbered_section_heading(line: &str) -> bool {
    line.len() <= MAX_LEN
        && numbered(line.trim()).is_some_and(|heading| {
            is_caps(&heading.title) || is_body_name(&heading.title.to_lowercase())
        })
}

/// The most words of a subsection's title printed directly above its paragraph.
const MAX_GLUED_TITLE_WORDS: usize = 10;

/// Whether `line` is a numbered heading printed directly above its first paragraph in one
/// block (`1.1 Cluster computing`⏎`The last few years …`), as a PDF's text gives a two-column
/// paper's subheadings: a number of two or three parts (or one, opening the block and much
/// shorter than the paragraph's first line: `2 Data Model`) and a short title starting with
/// a capital, after the end of a sentence or a section's heading (`before`, the line above
/// it in the block, if any), above a paragraph's first line (`next`: starting with a capital,
/// longer than the heading and than [`MIN_PROSE_LINE`], not numbered itself, as a list's next
/// item would be).
pub(super) fn is_glued_numbered_heading(line: &str, before: Option<&str>, next: &str) -> bool {
    let line = line.trim();
    let Some(heading) = numbered(line) else {
        return false;
    };
    let next = next.trim();
    // A section's number (`2 Data Model`, `2. The implementation of TIMP`) only opening its
    // block and much shorter than the line under it: a numbered list's item is rarely so.
    let heads = match &heading.numbering {
        Some(Numbering::Decimal(parts)) if parts.len() == 1 => {
            before.is_none() && 3 * line.len() <= 2 * next.len()
        }
        Some(Numbering::Decimal(parts)) => parts.len() <= 3,
        _ => false,
    };
    heads
        && heading.title.split_whitespace().count() <= MAX_GLUED_TITLE_WORDS
        && heading.title.chars().next().is_some_and(char::is_uppercase)
        && ends_what_is_above(before)
        && opens_paragraph(line, next)
}

/// The most words of the second line of a numbered subheading printed over two lines.
const MAX_WRAPPED_WORDS: usize = 4;

/// The subheading a block of two lines makes, when its lines are one numbered subheading
/// wrapped after its first line (`3.1 DBD-produced carbon dust description: from the macro
/// to`⏎`the nanoscale`), as a PDF's text gives a long subheading: a number of two or three
/// parts and a title in the first line, a few words going on from it in the second, in lower
/// case and not ending a sentence.
pub(super) fn wrapped_subheading(first: &str, second: &str) -> Option<Heading> {
    let second = second.trim();
    let words = second.split_whitespace().count();
    let goes_on = second.chars().next().is_some_and(char::is_lowercase)
        && (1..=MAX_WRAPPED_WORDS).contains(&words)
        && !second.ends_with(['.', '!', ':', ';', ',']);
    let subsection = |heading: &Heading| matches!(&heading.numbering, Some(Numbering::Decimal(parts)) if (2..=3).contains(&parts.len()));
    if !goes_on || !numbered(first.trim()).is_some_and(|heading| subsection(&heading)) {
        return None;
    }
    heading(&format!("{} {second}", first.trim())).filter(subsection)
}

/// Whether `line` and `next` are a numbered subheading wrapped over two lines
/// ([`wrapped_subheading`]) printed directly above its paragraph's first line (`after`) in one
/// block, after the end of a sentence or a section's heading (`before`), as
/// [`is_glued_numbered_heading`] tells one of one line.
pub(super) fn is_glued_wrapped_subheading(
    line: &str,
    before: Option<&str>,
    next: &str,
    after: &str,
) -> bool {
    wrapped_subheading(line, next).is_some()
        && is_glued_numbered_heading(&format!("{} {}", line.trim(), next.trim()), before, after)
}

/// Whether `line` is an unnumbered heading naming a usual section, in any case
/// (`Introduction`, `Results`, `Acknowledgments`), printed directly above its first paragraph
/// in one block (`Introduction`⏎`Dementia diseases are among …`), after the end of a sentence
/// or a heading (`before`) and above a paragraph's first line (`next`), as
/// [`is_glued_numbered_heading`] tells them.
pub(super) fn is_glued_named_heading(line: &str, before: Option<&str>, next: &str) -> bool {
    let line = line.trim();
    // The cheap tests first: this runs for every line of the text.
    ends_what_is_above(before)
        && opens_paragraph(line, next.trim())
        && (is_body_name(line) || is_back_matter(line))
        && heading(line).is_some_and(|heading| heading.numbering.is_none())
}

/// The most words of a subheading in sentence case printed directly above its paragraph.
const MAX_GLUED_SUBHEADING_WORDS: usize = 6;

/// Words that open sentences, not headings (in lower case).
const SENTENCE_OPENERS: [&str; 24] = [
    "then", "it", "we", "they", "this", "these", "those", "there", "here", "however", "thus", "so",
    "but", "and", "or", "as", "if", "when", "while", "our", "its", "their", "he", "she",
];

/// Whether `line` is a subheading in sentence case printed directly above its first paragraph
/// in one block (`Method`⏎`Study population`⏎`The study population comprised …`): a few words
/// that can be a heading ([`sentence_case_heading`]), opening the block under a heading split
/// off so (`after_heading`) or after a sentence's end (`before`), above a paragraph's first
/// line (`next`) at least twice as long; not in capitals, nor the start of a sentence that runs
/// on into `next`.
pub(super) fn is_glued_subheading(
    line: &str,
    before: Option<&str>,
    after_heading: bool,
    next: &str,
) -> bool {
    let line = line.trim();
    let next = next.trim();
    let placed = match before {
        None => after_heading,
        Some(before) => before.trim_end().ends_with(['.', '!', '?']),
    };
    let first = line.split_whitespace().next().unwrap_or_default();
    // `The addition of`⏎`ULBDM to the total …` and `Then it runs` are a sentence's start;
    // `PRIORITIZATION MODEL)` the rest of a heading in capitals, `Manzil Zaheer, Guru
    // Guruganesh` a reference's authors.
    placed
        && line.split_whitespace().count() <= MAX_GLUED_SUBHEADING_WORDS
        && sentence_case_heading(line).is_some()
        && !is_caps(line)
        && !line.contains([',', ';'])
        && line.matches('(').count() == line.matches(')').count()
        && !SENTENCE_OPENERS
            .iter()
            .any(|opener| first.eq_ignore_ascii_case(opener))
        && !super::inline::continues(line, next)
        && opens_paragraph(line, next)
        && 2 * line.len() <= next.len()
}

/// Whether `before`, the line above a heading in its block (if any), ends what it says: a
/// sentence, or a section's heading.
fn ends_what_is_above(before: Option<&str>) -> bool {
    before.is_none_or(|before| {
        let before = before.trim_end();
        before.ends_with(['.', '!', '?', ':'])
            || is_numbered_section_heading(before)
            || is_capital_section_heading(before)
    })
}

/// Whether `next`, the line under the heading `line` in its block, opens a paragraph: starting
/// with a capital, longer than the heading and than [`MIN_PROSE_LINE`], not numbered itself, as
/// a list's next item would be.
fn opens_paragraph(line: &str, next: &str) -> bool {
    next.len() >= MIN_PROSE_LINE
        && next.len() > line.len()
        && next.chars().next().is_some_and(char::is_uppercase)
        && numbered(next).is_none()
}

/// Whether `line` is an unnumbered heading in capitals naming a usual section of the body or
/// back matter (`METHODS`, `RESULTS AND DISCUSSION`, `ACKNOWLEDGEMENTS`), as medical journals
/// print them directly above their first paragraph.
pub(super) fn is_capital_section_heading(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    line.len() <= MAX_LEN
        && is_caps(line)
        && numbered(line).is_none()
        && (is_body_name(&lower) || is_back_matter(&lower))
}

/// The shortest first line of a paragraph that tells a heading's number without its stop
/// (`2.1`) from a chart's axis label, in bytes.
pub(super) const MIN_PROSE_LINE: usize = 40;

/// Whether `line` can open a paragraph under a heading: long enough for prose, not a
/// caption, not a numbered heading.
pub(super) fn opens_prose(line: &str) -> bool {
    let line = line.trim();
    line.len() >= MIN_PROSE_LINE
        && super::blocks::caption(line).is_none()
        && numbered(line).is_none()
}

/// `line` as a heading, if it is one: numbered, or unnumbered in Title Case or capitals.
pub(super) fn heading(line: &str) -> Option<Heading> {
    let line = line.trim();
    if line.len() > MAX_LEN || line.contains('\t') {
        return None;
    }
    if let Some(heading) = numbered(line) {
        return Some(heading);
    }
    // `A. B. Smith …` is a line of names.
    let mut chars = line.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next() == Some('.') {
        return None;
    }
    let lower = line.to_lowercase();
    let known = is_usual_part(line);
    (is_heading_text(line)
        && (is_caps(line) || is_title_case(line) || known)
        && !is_caption_or_source(&lower))
    .then(|| unnumbered(line, Style::of(line)))
}

/// Whether a line (lower case) opens a caption or a source line, not a heading.
fn is_caption_or_source(lower: &str) -> bool {
    lower.starts_with("source")
        || lower.starts_with("table ")
        || matches!(
            lower.split_whitespace().next(),
            Some("fig" | "fig." | "figure")
        )
}

/// An unnumbered heading of `title`, written in `style`.
fn unnumbered(title: &str, style: Style) -> Heading {
    Heading {
        numbering: None,
        printed: String::new(),
        title: title.to_owned(),
        style,
    }
}

/// `line` as an unnumbered heading in sentence case (`Study participants`, `Morris water
/// maze`), if its words can be one: two to fifteen words, the first capitalised, no sign of a
/// formula, a question or a sentence. Whether it is one depends on the blocks around it.
pub(super) fn sentence_case_heading(line: &str) -> Option<Heading> {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let lower = line.to_lowercase();
    // `Prevalence of S. mansoni …` abbreviates; `… were tested. Results …` is two sentences.
    let sentence_ends = line.split_whitespace().any(|word| {
        word.strip_suffix('.')
            .is_some_and(|stem| stem.chars().filter(|c| c.is_lowercase()).count() >= 2)
    });
    ((2..=MAX_WORDS).contains(&words)
        && !sentence_ends
        && is_heading_text(line)
        && letters * 4 >= line.chars().filter(|c| !c.is_whitespace()).count() * 3
        && !line.contains(['=', '<', '>', '|'])
        && !line.ends_with(['?', '!'])
        && !is_caption_or_source(&lower))
    .then(|| unnumbered(line, Style::Sentence))
}

/// Whether a heading (lower case) names one study of a paper reporting several: `Study 2`,
/// `Experiment 1b: Replication`, `Study II`, `Pilot study`.
fn is_study(title: &str) -> bool {
    let title = key(title);
    if title == "pilot study" {
        return true;
    }
    let mut words = title.split_whitespace();
    let (Some("study" | "experiment"), Some(label)) = (words.next(), words.next()) else {
        return false;
    };
    let label = label.trim_end_matches([':', '.', ',']);
    label.starts_with(|c: char| c.is_ascii_digit())
        || roman(&label.to_uppercase()).is_some()
        || matches!(label, "one" | "two" | "three" | "four" | "five" | "six")
}

/// A section open in the builder.
#[derive(Clone, Debug)]
struct Open {
    numbering: Option<Numbering>,
    /// Numbered by a list that restarts inside a section (`1.` after `4.1`).
    local: bool,
    style: Style,
    /// Whether its title is a usual section name (`Methods`, `Results`).
    named: bool,
    /// What it heads in a report of studies, if anything.
    report: ReportPart,
}

/// What a heading heads in a paper reporting studies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReportPart {
    /// Neither of the others.
    Other,
    /// One study of several (`Study 2`): the unnumbered parts of its report nest in it.
    Study,
    /// An unnumbered `Method`: the unnumbered parts of a method (`Participants`) nest in it.
    Method,
}

impl ReportPart {
    /// What `heading` heads.
    fn of(heading: &Heading) -> Self {
        if is_study(&heading.title) {
            Self::Study
        } else if heading.numbering.is_none() && is_method(&heading.title.to_lowercase()) {
            Self::Method
        } else {
            Self::Other
        }
    }
}

/// The sections open now, to nest the next heading.
#[derive(Debug, Default)]
pub(super) struct Outline {
    open: Vec<Open>,
    /// How the top-level headings are written (known after the first one).
    top_style: Option<Style>,
    /// The number of the last numbered top-level heading.
    top_last: Option<u32>,
}

impl Outline {
    /// Opens the section `heading` starts, closing the sections it does not nest in.
    pub(super) fn begin(&mut self, heading: &Heading, builder: &mut PaperBuilder) {
        let heading = &self.with_style_of_siblings(heading);
        let (keep, number, local) = self.place(heading);
        let keep = keep.min(MAX_DEPTH - 1);
        while self.open.len() > keep {
            self.open.pop();
            builder.end_section();
        }
        if self.open.is_empty() && self.top_style.is_none() {
            self.top_style = Some(heading.style);
        }
        builder.begin_section(&number, &heading.title);
        self.open.push(Open {
            numbering: heading.numbering.clone(),
            local,
            style: heading.style,
            named: heading.numbering.is_none() && is_body_name(&heading.title.to_lowercase()),
            report: ReportPart::of(heading),
        });
    }

    /// Closes every open section.
    pub(super) fn end_all(&mut self, builder: &mut PaperBuilder) {
        self.open.clear();
        builder.end_all_sections();
    }

    /// How many open sections stay open, the number to give the section, and whether its number
    /// belongs to a list restarting inside a section.
    fn place(&mut self, heading: &Heading) -> (usize, String, bool) {
        let printed = heading.printed.trim_end_matches(['.', ')']).to_owned();
        match &heading.numbering {
            Some(Numbering::Decimal(parts)) if parts.len() > 1 => {
                let keep = self
                    .open
                    .iter()
                    .rposition(|open| {
                        !open.local
                            && matches!(&open.numbering, Some(Numbering::Decimal(p))
                                if p.len() < parts.len() && parts.starts_with(p))
                    })
                    .map_or(0, |i| i + 1);
                (keep, printed, false)
            }
            Some(Numbering::Decimal(parts)) => {
                let n = parts.first().copied().unwrap_or_default();
                self.place_single(n, heading, printed)
            }
            Some(Numbering::Roman(n)) => self.place_single(*n, heading, printed),
            Some(Numbering::Letter(_)) => {
                let keep = self
                    .open
                    .iter()
                    .rposition(|open| {
                        !open.local
                            && (matches!(&open.numbering, Some(Numbering::Roman(_)))
                                || matches!(&open.numbering, Some(Numbering::Decimal(p)) if p.len() == 1))
                    })
                    .map_or(0, |i| i + 1);
                (keep, printed, false)
            }
            None => {
                let title = heading.title.to_lowercase();
                let in_method = is_method_part(&title)
                    .then(|| {
                        let method = |open: &Open| open.report == ReportPart::Method;
                        self.open.iter().rposition(method)
                    })
                    .flatten();
                let in_study = is_study_part(&title)
                    .then(|| {
                        let study = |open: &Open| open.report == ReportPart::Study;
                        self.open.iter().rposition(study)
                    })
                    .flatten();
                if let Some(parent) = in_method.or(in_study) {
                    return (parent + 1, String::new(), false);
                }
                let level = self.level(heading.style);
                // A heading in sentence case nests in a Title Case one only when that one is a
                // usual section name (`Methods`): among Title Case headings of its own it is
                // their sibling (`Prevalence of S. mansoni …`).
                let parent = self.open.iter().rposition(|open| {
                    open.numbering.is_some()
                        || (self.level(open.style) < level
                            && (heading.style != Style::Sentence
                                || open.style != Style::Title
                                || open.named))
                });
                let top = level == 0 || is_back_matter(&title) || is_references(&title);
                let keep = if top { 0 } else { parent.map_or(0, |i| i + 1) };
                (keep, String::new(), false)
            }
        }
    }

    /// `heading`, in sentence case when it is one word that is no usual section name
    /// (`Calculations`), which could be written either way, and follows a heading in sentence
    /// case: their sibling.
    fn with_style_of_siblings(&self, heading: &Heading) -> Heading {
        let lower = heading.title.to_lowercase();
        let one_word = heading.numbering.is_none()
            && heading.style == Style::Title
            && heading.title.split_whitespace().count() == 1
            && !(is_body_name(&lower) || is_back_matter(&lower) || is_references(&lower));
        let after_sentence = self
            .open
            .last()
            .is_some_and(|open| open.style == Style::Sentence);
        let mut heading = heading.clone();
        if one_word && after_sentence {
            heading.style = Style::Sentence;
        }
        heading
    }

    /// How deep an unnumbered heading written in `style` goes: 0 for the top-level headings'
    /// style, 1 for any other (Title Case and sentence case subsections under headings in
    /// capitals are siblings).
    fn level(&self, style: Style) -> usize {
        usize::from(self.top_style.is_some_and(|top| top != style))
    }

    /// Where a heading numbered `n` (one number: `3.`, `III.`) goes: the next top-level section,
    /// the next of a list restarting inside a section, or the first of such a list.
    fn place_single(
        &mut self,
        n: u32,
        heading: &Heading,
        printed: String,
    ) -> (usize, String, bool) {
        let top_next = self.top_last.is_none_or(|last| n == last + 1);
        let same_style_as_top = self.top_style.is_none_or(|style| style == heading.style);
        let sibling = self.open.iter().rposition(|open| {
            open.local
                && matches!(&open.numbering, Some(Numbering::Decimal(p))
                    if p.len() == 1 && p.first().is_some_and(|&m| m + 1 == n))
        });
        if let Some(at) = sibling
            && (!top_next || !same_style_as_top)
        {
            return (at, heading.printed.clone(), true);
        }
        let restarts = self.top_last.is_some_and(|last| n <= last);
        if restarts && !self.open.is_empty() && !same_style_as_top {
            return (self.open.len(), heading.printed.clone(), true);
        }
        if restarts && !self.open.is_empty() && n == 1 {
            return (self.open.len(), heading.printed.clone(), true);
        }
        self.top_last = Some(n);
        (0, printed, false)
    }
}

#[cfg(test)]
#[path = "outline_tests.rs"]
mod tests;
