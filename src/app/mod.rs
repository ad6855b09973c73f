//! The explorer window: linked panels over one corpus.
//!
//! [`explorer::Explorer`] is the app; each panel lives in its own module and draws from a
//! [`context::ViewCtx`]; [`records`] draws each record kind one way for every place it appears.

pub mod about;
pub mod cases_view;
pub mod chart_slide;
pub mod checks_view;
pub mod citation_cache;
pub mod citation_form;
pub mod commands;
pub mod context;
pub mod explorer;
pub(crate) mod figure_images;
pub mod file_dialog;
pub mod guide;
pub mod inspector;
pub mod navigator;
pub mod notes_view;
pub mod offscreen;
pub mod overlays;
pub mod presentation;
pub mod presenter;
pub mod reader;
pub mod records;
pub mod references_view;
pub mod search_popup;
pub mod slide_export;
pub mod slides;
pub mod state;
pub mod study;
pub mod study_notes;
pub mod style_choice;
pub mod style_picker;
pub mod table_view;
pub mod table_widths;
pub mod theme;
pub mod tour_view;
mod trends_chart;
pub mod trends_view;
pub mod views;
pub mod virtual_list;

use std::path::PathBuf;
use std::process::ExitCode;

use eframe::egui;

use explorer::{Explorer, StartOptions};
pub use slide_export::{SlideExport, SlideExportError, SlidesWritten, WhichSlides, export_slides};
use state::StateStore;
use views::registry;

/// How the window opens. `src/main.rs` makes it from the command line; the window knows no
/// command line.
#[derive(Clone, Debug, Default)]
pub struct WindowOptions {
    /// A paper, bibliography or corpus file to open (the last one, or the built-in corpus,
    /// when absent).
    pub path: Option<PathBuf>,
    /// Render the window once, save it as a PNG here, and exit.
    pub screenshot: Option<PathBuf>,
    /// The window's inner size in points for `--screenshot` (1280×800 otherwise).
    pub screenshot_size: [f32; 2],
    /// The main view to show, by name (as [`view_names`] gives them).
    pub view: Option<String>,
    /// An item to select, by key (`reference:porter1995`).
    pub select: Option<String>,
    /// Print how long the first frame took from process start, then exit.
    pub measure_startup: bool,
    /// Start in presentation mode.
    pub present: bool,
}

/// The main views by name and description, in toolbar order: the names `--view` accepts.
#[must_use]
pub fn view_names() -> Vec<(&'static str, &'static str)> {
    registry()
        .iter()
        .map(|view| (view.id(), view.description()))
        .collect()
}

/// Opens the explorer window and runs it until it is closed.
#[must_use]
pub fn run(args: WindowOptions, started: std::time::Instant) -> ExitCode {
    let screenshot = args.screenshot.is_some();
    let mut viewport = eframe::egui::ViewportBuilder::default()
        .with_title("paperlens")
        .with_app_id("paperlens")
        .with_inner_size(if screenshot {
            args.screenshot_size
        } else {
            [1280.0, 800.0]
        })
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if screenshot {
        viewport = viewport.with_resizable(false);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let start = StartOptions {
        path: args.path,
        view: args.view,
        select: args.select,
        // A screenshot run leaves the user's settings alone.
        store: Some(if screenshot || args.measure_startup {
            StateStore::in_memory()
        } else {
            StateStore::at_default_location()
        }),
        screenshot: args.screenshot.clone(),
        present: args.present,
        corpus: None,
        measure_startup_from: args.measure_startup.then_some(started),
        crash_report_dir: (!screenshot && !args.measure_startup).then(crate::crash::report_dir),
        system_clipboard: !screenshot,
        notes_dir: crate::notes::state_dir(),
    };
    let screenshot_error = std::sync::Arc::new(std::sync::Mutex::new(None));
    let error_slot = std::sync::Arc::clone(&screenshot_error);
    let result = eframe::run_native(
        "paperlens",
        options,
        Box::new(move |cc| {
            let app = Explorer::new(&cc.egui_ctx, start);
            let app_error = std::sync::Arc::clone(&app.screenshot_error);
            if let Ok(mut slot) = error_slot.lock() {
                *slot = Some(app_error);
            }
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = result {
        eprintln!("error: could not open the window: {e}");
        eprintln!(
            "hint: paperlens needs a graphical session (X11 or Wayland) with OpenGL or Vulkan; `paperlens check` works without one"
        );
        return ExitCode::from(1);
    }
    let failure = screenshot_error.lock().ok().and_then(|slot| {
        slot.as_ref()
            .and_then(|inner| inner.lock().ok().and_then(|e| e.clone()))
    });
    if let Some(message) = failure {
        eprintln!("error: {message}");
        return ExitCode::from(1);
    }
    if let Some(path) = &args.screenshot {
        println!("saved {}", path.display());
    }
    ExitCode::SUCCESS
}

/// Writes a window picture as an RGBA PNG (`--screenshot`, the chart captured as shown; the
/// startup yardstick `examples/bare_window.rs` writes its picture the same way).
///
/// # Errors
/// A plain-words message when the image is too large or the file cannot be written.
pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let width = u32::try_from(width).map_err(|e| e.to_string())?;
    let height = u32::try_from(height).map_err(|e| e.to_string())?;
    image::save_buffer(path, &bytes, width, height, image::ColorType::Rgba8)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}
