//! Tables, figures and numbered sections named in the text: "Table 2", "Fig. 3A", "Figures 1
//! and 2", "Tables 2–4", "S1 Fig", found by the labels the corpus gives its tables and figures,
//! whatever the paper calls them ("Box 1", "Scheme 2", "Table S1", "Table IV"); "Section 3",
//! "Sect. 2.1", "§4.3", "§§2–3", found by the numbers of the paper's sections; "Eq. (2)",
//! "Equations 1 and 3", found by the numbers its display equations print.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{FloatMark, ParagraphInfo, Segment};
use crate::corpus::item::Item;
use crate::corpus::model::{CorpusFile, ParagraphKind, SectionKind};

/// The most tables or figures a written range ("Figures 1–4") names.
const MOST_IN_A_RANGE: u32 = 50;

/// How far before a kind word a qualifier ("Supplementary", "Extended Data") is looked for,
/// in bytes.
const QUALIFIER_REACH: usize = 40;

/// The kind word of a numbered section ("Section 3", "Sect. 2.1").
const SECTION: &str = "section";

/// The kind word of a numbered display equation ("Eq. (2)", "Equation 2").
const EQUATION: &str = "equation";

/// The section sign and its plural, "§4.3", "§§2–3": kind words written as a symbol, with the
/// number straight after them or after a space.
const SECTION_SIGNS: [&str; 2] = ["§", "§§"];

/// A kind word as the text writes it: which kind, and whether "Supplementary" or "Extended
/// Data" stands before it (such a name never means the paper's own "Fig. 2").
#[derive(Clone, Copy, Debug)]
struct Kind<'k> {
    /// The kind word in its usual form (`figure`, `table`, `box`).
    word: &'k str,
    /// Whether a word such as "Supplementary" qualifies it.
    supplementary: bool,
    /// Whether it is the section sign (`§`), which its number may follow without a space.
    sign: bool,
}

/// Finds the tables and figures a paragraph names by their labels.
#[derive(Debug, Default)]
pub(super) struct FloatMatcher {
    /// `(kind word, number)` → the table or figure labelled so; both in lower case, the kind
    /// word in its usual form (`figure` for `Fig.`, `Figs`, `Figures`).
    labels: HashMap<(String, String), Item>,
    /// The same for the labels a word such as "Supplementary" qualifies ("Supplementary Table
    /// S1"): the only ones "Supplementary Table 1" in the text may name.
    supplementary: HashMap<(String, String), Item>,
    /// Every kind word the labels use, in that form.
    kinds: Vec<String>,
    /// Every way of writing a kind word (`fig`, `figs`, `figure`, `figures`; `box`, `boxes`),
    /// in lower case, with the position of its kind in `kinds`: each once, at least three
    /// letters long and starting with an ASCII letter. A form's position here is its pattern
    /// in `finder`.
    forms: Vec<(String, usize)>,
    /// Finds every form in text whose ASCII letters are in lower case; `None` without forms.
    finder: Option<AhoCorasick>,
    /// Whether some label prints its number first (PLOS's "S1 Fig", "S2 Table").
    number_first: bool,
    /// `(kind word, the letters before the digits, supplementary)` → the labels' numbers
    /// (`S3` → 3) and what they label: what a written range ("Figs. 2–9") holds is looked up
    /// here, never number by number.
    numbered: HashMap<(String, String, bool), BTreeMap<u32, Item>>,
}

/// What one paragraph names, as it is found.
struct Found<'p> {
    /// The marks, in order.
    marks: &'p mut Vec<FloatMark>,
    /// The tables and figures already linked from inside a written range: each is linked
    /// once, however many ranges hold it.
    inside_ranges: HashSet<Item>,
}

