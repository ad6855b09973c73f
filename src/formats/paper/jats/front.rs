//! The front matter (`front/article-meta`): title, authors with their affiliations, ORCID iDs,
//! e-mail and whether each is the corresponding author, the publication date and history,
//! licence, keywords and the main abstract (its sections as `Title: text` paragraphs).

use std::collections::HashMap;

use crate::corpus::cite::initials;
use crate::corpus::model::{Author, HistoryEvent, License};
use crate::corpus::text::after_title;
use crate::formats::paper::xml::{Element, Node};
use crate::formats::paper::{PaperBuilder, collapse_whitespace};

use super::inline::Flattener;
use super::refs::month_number;
use super::{Context, child_text, plain_text};

/// Fills the builder's paper from `article-meta`.
pub(super) fn read(context: &Context<'_>, meta: Element<'_>, builder: &mut PaperBuilder) {
    let paper = builder.paper();
    if let Some(group) = meta.child("title-group") {
        if let Some(title) = group.child("article-title") {
            paper.title = Flattener::rich(context, title).0.plain();
        }
        if let Some(subtitle) = group.child("subtitle") {
            let subtitle = Flattener::rich(context, subtitle).0.plain();
            if !subtitle.is_empty() {
                paper.title = after_title(&paper.title, &subtitle);
            }
        }
    }

    let (authors, affiliation) = authors(meta);
    paper.authors = authors;
    paper.affiliation = affiliation;

    paper.date = publication_date(meta);
    if let Some(doi) = meta
        .children_named("article-id")
        .find(|id| id.attr("pub-id-type") == Some("doi"))
    {
        doi.text().trim().clone_into(&mut paper.doi);
    }
    if let Some(history) = meta.child("history") {
        for date in history.children_named("date") {
            let when = iso_date(date);
            if !when.is_empty() {
                paper.history.push(HistoryEvent {
                    event: date.attr("date-type").unwrap_or("date").to_owned(),
                    date: when,
                });
            }
        }
    }
    if let Some(license) = meta.path(&["permissions", "license"]) {
        paper.license = license_of(license);
    }
    // SciELO gives the keywords in each language of the abstracts: those of the article's
    // own language (or of none said) are its keywords.
    let groups: Vec<Element<'_>> = meta.children_named("kwd-group").collect();
    let in_language = |group: &Element<'_>| match (context.language, group.attr("xml:lang")) {
        (Some(own), Some(lang)) => same_language(own, lang),
        _ => true,
    };
    let own: Vec<Element<'_>> = groups.iter().copied().filter(in_language).collect();
    for group in if own.is_empty() { groups } else { own } {
        for keyword in group.children_named("kwd") {
            let keyword = plain_text(keyword);
            if !keyword.is_empty() && !paper.keywords.contains(&keyword) {
                paper.keywords.push(keyword);
            }
        }
    }
    if let Some(abstract_element) = main_abstract(meta) {
        paper.abstract_text = abstract_text(context, abstract_element);
    }
}

