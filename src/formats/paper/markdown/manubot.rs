//! Citation keys that name a work by its identifier, as Manubot manuscripts write them:
//! `@doi:10.1038/nature14539`, `@pmid:26017442`, `@pmcid:PMC4747090`, `@arxiv:1106.5730`,
//! `@url:https://…`, and keys defined for one (`[@tag:lecun2015]: doi:10.1038/nature14539`,
//! a line of the Markdown). Manubot writes the bibliography it makes (`references.json`) with
//! its own short ids and each work's identifier in its note (`standard_id: doi:…`); a key is
//! the work whose identifier it names, by that note or by the work's DOI, `PMID`, `PMCID`,
//! arXiv number or URL.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::corpus::cite::field_text;
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::Reference;
use crate::formats::paper::ImportOptions;

/// The bibliography Manubot writes beside the manuscript it builds (`output/manuscript.md`).
pub(super) const BUILT_BIBLIOGRAPHY: &str = "references.json";

/// The kinds of identifier a key may name a work by, each with the name Manubot's standard
/// identifiers give it (`pmid:` is `pubmed:`; a bare link, `@https://…`, is a `url:`).
const PREFIXES: [(&str, &str); 11] = [
    ("doi", "doi"),
    ("pmid", "pubmed"),
    ("pubmed", "pubmed"),
    ("pmcid", "pmc"),
    ("pmc", "pmc"),
    ("arxiv", "arxiv"),
    ("url", "url"),
    ("http", "url"),
    ("https", "url"),
    ("isbn", "isbn"),
    ("wikidata", "wikidata"),
];

/// A key definition line (`[@tag:lecun2015]: doi:10.1038/nature14539`): the key defined and
/// the key it stands for.
pub(super) fn key_definition(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix("[@")?;
    let (key, target) = rest.split_once("]:")?;
    let target = target.trim();
    let plain = |text: &str| !text.is_empty() && !text.contains(char::is_whitespace);
    (plain(key) && plain(target) && !key.contains(['[', ']']))
        .then(|| (key.to_owned(), target.to_owned()))
}

/// `key` written as Manubot's standard identifiers are: the kind by its standard name, a DOI
/// and a `PMCID` in lower case (they ignore case); `None` for a key that is no
/// identifier.
fn standard(key: &str) -> Option<String> {
    let (prefix, value) = key.split_once(':')?;
    let prefix = prefix.to_ascii_lowercase();
    let (_, kind) = PREFIXES.iter().find(|(name, _)| *name == prefix)?;
    if value.is_empty() {
        return None;
    }
    let value = match (prefix.as_str(), *kind) {
        ("http" | "https", _) => format!("{prefix}:{value}"),
        (_, "doi" | "pmc") => value.to_lowercase(),
        _ => value.to_owned(),
    };
    Some(format!("{kind}:{value}"))
}

/// Each work's identifiers, standard, and the work's id: the `standard_id` of its note, its
/// DOI, `PMID`, `PMCID`, arXiv number and URL.
fn identifiers(references: &[Reference]) -> HashMap<String, String> {
    let mut index = HashMap::new();
    for reference in references {
        let field = |name: &str| {
            reference
                .extra
                .get(name)
                .map(field_text)
                .unwrap_or_default()
        };
        let noted = reference
            .note
            .lines()
            .filter_map(|line| line.trim().strip_prefix("standard_id:"))
            .map(|id| id.trim().to_owned());
        let arxiv = reference
            .url
            .split_once("arxiv.org/abs/")
            .map(|(_, number)| format!("arxiv:{number}"));
        let fielded = [
            ("doi", reference.doi.clone()),
            ("pubmed", field("PMID")),
            ("pmc", field("PMCID")),
            ("url", reference.url.clone()),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(kind, value)| format!("{kind}:{value}"));
        for key in noted.chain(arxiv).chain(fielded) {
            if let Some(standard) = standard(&key) {
                index
                    .entry(standard)
                    .or_insert_with(|| reference.id.clone());
            }
        }
    }
    index
}

/// The work each cited key names that is no work's id: through its definition, if the text
/// defines it, then by identifier. (key, the work's id) pairs, in the order cited.
pub(super) fn resolve(
    cited: &[String],
    definitions: &HashMap<String, String>,
    references: &[Reference],
) -> Vec<(String, String)> {
    let own: HashSet<&str> = references.iter().map(|r| r.id.as_str()).collect();
    let unknown: Vec<&String> = cited
        .iter()
        .filter(|key| !own.contains(key.as_str()))
        .collect();
    if unknown.is_empty() {
        return Vec::new();
    }
    let index = identifiers(references);
    unknown
        .into_iter()
        .filter_map(|key| {
            let target = definitions.get(key).unwrap_or(key);
            let id = own
                .get(target.as_str())
                .map(|id| (*id).to_owned())
                .or_else(|| standard(target).and_then(|s| index.get(&s).cloned()))?;
            Some((key.clone(), id))
        })
        .collect()
}