impl FloatMatcher {
    /// The matcher of `file`'s table and figure labels. A label given twice names the first
    /// table or figure that has it.
    pub(super) fn new(file: &CorpusFile) -> Self {
        let mut matcher = Self::default();
        let tables = file
            .tables
            .iter()
            .enumerate()
            .map(|(i, t)| (Item::Table(i), t.label.as_str()));
        let figures = file
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| (Item::Figure(i), f.label.as_str()));
        // A numbered section is labelled "Section 2.1", and the section sign names it too.
        let section_labels: Vec<(Item, String)> = file
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SectionKind::Section)
            .filter_map(|(i, s)| {
                let number = s.number.trim().trim_end_matches('.');
                (!number.is_empty()).then(|| (Item::Section(i), format!("Section {number}")))
            })
            .collect();
        let sections = section_labels.iter().map(|(i, l)| (*i, l.as_str()));
        // A display equation printing its number, "(2)", is labelled "Equation 2".
        let equation_labels: Vec<(Item, String)> = file
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .enumerate()
            .filter(|(_, p)| p.kind == ParagraphKind::Equation)
            .filter_map(|(i, p)| {
                let number = p.label.trim().trim_matches(['(', ')', '[', ']']).trim();
                (!number.is_empty()).then(|| (Item::Paragraph(i), format!("Equation {number}")))
            })
            .collect();
        let equations = equation_labels.iter().map(|(i, l)| (*i, l.as_str()));
        let mut qualified = Vec::new();
        for (item, label) in tables.chain(figures).chain(sections).chain(equations) {
            let Some(parsed) = parse_label(label) else {
                continue;
            };
            if !matcher.kinds.contains(&parsed.kind) {
                let position = matcher.kinds.len();
                let written_out = written_out(&parsed.kind);
                for form in forms_of(&parsed.kind) {
                    // A label's own kind word of two letters ("As 1") is too common a word to
                    // look for; the usual abbreviations ("Eq.") are not.
                    let searchable = (form.len() >= 3 || written_out.contains(&form.as_str()))
                        && form.starts_with(|c: char| c.is_ascii_alphabetic())
                        && !matcher.forms.iter().any(|(known, _)| *known == form);
                    if searchable {
                        matcher.forms.push((form, position));
                    }
                }
                if parsed.kind == SECTION {
                    matcher.forms.extend(
                        SECTION_SIGNS
                            .iter()
                            .map(|sign| ((*sign).to_owned(), position)),
                    );
                }
                matcher.kinds.push(parsed.kind.clone());
            }
            matcher.number_first |= parsed.number_first;
            let key = (parsed.kind, parsed.number);
            if parsed.supplementary {
                matcher.supplementary.entry(key.clone()).or_insert(item);
                qualified.push((key, item));
            } else {
                matcher.labels.entry(key).or_insert(item);
            }
        }
        // "Table S1" names "Supplementary Table S1" too, unless the paper's own tables have
        // that label.
        for (key, item) in qualified {
            matcher.labels.entry(key).or_insert(item);
        }
        for (supplementary, labels) in [(false, &matcher.labels), (true, &matcher.supplementary)] {
            for ((kind, number), item) in labels {
                if let Some((prefix, value)) = prefixed_number(number) {
                    matcher
                        .numbered
                        .entry((kind.clone(), prefix.to_owned(), supplementary))
                        .or_default()
                        .insert(value, *item);
                }
            }
        }
        let forms = matcher.forms.iter().map(|(form, _)| form);
        matcher.finder = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms)
            .ok()
            .filter(|_| !matcher.forms.is_empty());
        matcher
    }

    /// Whether there are labels to look for.
    pub(super) fn is_empty(&self) -> bool {
        self.finder.is_none()
    }

    /// Finds the tables and figures a paragraph's printed text names, in its plain-text
    /// segments, into its `floats`. `folded` is the printed text with its ASCII letters in
    /// lower case, where the kind words are looked for.
    pub(super) fn read(&self, info: &mut ParagraphInfo, folded: &str) {
        let mut found = Found {
            marks: &mut info.floats,
            inside_ranges: HashSet::new(),
        };
        for segment in &info.segments {
            if let Segment::Text(range) = segment {
                self.marks(&info.printed, folded, range.clone(), &mut found);
            }
        }
    }

    /// The tables and figures `text` names in `segment` (a byte range of it), in order;
    /// `folded` is `text` with its ASCII letters in lower case. A range's inner members ("2"
    /// and "3" of "Tables 1–4") are marked with an empty range where the range is written:
    /// they are linked but nothing is drawn for them.
    fn marks(&self, text: &str, folded: &str, segment: Range<usize>, out: &mut Found<'_>) {
        let (Some(finder), Some(slice), Some(folded)) = (
            &self.finder,
            text.get(segment.clone()),
            folded.get(segment.clone()),
        ) else {
            return;
        };
        // Only the places a kind word is written are read: most text holds none.
        let mut at = 0;
        for found in finder.find_iter(folded) {
            let (start, end) = (found.start(), found.end());
            let runs_on = slice
                .get(..start)
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_alphanumeric);
            let sign = slice.get(start..).is_some_and(|rest| rest.starts_with('§'));
            if start < at || runs_on || (!sign && token_end(slice, start) != end) {
                continue;
            }
            let Some(word) = self.kind_of(found.pattern().as_usize()) else {
                continue;
            };
            let kind = Kind {
                word,
                supplementary: slice.get(..start).is_some_and(ends_with_qualifier),
                sign,
            };
            // "S1 Fig" prints the number first; a section or an equation never does ("5 sec"
            // is a time).
            if self.number_first
                && word != SECTION
                && word != EQUATION
                && let Some(number) = number_before(slice, start).filter(|n| n.start >= at)
                && let Some(item) = slice.get(number.clone()).and_then(|n| self.find(kind, n))
            {
                let end = word_end_with_stop(slice, end);
                out.marks.push(FloatMark {
                    item,
                    range: segment.start + number.start..segment.start + end,
                });
                at = end;
                continue;
            }
            at = self.read_list(slice, kind, start, end, segment.start, out);
        }
    }

    /// Reads the numbers after the kind word at `word_start..word_end` of `slice` ("Figs. 2
    /// and 3", "Table 1–3"), marking each that names a table or figure; returns where reading
    /// stopped.
    fn read_list(
        &self,
        slice: &str,
        kind: Kind<'_>,
        word_start: usize,
        word_end: usize,
        offset: usize,
        out: &mut Found<'_>,
    ) -> usize {
        let after_word = word_end_with_stop(slice, word_end);
        // The number stands after spaces and at most an opening parenthesis ("Eq. (2)", each
        // number of its list in parentheses too): nothing further is looked at, so a run of
        // "§§§…" is read once, not once a sign.
        let rest = slice.get(after_word..).unwrap_or_default();
        let spaced = rest.trim_start();
        let parenthesised = spaced.starts_with('(');
        let from = slice.len() - spaced.len() + usize::from(parenthesised);
        // "Fig.1", "§3" and "Eq.(2)" are written without a space; "Table1" is one word, not a
        // label.
        let after_space = spaced.len() < rest.len();
        if !(after_space || after_word > word_end || kind.sign || parenthesised)
            || !alphanumeric_at(slice, from)
        {
            return after_word;
        }
        let Some(first) = next_token(slice, from).filter(|token| token.start == from) else {
            return after_word;
        };
        let Some(number) = slice.get(first.clone()).filter(|n| is_number(n)) else {
            return after_word;
        };
        let closed = |end: usize| {
            if parenthesised && slice.get(end..).is_some_and(|rest| rest.starts_with(')')) {
                end + 1
            } else {
                end
            }
        };
        let Some(item) = self.find(kind, number) else {
            return first.end;
        };
        out.marks.push(FloatMark {
            item,
            range: offset + word_start..offset + closed(first.end),
        });
        let mut previous = (number, closed(first.end));
        loop {
            let Some((is_range, next)) = list_continues(slice, previous.1, parenthesised) else {
                return previous.1;
            };
            let Some(number) = slice.get(next.clone()).filter(|n| is_number(n)) else {
                return previous.1;
            };
            if is_roman(number) != is_roman(previous.0) {
                return previous.1;
            }
            if is_range {
                self.mark_between(kind, (previous.0, number), offset + previous.1, out);
            }
            // A parenthesised number is marked with its parentheses, "(3)".
            let start = next.start - usize::from(parenthesised);
            let end = closed(next.end);
            if let Some(item) = self.find(kind, number) {
                out.marks.push(FloatMark {
                    item,
                    range: offset + start..offset + end,
                });
            }
            previous = (number, end);
        }
    }

    /// Marks, with an empty range at `at`, the tables or figures numbered strictly between the
    /// two ends of a written range (`S1`–`S4` too; not Roman numerals or panels' letters): at
    /// most [`MOST_IN_A_RANGE`] of them, each once in a paragraph.
    fn mark_between(
        &self,
        kind: Kind<'_>,
        (from, to): (&str, &str),
        at: usize,
        out: &mut Found<'_>,
    ) {
        let (Some((prefix, first)), Some((to_prefix, last))) =
            (prefixed_number(from), prefixed_number(to))
        else {
            return;
        };
        if !prefix.eq_ignore_ascii_case(to_prefix) || last <= first.saturating_add(1) {
            return;
        }
        let key = (
            kind.word.to_owned(),
            prefix.to_lowercase(),
            kind.supplementary,
        );
        let Some(numbers) = self.numbered.get(&key) else {
            return;
        };
        for (_, &item) in numbers
            .range(first + 1..last)
            .take(MOST_IN_A_RANGE as usize)
        {
            if out.inside_ranges.insert(item) {
                out.marks.push(FloatMark {
                    item,
                    range: at..at,
                });
            }
        }
    }

    /// The kind word the form `finder` found as pattern `pattern` writes ("Fig" → `figure`,
    /// "Tables" → `table`).
    fn kind_of(&self, pattern: usize) -> Option<&str> {
        let (_, kind) = self.forms.get(pattern)?;
        self.kinds.get(*kind).map(String::as_str)
    }

    /// The table or figure `number` names among those of `kind`: as written ("3A" when a
    /// figure is labelled so), else without a panel's letters ("3A" → figure 3).
    fn find(&self, kind: Kind<'_>, number: &str) -> Option<Item> {
        let labels = if kind.supplementary {
            &self.supplementary
        } else {
            &self.labels
        };
        let key = (kind.word.to_owned(), number.to_lowercase());
        if let Some(item) = labels.get(&key) {
            return Some(*item);
        }
        let without_panel = key.1.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (without_panel.len() < key.1.len() && without_panel.ends_with(|c: char| c.is_ascii_digit()))
            .then(|| labels.get(&(kind.word.to_owned(), without_panel.to_owned())))
            .flatten()
            .copied()
    }
}

