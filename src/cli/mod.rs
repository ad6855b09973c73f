//! The command line: `paperlens [PATH]`, `paperlens check [FILE]` (with `--citations`, the
//! citation check: [`check_citations`]), `paperlens schema`,
//! `paperlens plot …`, `paperlens export …` ([`export`]), `paperlens import …` ([`import`]),
//! `paperlens cite …` ([`cite`]: a bibliography or in-text citations in any CSL style),
//! `paperlens migrate …`, `paperlens docs [TOPIC]`, `paperlens slides …` ([`slides`]: its
//! arguments and checks; the drawing is the window's, joined in `main.rs`), `paperlens notes …`
//! ([`notes`]: the study notes).
//!
//! Commands that need no window live here and use only [`crate::corpus`].

use std::fmt::Write as _;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::diagnostics::{self, Diagnostic, render_human, render_json};
use crate::corpus::load::{LoadFailure, LoadReport, load_str};
use crate::corpus::{BUILTIN_JSON, BUILTIN_NAME, FORMAT_GUIDE, schema, summary_line};
use crate::open::open_path;

mod checks;
mod cite;
mod export;
mod import;
mod notes;
mod slides;

pub use checks::check_citations;
pub use cite::{CiteArgs, CiteFormat, cite};
use export::write_export;
pub use export::{ExportArgs, ExportWhat, FlagsFormat, export};
pub use import::{ImportArgs, import};
pub use notes::{LabelArg, ListFormat, NotesAction, NotesArgs, NotesFormat, notes};
pub use slides::{SLIDE_SIDES, SlidesArgs, SlidesJob, prepare_slides};

/// paperlens: explore a research paper as linked panels of text, citations, references, tables,
/// figures, cases and trends.
#[derive(Debug, Parser)]
#[command(
    name = "paperlens",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without a command, open the explorer window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for the explorer window.
    #[command(flatten)]
    pub window: WindowArgs,
}

/// Options of the explorer window.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct WindowArgs {
    /// A paper (JATS, GROBID TEI, Pandoc Markdown, plain text, a PDF through `pdftotext`), a
    /// bibliography (CSL-JSON, BibTeX, RIS) or a corpus file to open; the last one opened, or the built-in corpus, when
    /// absent.
    pub path: Option<PathBuf>,
    /// Render the window once, save it as a PNG here, and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The main view to show.
    #[arg(long, value_name = "VIEW")]
    pub view: Option<String>,
    /// An item to select, by key: `reference:porter1995`, `region:asean`, `case:…`, `entity:…`.
    #[arg(long, value_name = "ITEM")]
    pub select: Option<String>,
    /// Print how long the first frame took from process start, then exit (for benchmarks).
    #[arg(long, hide = true)]
    pub measure_startup: bool,
    /// Start in presentation mode: fullscreen slides in large type (F11 toggles it).
    #[arg(long)]
    pub present: bool,
    /// Window size for `--screenshot`, as `WIDTHxHEIGHT` in points.
    #[arg(long, value_name = "WxH", default_value = "1280x800")]
    pub size: String,
}

