//! The Markdown importer on Pandoc's citations: every form, keys of every shape, keys the
//! bibliography lacks, and the slips papers make (keys separated by commas, an entry without
//! its `@`, a bracket with an entry holding no key).
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{BIB, HEADER, messages, paragraphs, read, read_with, valid};
use crate::corpus::diagnostics::{Code, Severity};
use crate::formats::paper::Imported;

/// The ids of the references the import kept, in order.
fn reference_ids(imported: &Imported) -> Vec<&str> {
    imported
        .file
        .references
        .iter()
        .map(|r| r.id.as_str())
        .collect()
}

#[test]
fn every_pandoc_citation_form_is_kept_as_written_and_links() {
    let text = format!(
        "{HEADER}# Intro\n\nAs [@smith2020; @doe:2019] and [see @smith2020, p. 3] say, \
         @doe:2019 [p. 4] and [-@smith2020] agree. Mail ada@example.org or see @fig:one, \
         \\@smith2020 and `@smith2020`.\n"
    );
    let imported = read(&text);
    let corpus = valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "As [@smith2020; @doe:2019] and [see @smith2020, p. 3] say, @doe:2019 [p. 4] and \
          [-@smith2020] agree. Mail ada\\@example.org or see \\@fig:one, \\@smith2020 and \
          \\@smith2020."
        ]
    );
    assert_eq!(corpus.summary().citation_groups, 4);
    assert_eq!(imported.file.paper.title, "A test paper");
    // `unused` is left out, with one info.
    let ids = reference_ids(&imported);
    assert_eq!(ids, ["smith2020", "doe:2019"]);
    assert!(
        messages(&imported)
            .iter()
            .any(|m| m.starts_with("1 reference in the bibliography not cited"))
    );
}

#[test]
fn keys_with_colons_dots_dashes_underscores_and_slashes_link() {
    let bib = "@book{a/b.c-d_e:f, title = {T}, year = {2020}}\n";
    let text =
        "---\ntitle: K\nbibliography: k.bib\n---\n\nAs [@a/b.c-d_e:f] and @a/b.c-d_e:f. show.\n";
    let imported = read_with(text, &[("k.bib", bib)]);
    let corpus = valid(&imported);
    assert_eq!(corpus.summary().citations, 2);
    assert_eq!(
        paragraphs(&imported.file),
        ["As [@a/b.c-d_e:f] and @a/b.c-d_e:f. show."]
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Warning),
        "{:?}",
        messages(&imported)
    );
}

#[test]
fn nocite_keeps_every_reference() {
    let text = "---\nbibliography: refs.bib\nnocite: '@*'\n---\n\nText [@smith2020].\n";
    let imported = read(text);
    assert_eq!(imported.file.references.len(), 3);
    let text = "---\nbibliography: refs.bib\nnocite: '@unused'\n---\n\nText [@smith2020].\n";
    assert_eq!(read(text).file.references.len(), 2);
}

#[test]
fn a_key_missing_from_the_bibliography_is_a_warning() {
    let imported = read(&format!("{HEADER}Text [@smith2020; @nothere] and @gone.\n"));
    valid(&imported);
    let missing: Vec<&str> = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MissingBibliographyEntry)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].contains("`@nothere`"));
    assert!(imported.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn a_group_keeps_the_works_it_cites_that_the_bibliography_has() {
    // Pandoc prints a key it cannot find as `key?` and the rest of the group as usual.
    let imported = read(&format!(
        "{HEADER}As [@smith2020; @gone] and [see @lost; @doe:2019, p. 3; @none] show [@Smith2020].\n"
    ));
    let corpus = valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        ["As [@smith2020, gone?] and [see lost?, @doe:2019, p. 3, none?] show \\[\\@Smith2020]."]
    );
    assert_eq!(corpus.summary().citations, 2);
    assert_eq!(corpus.summary().citation_groups, 2);
    let cited: Vec<&str> = corpus
        .index
        .citations
        .iter()
        .flat_map(|c| &c.references)
        .map(|&r| imported.file.references[r].id.as_str())
        .collect();
    assert_eq!(cited, ["smith2020", "doe:2019"]);
    let missing = messages(&imported)
        .into_iter()
        .filter(|m| m.contains("not in the bibliography"))
        .count();
    assert_eq!(missing, 4);
    // A key in other capitals than the bibliography's is named, as BibTeX would take it.
    assert!(messages(&imported).contains(
        &"the text cites `@Smith2020`, which is not in the bibliography (it has `smith2020`, in \
          other capitals): kept as printed text"
    ));
}

