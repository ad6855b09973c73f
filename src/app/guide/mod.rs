//! Help → User guide and Help → Corpus format: a guide written in Markdown ([`USER_GUIDE`],
//! [`crate::corpus::FORMAT_GUIDE`]) in a window, drawn with the theme's type scale: headings
//! larger, code monospace, paragraphs wrapped to a reading width, tables as striped grids.

pub mod markdown;

use eframe::egui::{self, FontFamily, FontId, RichText, TextFormat, Ui, text::LayoutJob};

use super::context::ViewCtx;
use super::theme::Theme;
use markdown::{Block, Style};

/// The user guide (Help → User guide): `docs/user-guide.md`, embedded.
pub const USER_GUIDE: &str = include_str!("../../../docs/user-guide.md");

/// A guide shown in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guide {
    /// The window's title.
    pub title: &'static str,
    /// The line under the Close button (how else to read it).
    pub hint: &'static str,
    /// Its Markdown.
    pub text: &'static str,
}

impl Guide {
    /// The user guide: opening papers, the linked panels, search, presenting, exports, keys.
    pub const USER: Self = Self {
        title: "User guide",
        hint: "Esc closes it too; F1 lists every shortcut.",
        text: USER_GUIDE,
    };

    /// The corpus format guide.
    pub const FORMAT: Self = Self {
        title: "Corpus format",
        hint: "Esc closes it too; paperlens docs format prints it.",
        text: crate::corpus::FORMAT_GUIDE,
    };
}

/// A guide's window; the guide is read into blocks the first time it opens.
#[derive(Debug)]
pub struct GuideWindow {
    /// Whether it is shown.
    pub open: bool,
    guide: Guide,
    blocks: Vec<Block>,
    /// The anchor of the heading a clicked link asked for, scrolled to on the next frame.
    scroll_to: Option<String>,
}

impl Default for GuideWindow {
    /// The corpus format guide's window.
    fn default() -> Self {
        Self::new(Guide::FORMAT)
    }
}

impl GuideWindow {
    /// The window of `guide`, closed.
    #[must_use]
    pub fn new(guide: Guide) -> Self {
        Self {
            open: false,
            guide,
            blocks: Vec::new(),
            scroll_to: None,
        }
    }

    /// Shows the guide.
    pub fn show(&mut self) {
        if self.blocks.is_empty() {
            self.blocks = markdown::blocks(self.guide.text);
        }
        self.open = true;
    }

    /// Draws the window when open; its × and Close button close it (Esc does, through
    /// `UiCommand::CloseOverlay`).
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &Ui) {
        if !self.open {
            return;
        }
        let theme = ctx.theme;
        let screen = ui.ctx().content_rect();
        let mut open = true;
        let mut close = false;
        egui::Window::new(self.guide.title)
            .id(egui::Id::unique(("guide-window", self.guide.title)))
            .open(&mut open)
            .collapsible(false)
            .default_size([
                (theme.reading_width + 4.0 * theme.gap).min(screen.width() * 0.9),
                screen.height() * 0.8,
            ])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ui.ctx(), |ui| {
                ui.horizontal(|ui| {
                    close = ui.button("Close").clicked();
                    ui.label(
                        RichText::new(self.guide.hint)
                            .small()
                            .color(theme.muted_text),
                    );
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        ui.set_max_width(theme.reading_width);
                        let mut clicked = None;
                        for block in &self.blocks {
                            clicked = clicked.or(block_ui(theme, ui, block, &mut self.scroll_to));
                        }
                        if clicked.is_some() {
                            self.scroll_to = clicked;
                        }
                    });
            });
        if !open || close {
            self.open = false;
        }
    }
}

/// A label of inline text; when its text holds one link within the guide, clicking it returns
/// that link's anchor.
fn text_ui(theme: &Theme, ui: &mut Ui, text: &str) -> Option<String> {
    let label = egui::Label::new(inline_job(theme, ui, text)).wrap();
    let Some(target) = markdown::only_internal_link(text) else {
        ui.add(label);
        return None;
    };
    ui.add(label.sense(egui::Sense::click()))
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .clicked()
        .then(|| target.to_owned())
}