/// What a label says: "Table 2" → `table` `2`; "Fig. 3" → `figure` `3`; "S1 Fig" → `figure`
/// `s1`, number first; "Supplementary Table S1" → `table` `s1`, supplementary.
#[derive(Debug, PartialEq, Eq)]
struct Label {
    /// The kind word in its usual form.
    kind: String,
    /// The number, in lower case.
    number: String,
    /// Whether the number comes before the kind word.
    number_first: bool,
    /// Whether a word such as "Supplementary" qualifies it.
    supplementary: bool,
}

/// What `label` says, or `None` for a label without a number ("Graphical abstract").
fn parse_label(label: &str) -> Option<Label> {
    let words: Vec<&str> = label
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_end_matches([':', '.', ',']))
        .filter(|w| !w.is_empty())
        .collect();
    let [before @ .., first, second] = words.as_slice() else {
        return None;
    };
    let supplementary = ends_with_qualifier(&before.join(" "));
    let is_word = |w: &str| w.chars().all(char::is_alphabetic) && !is_roman(w);
    let (kind, number, number_first) = if is_word(first) && is_number(second) {
        (first, second, false)
    } else if is_number(first) && is_word(second) {
        (second, first, true)
    } else {
        return None;
    };
    Some(Label {
        kind: usual_kind(kind),
        number: number.to_lowercase(),
        number_first,
        supplementary,
    })
}

