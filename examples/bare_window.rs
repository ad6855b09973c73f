//! A bare eframe window, the yardstick for paperlens's startup: it opens an empty window of the
//! same size and, like `paperlens --screenshot PATH`, saves a PNG of the third frame (asked
//! for at the end of the second) and exits.
//!
//! `cargo run --release --example bare_window -- --screenshot /tmp/bare.png` (under `xvfb-run`
//! without a display). With `--label` it draws one label in a central panel: without a GPU, the
//! software renderer compiles its shaders on the first draw, which a window that draws nothing
//! never pays. Without `--screenshot` it prints how long the first frame took from
//! process start and exits after three frames. `benches/startup.sh` runs it beside
//! `paperlens --screenshot` and compares the whole processes.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use eframe::egui;

/// The frame at the end of which the screenshot is asked for (the picture is of the next one),
/// as `paperlens --screenshot` does.
const SCREENSHOT_FRAME: u32 = 2;

/// What a saved screenshot came to: `None` until the picture has been written (or failed).
type SaveResult = Arc<Mutex<Option<Result<(), String>>>>;

struct Bare {
    started: Instant,
    frames: u32,
    /// Draw one label in a central panel, so the renderer has something to draw.
    label: bool,
    screenshot: Option<PathBuf>,
    requested: bool,
    saved: SaveResult,
    failure: SaveResult,
}

impl Bare {
    /// Asks for a screenshot at [`SCREENSHOT_FRAME`], writes it, then closes the window.
    fn screenshot_step(&mut self, ctx: &egui::Context, path: PathBuf) {
        if !self.requested && self.frames >= SCREENSHOT_FRAME {
            self.requested = true;
            let saved = Arc::clone(&self.saved);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let outcome = paperlens::app::save_png(&path, &image);
                if let Ok(mut slot) = saved.lock() {
                    *slot = Some(outcome);
                }
                repaint.request_repaint();
            });
        }
        let finished = self.saved.lock().ok().and_then(|mut slot| slot.take());
        if let Some(outcome) = finished {
            if let Ok(mut slot) = self.failure.lock() {
                *slot = Some(outcome);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        let ctx = ui.ctx().clone();
        if self.label {
            egui::CentralPanel::default().show(ui, |ui| ui.label("bare window"));
        }
        if let Some(path) = self.screenshot.clone() {
            self.screenshot_step(&ctx, path);
        } else {
            if self.frames == 1 {
                println!(
                    "first frame after {:.1} ms",
                    self.started.elapsed().as_secs_f64() * 1000.0
                );
            }
            if self.frames >= 3 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ctx.request_repaint();
        }
    }
}

/// Says how to run the example; exit code 2.
fn usage() -> std::process::ExitCode {
    eprintln!("usage: bare_window [--label] [--screenshot PATH]");
    std::process::ExitCode::from(2)
}

fn main() -> std::process::ExitCode {
    let started = Instant::now();
    let mut screenshot = None;
    let mut label = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--label" => label = true,
            "--screenshot" if screenshot.is_none() => {
                let Some(path) = args.next() else {
                    return usage();
                };
                screenshot = Some(PathBuf::from(path));
            }
            _ => return usage(),
        }
    }
    let failure: SaveResult = Arc::new(Mutex::new(None));
    let app = Bare {
        started,
        frames: 0,
        label,
        screenshot: screenshot.clone(),
        requested: false,
        saved: Arc::new(Mutex::new(None)),
        failure: Arc::clone(&failure),
    };
    let result = eframe::run_native(
        "bare window",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default()
                .with_inner_size([1280.0, 800.0])
                .with_resizable(screenshot.is_none()),
            ..Default::default()
        },
        Box::new(move |_| Ok(Box::new(app))),
    );
    if let Err(e) = result {
        eprintln!("error: could not open the window: {e}");
        return std::process::ExitCode::from(1);
    }
    let outcome = failure.lock().ok().and_then(|mut slot| slot.take());
    match (screenshot, outcome) {
        (Some(path), Some(Ok(()))) => {
            println!("saved {}", path.display());
            std::process::ExitCode::SUCCESS
        }
        (Some(_), Some(Err(message))) => {
            eprintln!("error: {message}");
            std::process::ExitCode::from(1)
        }
        (Some(_), None) => {
            eprintln!("error: the window closed before the screenshot was saved");
            std::process::ExitCode::from(1)
        }
        (None, _) => std::process::ExitCode::SUCCESS,
    }
}
