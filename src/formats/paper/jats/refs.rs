//! The reference list as CSL-JSON: every `ref` of `back/ref-list` (reference lists nested in
//! others, and a sub-article's own, too), its `element-citation`, `mixed-citation`,
//! `nlm-citation` or `citation` read into a [`Reference`] — type, authors and editors (`collab`
//! as a literal name, `etal` closing the list as "et al."), title, container, date, volume, issue, pages, DOI,
//! PMID, URL, publisher — with the whole citation text kept when it has no markup to read
//! fields from, and a mixed citation's text kept as the entry printed.

use serde_json::Value;

use crate::corpus::cite::{et_al_last, initials};
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::{CSL_ITEM_TYPES, CslDate, CslName, Reference};
use crate::formats::paper::plain::is_group_word;
use crate::formats::paper::xml::{Element, Node};
use crate::formats::paper::{PaperBuilder, collapse_whitespace};

use super::{Context, plain_text};
use untagged::{
    authors_before_first_field, read_untagged_names_and_title, take_untagged_fields, untagged_entry,
};

mod untagged;

/// Hands every reference of the lists to the builder, in list order.
pub(super) fn read(context: &Context<'_>, builder: &mut PaperBuilder) {
    for element in &context.refs {
        builder.reference(reference(*element));
    }
    if context.repeated_refs > 0 {
        builder.report(Diagnostic::info(
            Code::ImportIncomplete,
            format!(
                "{} listed twice, word for word under the same id, read once",
                crate::corpus::counted(context.repeated_refs, "reference")
            ),
            "the source's list repeats them; nothing is lost",
        ));
    }
}

/// The number a reference's label prints (`12`, `[12]`, `12.`), if it is one.
pub(super) fn label_number(reference: Element<'_>) -> Option<u32> {
    let label = reference.child("label")?.text();
    label
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')', '.'])
        .trim()
        .parse()
        .ok()
}

