//! Imported text written in the corpus syntax: paragraphs with their citations (each marker
//! with its printed form, a marker the source split joined again), footnote markers and
//! escapes; tables with their columns' kinds; the works a caption cites.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use crate::corpus::citations::{self, Cite, CitedWork, Piece};
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::{
    Column, ColumnKind, HeaderCell, Reference, Table, TableFootnote, TableRow,
};
use crate::corpus::table_series::{cell_number, prints_a_number};

use super::builder::{Collapsed, Rich, Span, TableDraft, collapse_whitespace, float_label};
use super::finish::{Ids, slug};

/// How long a printed marker may be: longer source text is kept as text, followed by the
/// citation.
pub(super) const MAX_PRINTED: usize = 300;

/// Writes imported text in the corpus syntax, counting citations and what could not be linked.
pub(super) struct Writer<'a> {
    /// Whether the references carry the numbers the paper's bracketed markers print: a number
    /// in parentheses in the text is then written so that it cites nothing.
    pub(super) numbered: bool,
    /// Each reference's source id → its corpus id.
    pub(super) references: &'a HashMap<String, String>,
    /// Each reference's corpus id → its printed number, when the paper numbers them.
    pub(super) numbers: &'a HashMap<String, u32>,
    /// Each footnote's source id → its corpus id.
    pub(super) footnotes: &'a HashMap<String, String>,
    /// The references, numbered.
    pub(super) records: &'a [Reference],
    /// Whether some source id or citation key differs from its reference's corpus id, so that
    /// a Pandoc citation's keys must be rewritten.
    pub(super) renamed_keys: bool,
    /// The references' corpus ids, gathered when a rewritten citation first needs them.
    pub(super) corpus_ids: OnceCell<HashSet<String>>,
    /// The keys references are cited by, under their lower-case form: gathered when a key
    /// missing from the bibliography is first reported.
    pub(super) keys_by_lower_case: OnceCell<HashMap<String, Vec<String>>>,
    /// What a Pandoc citation in a caption prints for each reference, by corpus id: made
    /// when a caption first needs it.
    pub(super) works: OnceCell<HashMap<String, CitedWork>>,
    /// What writing found so far.
    pub(super) stats: Stats,
}

/// What writing the text found.
#[derive(Default)]
pub(super) struct Stats {
    /// Citation groups written (`[2], [4]` counts one).
    pub(super) citation_groups: usize,
    /// Citations of a reference written (`[2], [4]` counts two).
    pub(super) citations: usize,
    /// Markers kept as text for want of a target.
    pub(super) unresolved: usize,
    /// Warnings to report with the import.
    pub(super) warnings: Vec<Diagnostic>,
    /// Keys cited but missing from the bibliography, each reported once.
    missing_keys: HashSet<String>,
}

