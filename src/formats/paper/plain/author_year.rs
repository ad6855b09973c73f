//! In-text citations of an author–date paper, found in its running text and resolved against
//! its reference list: parenthetical (`(Smith & Jones, 2019; see also Lee et al. 2020a, p. 4)`)
//! and narrative (`Karpov and Coupe (1998)`, `King et al. (2008, p. 3)`, `Smith’s (2019)`).
//! Authors and year together must name a work of the list for a citation to be one; a
//! parenthetical part that reads as a citation but names no work is kept as printed and
//! reported. Each `(` is looked at once, within a bounded reach, so a pass is linear.

use std::collections::HashMap;
use std::ops::Range;

use crate::corpus::model::Reference;
use crate::corpus::text::MONTHS;

use super::dated::{self, year_range, year_token};
use super::inline::strip_emphasis;
use super::names::{PARTICLES, is_dotted_initial};

/// How far a parenthesis may run, in bytes, to be read as citations.
const MAX_PARENTHESIS: usize = 600;

/// The most works of one first author a citation is resolved among (a list of more is not a
/// paper's: each citation would look at them all).
const MAX_SAME_FIRST_AUTHOR: usize = 500;

/// The most words a citation's authors run back from their year (an organisation's name may
/// have ten or more).
const MAX_NARRATIVE_WORDS: usize = 12;

/// Capitalised words that start a parenthesis with a year but name no author (and the months,
/// [`MONTHS`]): such a parenthesis naming no work is not reported as a citation (one naming a
/// work, by an author called May or Winter, is one).
const NOT_AUTHORS: [&str; 16] = [
    "figure",
    "fig",
    "figs",
    "table",
    "tables",
    "section",
    "chapter",
    "appendix",
    "supplementary",
    "box",
    "eq",
    "equation",
    "video",
    "file",
    "data",
    "dataset",
];

/// A year as a citation prints it: the year (`None` for `n.d.`) and its letter (`2019a`).
type Year = (Option<i32>, Option<char>);

/// A work of the reference list as citations name it.
#[derive(Clone, Debug)]
struct Work {
    /// The reference's source id.
    key: String,
    /// Its authors' family names (organisations' whole names; a work without authors, its
    /// title), as [`family_key`] writes them.
    families: Vec<String>,
    /// Whether it has three authors or more (its entry may print only the first, "et al.").
    many: bool,
    year: Option<i32>,
    /// The letter telling it from works of the same first author and year, printed or given
    /// in list order.
    suffix: Option<char>,
    /// Whether its entry opens on its authors and year.
    dated: bool,
    /// Its first author's given name, lower case (`dave`, `d. j.`).
    given: String,
    /// Its title, as [`family_key`] writes names: what MLA's short title is compared with.
    title: String,
}

/// The works of an author–date reference list, by their first author.
#[derive(Clone, Debug, Default)]
pub(in crate::formats::paper) struct Works {
    /// One for each reference, in order.
    entries: Vec<Work>,
    by_first: HashMap<String, Vec<usize>>,
    /// See [`Works::is_dated_list`]: counted once, asked at every parenthesis.
    dated_list: bool,
}

/// A name as citations and reference lists both write it: lower case, without diacritics
/// (`Aragón` as `aragon`), particles before it dropped (`van Anken` → `anken`), a typographic
/// apostrophe straight.
fn family_key(name: &str) -> String {
    let lower: String = name
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .chars()
        .map(|c| {
            if c == '’' {
                '\''
            } else {
                nucleo_matcher::chars::normalize(c)
            }
        })
        .collect();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && words.first().is_some_and(|w| PARTICLES.contains(w)) {
        words.remove(0);
    }
    words.join(" ")
}