/// The children of a `ref` that may hold its citation, those of a `citation-alternatives`
/// among them.
fn citation_candidates(reference: Element<'_>) -> Vec<Element<'_>> {
    reference
        .elements()
        .flat_map(|child| {
            if child.is("citation-alternatives") {
                child.elements().collect()
            } else {
                vec![child]
            }
        })
        .collect()
}

/// The citation to read in a `ref`: structured forms first.
fn citation_of(reference: Element<'_>) -> Option<Element<'_>> {
    let candidates = citation_candidates(reference);
    [
        "element-citation",
        "nlm-citation",
        "mixed-citation",
        "citation",
    ]
    .iter()
    .find_map(|name| candidates.iter().find(|c| c.is(name)).copied())
}

/// What a citation's elements say, gathered before they become a [`Reference`].
#[derive(Default)]
struct Fields {
    authors: Vec<CslName>,
    editors: Vec<CslName>,
    article_title: String,
    chapter_title: String,
    source: String,
    year: String,
    month: String,
    day: String,
    first_page: String,
    last_page: String,
    comments: Vec<String>,
}

/// One `ref` as a reference.
fn reference(element: Element<'_>) -> Reference {
    let mut reference = Reference {
        id: element.attr("id").unwrap_or_default().to_owned(),
        citation_number: label_number(element),
        ..Reference::default()
    };
    let Some(citation) = citation_of(element) else {
        let text = text_without_label(element);
        "document".clone_into(&mut reference.item_type);
        reference.title.clone_from(&text);
        reference.set_printed(&text);
        return reference;
    };
    if let Some(printed) = printed_citation(element) {
        reference.set_printed(&printed_text(printed));
    }
    let mut fields = Fields::default();
    read_fields(citation, &mut reference, &mut fields, 0);
    et_al_last(&mut fields.authors);
    et_al_last(&mut fields.editors);
    read_untagged_names_and_title(citation, &mut reference, &mut fields);
    if fields.authors.is_empty() && fields.editors.is_empty() {
        fields.authors = authors_before_first_field(citation);
    }
    let publication_type = citation
        .attr("publication-type")
        .or_else(|| citation.attr("citation-type"))
        .unwrap_or_default();
    csl_type(publication_type, &fields, !reference.publisher.is_empty())
        .clone_into(&mut reference.item_type);
    reference.author = std::mem::take(&mut fields.authors);
    reference.editor = std::mem::take(&mut fields.editors);
    titles(&mut reference, &mut fields);
    reference.issued = date(&fields.year, &fields.month, &fields.day);
    if reference.page.is_empty() {
        reference.page = match (fields.first_page.is_empty(), fields.last_page.is_empty()) {
            // A range whose last page is its first is that one page (`<fpage>879</fpage>
            // <lpage>879</lpage>`: p. 879, not pp. 879–879).
            (false, false) if fields.first_page == fields.last_page => fields.first_page,
            (false, false) => format!(
                "{}–{}",
                fields.first_page,
                full_last_page(&fields.first_page, &fields.last_page)
            ),
            (false, true) => fields.first_page,
            _ => String::new(),
        };
    }
    let mut comments: Vec<String> = fields
        .comments
        .into_iter()
        .filter(|comment| !is_only_doi(comment, &reference.doi))
        .collect();
    if reference.title.is_empty() {
        let structured = !reference.creators().is_empty()
            || reference.issued.is_some()
            || !reference.container_title.is_empty();
        let whole = if citation.is("element-citation") {
            spaced_text(citation)
        } else {
            plain_text(citation)
        };
        if !comments.is_empty() {
            // The work is named only in a comment (`The R Project [http://…]`).
            let named = comments.remove(0);
            reference.title = without_link(&named, &reference.url);
        } else if !structured && let Some(parsed) = untagged_entry(&whole) {
            take_untagged_fields(&mut reference, parsed);
        } else if !reference.printed_without_title() {
            reference.title.clone_from(&whole);
        }
        if !structured {
            comments = vec![whole];
        }
    }
    if reference.container_title.is_empty() {
        book_in_comments(&mut reference, &mut comments);
    }
    reference.note = comments.join(" ");
    // The whole text kept as the note says no more than the printed entry.
    if reference.printed() == Some(reference.note.as_str()) {
        reference.note.clear();
    }
    reference
}

/// The work's title and its container from the fields read: a chapter's or an article's title
/// and the source it is in, or the source alone as the title (a book's).
fn titles(reference: &mut Reference, fields: &mut Fields) {
    if !fields.chapter_title.is_empty() && fields.source.is_empty() {
        reference.title = std::mem::take(&mut fields.chapter_title);
    } else if !fields.chapter_title.is_empty() {
        reference.title = std::mem::take(&mut fields.chapter_title);
        reference.container_title = std::mem::take(&mut fields.source);
    } else if !fields.article_title.is_empty() {
        reference.title = std::mem::take(&mut fields.article_title);
        reference.container_title = std::mem::take(&mut fields.source);
    } else if reference.item_type == "paper-conference"
        && !fields.source.is_empty()
        && fields
            .comments
            .first()
            .is_some_and(|comment| !is_only_doi(comment, &reference.doi))
    {
        // SciELO names a conference paper in a comment, its proceedings as the source
        // (`<comment>Análise de citação …</comment>` … `<source>Anais</source>`).
        reference.title = title_text(&fields.comments.remove(0));
        reference.container_title = std::mem::take(&mut fields.source);
    } else if reference.item_type == "article-journal"
        && (!reference.volume.is_empty()
            || !fields.first_page.is_empty()
            || !reference.doi.is_empty()
            || reference
                .printed()
                .is_some_and(|printed| printed.to_lowercase().contains("in press")))
        && reference.printed().is_some()
        && is_abbreviated_journal(&fields.source)
    {
        // Physics's lists print an article without its title (`H.-T. Ding, …, <source>Nucl.
        // Phys. A</source>. <volume>982</volume>, <fpage>715</fpage> (2019).`), and so do
        // others an article in press (`<source>Annu. Rev. Immunol.</source>, in press, doi:…`):
        // the source is the journal, and the entry is kept as printed.
        reference.container_title = std::mem::take(&mut fields.source);
    } else {
        reference.title = std::mem::take(&mut fields.source);
    }
}

/// Whether `source` is a journal's name abbreviated as physics's lists print it (`Nucl. Phys.
/// A`, `Phys. Rev. D`, `J. Math. Phys.`): a few words, one of them shortened with a full stop.
fn is_abbreviated_journal(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words.iter().any(|word| {
            word.strip_suffix('.')
                .is_some_and(|stem| stem.chars().all(char::is_alphabetic) && !stem.is_empty())
        })
}

/// The citation of a `ref` that holds its entry as the list prints it: a `mixed-citation` (also
/// beside an `element-citation` in `citation-alternatives`) or NLM 2's `citation`, both mixed
/// content with the punctuation between their fields.
fn printed_citation(reference: Element<'_>) -> Option<Element<'_>> {
    citation_candidates(reference)
        .into_iter()
        .find(|child| child.is("mixed-citation") || child.is("citation"))
}

/// A mixed citation's text as printed: its punctuation as written, a space between the surname
/// and the given names JATS writes together (`<surname>Barnett</surname><given-names>JA
/// </given-names>` is `Barnett JA`), italics marked `*…*` next to their words.
fn printed_text(citation: Element<'_>) -> String {
    enum Step<'d> {
        Node(Node<'d>),
        EndItalic,
    }
    let mut out = String::new();
    // Where the outermost italics being read started in `out`, and how deep they nest.
    let mut italic_from = 0;
    let mut italic_depth = 0_usize;
    let mut stack: Vec<Step<'_>> = citation.nodes().map(Step::Node).collect();
    stack.reverse();
    while let Some(step) = stack.pop() {
        match step {
            Step::Node(Node::Text(text)) => out.push_str(text),
            Step::EndItalic => {
                italic_depth = italic_depth.saturating_sub(1);
                if italic_depth == 0 {
                    let inner = out.split_off(italic_from.min(out.len()));
                    let words = inner.trim();
                    if inner.starts_with(char::is_whitespace) {
                        out.push(' ');
                    }
                    if !words.is_empty() {
                        out.push('*');
                        out.push_str(words);
                        out.push('*');
                    }
                    if inner.ends_with(char::is_whitespace) && !words.is_empty() {
                        out.push(' ');
                    }
                }
            }
            // A PubMed id run on to the entry's last full stop (`1419.<pub-id>18804375`) is
            // the link a list gives, not printed words; one after `PMID: ` is printed.
            Step::Node(Node::Element(child))
                if child.is("pub-id")
                    && matches!(child.attr("pub-id-type"), Some("pmid" | "pmcid"))
                    && out
                        .chars()
                        .next_back()
                        .is_some_and(|c| !c.is_whitespace() && c != ':') => {}
            Step::Node(Node::Element(child)) => {
                // `(2019).<pub-id pub-id-type="doi">10.1016/…`: the DOI printed after the
                // entry's last full stop, a space between them.
                if child.is("pub-id")
                    && child.attr("pub-id-type") == Some("doi")
                    && out.ends_with(['.', ',', ';', ')'])
                {
                    out.push(' ');
                }
                let name_part =
                    child.is("surname") || child.is("given-names") || child.is("suffix");
                if name_part && out.chars().next_back().is_some_and(char::is_alphanumeric) {
                    out.push(' ');
                }
                if child.is("italic") {
                    if italic_depth == 0 {
                        italic_from = out.len();
                    }
                    italic_depth += 1;
                    stack.push(Step::EndItalic);
                }
                let before = stack.len();
                stack.extend(child.nodes().map(Step::Node));
                if let Some(added) = stack.get_mut(before..) {
                    added.reverse();
                }
            }
        }
    }
    collapse_whitespace(&out)
}

/// Reads the fields of `element`'s children into `reference` and `fields`; `depth` counts the
/// wrappers looked into (a `comment` holding a link), which are few.
fn read_fields(element: Element<'_>, reference: &mut Reference, fields: &mut Fields, depth: usize) {
    for child in element.elements() {
        let text = || plain_text(child);
        match child.name() {
            "person-group" => {
                let editors = matches!(
                    child.attr("person-group-type"),
                    Some("editor" | "editors" | "guest-editor")
                );
                let names = names_in(child);
                if editors {
                    fields.editors.extend(names);
                } else if matches!(
                    child.attr("person-group-type"),
                    None | Some("author" | "authors")
                ) {
                    fields.authors.extend(names);
                }
            }
            "name" | "string-name" | "collab" | "name-alternatives" => {
                fields.authors.extend(written_name(child));
            }
            // An older citation's names outside a `person-group`, shortened.
            "etal" => fields.authors.push(CslName::et_al()),
            "article-title" => fields.article_title = title_text(&text()),
            "chapter-title" => fields.chapter_title = title_text(&text()),
            "source" => fields.source = text(),
            "year" => fields.year = text(),
            "month" => fields.month = text(),
            "day" => fields.day = text(),
            "date" if depth == 0 => read_fields(child, reference, fields, depth + 1),
            "volume" => reference.volume = text(),
            "issue" => reference.issue = text(),
            "fpage" => fields.first_page = text(),
            "lpage" => fields.last_page = text(),
            "page-range" | "elocation-id" if reference.page.is_empty() => {
                reference.page = text();
            }
            "publisher-name" | "institution" if reference.publisher.is_empty() => {
                reference.publisher = text();
            }
            "publisher-loc" => reference.publisher_place = text(),
            "conf-name" | "conf-loc" => {
                let key = if child.is("conf-name") {
                    "event-title"
                } else {
                    "event-place"
                };
                reference
                    .extra
                    .insert(key.to_owned(), Value::String(text()));
            }
            "pub-id" | "object-id" => identifier(child, reference),
            "ext-link" | "uri" => link(child, reference),
            "edition" => {
                reference
                    .extra
                    .insert("edition".to_owned(), Value::String(text()));
            }
            "comment" => {
                if depth < 2 {
                    read_fields(child, reference, fields, depth + 1);
                }
                let comment = text();
                if !comment.is_empty() {
                    fields.comments.push(comment);
                }
            }
            _ => {}
        }
    }
}

/// A chapter whose book NLM 2's markup names only in comments (`<comment>In:</comment>`, the
/// editors, `<comment>editor</comment>`, `<comment>Rudolf Virchow: Collected essays</comment>`):
/// the book is its container, and the comments that said so are taken out.
fn book_in_comments(reference: &mut Reference, comments: &mut Vec<String>) {
    let Some(at) = comments
        .iter()
        .position(|comment| comment.trim().eq_ignore_ascii_case("in:"))
    else {
        return;
    };
    let is_editors = |comment: &str| {
        matches!(
            comment
                .trim()
                .trim_matches(['(', ')', '.', ','])
                .to_lowercase()
                .as_str(),
            "editor" | "editors" | "ed" | "eds"
        )
    };
    let Some(book) = comments
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, comment)| !is_editors(comment))
        .map(|(position, _)| position)
    else {
        return;
    };
    if let Some(title) = comments.get(book) {
        reference.container_title = title_text(title);
        comments.drain(at..=book);
        if matches!(reference.item_type.as_str(), "document" | "book") {
            "chapter".clone_into(&mut reference.item_type);
        }
    }
}

/// A title without the full stop the list ends it with (`Development of a fatigue scale.`),
/// which a style adds itself; a stop closing an abbreviation (`… in the U.S.`) stays.
fn title_text(title: &str) -> String {
    let last_word = title.rsplit(' ').next().unwrap_or_default();
    match title.strip_suffix('.') {
        Some(without)
            if !without.ends_with('.') && !last_word.trim_end_matches('.').contains('.') =>
        {
            without.to_owned()
        }
        _ => title.to_owned(),
    }
}

/// A `pub-id` or `object-id`: a DOI, a PMID or a PMCID.
fn identifier(element: Element<'_>, reference: &mut Reference) {
    let value = plain_text(element);
    match element
        .attr("pub-id-type")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("doi") => reference.doi = bare_doi(&value),
        Some("pmid") => {
            reference
                .extra
                .insert("PMID".to_owned(), Value::String(value));
        }
        Some("pmcid" | "pmc") => {
            reference
                .extra
                .insert("PMCID".to_owned(), Value::String(value));
        }
        _ => {}
    }
}