impl Writer<'_> {
    /// `rich` as paragraph text in the corpus syntax, whitespace collapsed.
    pub(super) fn write(&mut self, rich: &Rich) -> String {
        let capacity = rich.spans.iter().map(Span::text_len).sum::<usize>() + 16;
        let mut out = Collapsed::with_capacity(capacity);
        let mut spans = rich.spans.iter().peekable();
        // The last character of the marker just written, if the span before was one, and
        // whether that marker held a word.
        let mut after_marker = None;
        let mut after_words = false;
        while let Some(span) = spans.next() {
            let marker = match span {
                Span::Cite { printed, .. } | Span::Unresolved(printed) => Some(printed.trim()),
                _ => None,
            };
            let first = marker.and_then(|m| m.chars().next());
            // GROBID drops the space between the works of one group: `(Smith, 2018;` and
            // `Jones, 2019)` are printed with one between them; and between markers of words
            // (`CoNLL-2003`, `and ACE-2005`, `(e.g., Lample et al., 2016`), never between
            // numbers (`1`, `,2`).
            let group =
                matches!(after_marker, Some(';' | ',')) && first.is_some_and(char::is_alphanumeric);
            let words = after_words
                && after_marker.is_some_and(char::is_alphanumeric)
                && first.is_some_and(|c| c.is_alphabetic() || c == '(');
            if group || words {
                out.push(" ");
            }
            after_marker = marker.and_then(|m| m.chars().next_back());
            after_words = marker.is_some_and(|m| m.chars().any(char::is_alphabetic));
            match span {
                Span::Text(text) => out.push_escaped(text),
                Span::Unresolved(text) => {
                    self.stats.unresolved += 1;
                    out.push_escaped(text);
                }
                Span::Cite { printed, keys } if bracket_depth(printed) > 0 => {
                    let (printed, keys) = join_split_marker(printed, keys, &mut spans);
                    after_marker = printed.trim().chars().next_back();
                    self.cite(&mut out, &printed, &keys);
                }
                Span::Cite { printed, keys } => self.cite(&mut out, printed, keys),
                Span::Footnote(id) => {
                    if let Some(id) = self.footnotes.get(id) {
                        out.push(&format!("[^{id}]"));
                    }
                }
                Span::Marked(text) => self.marked(&mut out, text),
                Span::Math(tex) => {
                    let tex = tex.trim();
                    let written = format!("${tex}$");
                    if citations::reads_as_inline_math(tex) {
                        out.push(&written);
                    } else {
                        // Kept as the source writes it, dollars and all, as text.
                        out.push_escaped(&written);
                    }
                }
            }
        }
        let text = out.finish();
        if self.numbered && text.contains('(') {
            escape_parenthesised_markers(text)
        } else {
            text
        }
    }

    /// `rich` as printed, for the texts the corpus holds as printed (captions, notes):
    /// [`Rich::plain`], with a Pandoc citation whose works are all in the bibliography printed
    /// as the Reader prints it in the text (`(Smith, 2020)`, `Smith (2020)`).
    pub(super) fn printed(&self, rich: &Rich) -> String {
        if !rich
            .spans
            .iter()
            .any(|span| matches!(span, Span::Marked(_)))
        {
            return rich.plain();
        }
        let spans = rich.spans.iter().map(|span| match span {
            Span::Marked(text) => Span::Text(self.marked_as_printed(text, &mut Vec::new())),
            other => other.clone(),
        });
        Rich {
            spans: spans.collect(),
        }
        .plain()
    }

    /// A table header as printed: each Pandoc citation in it naming only known works in its
    /// printed form, everything else as written; when one is printed, the ids of the works its
    /// citations name are added to `cites`.
    fn header_as_printed(&self, text: &str, cites: &mut Vec<String>) -> String {
        if !text.contains('@') {
            return text.to_owned();
        }
        let mut named = Vec::new();
        let printed = self.marked_as_printed(text, &mut named);
        if printed != text {
            cites.append(&mut named);
        }
        printed
    }

    /// Text in the corpus syntax as printed: each Pandoc citation naming only known works in
    /// its printed form, everything else as written. The ids of the known works every citation
    /// in it names are added to `named`.
    fn marked_as_printed(&self, text: &str, named: &mut Vec<String>) -> String {
        let works = self.works.get_or_init(|| {
            self.records
                .iter()
                .map(|reference| {
                    let work = CitedWork::of(reference, reference.citation_number);
                    (reference.id.clone(), work)
                })
                .collect()
        });
        let work = |key: &str| works.get(self.references.get(key)?);
        let mut out = String::with_capacity(text.len());
        let mut written_to = 0;
        for piece in citations::parse(text).0 {
            let Piece::Group(group) = piece else {
                continue;
            };
            named.extend(
                group
                    .cites
                    .iter()
                    .filter_map(|cite| self.references.get(cite.key).cloned()),
            );
            if !group.cites.iter().all(|cite| work(cite.key).is_some()) {
                continue;
            }
            out.push_str(text.get(written_to..group.range.start).unwrap_or_default());
            out.push_str(&citations::printed_form(&group, work));
            written_to = group.range.end;
        }
        out.push_str(text.get(written_to..).unwrap_or_default());
        out
    }

    /// The references a numeric marker's ranges name (`[2–4]` is `(2, 4)`), range by range, as
    /// the corpus index resolves them: those carrying a number in the range; a range written
    /// backwards names none.
    fn numbered(&self, numbers: Vec<(u32, u32)>) -> impl Iterator<Item = &Reference> {
        numbers.into_iter().flat_map(move |(from, to)| {
            self.records
                .iter()
                .filter(move |r| r.citation_number.is_some_and(|n| (from..=to).contains(&n)))
        })
    }

    /// The references a figure's or table's own texts (its caption, a table's notes) cite, by
    /// id, each once in the order first cited: their citation markers, Pandoc citations whose
    /// keys name a reference, and printed numbers (`[1]`, `[2–4]`) of numbered references. The
    /// texts themselves are kept as printed.
    pub(super) fn cited_in<'r>(&self, texts: impl IntoIterator<Item = &'r Rich>) -> Vec<String> {
        let mut found: Vec<&String> = Vec::new();
        for span in texts.into_iter().flat_map(|text| &text.spans) {
            match span {
                Span::Cite { keys, .. } => {
                    found.extend(keys.iter().filter_map(|key| self.references.get(key)));
                }
                Span::Marked(text) => {
                    for piece in citations::parse(text).0 {
                        match piece {
                            Piece::Group(group) => found.extend(
                                group
                                    .cites
                                    .iter()
                                    .filter_map(|cite| self.references.get(cite.key)),
                            ),
                            Piece::Numeric(marker) => {
                                found.extend(self.numbered(marker.numbers).map(|r| &r.id));
                            }
                            Piece::Text(_) | Piece::Footnote { .. } | Piece::Math { .. } => {}
                        }
                    }
                }
                Span::Text(_) | Span::Unresolved(_) | Span::Footnote(_) | Span::Math(_) => {}
            }
        }
        let mut ids: Vec<String> = Vec::new();
        for id in found {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }

    fn cite(&mut self, out: &mut Collapsed, printed: &str, keys: &[String]) {
        let mut ids: Vec<&str> = Vec::new();
        for key in keys {
            if let Some(id) = self.references.get(key)
                && !ids.contains(&id.as_str())
            {
                ids.push(id);
            }
        }
        let printed = collapse_whitespace(printed);
        if ids.is_empty() {
            self.stats.unresolved += 1;
            out.push_escaped(&printed);
            return;
        }
        self.stats.citation_groups += 1;
        self.stats.citations += ids.len();
        let printed = if printed.is_empty() {
            ids.iter()
                .filter_map(|id| self.numbers.get(*id))
                .map(|n| format!("[{n}]"))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            printed
        };
        // A bracket the marker does not close is escaped (`[\\[1,]{@b0}` prints `[1,`).
        let written = if balanced(&printed) {
            printed.clone()
        } else {
            printed.replace('[', "\\[").replace(']', "\\]")
        };
        let printed = if written.len() > MAX_PRINTED {
            out.push_escaped(&printed);
            String::new()
        } else {
            written
        };
        let keys: Vec<String> = ids.iter().map(|id| format!("@{id}")).collect();
        out.push(&format!("[{printed}]{{{}}}", keys.join("; ")));
    }

    /// Whether a Pandoc citation's `key` cites a reference: a source id or key it is known by,
    /// or, in a text whose keys were rewritten, its corpus id.
    fn cites_a_reference(&self, key: &str, rewritten: bool) -> bool {
        self.references.contains_key(key)
            || (rewritten
                && self
                    .corpus_ids
                    .get_or_init(|| self.records.iter().map(|r| r.id.clone()).collect())
                    .contains(key))
    }

    /// `text` with each Pandoc citation key that names a reference by another name (its source
    /// id, or a key naming its DOI) written as the reference's corpus id; `None` when none does.
    fn with_corpus_ids(&self, text: &str) -> Option<String> {
        if !text.contains('@') {
            return None;
        }
        let (pieces, _) = citations::parse(text);
        let mut renames: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
        for piece in &pieces {
            if let Piece::Group(group) = piece {
                for cite in &group.cites {
                    if let Some(id) = self.references.get(cite.key)
                        && id != cite.key
                    {
                        renames.push((cite.key_range.clone(), id));
                    }
                }
            }
        }
        if renames.is_empty() {
            return None;
        }
        let mut written = String::with_capacity(text.len());
        let mut at = 0;
        for (range, id) in renames {
            written.push_str(text.get(at..range.start)?);
            written.push_str(id);
            at = range.end;
        }
        written.push_str(text.get(at..)?);
        Some(written)
    }

    /// The warning for a cited `key` no reference has; it names the bibliography's key that
    /// differs from it only in capitals (`@Kamm2000` for `kamm2000`), which BibTeX would take.
    fn missing_key_warning(&self, key: &str) -> Diagnostic {
        let by_lower_case = self.keys_by_lower_case.get_or_init(|| {
            let mut keys: HashMap<String, Vec<String>> = HashMap::new();
            for known in self.references.keys() {
                keys.entry(known.to_ascii_lowercase())
                    .or_default()
                    .push(known.clone());
            }
            keys
        });
        let mut near: Vec<&String> = by_lower_case
            .get(&key.to_ascii_lowercase())
            .into_iter()
            .flatten()
            .collect();
        near.sort_unstable();
        match near.first() {
            Some(known) => Diagnostic::warning(
                Code::MissingBibliographyEntry,
                format!(
                    "the text cites `@{key}`, which is not in the bibliography (it has \
                     `{known}`, in other capitals): kept as printed text"
                ),
                format!(
                    "write the key as the bibliography does, `@{known}`, and open the paper again"
                ),
            ),
            None => Diagnostic::warning(
                Code::MissingBibliographyEntry,
                format!(
                    "the text cites `@{key}`, which is not in the bibliography: kept as printed \
                     text"
                ),
                "add the entry to the bibliography file (or correct the key) and open the \
                 paper again",
            ),
        }
    }

    /// Text already in the corpus syntax; a Pandoc citation of a key no reference has is kept
    /// as escaped text and reported once per key.
    fn marked(&mut self, out: &mut Collapsed, text: &str) {
        let renamed = self
            .renamed_keys
            .then(|| self.with_corpus_ids(text))
            .flatten();
        let text = renamed.as_deref().unwrap_or(text);
        let (pieces, _) = citations::parse(text);
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.push(text),
                Piece::Group(group) => {
                    let whole = text.get(group.range.clone()).unwrap_or_default();
                    let missing: Vec<&str> = group
                        .cites
                        .iter()
                        .map(|cite| cite.key)
                        .filter(|key| !self.cites_a_reference(key, renamed.is_some()))
                        .collect();
                    if missing.is_empty() {
                        self.stats.citation_groups += 1;
                        let mut keys: Vec<&str> = group.cites.iter().map(|c| c.key).collect();
                        keys.sort_unstable();
                        keys.dedup();
                        self.stats.citations += keys.len();
                        out.push(whole);
                        continue;
                    }
                    self.stats.unresolved += 1;
                    let kept = (group.printed.is_none() && missing.len() < group.cites.len())
                        .then(|| without_missing(whole, &group.cites, &missing))
                        .flatten();
                    for key in missing {
                        if self.stats.missing_keys.insert(key.to_owned()) {
                            let warning = self.missing_key_warning(key);
                            self.stats.warnings.push(warning);
                        }
                    }
                    match kept {
                        Some((written, cited)) => {
                            self.stats.citation_groups += 1;
                            self.stats.citations += cited;
                            out.push(&written);
                        }
                        None => out.push_escaped(whole),
                    }
                }
                Piece::Numeric(marker) => {
                    self.stats.citation_groups += 1;
                    self.stats.citations += self.numbered(marker.numbers).count();
                    out.push(marker.written);
                }
                Piece::Footnote { range, .. } | Piece::Math { range, .. } => {
                    out.push(text.get(range).unwrap_or_default());
                }
            }
        }
    }

    pub(super) fn table(
        &mut self,
        draft: &TableDraft,
        id: String,
        section: Option<String>,
        after_paragraph: Option<String>,
    ) -> Table {
        let width = draft
            .rows
            .iter()
            .map(Vec::len)
            .chain(draft.header_rows.iter().map(|row| {
                row.iter()
                    .map(|(_, span)| usize::try_from((*span).max(1)).unwrap_or(1))
                    .sum()
            }))
            .max()
            .unwrap_or(0)
            .max(1);
        // Headers as printed: a Pandoc citation of known works in one (`@Aguila2023`, a column
        // per related package) prints as the text prints it, and the table cites the work.
        let mut header_cites = Vec::new();
        let printed_headers: Vec<Vec<(String, u32)>> = draft
            .header_rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|(text, span)| (self.header_as_printed(text, &mut header_cites), *span))
                    .collect()
            })
            .collect();
        // The header each column is known by: its cell in the last header row that has text
        // there (spans repeated), so a blank cell under "Age" leaves the column "Age".
        let mut names = vec![String::new(); width];
        for row in &printed_headers {
            let mut column = 0;
            for (text, span) in row {
                let span = usize::try_from((*span).max(1)).unwrap_or(1);
                let text = collapse_whitespace(text);
                if !text.is_empty() {
                    for name in names.iter_mut().skip(column).take(span) {
                        name.clone_from(&text);
                    }
                }
                column += span;
            }
        }
        let rows: Vec<Vec<String>> = draft
            .rows
            .iter()
            .map(|row| {
                let mut cells: Vec<String> = row.iter().map(|cell| self.write(cell)).collect();
                cells.resize(width, String::new());
                cells
            })
            .collect();
        let mut column_ids = Ids::default();
        let columns = names
            .iter()
            .enumerate()
            .map(|(position, header)| Column {
                id: column_ids.claim(&slug(header), &format!("c{}", position + 1)),
                header: header.clone(),
                kind: column_kind(
                    rows.iter()
                        .enumerate()
                        .filter(|(n, _)| draft.part_headers.binary_search(n).is_err())
                        .filter_map(|(_, row)| row.get(position)),
                ),
                unit: String::new(),
            })
            .collect();
        let header_rows = header_rows(&printed_headers, width);
        let mut references = self.cited_in(
            std::iter::once(&draft.caption).chain(draft.footnotes.iter().map(|(_, note)| note)),
        );
        for id in header_cites {
            if !references.contains(&id) {
                references.push(id);
            }
        }
        Table {
            label: float_label(&draft.label),
            caption: self.printed(&draft.caption),
            references,
            section,
            after_paragraph,
            header_rows,
            columns,
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(n, cells)| TableRow {
                    id: format!("{id}.r{}", n + 1),
                    cells,
                    ..TableRow::default()
                })
                .collect(),
            footnotes: draft
                .footnotes
                .iter()
                .map(|(marker, text)| TableFootnote {
                    marker: collapse_whitespace(marker),
                    text: self.printed(text),
                })
                .collect(),
            id,
        }
    }
}