/// A command that needs no window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a corpus file (the built-in corpus when no FILE) and print its diagnostics; with
    /// `--citations`, the citation check instead.
    ///
    /// `paperlens check --citations [FILE] [--format json]` prints what a careful reader would
    /// question about the paper's citations and references (anachronisms, topic mismatches,
    /// malformed entries, citation hygiene), grouped by kind, each with its sentence and
    /// evidence, and how many references are flagged; `--format json` prints them as JSON (an
    /// object with a `flags` array and `summary` counts). Flags are never verdicts and never
    /// change the exit status; the file's warnings go to standard error.
    /// Exit status: 0 no errors, 1 errors, 2 the file cannot be read.
    Check {
        /// The file to check: a corpus, a paper (JATS, TEI, Markdown, plain text, PDF) or a
        /// bibliography.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// Print the citation check's flags instead of the file's diagnostics.
        #[arg(long)]
        citations: bool,
    },
    /// Print the JSON Schema of the corpus format.
    Schema,
    /// Export a trend series as a chart (SVG or PNG) or a table (CSV), or list the series.
    ///
    /// `paperlens plot SERIES_ID --out FILE [CORPUS]`; `paperlens plot --list [CORPUS]`.
    /// Exit status: 0 written, 1 no such series or the chart cannot be made, 2 bad arguments
    /// or an unreadable or invalid corpus.
    Plot(PlotArgs),
    /// Export the references (BibTeX, RIS, CSL-JSON), a table, the cases or the citations
    /// (CSV), the citation check's flags (CSV, a Markdown worksheet, JSON) or the whole corpus
    /// (JSON).
    ///
    /// `paperlens export refs --format bibtex|ris|csl-json [--out FILE] [CORPUS]`;
    /// `paperlens export table [--table ID] --out FILE.csv [CORPUS]`;
    /// `paperlens export cases --out FILE.csv [CORPUS]`;
    /// `paperlens export citations [--out FILE.csv] [CORPUS]`;
    /// `paperlens export flags [--format csv|markdown|json] [--out FILE] [CORPUS]`;
    /// `paperlens export corpus --out FILE.json [CORPUS]`. CORPUS is the built-in corpus when
    /// absent, and may be any file paperlens opens (a corpus, a paper in JATS, TEI, Markdown or
    /// plain text, or a CSL-JSON, BibTeX or RIS bibliography). Without `--out` the export goes to standard output.
    /// Exit status: 0 written, 1 invalid input, 2 a file cannot be read or written.
    Export(ExportArgs),
    /// Format the references in a citation style: the bibliography, one entry per line in the
    /// style's order, with `--in-text` each reference's in-text citation, or with
    /// `--as-printed` the reference list as the paper prints it.
    ///
    /// `paperlens cite [CORPUS] [--style NAME|FILE.csl] [--locale xx-XX] [--in-text |
    /// --as-printed] [--format text|html] [KEYS…]`. The style is APA unless `--style` names
    /// another of the bundled styles (`apa`, `ieee`, `chicago-author-date`,
    /// `harvard-cite-them-right`, `modern-language-association`, and every other name hayagriva
    /// bundles: a wrong name lists them) or a `.csl` file. KEYS keep only those references,
    /// numbered and told apart as in the whole bibliography. CORPUS is the built-in corpus when
    /// absent, and may be any file paperlens opens.
    /// Exit status: 0 printed, 1 the corpus has errors or no references (or, with
    /// `--as-printed`, keeps no printed entries), 2 an unknown style, locale or key, or a file
    /// that cannot be read.
    #[command(
        override_usage = "paperlens cite [CORPUS] [--style NAME|FILE.csl] [--locale xx-XX] \
                          [--in-text | --as-printed] [--format text|html] [KEYS]..."
    )]
    Cite(CiteArgs),
    /// Print a guide that comes with paperlens: `paperlens docs format` prints the corpus format
    /// guide. Without a topic, lists the topics.
    ///
    /// Exit status: 0 printed, 2 no such topic.
    Docs {
        /// The guide to print (`format`).
        topic: Option<String>,
    },
    /// Read a paper (JATS XML, GROBID TEI XML, Pandoc Markdown, plain text, a PDF's text) and
    /// write it as a corpus to enrich by hand.
    ///
    /// `paperlens import PAPER [--out CORPUS.json] [--bib FILE] [--kind KIND]`. What was found
    /// and what could not be mapped is printed on standard error.
    /// Exit status: 0 written, 1 the paper cannot be read as a corpus, 2 a file cannot be read
    /// or written.
    Import(ImportArgs),
    /// Rewrite a corpus in the first version of the format (`paperlens-corpus/1`) in the
    /// current one.
    ///
    /// `paperlens migrate OLD.json --out NEW.json`. The new file is checked as it is written.
    /// Exit status: 0 written, 1 the file has errors, 2 a file cannot be read or written.
    Migrate {
        /// The corpus to migrate.
        #[arg(value_name = "OLD.json")]
        file: PathBuf,
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "NEW.json")]
        out: Option<PathBuf>,
    },
    /// Draw every slide of presentation mode to a PNG, as the projector shows it, and a PDF
    /// handout of them all; no window or display is needed.
    ///
    /// `paperlens slides [CORPUS] --out DIR [--size 1920x1080] [--no-pdf] [--generated]` writes
    /// `DIR/slide-01.png`, `DIR/slide-02.png` … and `DIR/slides.pdf`: the slides Present shows
    /// (the corpus's tour when it has one; `--generated` for every chart, table region and case
    /// study instead). It draws with the
    /// graphics card, or without one with Mesa's software renderer (`mesa-vulkan-drivers`).
    /// Exit status: 0 written, 1 the corpus gives no slides (a bibliography on its own), 2 bad
    /// arguments, an unreadable or invalid corpus, no graphics adapter, or a file that cannot be
    /// written.
    Slides(SlidesArgs),
    /// Study notes and highlights, kept in the state directory (`PAPERLENS_STATE_DIR`, else the
    /// settings folder) under the paper's identity (its DOI, else title, first author and year).
    ///
    /// `paperlens notes add ITEM [TEXT] [--tag T]… [--label claim|evidence|question|definition]
    /// [--quote "words"] [--corpus FILE]`; `paperlens notes list [--corpus FILE] [--format
    /// text|json]`; `paperlens notes export --format markdown|csv [--out FILE] [--corpus FILE]`;
    /// `paperlens notes delete ID`; `paperlens notes restore BACKUP`. ITEM is a stable key
    /// (`reference:porter1995`, `paragraph:introduction.p2`, `citation:introduction.p2/0`);
    /// `--quote` highlights words of that paragraph. The corpus is the built-in one when absent.
    /// Exit status: 0 done, 1 an unknown key, quote or note, or an empty note, 2 a corpus or the
    /// notes store that cannot be read or written.
    Notes(NotesArgs),
}

