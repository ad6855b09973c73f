//! What corresponds to what between CSL-JSON and BibTeX: item types and entry types (with
//! BibLaTeX's `entrysubtype` for the types BibTeX lacks), and the fields each side has a name
//! for.

use biblatex::{ChunksExt as _, Entry, EntryType};
use serde_json::Value;

use crate::corpus::model::{CSL_ITEM_TYPES, Reference};

/// The BibTeX entry type for a CSL item type.
#[must_use]
pub fn entry_type(reference: &Reference) -> &'static str {
    match reference.item_type.as_str() {
        "article-journal" | "article-magazine" | "article-newspaper" | "review" | "review-book" => {
            "article"
        }
        "book" | "classic" => "book",
        "chapter" | "entry-dictionary" | "entry-encyclopedia" => "incollection",
        "paper-conference" => "inproceedings",
        "thesis" => {
            let genre = reference
                .extra
                .get("genre")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_lowercase();
            if genre.contains("master") {
                "mastersthesis"
            } else {
                "phdthesis"
            }
        }
        "report" => "techreport",
        "manuscript" => "unpublished",
        _ => "misc",
    }
}

/// The `entrysubtype` that tells the reference's CSL type apart when the entry type `kind`
/// alone reads back as another (`@misc` is `document`, `@book` is `book`): BibLaTeX's
/// `magazine` or `newspaper` for those articles, the CSL type itself otherwise.
pub(super) fn entry_subtype<'a>(reference: &'a Reference, kind: &str) -> Option<&'a str> {
    let csl = reference.item_type.as_str();
    if base_csl_type(&EntryType::new(kind), None) == csl || !CSL_ITEM_TYPES.contains(&csl) {
        return None;
    }
    Some(match csl {
        "article-magazine" => "magazine",
        "article-newspaper" => "newspaper",
        _ => csl,
    })
}

/// CSL-JSON fields held in `extra` and the BibTeX (or BibLaTeX) field each is written as and
/// read back from.
const EXTRA_FIELDS: [(&str, &str); 21] = [
    ("event-date", "eventdate"),
    ("container-author", "bookauthor"),
    ("ISBN", "isbn"),
    ("ISSN", "issn"),
    ("abstract", "abstract"),
    ("keyword", "keywords"),
    ("edition", "edition"),
    ("collection-title", "series"),
    ("language", "language"),
    ("title-short", "shorttitle"),
    ("container-title-short", "shortjournal"),
    ("genre", "type"),
    ("number-of-pages", "pagetotal"),
    ("number-of-volumes", "volumes"),
    ("chapter-number", "chapter"),
    ("event-title", "eventtitle"),
    ("event-place", "venue"),
    ("accessed", "urldate"),
    ("original-date", "origdate"),
    ("translator", "translator"),
    ("PMID", "pmid"),
];

/// BibLaTeX fields that other tools write for a CSL-JSON field of `extra`: read, never written
/// (`annote` is written from the reference's own note and cross-links).
const MORE_EXTRA_FIELDS: [(&str, &str); 3] = [
    ("language", "langid"),
    ("annote", "annotation"),
    ("annote", "annote"),
];

/// The BibTeX field a CSL-JSON field of `extra` is written as, when BibTeX names it otherwise.
pub(super) fn bibtex_field(csl: &str) -> Option<&'static str> {
    EXTRA_FIELDS
        .iter()
        .find(|(c, _)| *c == csl)
        .map(|(_, bibtex)| *bibtex)
}

/// The CSL-JSON name in `extra` of a BibTeX field, when it has one.
pub(super) fn csl_field(bibtex: &str) -> Option<&'static str> {
    EXTRA_FIELDS
        .iter()
        .chain(&MORE_EXTRA_FIELDS)
        .find(|(_, b)| *b == bibtex)
        .map(|(csl, _)| *csl)
}

/// Fields whose value BibLaTeX keeps verbatim (no LaTeX decoding).
pub(super) const VERBATIM_FIELDS: [&str; 9] = [
    "url", "doi", "eprint", "file", "pdf", "uri", "verba", "verbb", "verbc",
];

/// BibTeX fields read into the corpus's own fields (or consumed by inheritance); every other
/// field goes to `extra`.
pub(super) const CONSUMED: [&str; 41] = [
    "author",
    "editor",
    "editora",
    "editorb",
    "editorc",
    "editortype",
    "editoratype",
    "editorbtype",
    "editorctype",
    "title",
    "subtitle",
    "journal",
    "journaltitle",
    "journalsubtitle",
    "booktitle",
    "booksubtitle",
    "maintitle",
    "mainsubtitle",
    "date",
    "year",
    "month",
    "day",
    "endyear",
    "endmonth",
    "endday",
    "volume",
    "number",
    "issue",
    "pages",
    "publisher",
    "location",
    "address",
    "institution",
    "school",
    "doi",
    "url",
    "howpublished",
    "note",
    "crossref",
    "xdata",
    "entryset",
];

/// The CSL item type of a BibTeX entry: an `entrysubtype` naming a CSL type (as paperlens
/// writes for types BibTeX lacks) wins, else the entry type decides. The flag says whether
/// `entrysubtype` decided the type (and so need not be kept as a field of its own).
pub(super) fn csl_type(entry: &Entry) -> (&'static str, bool) {
    let subtype = entry
        .get("entrysubtype")
        .map(|c| c.format_verbatim().trim().to_lowercase());
    if let Some(named) = subtype
        .as_deref()
        .and_then(|s| CSL_ITEM_TYPES.iter().find(|t| **t == s))
    {
        return (named, true);
    }
    let item_type = base_csl_type(&entry.entry_type, subtype.as_deref());
    (
        item_type,
        item_type != base_csl_type(&entry.entry_type, None),
    )
}

/// The CSL item type of a BibTeX entry type (with BibLaTeX's `entrysubtype` of articles).
fn base_csl_type(entry_type: &EntryType, subtype: Option<&str>) -> &'static str {
    match entry_type {
        EntryType::Article => match subtype {
            Some("magazine") => "article-magazine",
            Some("newspaper") => "article-newspaper",
            _ => "article-journal",
        },
        EntryType::Book
        | EntryType::MvBook
        | EntryType::Collection
        | EntryType::MvCollection
        | EntryType::Proceedings
        | EntryType::MvProceedings
        | EntryType::Reference
        | EntryType::MvReference => "book",
        EntryType::Booklet => "pamphlet",
        EntryType::InBook
        | EntryType::BookInBook
        | EntryType::SuppBook
        | EntryType::InCollection
        | EntryType::SuppCollection => "chapter",
        EntryType::InReference => "entry-encyclopedia",
        EntryType::InProceedings => "paper-conference",
        EntryType::MastersThesis | EntryType::PhdThesis | EntryType::Thesis => "thesis",
        EntryType::TechReport | EntryType::Report | EntryType::Manual => "report",
        EntryType::Unpublished => "manuscript",
        EntryType::Patent => "patent",
        EntryType::Online => "webpage",
        EntryType::Software => "software",
        EntryType::Dataset => "dataset",
        EntryType::Periodical => "periodical",
        EntryType::SuppPeriodical => "article-journal",
        _ => "document",
    }
}