/// An `ext-link` or `uri`: a DOI when it is one, else the URL.
fn link(element: Element<'_>, reference: &mut Reference) {
    let text = plain_text(element);
    let href = element.attr("xlink:href").map_or(text.as_str(), str::trim);
    let is_doi = element.attr("ext-link-type") == Some("doi") || href.contains("doi.org/10.");
    if is_doi {
        if reference.doi.is_empty() {
            let doi = bare_doi(href);
            reference.doi = if doi.starts_with("10.") {
                doi
            } else {
                bare_doi(&text)
            };
        }
    } else if reference.url.is_empty() && !href.is_empty() {
        href.clone_into(&mut reference.url);
    }
}

/// A DOI without its resolver or `doi:` prefix.
fn bare_doi(doi: &str) -> String {
    let doi = doi.trim();
    let doi = doi
        .find("doi.org/")
        .map_or(doi, |at| doi.get(at + 8..).unwrap_or(doi));
    let doi = doi
        .strip_prefix("doi:")
        .or_else(|| doi.strip_prefix("DOI:"))
        .unwrap_or(doi);
    doi.trim().to_owned()
}

/// Whether a comment says nothing but the DOI (`doi: 10.1371/…`).
fn is_only_doi(comment: &str, doi: &str) -> bool {
    let rest = comment.replace(doi, "");
    let rest = rest.trim().trim_end_matches('.').trim();
    rest.is_empty() || rest.eq_ignore_ascii_case("doi:") || rest.eq_ignore_ascii_case("doi")
}

