//! The window the UI tests drive: the explorer at a laptop's size, 1280×800.
// A test helper states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::trends_view::TrendsView;
use paperlens::corpus::Item;

/// The explorer started with `options`, before its first frame.
pub fn explorer(options: StartOptions) -> Harness<'static, Explorer> {
    explorer_sized(options, [1280.0, 800.0])
}

/// The explorer started with `options` in a window of `size` points, before its first frame.
pub fn explorer_sized(options: StartOptions, size: [f32; 2]) -> Harness<'static, Explorer> {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options))
}

/// Runs enough frames for selections, reveals, menus, tooltips and writes to settle.
pub fn settle(harness: &mut Harness<'_, Explorer>) {
    harness.run_steps(6);
}

/// Types `text` over what paperlens's own file dialog's path field holds, then presses Enter.
pub fn type_path(harness: &mut Harness<'_, Explorer>, text: &str) {
    let field = (egui::accesskit::Role::TextInput, "Path");
    harness.get_by_role_and_label(field.0, field.1).click();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(field.0, field.1)
        .type_text(text);
    harness.step();
    harness.key_press(egui::Key::Enter);
    settle(harness);
}

/// Every label, value and description AccessKit exposes in the last frame: all the text the
/// window shows in widgets (chart axis labels are painted, not widgets).
pub fn accessible_texts(harness: &Harness<'_, Explorer>) -> Vec<String> {
    harness
        .query_all_by(|_| true)
        .flat_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value(), node.description()]
        })
        .flatten()
        .collect()
}

/// Every text the app asked to copy in the last frame.
pub fn copied(harness: &Harness<'_, Explorer>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            eframe::egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Where a year sits on the Trends chart drawn last.
pub fn year_position(harness: &Harness<'_, Explorer>, year: i32) -> egui::Pos2 {
    harness
        .state()
        .views()
        .get::<TrendsView>()
        .expect("the Trends view")
        .year_positions
        .iter()
        .find(|(y, _)| *y == year)
        .map(|(_, pos)| *pos)
        .expect("the year is drawn")
}

/// The point of the first series at `year`.
pub fn point_of(harness: &Harness<'_, Explorer>, year: i32) -> Item {
    let series = &harness.state().corpus().file.series[0];
    let point = series
        .points
        .iter()
        .position(|p| p.year == year)
        .expect("the series has the year");
    Item::SeriesPoint { series: 0, point }
}

/// Presses and releases the primary mouse button at `at` (the frames that follow see a click).
pub fn press_and_release(harness: &mut Harness<'_, Explorer>, at: egui::Pos2) {
    for pressed in [true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
}
