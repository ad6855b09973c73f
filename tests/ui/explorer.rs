//! The window the UI tests drive: the explorer at a laptop's size, 1280×800.

use egui_kittest::Harness;
use paperlens::app::explorer::{Explorer, StartOptions};

/// The explorer started with `options`, before its first frame.
pub fn explorer(options: StartOptions) -> Harness<'static, Explorer> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options))
}
