//! Tables and figures: a `table-wrap` as a [`TableDraft`] (label, caption, header rows with
//! their spans, body rows filled so that every row has one cell per column, its foot's notes),
//! or as a figure when the source gives the table only as an image; a `fig` as a
//! [`FigureDraft`] (label, caption, the graphic's file name, its attribution). A table is
//! XHTML's (`tr`, `th`, `td`, spans by `colspan` and `rowspan`) or the OASIS exchange model's
//! that JATS also allows (Copernicus writes it: `tgroup`, `row`, `entry`, spans by the
//! `colspec` names an entry starts and ends at and by `morerows`).

use std::collections::{HashMap, HashSet};

use crate::formats::paper::xml::Element;
use crate::formats::paper::{FigureDraft, Rich, Span, TableDraft};

use super::inline::Flattener;
use super::{Context, child_text, plain_text};

/// The widest a table is read: wider spans are cut to it.
const MAX_COLUMNS: usize = 512;
/// The most rows a cell spans down.
const MAX_ROW_SPAN: usize = 10_000;

/// A table, or the figure it is when the source has only its image.
pub(super) fn table(
    context: &Context<'_>,
    wrap: Element<'_>,
) -> Result<TableDraft, Box<FigureDraft>> {
    let label = context
        .label_by_place(wrap, "Table")
        .unwrap_or_else(|| child_text(wrap, "label"));
    let caption = caption(context, wrap);
    let source_id = wrap.attr("id").unwrap_or_default().to_owned();
    let tables = tables_in(wrap);
    let Some((first, continued)) = tables.split_first() else {
        return Err(Box::new(FigureDraft {
            source_id,
            label: if label.is_empty() && caption.plain().is_empty() {
                "Table".to_owned()
            } else {
                label
            },
            caption,
            image: graphic_of(wrap),
            ..FigureDraft::default()
        }));
    };
    let columns = Columns::of(*first);
    let (header, mut body) = header_and_body(*first);
    // A table printed in parts (one `table` after another in the wrap) is one table: the later
    // parts' rows follow the first's, and a later part's header row is kept as a row unless it
    // repeats one of the first part's.
    let header_texts: HashSet<String> = header.iter().map(|row| words_of(*row)).collect();
    let mut part_headers = Vec::new();
    for part in continued {
        let (part_header, part_body) = header_and_body(*part);
        for row in part_header {
            if !header_texts.contains(&words_of(row)) {
                part_headers.push(body.len());
                body.push(row);
            }
        }
        body.extend(part_body);
    }
    let header_grid = fill(context, &columns, &header);
    let body_grid = fill(context, &columns, &body);
    let width = header_grid
        .iter()
        .chain(&body_grid)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let header_rows = header_grid
        .into_iter()
        .map(|row| {
            let mut cells: Vec<(String, u32)> = Vec::new();
            for cell in row {
                match cell {
                    Slot::Cell { text, span } => cells.push((text.plain(), span)),
                    Slot::Below(text) => cells.push((text.plain(), 1)),
                    Slot::Spanned => {}
                }
            }
            let filled: usize = cells.iter().map(|(_, span)| *span as usize).sum();
            for _ in filled..width {
                cells.push((String::new(), 1));
            }
            cells
        })
        .collect();
    let rows = body_grid
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|slot| match slot {
                    Slot::Cell { text, .. } | Slot::Below(text) => text,
                    Slot::Spanned => Rich::default(),
                })
                .collect()
        })
        .collect();
    let mut footnotes = wrap
        .child("table-wrap-foot")
        .map(|foot| table_notes(context, foot))
        .unwrap_or_default();
    for table in &tables {
        footnotes.extend(
            context
                .notes_marked_in(*table)
                .filter_map(|note| note_of(context, note)),
        );
    }
    Ok(TableDraft {
        source_id,
        label,
        caption,
        header_rows,
        rows,
        footnotes,
        part_headers,
    })
}