/// The guides `paperlens docs` prints: each topic's name, what it is, and its text.
pub const DOC_TOPICS: [(&str, &str, &str); 1] = [(
    "format",
    "the corpus format guide (corpus/README.md)",
    FORMAT_GUIDE,
)];

/// How `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// As a compiler does, for people.
    Human,
    /// As JSON, for programs.
    Json,
}

/// Runs a window-less command and returns the process exit code.
#[must_use]
pub fn run_command(command: &Command) -> ExitCode {
    match command {
        Command::Check {
            file,
            format,
            citations,
        } => {
            if *citations {
                check_citations(file.as_ref(), *format)
            } else {
                check(file.as_ref(), *format)
            }
        }
        Command::Schema => {
            print!("{}", schema::corpus_schema_json());
            ExitCode::SUCCESS
        }
        Command::Plot(args) => plot(args),
        Command::Export(args) => export(args),
        Command::Cite(args) => cite(args),
        Command::Docs { topic } => docs(topic.as_deref()),
        Command::Migrate { file, out } => migrate(file, out.as_ref()),
        Command::Import(args) => import(args),
        Command::Notes(args) => notes(args),
        Command::Slides(_) => {
            // `main.rs` runs it with the window's renderer; a build without it cannot draw.
            eprintln!(
                "error: paperlens slides draws with the window's renderer; this paperlens was \
                 built without the `gui` feature: rebuild with default features"
            );
            ExitCode::from(2)
        }
    }
}

/// `paperlens docs [TOPIC]`: prints the guide, or lists the topics; 2 for an unknown topic.
#[must_use]
pub fn docs(topic: Option<&str>) -> ExitCode {
    let mut topics = String::from("Topics:\n");
    for (name, about, _) in DOC_TOPICS {
        let _ = writeln!(topics, "  {name:<10}{about}");
    }
    let _ = writeln!(topics, "Print one with `paperlens docs TOPIC`.");
    let Some(wanted) = topic else {
        let _ = std::io::stdout().write_all(topics.as_bytes());
        return ExitCode::SUCCESS;
    };
    if let Some((_, _, text)) = DOC_TOPICS.iter().find(|(name, _, _)| *name == wanted) {
        // A closed pipe (e.g. `| head`) is not an error worth a panic.
        let _ = std::io::stdout().write_all(text.as_bytes());
        ExitCode::SUCCESS
    } else {
        eprint!("paperlens docs: no topic \"{wanted}\".\n{topics}");
        ExitCode::from(2)
    }
}