/// A table's header rows as the corpus keeps them: none when one row of single cells (its
/// columns' headers say it all), else every row, each cell with its span. A row the source
/// leaves short (LaTeX's `\multicolumn{2}{c}{Part} \\` over three columns) ends in blank
/// cells, as it is printed.
fn header_rows(rows: &[Vec<(String, u32)>], width: usize) -> Vec<Vec<HeaderCell>> {
    if rows.len() <= 1 && rows.iter().flatten().all(|(_, span)| *span <= 1) {
        return Vec::new();
    }
    rows.iter()
        .map(|row| {
            let mut cells: Vec<HeaderCell> = row
                .iter()
                .map(|(text, span)| HeaderCell {
                    text: collapse_whitespace(text),
                    span: (*span).max(1),
                })
                .collect();
            let spanned: usize = cells
                .iter()
                .map(|cell| usize::try_from(cell.span).unwrap_or(1))
                .sum();
            cells.extend((spanned..width).map(|_| HeaderCell {
                text: String::new(),
                span: 1,
            }));
            cells
        })
        .collect()
}

/// The kind of a column from its cells: years, percentages, numbers or text.
fn column_kind<'a>(cells: impl Iterator<Item = &'a String>) -> ColumnKind {
    let cells: Vec<&str> = cells
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && !is_dash(c))
        .collect();
    if cells.is_empty() {
        return ColumnKind::Text;
    }
    let is_year = |c: &str| {
        c.len() == 4
            && c.chars().all(|ch| ch.is_ascii_digit())
            && (1000..=2200).contains(&c.parse::<u32>().unwrap_or(0))
    };
    if cells.iter().all(|c| is_year(c)) {
        ColumnKind::Year
    } else if cells
        .iter()
        .all(|c| c.ends_with('%') && cell_number(c).is_some())
    {
        ColumnKind::Percent
    } else if cells.iter().all(|c| prints_a_number(c)) {
        ColumnKind::Number
    } else {
        ColumnKind::Text
    }
}