/// The bibliography to read for a manuscript Manubot built, opened without `--bib`: the text
/// of its `references.json` beside it, when the text cites works by identifier or by keys it
/// defines, to be read as `--bib` would be, instead of the files its metadata names
/// (Manubot's sources, named from the repository's root and merged into that file); `None`
/// otherwise. With it, an info naming the files it stands for.
pub(super) fn built_bibliography(
    options: &ImportOptions<'_>,
    cited: &[String],
    definitions: &HashMap<String, String>,
    named: &[String],
) -> Option<(String, Diagnostic)> {
    let manubot_keys = cited
        .iter()
        .any(|key| definitions.contains_key(key) || standard(key).is_some());
    let named_already = named
        .iter()
        .any(|name| name.rsplit('/').next() == Some(BUILT_BIBLIOGRAPHY));
    if options.bibliography.is_some() || !manubot_keys || named_already {
        return None;
    }
    let text = (options.read_beside)(BUILT_BIBLIOGRAPHY).ok()?;
    let instead = if named.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = named.iter().map(|name| format!("`{name}`")).collect();
        format!(
            " instead of {}, which Manubot merged into it",
            quoted.join(" and ")
        )
    };
    let info = Diagnostic::info(
        Code::ImportIncomplete,
        format!(
            "read the bibliography Manubot built, `{BUILT_BIBLIOGRAPHY}` beside the manuscript{instead}"
        ),
        "to read another, give it with `--bib FILE`",
    );
    Some((text, info))
}

/// A paragraph of a Manubot manuscript's source without its Jinja2 comments (`{## … ##}`);
/// `None` when what is left is nothing or a template Manubot fills in when it builds the
/// manuscript (a `{% … %}` statement, a `{{author.name}}` expression), not text to read.
pub(super) fn without_templates(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains('{') {
        return Some(Cow::Borrowed(text));
    }
    let kept = without_comments(text);
    let statement = kept
        .find("{%")
        .is_some_and(|open| kept.get(open..).is_some_and(|rest| rest.contains("%}")));
    let expression = kept.match_indices("{{").any(|(open, _)| {
        let inside = kept.get(open + 2..).unwrap_or_default().trim_start();
        let name_len = inside
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(inside.len());
        let name = inside.get(..name_len).unwrap_or_default();
        let rest = inside.get(name_len..).unwrap_or_default().trim_start();
        // `{{author.name}}`, `{{ manubot.date | upper }}`; not Quarto's `{{< kbd >}}`, nor
        // TeX's `\mathbf{{x}}`.
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && ((name.contains('.') && rest.starts_with("}}")) || rest.starts_with('|'))
    });
    (!statement && !expression && !kept.trim().is_empty()).then_some(kept)
}

/// `text` without its Jinja2 comments (`{## … ##}`), in one pass; an unclosed one is text.
fn without_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("{##") {
        return Cow::Borrowed(text);
    }
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{##") {
        let Some(close) = rest.get(open..).and_then(|after| after.find("##}")) else {
            break;
        };
        kept.push_str(rest.get(..open).unwrap_or_default());
        rest = rest.get(open + close + 3..).unwrap_or_default();
    }
    kept.push_str(rest);
    Cow::Owned(kept)
}

