//! Pandoc Markdown papers (JOSS papers, theses): the YAML metadata ([`meta`]), blocks read
//! line by line ([`blocks`], [`tables`], raw LaTeX in [`latex`]), inline text in two passes
//! ([`inline`] flattens the Markdown, [`spans`] finds the Pandoc citations, kept exactly as
//! written), and the bibliography the paper names or `--bib` gives ([`bibliography`]), of
//! which the references the text cites are kept.
//!
//! Everything is read in time linear in the text; nothing here fails but an empty paper.

mod authors;
mod bibliography;
mod blocks;
mod chunks;
#[cfg(test)]
mod citation_tests;
mod crossref;
#[cfg(test)]
mod crossref_tests;
#[cfg(test)]
mod divs_tests;
mod floats;
mod front;
#[cfg(test)]
mod front_tests;
mod include;
mod inline;
mod latex;
#[cfg(test)]
mod latex_tests;
mod line;
mod manubot;
mod meta;
#[cfg(test)]
mod meta_tests;
mod printed_list;
#[cfg(test)]
mod printed_list_tests;
#[cfg(test)]
mod quarto_tests;
mod shortcodes;
mod spans;
mod tables;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use crate::corpus::diagnostics::{Code, Diagnostic, Location};
use crate::corpus::model::EquationNotation;

use super::{FigureDraft, ImportOptions, PaperBuilder, Rich, Span, TableDraft, UNTITLED_SECTION};
use blocks::Block;
use crossref::{Counter, Targets};
use line::{FIGURE_NOUNS, printed_caption};
use spans::{Chunk, Inlines};
use tables::TableBlock;

/// Reads a Pandoc Markdown paper into `builder`.
///
/// # Errors
/// Never: whatever cannot be read is reported as a warning and the rest is read.
// The signature every importer shares; an empty paper is refused by the caller.
#[allow(clippy::unnecessary_wraps)]
pub(super) fn read(
    text: &str,
    options: &ImportOptions<'_>,
    builder: &mut PaperBuilder,
) -> Result<(), Box<Diagnostic>> {
    let accented = super::accents::with_accents_on_letters(text);
    let text = accented.as_ref();
    let (body_offset, mut metadata) = front_matter(text, builder);
    if metadata.bibliography.is_empty() {
        // A paper set by LaTeX names its bibliography there (`\addbibresource{refs.bib}` in
        // `header-includes`, `\bibliography{refs}` at the end), not in `bibliography:`.
        metadata.bibliography = latex::bibliography_files(text);
    }
    let body = text.get(body_offset..).unwrap_or_default();
    let mut values = shortcode_values(text, &metadata, options, builder);
    let included = include::expand(body, options.read_beside, &mut values);
    include::report(&included, text, body_offset, builder);
    let lines = line::lines(&included.text, body_offset);
    let mut parsed = blocks::parse(&lines, &metadata.float_kinds);
    let printed_list = (metadata.bibliography.is_empty() && options.bibliography.is_none())
        .then(|| printed_list::take(&mut parsed.blocks))
        .flatten();
    let mut key_definitions = std::mem::take(&mut parsed.key_definitions);
    for (key, target) in std::mem::take(&mut metadata.key_aliases) {
        key_definitions.entry(key).or_insert(target);
    }
    // Without a heading either, the paper is called "Untitled" (see `import`).
    if builder.paper().title.trim().is_empty() {
        front::take(&mut parsed.blocks, builder.paper());
    }
    let targets = Targets::collect(&parsed.blocks, &metadata.float_kinds);
    let mut emitter = Emitter {
        builder,
        inlines: Inlines::new(parsed.footnotes, parsed.labels, targets),
        levels: Vec::new(),
        code_blocks: 0,
        latex_left_out: 0,
        templates_left_out: 0,
        counter: Counter::default(),
        float_kinds: &metadata.float_kinds,
        abstract_div: None,
        callout: None,
        printed_table_labels: tables::printed_labels(&parsed.blocks),
    };
    emitter.blocks(&parsed.blocks);
    // An abstract div or a callout never closed ends with the paper.
    emitter.end_abstract_div();
    emitter.end_callout();
    emitter.report_left_out();
    report_missing_values(&values, emitter.builder);
    let cited: Vec<String> = emitter.inlines.cited().to_vec();
    let list_printed = printed_list.map(|list| list.cite(builder)).is_some();
    references(
        options,
        &metadata,
        &cited,
        &key_definitions,
        list_printed,
        builder,
    );
    Ok(())
}