/// A bracketed Pandoc group `whole` (`[@a; see @gone; @b, p. 3]`) citing the works of
/// `cites` but for the keys `missing` no reference has, rewritten to cite the others: a missing
/// key is printed as Pandoc prints it (`gone?`, after its prefix) after the work before it
/// (`[@a, see gone?; @b, p. 3]`), or before the first when it leads. With how many distinct works it still cites;
/// `None` when the group cannot be taken apart entry by entry.
fn without_missing(whole: &str, cites: &[Cite<'_>], missing: &[&str]) -> Option<(String, usize)> {
    let plain = |key: &str| {
        key.chars()
            .all(|c| c.is_alphanumeric() || "_:.#$%&-+<>~/".contains(c))
    };
    if !missing.iter().all(|key| plain(key)) {
        return None;
    }
    let content = whole.strip_prefix('[')?.strip_suffix(']')?;
    let entries: Vec<&str> = crate::corpus::citations::group_entries(content).collect();
    if entries.len() != cites.len() {
        return None;
    }
    let missing: HashSet<&str> = missing.iter().copied().collect();
    let mut kept: Vec<String> = Vec::new();
    let mut leading: Vec<String> = Vec::new();
    let mut keys: HashSet<&str> = HashSet::new();
    for (entry, cite) in entries.iter().zip(cites) {
        if missing.contains(cite.key) {
            let shown = if cite.prefix.is_empty() {
                format!("{}?", cite.key)
            } else {
                format!("{} {}?", cite.prefix, cite.key)
            };
            match kept.last_mut() {
                Some(before) => {
                    before.push_str(", ");
                    before.push_str(&shown);
                }
                None => leading.push(shown),
            }
            continue;
        }
        let mut entry = entry.trim().to_owned();
        if kept.is_empty() && !leading.is_empty() {
            entry = format!("{}, {entry}", leading.join(", "));
        }
        keys.insert(cite.key);
        kept.push(entry);
    }
    (!kept.is_empty()).then(|| (format!("[{}]", kept.join("; ")), keys.len()))
}

/// A cell that says "nothing here": `–`, `-`, `—`, `NA`.
fn is_dash(cell: &str) -> bool {
    matches!(cell, "-" | "–" | "—" | "NA" | "n/a" | "N/A" | "..." | "…")
}

/// A marker the source split in pieces (GROBID's `[1,` and `7]`), whose first piece is
/// `printed` citing `keys`: the pieces that follow with nothing between, up to the one that
/// closes its bracket, taken from `spans` and joined into one.
fn join_split_marker<'s>(
    printed: &str,
    keys: &[String],
    spans: &mut std::iter::Peekable<impl Iterator<Item = &'s Span>>,
) -> (String, Vec<String>) {
    let mut printed = printed.to_owned();
    let mut keys = keys.to_vec();
    while bracket_depth(&printed) > 0
        && let Some(Span::Cite {
            printed: more,
            keys: more_keys,
        }) = spans.peek()
    {
        printed.push_str(more);
        keys.extend(more_keys.iter().cloned());
        spans.next();
    }
    (printed, keys)
}

