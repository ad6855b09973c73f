//! Plain text with numbered, author–date or labelled citations (a PDF's text, a paper typed as
//! text): the title and author block, the abstract and keywords ([`front`]); numbered and
//! unnumbered headings nested ([`outline`]); paragraphs joined across page breaks and their
//! printed `[n]` markers ([`inline`]), author–date citations ([`author_year`]) or labels
//! (`[Knu84]`, [`labels`]), as [`cited_by`] tells; tab-separated tables, figure captions and
//! `Source:` lines; and the reference list read into CSL fields ([`references`], an author–date
//! entry at its year by [`dated`], the entries then read together by [`whole_list`]). The text is first cut into
//! blocks between blank lines, page-break debris taken out ([`blocks`]). Every step is linear
//! in the text.

#[cfg(test)]
mod acm_style_tests;
mod author_page;
mod author_year;
#[cfg(test)]
mod biomed_tests;
mod blocks;
mod body_start;
mod book;
mod chapter;
mod cited_by;
#[cfg(test)]
mod column_list_tests;
mod dated;
mod detached;
mod entries;
mod front;
mod front_labels;
#[cfg(test)]
mod given_first_tests;
#[cfg(test)]
mod glued_headings_tests;
mod identifiers;
mod inline;
mod journal;
mod labels;
mod list;
mod loose_floats;
mod names;
mod outline;
#[cfg(test)]
mod pdf_text_tests;
mod printed;
mod references;
#[cfg(test)]
mod references_tests;
mod reports;
mod section_names;
mod small_caps;
mod structure;
mod superscript;
mod tab_tables;
mod title_names;
mod title_page;
mod whole_list;

use std::collections::HashSet;
use std::ops::Range;

use crate::corpus::diagnostics::{Code, Diagnostic, Location};
use crate::corpus::model::{CITATION_LABEL, Reference};

pub(super) use self::author_year::Works;
pub(super) use self::author_year::find as find_author_year;
use self::blocks::{Block, bracketed_caption, caption, is_source_line};
use self::cited_by::{CitedBy, unique_ids, with_unique_ids};
use self::list::ListPlace;
pub(super) use self::names::{PARTICLES, is_given_first_name, is_group_word, is_written_out_name};
use self::outline::{Heading, Outline};
pub(super) use self::printed::{
    is_names_only, mark_citations, read_author_date_entries, read_numbered_entries,
};
pub(super) use self::references::year_in;
pub(super) use self::title_names::is_institution_word;
use super::{FigureDraft, ImportOptions, PaperBuilder, Rich, Span, TableDraft};

/// The fewest bytes a paragraph has for a figure or table printed inside its sentence to be
/// passed over (shorter text is more likely a chart's or a table's words than prose).
const LEAST_PROSE_AROUND_FLOAT: usize = 80;

/// The caption given to a figure the text shows only by its `Source:` line (a figure needs a
/// label or a caption).
const UNCAPTIONED_FIGURE: &str = "Figure without a caption in the text (only its source line)";

/// The most markers warned about one by one, with their place.
const MAX_MARKER_WARNINGS: usize = 5;

/// Whether `piece` of an entry's author list names an organisation or a group of people
/// (`World Health Organization`, `Department of Health`, `WHO Expert Committee`), not a person.
pub(super) fn is_organisation_author(piece: &str) -> bool {
    names::is_group_name(piece) || names::is_organisation_name(piece)
}

/// One reference entry given only as printed text (`Kirchner JW. Catchments as simple dynamical
/// systems. Water Resources Research. 2009;45(2).`) read into CSL fields as an entry of a
/// plain-text reference list is: for a markup that holds an entry's words and tags none of them.
pub(super) fn read_reference_entry(text: &str) -> Reference {
    references::reference(&entries::Entry {
        number: None,
        text: text.to_owned(),
    })
}

