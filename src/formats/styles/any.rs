//! Any CSL style: one of hayagriva's bundled styles by name, or an independent style read from
//! a `.csl` file, with a locale; the bibliography and each reference's in-text citation in it,
//! formatted together so the style can tell works apart as its list does.

use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::{IndependentStyle, LocaleCode, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, CitePurpose,
};

use super::{
    BibliographyEntry, CitationStyle, FORMATTING, LOCALES, bibliography_entries, collect_children,
    to_csl_item_quoted, trim_spans,
};
use crate::corpus::cite::{Formatted, Span};
use crate::corpus::model::Reference;
use crate::corpus::text::nearest_word;
use crate::crash::recover;

/// A CSL style ready to format with.
#[derive(Clone, Debug)]
pub struct AnyStyle {
    /// Its bundled name (`apa`), or the file it was read from.
    pub name: String,
    /// The style itself.
    pub csl: IndependentStyle,
    /// The paperlens style it is, when it is one of the five (for its locale and quotation
    /// marks).
    pub known: Option<CitationStyle>,
}

impl AnyStyle {
    /// The locale the style asks for: its `default-locale`, else the one paperlens gives the
    /// style it is (`en-GB` for Cite Them Right), else `en-US`.
    #[must_use]
    pub fn default_locale(&self) -> String {
        self.csl
            .default_locale
            .as_ref()
            .map(|code| code.0.clone())
            .or_else(|| self.known.map(|style| style.locale().to_owned()))
            .unwrap_or_else(|| "en-US".to_owned())
    }

    /// The quotation marks for a quotation inside a title: the five's own, else the opposite
    /// of the outer marks `locale` uses (British single, American double).
    #[must_use]
    pub fn inner_quotes(&self, locale: &str) -> (char, char) {
        match self.known {
            Some(known) => known.inner_quotes(),
            None if locale.starts_with("en-GB") => ('“', '”'),
            None => ('‘', '’'),
        }
    }
}

/// The short name of a style's CSL id: `http://www.zotero.org/styles/apa` is `apa`.
fn id_tail(id: &str) -> &str {
    id.trim_end_matches('/').rsplit('/').next().unwrap_or(id)
}

/// The paperlens style a CSL style is, by its id or bundled name.
fn known_style(csl: &IndependentStyle, name: &str) -> Option<CitationStyle> {
    let tail = id_tail(&csl.info.id);
    CitationStyle::ALL.into_iter().find(|style| {
        let short = match style {
            CitationStyle::Apa => "apa",
            CitationStyle::Ieee => "ieee",
            CitationStyle::ChicagoAuthorDate => "chicago-author-date",
            CitationStyle::Harvard => "harvard-cite-them-right",
            CitationStyle::Mla => "modern-language-association",
        };
        [tail, name].contains(&short) || [tail, name].contains(&style.csl_name())
    })
}

/// Every bundled style's names, sorted (several styles answer to more than one).
#[must_use]
pub fn bundled_style_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = hayagriva::archive::ArchivedStyle::all()
        .iter()
        .flat_map(|style| style.names().iter().copied())
        .collect();
    names.sort_unstable();
    names
}

/// The bundled style called `name`. An unknown name, or a style that only points to
/// another, gets a sentence saying so, with the nearest name.
///
/// # Errors
/// The message for the user.
pub fn bundled_style(name: &str) -> Result<AnyStyle, String> {
    let Some(archived) = hayagriva::archive::ArchivedStyle::by_name(name) else {
        let names = bundled_style_names();
        let nearest = nearest_word(name, &names, 0.7)
            .map(|nearest| format!(" Did you mean \"{nearest}\"?"))
            .unwrap_or_default();
        return Err(format!(
            "there is no bundled citation style \"{name}\".{nearest} The bundled styles are: {}. \
             A style of your own can be given as a .csl file.",
            names.join(", ")
        ));
    };
    match archived.get() {
        Style::Independent(csl) => Ok(AnyStyle {
            known: known_style(&csl, name),
            name: name.to_owned(),
            csl,
        }),
        Style::Dependent(dependent) => Err(format!(
            "the bundled style \"{name}\" only points to another style ({}); name that one \
             instead",
            dependent.parent_link.href
        )),
    }
}