/// One block of the guide; returns the anchor of a link clicked in it. A heading whose anchor
/// is `scroll_to` is scrolled to the top, once.
fn block_ui(
    theme: &Theme,
    ui: &mut Ui,
    block: &Block,
    scroll_to: &mut Option<String>,
) -> Option<String> {
    match block {
        Block::Heading(level, text) => {
            let size = match level {
                1 => theme.heading_size * 1.25,
                2 => theme.heading_size,
                _ => theme.body_size * 1.15,
            };
            ui.add_space(theme.gap);
            let words: String = markdown::spans(text).into_iter().map(|s| s.text).collect();
            let response =
                ui.add(egui::Label::new(RichText::new(words).size(size).strong()).wrap());
            if scroll_to.as_deref() == Some(markdown::anchor(text).as_str()) {
                response.scroll_to_me(Some(egui::Align::TOP));
                *scroll_to = None;
            }
            None
        }
        Block::Paragraph(text) => text_ui(theme, ui, text),
        Block::ListItem {
            marker,
            depth,
            text,
        } => {
            ui.horizontal_top(|ui| {
                #[allow(
                    clippy::cast_precision_loss,
                    reason = "a list is nested a few levels deep, far below f32's exact integers"
                )]
                ui.add_space(theme.gap * 2.0 * (*depth as f32 + 1.0));
                ui.label(RichText::new(marker).color(theme.muted_text));
                text_ui(theme, ui, text)
            })
            .inner
        }
        Block::Code(code) => {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(theme.radius)
                .inner_margin(theme.gap)
                .show(ui, |ui| {
                    egui::ScrollArea::horizontal()
                        .id_salt(code.as_ptr())
                        .show(ui, |ui| {
                            ui.add(egui::Label::new(RichText::new(code).monospace()).extend());
                        });
                });
            None
        }
        Block::Table(rows) => table_ui(theme, ui, rows),
    }
}

/// Each column's share of a table's width: its longest cell's length (capped, so that one long
/// cell does not starve the rest), over all columns'.
fn column_shares(rows: &[Vec<String>]) -> Vec<f32> {
    /// The most characters a column's weight counts.
    const CAP: usize = 60;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let weights: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.chars().count().clamp(4, CAP))
                .max()
                .unwrap_or(4)
        })
        .collect();
    let total: usize = weights.iter().sum::<usize>().max(1);
    #[allow(
        clippy::cast_precision_loss,
        reason = "cell lengths are capped at CAP, far below f32's exact integers"
    )]
    weights
        .into_iter()
        .map(|weight| weight as f32 / total as f32)
        .collect()
}

/// A table as a striped grid, its header row strong, cells wrapped, each column given a share
/// of the width by how long its cells are.
fn table_ui(theme: &Theme, ui: &mut Ui, rows: &[Vec<String>]) -> Option<String> {
    let shares = column_shares(rows);
    let columns = shares.len().max(1);
    #[allow(
        clippy::cast_precision_loss,
        reason = "a table has a handful of columns, far below f32's exact integers"
    )]
    let width = ui.available_width() - theme.gap * columns as f32;
    let mut clicked = None;
    egui::Grid::new(rows.as_ptr())
        .striped(true)
        .num_columns(columns)
        .spacing([theme.gap, theme.gap * 0.5])
        .show(ui, |ui| {
            for (number, row) in rows.iter().enumerate() {
                for (cell, share) in row.iter().zip(&shares) {
                    ui.scope(|ui| {
                        ui.set_max_width(width * share);
                        if number == 0 {
                            let job = LayoutJob::single_section(
                                cell.clone(),
                                TextFormat::simple(
                                    FontId::new(theme.body_size, FontFamily::Proportional),
                                    ui.visuals().strong_text_color(),
                                ),
                            );
                            ui.add(egui::Label::new(job).wrap());
                        } else {
                            clicked = clicked.take().or(text_ui(theme, ui, cell));
                        }
                    });
                }
                ui.end_row();
            }
        });
    clicked
}

/// A line of text with its inline code, strong, emphasis and links set apart.
fn inline_job(theme: &Theme, ui: &Ui, text: &str) -> LayoutJob {
    let body = FontId::new(theme.body_size, FontFamily::Proportional);
    let code = FontId::new(theme.body_size - 1.0, FontFamily::Monospace);
    let text_colour = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    for span in markdown::spans(text) {
        let format = match span.style {
            Style::Plain => TextFormat::simple(body.clone(), text_colour),
            Style::Code => TextFormat {
                background: ui.visuals().code_bg_color,
                ..TextFormat::simple(code.clone(), text_colour)
            },
            Style::Strong => TextFormat::simple(body.clone(), ui.visuals().strong_text_color()),
            Style::Emphasis => TextFormat {
                italics: true,
                ..TextFormat::simple(body.clone(), text_colour)
            },
            Style::Link => TextFormat::simple(body.clone(), theme.accent),
        };
        job.append(&span.text, 0.0, format);
    }
    job
}