/// The authors (`contrib-type="author"`, or no type) with their affiliations, ORCID iDs,
/// e-mail and corresponding flag; and the affiliation they all share, if they do.
fn authors(meta: Element<'_>) -> (Vec<Author>, String) {
    let descendants = meta.descendants();
    let affiliations: HashMap<&str, String> = descendants
        .iter()
        .filter(|e| e.is("aff"))
        .filter_map(|aff| Some((aff.attr("id")?, affiliation_text(*aff))))
        .collect();
    let correspondence: HashMap<&str, Element<'_>> = descendants
        .iter()
        .filter(|e| e.is("corresp"))
        .filter_map(|c| Some((c.attr("id")?, *c)))
        .collect();
    let lone_corresp_email = lone_email(&descendants);
    let mut authors = Vec::new();
    let mut author_affiliations: Vec<Vec<String>> = Vec::new();
    for group in meta.children_named("contrib-group") {
        let group_affiliations: Vec<String> =
            group.children_named("aff").map(affiliation_text).collect();
        for contrib in group.children_named("contrib") {
            if !matches!(contrib.attr("contrib-type"), None | Some("author")) {
                continue;
            }
            let mut own: Vec<String> = Vec::new();
            let mut author = Author {
                corresponding: contrib.attr("corresp") == Some("yes"),
                ..Author::default()
            };
            for child in contrib.elements() {
                match child.name() {
                    "name" | "string-name" | "name-alternatives" if author.name.is_empty() => {
                        author.name = person_name(child);
                    }
                    "collab" => {
                        author.name = collab_name(child);
                        author.group = true;
                    }
                    "contrib-id" if child.attr("contrib-id-type") == Some("orcid") => {
                        author.orcid = plain_text(child);
                    }
                    "email" => author.email = plain_text(child),
                    "address" => {
                        if let Some(email) = child.child("email") {
                            author.email = plain_text(email);
                        }
                    }
                    "aff" => own.push(affiliation_text(child)),
                    "xref" => {
                        let ref_type = child.attr("ref-type").unwrap_or_default();
                        for rid in child.attr("rid").unwrap_or_default().split_whitespace() {
                            if ref_type == "aff" {
                                if let Some(text) = affiliations.get(rid) {
                                    own.push(text.clone());
                                }
                            } else if let Some(note) = correspondence.get(rid) {
                                author.corresponding = true;
                                let emails = note.descendants_named("email");
                                if author.email.is_empty() && emails.len() == 1 {
                                    author.email =
                                        emails.first().map(|e| plain_text(*e)).unwrap_or_default();
                                }
                            } else if ref_type == "corresp" {
                                author.corresponding = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
            if author.corresponding && author.email.is_empty() {
                author.email = lone_corresp_email.clone().unwrap_or_default();
            }
            if own.is_empty() {
                own.clone_from(&group_affiliations);
            }
            own.retain(|a| !a.is_empty());
            own.dedup();
            author.affiliation = own.join("; ");
            if !author.name.is_empty() {
                author_affiliations.push(own);
                authors.push(author);
            }
        }
    }
    share_unlinked(meta, &mut authors, &mut author_affiliations);
    let affiliation = match author_affiliations.split_first() {
        Some((first, rest)) if !first.is_empty() && rest.iter().all(|a| a == first) => {
            first.join("; ")
        }
        _ => String::new(),
    };
    (authors, affiliation)
}

/// Gives every author the article's affiliations when no author points to any.
fn share_unlinked(meta: Element<'_>, authors: &mut [Author], own: &mut [Vec<String>]) {
    if own.iter().all(Vec::is_empty) {
        let mut all: Vec<String> = meta
            .children_named("aff")
            .chain(
                meta.children_named("contrib-group")
                    .flat_map(|group| group.children_named("aff")),
            )
            .map(affiliation_text)
            .filter(|text| !text.is_empty())
            .collect();
        all.dedup();
        if !all.is_empty() {
            for (author, own) in authors.iter_mut().zip(own.iter_mut()) {
                author.affiliation = all.join("; ");
                own.clone_from(&all);
            }
        }
    }
}

/// The e-mail address of the correspondence note when the notes give exactly one.
fn lone_email(descendants: &[Element<'_>]) -> Option<String> {
    let emails: Vec<String> = descendants
        .iter()
        .filter(|e| e.is("corresp"))
        .flat_map(|c| c.descendants_named("email"))
        .map(plain_text)
        .collect();
    if emails.len() == 1 {
        emails.into_iter().next()
    } else {
        None
    }
}

/// A person's name as printed: `Given Surname Suffix`.
fn person_name(name: Element<'_>) -> String {
    if name.is("name-alternatives") {
        return name.elements().next().map(person_name).unwrap_or_default();
    }
    let surname = child_text(name, "surname");
    if surname.is_empty() && name.child("given-names").is_none() {
        return plain_text(name);
    }
    let given = child_text(name, "given-names");
    let parts = [
        child_text(name, "prefix"),
        initials(&given).unwrap_or(given),
        surname,
        child_text(name, "suffix"),
    ];
    collapse_whitespace(&parts.join(" "))
}

/// A group author's name, without the members a nested `contrib-group` lists.
fn collab_name(collab: Element<'_>) -> String {
    let mut text = String::new();
    for node in collab.nodes() {
        match node {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if e.is("contrib-group") || e.is("xref") => {}
            Node::Element(e) => text.push_str(&e.text()),
        }
    }
    collapse_whitespace(&text)
}

/// Whether two `xml:lang` values name one language (`es` and `es-CO`, `EN` and `en`).
fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| {
        tag.trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// An affiliation's text without its label (or the superscript number PMC writes instead).
/// SciELO gives an affiliation in parts (institution, city, country) and again as the paper
/// prints it (`institution content-type="original"`) and as a registry names it
/// (`"normalized"`): the printed one is the affiliation, the registry's name is left out.
fn affiliation_text(aff: Element<'_>) -> String {
    let institution_of = |wanted: &str| {
        aff.children_named("institution")
            .find(|e| e.attr("content-type") == Some(wanted))
    };
    if let Some(original) = institution_of("original") {
        let printed = collapse_whitespace(&original.text());
        if !printed.is_empty() {
            return printed;
        }
    }
    let mut text = String::new();
    for node in aff.nodes() {
        match node {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if e.is("label") => {}
            Node::Element(e)
                if e.is("institution") && e.attr("content-type") == Some("normalized") => {}
            Node::Element(e) if e.is("sup") && text.trim().is_empty() => {}
            Node::Element(e) => {
                push_printed_text(e, &mut text);
                text.push(' ');
            }
        }
    }
    let text = collapse_whitespace(&text).replace(" ,", ",");
    text.trim_start_matches([',', ';', ' ']).to_owned()
}

/// Adds the text of an affiliation's part as printed: without the registry ids
/// (`<institution-id>` GRID, ISNI, ROR) Springer wraps with the institution's name.
fn push_printed_text(part: Element<'_>, out: &mut String) {
    let mut stack: Vec<Node<'_>> = vec![Node::Element(part)];
    while let Some(node) = stack.pop() {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.is("institution-id") => {}
            Node::Element(e) => {
                let before = stack.len();
                stack.extend(e.nodes());
                if let Some(added) = stack.get_mut(before..) {
                    added.reverse();
                }
            }
        }
    }
}

/// The publication date: the electronic one, else print, else any, as `YYYY-MM-DD` (or as
/// much of it as is given).
fn publication_date(meta: Element<'_>) -> String {
    let dates: Vec<Element<'_>> = meta.children_named("pub-date").collect();
    let kind = |date: &Element<'_>| {
        date.attr("pub-type")
            .or_else(|| date.attr("date-type"))
            .unwrap_or_default()
            .to_owned()
    };
    let preferred = ["epub", "pub", "ppub", "epub-ppub", "collection"];
    let chosen = preferred
        .iter()
        .find_map(|wanted| dates.iter().find(|d| kind(d) == *wanted))
        .or_else(|| dates.first());
    chosen.map(|date| iso_date(*date)).unwrap_or_default()
}

/// A JATS date (`year`, `month`, `day`) as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; its
/// `iso-8601-date` when it gives one; empty without a year.
fn iso_date(date: Element<'_>) -> String {
    if let Some(iso) = date.attr("iso-8601-date")
        && !iso.trim().is_empty()
    {
        return iso.trim().to_owned();
    }
    let year = child_text(date, "year");
    if year.is_empty() {
        return child_text(date, "string-date");
    }
    let Some(month) = month_number(&child_text(date, "month")) else {
        return year;
    };
    match child_text(date, "day").parse::<u32>() {
        Ok(day) if (1..=31).contains(&day) => format!("{year}-{month:02}-{day:02}"),
        _ => format!("{year}-{month:02}"),
    }
}

/// The licence: its short name (from its address, type or words), address and statement.
fn license_of(license: Element<'_>) -> License {
    let url = license
        .attr("xlink:href")
        .map(str::to_owned)
        .or_else(|| {
            let descendants = license.descendants();
            descendants
                .iter()
                .find(|e| e.is("license_ref"))
                .map(|reference| plain_text(*reference))
                .or_else(|| {
                    descendants
                        .iter()
                        .find(|e| e.is("ext-link") || e.is("uri"))
                        .and_then(|link| link.attr("xlink:href").map(str::to_owned))
                })
        })
        .unwrap_or_default();
    let paragraphs: Vec<String> = license
        .children_named("license-p")
        .map(plain_text)
        .collect();
    let statement = if paragraphs.is_empty() {
        plain_text(license)
    } else {
        paragraphs.join(" ")
    };
    let name = license_name(&url, license.attr("license-type"), &statement);
    License {
        name,
        url,
        statement,
    }
}

/// A licence's short name: `CC BY 4.0` from a Creative Commons address, else from its type
/// or the words of its statement.
fn license_name(url: &str, license_type: Option<&str>, statement: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if let Some(at) = lower.find("creativecommons.org/licenses/") {
        let rest = lower
            .get(at + "creativecommons.org/licenses/".len()..)
            .unwrap_or_default();
        let mut parts = rest.split('/').filter(|p| !p.is_empty());
        let kind = parts.next().unwrap_or_default().to_ascii_uppercase();
        let version = parts.next().unwrap_or_default();
        return collapse_whitespace(&format!("CC {kind} {version}"));
    }
    if lower.contains("creativecommons.org/publicdomain/zero") {
        return "CC0 1.0".to_owned();
    }
    if let Some(kind) = license_type
        && !kind.is_empty()
        && kind != "open-access"
    {
        return kind.to_owned();
    }
    let words = statement.to_ascii_lowercase();
    if words.contains("creative commons attribution") {
        "CC BY".to_owned()
    } else if words.contains("public domain") || words.contains("cc0") {
        "CC0".to_owned()
    } else if words.contains("open-access") || words.contains("open access") {
        "Open access".to_owned()
    } else {
        String::new()
    }
}

/// The summaries for readers the article prints after its abstract (PLOS's Author Summary and
/// Editors' Summary, eLife's digest), each with the heading to give it when it has no title of
/// its own; the main abstract is never one of them.
pub(super) fn reader_summaries(meta: Element<'_>) -> Vec<(Element<'_>, &'static str)> {
    let main = main_abstract(meta);
    meta.children_named("abstract")
        .filter(|a| Some(*a) != main)
        .filter_map(|a| {
            let heading = match a.attr("abstract-type")? {
                "summary" | "author-summary" => "Author summary",
                "editor-summary" | "editors-summary" => "Editors' summary",
                "executive-summary" => "Digest",
                "plain-language-summary" | "lay-summary" => "Plain language summary",
                _ => return None,
            };
            Some((a, heading))
        })
        .collect()
}

/// Whether `element` cites a work of the reference list (an `xref` to a `bibr` in it).
pub(super) fn cites_works(element: Element<'_>) -> bool {
    element
        .descendants_named("xref")
        .iter()
        .any(|xref| xref.attr("ref-type") == Some("bibr"))
}

/// The main abstract: one without a type, else the first not a summary for readers, a table
/// of contents blurb or a teaser.
pub(super) fn main_abstract(meta: Element<'_>) -> Option<Element<'_>> {
    let abstracts: Vec<Element<'_>> = meta.children_named("abstract").collect();
    abstracts
        .iter()
        .find(|a| a.attr("abstract-type").is_none())
        .or_else(|| {
            abstracts.iter().find(|a| {
                !matches!(
                    a.attr("abstract-type"),
                    Some(
                        "summary"
                            | "toc"
                            | "teaser"
                            | "editor-summary"
                            | "editors-summary"
                            | "author-summary"
                            | "graphical"
                            | "short"
                            | "web-summary"
                    )
                )
            })
        })
        .copied()
}

/// An abstract as text: its sections as `Title: text` and its paragraphs, separated by blank
/// lines.
fn abstract_text(context: &Context<'_>, element: Element<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for child in element.elements() {
        match child.name() {
            "title" | "label" | "object-id" => {}
            _ if super::is_doi_line(child) => {}
            "sec" => {
                let title = child
                    .child("title")
                    .map(|t| Flattener::rich(context, t).0.plain())
                    .unwrap_or_default();
                let text: Vec<String> = child
                    .elements()
                    .filter(|e| !e.is("title") && !e.is("label"))
                    .map(|e| Flattener::rich(context, e).0.plain())
                    .filter(|t| !t.is_empty())
                    .collect();
                let text = text.join(" ");
                parts.push(if title.is_empty() {
                    text
                } else {
                    after_title(&title, &text)
                });
            }
            _ => parts.push(Flattener::rich(context, child).0.plain()),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("\n\n")
}