/// Whether text with no telling extension reads as Pandoc Markdown: a YAML header with a
/// `title:`, or ATX headings and Pandoc citations.
pub(super) fn looks_like_markdown(text: &str) -> bool {
    let head = text
        .get(..text.floor_char_boundary(64 * 1024))
        .unwrap_or_default();
    let mut lines = head.lines();
    if lines.next().map(str::trim_end) == Some("---") {
        for line in lines.by_ref() {
            let line = line.trim_end();
            if line == "---" || line == "..." {
                break;
            }
            if line.starts_with("title:") {
                return true;
            }
        }
    }
    let headings = head.lines().any(|line| {
        line::indent_width(line) == 0 && line.starts_with('#') && {
            let level = line.bytes().take_while(|&b| b == b'#').count();
            level <= 6 && line.as_bytes().get(level) == Some(&b' ')
        }
    });
    headings && (head.contains("[@") || head.contains("[-@"))
}

/// Reads the metadata block, if any, into the paper: where the body starts and what else the
/// metadata says.
fn front_matter(text: &str, builder: &mut PaperBuilder) -> (usize, meta::Metadata) {
    match meta::split(text) {
        Ok(Some(front)) => {
            if front.unopened {
                builder.warn(
                    "the metadata at the top of the file has no `---` line above it: it is read \
                     as metadata all the same",
                    "add a line `---` above its first line, so that Pandoc reads it as metadata \
                     too",
                    Some(Location::at_offset(text, 0, 3)),
                );
            }
            let (metadata, problem) = meta::read(text, &front, builder.paper());
            if let Some(problem) = problem {
                builder.warn(problem.message, problem.help, Some(problem.location));
            }
            (front.body_offset, metadata)
        }
        Ok(None) => (0, meta::Metadata::default()),
        Err(offset) => {
            builder.warn(
                "the YAML metadata block opened here is never closed: it is read as text",
                "end the metadata with a line `---` (or `...`)",
                Some(Location::at_offset(text, offset, 3)),
            );
            (0, meta::Metadata::default())
        }
    }
}

/// The values Quarto's `{{< meta key >}}` and `{{< var key >}}` print: the header's, the files
/// `metadata-files` names and `_variables.yml`, read when the text uses them. The title and
/// abstract print theirs at once.
fn shortcode_values(
    text: &str,
    metadata: &meta::Metadata,
    options: &ImportOptions<'_>,
    builder: &mut PaperBuilder,
) -> shortcodes::Values {
    let mut values = shortcodes::Values::default();
    values.add_meta(&metadata.header);
    if text.contains("{{< meta ") {
        for name in &metadata.value_files {
            match (options.read_beside)(name) {
                Ok(file) => {
                    if let Some(yaml) = metadata_yaml(name, &file, builder) {
                        values.add_meta(&yaml);
                    }
                }
                Err(why) => builder.warn(
                    format!("the metadata file `{name}` could not be read ({why})"),
                    "save it beside the paper: the values it gives are kept as written until \
                     then",
                    None,
                ),
            }
        }
    }
    // Without `_variables.yml`, its shortcodes are said to name no value.
    if text.contains("{{< var ")
        && let Ok(file) = (options.read_beside)("_variables.yml")
        && let Some(yaml) = metadata_yaml("_variables.yml", &file, builder)
    {
        values.add_var(&yaml);
    }
    let paper = builder.paper();
    paper.title = values.substitute(&paper.title).into_owned();
    paper.abstract_text = values.substitute(&paper.abstract_text).into_owned();
    values
}

/// The YAML of the metadata file `name`, or a warning saying why it cannot be read.
fn metadata_yaml(name: &str, file: &str, builder: &mut PaperBuilder) -> Option<serde_yaml::Value> {
    match serde_yaml::from_str(file) {
        Ok(yaml) => Some(yaml),
        Err(error) => {
            builder.warn(
                format!("the metadata file `{name}` could not be read as YAML ({error})"),
                "correct its YAML: the values it gives are kept as written until then",
                None,
            );
            None
        }
    }
}