/// Whether `before` ends with a word that sets a table or figure apart from the paper's own:
/// "Supplementary", "Supplemental", "Suppl.", "Supporting", "Additional", "Appendix",
/// "Extended Data" (as Nature prints it).
fn ends_with_qualifier(before: &str) -> bool {
    // The qualifier is among the last few words: only they are read, so text without spaces
    // before a kind word ("§§§…") is not read again for each.
    let before = before.trim_end();
    let tail_from = (before.len().saturating_sub(QUALIFIER_REACH)..before.len())
        .find(|&at| before.is_char_boundary(at))
        .unwrap_or(before.len());
    let mut words = before
        .get(tail_from..)
        .unwrap_or_default()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .map(|w| w.trim_end_matches('.'));
    let last = words.next().unwrap_or_default();
    [
        "supplementary",
        "supplemental",
        "suppl",
        "supp",
        "supporting",
        "additional",
        "appendix",
    ]
    .iter()
    .any(|q| q.eq_ignore_ascii_case(last))
        || (last.eq_ignore_ascii_case("data")
            && words
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("extended")))
}

/// The kind words written out and the ways their abbreviations and plurals are written.
const WRITTEN_OUT: [(&str, &[&str]); 4] = [
    ("figure", &["fig", "figs", "figure", "figures"]),
    ("table", &["tab", "tabs", "tbl", "table", "tables"]),
    (
        SECTION,
        &["sec", "secs", "sect", "sects", "section", "sections"],
    ),
    (
        EQUATION,
        &["eq", "eqs", "eqn", "eqns", "equation", "equations"],
    ),
];

