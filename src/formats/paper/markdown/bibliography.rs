//! A Markdown paper's bibliography: the `--bib` file when given, else each file the metadata
//! names, read beside the paper (for a paper naming none, the first beside it under a usual
//! name); BibTeX, CSL-JSON, CSL YAML or RIS by extension (by content when the extension says
//! nothing), through the bibliography importers. A file that cannot be read or parsed is a
//! warning; the paper is read without it.

use std::collections::HashSet;
use std::path::Path;

use crate::corpus::diagnostics::{Diagnostic, Severity};
use crate::corpus::model::Reference;
use crate::formats::ReferenceFormat;
use crate::formats::import::import;

use super::super::ImportOptions;

/// The references of every bibliography, in file order, first of each key kept; and what went
/// wrong on the way.
pub(super) fn load(
    options: &ImportOptions<'_>,
    named: &[String],
    inline: Option<&serde_json::Value>,
) -> (Vec<Reference>, Vec<Diagnostic>) {
    let mut references = Vec::new();
    let mut diagnostics = Vec::new();
    let mut files: Vec<(String, Result<String, String>)> = Vec::new();
    if let Some((name, text)) = options.bibliography {
        files.push((name.to_owned(), Ok(text.to_owned())));
    } else {
        for name in named {
            files.push(read_named(options, name));
        }
    }
    for (name, text) in files {
        match text {
            Ok(text) => read_file(&name, &text, &mut references, &mut diagnostics),
            Err(reason) => diagnostics.push(Diagnostic::warning(
                crate::corpus::diagnostics::Code::ImportIncomplete,
                format!("the bibliography `{name}` could not be read: {reason}"),
                "put the bibliography beside the paper, or name it with `--bib FILE`; the \
                 paper is read without its references",
            )),
        }
    }
    if let Some(value) = inline {
        let json = value.to_string();
        carry(
            "the metadata's `references`",
            import(ReferenceFormat::CslJson, &json),
            &mut references,
            &mut diagnostics,
        );
    }
    let mut seen = HashSet::new();
    references.retain(|reference: &Reference| seen.insert(reference.id.clone()));
    (references, diagnostics)
}

/// The file `name` names, read beside the paper; one named without an extension that is not
/// there is looked for with `.bib` added, as LaTeX's `\bibliography{refs}` reads it (the
/// R Markdown templates that hand `bibliography: refs` to LaTeX write it so).
fn read_named(options: &ImportOptions<'_>, name: &str) -> (String, Result<String, String>) {
    let read = (options.read_beside)(name);
    if read.is_err() && Path::new(name).extension().is_none() {
        let with_extension = format!("{name}.bib");
        if let Ok(text) = (options.read_beside)(&with_extension) {
            return (with_extension, Ok(text));
        }
    }
    (name.to_owned(), read)
}

/// The names a bibliography beside a paper that names none is looked for under, in order:
/// Quarto's, JOSS's and R Markdown's usual names, and Zotero's export.
pub(super) const USUAL_NAMES: [&str; 8] = [
    "references.bib",
    "paper.bib",
    "refs.bib",
    "ref.bib",
    "bibliography.bib",
    "library.bib",
    "references.json",
    "references.yaml",
];

/// The first bibliography beside the paper under a usual name, and its text.
pub(super) fn beside(options: &ImportOptions<'_>) -> Option<(String, String)> {
    USUAL_NAMES.iter().find_map(|&name| {
        (options.read_beside)(name)
            .ok()
            .map(|text| (name.to_owned(), text))
    })
}

/// The format a bibliography file is in: by extension, else by content.
enum Format {
    Reference(ReferenceFormat),
    Yaml,
}

fn format_of(name: &str, text: &str) -> Option<Format> {
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "bib" | "bibtex" | "biblatex" => Some(Format::Reference(ReferenceFormat::Bibtex)),
        "json" => Some(Format::Reference(ReferenceFormat::CslJson)),
        "yaml" | "yml" => Some(Format::Yaml),
        "ris" => Some(Format::Reference(ReferenceFormat::Ris)),
        _ => ReferenceFormat::detect(name, text).map(Format::Reference),
    }
}

/// Reads one bibliography file into `references`.
fn read_file(
    name: &str,
    text: &str,
    references: &mut Vec<Reference>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match format_of(name, text) {
        Some(Format::Reference(format)) => {
            carry(name, import(format, text), references, diagnostics);
        }
        Some(Format::Yaml) => match csl_yaml(text) {
            Ok(json) => carry(
                name,
                import(ReferenceFormat::CslJson, &json),
                references,
                diagnostics,
            ),
            Err(message) => diagnostics.push(Diagnostic::warning(
                crate::corpus::diagnostics::Code::ImportIncomplete,
                format!("the bibliography `{name}` is not CSL YAML: {message}"),
                "write it as a `references:` list of CSL items (as `pandoc --to csljson` \
                 would give in YAML), or use BibTeX or CSL-JSON",
            )),
        },
        None => diagnostics.push(Diagnostic::warning(
            crate::corpus::diagnostics::Code::ImportIncomplete,
            format!("the bibliography `{name}` is in a format paperlens does not read"),
            "give a `.bib` (BibTeX), `.json` (CSL-JSON), `.yaml` (CSL YAML) or `.ris` file",
        )),
    }
}

/// CSL YAML (a `references:` list or a bare list) as a CSL-JSON array.
fn csl_yaml(text: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let list = match value {
        serde_json::Value::Object(mut map) => map
            .remove("references")
            .ok_or_else(|| "it has no `references:` list".to_owned())?,
        other => other,
    };
    if !list.is_array() {
        return Err("its references are not a list".to_owned());
    }
    Ok(list.to_string())
}

/// The references an importer read, and its diagnostics as warnings naming the file.
fn carry(
    name: &str,
    imported: crate::formats::import::Imported,
    references: &mut Vec<Reference>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for mut diagnostic in imported.diagnostics {
        let line = diagnostic
            .location
            .take()
            .map(|l| format!(", line {}", l.line))
            .unwrap_or_default();
        diagnostic.message = format!("{name}{line}: {}", diagnostic.message);
        if diagnostic.severity == Severity::Error {
            diagnostic.severity = Severity::Warning;
        }
        diagnostic.path = None;
        diagnostics.push(diagnostic);
    }
    references.extend(imported.references);
}