/// The `table` elements in a wrap, in order, not counting a table inside another's cell, and
/// of the tables in an `alternatives` (one table given in several forms) only the first.
fn tables_in(wrap: Element<'_>) -> Vec<Element<'_>> {
    wrap.outermost(&["table", "alternatives"])
        .into_iter()
        .filter_map(|found| {
            if found.is("table") {
                Some(found)
            } else {
                found.descendants().into_iter().find(|e| e.is("table"))
            }
        })
        .collect()
}

/// A table's header rows (its `thead`, or without one its leading rows made only of `th`
/// cells) and its body rows (`tbody`, `tfoot` and bare `tr`), an OASIS table's `tgroup`s read
/// as parts of it; a row may be written `<th>` around its cells.
fn header_and_body(table: Element<'_>) -> (Vec<Element<'_>>, Vec<Element<'_>>) {
    let mut header: Vec<Element<'_>> = Vec::new();
    let mut body: Vec<Element<'_>> = Vec::new();
    // A `th` holding cells is a row written with a cell's name, as Stencila writes a header.
    let is_row = |row: &Element<'_>| {
        row.is("tr") || row.is("row") || (row.is("th") && cells_of(*row).next().is_some())
    };
    let parts = table.elements().flat_map(|part| {
        let group = part.is("tgroup").then(|| part.elements());
        std::iter::once(part).chain(group.into_iter().flatten())
    });
    for part in parts {
        match part.name() {
            "thead" => header.extend(part.elements().filter(is_row)),
            "tbody" | "tfoot" => body.extend(part.elements().filter(is_row)),
            "tr" => body.push(part),
            _ => {}
        }
    }
    if header.is_empty() {
        let leading = body
            .iter()
            .take_while(|row| {
                let mut cells = cells_of(**row).peekable();
                cells.peek().is_some() && cells.all(|c| c.is("th"))
            })
            .count();
        header = body.drain(..leading).collect();
    }
    (header, body)
}

/// A row's cells: XHTML's `th` and `td`, OASIS's `entry`.
fn cells_of(row: Element<'_>) -> impl Iterator<Item = Element<'_>> {
    row.elements()
        .filter(|cell| cell.is("th") || cell.is("td") || cell.is("entry"))
}

/// The columns an OASIS table names (`<colspec colname="c2"/>`, numbered in order unless its
/// `colnum` says) and its named spans (`<spanspec spanname="s1" namest="c1" nameend="c3"/>`),
/// by which an entry says where it stands and how wide it is; empty for an XHTML table.
#[derive(Default)]
struct Columns<'d> {
    /// A column's place (from 0) by its name.
    by_name: HashMap<&'d str, usize>,
    /// A named span's first and last column names.
    spans: HashMap<&'d str, (&'d str, &'d str)>,
}

impl<'d> Columns<'d> {
    /// The columns and spans `table`'s groups name (the first group's, where two share a name).
    fn of(table: Element<'d>) -> Self {
        let mut columns = Self::default();
        for group in table.children_named("tgroup") {
            let mut next = 0;
            for spec in group.elements() {
                if spec.is("colspec") {
                    let place = spec
                        .attr("colnum")
                        .and_then(|number| number.trim().parse::<usize>().ok())
                        .and_then(|number| number.checked_sub(1))
                        .unwrap_or(next);
                    next = place + 1;
                    if let Some(name) = spec.attr("colname") {
                        columns.by_name.entry(name).or_insert(place);
                    }
                } else if spec.is("spanspec")
                    && let (Some(name), Some(first), Some(last)) = (
                        spec.attr("spanname"),
                        spec.attr("namest"),
                        spec.attr("nameend"),
                    )
                {
                    columns.spans.entry(name).or_insert((first, last));
                }
            }
        }
        columns
    }

    /// Where an OASIS entry starts (the column it names) and how many columns it spans (from
    /// `namest` to `nameend`, or its named span's); `None` for what it does not say.
    fn place(&self, entry: Element<'_>) -> (Option<usize>, Option<usize>) {
        if self.by_name.is_empty() {
            return (None, None);
        }
        let (first, last) = match entry.attr("spanname").and_then(|name| self.spans.get(name)) {
            Some(&(first, last)) => (Some(first), Some(last)),
            None => (
                entry.attr("namest").or_else(|| entry.attr("colname")),
                entry.attr("nameend"),
            ),
        };
        let start = first.and_then(|name| self.by_name.get(name).copied());
        let end = last.and_then(|name| self.by_name.get(name).copied());
        let span = match (start, end) {
            (Some(start), Some(end)) if end >= start => Some(end - start + 1),
            _ => None,
        };
        (start, span)
    }
}

/// A row's cells' words, one space apart within a cell and a tab between cells: what two
/// printings of the same header row share however they are laid out.
fn words_of(row: Element<'_>) -> String {
    let mut words = String::new();
    for cell in cells_of(row) {
        words.push('\t');
        for word in cell.text().split_whitespace() {
            words.push(' ');
            words.push_str(word);
        }
    }
    words
}

/// A place in the grid of a table's rows.
enum Slot {
    /// A cell as written, spanning `span` columns (the columns after it are `Spanned`).
    Cell { text: Rich, span: u32 },
    /// A column covered by a cell to its left.
    Spanned,
    /// A row covered by a cell above: its text repeated.
    Below(Rich),
}