/// The works a citation marker printed on its own names, read as a citation in running text
/// is: GROBID marks `(Kiros et al., 2015)`, `Hamilton et al., 2017a,b;` or `(e.g., Lample et
/// al., 2016` as citations without saying of which work. Empty when it names no work of
/// `works` by its authors and year.
pub(super) fn works_a_marker_names(printed: &str, works: &Works) -> Vec<String> {
    let inner = printed
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', ';', ',', '.'])
        .trim();
    let mut keys: Vec<String> = Vec::new();
    for text in [printed.to_owned(), format!("({inner})")] {
        for found in author_year::find(&text, works) {
            for key in found.keys {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        if !keys.is_empty() {
            break;
        }
    }
    keys
}

/// Reads a plain-text paper into `builder`.
///
/// # Errors
/// When the text is not text: a PDF file itself, or binary data.
pub(super) fn read(
    text: &str,
    _options: &ImportOptions<'_>,
    builder: &mut PaperBuilder,
) -> Result<(), Box<Diagnostic>> {
    refuse_what_is_not_text(text)?;
    let accented = super::accents::with_accents_on_letters(text);
    let text = accented.as_ref();
    let lines = blocks::lines(text);
    let mut skip = blocks::debris(&lines);
    title_page::keep_title_run_as_header(&lines, &mut skip);
    let unheaded = list::unheaded_start(&lines, &skip);
    let mut blocks = blocks::blocks(&lines, &skip, unheaded);
    body_start::split_run_on_title(&mut blocks, text);
    let hyphenated = inline::hyphenated_words(text);
    let headings = structure::headings(&mut blocks);
    let title_of = |i: usize| {
        headings
            .get(i)
            .and_then(Option::as_ref)
            .map(|h| h.title.to_lowercase())
    };

    // The reference list first: markers are resolved against its numbers, author–date
    // citations against its works.
    let list = ListPlace::find(
        &blocks,
        title_of,
        unheaded.and_then(|i| lines.get(i)).map(|line| line.offset),
    );
    let mut references = list.as_ref().map_or_else(Vec::new, |list| {
        let list_blocks: Vec<&Block<'_>> =
            list.blocks.iter().filter_map(|&i| blocks.get(i)).collect();
        read_references(&list_blocks, &hyphenated)
    });
    let cited_by = CitedBy::of(text, &mut references);

    let body_end = list.as_ref().map_or(blocks.len(), ListPlace::body_end);
    // A file that opens on a paragraph has no title block: its text starts there.
    let body_start = if body_start::opens_on_paragraph(&blocks) {
        0
    } else {
        body_start::where_body_starts(&blocks, &headings, body_end)
    };
    let unread = front::read(
        blocks.get(..body_start).unwrap_or_default(),
        text,
        &hyphenated,
        builder.paper(),
    );
    reports::unread_front(&unread, text, builder);

    // A numbered list its text cites by neither bracketed numbers nor authors and year may
    // be cited by superscript numbers glued to the words before them.
    let superscripts = if cited_by.numbers || cited_by.works.is_some() || cited_by.labels.is_some()
    {
        None
    } else {
        let offset = |i: Option<&usize>| {
            i.and_then(|&i| blocks.get(i))
                .map_or(text.len(), Block::offset)
        };
        let list_start = offset(list.as_ref().and_then(|list| list.blocks.first()));
        superscripts_of(text, offset(Some(&body_start))..list_start, &mut references)
    };
    let mut body = Body {
        builder,
        outline: Outline::default(),
        citing: inline::Citing {
            known: &cited_by.known,
            works: cited_by.works.as_ref(),
            superscripts: superscripts.as_ref(),
            labels: cited_by.labels.as_ref(),
        },
        hyphenated: &hyphenated,
        paragraph: None,
        caption: None,
        caption_loose: Vec::new(),
        block_loose: Vec::new(),
        table: None,
        source: text,
        paragraph_offset: 0,
        unresolved_warnings: 0,
        has_list: list.is_some(),
    };
    body.abstract_citing_works();
    body.read_blocks(&blocks, &headings, body_start..body_end, list.as_ref());
    body.flush();
    if list.is_none() {
        reports::no_list(text, builder);
    }
    reports::references(&references, text, builder);
    for reference in references {
        builder.reference(reference);
    }
    Ok(())
}

/// `items` without those at `indices` (in ascending order).
fn leave_out<T>(items: &mut Vec<T>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let mut index = 0;
    items.retain(|_| {
        let keep = indices.binary_search(&index).is_err();
        index += 1;
        keep
    });
}

/// The superscript citations of `text` naming the numbered `references` (their ids made unique
/// when there are some), read before the list in the order of first citation: from its start
/// and, at its place, from the body's byte range `body` on.
fn superscripts_of(
    text: &str,
    body: Range<usize>,
    references: &mut [Reference],
) -> Option<superscript::Superscripts> {
    let front = text.get(..body.start).unwrap_or_default();
    let body = text.get(body).unwrap_or_default();
    with_unique_ids(references, |references| {
        superscript::Superscripts::of(references, front, body)
    })
}

/// A PDF or a binary file given as plain text, refused in plain words.
fn refuse_what_is_not_text(text: &str) -> Result<(), Box<Diagnostic>> {
    if text.starts_with("%PDF") {
        return Err(Box::new(
            Diagnostic::error(
                Code::PaperSyntax,
                "this is a PDF file, not the text of a paper",
                "extract its text first (for example `pdftotext -layout paper.pdf paper.txt`) \
                 and open the .txt file, or convert it with GROBID and open the TEI file",
            )
            .located(Location::at_offset(text, 0, 4)),
        ));
    }
    if let Some(at) = text.find('\0') {
        return Err(Box::new(
            Diagnostic::error(
                Code::PaperSyntax,
                "this file holds binary data (a NUL byte), not plain text",
                "open the paper's text (a .txt file), not a word-processor or PDF file",
            )
            .located(Location::at_offset(text, at, 1)),
        ));
    }
    Ok(())
}

/// The references of the list's blocks.
fn read_references(blocks: &[&Block<'_>], hyphenated: &HashSet<String>) -> Vec<Reference> {
    let groups: Vec<Vec<&str>> = blocks
        .iter()
        .map(|block| match *block {
            Block::Text { lines, .. } => lines.clone(),
            Block::Table { rows, .. } => rows
                .iter()
                .flat_map(|row| row.iter().copied().filter(|c| !c.is_empty()))
                .collect(),
        })
        .collect();
    if let Some(labelled) = labels::labelled_entries(&groups, hyphenated) {
        let (printed, entries): (Vec<String>, Vec<entries::Entry>) = labelled.into_iter().unzip();
        let mut references = whole_list::references_of(&entries);
        for (reference, label) in references.iter_mut().zip(printed) {
            if label.is_empty() {
                continue;
            }
            reference
                .extra
                .insert(CITATION_LABEL.to_owned(), label.into());
        }
        return references;
    }
    whole_list::references_of(&entries::entries(&groups, hyphenated))
}

/// The body being read: what is waiting to be handed to the builder.
struct Body<'a, 'b> {
    builder: &'b mut PaperBuilder,
    outline: Outline,
    /// What the text's citations are resolved against.
    citing: inline::Citing<'a>,
    hyphenated: &'a HashSet<String>,
    /// A paragraph that may continue in the next block.
    paragraph: Option<String>,
    /// A caption waiting for its table or figure: (is a table's, label, words).
    caption: Option<(bool, String, String)>,
    /// The cells of the waiting table caption, or the words inside the waiting figure's, as
    /// the text gives them around it in loose lines: a block each.
    caption_loose: Vec<String>,
    /// The loose blocks found around the caption of the block being read, for that caption once
    /// it is read (a caption the text runs on from in its block is read before that text).
    block_loose: Vec<String>,
    /// A table waiting for a `Source:` line under it.
    table: Option<TableDraft>,
    /// The paper's text, to tell where a marker is.
    source: &'a str,
    /// Byte offset in `source` of the waiting paragraph's first block.
    paragraph_offset: usize,
    /// How many markers have been warned about one by one.
    unresolved_warnings: usize,
    /// Whether the text has a reference list (without one, one warning says so for all).
    has_list: bool,
}

impl Body<'_, '_> {
    /// Reads the blocks of the body (`body`), then the text printed between the reference
    /// list's heading and its first entry, then the blocks after the list that are none of its
    /// own, each a heading, a paragraph, a caption or a table; a table's cells or a figure's words the text gives as loose blocks
    /// around its caption go to the table or figure.
    fn read_blocks(
        &mut self,
        blocks: &[Block<'_>],
        headings: &[Option<Heading>],
        body: Range<usize>,
        list: Option<&ListPlace>,
    ) {
        let list_end = list.map_or(blocks.len(), |list| list.end);
        let (text_within, listed) = list.map_or((&[][..], &[][..]), |list| {
            (list.text_within.as_slice(), list.blocks.as_slice())
        });
        let mut loose = loose_floats::find(blocks, headings, body.clone());
        loose.extend(loose_floats::find(blocks, headings, list_end..blocks.len()));
        let loose_blocks: HashSet<usize> = loose.values().flatten().copied().collect();
        let after_list = (list_end..blocks.len()).filter(|i| !listed.contains(i));
        let mut list_passed = false;
        let body = body.filter(|i| !listed.contains(i));
        for i in body.chain(text_within.iter().copied()).chain(after_list) {
            if i >= list_end && !list_passed {
                list_passed = true;
                self.flush();
                self.outline.end_all(self.builder);
            }
            if loose_blocks.contains(&i) {
                continue;
            }
            self.block_loose = loose.get(&i).map_or_else(Vec::new, |loose| {
                loose
                    .iter()
                    .filter_map(|&c| blocks.get(c)?.lines())
                    .map(|lines| inline::clean(&lines.join(" ")))
                    .collect()
            });
            if let (Some(block), heading) =
                (blocks.get(i), headings.get(i).and_then(Option::as_ref))
            {
                self.block(block, heading);
            }
        }
    }

    /// Hands over what is waiting: the paragraph, then a table or a figure.
    fn flush(&mut self) {
        self.flush_paragraph();
        self.flush_floats();
    }

    /// Hands over a waiting table or figure, leaving the paragraph waiting.
    fn flush_floats(&mut self) {
        if let Some(table) = self.table.take() {
            self.builder.table(table);
        }
        if let Some((is_table, label, words)) = self.caption.take() {
            if is_table {
                let table = self.captioned_table(label, &words);
                self.builder.table(table);
            } else {
                let figure = FigureDraft {
                    label,
                    caption: inline::rich(&words, &self.citing),
                    inner_text: self.figure_words(),
                    ..FigureDraft::default()
                };
                self.builder.figure(figure);
            }
        }
    }

    /// The table of a caption with no tab-separated table under it: its cells, when the text
    /// gives them as loose lines around it ([`loose_floats`]), kept as its note.
    fn captioned_table(&mut self, label: String, words: &str) -> TableDraft {
        let mut table = TableDraft {
            label,
            caption: inline::rich(words, &self.citing),
            ..TableDraft::default()
        };
        let cells = std::mem::take(&mut self.caption_loose);
        if !cells.is_empty() {
            let note = super::loose_table_note(&cells.join(" "));
            let note = inline::rich(&note, &self.citing);
            table.footnotes.push((String::new(), note));
        }
        table
    }

    /// The words inside the waiting figure, when the text gives them as loose lines around its
    /// caption ([`loose_floats`]): a block each, parted by a middle dot.
    fn figure_words(&mut self) -> String {
        std::mem::take(&mut self.caption_loose).join(" · ")
    }

    fn flush_paragraph(&mut self) {
        if let Some(text) = self.paragraph.take() {
            let rich = inline::rich(&text, &self.citing);
            self.locate_unresolved(&rich);
            self.builder.paragraph(rich);
        }
    }

    /// Warns, at its place in the source, about each marker of `rich` naming a number the
    /// reference list lacks (the first [`MAX_MARKER_WARNINGS`] of them; the builder counts all).
    fn locate_unresolved(&mut self, rich: &Rich) {
        if !self.has_list {
            return;
        }
        for span in &rich.spans {
            let Span::Unresolved(printed) = span else {
                continue;
            };
            if self.unresolved_warnings >= MAX_MARKER_WARNINGS {
                return;
            }
            self.unresolved_warnings += 1;
            let at = self
                .source
                .get(self.paragraph_offset..)
                .and_then(|rest| rest.find(printed.as_str()))
                .map(|found| {
                    Location::at_offset(self.source, self.paragraph_offset + found, printed.len())
                });
            if self.citing.works.is_some() && !printed.starts_with('[') {
                self.builder.warn(
                    format!("the citation \"{printed}\" names no work of the reference list"),
                    "check its authors and year against the reference list (an entry may be \
                     missing, or its year or authors printed otherwise)",
                    at,
                );
            } else {
                self.builder.warn(
                    format!("the marker {printed} names a number the reference list does not have"),
                    "check the number against the reference list (an entry may be missing or \
                     misnumbered)",
                    at,
                );
            }
        }
    }

    /// Makes an abstract that cites works (`We review the recent construction [1]`, as
    /// physics papers print one) the paper's first section, so that its citations link as the
    /// text's do; the front matter then holds none.
    fn abstract_citing_works(&mut self) {
        let text = &self.builder.paper().abstract_text;
        let numbered = !self.citing.known.is_empty() && !inline::markers(text).is_empty();
        let dated = self
            .citing
            .works
            .is_some_and(|works| !author_year::find(text, works).is_empty());
        let labelled = self
            .citing
            .labels
            .is_some_and(|labels| !labels.find(text).is_empty());
        let Some(heading) = outline::heading("Abstract").filter(|_| numbered || dated || labelled)
        else {
            return;
        };
        let text = std::mem::take(&mut self.builder.paper().abstract_text);
        self.outline.begin(&heading, self.builder);
        for paragraph in text.split("\n\n") {
            let start: String = paragraph.chars().take(30).collect();
            self.paragraph_offset = self.source.find(&start).unwrap_or_default();
            self.paragraph = Some(paragraph.to_owned());
            self.flush_paragraph();
        }
        self.outline.end_all(self.builder);
    }

    /// Reads one block (`heading` when it is a heading line).
    fn block(&mut self, block: &Block<'_>, heading: Option<&Heading>) {
        let lines = match block {
            Block::Table { rows, .. } => {
                self.flush_paragraph();
                self.table_block(rows);
                return;
            }
            Block::Text { lines, .. } => lines,
        };
        // A list item often ends without a stop (`• amfAR works with health workers`): a
        // heading after it starts a section, as after a finished sentence.
        let mid_sentence = self
            .paragraph
            .as_deref()
            .is_some_and(|p| !p.trim_start().starts_with(inline::BULLETS) && inline::reads_on(p));
        if let Some(heading) = heading
            && (heading.numbering.is_some() || !mid_sentence)
        {
            self.flush();
            self.outline.begin(heading, self.builder);
            return;
        }
        if let Some(end) = loose_floats::caption_end(lines) {
            self.paragraphs_in_block(block, &[end]);
            return;
        }
        let ends = inline::paragraph_ends(lines);
        if !ends.is_empty() {
            self.paragraphs_in_block(block, &ends);
            return;
        }
        let mut text = String::new();
        for line in lines {
            inline::append_joined(&mut text, line, self.hyphenated);
        }
        let text = inline::clean(&text);
        if is_source_line(&text) {
            self.flush_paragraph();
            self.source_line(text);
            return;
        }
        if let Some(found) = caption(&text) {
            // A caption printed in the middle of a sentence (a figure at the foot of a column)
            // leaves the paragraph waiting for the rest of the sentence after the figure; a
            // line of code (a listing's, the figure's own) ends no sentence of the text.
            let sentence_goes_on = self.paragraph.as_deref().is_some_and(|paragraph| {
                !inline::is_finished(paragraph) && !paragraph.ends_with([';', '{', '}'])
            });
            if sentence_goes_on {
                self.flush_floats();
            } else {
                self.flush();
            }
            self.caption = Some(found);
            self.caption_loose = std::mem::take(&mut self.block_loose);
            return;
        }
        if let Some(words) = bracketed_caption(&text) {
            self.flush();
            let label = format!("Figure {}", self.builder.figure_count() + 1);
            self.builder.figure(FigureDraft {
                label,
                caption: inline::rich(words, &self.citing),
                ..FigureDraft::default()
            });
            return;
        }
        // Across a figure or table, only a sentence of prose going on in lower case is one.
        let float_between = self.caption.is_some() || self.table.is_some();
        let goes_on = self.paragraph.as_deref().is_some_and(|paragraph| {
            inline::continues(paragraph, &text)
                && (!float_between
                    || (paragraph.len() >= LEAST_PROSE_AROUND_FLOAT
                        && text.chars().next().is_some_and(char::is_lowercase)))
        });
        if goes_on {
            // The figure or table that stood in the sentence comes before its paragraph.
            self.flush_floats();
        }
        if let Some(paragraph) = self.paragraph.as_mut()
            && goes_on
        {
            inline::append_joined(paragraph, &text, self.hyphenated);
            return;
        }
        self.flush();
        self.paragraph = Some(text);
        self.paragraph_offset = block.offset();
    }

    /// Reads a text block as the blocks it holds, split after each of the lines `ends` (the
    /// last line of a paragraph or a caption the text runs on from without a blank line).
    fn paragraphs_in_block(&mut self, block: &Block<'_>, ends: &[usize]) {
        let Some(lines) = block.lines() else {
            return;
        };
        let mut start = 0;
        for end in ends.iter().copied().chain([lines.len().saturating_sub(1)]) {
            let Some(part) = lines.get(start..=end).filter(|part| !part.is_empty()) else {
                continue;
            };
            let offset = part
                .first()
                .and_then(|first| blocks::offset_in(self.source, first))
                .unwrap_or(block.offset());
            self.block(
                &Block::Text {
                    lines: part.to_vec(),
                    offset,
                },
                None,
            );
            start = end + 1;
        }
    }

    /// A `Source:` line: under a figure caption, the figure's; under a table, a note of the
    /// table; alone, the source line of a figure the text does not hold.
    fn source_line(&mut self, text: String) {
        if self.table.is_none()
            && let Some((_, label, words)) = self.caption.take_if(|(is_table, ..)| *is_table)
        {
            self.table = Some(self.captioned_table(label, &words));
        }
        if let Some(table) = self.table.as_mut() {
            table.footnotes.push((String::new(), Rich::text(&text)));
            self.flush();
            return;
        }
        let figure = match self.caption.take() {
            Some((false, label, words)) => FigureDraft {
                label,
                caption: inline::rich(&words, &self.citing),
                source_line: Some(text),
                inner_text: self.figure_words(),
                ..FigureDraft::default()
            },
            other => {
                self.caption = other;
                self.flush();
                FigureDraft {
                    caption: Rich::text(UNCAPTIONED_FIGURE),
                    source_line: Some(text),
                    ..FigureDraft::default()
                }
            }
        };
        self.builder.figure(figure);
    }
}

#[cfg(test)]
mod tests;
