//! Cross-references to the paper's own figures, tables and equations, written as what they
//! print: LaTeX's `\autoref{x}` ("Figure 2"), `\ref{x}` ("2") and `\eqref{x}` ("(2)"),
//! cleveref's `\cref{x}` ("fig. 2") and `\Cref{x}` ("Figure 2"), or of several labels
//! (`\cref{a,b,c}`: "figs. 1 to 3"), pandoc-crossref's
//! `@fig:x`, `[@fig:x]` and `@Fig:x` ("fig. 2", "Fig. 2"), and Quarto's `@fig-x` ("Figure 2").
//!
//! The labels are gathered from the blocks before any text is read, so that a reference may
//! come before what it names. Figures, tables and equations are numbered here and by the
//! emitter with the same [`Counter`], in the order they stand.

use std::collections::HashMap;

use super::super::and_list;
use super::blocks::Block;
use super::inline::{Known, RawChunk, scan};
use super::spans::is_cross_reference;

/// What a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Figure,
    Table,
    Equation,
    /// A float of a kind the paper declares (Quarto's `crossref: custom:`), by its place in
    /// the paper's list.
    Custom(usize),
}

/// A kind of numbered float a Quarto paper declares in its metadata (`crossref: custom:`):
/// `@suppfig-x` names the float `{#suppfig-x}` and prints "Supplementary Figure 2".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct CustomKind {
    /// What its labels start with, before a hyphen (`suppfig`).
    pub(super) key: String,
    /// What a reference to one prints before its number (`Supplementary Figure`).
    pub(super) prefix: String,
}

impl CustomKind {
    /// Whether its floats are tables, by its name (`supptbl`, "Supplementary Table"): a float
    /// of it holding no table (a code chunk computes it) is a table without cells.
    pub(super) fn is_table(&self) -> bool {
        self.prefix.to_lowercase().contains("table")
            || ["tbl", "tab"].iter().any(|part| self.key.contains(part))
    }
}

/// The custom kind `label` (`suppfig-x`) is of, by its place in `kinds`.
pub(super) fn custom_kind(kinds: &[CustomKind], label: &str) -> Option<usize> {
    let (key, rest) = label.split_once('-')?;
    (!rest.is_empty())
        .then(|| kinds.iter().position(|kind| kind.key == key))
        .flatten()
}

/// The LaTeX commands that print a cross-reference, without the backslash.
pub(super) const COMMANDS: [&str; 5] = ["autoref", "ref", "eqref", "cref", "Cref"];

/// The numbers figures, tables and display equations take, in the order they stand; floats
/// of a custom kind are numbered apart, each kind from 1.
#[derive(Clone, Debug, Default)]
pub(super) struct Counter {
    figures: usize,
    tables: usize,
    equations: usize,
    custom: HashMap<usize, usize>,
}

impl Counter {
    /// How the next figure (or, with `table`, the next table) labelled `label` is labelled:
    /// "Figure 2", or its custom kind's "Supplementary Figure 1".
    pub(super) fn float(&mut self, label: &str, table: bool, kinds: &[CustomKind]) -> String {
        let (kind, number) = self.next_float(label, table, kinds);
        format!("{} {number}", name_of(kind, kinds))
    }

    /// The kind and number of the next figure (or table) labelled `label`.
    fn next_float(&mut self, label: &str, table: bool, kinds: &[CustomKind]) -> (Kind, usize) {
        if let Some(index) = custom_kind(kinds, label) {
            let number = self.custom.entry(index).or_default();
            *number += 1;
            (Kind::Custom(index), *number)
        } else if table {
            (Kind::Table, self.table())
        } else {
            (Kind::Figure, self.figure())
        }
    }

    /// The next figure's number.
    pub(super) fn figure(&mut self) -> usize {
        self.figures += 1;
        self.figures
    }

    /// The next table's number.
    pub(super) fn table(&mut self) -> usize {
        self.tables += 1;
        self.tables
    }