/// An info diagnostic naming the shortcodes that name no value.
fn report_missing_values(values: &shortcodes::Values, builder: &mut PaperBuilder) {
    if values.missing.is_empty() {
        return;
    }
    let named: Vec<String> = values
        .missing
        .iter()
        .map(|m| format!("`{{{{< {m} >}}}}`"))
        .collect();
    builder.report(Diagnostic::info(
        Code::ImportIncomplete,
        format!(
            "{} naming a value the paper does not give ({}): kept as written",
            crate::corpus::counted(values.missing.len(), "shortcode"),
            super::finish::named_briefly(&named)
        ),
        "give the value in the YAML header or a file `metadata-files` names (`{{< meta >}}`), \
         or in `_variables.yml` beside the paper (`{{< var >}}`)",
    ));
}

/// Hands the blocks to the builder.
struct Emitter<'b> {
    builder: &'b mut PaperBuilder,
    /// The kinds of float the paper declares (`crossref: custom:`).
    float_kinds: &'b [crossref::CustomKind],
    inlines: Inlines,
    /// The heading level of each open section.
    levels: Vec<usize>,
    code_blocks: usize,
    latex_left_out: usize,
    /// Paragraphs of Manubot's Jinja2 templates left out.
    templates_left_out: usize,
    /// Numbers the figures, tables and equations as [`Targets::collect`] did.
    counter: Counter,
    /// The paragraphs of an abstract div (`::: abstract`) read so far, as written.
    abstract_div: Option<Vec<String>>,
    /// The Quarto callout open, if any: its box opens with the first block inside it, whose
    /// heading (when it has no `title`) is its title.
    callout: Option<Callout>,
    /// The labels the tables print (`Table 1` of `Table 1: …`): a table without a caption
    /// takes no number another prints (a PDF converter gives a figure's grid as a table).
    printed_table_labels: HashSet<String>,
}

/// A Quarto callout being read: a box labelled with its kind.
struct Callout {
    /// `Note`, `Tip`, `Warning`, …
    label: String,
    /// Its title: the `title` attribute, else its first heading.
    title: String,
    /// Whether its box is open in the builder yet.
    begun: bool,
}

/// An abstract without the word that labels it (`Abstract: Clausal proof…`, `ABSTRACT. …`).
fn without_abstract_label(text: &str) -> String {
    let Some(label) = text.get(..8).filter(|l| l.eq_ignore_ascii_case("abstract")) else {
        return text.to_owned();
    };
    let rest = text.get(label.len()..).unwrap_or_default();
    match rest.strip_prefix([':', '.', '—', '–']) {
        Some(after) => after.trim_start().to_owned(),
        None if rest.starts_with(char::is_whitespace) => rest.trim_start().to_owned(),
        None => text.to_owned(),
    }
}

/// Headings under which Pandoc prints the bibliography.
fn is_references_heading(title: &str) -> bool {
    matches!(
        title.trim().to_lowercase().as_str(),
        "references" | "bibliography" | "works cited" | "literature cited"
    )
}

/// A heading's leading number (`1.2 Methods` → `1.2`, `Methods`).
fn split_number(title: &str) -> (&str, &str) {
    let Some((first, rest)) = title.split_once(' ') else {
        return ("", title);
    };
    let number = first.strip_suffix('.').unwrap_or(first);
    let numbered = !number.is_empty()
        && number
            .split('.')
            .all(|part| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()));
    if numbered && !rest.trim().is_empty() {
        (number, rest.trim())
    } else {
        ("", title)
    }
}