#[test]
fn keys_separated_by_commas_or_left_without_at_are_one_group_and_a_broken_group_is_reported() {
    // Slips found in JOSS papers: commas for semicolons, and an entry without its `@`. A
    // bracket with an entry holding no key is text, each `@key` in it citing in the running
    // text, as Pandoc reads it ("[Negishi weights; Negishi (1960)]").
    let text = format!(
        "{HEADER}# Intro\n\nSee [@smith2020, @doe:2019], [@smith2020, p. 3] and \
         [smith2020; @doe:2019] here.\n\nNot [Smith and Doe; @doe:2019] nor [smith2020; 12] \
         nor [@smith2020 @doe:2019].\n"
    );
    let imported = read(&text);
    let corpus = valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "See [@smith2020; @doe:2019], [@smith2020, p. 3] and [@smith2020; @doe:2019] here.",
            "Not \\[Smith and Doe; @doe:2019] nor \\[smith2020; 12] nor \\[\\@smith2020 \\@doe:2019]."
        ]
    );
    assert_eq!(corpus.summary().citation_groups, 4);
    let in_text = corpus.index.citations.last().map(|c| c.narrative);
    assert_eq!(in_text, Some(true));
    let said = messages(&imported);
    for expected in [
        "1 text with keys separated by commas (`[@a, @b]`) read as citation groups",
        "1 entry of citation groups written without `@` (`smith2020`) read as keys",
        "citation group `[Smith and Doe; @doe:2019]` has an entry `Smith and Doe` that is not \
         `@key`: its words kept as printed text and each `@key` in it read as a citation in the \
         running text, as Pandoc reads it",
        "citation group `[@smith2020 @doe:2019]` has an entry `@smith2020 @doe:2019` that is not \
         `@key` (separate two keys with `;`): kept as printed text",
    ] {
        assert!(
            said.iter().any(|m| m.starts_with(expected)),
            "{expected}: {said:?}"
        );
    }
    // Several such brackets are one line, naming the first.
    let text =
        format!("{HEADER}# A\n\n[Weights; @smith2020], [see; @doe:2019] and [x; @doe:2019].\n");
    let imported = read(&text);
    let said: Vec<&str> = messages(&imported)
        .into_iter()
        .filter(|m| m.contains("as Pandoc reads it"))
        .collect();
    assert_eq!(
        said,
        [
            "citation group `[Weights; @smith2020]` has an entry `Weights` that is not `@key` (and \
          2 other brackets like it): its words kept as printed text and each `@key` in it read \
          as a citation in the running text, as Pandoc reads it"
        ]
    );
}

#[test]
fn an_escaped_semicolon_in_a_group_is_part_of_its_prefix() {
    // Pandoc reads `[SDC\; see, e.g., @smith2020]` as one citation, its prefix `SDC; see,
    // e.g.,`; a `\;` elsewhere is a `;`, and `\\;` a backslash before one.
    let text = format!(
        "{HEADER}# A\n\nCorrections [SDC\\;\nsee, e.g., @smith2020; @doe:2019]. Also a\\; b \
         \\\\; c.\n"
    );
    let imported = read(&text);
    let corpus = valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        ["Corrections [SDC\\; see, e.g., @smith2020; @doe:2019]. Also a; b \\\\; c."]
    );
    let summary = corpus.summary();
    assert_eq!((summary.citation_groups, summary.citations), (1, 2));
    assert!(
        !messages(&imported).iter().any(|m| m.contains("not `@key`")),
        "{:?}",
        messages(&imported)
    );
}

#[test]
fn a_citation_in_a_table_header_prints_as_the_text_prints_it() {
    // A JOSS comparison table: a column for each related package, headed by its citation.
    let text = format!(
        "{HEADER}# A\n\nAs [@smith2020] compares.\n\n| Feature | Ours | @doe:2019 | [@smith2020] | \
         @gone | user@example.org |\n|---|---|---|---|---|---|\n| Plots | ✓ | ✓ | | | |\n"
    );
    let imported = read(&text);
    valid(&imported);
    let table = imported.file.tables.first().expect("a table");
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "Feature",
            "Ours",
            "Doe (2019)",
            "(Smith, 2020)",
            "@gone",
            "user@example.org"
        ]
    );
    assert_eq!(table.references, ["doe:2019", "smith2020"]);
}

#[test]
fn a_paper_naming_no_bibliography_reads_the_one_beside_it_or_is_warned() {
    // A thesis chapter whose Makefile gives Pandoc the bibliography: the one beside it, under
    // a usual name, is read and said.
    let text = "# A\n\nText [@smith2020] and [@x].\n";
    let imported = read_with(text, &[("notes.bib", BIB), ("references.bib", BIB)]);
    let ids = reference_ids(&imported);
    assert_eq!(ids, ["smith2020"]);
    let said = messages(&imported);
    assert!(
        said.contains(&"the paper names no bibliography: read `references.bib`, found beside it"),
        "{said:?}"
    );
    // With none beside it under a usual name, the text's keys are all it has.
    let imported = read_with(text, &[("notes.bib", BIB)]);
    assert!(imported.file.references.is_empty());
    let said = messages(&imported);
    assert!(
        said.iter().any(|m| m.starts_with(
            "the text cites 2 works but the paper names no bibliography, and none lies beside \
             it under a usual name (references.bib, paper.bib, refs.bib"
        )),
        "{said:?}"
    );
}