    /// The numbers a display equation takes, as LaTeX and pandoc-crossref number them, and the
    /// one its `\label` names. `environment` is the LaTeX environment (`None` for `$$ … $$`,
    /// numbered only when it has a label). A starred environment takes none, `equation` and
    /// `multline` one, `align`, `gather` and `eqnarray` one per row (rows split at `\\`) but
    /// for rows marked `\nonumber` or `\notag`.
    pub(super) fn equation(
        &mut self,
        environment: Option<&str>,
        tex: &str,
        labelled: bool,
    ) -> Numbered {
        let rows: Vec<&str> = match environment {
            None if labelled => vec![tex],
            Some("equation" | "multline") => vec![tex],
            Some("align" | "gather" | "eqnarray") => tex
                .split("\\\\")
                .filter(|row| {
                    !row.trim().is_empty()
                        && !row.contains("\\nonumber")
                        && !row.contains("\\notag")
                })
                .collect(),
            _ => Vec::new(),
        };
        let first = self.equations + 1;
        self.equations += rows.len();
        let labelled_row = rows.iter().position(|row| row.contains("\\label"));
        Numbered {
            numbers: (!rows.is_empty()).then_some((first, self.equations)),
            named: (!rows.is_empty()).then(|| labelled_row.map_or(first, |row| first + row)),
        }
    }
}

/// The numbers a display equation took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Numbered {
    /// The first and last, or none.
    numbers: Option<(usize, usize)>,
    /// The one its label names, if it took any.
    named: Option<usize>,
}

impl Numbered {
    /// How the equation is labelled beside it: `(3)`, `(3)–(5)`, or nothing.
    pub(super) fn label(self) -> String {
        match self.numbers {
            Some((first, last)) if first == last => format!("({first})"),
            Some((first, last)) => format!("({first})–({last})"),
            None => String::new(),
        }
    }
}

/// What a float of `kind` is called before its number: "Figure", or a custom kind's prefix.
fn name_of(kind: Kind, kinds: &[CustomKind]) -> &str {
    match kind {
        Kind::Figure => "Figure",
        Kind::Table => "Table",
        Kind::Equation => "Equation",
        Kind::Custom(index) => kinds.get(index).map_or("", |kind| kind.prefix.as_str()),
    }
}

/// The labels of the paper's figures, tables and equations, with their numbers.
#[derive(Debug, Default)]
pub(super) struct Targets {
    /// Each label, with what it names and its number.
    labels: HashMap<String, (Kind, usize)>,
    /// The kinds of float the paper declares.
    kinds: Vec<CustomKind>,
    /// Each subfigure's label, with its figure's kind and number and its letter.
    parts: HashMap<String, (Kind, usize, char)>,
}

impl Targets {
    /// Every label the blocks give a figure, table or display equation, floats of the custom
    /// `kinds` among them.
    pub(super) fn collect(blocks: &[Block], kinds: &[CustomKind]) -> Self {
        let mut targets = Self {
            kinds: kinds.to_vec(),
            ..Self::default()
        };
        let mut counter = Counter::default();
        for block in blocks {
            match block {
                Block::Paragraph { text } if text.contains("$$") => {
                    targets.add_display_math(text, &mut counter);
                }
                Block::Figure { label, parts, .. } => {
                    let (kind, number) = counter.next_float(label, false, kinds);
                    targets.add(Some(label), kind, number);
                    for (part, letter) in parts.iter().zip('a'..='z') {
                        let part = part.trim();
                        if !part.is_empty() {
                            targets
                                .parts
                                .entry(part.to_owned())
                                .or_insert((kind, number, letter));
                        }
                    }
                }
                Block::Table(table) => {
                    let label = table.source_label();
                    let (kind, number) = counter.next_float(label.unwrap_or_default(), true, kinds);
                    targets.add(label, kind, number);
                }
                Block::Equation {
                    environment,
                    body,
                    label,
                    ..
                } => {
                    let numbered = counter.equation(Some(environment), body, !label.is_empty());
                    if let Some(number) = numbered.named {
                        targets.add(Some(label), Kind::Equation, number);
                    }
                }
                Block::Paragraph { .. }
                | Block::Heading { .. }
                | Block::Code
                | Block::Latex
                | Block::AbstractOpens
                | Block::AbstractCloses
                | Block::CalloutOpens { .. }
                | Block::CalloutCloses => {}
            }
        }
        targets
    }