/// The names in a `person-group`, an `etal` among them as "et al." (see [`et_al_last`]).
fn names_in(group: Element<'_>) -> Vec<CslName> {
    group
        .elements()
        .filter_map(|child| {
            if child.is("etal") {
                Some(CslName::et_al())
            } else {
                written_name(child)
            }
        })
        .collect()
}

/// A `name`, `string-name` or `collab` as written (a group as a literal name); "et al." written
/// as a name (eLife's `<name><surname>et al</surname></name>`) is kept, as `etal` is.
fn written_name(element: Element<'_>) -> Option<CslName> {
    match element.name() {
        "name-alternatives" => element.elements().find_map(written_name),
        "collab" => {
            let literal = plain_text(element);
            (!literal.is_empty()).then(|| CslName {
                literal,
                ..CslName::default()
            })
        }
        "name" | "string-name" => {
            let family = super::child_text(element, "surname");
            let given = super::child_text(element, "given-names");
            // A group a bibliography gave as a person's name (Pandoc's `R Core Team` as
            // `<surname>Team</surname><given-names>R Core</given-names>`) is the group.
            if !given.is_empty() && is_group_word(&family) {
                return Some(CslName {
                    literal: format!("{given} {family}"),
                    ..CslName::default()
                });
            }
            // PubMed writes initials run together (`AB`, `K-P`): they are two initials, and
            // are written so (`A. B.`, `K.-P.`) for a CSL processor, which reads `AB` as a name.
            let given = initials(&given).unwrap_or(given);
            let suffix = super::child_text(element, "suffix");
            if family.is_empty() && given.is_empty() {
                let literal = plain_text(element);
                return (!literal.is_empty()).then(|| CslName {
                    literal,
                    ..CslName::default()
                });
            }
            if family.is_empty() {
                return Some(CslName {
                    literal: given,
                    ..CslName::default()
                });
            }
            Some(CslName {
                family,
                given,
                suffix,
                ..CslName::default()
            })
        }
        _ => None,
    }
}