impl Works {
    /// The works of `references` (an unnumbered, author–date list).
    pub(in crate::formats::paper) fn of(references: &[Reference]) -> Self {
        let mut works: Vec<Work> = references
            .iter()
            .map(|reference| {
                let mut families: Vec<String> = reference
                    .creators()
                    .iter()
                    .map(|name| {
                        family_key(if name.family.is_empty() {
                            &name.literal
                        } else {
                            &name.family
                        })
                    })
                    .filter(|family| !family.is_empty())
                    .collect();
                if families.is_empty() && !reference.title.is_empty() {
                    families.push(family_key(&reference.title));
                }
                let entry = strip_emphasis(reference.printed().unwrap_or_default());
                let printed = dated::dated(&entry);
                // MLA prints no year: its "et al." closes the names (`Lee, Anna, et al. Water`).
                let et_al = printed.map_or_else(
                    || {
                        entry
                            .split(". ")
                            .next()
                            .is_some_and(|names| names.contains("et al"))
                    },
                    |d| d.authors.contains("et al"),
                );
                Work {
                    title: family_key(&reference.title),
                    key: reference.id.clone(),
                    many: et_al || families.len() >= 3,
                    families,
                    year: reference
                        .issued
                        .as_ref()
                        .and_then(|d| d.date_parts.first()?.first().copied()),
                    suffix: printed.and_then(|d| d.suffix),
                    dated: printed.is_some(),
                    given: reference
                        .creators()
                        .first()
                        .map(|name| name.given.to_lowercase())
                        .unwrap_or_default(),
                }
            })
            .collect();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, work) in works.iter().enumerate() {
            if let Some(first) = work.families.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        // Works of one first author and year printed without letters get them in list order.
        for indices in by_first.values() {
            let mut by_year: HashMap<Option<i32>, Vec<usize>> = HashMap::new();
            for &i in indices {
                if let Some(work) = works.get(i) {
                    by_year.entry(work.year).or_default().push(i);
                }
            }
            for same in by_year.values().filter(|same| same.len() > 1) {
                if same
                    .iter()
                    .all(|&i| works.get(i).is_some_and(|w| w.suffix.is_none()))
                {
                    for (&i, letter) in same.iter().zip('a'..='z') {
                        if let Some(work) = works.get_mut(i) {
                            work.suffix = Some(letter);
                        }
                    }
                }
            }
        }
        let dated_list = works.iter().filter(|w| w.dated).count() * 2 > works.len();
        Self {
            entries: works,
            by_first,
            dated_list,
        }
    }

    /// The works of `references`, a list known to be author–date though its entries are not
    /// printed (a JATS article whose citation markers print authors and years).
    pub(in crate::formats::paper) fn author_date(references: &[Reference]) -> Self {
        let mut works = Self::of(references);
        works.dated_list = true;
        works
    }

    /// Whether most entries open on their authors and year (`Smith, J. (2019).`, `Jey Han Lau
    /// and Timothy Baldwin. 2016.`): an author–date list, whose text cites by authors and year,
    /// so that numbers in brackets there (`'window': [5,10,15]`) are text.
    pub(in crate::formats::paper) fn is_dated_list(&self) -> bool {
        self.dated_list
    }

    /// Whether `given`, printed before a citation's names, gives the first author's given name
    /// or initials for every work of `keys`: Chicago's `(Dave Goulson 2010)`, `(D. Goulson et
    /// al. 2008)`, APA's `(I. H. Cheng et al., 2007)`, printed to tell apart authors of one
    /// family name.
    fn gives_first_author(&self, keys: &[String], given: &[&str]) -> bool {
        let printed: Vec<String> = given
            .iter()
            .map(|word| word.trim_end_matches('.').to_lowercase())
            .collect();
        let initials = printed.iter().all(|word| word.chars().count() == 1);
        !printed.is_empty()
            && keys.iter().all(|key| {
                self.entries
                    .iter()
                    .find(|w| &w.key == key)
                    .is_some_and(|work| {
                        let names: Vec<&str> = work
                            .given
                            .split(|c: char| c.is_whitespace() || c == '.')
                            .filter(|name| !name.is_empty())
                            .collect();
                        if initials {
                            printed.len() <= names.len()
                                && printed
                                    .iter()
                                    .zip(&names)
                                    .all(|(p, n)| n.starts_with(p.as_str()))
                        } else {
                            printed.len() == 1
                                && names.first().copied() == printed.first().map(String::as_str)
                        }
                    })
            })
    }

    /// The key of the work the authors and one year name, when exactly one does.
    fn resolve(&self, authors: &Authors, year: Option<i32>, suffix: Option<char>) -> Option<&str> {
        let (same_first, authors) = self.same_first(authors)?;
        let authors = &authors;
        let mut candidates: Vec<&Work> = same_first
            .into_iter()
            .filter(|work| work.year == year)
            .collect();
        let narrow = |candidates: &mut Vec<&Work>, keep: &dyn Fn(&Work) -> bool| {
            if candidates.iter().any(|w| keep(w)) {
                candidates.retain(|w| keep(w));
            }
        };
        if let Some(second) = authors.families.get(1) {
            narrow(&mut candidates, &|w| w.families.get(1) == Some(second));
        } else if authors.et_al {
            narrow(&mut candidates, &|w| w.many);
        } else {
            narrow(&mut candidates, &|w| w.families.len() == 1 && !w.many);
        }
        if suffix.is_some() {
            candidates.retain(|w| w.suffix == suffix);
        } else {
            // `Knuth, 1984` beside `Knuth, 1984a` and `1984b`: the work printed without a letter.
            narrow(&mut candidates, &|w| w.suffix.is_none());
        }
        only_key(candidates)
    }

