//! The explorer window: linked panels over one corpus.
//!
//! [`explorer::Explorer`] is the app; each panel lives in its own module and draws from a
//! [`context::ViewCtx`]; [`records`] draws each record kind one way for every place it appears.

pub mod cases_view;
pub mod context;
pub mod explorer;
pub mod inspector;
pub mod navigator;
pub mod overlays;
pub mod presentation;
pub mod reader;
pub mod records;
pub mod search_popup;
pub mod state;
pub mod table_view;
pub mod theme;
pub mod trends_view;
pub mod virtual_list;

use std::process::ExitCode;

use crate::cli::{ViewArg, WindowArgs};
use explorer::{Explorer, StartOptions};
use state::{MainView, StateStore};

/// The view a command-line `--view` names.
#[must_use]
pub fn main_view(view: ViewArg) -> MainView {
    match view {
        ViewArg::Reader => MainView::Reader,
        ViewArg::Table => MainView::Table,
        ViewArg::Cases => MainView::Cases,
        ViewArg::Trends => MainView::Trends,
    }
}

/// Parses `WIDTHxHEIGHT`.
fn parse_size(size: &str) -> Option<[f32; 2]> {
    let (width, height) = size.split_once(['x', 'X'])?;
    let width: f32 = width.trim().parse().ok()?;
    let height: f32 = height.trim().parse().ok()?;
    (width >= 200.0 && height >= 200.0 && width <= 8000.0 && height <= 8000.0)
        .then_some([width, height])
}

/// Opens the explorer window and runs it until it is closed.
#[must_use]
pub fn run(args: &WindowArgs, started: std::time::Instant) -> ExitCode {
    let screenshot = args.screenshot.is_some();
    let Some(size) = parse_size(&args.size) else {
        eprintln!(
            "error: --size must be WIDTHxHEIGHT, e.g. 1280x800 (got `{}`)",
            args.size
        );
        return ExitCode::from(2);
    };
    let mut viewport = eframe::egui::ViewportBuilder::default()
        .with_title("paperlens")
        .with_app_id("paperlens")
        .with_inner_size(if screenshot { size } else { [1280.0, 800.0] })
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
        path: args.path.clone(),
        view: args.view.map(main_view),
        select: args.select.clone(),
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