/// A last page as the page number it means: MEDLINE shortens a range's last page to the
/// digits that change (`<fpage>17082</fpage><lpage>6</lpage>` for 17082–17086), which a CSL
/// processor would print as written; the missing leading digits come from the first page.
/// A last page that is not shorter, not digits, or would come before the first page is kept
/// as written.
fn full_last_page(first: &str, last: &str) -> String {
    let digits = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    if !digits(first) || !digits(last) || last.len() >= first.len() {
        return last.to_owned();
    }
    let Some(leading) = first.get(..first.len() - last.len()) else {
        return last.to_owned();
    };
    let full = format!("{leading}{last}");
    match (first.parse::<u64>(), full.parse::<u64>()) {
        (Ok(start), Ok(end)) if end > start => full,
        _ => last.to_owned(),
    }
}

/// The CSL item type for a JATS `publication-type`.
fn csl_type(publication_type: &str, fields: &Fields, has_publisher: bool) -> &'static str {
    match publication_type.to_ascii_lowercase().as_str() {
        "journal" | "journal-article" | "article" => "article-journal",
        "book" | "book-chapter" | "chapter"
            if !fields.chapter_title.is_empty() && !fields.source.is_empty() =>
        {
            "chapter"
        }
        "book" => "book",
        "chapter" | "book-chapter" => "chapter",
        "confproc" | "conference" | "proceedings" | "conf-proc" | "conference-paper" => {
            "paper-conference"
        }
        "thesis" | "dissertation" => "thesis",
        "report" | "gov" | "government" | "working-paper" => "report",
        "web" | "webpage" | "website" | "web-page" => "webpage",
        "patent" => "patent",
        "data" | "dataset" | "database" => "dataset",
        "software" | "computer-program" => "software",
        "preprint" => "article",
        "newspaper" => "article-newspaper",
        "magazine" => "article-magazine",
        "standard" => "standard",
        // Pandoc writes CSL's own type (`article-journal`, `paper-conference`).
        named if let Some(csl) = CSL_ITEM_TYPES.iter().find(|csl| **csl == named) => csl,
        "" if !fields.article_title.is_empty() && !fields.source.is_empty() => "article-journal",
        // An untyped work: a part of an edited book, or a book with its publisher.
        _ if !fields.source.is_empty()
            && (!fields.chapter_title.is_empty()
                || (!fields.article_title.is_empty() && !fields.editors.is_empty())) =>
        {
            "chapter"
        }
        _ if !fields.source.is_empty() && fields.article_title.is_empty() && has_publisher => {
            "book"
        }
        // A title with its publisher and no container (`Patients and healers in the context of
        // culture. Berkeley: University of California Press`).
        _ if fields.source.is_empty() && !fields.article_title.is_empty() && has_publisher => {
            "book"
        }
        _ => "document",
    }
}

