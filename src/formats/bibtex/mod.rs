//! BibTeX and BibLaTeX: export to a `.bib` file, and import of one.
//!
//! Export writes classic BibTeX entry types (`@article`, `@book`, `@incollection`,
//! `@phdthesis` …) with LaTeX specials escaped, titles protected from case changes by an extra
//! pair of braces, and the reference's cross-links in `annote`. Fields BibTeX has no name for
//! are written under their CSL-JSON name, which BibTeX ignores and paperlens reads back; a CSL
//! type BibTeX has no entry type for (a preprint's `article`, `webpage`, `classic` …) is written
//! as `entrysubtype`, BibLaTeX's field for a finer type, so that it comes back.
//!
//! Import parses with the `biblatex` crate, which expands `@string` abbreviations, resolves
//! `crossref` and `xdata` inheritance and decodes most LaTeX accents; what it leaves (`~`,
//! formatting commands such as `\mkbibquote{…}`, TeX quotes) is decoded here. An entry that
//! cannot be parsed is reported with its line and skipped; the rest load.
//!
//! `@set` entries (a group of entries cited together) are skipped and their members kept:
//! paperlens has no grouping of references, and each member is a complete entry of its own.
//! `@xdata` entries hold data for other entries to inherit and are skipped likewise.

mod export;
mod import;
mod latex;
mod limits;
mod mapping;
mod reference;

pub use export::{citation_key, entry, escape, export};
pub use import::{import, is_entry_line};
pub use latex::decode_latex;
pub use mapping::entry_type;
pub use reference::to_reference;

/// The one reference `text` holds, read without a diagnostic (the tests' shorthand).
#[cfg(test)]
fn read_one(text: &str) -> crate::corpus::model::Reference {
    import(text)
        .without_diagnostics()
        .into_iter()
        .next()
        .unwrap_or_default()
}
