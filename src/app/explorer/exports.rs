//! Files in and out of the window: the open dialog, exports of references, tables, the corpus,
//! the citation check's flags and charts (each asks where to save, then writes), the slides (asks for a folder, then draws
//! each offscreen), the chart capture and `--screenshot`.
//! A file is asked for through the desktop's dialog when it has one, else paperlens's own
//! ([`crate::app::file_dialog`]); never silently nothing.
//! [`Explorer::apply`] hands these here; it never opens a dialog or writes a file itself.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use eframe::egui;

use super::Explorer;
use crate::app::checks_view::FlagExport;
use crate::app::context::ReferenceScope;
use crate::app::file_dialog::{
    self, DialogEvent, FilePurpose, NativeAnswer, PathDialog, SaveContents, SaveRequest,
};
use crate::app::save_png;
use crate::app::slide_export::{SlideExport, export_slides};
use crate::app::state::FileDialogs;
use crate::app::trends_view::{ChartExport, TrendsView};
use crate::chart;
use crate::corpus::Item;
use crate::formats::paper::PaperKind;
use crate::formats::{self, ReferenceFormat};

/// The frame at the end of which `--screenshot` asks for its picture (the picture is of the
/// next). The first frame is laid out unpainted; the chart's axes size themselves from the tick
/// labels of the frame before, so they are right from the third frame on.
const SCREENSHOT_FRAME: u64 = 2;

/// How long `--screenshot` waits for figure images still being decoded before it takes the
/// picture anyway.
const SCREENSHOT_IMAGE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

impl Explorer {
    /// Asks which file to open, then opens it in the background.
    pub(super) fn open_dialog(&mut self, ctx: &egui::Context) {
        self.choose_file(ctx, FilePurpose::Open);
    }

    /// Asks which `.csl` file to load as the citation style, then loads it.
    pub(super) fn load_style_dialog(&mut self, ctx: &egui::Context) {
        self.choose_file(ctx, FilePurpose::LoadStyle);
    }

    /// Asks where to save a chart export of series `series`, then writes it.
    pub(super) fn export_chart_dialog(
        &mut self,
        ctx: &egui::Context,
        series: usize,
        export: ChartExport,
    ) {
        let name = self
            .corpus
            .file
            .series
            .get(series)
            .map_or("chart", |s| s.id.as_str());
        let request = SaveRequest {
            file_name: format!("{name}.{}", export.extension()),
            label: export.label().to_owned(),
            extension: export.extension().to_owned(),
            contents: SaveContents::Chart { series, export },
        };
        self.choose_file(ctx, FilePurpose::Save(request));
    }

    /// Asks for a file for `purpose`: the desktop's dialog when it has one and the settings
    /// allow it, else paperlens's own in the window (saying why when the desktop's is missing).
    fn choose_file(&mut self, ctx: &egui::Context, purpose: FilePurpose) {
        if self.file_dialog.is_some() {
            return;
        }
        if self.state.file_dialogs == FileDialogs::InWindow {
            self.open_path_dialog(purpose);
            return;
        }
        let status = self
            .desktop_dialogs
            .get_or_insert_with(file_dialog::desktop_dialog_status)
            .clone();
        if let Err(why) = status {
            self.notices.push(format!(
                "No desktop file dialog: {why}. paperlens shows its own instead."
            ));
            self.open_path_dialog(purpose);
            return;
        }
        let started = Instant::now();
        let picked = self.native_dialog(&purpose);
        match NativeAnswer::of(picked, started.elapsed()) {
            NativeAnswer::Chosen(path) => self.file_chosen(ctx, path, purpose),
            NativeAnswer::Cancelled => {}
            NativeAnswer::NotShown => {
                self.desktop_dialogs =
                    Some(Err("the desktop's dialog did not open last time".to_owned()));
                self.notices.push(
                    "The desktop's file dialog did not open; paperlens shows its own instead."
                        .to_owned(),
                );
                self.open_path_dialog(purpose);
            }
        }
    }

