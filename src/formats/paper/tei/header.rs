//! The `teiHeader`: title, authors (names, e-mail, affiliations, ORCID iD, corresponding
//! author), date, keywords and abstract.

use crate::corpus::cite::initials;
use crate::corpus::model::Author;
use crate::formats::paper::plain::is_written_out_name;
use crate::formats::paper::xml::Element;
use crate::formats::paper::{PaperBuilder, collapse_whitespace};

use super::{child_text, plain};

/// Fills the builder's front matter from the `teiHeader` of `tei`.
pub(super) fn read(tei: Element<'_>, builder: &mut PaperBuilder) {
    let Some(header) = tei.child("teiHeader") else {
        return;
    };
    let file_desc = header.child("fileDesc");
    let source = file_desc.and_then(|f| f.path(&["sourceDesc", "biblStruct"]));
    let paper = builder.paper();
    paper.title = title(file_desc, source);
    if let Some(analytic) = source.and_then(|s| s.child("analytic")) {
        paper.authors = analytic
            .children_named("author")
            .filter_map(author)
            .collect();
    }
    let mut affiliations: Vec<&str> = Vec::new();
    for author in &paper.authors {
        for affiliation in author.affiliation.split("; ") {
            if !affiliation.is_empty() && !affiliations.contains(&affiliation) {
                affiliations.push(affiliation);
            }
        }
    }
    paper.affiliation = affiliations.join("; ");
    paper.date = file_desc
        .and_then(|f| f.path(&["publicationStmt", "date"]))
        .map(date)
        .filter(|d| !d.is_empty())
        .or_else(|| {
            source
                .and_then(|s| s.path(&["monogr", "imprint", "date"]))
                .map(date)
        })
        .unwrap_or_default();
    if let Some(profile) = header.child("profileDesc") {
        paper.keywords = keywords(profile);
        if let Some(abstract_element) = profile.child("abstract") {
            paper.abstract_text = abstract_text(abstract_element);
        }
    }
}

/// The paper's title: the title statement's main title, else the source description's.
fn title(file_desc: Option<Element<'_>>, source: Option<Element<'_>>) -> String {
    let statement = file_desc
        .and_then(|f| f.child("titleStmt"))
        .map(|statement| {
            statement
                .children_named("title")
                .find(|t| t.attr("type") == Some("main"))
                .or_else(|| statement.child("title"))
                .map(plain)
                .unwrap_or_default()
        })
        .unwrap_or_default();
    if !statement.is_empty() {
        return statement;
    }
    source
        .and_then(|s| {
            s.path(&["analytic", "title"])
                .or_else(|| s.path(&["monogr", "title"]))
        })
        .map(plain)
        .unwrap_or_default()
}

/// An author of the paper; `None` for GROBID's `author` elements that name no one: an
/// affiliation alone, or a name of fewer than two letters (a sign on the PDF's author line
/// read as a name, such as `<forename>ᰔ</forename>` beside the real authors).
fn author(element: Element<'_>) -> Option<Author> {
    let name = element
        .child("persName")
        .map(person_name)
        .unwrap_or_default();
    if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let affiliations: Vec<String> = element
        .children_named("affiliation")
        .map(affiliation)
        .filter(|a| !a.is_empty())
        .collect();
    let orcid = element
        .children_named("idno")
        .find(|idno| {
            idno.attr("type")
                .is_some_and(|kind| kind.eq_ignore_ascii_case("orcid"))
        })
        .map(plain)
        .unwrap_or_default();
    Some(Author {
        name,
        affiliation: affiliations.join("; "),
        email: child_text(element, "email"),
        orcid,
        corresponding: element
            .attr("role")
            .is_some_and(|role| role.split_whitespace().any(|r| r == "corresp")),
        group: false,
    })
}

/// A `persName` as printed: forenames in order, then the surname (and a `genName`, `Jr.`);
/// its whole text when it has none of these.
pub(super) fn person_name(element: Element<'_>) -> String {
    let (given, family) = name_parts(element);
    let suffix = child_text(element, "genName");
    let name = [given, family, suffix]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        plain(element)
    } else {
        name
    }
}

/// The forenames of a `persName` joined in order, and its surname. A forename GROBID gives as
/// initials without points (`<forename type="middle">A</forename>`, `JR`) is written as
/// initials (`A.`, `J. R.`). A name GROBID gave no surname but two forenames or more, the last
/// of them a word (`<forename type="first">Oren</forename><forename
/// type="middle">Etzioni</forename>`), has that word for its surname.
pub(super) fn name_parts(name: Element<'_>) -> (String, String) {
    let mut given: Vec<String> = name
        .children_named("forename")
        .map(plain)
        .filter(|f| !f.is_empty())
        .map(|forename| initials(&forename).unwrap_or(forename))
        .collect();
    let mut family = child_text(name, "surname");
    if family.is_empty()
        && given.len() >= 2
        && given.last().is_some_and(|last| is_written_out_name(last))
    {
        family = given.pop().unwrap_or_default();
    }
    (given.join(" "), family)
}

/// An affiliation: its organisation names joined, or its whole text when it names none.
fn affiliation(element: Element<'_>) -> String {
    let names: Vec<String> = element
        .children_named("orgName")
        .map(plain)
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        plain(element)
    } else {
        names.join(", ")
    }
}

/// A `date`: its `when` attribute, or its text.
fn date(element: Element<'_>) -> String {
    element
        .attr("when")
        .map(collapse_whitespace)
        .filter(|when| !when.is_empty())
        .unwrap_or_else(|| plain(element))
}

/// The keywords: each `term`, or the text of `keywords` split at commas and semicolons.
fn keywords(profile: Element<'_>) -> Vec<String> {
    let Some(keywords) = profile.path(&["textClass", "keywords"]) else {
        return Vec::new();
    };
    let terms: Vec<String> = keywords
        .outermost(&["term"])
        .into_iter()
        .map(plain)
        .filter(|t| !t.is_empty())
        .collect();
    if !terms.is_empty() {
        return terms;
    }
    plain(keywords)
        .split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The abstract: its paragraphs (directly or in `div`s) joined by blank lines, markers as
/// printed.
fn abstract_text(element: Element<'_>) -> String {
    let paragraphs: Vec<String> = element
        .outermost(&["p"])
        .into_iter()
        .map(plain)
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        plain(element)
    } else {
        paragraphs.join("\n\n")
    }
}