/// How many `[` of `text` are left open at its end (less the `]` that close nothing).
fn bracket_depth(text: &str) -> i32 {
    let opened = text.bytes().filter(|&b| b == b'[').count();
    let closed = text.bytes().filter(|&b| b == b']').count();
    i32::try_from(opened).unwrap_or(i32::MAX) - i32::try_from(closed).unwrap_or(i32::MAX)
}

/// Whether every `[` in `text` is closed by a `]` after it.
fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// `text` (written in the corpus syntax) with a backslash before each parenthesis the corpus
/// would read as a numeric citation (`(1)`, `(2, 3)`): the paper's markers are bracketed, so
/// its numbers in parentheses number equations, list items or counts (`(1) the overall
/// occurrence`, `Egypt (24)`), and cite nothing.
fn escape_parenthesised_markers(text: String) -> String {
    let starts: Vec<usize> = citations::parse(&text)
        .0
        .iter()
        .filter_map(|piece| match piece {
            Piece::Numeric(marker) if marker.parenthesised => Some(marker.range.start),
            _ => None,
        })
        .collect();
    if starts.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len() + starts.len());
    let mut written = 0;
    for start in starts {
        out.push_str(text.get(written..start).unwrap_or_default());
        out.push('\\');
        written = start;
    }
    out.push_str(text.get(written..).unwrap_or_default());
    out
}