impl Emitter<'_> {
    fn blocks(&mut self, blocks: &[Block]) {
        for (at, block) in blocks.iter().enumerate() {
            match block {
                Block::CalloutOpens { label, title } => {
                    if self.callout.is_none() {
                        self.callout = Some(Callout {
                            label: label.clone(),
                            title: title.clone(),
                            begun: false,
                        });
                    }
                    continue;
                }
                Block::CalloutCloses => {
                    self.end_callout();
                    continue;
                }
                Block::Heading { text, .. } if self.callout.is_some() => {
                    self.callout_heading(text);
                    continue;
                }
                _ => self.begin_callout(),
            }
            match block {
                Block::Heading { level, text } => {
                    let empty_after = blocks.get(at + 1).is_none_or(
                        |next| matches!(next, Block::Heading { level: l, .. } if l <= level),
                    );
                    if empty_after && is_references_heading(text) {
                        continue;
                    }
                    // A heading ends an abstract div its closing fence was left out of.
                    self.end_abstract_div();
                    self.heading(*level, text);
                }
                Block::Paragraph { text } => {
                    if let Some(paragraphs) = &mut self.abstract_div {
                        paragraphs.push(text.clone());
                        continue;
                    }
                    self.lead_section();
                    self.paragraph(text);
                }
                Block::AbstractOpens => {
                    // The paper's abstract when it comes before the text and the metadata
                    // gives none.
                    if self.levels.is_empty() && self.builder.paper().abstract_text.is_empty() {
                        self.abstract_div = Some(Vec::new());
                    }
                }
                Block::AbstractCloses => self.end_abstract_div(),
                Block::CalloutOpens { .. } | Block::CalloutCloses => {}
                Block::Code => self.code_blocks += 1,
                Block::Table(table) => {
                    self.lead_section();
                    self.table(table);
                }
                Block::Figure {
                    caption,
                    image,
                    label,
                    ..
                } => {
                    self.lead_section();
                    self.figure(caption, image.clone(), label);
                }
                Block::Equation {
                    environment,
                    body,
                    tex,
                    label,
                } => {
                    self.lead_section();
                    let numbered =
                        self.counter
                            .equation(Some(environment), body, !label.is_empty());
                    self.builder
                        .equation(tex, EquationNotation::Tex, &numbered.label());
                }
                Block::Latex => {
                    self.lead_section();
                    self.latex_left_out += 1;
                }
            }
            for (id, marker, text) in self.inlines.take_notes() {
                self.builder.footnote(&id, &marker, text);
            }
        }
    }

    /// Opens the box of the callout being read, if it is not open yet.
    fn begin_callout(&mut self) {
        let Some(callout) = self.callout.as_mut().filter(|callout| !callout.begun) else {
            return;
        };
        callout.begun = true;
        let (label, title) = (callout.label.clone(), callout.title.clone());
        self.lead_section();
        self.builder
            .begin_box(&label, &self.inlines.rich(&title).plain());
    }

    /// A heading inside a callout: its title when it is the first thing in it and the callout
    /// has none, else a line of its text (a callout holds no sections).
    fn callout_heading(&mut self, text: &str) {
        if let Some(callout) = self
            .callout
            .as_mut()
            .filter(|c| !c.begun && c.title.is_empty())
        {
            text.trim().clone_into(&mut callout.title);
            self.begin_callout();
            return;
        }
        self.begin_callout();
        self.paragraph(text);
    }

    /// Closes the box of the callout being read.
    fn end_callout(&mut self) {
        if self.callout.take().is_some_and(|callout| callout.begun) {
            self.builder.end_section();
        }
    }

    /// The paragraphs of an abstract div as the paper's abstract, its leading `Abstract:`
    /// left out; one that cites works (its citations must link) is read as text instead.
    fn end_abstract_div(&mut self) {
        let Some(paragraphs) = self.abstract_div.take() else {
            return;
        };
        if paragraphs.iter().any(|text| text.contains('@')) {
            for text in &paragraphs {
                self.lead_section();
                self.paragraph(text);
            }
            return;
        }
        let plain: Vec<String> = paragraphs
            .iter()
            .map(|text| self.inlines.rich(text).plain())
            .filter(|text| !text.is_empty())
            .collect();
        self.builder.paper().abstract_text = without_abstract_label(&plain.join("\n\n"));
    }

    /// Opens a section for text that comes before the first heading, titled with the paper's
    /// title (a section needs a title; [`UNTITLED_SECTION`] when the paper has none).
    fn lead_section(&mut self) {
        if self.levels.is_empty() {
            let mut title = self.builder.paper().title.clone();
            if title.trim().is_empty() {
                UNTITLED_SECTION.clone_into(&mut title);
            }
            self.builder.begin_section("", &title);
            self.levels.push(0);
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        while self
            .levels
            .last()
            .is_some_and(|&open| open >= level || open == 0)
        {
            self.levels.pop();
            self.builder.end_section();
        }
        let (number, title) = split_number(text.trim());
        let title = self.inlines.rich(title).plain();
        self.builder.begin_section(number, &title);
        self.levels.push(level);
    }

    fn figure(&mut self, caption: &str, image: Option<String>, source_label: &str) {
        let numbered = self.counter.float(source_label, false, self.float_kinds);
        // A caption that prints its own label ("Figure 1. Examples …") gives it.
        let (label, caption) = printed_caption(caption, FIGURE_NOUNS)
            .unwrap_or_else(|| (numbered, caption.to_owned()));
        let caption = self.inlines.rich(&caption);
        self.builder.figure(FigureDraft {
            label,
            caption,
            image,
            ..FigureDraft::default()
        });
    }

    fn paragraph(&mut self, text: &str) {
        let Some(text) = manubot::without_templates(text) else {
            self.templates_left_out += 1;
            return;
        };
        for chunk in self.inlines.chunks(&text) {
            match chunk {
                Chunk::Text(rich) => self.builder.paragraph(rich),
                Chunk::Math { tex, label } => {
                    let numbered = self.counter.equation(None, &tex, !label.is_empty());
                    self.builder
                        .equation(&tex, EquationNotation::Tex, &numbered.label());
                }
            }
        }
    }

    fn table(&mut self, table: &TableBlock) {
        let header_rows = table
            .header
            .iter()
            .map(|row| {
                row.iter()
                    .map(|(text, span)| (self.inlines.rich(text).plain(), *span))
                    .collect()
            })
            .collect();
        let mut rows: Vec<Vec<Rich>> = table
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| self.inlines.rich(cell)).collect())
            .collect();
        let footnotes = self.table_notes(&mut rows);
        let printed = table.printed_caption();
        let label = table
            .label
            .clone()
            .or_else(|| printed.as_ref().map(|(label, _)| label.clone()));
        let caption = printed
            .map(|(_, caption)| caption)
            .or_else(|| table.caption.clone())
            .map(|caption| self.inlines.rich(&caption))
            .unwrap_or_default();
        let mut draft = TableDraft {
            source_id: table.id.clone(),
            label: String::new(),
            caption,
            header_rows,
            rows,
            footnotes,
            part_headers: Vec::new(),
        };
        // A placeholder table printing nothing takes no number (the builder leaves it out).
        if !draft.prints_nothing() {
            let source_label = table.source_label().unwrap_or_default();
            let next = self
                .counter
                .clone()
                .float(source_label, true, self.float_kinds);
            let uncaptioned = label.is_none() && table.caption.is_none();
            // Left unlabelled, it takes no number from the tables after it either.
            if !(uncaptioned && self.printed_table_labels.contains(&next)) {
                let numbered = self.counter.float(source_label, true, self.float_kinds);
                draft.label = label.unwrap_or(numbered);
            }
        }
        self.builder.table(draft);
    }

    /// The footnotes first marked in a table's cells (`| Entry one[^1] |`), as the table's
    /// notes: each cell prints its marker raised (`Entry one¹`) and the note is listed under
    /// the table. A note marked again later in the text is a footnote of the paper there.
    fn table_notes(&mut self, rows: &mut [Vec<Rich>]) -> Vec<(String, Rich)> {
        let mut notes = Vec::new();
        for (id, marker, text) in self.inlines.take_notes() {
            let mut raised = String::new();
            crate::corpus::math::raised(&marker, &mut raised);
            for span in rows.iter_mut().flatten().flat_map(|cell| &mut cell.spans) {
                if matches!(span, Span::Footnote(marked) if *marked == id) {
                    *span = Span::Text(raised.clone());
                }
            }
            self.inlines.release_note(&id);
            notes.push((raised, text));
        }
        notes
    }

    /// Info diagnostics counting what was left out of the text or kept as written.
    fn report_left_out(&mut self) {
        if self.templates_left_out > 0 {
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} of Jinja2 templates (`{{% … %}}`, `{{{{author.name}}}}`, \
                     `{{## … ##}}`) left out: Manubot fills them in when it builds the \
                     manuscript",
                    crate::corpus::counted(self.templates_left_out, "paragraph")
                ),
                "to read what they print, open the manuscript Manubot built \
                 (`output/manuscript.md`)",
            ));
        }
        for slip in self.inlines.citation_slips() {
            self.builder.report(slip);
        }
        let unresolved = self.inlines.unresolved();
        if !unresolved.is_empty() {
            let labels = super::finish::quoted_once(unresolved);
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} naming no figure, table or equation of the paper ({}): kept as written",
                    crate::corpus::counted(unresolved.len(), "cross-reference"),
                    super::finish::named_briefly(&labels)
                ),
                "label the figure, table or equation it names (`\\label{…}` in its caption, or \
                 `{#fig:…}` after it); a reference to a section is kept as written",
            ));
        }
        if let Some(first) = self.inlines.computed().first() {
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} of inline code run for a value when the paper is rendered ({first}) kept \
                     as written",
                    crate::corpus::counted(self.inlines.computed().len(), "piece")
                ),
                "open the document knitr or Quarto rendered (its `.md` or `.tex`) to read the \
                 values",
            ));
        }
        if self.code_blocks > 0 {
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} left out of the text",
                    crate::corpus::counted(self.code_blocks, "code block")
                ),
                "code is not part of the paper's prose; the Reader shows the text around it",
            ));
        }
        if self.latex_left_out > 0 {
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} left out of the text (only tables, figures and equations are read from \
                     LaTeX)",
                    crate::corpus::counted(self.latex_left_out, "raw LaTeX block")
                ),
                "write the content in Markdown to have it read",
            ));
        }
    }
}