/// The rows as a grid: every cell at its column, the columns a cell spans after it, the rows a
/// cell spans below it repeating its text. An OASIS entry that names a column further on
/// leaves the columns before it empty.
fn fill(context: &Context<'_>, columns: &Columns<'_>, rows: &[Element<'_>]) -> Vec<Vec<Slot>> {
    // For each column: how many more rows the cell above covers, and its text.
    let mut pending: Vec<(usize, Rich)> = Vec::new();
    let mut grid = Vec::with_capacity(rows.len());
    for row in rows {
        let mut slots: Vec<Slot> = Vec::new();
        for cell in cells_of(*row) {
            take_pending(&mut slots, &mut pending);
            let (start, named_span) = columns.place(cell);
            while start.is_some_and(|start| start > slots.len() && start < MAX_COLUMNS) {
                slots.push(Slot::Cell {
                    text: Rich::default(),
                    span: 1,
                });
                take_pending(&mut slots, &mut pending);
            }
            if slots.len() >= MAX_COLUMNS {
                break;
            }
            let span = named_span
                .unwrap_or_else(|| number_attr(cell, "colspan", 1))
                .clamp(1, MAX_COLUMNS - slots.len());
            let down = if cell.is("entry") {
                number_attr(cell, "morerows", 0).saturating_add(1)
            } else {
                number_attr(cell, "rowspan", 1)
            }
            .clamp(1, MAX_ROW_SPAN);
            let text = Flattener::cell_text(context, cell);
            let column = slots.len();
            if pending.len() < column + span {
                pending.resize(column + span, (0, Rich::default()));
            }
            if down > 1 {
                for (offset, entry) in pending.iter_mut().skip(column).take(span).enumerate() {
                    let repeated = if offset == 0 {
                        text.clone()
                    } else {
                        Rich::default()
                    };
                    *entry = (down - 1, repeated);
                }
            }
            slots.push(Slot::Cell {
                text,
                span: u32::try_from(span).unwrap_or(1),
            });
            slots.extend((1..span).map(|_| Slot::Spanned));
        }
        // Columns at the end of the row covered from above.
        while slots.len() < pending.len() {
            let before = slots.len();
            take_pending(&mut slots, &mut pending);
            if slots.len() == before {
                break;
            }
        }
        grid.push(slots);
    }
    grid
}

/// Fills the columns at the end of `slots` that cells above cover, up to the next free one.
fn take_pending(slots: &mut Vec<Slot>, pending: &mut [(usize, Rich)]) {
    while let Some((left, text)) = pending.get_mut(slots.len())
        && *left > 0
    {
        *left -= 1;
        slots.push(Slot::Below(text.clone()));
    }
}

/// A whole-number attribute (`colspan="2"`, `morerows="1"`), `absent` when absent or not a
/// number.
fn number_attr(element: Element<'_>, name: &str, absent: usize) -> usize {
    element
        .attr(name)
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(absent)
}

/// The notes in a table's foot: each `fn` with its label as marker, and loose paragraphs.
fn table_notes(context: &Context<'_>, foot: Element<'_>) -> Vec<(String, Rich)> {
    let mut notes = Vec::new();
    for element in foot.elements() {
        match element.name() {
            "fn-group" => notes.extend(table_notes(context, element)),
            "fn" => notes.extend(note_of(context, element)),
            "title" | "label" => {}
            _ => {
                let (text, _) = Flattener::float_text(context, element);
                if !text.is_blank() {
                    notes.push((String::new(), text));
                }
            }
        }
    }
    notes
}

/// A table's note written as an `fn`: its label as the marker, and its text.
fn note_of(context: &Context<'_>, note: Element<'_>) -> Option<(String, Rich)> {
    let marker = child_text(note, "label");
    let (text, _) = Flattener::float_text(context, note);
    let text = super::inline::without_label(text, &marker);
    (!text.is_blank() || !marker.is_empty()).then_some((marker, text))
}

/// One float a group gives in several languages (SciELO's `table-wrap-group` of a Portuguese
/// and an English `table-wrap`, or `fig-group` of two `fig`s, only one holding the table or the
/// image, the other its caption translated): the member whose label and caption to show, in the
/// article's language when one is, and the member holding the float (or the group, when the
/// float stands beside its captions in it). `None` for any other group (a figure's panels, or
/// every member a float of its own).
pub(super) fn translated<'d>(
    context: &Context<'_>,
    group: Element<'d>,
    member: &str,
) -> Option<(Element<'d>, Element<'d>)> {
    let members: Vec<Element<'d>> = group.children_named(member).collect();
    let languages: HashSet<&str> = members.iter().filter_map(|m| m.attr("xml:lang")).collect();
    if members.len() < 2 || languages.len() != members.len() {
        return None;
    }
    let holds_the_float = |element: &Element<'_>| {
        element
            .descendants()
            .iter()
            .any(|e| e.is("table") || e.is("graphic") || e.is("media"))
    };
    let mut holding = members.iter().filter(|m| holds_the_float(m));
    let float = match (holding.next(), holding.next()) {
        (Some(&member), None) => member,
        // The image beside the captions, in the group (`<alternatives><graphic/>`).
        (None, None) if holds_the_float(&group) => group,
        _ => return None,
    };
    let captioned = members
        .iter()
        .copied()
        .find(|m| context.language.is_some() && m.attr("xml:lang") == context.language)
        .unwrap_or(float);
    Some((captioned, float))
}