/// `paperlens check`: prints diagnostics and a summary; 0 clean, 1 errors, 2 unreadable.
#[must_use]
pub fn check(file: Option<&PathBuf>, format: OutputFormat) -> ExitCode {
    let report = load_corpus_or_builtin(file);
    print_diagnostics(&report, format);
    check_exit_code(&report)
}

/// The corpus a command reads: `file`, or the built-in corpus without one.
fn load_corpus_or_builtin(file: Option<&PathBuf>) -> LoadReport {
    match file {
        Some(path) => open_path(path),
        None => load_str(BUILTIN_JSON, BUILTIN_NAME),
    }
}

/// Prints `report`'s diagnostics and summary on standard output in `format`, as `check` does.
fn print_diagnostics(report: &LoadReport, format: OutputFormat) {
    let text = match format {
        OutputFormat::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut text = render_human(
                &report.diagnostics,
                &report.source_name,
                report.source_text.as_deref(),
                color,
            );
            text.push_str(&summary_line(report));
            text.push('\n');
            text
        }
        OutputFormat::Json => {
            let mut text = render_json(
                &report.diagnostics,
                &report.source_name,
                &summary_json(report),
            );
            text.push('\n');
            text
        }
    };
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// `check`'s exit code for `report`: 0 loaded, 1 it has errors, 2 it cannot be read.
fn check_exit_code(report: &LoadReport) -> ExitCode {
    match report.failure() {
        None => ExitCode::SUCCESS,
        Some(LoadFailure::Invalid) => ExitCode::from(1),
        Some(LoadFailure::Unreadable) => ExitCode::from(2),
    }
}

/// Prints `diagnostics` of `report` on standard error, rendered as `check` renders them
/// (coloured on a terminal unless `NO_COLOR` is set); nothing when there are none.
fn eprint_diagnostics(report: &LoadReport, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!(
        "{}",
        render_human(
            diagnostics,
            &report.source_name,
            report.source_text.as_deref(),
            color
        )
    );
}