    /// The desktop's dialog for `purpose` (rfd); blocks until it is closed.
    fn native_dialog(&self, purpose: &FilePurpose) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
        if let Some(folder) = self.start_folder() {
            dialog = dialog.set_directory(folder);
        }
        match purpose {
            FilePurpose::Open => {
                dialog = dialog
                    .add_filter(
                        "Paper, corpus or bibliography",
                        &file_dialog::openable_extensions(),
                    )
                    .add_filter("paperlens corpus", &["json"]);
                for kind in PaperKind::ALL {
                    dialog = dialog.add_filter(kind.label(), kind.extensions());
                }
                dialog
                    .add_filter("PDF (its text, by pdftotext)", &["pdf"])
                    .add_filter("BibTeX", &["bib", "bibtex"])
                    .add_filter("RIS", &["ris"])
                    .add_filter("All files", &["*"])
                    .pick_file()
            }
            FilePurpose::Save(request) => dialog
                .set_file_name(&request.file_name)
                .add_filter(&request.label, &[request.extension.as_str()])
                .save_file(),
            FilePurpose::ExportSlides => dialog.pick_folder(),
            FilePurpose::LoadStyle => dialog
                .add_filter("CSL style", &["csl"])
                .add_filter("All files", &["*"])
                .pick_file(),
        }
    }

    /// Shows paperlens's own file dialog for `purpose`.
    fn open_path_dialog(&mut self, purpose: FilePurpose) {
        let folder = self
            .start_folder()
            .or_else(dirs::home_dir)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        // A folder named relative to where paperlens started reads better in full.
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        let dialog = match &purpose {
            FilePurpose::Open => {
                PathDialog::open(purpose.title(), folder, &file_dialog::openable_extensions())
            }
            FilePurpose::Save(request) => PathDialog::save(
                purpose.title(),
                folder,
                &request.file_name,
                &request.extension,
            ),
            FilePurpose::ExportSlides => PathDialog::choose_folder(purpose.title(), folder),
            FilePurpose::LoadStyle => PathDialog::open(purpose.title(), folder, &["csl"]),
        };
        self.file_dialog = Some((dialog, purpose));
    }

    /// The folder a dialog starts in: the last one a file was chosen in, else the open file's
    /// (or the one that failed to open).
    fn start_folder(&self) -> Option<PathBuf> {
        self.last_folder.clone().or_else(|| {
            self.current_file()
                .and_then(|path| path.parent())
                .filter(|folder| !folder.as_os_str().is_empty())
                .map(Path::to_path_buf)
        })
    }

    /// Draws paperlens's own dialog while it is open (over everything, after the frame's
    /// commands, so a dialog asked for this frame shows at once) and acts on its answer.
    pub(super) fn file_dialog_ui(&mut self, ctx: &egui::Context, ui: &egui::Ui) {
        if self.presentation.is_some() {
            return;
        }
        let Some((dialog, _)) = &mut self.file_dialog else {
            return;
        };
        let event = dialog.ui(&self.theme, ui);
        self.file_dialog_answered(ctx, event);
    }

    /// Acts on what paperlens's own dialog answered this frame.
    fn file_dialog_answered(&mut self, ctx: &egui::Context, event: DialogEvent) {
        match event {
            DialogEvent::Pending => {}
            DialogEvent::Cancelled => self.file_dialog = None,
            DialogEvent::Chosen(path) => {
                if let Some((_, purpose)) = self.file_dialog.take() {
                    self.file_chosen(ctx, path, purpose);
                }
            }
        }
    }

    /// Opens `path`, or writes the export waiting for it.
    fn file_chosen(&mut self, ctx: &egui::Context, path: PathBuf, purpose: FilePurpose) {
        self.last_folder = path.parent().map(Path::to_path_buf);
        match purpose {
            FilePurpose::Open => self.open(ctx, path),
            FilePurpose::LoadStyle => self.load_style(&path),
            FilePurpose::Save(request) => match request.contents {
                SaveContents::Text(contents) => {
                    self.notices.push(match std::fs::write(&path, contents) {
                        Ok(()) => format!("Saved {}.", path.display()),
                        Err(e) => format!(
                            "Could not save {}: {e}. Choose another folder, or check that the \
                             disk is not full.",
                            path.display()
                        ),
                    });
                }
                SaveContents::Chart { series, export } => {
                    self.export_chart(ctx, series, export, path);
                }
            },
            FilePurpose::ExportSlides => {
                // The next dialog starts in the folder the slides went to.
                self.last_folder = Some(path.clone());
                self.notices
                    .push(format!("Drawing the slides into {}…", path.display()));
                self.pending_slide_export = Some((path, self.frames));
                ctx.request_repaint();
            }
        }
    }

    /// Asks for a folder, then writes every slide there (File → Export slides).
    pub(super) fn export_slides_dialog(&mut self, ctx: &egui::Context) {
        self.choose_file(ctx, FilePurpose::ExportSlides);
    }

    /// Draws the slides asked for, once the status bar has said so: the frame after the one
    /// that asked drew the notice; this one draws the slides.
    pub(super) fn export_pending_slides(&mut self, ctx: &egui::Context) {
        let Some((_, asked)) = &self.pending_slide_export else {
            return;
        };
        if self.frames < asked + 2 {
            ctx.request_repaint();
            return;
        }
        if let Some((folder, _)) = self.pending_slide_export.take() {
            self.export_slides_to(&folder);
            ctx.request_repaint();
        }
    }

    /// How File → Export slides draws them: what Present shows, at 1920×1080 with the
    /// handout, in the citation style and citation display in use.
    #[must_use]
    pub fn slide_export(&self) -> SlideExport {
        SlideExport {
            style: self.styles.active().clone(),
            display: self.state.citation_display,
            ..SlideExport::default()
        }
    }

    /// Draws every slide offscreen at 1920×1080 and writes them, with the PDF handout, in
    /// `folder`; the status bar says how many and where, or why not.
    pub fn export_slides_to(&mut self, folder: &Path) {
        let export = self.slide_export();
        self.notices
            .push(match export_slides(&self.corpus, folder, &export, |_| {}) {
                Ok(written) => written.summary(export.size),
                Err(error) => format!("Could not export the slides: {error}."),
            });
    }

    /// Exports the references of `scope` as `format` (asks where to save).
    pub(super) fn export_references(
        &mut self,
        ctx: &egui::Context,
        scope: ReferenceScope,
        format: ReferenceFormat,
    ) {
        let positions = self.references_in(scope);
        let written = formats::export_references(&self.corpus, format, Some(&positions))
            .map_err(|e| e.to_string());
        self.save_export(
            ctx,
            written,
            &format!("references.{}", format.extension()),
            format.label(),
            format.extension(),
        );
    }

    /// Exports the table the Table view shows as CSV (asks where to save; the file is named
    /// after the table's id).
    pub(super) fn export_table(&mut self, ctx: &egui::Context) {
        let position = self
            .views()
            .get::<crate::app::table_view::TableView>()
            .map_or(0, |view| view.table);
        let written = formats::csv::table(&self.corpus, position).map_err(|e| e.to_string());
        let name = self
            .corpus
            .file
            .tables
            .get(position)
            .map_or_else(|| "table".to_owned(), |t| t.id.clone());
        self.save_export(ctx, written, &format!("{name}.csv"), "CSV", "csv");
    }

    /// Exports the cases as CSV (asks where to save).
    pub(super) fn export_cases(&mut self, ctx: &egui::Context) {
        let written = formats::csv::cases(&self.corpus).map_err(|e| e.to_string());
        self.save_export(ctx, written, "cases.csv", "CSV", "csv");
    }

    /// Exports the whole corpus as JSON (asks where to save).
    pub(super) fn export_corpus(&mut self, ctx: &egui::Context) {
        let written =
            formats::export_corpus_json(&self.corpus.file_to_write()).map_err(|e| e.to_string());
        self.save_export(ctx, written, "corpus.json", "paperlens corpus", "json");
    }

    /// Exports the citation check's flags as CSV or as a Markdown worksheet (asks where to
    /// save), as `paperlens export flags` writes them; the worksheet has the answers given in
    /// student mode ticked.
    pub(super) fn export_flags(&mut self, ctx: &egui::Context, export: FlagExport) {
        let checks = &self.derived.checks;
        let written = match export {
            FlagExport::Csv => {
                formats::flags::to_csv(&self.corpus, checks).map_err(|e| e.to_string())
            }
            FlagExport::Markdown => {
                let answers = self
                    .answers()
                    .iter()
                    .map(|(key, answer)| (key.clone(), answer.label().to_owned()))
                    .collect();
                Ok(formats::flags::to_markdown_answered(
                    &self.corpus,
                    checks,
                    &answers,
                ))
            }
        };
        self.save_export(
            ctx,
            written,
            export.file_name(),
            export.label(),
            export.extension(),
        );
    }

    /// The positions of the references an export of `scope` covers.
    #[must_use]
    pub fn references_in(&self, scope: ReferenceScope) -> Vec<usize> {
        match scope {
            ReferenceScope::All => (0..self.corpus.file.references.len()).collect(),
            ReferenceScope::Filtered => crate::app::navigator::filtered_references(
                &self.corpus,
                &self.navigator.reference_filter,
                self.navigator.reference_sort,
            ),
            ReferenceScope::Selection => match self.selection.selected {
                Some(Item::Reference(r)) => vec![r],
                Some(Item::Citation(c)) => self
                    .corpus
                    .index
                    .citations
                    .get(c)
                    .map(|citation| citation.references.clone())
                    .unwrap_or_default(),
                _ => Vec::new(),
            },
        }
    }

    /// Asks where to save `contents` (or reports why there is nothing to save).
    pub(super) fn save_export(
        &mut self,
        ctx: &egui::Context,
        contents: Result<String, String>,
        file_name: &str,
        label: &str,
        extension: &str,
    ) {
        let contents = match contents {
            Ok(contents) => contents,
            Err(e) => {
                self.notices.push(format!("Could not export: {e}"));
                return;
            }
        };
        let request = SaveRequest {
            file_name: file_name.to_owned(),
            label: label.to_owned(),
            extension: extension.to_owned(),
            contents: SaveContents::Text(contents),
        };
        self.choose_file(ctx, FilePurpose::Save(request));
    }

    /// Writes a chart export to `path`. The screen PNG is captured from the next frame.
    pub fn export_chart(
        &mut self,
        ctx: &egui::Context,
        series: usize,
        export: ChartExport,
        path: PathBuf,
    ) {
        let Some(record) = self.corpus.file.series.get(series) else {
            return;
        };
        let Some(trends) = self.views.get::<TrendsView>() else {
            return;
        };
        let (options, chart_rect) = (trends.options, trends.chart_rect);
        let size = chart_rect.map_or((1200, 700), |rect| {
            // A rect on screen, at least 320×240: positive, and `as` saturates rather than wraps.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let size = (
                rect.width().max(320.0) as u32,
                rect.height().max(240.0) as u32,
            );
            size
        });
        // A series drawn with others on one chart is exported as that chart (SVG, PNG 2×).
        let all = &self.corpus.file.series;
        let group_bytes = chart::chart_groups(all)
            .into_iter()
            .find(|g| g.members.contains(&series) && g.members.len() > 1)
            .filter(|_| matches!(export, ChartExport::Svg | ChartExport::Png2x))
            .map(|group| {
                let svg = chart::GroupPlan::new(&group, all, &options)
                    .and_then(|planned| chart::group_svg(&planned, size))?;
                if export == ChartExport::Svg {
                    Ok(svg.into_bytes())
                } else {
                    chart::svg_to_png(&svg, 2.0, chart::FontChoice::SystemAndEmbedded)
                }
            });
        let written = match (export, group_bytes) {
            (_, Some(bytes)) => bytes
                .map_err(|e| e.to_string())
                .and_then(|bytes| std::fs::write(&path, bytes).map_err(|e| e.to_string())),
            (ChartExport::ScreenPng, None) => {
                let Some(rect) = chart_rect else {
                    self.notices
                        .push("Show the chart first, then export it as shown.".to_owned());
                    return;
                };
                self.pending_chart_capture = Some((path, rect));
                ctx.request_repaint();
                return;
            }
            (ChartExport::Png2x | ChartExport::Svg | ChartExport::Csv, None) => {
                let format = match export {
                    ChartExport::Png2x => chart::ExportFormat::Png,
                    ChartExport::Svg => chart::ExportFormat::Svg,
                    ChartExport::Csv | ChartExport::ScreenPng => chart::ExportFormat::Csv,
                };
                let figures = &self.corpus.file.figures;
                chart::export_series(record, figures, format, &options, size, 2.0)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| std::fs::write(&path, bytes).map_err(|e| e.to_string()))
            }
        };
        self.notices.push(match written {
            Ok(()) => format!("Saved {}.", path.display()),
            Err(e) => format!("Could not save {}: {e}", path.display()),
        });
    }

    /// Captures the chart region of the current frame for a pending screen PNG export.
    pub(super) fn capture_chart(&mut self, ctx: &egui::Context) {
        if let Some((path, rect)) = self.pending_chart_capture.take() {
            let result = Arc::clone(&self.capture_result);
            let repaint = ctx.clone();
            let pixels_per_point = ctx.pixels_per_point();
            ctx.request_screenshot(move |image| {
                let region = image.region(&rect, Some(pixels_per_point));
                let saved = save_png(&path, &region).map(|()| path.clone());
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                repaint.request_repaint();
            });
        }
        let finished = self
            .capture_result
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        if let Some(outcome) = finished {
            self.notices.push(match outcome {
                Ok(path) => format!("Saved {}.", path.display()),
                Err(e) => format!("Could not save the chart: {e}"),
            });
        }
    }

    /// Asks for `--screenshot`'s picture at the end of frame [`SCREENSHOT_FRAME`] (or later,
    /// once the figure images shown are decoded), then closes the window once it is written.
    pub(super) fn take_screenshot(&mut self, ctx: &egui::Context) {
        let Some(task) = &mut self.screenshot else {
            return;
        };
        let images_ready = !crate::app::figure_images::images_decoding(ctx)
            || task.started.elapsed() > SCREENSHOT_IMAGE_WAIT;
        if !task.requested && self.frames >= SCREENSHOT_FRAME && images_ready {
            task.requested = true;
            let path = task.path.clone();
            let result = Arc::clone(&task.result);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let saved = save_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                repaint.request_repaint();
            });
        }
        let finished = task.result.lock().ok().and_then(|mut slot| slot.take());
        if let Some(outcome) = finished {
            if let Err(e) = outcome
                && let Ok(mut slot) = self.screenshot_error.lock()
            {
                *slot = Some(e);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}