    /// The works of the authors' first author, with the authors as the list names them: an
    /// organisation's name holding "and" is one name, not two authors. `None` when the list
    /// has none, or more than [`MAX_SAME_FIRST_AUTHOR`] (more than citations tell apart: none
    /// is named for sure).
    fn same_first(&self, authors: &Authors) -> Option<(Vec<&Work>, Authors)> {
        let first = authors.families.first()?;
        let (first, authors) = if let Some((first, _)) = self.by_first.get_key_value(first) {
            (first, authors.clone())
        } else {
            let (whole, _) = self.by_first.get_key_value(&authors.whole)?;
            let one = Authors {
                families: vec![whole.clone()],
                et_al: false,
                whole: whole.clone(),
            };
            (whole, one)
        };
        let same_first = self.by_first.get(first)?;
        if same_first.len() > MAX_SAME_FIRST_AUTHOR {
            return None;
        }
        let works = same_first
            .iter()
            .filter_map(|&i| self.entries.get(i))
            .collect();
        Some((works, authors))
    }

    /// The key of the one work these authors name, their year unprinted (an author–page
    /// citation's `Black`, `Green and White`, `Lee et al.`); `None` when none or several do.
    pub(super) fn resolve_without_year(&self, authors: &Authors) -> Option<&str> {
        let (same_first, authors) = self.same_first(authors)?;
        only_key(same_first.into_iter().filter(|work| {
            if let Some(second) = authors.families.get(1) {
                work.families.get(1) == Some(second)
                    && (authors.families.len() > 2 || work.families.len() == 2)
            } else if authors.et_al {
                work.many || work.families.len() >= 3
            } else {
                work.families.len() == 1 && !work.many
            }
        }))
    }

    /// The key of the one work of these authors' first author whose title starts with
    /// `short_title`: MLA's `(Morrison, Beloved 45)` beside the author's other works.
    pub(super) fn resolve_by_title(&self, authors: &Authors, short_title: &str) -> Option<&str> {
        let short = family_key(short_title);
        let starts = |title: &str| {
            title == short
                || title
                    .strip_prefix(short.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        };
        let (same_first, _) = self.same_first(authors)?;
        only_key(
            same_first
                .into_iter()
                .filter(|work| !short.is_empty() && starts(&work.title)),
        )
    }

    /// Whether the list has a work by this first author.
    pub(super) fn knows(&self, authors: &Authors) -> bool {
        authors
            .families
            .first()
            .is_some_and(|first| self.by_first.contains_key(first))
            || self.by_first.contains_key(&authors.whole)
    }
}

/// The key of the one work of `candidates`; `None` when there are none or several.
fn only_key<'w>(candidates: impl IntoIterator<Item = &'w Work>) -> Option<&'w str> {
    let mut candidates = candidates.into_iter();
    let only = candidates.next()?;
    candidates.next().is_none().then_some(only.key.as_str())
}

/// The authors a citation names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Authors {
    families: Vec<String>,
    et_al: bool,
    /// The whole as one name: an organisation's (`Department of Economic and Social Affairs`).
    whole: String,
}