/// The usual abbreviations of the kind word `kind` (none for a kind of the paper's own).
fn written_out(kind: &str) -> &'static [&'static str] {
    WRITTEN_OUT
        .iter()
        .find(|(usual, _)| *usual == kind)
        .map_or(&[], |(_, forms)| *forms)
}

/// A label's kind word in lower case, without its stop, abbreviations written out: `figure` for
/// "Fig", "Figs.", "Figure", "Figures"; `table` for "Tab.", "Tbl", "Tables".
fn usual_kind(word: &str) -> String {
    let lower = word.trim_end_matches('.').to_lowercase();
    match WRITTEN_OUT
        .iter()
        .find(|(_, forms)| forms.contains(&lower.as_str()))
    {
        Some((usual, _)) => (*usual).to_owned(),
        None => lower,
    }
}

/// The ways of writing a kind word: singular and plural, and the usual abbreviations of
/// "figure", "table", "section" and "equation".
fn forms_of(kind: &str) -> Vec<String> {
    let mut forms = vec![kind.to_owned(), format!("{kind}s"), format!("{kind}es")];
    forms.extend(written_out(kind).iter().map(|form| (*form).to_owned()));
    forms
}

/// Whether `token` reads as a table's or figure's number: digits, with letters before or after
/// ("S1", "3A", "A2") or dots between ("2.1"), or a Roman numeral in capitals ("IV").
fn is_number(token: &str) -> bool {
    if is_roman(token) {
        return true;
    }
    token.chars().any(|c| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        && !token.ends_with('.')
        && token.chars().filter(char::is_ascii_alphabetic).count() <= 2
}

/// Whether `token` is a Roman numeral in capitals, up to 39 (`I` … `XXXIX`).
fn is_roman(token: &str) -> bool {
    !token.is_empty() && token.len() <= 6 && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// `S12` → ("S", 12); `3` → ("", 3); `None` when letters follow the digits or nothing does.
fn prefixed_number(token: &str) -> Option<(&str, u32)> {
    let digits_from = token.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = token.split_at(digits_from);
    Some((prefix, digits.parse().ok()?))
}

/// The next token of `slice` from byte `from`: a run of letters and digits (with dots between
/// digits, "2.1") that does not run on from a word before it, or `None` at the end. Read byte
/// by byte, decoding only what is not ASCII: it runs over all the text.
fn next_token(slice: &str, from: usize) -> Option<Range<usize>> {
    let bytes = slice.as_bytes();
    let mut at = from;
    loop {
        let start = at + bytes.get(at..)?.iter().position(|&b| starts_word(b))?;
        let start = if bytes.get(start).is_some_and(u8::is_ascii) || alphanumeric_at(slice, start) {
            start
        } else {
            // A byte of a character that is not a letter or digit: go past it.
            at = start + 1;
            continue;
        };
        let end = token_end(slice, start);
        let runs_on = slice
            .get(..start)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        if !runs_on {
            return Some(start..end);
        }
        at = end.max(start + 1);
    }
}

/// Whether byte `b` may start a token: an ASCII letter or digit, or the first byte of a
/// character that is not ASCII (checked when found).
fn starts_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0xC0
}

/// Whether the character starting at byte `at` of `slice` is a letter or digit.
fn alphanumeric_at(slice: &str, at: usize) -> bool {
    slice
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Where the token starting at `start` ends.
fn token_end(slice: &str, start: usize) -> usize {
    let bytes = slice.as_bytes();
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        let dot_between_digits = b == b'.'
            && end > start
            && bytes.get(end - 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_alphanumeric() || dot_between_digits {
            end += 1;
        } else if b >= 0x80 {
            match slice.get(end..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

/// The number written before a kind word starting at `start`, spaces between ("S1" of "S1
/// Fig"): its byte range.
fn number_before(slice: &str, start: usize) -> Option<Range<usize>> {
    let before = slice.get(..start)?;
    let trimmed = before.trim_end_matches(char::is_whitespace);
    if trimmed.len() == before.len() {
        return None;
    }
    let number_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let number = number_start..trimmed.len();
    trimmed
        .get(number.clone())
        .is_some_and(is_number)
        .then_some(number)
}

/// Where a kind word ending at `end` ends with its abbreviation's stop ("Fig.").
fn word_end_with_stop(slice: &str, end: usize) -> usize {
    if slice.get(end..).is_some_and(|rest| rest.starts_with('.')) {
        end + 1
    } else {
        end
    }
}

/// After a number ending at `end`, whether another follows in the same list: `, 3`, ` and 3`,
/// `, and 3`, ` & 3`, ` or 3`, or a range `–3`, `-3`, ` to 3`; in a `parenthesised` list each
/// number in its parentheses (` and (3)`, `–(3)`). Gives whether it is a range and where the
/// next number is.
fn list_continues(slice: &str, end: usize, parenthesised: bool) -> Option<(bool, Range<usize>)> {
    let rest = slice.get(end..)?;
    let trimmed = rest.trim_start();
    let (is_range, after) = if let Some(after) = trimmed.strip_prefix(['–', '-', '—']) {
        (true, after)
    } else if let Some(after) = trimmed.strip_prefix(',') {
        let after = after.trim_start();
        (false, after.strip_prefix("and ").unwrap_or(after))
    } else if let Some(after) = ["and ", "& ", "or "]
        .iter()
        .find_map(|word| trimmed.strip_prefix(word))
    {
        (false, after)
    } else {
        (true, trimmed.strip_prefix("to ")?)
    };
    let after = after.trim_start();
    let after = if parenthesised {
        after.strip_prefix('(')?
    } else {
        after
    };
    let next_start = slice.len() - after.len();
    if !alphanumeric_at(slice, next_start) {
        return None;
    }
    let next = next_token(slice, next_start)?;
    (next.start == next_start).then_some((is_range, next))
}

#[cfg(test)]
#[path = "floats_tests.rs"]
mod tests;
