//! Files in and out of the window: the open dialog, exports of references, tables, the corpus
//! and charts (each asks where to save, then writes), the chart capture and `--screenshot`.
//! [`Explorer::apply`] hands these here; it never opens a dialog or writes a file itself.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use super::Explorer;
use crate::app::context::ReferenceScope;
use crate::app::save_png;
use crate::app::trends_view::{ChartExport, TrendsView};
use crate::chart;
use crate::corpus::Item;
use crate::formats::paper::PaperKind;
use crate::formats::{self, ReferenceFormat};

/// The frame at the end of which `--screenshot` asks for its picture (the picture is of the
/// next). The first frame is laid out unpainted; the chart's axes size themselves from the tick
/// labels of the frame before, so they are right from the third frame on.
const SCREENSHOT_FRAME: u64 = 2;

impl Explorer {
    /// Asks which file to open (the native dialog), then opens it in the background.
    pub(super) fn open_dialog(&mut self, ctx: &egui::Context) {
        let mut everything = vec!["json", "bib", "bibtex", "ris"];
        for kind in PaperKind::ALL {
            for extension in kind.extensions() {
                if !everything.contains(extension) {
                    everything.push(extension);
                }
            }
        }
        let mut dialog = rfd::FileDialog::new()
            .add_filter("Paper, corpus or bibliography", &everything)
            .add_filter("paperlens corpus", &["json"]);
        for kind in PaperKind::ALL {
            dialog = dialog.add_filter(kind.label(), kind.extensions());
        }
        dialog = dialog
            .add_filter("BibTeX", &["bib", "bibtex"])
            .add_filter("RIS", &["ris"])
            .add_filter("All files", &["*"]);
        if let Some(dir) = self.open_path.as_ref().and_then(|p| p.parent()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(path) = dialog.pick_file() {
            self.open(ctx, path);
        }
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
        let dialog = rfd::FileDialog::new()
            .set_file_name(format!("{name}.{}", export.extension()))
            .add_filter(export.label(), &[export.extension()]);
        if let Some(path) = dialog.save_file() {
            self.export_chart(ctx, series, export, path);
        }
    }

    /// Exports the references of `scope` as `format` (asks where to save).
    pub(super) fn export_references(&mut self, scope: ReferenceScope, format: ReferenceFormat) {
        let positions = self.references_in(scope);
        let written = formats::export_references(&self.corpus, format, Some(&positions))
            .map_err(|e| e.to_string());
        self.save_export(
            written,
            &format!("references.{}", format.extension()),
            format.label(),
            format.extension(),
        );
    }

    /// Exports the table the Table view shows as CSV (asks where to save; the file is named
    /// after the table's id).
    pub(super) fn export_table(&mut self) {
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
        self.save_export(written, &format!("{name}.csv"), "CSV", "csv");
    }

    /// Exports the cases as CSV (asks where to save).
    pub(super) fn export_cases(&mut self) {
        let written = formats::csv::cases(&self.corpus).map_err(|e| e.to_string());
        self.save_export(written, "cases.csv", "CSV", "csv");
    }

    /// Exports the whole corpus as JSON (asks where to save).
    pub(super) fn export_corpus(&mut self) {
        let written = formats::export_corpus_json(&self.corpus.file).map_err(|e| e.to_string());
        self.save_export(written, "corpus.json", "paperlens corpus", "json");
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
        let dialog = rfd::FileDialog::new()
            .set_file_name(file_name)
            .add_filter(label, &[extension]);
        if let Some(path) = dialog.save_file() {
            self.notices.push(match std::fs::write(&path, contents) {
                Ok(()) => format!("Saved {}.", path.display()),
                Err(e) => format!("Could not save {}: {e}", path.display()),
            });
        }
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

    /// Asks for `--screenshot`'s picture at the end of frame [`SCREENSHOT_FRAME`], then closes
    /// the window once it is written.
    pub(super) fn take_screenshot(&mut self, ctx: &egui::Context) {
        let Some(task) = &mut self.screenshot else {
            return;
        };
        if !task.requested && self.frames >= SCREENSHOT_FRAME {
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
