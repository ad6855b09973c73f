//! The two side panels, the navigator and the inspector: each open with a slim header whose
//! button collapses it, or collapsed to a thin strip whose button reopens it (Ctrl+B and Ctrl+I
//! from the commands table do the same, and dragging an edge past its narrowest collapses it).
//! Widths fit the window: a width remembered from a wide screen is brought down on a laptop.

use eframe::egui::{self, RichText, Ui};

use crate::app::commands::UiCommand;
use crate::app::context::{Command, SidePanel, ViewCtx};

/// How one side panel is laid out in a window.
struct PanelSizes {
    /// The narrowest it may be dragged before it collapses.
    min: f32,
    /// The widest it may be: a share of the window, so the main view always keeps room.
    max: f32,
    /// The width it opens at when the session has no width for it yet.
    opening: f32,
}

impl SidePanel {
    /// Its name in headers and labels.
    fn title(self) -> &'static str {
        match self {
            Self::Navigator => "Navigator",
            Self::Inspector => "Inspector",
        }
    }

    /// The command that collapses and reopens it.
    fn command(self) -> UiCommand {
        match self {
            Self::Navigator => UiCommand::ToggleNavigator,
            Self::Inspector => UiCommand::ToggleInspector,
        }
    }

    /// Its sizes in a window `window_width` wide, opening at `remembered` if that fits.
    fn sizes(self, window_width: f32, remembered: f32) -> PanelSizes {
        // Narrowest widths, largest shares of the window and shares to open at.
        let (min, hard_max, max_share, opening_share) = match self {
            Self::Navigator => (150.0, 600.0, 0.4, 0.22),
            Self::Inspector => (190.0, 800.0, 0.45, 0.27),
        };
        let max = (window_width * max_share).min(hard_max).max(min);
        let opening = remembered.min(window_width * opening_share).clamp(min, max);
        PanelSizes { min, max, opening }
    }

    /// The button text that collapses it (pointing towards its edge) and reopens it.
    fn arrows(self) -> (&'static str, &'static str) {
        match self {
            Self::Navigator => ("«", "»"),
            Self::Inspector => ("»", "«"),
        }
    }
}

/// Draws `panel` open with `contents` under a header, or collapsed to a strip; `open` and
/// `width` are the remembered state (a drag past the narrowest width collapses it).
pub(super) fn side_panel_ui(
    view_ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    panel: SidePanel,
    open: &mut bool,
    width: &mut f32,
    contents: impl FnOnce(&mut Ui),
) {
    let room = side_panel_room_ui(view_ctx, ui, panel, open, width);
    side_panel_contents_ui(view_ctx, ui, panel, room, contents);
}

/// Where a side panel's contents go, laid out before the main view and drawn when they are:
/// Tab follows the order widgets are drawn in, so the inspector's are drawn after the main
/// view's.
#[derive(Clone, Copy, Debug)]
pub(super) struct PanelRoom {
    /// The panel's inside.
    rect: egui::Rect,
    /// Whether it is open (else a collapsed strip).
    expanded: bool,
}

/// Lays `panel` out, open or collapsed to a strip, and returns the room for its contents (see
/// [`side_panel_contents_ui`]); `open` and `width` are the remembered state (a drag past the
/// narrowest width collapses it).
pub(super) fn side_panel_room_ui(
    view_ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    panel: SidePanel,
    open: &mut bool,
    width: &mut f32,
) -> PanelRoom {
    let window_width = ui.ctx().content_rect().width();
    let sizes = panel.sizes(window_width, *width);
    let (expanded, collapsed) = match panel {
        SidePanel::Navigator => (
            egui::Panel::left("navigator"),
            egui::Panel::left("navigator-collapsed"),
        ),
        SidePanel::Inspector => (
            egui::Panel::right("inspector"),
            egui::Panel::right("inspector-collapsed"),
        ),
    };
    let expanded = expanded
        .resizable(true)
        .default_size(sizes.opening)
        .size_range(sizes.min..=sizes.max);
    let strip_width = view_ctx.theme.body_size * 2.0;
    let collapsed = collapsed.resizable(true).exact_size(strip_width);
    let response =
        egui::Panel::show_switched(ui, open, collapsed, expanded, |ui, expanded| PanelRoom {
            rect: super::reserve_room_ui(ui),
            expanded,
        });
    if *open {
        *width = response.response.rect.width();
    }
    response.inner
}

/// Draws `panel` in its `room`: `contents` under a header when it is open, else the strip.
pub(super) fn side_panel_contents_ui(
    view_ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    panel: SidePanel,
    room: PanelRoom,
    contents: impl FnOnce(&mut Ui),
) {
    super::fill_room_ui(ui, room.rect, panel.title(), |ui| {
        if room.expanded {
            panel_header_ui(view_ctx, ui, panel);
            contents(ui);
        } else {
            collapsed_strip_ui(view_ctx, ui, panel);
        }
    });
}

/// The open panel's header: its name, the button that collapses it, and in the inspector's
/// while something is selected, "Add to tour".
fn panel_header_ui(view_ctx: &ViewCtx<'_>, ui: &mut Ui, panel: SidePanel) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(panel.title())
                .small()
                .strong()
                .color(view_ctx.theme.muted_text),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let label = format!("Collapse the {}", panel.title().to_lowercase());
            toggle_button_ui(view_ctx, ui, panel, panel.arrows().0, &label);
            if panel == SidePanel::Inspector && view_ctx.selection.selected.is_some() {
                let add = UiCommand::AddToTour;
                if ui
                    .small_button(add.text())
                    .on_hover_text(add.hover_text())
                    .clicked()
                    && let Some(command) = add.command()
                {
                    view_ctx.send(command);
                }
            }
        });
    });
}

/// The collapsed panel: a thin strip with the button that reopens it.
fn collapsed_strip_ui(view_ctx: &ViewCtx<'_>, ui: &mut Ui, panel: SidePanel) {
    ui.vertical_centered(|ui| {
        let label = format!("Show the {}", panel.title().to_lowercase());
        toggle_button_ui(view_ctx, ui, panel, panel.arrows().1, &label);
    });
}

/// A small button that collapses or reopens `panel`, named `label` for screen readers, with
/// the command's shortcut in its hover text.
fn toggle_button_ui(
    view_ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    panel: SidePanel,
    text: &str,
    label: &str,
) {
    let command = panel.command();
    let response = ui
        .small_button(text)
        .on_hover_text(format!("{label} ({})", command.keys_text()));
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        view_ctx.send(Command::TogglePanel(panel));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_laptop_window_opens_the_panels_narrower_than_a_wide_one() {
        let laptop = SidePanel::Navigator.sizes(1024.0, 280.0);
        let desk = SidePanel::Navigator.sizes(1920.0, 280.0);
        assert!(laptop.opening < 280.0, "{}", laptop.opening);
        assert!((desk.opening - 280.0).abs() < f32::EPSILON);
        let inspector = SidePanel::Inspector.sizes(1024.0, 360.0);
        // The main view keeps at least half of a 1024-point window.
        assert!(laptop.opening + inspector.opening <= 512.0);
    }

    #[test]
    fn a_panel_never_takes_more_than_its_share_nor_less_than_its_minimum() {
        let huge = SidePanel::Inspector.sizes(1024.0, 5000.0);
        assert!(huge.opening <= huge.max && huge.max <= 1024.0 * 0.45);
        let tiny = SidePanel::Navigator.sizes(300.0, 10.0);
        assert!((tiny.opening - tiny.min).abs() < f32::EPSILON);
        assert!(tiny.max >= tiny.min);
    }
}
