//! The window the UI tests drive: the explorer at a laptop's size, 1280×800.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::explorer::{Explorer, StartOptions};

/// The explorer started with `options`, before its first frame.
pub fn explorer(options: StartOptions) -> Harness<'static, Explorer> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options))
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