/// The date a citation's year, month and day give: date parts when the year is a number
/// (`2004a` is 2004), the year as written otherwise.
fn date(year: &str, month: &str, day: &str) -> Option<CslDate> {
    if year.is_empty() {
        return None;
    }
    let digits: String = year.chars().take_while(char::is_ascii_digit).collect();
    let Ok(year_number) = digits.parse::<i32>() else {
        return Some(CslDate {
            literal: year.to_owned(),
            ..CslDate::default()
        });
    };
    let mut parts = vec![year_number];
    if let Some(month) = month_number(month) {
        parts.push(month);
        if let Ok(day) = day.trim().parse::<i32>()
            && (1..=31).contains(&day)
        {
            parts.push(day);
        }
    }
    Some(CslDate {
        date_parts: vec![parts],
        ..CslDate::default()
    })
}

/// A month as a number: `3`, `03`, `Mar`, `March`.
pub(super) fn month_number(month: &str) -> Option<i32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = month.trim();
    if let Ok(number) = month.parse::<i32>() {
        return (1..=12).contains(&number).then_some(number);
    }
    let lower = month.to_ascii_lowercase();
    let start = lower.get(..3)?;
    NAMES
        .iter()
        .position(|name| *name == start)
        .and_then(|i| i32::try_from(i + 1).ok())
}

/// An element's text with a space between neighbouring elements (`<surname>` and
/// `<given-names>`, the fields of an `element-citation`) where a word or a sentence ends.
fn spaced_text(element: Element<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<Node<'_>> = element.nodes().collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(child) => {
                if out.chars().next_back().is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, '.' | ',' | ';' | ':' | ')')
                }) {
                    out.push(' ');
                }
                let before = stack.len();
                stack.extend(child.nodes());
                if let Some(added) = stack.get_mut(before..) {
                    added.reverse();
                }
            }
        }
    }
    collapse_whitespace(&out)
}

/// A comment naming a work without the link printed after it in brackets.
fn without_link(text: &str, url: &str) -> String {
    let mut text = text.to_owned();
    if !url.is_empty() {
        text = text.replace(&format!("[{url}]"), "");
    }
    collapse_whitespace(&text)
}

/// A `ref`'s text without its label.
fn text_without_label(reference: Element<'_>) -> String {
    let mut text = String::new();
    for child in reference.elements().filter(|c| !c.is("label")) {
        text.push_str(&child.text());
        text.push(' ');
    }
    collapse_whitespace(&text)
}