/// The independent style written in `xml`, read from the file `source`. A file that is not
/// CSL, or a dependent style, gets a sentence naming the file and what is wrong.
///
/// # Errors
/// The message for the user.
pub fn style_from_csl(xml: &str, source: &str) -> Result<AnyStyle, String> {
    match Style::from_xml(xml) {
        Ok(Style::Independent(csl)) => Ok(AnyStyle {
            known: known_style(&csl, ""),
            name: source.to_owned(),
            csl,
        }),
        Ok(Style::Dependent(dependent)) => Err(format!(
            "{source} is a dependent CSL style: it only points to its parent ({}); give the \
             parent style's file instead",
            dependent.parent_link.href
        )),
        Err(error) => {
            let place = error
                .path
                .as_ref()
                .map(ToString::to_string)
                .filter(|path| path != ".")
                .map(|path| format!(" (at {path})"))
                .unwrap_or_default();
            Err(format!(
                "{source} is not a CSL style paperlens can read: {}{place}. A CSL style is an XML \
                 file whose root is <style xmlns=\"http://purl.org/net/xbiblio/csl\"> with \
                 <info>, <citation> and usually <bibliography>",
                error.source
            ))
        }
    }
}

/// The locales bundled with the renderer (`en-US`, `en-GB`, `de-DE` …), sorted.
#[must_use]
pub fn bundled_locale_codes() -> Vec<String> {
    let mut codes: Vec<String> = LOCALES
        .iter()
        .filter_map(|locale| locale.lang.as_ref().map(|code| code.0.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// The bundled locale `code` (compared without regard to case), or a sentence with the
/// nearest code.
///
/// # Errors
/// The message for the user.
pub fn bundled_locale(code: &str) -> Result<String, String> {
    let codes = bundled_locale_codes();
    if let Some(found) = codes.iter().find(|known| known.eq_ignore_ascii_case(code)) {
        return Ok(found.clone());
    }
    let names: Vec<&str> = codes.iter().map(String::as_str).collect();
    let nearest = nearest_word(code, &names, 0.7)
        .map(|nearest| format!(" Did you mean \"{nearest}\"?"))
        .unwrap_or_default();
    Err(format!(
        "there is no bundled locale \"{code}\".{nearest} The locales are: {}.",
        names.join(", ")
    ))
}

/// What a style makes of a list of references.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CitedList {
    /// The bibliography, in the style's order.
    pub bibliography: Vec<BibliographyEntry>,
    /// Each reference's in-text citation, in the order given (cited once each, in that
    /// order, so a numeric style numbers them so).
    pub citations: Vec<(String, Formatted)>,
}

/// Every reference of `references` in `style` and `locale`: the bibliography in the style's
/// order and each reference's in-text citation, worked out in one document so works of one
/// author are told apart as the list tells them apart. Empty should the renderer fail.
#[must_use]
pub fn cite_all(references: &[&Reference], style: &AnyStyle, locale: &str) -> CitedList {
    recover(FORMATTING, || render(references, style, locale)).unwrap_or_default()
}

fn render(references: &[&Reference], style: &AnyStyle, locale: &str) -> CitedList {
    let each_alone: Vec<Vec<usize>> = (0..references.len()).map(|index| vec![index]).collect();
    let document = render_document(references, &each_alone, None, style, locale);
    let citations = references
        .iter()
        .zip(document.citations)
        .map(|(reference, spans)| (reference.id.clone(), Formatted(trim_spans(spans))))
        .collect();
    CitedList {
        bibliography: document.bibliography,
        citations,
    }
}

/// One document rendered in a style: its citations' spans, in order, and its bibliography.
pub(super) struct RenderedDocument {
    /// Each citation's spans, untrimmed, in the order cited.
    pub citations: Vec<Vec<Span>>,
    /// The bibliography, in the style's order.
    pub bibliography: Vec<BibliographyEntry>,
}

/// `references` cited in one document in `style` and `locale`: one citation per group of
/// `groups` (indices into `references`; an index out of range is left out), each work cited
/// for `purpose`, then the bibliography. The renderer may panic on a style it cannot handle:
/// callers catch that.
pub(super) fn render_document(
    references: &[&Reference],
    groups: &[Vec<usize>],
    purpose: Option<CitePurpose>,
    style: &AnyStyle,
    locale: &str,
) -> RenderedDocument {
    let quotes = style.inner_quotes(locale);
    let items: Vec<Item> = references
        .iter()
        .map(|reference| to_csl_item_quoted(reference, quotes))
        .collect();
    let code = || Some(LocaleCode(locale.to_owned()));
    let mut driver: BibliographyDriver<'_, Item> = BibliographyDriver::new();
    for group in groups {
        let cited = group
            .iter()
            .filter_map(|index| items.get(*index))
            .map(|item| CitationItem::new(item, None, None, false, purpose))
            .collect();
        driver.citation(CitationRequest::new(
            cited,
            &style.csl,
            code(),
            &LOCALES,
            None,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(&style.csl, code(), &LOCALES));
    let citations = rendered
        .citations
        .iter()
        .map(|citation| {
            let mut spans: Vec<Span> = Vec::new();
            collect_children(&citation.citation, &mut spans);
            spans
        })
        .collect();
    RenderedDocument {
        citations,
        bibliography: bibliography_entries(rendered.bibliography),
    }
}

/// `formatted` as HTML: italic runs in `<i>`, superscript in `<sup>`, `&`, `<` and `>`
/// escaped.
#[must_use]
pub fn to_html(formatted: &Formatted) -> String {
    formatted
        .0
        .iter()
        .map(|span| {
            let text = span
                .text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let text = if span.italic {
                format!("<i>{text}</i>")
            } else {
                text
            };
            if span.superscript {
                format!("<sup>{text}</sup>")
            } else {
                text
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::formats::styles::format_bibliography;

    #[test]
    fn a_bundled_name_gives_its_style_and_locale() {
        let harvard = bundled_style("harvard-cite-them-right").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(harvard.known, Some(CitationStyle::Harvard));
        assert_eq!(harvard.default_locale(), "en-GB");
        let vancouver = bundled_style("vancouver").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(vancouver.known, None);
        assert_eq!(vancouver.default_locale(), "en-US");
        let wrong = bundled_style("harvard-cite-them-rigth")
            .err()
            .unwrap_or_default();
        assert!(
            wrong.contains("Did you mean \"harvard-cite-them-right\"?"),
            "{wrong}"
        );
        assert!(bundled_style_names().contains(&"modern-language-association"));
    }

    #[test]
    fn locales_are_found_without_regard_to_case() {
        assert_eq!(bundled_locale("en-gb").as_deref(), Ok("en-GB"));
        let wrong = bundled_locale("en-GX").err().unwrap_or_default();
        assert!(wrong.contains("Did you mean"), "{wrong}");
    }

    #[test]
    fn a_style_read_from_xml_is_known_by_its_id_and_bad_xml_is_named() {
        let ieee = hayagriva::archive::ArchivedStyle::by_name("ieee")
            .map(hayagriva::archive::ArchivedStyle::get);
        let Some(Style::Independent(csl)) = ieee else {
            panic!("ieee is bundled and independent");
        };
        assert_eq!(known_style(&csl, ""), Some(CitationStyle::Ieee));
        let error = style_from_csl("<style/>", "mine.csl")
            .err()
            .unwrap_or_default();
        assert!(error.starts_with("mine.csl is not a CSL style"), "{error}");
    }

    /// For the bundled styles, the whole list is the one the window shows.
    #[test]
    fn cite_all_agrees_with_the_bibliography_the_window_shows() {
        let corpus = Corpus::builtin();
        let all: Vec<&Reference> = corpus.file.references.iter().collect();
        for style in CitationStyle::ALL {
            let any = bundled_style(style.csl_name()).unwrap_or_else(|e| panic!("{e}"));
            let cited = cite_all(&all, &any, &any.default_locale());
            let ours: Vec<(String, Option<String>, String)> = cited
                .bibliography
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.text.to_plain_string()))
                .collect();
            let window: Vec<(String, Option<String>, String)> = format_bibliography(&all, style)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.text.to_plain_string()))
                .collect();
            assert_eq!(ours, window, "{}", style.label());
            assert_eq!(cited.citations.len(), 19);
        }
    }

    #[test]
    fn html_marks_italics_and_escapes() {
        let formatted = Formatted(vec![
            Span {
                text: "A & <B> ".to_owned(),
                italic: false,
                superscript: false,
            },
            Span {
                text: "Journal".to_owned(),
                italic: true,
                superscript: false,
            },
            Span {
                text: "8".to_owned(),
                italic: false,
                superscript: true,
            },
        ]);
        assert_eq!(
            to_html(&formatted),
            "A &amp; &lt;B&gt; <i>Journal</i><sup>8</sup>"
        );
    }
}