/// The table of a group in several languages ([`translated`]): `wrap`'s, with the label and
/// caption of `captioned`.
pub(super) fn translated_table(
    context: &Context<'_>,
    group: Element<'_>,
    captioned: Element<'_>,
    wrap: Element<'_>,
) -> Result<TableDraft, Box<FigureDraft>> {
    let mut read = table(context, wrap);
    let parts = match &mut read {
        Ok(table) => (&mut table.source_id, &mut table.label, &mut table.caption),
        Err(figure) => (
            &mut figure.source_id,
            &mut figure.label,
            &mut figure.caption,
        ),
    };
    with_caption_of(context, group, captioned, parts);
    read
}

/// The figure of a group in several languages ([`translated`]): `fig`'s image, with the label
/// and caption of `captioned`.
pub(super) fn translated_figure(
    context: &Context<'_>,
    group: Element<'_>,
    captioned: Element<'_>,
    fig: Element<'_>,
) -> FigureDraft {
    let mut read = figure(context, fig);
    let parts = (&mut read.source_id, &mut read.label, &mut read.caption);
    with_caption_of(context, group, captioned, parts);
    read
}

/// The label and caption of `captioned` in place of the float's own, and the group's id when
/// the float has none (the text's `xref`s name the group).
fn with_caption_of(
    context: &Context<'_>,
    group: Element<'_>,
    captioned: Element<'_>,
    (source_id, label, caption): (&mut String, &mut String, &mut Rich),
) {
    let own_label = child_text(captioned, "label");
    let own_caption = self::caption(context, captioned);
    if !own_label.is_empty() || !own_caption.is_blank() {
        *label = own_label;
        *caption = own_caption;
    }
    if source_id.is_empty() {
        group
            .attr("id")
            .or_else(|| captioned.attr("id"))
            .unwrap_or_default()
            .clone_into(source_id);
    }
}

/// A figure: label, caption, the graphic's file name and the attribution under it.
pub(super) fn figure(context: &Context<'_>, fig: Element<'_>) -> FigureDraft {
    let mut label = context
        .label_by_place(fig, "Figure")
        .unwrap_or_else(|| child_text(fig, "label"));
    let caption = caption(context, fig);
    if label.is_empty() && caption.plain().is_empty() {
        "Figure".clone_into(&mut label);
    }
    let source_line = fig
        .child("attrib")
        .map(plain_text)
        .filter(|line| !line.is_empty());
    FigureDraft {
        source_id: fig.attr("id").unwrap_or_default().to_owned(),
        label,
        caption,
        image: graphic_of(fig),
        source_line,
        ..FigureDraft::default()
    }
}

/// The file name of an element's graphic: its own `xlink:href` when it is one, else its first
/// `graphic`'s.
fn graphic_of(element: Element<'_>) -> Option<String> {
    if element.is("graphic") || element.is("media") {
        return element.attr("xlink:href").map(str::to_owned);
    }
    element
        .descendants()
        .into_iter()
        .find(|e| e.is("graphic"))
        .and_then(|graphic| graphic.attr("xlink:href"))
        .map(str::to_owned)
}

/// A caption's title and paragraphs as one text.
fn caption(context: &Context<'_>, element: Element<'_>) -> Rich {
    let mut rich = Rich::default();
    let Some(caption) = element.child("caption") else {
        return rich;
    };
    let mut after_title = false;
    for part in caption.elements().filter(|part| !super::is_doi_line(*part)) {
        let (text, _) = Flattener::float_text(context, part);
        if !text.is_blank() {
            if !rich.is_blank() {
                // A caption's title is set apart from its legend (bold, on a line of its
                // own); run together, a title without a closing full stop would read as the
                // first words of the legend's first sentence.
                if after_title && !ends_a_sentence(&rich) {
                    rich.push_text(".");
                }
                rich.push_text(" ");
            }
            rich.extend(text);
            after_title = part.is("title");
        }
    }
    rich
}

/// Whether `rich` ends with the punctuation that closes a sentence or a title (`.`, `?`, `!`,
/// `:`, `;`, `…`), closing quotation marks and brackets aside.
fn ends_a_sentence(rich: &Rich) -> bool {
    let Some(Span::Text(text)) = rich.spans.last() else {
        return false;
    };
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '?', '!', ':', ';', '…'])
}
