//! `paperlens cite`: a corpus's references formatted in a citation style, the bibliography one
//! entry per line or each reference's in-text citation, as plain text or HTML.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::corpus::cite::Formatted;
use crate::corpus::model::Reference;
use crate::corpus::text::nearest_word;
use crate::formats::styles::{
    AnyStyle, bundled_locale, bundled_style, bundled_style_names, cite_all, keeps_printed_entries,
    printed_list, style_from_csl, to_html,
};

use super::{eprint_diagnostics, load_corpus_or_builtin, loaded};

/// Arguments of `paperlens cite`.
#[derive(Debug, Clone, clap::Args)]
pub struct CiteArgs {
    /// The citation style: a bundled style's name (`apa`, `ieee`, `chicago-author-date`,
    /// `harvard-cite-them-right`, `modern-language-association`, and every other name
    /// hayagriva bundles; an unknown name lists them all) or the path of a `.csl` file.
    #[arg(
        long,
        short,
        value_name = "NAME|FILE.csl",
        default_value = "apa",
        long_help = style_help()
    )]
    pub style: String,
    /// The locale, e.g. `en-GB`, `de-DE` (the style's own when absent; `en-GB` for Cite Them
    /// Right, else `en-US`).
    #[arg(long, value_name = "xx-XX")]
    pub locale: Option<String>,
    /// Print each reference's in-text citation (`(Porter & van der Linde, 1995)`) instead of
    /// the bibliography, one per line, with its key before a tab.
    #[arg(long)]
    pub in_text: bool,
    /// Print the reference list as the paper prints it, in its order and with its numbers,
    /// where the corpus keeps the printed entries (a paper read from its text or from JATS
    /// mixed citations); an entry it does not keep is printed in the style.
    #[arg(long, conflicts_with = "in_text")]
    pub as_printed: bool,
    /// Output format: plain text, or HTML with italics as `<i>`.
    #[arg(long, short, value_enum, default_value_t = CiteFormat::Text)]
    pub format: CiteFormat,
    /// The corpus, paper or bibliography to read (the built-in corpus when absent), then
    /// the keys of the references to print (all when none; the rest of the corpus still numbers
    /// and tells them apart as the whole bibliography would). The first is read as the corpus
    /// when it is a file or has a file extension paperlens opens.
    #[arg(value_name = "CORPUS|KEY")]
    pub items: Vec<String>,
}

/// How `paperlens cite` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CiteFormat {
    /// Plain text.
    Text,
    /// HTML: italics kept as `<i>`.
    Html,
}

/// The extensions of the files paperlens opens, by which the first of `cite`'s items is taken
/// for the corpus even when no such file exists (so that a mistyped path says so).
const CORPUS_EXTENSIONS: [&str; 11] = [
    "json", "xml", "nxml", "tei", "md", "markdown", "txt", "pdf", "bib", "ris", "csljson",
];

/// `--style`'s long help: what it takes and every bundled name.
fn style_help() -> String {
    format!(
        "The citation style: a bundled style's name or the path of a .csl file (an independent \
         CSL 1.0 style, e.g. one from the Zotero style repository). The styles paperlens \
         compares with citeproc-js are apa, ieee, chicago-author-date, harvard-cite-them-right \
         (British English) and modern-language-association. Every bundled name: {}.",
        bundled_style_names().join(", ")
    )
}

/// The corpus and the keys in `items`: the first is the corpus when it is a file or has the
/// extension of one.
fn corpus_and_keys(items: &[String]) -> (Option<PathBuf>, &[String]) {
    match items.split_first() {
        Some((first, keys)) => {
            let path = Path::new(first);
            let looks_like_file = path.extension().is_some_and(|extension| {
                CORPUS_EXTENSIONS
                    .iter()
                    .any(|known| extension.eq_ignore_ascii_case(known))
            });
            if path.is_file() || looks_like_file {
                (Some(path.to_path_buf()), keys)
            } else {
                (None, items)
            }
        }
        None => (None, items),
    }
}

/// The style `--style` names: a bundled one, or a `.csl` file (a value ending in `.csl` or
/// naming a file that exists).
fn chosen_style(style: &str) -> Result<AnyStyle, String> {
    let path = Path::new(style);
    let is_file = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("csl"))
        || path.is_file();
    if !is_file {
        return bundled_style(style);
    }
    let xml = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read the style file {style}: {error}"))?;
    style_from_csl(&xml, style)
}