/// Whether a word is written as a name starts: a capital (after an opening quotation mark:
/// a work without authors is cited by its quoted title).
fn is_capitalised(word: &str) -> bool {
    word.trim_start_matches(['‘', '“', '"'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The authors of a citation as printed (`Smith`, `Smith and Jones`, `Smith, Jones, & Lee`,
/// `Smith et al.`, `van Anken`, `World Health Organization`, `Smith’s`); `None` when it reads
/// as something else.
pub(super) fn authors(text: &str) -> Option<Authors> {
    // A work without authors is cited by its title, quoted: `(‘HBase’, no date)`.
    let text = text
        .trim()
        .trim_end_matches(',')
        .trim()
        .trim_matches(['‘', '’', '“', '”', '"'])
        .trim_end_matches(',');
    let text = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text);
    let (text, et_al) = match text
        .strip_suffix("et al.")
        .or_else(|| text.strip_suffix("et al"))
    {
        Some(before) => (before.trim().trim_end_matches(',').trim(), true),
        None => (text, false),
    };
    let mut families = Vec::new();
    for piece in text
        .split([',', '&'])
        .flat_map(|piece| piece.split(" and "))
        .map(|piece| piece.trim().trim_start_matches("and ").trim())
    {
        if piece.is_empty() {
            continue;
        }
        let words: Vec<&str> = piece.split_whitespace().collect();
        // Up to twelve words: an organisation's name (`International Conference on
        // Harmonisation E9 Expert Working Group`); a number only inside a capitalised word.
        let named = (1..=12).contains(&words.len())
            && !words
                .iter()
                .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            && words.iter().any(|w| is_capitalised(w))
            && words.first().is_some_and(|w| {
                is_capitalised(w) || PARTICLES.contains(&w.to_lowercase().as_str())
            })
            && words.iter().all(|w| {
                is_capitalised(w)
                    || PARTICLES.contains(w)
                    || ["of", "for", "the", "on", "and", "in"].contains(w)
            });
        if !named {
            return None;
        }
        families.push(family_key(piece));
    }
    (!families.is_empty()).then(|| Authors {
        families,
        et_al,
        whole: family_key(text),
    })
}

/// The years at the start of `text` (`2019`, `2019a, b`, `2019, 2020`, `n.d.`) and the bytes
/// they take; empty when it starts with none.
fn years(text: &str) -> (Vec<Year>, usize) {
    let mut out = Vec::new();
    let mut end = 0;
    let mut at = 0;
    loop {
        let rest = text.get(at..).unwrap_or_default();
        if let Some((year, suffix, len)) = year_range(rest) {
            out.push((year, suffix));
            end = at + len;
        } else if let Some(&(year, Some(_))) = out.last()
            && let Some(letter) = rest.chars().next().filter(char::is_ascii_lowercase)
            && rest
                .get(1..)
                .is_some_and(|after| after.is_empty() || after.starts_with([',', ';', ')', ' ']))
        {
            // `2019a, b`: another work of that year.
            out.push((year, Some(letter)));
            end = at + 1;
        } else {
            break;
        }
        let after = text.get(end..).unwrap_or_default();
        let gap = after.len() - after.trim_start_matches([',', ' ']).len();
        if gap == 0 || !after.starts_with(',') {
            break;
        }
        at = end + gap;
    }
    (out, end)
}

/// A citation found in running text: its byte range, and the keys of the works it names
/// (none for one that reads as a citation but names no work of the list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::formats::paper) struct Found {
    /// Where it is printed.
    pub(in crate::formats::paper) range: Range<usize>,
    /// The source ids of the works it names.
    pub(in crate::formats::paper) keys: Vec<String>,
}

/// The keys the years name with these authors; the years no work has are left out.
fn keys_of(works: &Works, authors: &Authors, years: &[Year]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for &(year, suffix) in years {
        if let Some(key) = works.resolve(authors, year, suffix)
            && !keys.iter().any(|k| k == key)
        {
            keys.push(key.to_owned());
        }
    }
    keys
}

/// Every citation of `text` naming the works of `works`, in order: in each parenthesis or
/// square bracket holding a year (a bracket nested in a parenthesis as well), and narrative
/// ones before a parenthesis of years.
pub(in crate::formats::paper) fn find(text: &str, works: &Works) -> Vec<Found> {
    let mut found = Vec::new();
    for (open, opener) in text.match_indices(['(', '[']) {
        // A parenthesis may hold brackets (read on their own), a bracket nothing nested.
        let (closer, ends): (char, &[char]) = if opener == "(" {
            (')', &[')', '('])
        } else {
            (']', &[')', '(', ']', '['])
        };
        // On a character's boundary: a limit inside `í` would leave the parenthesis unread.
        let reach = text.floor_char_boundary(text.len().min(open + MAX_PARENTHESIS));
        let Some(inner_len) = text.get(open + 1..reach).and_then(|inner| inner.find(ends)) else {
            continue;
        };
        let close = open + 1 + inner_len;
        if !text.get(close..).is_some_and(|c| c.starts_with(closer)) {
            continue;
        }
        let inner = text.get(open + 1..close).unwrap_or_default();
        if year_token(inner).is_some() {
            if let Some(citation) = narrative(text, open, close, works) {
                found.push(citation);
            }
        } else {
            parenthetical(inner, open + 1, works, &mut found);
            // A list printing no years after its names (MLA's) is cited by authors and page.
            if !works.is_dated_list() {
                super::author_page::parenthetical(text, open + 1, inner, works, &mut found);
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// The start (a byte of `before`) and keys of the longest run of up to
/// [`MAX_NARRATIVE_WORDS`] words ending `before` that names works with these years. The run
/// stays within its clause (`al.` does not end one) and starts with a name.
fn named_before(before: &str, years: &[Year], works: &Works) -> Option<(usize, Vec<String>)> {
    let before = before.trim_end();
    let mut starts: Vec<usize> = Vec::new();
    let mut at = before.len();
    for _ in 0..MAX_NARRATIVE_WORDS {
        let Some(space) = before.get(..at)?.trim_end().rfind(char::is_whitespace) else {
            starts.push(0);
            break;
        };
        let word_start = space + 1;
        let word = before.get(word_start..at).unwrap_or_default().trim();
        starts.push(word_start);
        let previous = before.get(..space).unwrap_or_default().trim_end();
        if previous.ends_with([';', ':', ')', '(', '[', ']'])
            || (previous.ends_with('.') && word != "al.")
        {
            break;
        }
        at = space;
    }
    let (start, keys) = starts.iter().rev().find_map(|&start| {
        let candidate = before.get(start..)?;
        first_name_at(candidate).filter(|&at| at == 0)?;
        let keys = keys_of(works, &authors(candidate)?, years);
        (!keys.is_empty()).then_some((start, keys))
    })?;
    // The first author's given name or initials printed before the names are the citation's.
    let mut given: Vec<&str> = Vec::new();
    let mut given_start = start;
    let mut head = before.get(..start).unwrap_or_default().trim_end();
    while given.len() < 3 {
        let word_start = head.rfind(char::is_whitespace).map_or(0, |at| at + 1);
        let word = head.get(word_start..).unwrap_or_default();
        let initial = is_dotted_initial(word);
        let name =
            given.is_empty() && is_capitalised(word) && word.chars().all(char::is_alphabetic);
        if !(initial || name) {
            break;
        }
        given.insert(0, word);
        given_start = word_start;
        head = head.get(..word_start).unwrap_or_default().trim_end();
        if name {
            break;
        }
    }
    if works.gives_first_author(&keys, &given) {
        return Some((given_start, keys));
    }
    Some((start, keys))
}

/// A narrative citation whose years are in the parenthesis from `open` to `close`: the authors
/// are the words before it. The citation runs from the authors to the `)`.
fn narrative(text: &str, open: usize, close: usize, works: &Works) -> Option<Found> {
    let (years, _) = years(text.get(open + 1..close)?);
    if years.is_empty() {
        return None;
    }
    let (start, keys) = named_before(text.get(..open)?, &years, works)?;
    Some(Found {
        range: start..close + 1,
        keys,
    })
}

/// The citations of a parenthesis's `inner` text (starting at byte `offset` of the text): in
/// each part between semicolons, the authors and years naming works (after any words leading
/// into them: `see`, `e.g.,`, `2hjr, 62% identity,`), without what follows the years
/// (`, p. 4`). A part that reads `Name, year` from its first name but names no work is
/// reported as a citation naming nothing. ABNT parts a work's authors with semicolons too
/// (`ANACHE; ROVETTO; OLIVEIRA, 2014`): parts of names alone are read with the part after them
/// when together they name a work.
fn parenthetical(inner: &str, offset: usize, works: &Works, found: &mut Vec<Found>) {
    let mut part_start = 0;
    // The names of the parts before without a year: where they start, and they in turn.
    let mut names_before: Option<(usize, Vec<&str>)> = None;
    for part in inner.split(';') {
        let part_offset = offset + part_start;
        part_start += part.len() + 1;
        if part.contains(['[', ']']) {
            // A bracket in it is read on its own.
            names_before = None;
            continue;
        }
        let Some(year_at) = year_position(part) else {
            names_before = names_alone(part).map(|(start, names)| {
                let (from, mut before) = names_before
                    .take()
                    .unwrap_or((part_offset + start, Vec::new()));
                before.push(names);
                (from, before)
            });
            continue;
        };
        let (years, years_len) = years(part.get(year_at..).unwrap_or_default());
        let end = part_offset + year_at + years_len;
        let before = part.get(..year_at).unwrap_or_default();
        if let Some((from, keys)) = names_before
            .take()
            .and_then(|names| with_names_before(names, before, &years, works))
        {
            found.push(Found {
                range: from..end,
                keys,
            });
            continue;
        }
        if let Some((start, keys)) = named_before(before, &years, works) {
            found.push(Found {
                range: part_offset + start..end,
                keys,
            });
            continue;
        }
        if let Some((start, keys)) = titled(before, &years, works) {
            found.push(Found {
                range: part_offset + start..end,
                keys,
            });
            continue;
        }
        let Some(start) = first_name_at(part) else {
            continue;
        };
        let unresolved = part
            .get(start..year_at)
            .and_then(authors)
            .is_some_and(|authors| plausibly_cites(&authors, works));
        if unresolved {
            found.push(Found {
                range: part_offset + start..end,
                keys: Vec::new(),
            });
        }
    }
}

/// A part of a parenthesis that is names alone, as ABNT writes a work's authors before the last
/// (`ANACHE` in `ANACHE; ROVETTO; OLIVEIRA, 2014`): where they start in `part`, and they.
fn names_alone(part: &str) -> Option<(usize, &str)> {
    let start = first_name_at(part)?;
    let names = part.get(start..)?.trim_end();
    (names.split_whitespace().count() <= MAX_NARRATIVE_WORDS && authors(names).is_some())
        .then_some((start, names))
}

/// The start and keys of a citation whose first authors stand in parts of their own before
/// `before`, the authors and years of the part that has years, when together they name works.
fn with_names_before(
    (from, names): (usize, Vec<&str>),
    before: &str,
    years: &[Year],
    works: &Works,
) -> Option<(usize, Vec<String>)> {
    let last = before.get(first_name_at(before)?..)?;
    let all = format!("{}, {}", names.join(", "), last.trim());
    let keys = keys_of(works, &authors(&all)?, years);
    (!keys.is_empty()).then_some((from, keys))
}

/// A work without authors cited by its title (`‘Git - Fast Version Control System’, no date`,
/// `GNU make, n.d.`): the whole of `before` (quotation marks and the comma after it aside)
/// is the title of a work of the list with these years. Its start in `before` and its keys.
fn titled(before: &str, years: &[Year], works: &Works) -> Option<(usize, Vec<String>)> {
    let title = before.trim();
    let start = before.len() - before.trim_start().len();
    let key = family_key(
        title
            .trim_end_matches(',')
            .trim_matches(['‘', '’', '“', '”', '"', ',']),
    );
    works.by_first.contains_key(&key).then_some(())?;
    let authors = Authors {
        families: vec![key.clone()],
        et_al: false,
        whole: key,
    };
    let keys = keys_of(works, &authors, years);
    (!keys.is_empty()).then_some((start, keys))
}

/// Whether authors naming no work still read as a citation worth reporting: not a word that
/// starts a parenthesis with a year but names nobody (`Figure 2, 2019`, `March 2019`), and
/// either a name the list does not have or one it has with other co-authors.
fn plausibly_cites(authors: &Authors, works: &Works) -> bool {
    let first_word = authors
        .families
        .first()
        .and_then(|first| first.split_whitespace().next())
        .unwrap_or_default();
    let first_word = first_word.trim_end_matches('.');
    !NOT_AUTHORS.contains(&first_word)
        && !MONTHS.contains(&first_word)
        && (!works.knows(authors) || authors.families.len() > 1 || authors.et_al)
}

/// Where the first name of a parenthesis's part starts, after words leading into it
/// (lower-case words and their punctuation); particles before a capitalised word start it
/// (`van der Maaten`).
pub(super) fn first_name_at(part: &str) -> Option<usize> {
    let mut at = 0;
    let mut particles_at = None;
    for word in part.split_inclusive(' ') {
        let bare = word.trim();
        if is_capitalised(bare) {
            return Some(particles_at.unwrap_or(at + (word.len() - word.trim_start().len())));
        }
        if PARTICLES.contains(&bare) {
            particles_at = particles_at.or(Some(at));
        } else if bare.chars().any(|c| c.is_ascii_digit()) {
            return None;
        } else {
            particles_at = None;
        }
        at += word.len();
    }
    None
}

/// The byte of `part` where the years of its citation begin: the first year after a space
/// (`Smith 2019`, `Smith, 2019`).
pub(super) fn year_position(part: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(space) = part.get(from..)?.find(' ') {
        let at = from + space + 1;
        if year_token(part.get(at..)?).is_some() {
            return Some(at);
        }
        from = at;
    }
    None
}

#[cfg(test)]
#[path = "author_year_tests.rs"]
mod tests;
