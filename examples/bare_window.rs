//! A bare eframe window, the yardstick for paperlens's startup: it opens an empty window,
//! prints how long the first frame took from process start, and exits after a few frames.
//!
//! `cargo run --release --example bare_window` (under `xvfb-run` without a display).
//! `benches/startup.sh` compares it with `paperlens --measure-startup`.

use std::time::Instant;

use eframe::egui;

struct Bare {
    started: Instant,
    frames: u32,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 1 {
            println!(
                "first frame after {:.1} ms",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
        }
        if self.frames >= 3 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }
}

fn main() -> eframe::Result {
    let started = Instant::now();
    eframe::run_native(
        "bare window",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
            ..Default::default()
        },
        Box::new(move |_| Ok(Box::new(Bare { started, frames: 0 }))),
    )
}