/// Adds the references the text cites (all with `nocite: '@*'`), in bibliography order; a
/// key that names a work by its identifier ([`manubot`]) cites that work. `list_printed`: the
/// paper's references were read from the list its text prints ([`printed_list`]), so no
/// bibliography is looked for beside it.
fn references(
    options: &ImportOptions<'_>,
    metadata: &meta::Metadata,
    cited: &[String],
    key_definitions: &HashMap<String, String>,
    list_printed: bool,
    builder: &mut PaperBuilder,
) {
    // Manubot's built bibliography, read once, is read as `--bib` would be.
    let built =
        manubot::built_bibliography(options, cited, key_definitions, &metadata.bibliography).map(
            |(text, info)| {
                builder.report(info);
                (manubot::BUILT_BIBLIOGRAPHY.to_owned(), text)
            },
        );
    let named_none = built.is_none()
        && !list_printed
        && options.bibliography.is_none()
        && metadata.bibliography.is_empty()
        && metadata.references.is_none();
    // A chapter whose bibliography its build names (`pandoc --bibliography`): the one beside it,
    // read as `--bib` would be too.
    let beside = (named_none && !cited.is_empty())
        .then(|| bibliography::beside(options))
        .flatten();
    let given_options = built
        .as_ref()
        .or(beside.as_ref())
        .map(|(name, text)| ImportOptions {
            bibliography: Some((name.as_str(), text.as_str())),
            read_beside: options.read_beside,
        });
    let options = given_options.as_ref().unwrap_or(options);
    let (references, diagnostics) = bibliography::load(
        options,
        &metadata.bibliography,
        metadata.references.as_ref(),
    );
    if let Some((name, _)) = &beside {
        builder.report(Diagnostic::info(
            Code::ImportIncomplete,
            format!("the paper names no bibliography: read `{name}`, found beside it"),
            "to read another, name it in the YAML header (`bibliography: FILE.bib`) or give it \
             with `--bib FILE`",
        ));
    }
    for diagnostic in diagnostics {
        builder.report(diagnostic);
    }
    if named_none && beside.is_none() && !cited.is_empty() {
        builder.warn(
            format!(
                "the text cites {} but the paper names no bibliography, and none lies beside it \
                 under a usual name ({})",
                crate::corpus::counted(cited.len(), "work"),
                bibliography::USUAL_NAMES.join(", ")
            ),
            "add `bibliography: FILE.bib` to the YAML header, or give the file with `--bib FILE`",
            None,
        );
    }
    let named_by_identifier = manubot::resolve(cited, key_definitions, &references);
    let wanted: HashSet<&str> = cited
        .iter()
        .chain(&metadata.nocite)
        .chain(named_by_identifier.iter().map(|(_, id)| id))
        .map(String::as_str)
        .collect();
    for (key, id) in &named_by_identifier {
        builder.cite_as(key, id);
    }
    if let Some(warning) = manubot::unfetched(cited, &references, &named_by_identifier) {
        builder.report(warning);
    }
    let total = references.len();
    let mut kept = 0;
    for reference in references {
        if metadata.nocite_all || wanted.contains(reference.id.as_str()) {
            kept += 1;
            builder.reference(reference);
        }
    }
    if kept < total {
        builder.report(Diagnostic::info(
            Code::ImportIncomplete,
            format!(
                "{} in the bibliography not cited in the text left out, as Pandoc leaves them \
                 out",
                crate::corpus::counted(total - kept, "reference")
            ),
            "to keep every reference, add `nocite: '@*'` to the YAML header",
        ));
    }
}
