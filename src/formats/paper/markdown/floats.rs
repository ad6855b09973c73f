//! Quarto's float divs (`::: {#fig-x}` … `:::`, `{#tbl-x}`, or of a kind the paper declares
//! in `crossref: custom:`): the blocks inside one made its figure or table, its images its
//! subfigures.

use super::blocks::Block;
use super::crossref::{CustomKind, custom_kind};
use super::tables::TableBlock;

/// The blocks of a float div (`::: {#fig-x}` … `:::`, labelled `label`) as its figure or
/// table, as Quarto reads one: the div's last paragraph is its caption; the table (or the
/// image, or the figure a code chunk draws) inside is the float's; with none, the float is
/// its caption alone (code, which is left out, draws it).
pub(super) fn float_div(mut inside: Vec<Block>, label: String, kinds: &[CustomKind]) -> Vec<Block> {
    let caption_at = inside
        .iter()
        .rposition(|block| matches!(block, Block::Paragraph { .. }));
    let caption = match caption_at.map(|at| inside.remove(at)) {
        Some(Block::Paragraph { text }) => text,
        _ => String::new(),
    };
    let captioned = !caption.trim().is_empty();
    let is_table = label.starts_with("tbl-")
        || custom_kind(kinds, &label)
            .and_then(|index| kinds.get(index))
            .is_some_and(CustomKind::is_table);
    let is_figure = label.starts_with("fig-");
    let table_at = inside
        .iter()
        .position(|block| matches!(block, Block::Table(_)));
    let figure_at = inside
        .iter()
        .position(|block| matches!(block, Block::Figure { .. }));
    // A custom kind's float is a table when it holds one, else a figure.
    let as_table = table_at.filter(|_| is_table || (!is_figure && figure_at.is_none()));
    let as_figure = figure_at.filter(|_| !is_table);
    if as_table.is_none() && as_figure.is_some() {
        merge_subfigures(&mut inside);
    }
    if let Some(Block::Table(table)) = as_table.and_then(|at| inside.get_mut(at)) {
        table.id = label;
        if captioned {
            table.caption = Some(caption);
        }
    } else if let Some(Block::Figure {
        caption: own,
        label: own_label,
        parts,
        ..
    }) = as_figure.and_then(|at| inside.get_mut(at))
    {
        *own_label = label;
        // Subfigures' captions, lettered, follow the figure's own.
        if captioned && parts.is_empty() {
            *own = caption;
        } else if captioned {
            *own = format!("{} {own}", caption.trim_end());
        }
    } else if captioned && is_table {
        inside.push(Block::Table(TableBlock {
            header: Vec::new(),
            rows: Vec::new(),
            caption: Some(caption),
            id: label,
            label: None,
        }));
    } else if captioned {
        inside.push(Block::Figure {
            caption,
            image: None,
            label,
            parts: Vec::new(),
        });
    }
    inside
}

/// The figures among `blocks` (a float div's) as one, in the place of the first: the images
/// of a Quarto figure div are its subfigures, lettered in order, their labels its parts and
/// their captions after its own ("(a) Surus (b) Hanno").
fn merge_subfigures(blocks: &mut Vec<Block>) {
    let figures = blocks
        .iter()
        .filter(|block| matches!(block, Block::Figure { .. }))
        .count();
    if figures < 2 {
        return;
    }
    let mut parts = Vec::new();
    let mut subcaptions = Vec::new();
    let mut image = None;
    let mut first_kept = false;
    blocks.retain_mut(|block| {
        let Block::Figure {
            caption,
            image: own_image,
            label,
            ..
        } = block
        else {
            return true;
        };
        parts.push(std::mem::take(label));
        subcaptions.push(std::mem::take(caption));
        if image.is_none() {
            image = own_image.take();
        }
        !std::mem::replace(&mut first_kept, true)
    });
    if let Some(Block::Figure {
        caption,
        image: own_image,
        parts: own_parts,
        ..
    }) = blocks
        .iter_mut()
        .find(|block| matches!(block, Block::Figure { .. }))
    {
        *caption = lettered_captions(&subcaptions);
        *own_image = image;
        *own_parts = parts;
    }
}

/// Subcaptions lettered in order, for after a figure's caption: "(a) Surus (b) Hanno"; an
/// empty one takes its letter alone.
pub(super) fn lettered_captions(subcaptions: &[String]) -> String {
    subcaptions
        .iter()
        .zip('a'..='z')
        .map(|(caption, letter)| {
            format!("({letter}) {}", caption.trim())
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