/// The references `keys` name (all when none), or a sentence naming an unknown key and the
/// nearest one.
fn selected<'a>(references: &'a [Reference], keys: &[String]) -> Result<Vec<&'a str>, String> {
    let ids: Vec<&str> = references.iter().map(|r| r.id.as_str()).collect();
    if keys.is_empty() {
        return Ok(ids);
    }
    keys.iter()
        .map(|key| {
            ids.iter().find(|id| **id == key).copied().ok_or_else(|| {
                let nearest = nearest_word(key, &ids, 0.7)
                    .map(|nearest| format!(" Did you mean \"{nearest}\"?"))
                    .unwrap_or_default();
                format!("no reference has the key \"{key}\".{nearest}")
            })
        })
        .collect()
}

/// One line of a list: the entry after its number, if it has one.
fn write_entry(out: &mut String, label: Option<&str>, entry: &str) {
    let _ = match label {
        Some(label) => writeln!(out, "{label} {entry}"),
        None => writeln!(out, "{entry}"),
    };
}

/// `paperlens cite`: prints the bibliography or the in-text citations; 0 printed, 1 the
/// corpus has errors or has no references, 2 a bad style, locale or key, or an unreadable
/// file.
#[must_use]
pub fn cite(args: &CiteArgs) -> ExitCode {
    let style = match chosen_style(&args.style) {
        Ok(style) => style,
        Err(message) => {
            eprintln!("paperlens cite: {message}");
            return ExitCode::from(2);
        }
    };
    let locale = match &args.locale {
        Some(code) => match bundled_locale(code) {
            Ok(locale) => locale,
            Err(message) => {
                eprintln!("paperlens cite: {message}");
                return ExitCode::from(2);
            }
        },
        None => style.default_locale(),
    };
    let (corpus_path, keys) = corpus_and_keys(&args.items);
    let report = load_corpus_or_builtin(corpus_path.as_ref());
    eprint_diagnostics(&report, &report.diagnostics);
    let corpus = match loaded(&report) {
        Ok(corpus) => corpus,
        Err(code) => return code,
    };
    let references = &corpus.file.references;
    if references.is_empty() {
        eprintln!(
            "paperlens cite: {} has no references to cite",
            report.source_name
        );
        return ExitCode::from(1);
    }
    let keys = match selected(references, keys) {
        Ok(keys) => keys,
        Err(message) => {
            eprintln!("paperlens cite: {message}");
            return ExitCode::from(2);
        }
    };
    if args.as_printed && !keeps_printed_entries(corpus) {
        eprintln!(
            "paperlens cite: {} keeps no entry as a reference list printed it (a bibliography, \
             a Markdown paper and a JATS article of element citations have none); leave out \
             --as-printed to list the references in a style",
            report.source_name
        );
        return ExitCode::from(1);
    }
    let all: Vec<&Reference> = references.iter().collect();
    let cited = cite_all(&all, &style, &locale);
    let show = |formatted: &Formatted| match args.format {
        CiteFormat::Text => formatted.to_plain_string(),
        CiteFormat::Html => to_html(formatted),
    };
    let mut out = String::new();
    if args.in_text {
        for key in &keys {
            if let Some((id, citation)) = cited.citations.iter().find(|(id, _)| id == key) {
                let _ = writeln!(out, "{id}\t{}", show(citation));
            }
        }
    } else if args.as_printed {
        for entry in printed_list(corpus, &cited.bibliography) {
            let listed = references
                .get(entry.position)
                .is_some_and(|reference| keys.contains(&reference.id.as_str()));
            if listed {
                write_entry(&mut out, entry.label.as_deref(), &show(&entry.text));
            }
        }
    } else {
        if cited.bibliography.is_empty() {
            eprintln!(
                "paperlens cite: the style {} prints no bibliography; try --in-text",
                style.name
            );
            return ExitCode::from(1);
        }
        for entry in cited
            .bibliography
            .iter()
            .filter(|e| keys.contains(&e.id.as_str()))
        {
            write_entry(&mut out, entry.label.as_deref(), &show(&entry.text));
        }
    }
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    ExitCode::SUCCESS
}