/// The warning for keys naming works by identifier that no work of the bibliography has (a
/// manuscript given without the bibliography Manubot made for it): paperlens reads works from
/// files, it does not look them up on the web.
pub(super) fn unfetched(
    cited: &[String],
    references: &[Reference],
    resolved: &[(String, String)],
) -> Option<Diagnostic> {
    let known: HashSet<&str> = references
        .iter()
        .map(|r| r.id.as_str())
        .chain(resolved.iter().map(|(key, _)| key.as_str()))
        .collect();
    let missing: Vec<&String> = cited
        .iter()
        .filter(|key| !known.contains(key.as_str()) && standard(key).is_some())
        .collect();
    let first = missing.first()?;
    Some(Diagnostic::warning(
        Code::MissingBibliographyEntry,
        format!(
            "{} name works by an identifier (`@{first}`) that no work of the bibliography has: \
             paperlens reads the works from the bibliography, it does not look them up on the web",
            crate::corpus::counted(missing.len(), "citation key")
        ),
        "put the bibliography Manubot built for the manuscript (`references.json`, in its \
         `output` branch) beside it, or give it with `--bib FILE`",
    ))
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn work(id: &str, doi: &str, note: &str) -> Reference {
        Reference {
            id: id.to_owned(),
            doi: doi.to_owned(),
            note: note.to_owned(),
            ..Reference::default()
        }
    }

    #[test]
    fn keys_name_works_by_identifier_directly_or_through_a_definition() {
        let mut pmid = work("pm1", "", "");
        pmid.extra
            .insert("PMID".to_owned(), serde_json::json!("26017442"));
        let mut arxiv = work("ax1", "", "");
        "https://arxiv.org/abs/1106.5730".clone_into(&mut arxiv.url);
        let references = [
            work(
                "BeijBSRE",
                "10.1038/NATURE14539",
                "license: x\nstandard_id: doi:10.1038/nature14539\nmore",
            ),
            work("zCt6PUXj", "10.1002/jcc.24764", ""),
            pmid,
            arxiv,
            work("own", "", ""),
        ];
        let definitions: HashMap<String, String> = [
            ("tag:lecun".to_owned(), "doi:10.1038/nature14539".to_owned()),
            ("tag:mine".to_owned(), "own".to_owned()),
            ("tag:gone".to_owned(), "doi:10.9999/none".to_owned()),
        ]
        .into();
        let cited: Vec<String> = [
            "doi:10.1038/Nature14539",
            "DOI:10.1002/JCC.24764",
            "pmid:26017442",
            "pubmed:26017442",
            "https://arxiv.org/abs/1106.5730",
            "arxiv:1106.5730",
            "tag:lecun",
            "tag:mine",
            "tag:gone",
            "own",
            "nobody",
        ]
        .map(str::to_owned)
        .to_vec();
        let resolved = resolve(&cited, &definitions, &references);
        let pairs: Vec<(&str, &str)> = resolved
            .iter()
            .map(|(key, id)| (key.as_str(), id.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("doi:10.1038/Nature14539", "BeijBSRE"),
                ("DOI:10.1002/JCC.24764", "zCt6PUXj"),
                ("pmid:26017442", "pm1"),
                ("pubmed:26017442", "pm1"),
                ("https://arxiv.org/abs/1106.5730", "ax1"),
                ("arxiv:1106.5730", "ax1"),
                ("tag:lecun", "BeijBSRE"),
                ("tag:mine", "own"),
            ]
        );
    }

    #[test]
    fn a_manubot_manuscript_cites_the_works_its_keys_name() {
        use super::super::tests::{messages, paragraphs, read_with, valid};
        let references = r#"[
          {"id": "BeijBSRE", "type": "article-journal", "title": "Deep learning",
           "DOI": "10.1038/nature14539",
           "note": "This CSL JSON Item was automatically generated by Manubot.\nstandard_id: doi:10.1038/nature14539"},
          {"id": "1Hh5DlkU", "type": "article-journal", "title": "Gene prediction",
           "note": "standard_id: doi:10.1101/gr.634603"},
          {"id": "x4Kd", "type": "article-journal", "title": "Indexed", "PMID": "26017442"},
          {"id": "unused", "type": "book", "title": "Never cited"}
        ]"#;
        let text = "---\ntitle: A review\nbibliography: references.json\n\
                    citekey-aliases:\n  tag:review: pubmed:26017442\n---\n\n\
                    # Introduction\n\n\
                    Deep learning [@doi:10.1038/Nature14539; @tag:Abe] grew, as \
                    @pmid:26017442 shows [@tag:Abe, p. 3; @tag:review].\n\n\
                    [@tag:Abe]: doi:10.1101/gr.634603\n";
        let imported = read_with(text, &[("references.json", references)]);
        assert_eq!(
            paragraphs(&imported.file),
            ["Deep learning [@BeijBSRE; @1Hh5DlkU] grew, as @x4Kd shows [@1Hh5DlkU, p. 3; @x4Kd]."]
        );
        assert_eq!(imported.file.references.len(), 3);
        assert!(
            messages(&imported)
                .iter()
                .all(|m| !m.contains("not in the bibliography")),
            "{:?}",
            messages(&imported)
        );
        assert_eq!(valid(&imported).summary().citations, 5);
    }

    #[test]
    fn keys_naming_works_the_bibliography_lacks_say_to_give_manubot_s_bibliography() {
        use super::super::tests::{messages, read};
        let text = "---\ntitle: T\nreferences:\n- id: own\n  type: book\n  title: Mine\n---\n\n\
                    Text [@doi:10.1/a; @pmc:PMC1; @own; @tag:x].\n";
        let imported = read(text);
        let said = messages(&imported);
        let warning = said
            .iter()
            .find(|m| m.contains("by an identifier"))
            .expect("the warning");
        assert!(
            warning.starts_with("2 citation keys name works by an identifier (`@doi:10.1/a`)"),
            "{warning}"
        );
    }

    #[test]
    fn a_built_manuscript_reads_the_bibliography_manubot_wrote_beside_it() {
        use super::super::tests::{messages, read_with, valid};
        let references = r#"[{"id": "BeijBSRE", "type": "article-journal", "title": "Deep learning",
            "note": "standard_id: doi:10.1038/nature14539"}]"#;
        // Named from the repository's root, the manual references are not beside the built
        // manuscript; Manubot merged them into `references.json`.
        let text = "---\ntitle: T\nbibliography:\n- content/manual-references.json\n---\n\n\
                    Text [@doi:10.1038/nature14539].\n";
        let imported = read_with(text, &[("references.json", references)]);
        assert_eq!(valid(&imported).summary().citations, 1);
        let said = messages(&imported);
        assert!(
            said.iter().any(|m| m.contains(
                "`references.json` beside the manuscript instead of \
                 `content/manual-references.json`"
            )),
            "{said:?}"
        );
        assert!(
            said.iter().all(|m| !m.contains("could not be read")),
            "{said:?}"
        );
        // A paper citing by its own keys and naming no bibliography reads the one beside it
        // under a usual name, and says so.
        let text = "---\ntitle: T\n---\n\nText [@BeijBSRE].\n";
        let imported = read_with(text, &[("references.json", references)]);
        assert_eq!(imported.file.references.len(), 1);
        assert!(
            messages(&imported).iter().any(|m| m
                == &"the paper names no bibliography: read `references.json`, found beside it"),
            "{:?}",
            messages(&imported)
        );
    }

    #[test]
    fn icons_beside_the_authors_print_nothing() {
        use super::super::tests::{paragraphs, read};
        let text = "---\ntitle: T\n---\n\n\
                    [![ORCID icon](images/orcid.svg){height=\"11px\" width=\"11px\"}](https://orcid.org/0) \
                    Jane Doe, ![GitHub icon — é](images/github.svg){.inline_icon width=16px} jdoe\n\n\
                    A chart ![the rates](rates.png){width=50%} inline.\n";
        let imported = read(text);
        assert_eq!(
            paragraphs(&imported.file),
            ["Jane Doe, jdoe", "A chart the rates inline."]
        );
    }

    #[test]
    fn manubot_s_templates_are_left_out_of_the_text() {
        assert_eq!(
            without_templates("Plain {text}."),
            Some(Cow::Borrowed("Plain {text}."))
        );
        assert_eq!(
            without_templates("{## a comment\nover lines ##}Text {## and ##} more."),
            Some(Cow::Owned("Text  more.".to_owned()))
        );
        assert_eq!(without_templates("{## only a comment ##}"), None);
        assert_eq!(
            without_templates("{% if manubot.date_long %} Published: {{manubot.date_long}}"),
            None
        );
        assert_eq!(without_templates("By {{ author.name | upper }}."), None);
        // Quarto's shortcodes and TeX's braces are text.
        assert!(without_templates("Press {{< kbd Ctrl-C >}}.").is_some());
        assert!(without_templates("$\\mathbf{{x}}$ and {{ 1 }}").is_some());
        // An unclosed comment is text.
        assert!(without_templates("{## never closed").is_some());
    }

    #[test]
    fn many_comments_and_keys_are_read_in_one_pass() {
        use super::super::tests::{paragraphs, read_with};
        // A paragraph of 100,000 comments, read once (not copied per comment).
        let comments = format!("Kept {}text.", "{## c ##}".repeat(100_000));
        assert_eq!(without_templates(&comments).as_deref(), Some("Kept text."));
        // 2,000 keys naming 2,000 works by DOI, and as many the bibliography lacks.
        let works: Vec<String> = (0..2_000)
            .map(|n| {
                format!(r#"{{"id": "w{n}", "type": "book", "title": "W", "DOI": "10.1/{n}"}}"#)
            })
            .collect();
        let keys: Vec<String> = (0..2_000)
            .map(|n| format!("@doi:10.1/{n}; @doi:10.2/{n}"))
            .collect();
        let text = format!(
            "---\ntitle: T\nbibliography: refs.json\n---\n\nText [{}].\n",
            keys.join("; ")
        );
        let imported = read_with(&text, &[("refs.json", &format!("[{}]", works.join(",")))]);
        assert_eq!(imported.file.references.len(), 2_000);
        let text = paragraphs(&imported.file)[0];
        assert!(
            text.starts_with("Text [@w0, doi:10.2/0?; @w1,"),
            "{}",
            text.get(..200).unwrap_or(text)
        );
    }

    #[test]
    fn a_definition_line_defines_one_key() {
        assert_eq!(
            key_definition("[@tag:Abe]: doi:10.1101/gr.634603"),
            Some(("tag:Abe".to_owned(), "doi:10.1101/gr.634603".to_owned()))
        );
        assert_eq!(key_definition("[link]: https://example.org"), None);
        assert_eq!(key_definition("[@tag:x]: two words"), None);
        assert_eq!(key_definition("[@]: doi:1"), None);
    }
}