/// The corpus `report` loaded; when it loaded none, says so on standard error and gives the
/// exit code instead (2 the file cannot be read, 1 it has errors).
fn loaded(report: &LoadReport) -> Result<&crate::corpus::Corpus, ExitCode> {
    report.corpus.as_ref().ok_or_else(|| {
        eprintln!("{}", summary_line(report));
        match report.failure() {
            Some(LoadFailure::Unreadable) => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    })
}

fn summary_json(report: &LoadReport) -> serde_json::Value {
    let (errors, warnings) = diagnostics::count(&report.diagnostics);
    let mut value = serde_json::json!({ "errors": errors, "warnings": warnings, "loaded": report.corpus.is_some() });
    if let (Some(corpus), Some(object)) = (&report.corpus, value.as_object_mut())
        && let Ok(serde_json::Value::Object(counts)) = serde_json::to_value(corpus.summary())
    {
        object.extend(counts);
    }
    value
}

/// Arguments of `paperlens plot`.
#[derive(Debug, Clone, clap::Args)]
pub struct PlotArgs {
    /// The id of the series to export (see `--list`), or a `chart` name, to draw the series
    /// that share it as one chart; with `--list`, the corpus file.
    #[arg(value_name = "SERIES_ID", required_unless_present = "list")]
    pub series: Option<String>,
    /// The corpus file (the built-in corpus when absent).
    #[arg(value_name = "CORPUS")]
    pub corpus: Option<PathBuf>,
    /// Print each series as its id, a tab and its title, one per line.
    #[arg(long, conflicts_with = "out")]
    pub list: bool,
    /// The file to write; its extension picks the format: .svg, .png or .csv.
    #[arg(long, short, value_name = "FILE", required_unless_present = "list")]
    pub out: Option<PathBuf>,
    /// The values drawn: absolute, index (first known year = 100) or percent (change from the
    /// first known year).
    #[arg(long, value_name = "MODE", default_value = "absolute")]
    pub mode: crate::chart::ValueMode,
    /// The value axis: linear or log.
    #[arg(long, value_name = "SCALE", default_value = "linear")]
    pub scale: crate::chart::AxisScale,
    /// Draw bars instead of a line.
    #[arg(long)]
    pub bars: bool,
    /// Connect known values across years the text gives no number for, with a dashed line (by
    /// default the line breaks there).
    #[arg(long)]
    pub connect_unstated: bool,
    /// The chart size in pixels, as `WIDTHxHEIGHT`.
    #[arg(long, value_name = "WxH", default_value = "1200x700")]
    pub size: String,
    /// PNG only: multiply the pixel size by this (2 for a sharp image on a high-density screen).
    #[arg(long, value_name = "FACTOR", default_value_t = 1.0)]
    pub scale_factor: f32,
}

impl PlotArgs {
    /// How the chart is asked to be drawn.
    fn chart_options(&self) -> crate::chart::ChartOptions {
        crate::chart::ChartOptions {
            value_mode: self.mode,
            scale: self.scale,
            bars: self.bars,
            connect_unstated: self.connect_unstated,
        }
    }
}

/// `paperlens plot`: writes a series as SVG, PNG or CSV, or lists the series with `--list`.
/// Returns 0 on success, 1 for an unknown series or a chart that cannot be made or written, 2
/// for bad arguments or a corpus that cannot be loaded.
#[must_use]
pub fn plot(args: &PlotArgs) -> ExitCode {
    use crate::chart::{ChartError, ChartOptions, ExportFormat, export_series, parse_size};
    let fail = |code: u8, message: &str| {
        eprintln!("error: {message}");
        ExitCode::from(code)
    };
    let corpus_path = match (&args.corpus, args.list) {
        (Some(path), _) => Some(path.clone()),
        (None, true) => args.series.as_ref().map(PathBuf::from),
        (None, false) => None,
    };
    let (format, size) = if args.list {
        (None, (0, 0))
    } else {
        let out = args.out.as_deref().unwrap_or(std::path::Path::new(""));
        let Some(format) = ExportFormat::from_path(out) else {
            return fail(
                2,
                &format!(
                    "cannot tell the format of `{}`: the file name must end in .svg, .png or .csv",
                    out.display()
                ),
            );
        };
        match parse_size(&args.size) {
            Ok(size) => (Some(format), size),
            Err(message) => return fail(2, &message),
        }
    };
    let report = load_corpus_or_builtin(corpus_path.as_ref());
    let Some(corpus) = &report.corpus else {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let text = render_human(
            &report.diagnostics,
            &report.source_name,
            report.source_text.as_deref(),
            color,
        );
        eprint!("{text}");
        return fail(2, &summary_line(&report));
    };
    let all_series = &corpus.file.series;
    let listing = all_series.iter().fold(String::new(), |mut listing, s| {
        let _ = writeln!(listing, "{}\t{}", s.id, s.title);
        listing
    });
    let Some(format) = format else {
        let _ = std::io::stdout().write_all(listing.as_bytes());
        return ExitCode::SUCCESS;
    };
    let id = args.series.as_deref().unwrap_or_default();
    let options = args.chart_options();
    if !all_series.iter().any(|s| s.id == id)
        && let Some(group) = crate::chart::chart_groups(all_series)
            .into_iter()
            .find(|g| !g.name.is_empty() && g.name == id)
    {
        return plot_chart_group(&group, all_series, format, options, size, args);
    }
    let Some(series) = all_series.iter().find(|s| s.id == id) else {
        let known = if all_series.is_empty() {
            format!("{} has no series", report.source_name)
        } else {
            format!("the series in {} are:\n{listing}", report.source_name)
        };
        eprintln!("error: there is no series `{id}`; {known}");
        return ExitCode::from(1);
    };
    if !format.is_chart() && options != ChartOptions::default() {
        eprintln!(
            "note: --mode, --scale and --bars shape charts; the CSV holds the values as the text gives them"
        );
    }
    let out = args.out.as_deref().unwrap_or(std::path::Path::new(""));
    match export_series(
        series,
        &corpus.file.figures,
        format,
        &options,
        size,
        args.scale_factor,
    ) {
        Ok(bytes) => match std::fs::write(out, bytes) {
            Ok(()) => {
                println!("wrote {} ({})", out.display(), series.id);
                ExitCode::SUCCESS
            }
            Err(error) => fail(1, &format!("cannot write `{}`: {error}", out.display())),
        },
        Err(
            error @ (ChartError::InvalidSize { .. }
            | ChartError::InvalidScale(_)
            | ChartError::BarsOnLogScale),
        ) => fail(2, &error.to_string()),
        Err(error) => fail(1, &error.to_string()),
    }
}

/// `paperlens plot CHART`: the series that share the `chart` name `group.name` drawn as one
/// chart, as SVG or PNG (a CSV holds one series: each is written by its id).
fn plot_chart_group(
    group: &crate::chart::ChartGroup,
    all_series: &[crate::corpus::model::Series],
    format: crate::chart::ExportFormat,
    options: crate::chart::ChartOptions,
    size: (u32, u32),
    args: &PlotArgs,
) -> ExitCode {
    use crate::chart::{ChartError, ExportFormat, FontChoice, GroupPlan, group_svg, svg_to_png};
    let out = args.out.as_deref().unwrap_or(std::path::Path::new(""));
    let ids: Vec<&str> = group
        .members
        .iter()
        .filter_map(|&m| all_series.get(m))
        .map(|s| s.id.as_str())
        .collect();
    if format == ExportFormat::Csv {
        eprintln!(
            "error: `{}` is a chart of several series; a CSV holds one: write each by its id ({})",
            group.name,
            ids.join(", ")
        );
        return ExitCode::from(2);
    }
    let bytes = GroupPlan::new(group, all_series, &options)
        .and_then(|planned| group_svg(&planned, size))
        .and_then(|svg| {
            if format == ExportFormat::Svg {
                Ok(svg.into_bytes())
            } else {
                svg_to_png(&svg, args.scale_factor, FontChoice::SystemAndEmbedded)
            }
        });
    match bytes {
        Ok(bytes) => match std::fs::write(out, bytes) {
            Ok(()) => {
                println!("wrote {} ({})", out.display(), ids.join(", "));
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: cannot write `{}`: {error}", out.display());
                ExitCode::from(1)
            }
        },
        Err(
            error @ (ChartError::InvalidSize { .. }
            | ChartError::InvalidScale(_)
            | ChartError::BarsOnLogScale),
        ) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

/// `paperlens migrate`: writes a corpus in the current format; 0 written, 1 the corpus has
/// errors (nothing is written), 2 a file cannot be read or written.
#[must_use]
pub fn migrate(file: &std::path::Path, out: Option<&PathBuf>) -> ExitCode {
    let report = open_path(file);
    let problems: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.code != crate::corpus::Code::MigratedFormat)
        .cloned()
        .collect();
    eprint_diagnostics(&report, &problems);
    let corpus = match loaded(&report) {
        Ok(corpus) => corpus,
        Err(code) => return code,
    };
    let was = if report
        .diagnostics
        .iter()
        .any(|d| d.code == crate::corpus::Code::MigratedFormat)
    {
        "migrated from paperlens-corpus/1"
    } else {
        "already in the current format, written unchanged"
    };
    match crate::formats::export_corpus_json(&corpus.file_to_write()) {
        Ok(text) => write_export(out, &text, &format!("paperlens-corpus/2, {was}")),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