    fn add(&mut self, label: Option<&str>, kind: Kind, number: usize) {
        if let Some(label) = label.map(str::trim).filter(|label| !label.is_empty()) {
            self.labels
                .entry(label.to_owned())
                .or_insert((kind, number));
        }
    }

    /// Whether `key` (of `@key`) is a label rather than a citation key: pandoc-crossref's
    /// (`fig:x`), Quarto's (`fig-x`) or of a kind the paper declares (`suppfig-x`).
    pub(super) fn is_label(&self, key: &str) -> bool {
        is_cross_reference(key) || custom_kind(&self.kinds, key).is_some()
    }

    /// The labelled `$$ … $$ {#eq:x}` in a paragraph, numbered.
    fn add_display_math(&mut self, text: &str, counter: &mut Counter) {
        let footnotes = HashMap::new();
        let labels = std::collections::HashSet::new();
        let targets = Self::default();
        let known = Known {
            footnotes: &footnotes,
            labels: &labels,
            targets: &targets,
        };
        for chunk in scan(text, &known, true, false).chunks {
            if let RawChunk::Math { tex, label } = chunk {
                let numbered = counter.equation(None, &tex, !label.is_empty());
                if let Some(number) = numbered.named {
                    self.add(Some(&label), Kind::Equation, number);
                }
            }
        }
    }

    /// What LaTeX's `\command{label}` prints, when the label is the paper's. cleveref's
    /// `\cref{a,b,c}` and `\Cref{…}` may name several, every one of them the paper's.
    pub(super) fn command(&self, command: &str, label: &str) -> Option<String> {
        if matches!(command, "cref" | "Cref") && label.contains(',') {
            return self.cleveref_list(command == "Cref", label);
        }
        let &(kind, number) = self.labels.get(label.trim())?;
        let name = match kind {
            Kind::Figure => ["Figure", "fig."],
            Kind::Table => ["Table", "table"],
            Kind::Equation => ["Equation", "eq."],
            Kind::Custom(_) => [name_of(kind, &self.kinds); 2],
        };
        let numbered = if kind == Kind::Equation && command != "autoref" {
            format!("({number})")
        } else {
            number.to_string()
        };
        Some(match command {
            "autoref" | "Cref" => format!("{} {numbered}", name[0]),
            "cref" => format!("{} {numbered}", name[1]),
            "eqref" => format!("({number})"),
            _ => number.to_string(),
        })
    }

    /// What cleveref prints for several labels, as it does by default: grouped by kind in the
    /// order each kind first comes, numbers sorted, a run of three or more written as a range,
    /// the last item joined by "and": "figs. 1 to 3 and 5", "fig. 1 and table 2",
    /// "Equations (1) and (2)".
    fn cleveref_list(&self, capitalised: bool, labels: &str) -> Option<String> {
        let mut groups: Vec<(Kind, Vec<usize>)> = Vec::new();
        for label in labels.split(',') {
            let &(kind, number) = self.labels.get(label.trim())?;
            match groups.iter_mut().find(|(this, _)| *this == kind) {
                Some((_, numbers)) => numbers.push(number),
                None => groups.push((kind, vec![number])),
            }
        }
        let printed: Vec<String> = groups
            .into_iter()
            .map(|(kind, mut numbers)| {
                numbers.sort_unstable();
                numbers.dedup();
                let [one, many] = match (kind, capitalised) {
                    (Kind::Figure, true) => ["Figure", "Figures"],
                    (Kind::Figure, false) => ["fig.", "figs."],
                    (Kind::Table, true) => ["Table", "Tables"],
                    (Kind::Table, false) => ["table", "tables"],
                    (Kind::Equation, true) => ["Equation", "Equations"],
                    (Kind::Equation, false) => ["eq.", "eqs."],
                    (Kind::Custom(_), _) => [name_of(kind, &self.kinds); 2],
                };
                let show = |number: usize| {
                    if kind == Kind::Equation {
                        format!("({number})")
                    } else {
                        number.to_string()
                    }
                };
                let mut items = Vec::new();
                for (first, last) in runs(&numbers) {
                    if last - first >= 2 {
                        items.push(format!("{} to {}", show(first), show(last)));
                    } else {
                        items.extend((first..=last).map(show));
                    }
                }
                let name = if numbers.len() == 1 { one } else { many };
                format!("{name} {}", and_list(&items))
            })
            .collect();
        Some(and_list(&printed))
    }

    /// What pandoc-crossref prints for the keys of one bracket or one `@key`: `fig. 2`,
    /// `Fig. 2`, `figs. 2, 3`, or the bare numbers (`[-@fig:x]`); what Quarto prints for its
    /// labels (`@fig-x`): `Figure 2`, `Figures 2, 3`. `None` when a key is not a label of the
    /// paper's, or the keys name different kinds of thing.
    pub(super) fn crossref(&self, keys: &[&str], suppress_prefix: bool) -> Option<String> {
        let mut kind = None;
        let mut numbers = Vec::new();
        let quarto = keys.first().is_some_and(|key| {
            key.find(['-', ':'])
                .is_some_and(|at| key.get(at..=at) == Some("-"))
        });
        for key in keys {
            // `@Fig:x` names the figure labelled `fig:x`, capitalising what it prints.
            let label = match key.split_once([':', '-']) {
                Some((prefix, rest)) => {
                    let delimiter = if quarto { '-' } else { ':' };
                    format!("{}{delimiter}{rest}", prefix.to_ascii_lowercase())
                }
                None => (*key).to_owned(),
            };
            // A subfigure prints its figure's number and its letter: "Figure 3 (b)".
            let (this, number) = if let Some(&(this, number)) = self.labels.get(&label) {
                (this, number.to_string())
            } else {
                let &(this, number, letter) = self.parts.get(&label)?;
                (this, format!("{number} ({letter})"))
            };
            if kind.is_some_and(|kind| kind != this) {
                return None;
            }
            kind = Some(this);
            numbers.push(number);
        }
        let kind = kind?;
        let numbers = numbers.join(", ");
        if suppress_prefix {
            return Some(numbers);
        }
        let (one, many) = match (kind, quarto) {
            (Kind::Figure, false) => ("fig.", "figs."),
            (Kind::Table, false) => ("tbl.", "tbls."),
            (Kind::Equation, false) => ("eq.", "eqns."),
            (Kind::Figure, true) => ("Figure", "Figures"),
            (Kind::Table, true) => ("Table", "Tables"),
            (Kind::Equation, true) => ("Equation", "Equations"),
            (Kind::Custom(_), _) => (name_of(kind, &self.kinds), name_of(kind, &self.kinds)),
        };
        let prefix = if keys.len() > 1 { many } else { one };
        let capitalised = keys
            .first()
            .is_some_and(|key| key.starts_with(|c: char| c.is_ascii_uppercase()));
        let mut printed = format!("{prefix} {numbers}");
        if capitalised && let Some(first) = printed.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        Some(printed)
    }
}

/// Sorted `numbers` as runs of consecutive numbers, each its first and last.
fn runs(numbers: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &number in numbers {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == number => *last = number,
            _ => runs.push((number, number)),
        }
    }
    runs
}
