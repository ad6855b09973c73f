//! Sub-articles: eLife's decision letter and author response, a commentary, a reply, a
//! SciELO translation, each a top-level section under its own title.

use super::{Flattener, Walker, child_text};
use crate::formats::paper::xml::Element;

impl<'d> Walker<'_, 'd, '_> {
    /// A sub-article (eLife's decision letter and author response, a commentary, a reply) as a
    /// top-level section under its own title, its body's sections inside it (nothing when it
    /// has no body), and the sub-articles it holds after it.
    pub(super) fn sub_article(&mut self, sub_article: Element<'d>) {
        let title = ["front-stub", "front"]
            .iter()
            .filter_map(|front| sub_article.child(front))
            .find_map(|front| {
                front
                    .path(&["title-group", "article-title"])
                    .or_else(|| front.path(&["article-meta", "title-group", "article-title"]))
            })
            .map(|title| Flattener::rich(self.context, title).0.plain())
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| {
                match sub_article
                    .attr("article-type")
                    .or(sub_article.attr("response-type"))
                {
                    Some("decision-letter" | "article-commentary") => "Decision letter",
                    Some("reply" | "author-comment") => "Author response",
                    Some("editor-report" | "referee-report" | "reviewer-report") => "Peer review",
                    Some("translation") => "",
                    _ => "Sub-article",
                }
                .to_owned()
            });
        // SciELO prints the article again in another language: said in its heading.
        let title = if sub_article.attr("article-type") == Some("translation") {
            let language = sub_article
                .attr("xml:lang")
                .map(language_name)
                .map(|name| format!(" ({name})"))
                .unwrap_or_default();
            if title.is_empty() {
                format!("Translation{language}")
            } else {
                format!("Translation{language}: {title}")
            }
        } else {
            title
        };
        if let Some(body) = sub_article
            .child("body")
            .filter(|body| body.elements().next().is_some())
        {
            self.builder.end_all_sections();
            self.builder.begin_section("", &title);
            for element in body.elements() {
                // eLife opens each with an untitled box saying why it is printed: its text
                // leads the section, as printed, not a "Box" after it.
                if element.is("boxed-text")
                    && child_text(element, "label").is_empty()
                    && self.title_of(element).is_empty()
                {
                    self.blocks(element);
                } else if element.is("sec")
                    && child_text(element, "label").is_empty()
                    && self.title_of(element).trim().to_lowercase() == title.trim().to_lowercase()
                {
                    // SciELO heads a reviewer's report with its title again (`Parecer I` in
                    // `Parecer I`): its text is the sub-article's, not a level under it.
                    self.blocks(element);
                } else {
                    self.block(element);
                }
            }
            // The article's supplementary files are listed by now: a sub-article's own (a
            // figure's source data in the response) close it.
            while self.builder.depth() > 1 {
                self.builder.end_section();
            }
            for item in std::mem::take(&mut self.supplementary) {
                self.text(item);
            }
            self.builder.end_all_sections();
        }
        for inner in sub_article
            .elements()
            .filter(|e| crate::formats::paper::jats::is_sub_article(*e))
        {
            self.sub_article(inner);
        }
    }
}

/// The English name of the language an `xml:lang` code names (`en`, `pt-BR`), or the code as
/// written when it is not one of the languages papers are most often translated into.
fn language_name(code: &str) -> String {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    let name = match primary.to_ascii_lowercase().as_str() {
        "en" => "English",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "fr" => "French",
        "de" => "German",
        "it" => "Italian",
        "nl" => "Dutch",
        "ru" => "Russian",
        "zh" => "Chinese",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ar" => "Arabic",
        _ => return code.trim().to_owned(),
    };
    name.to_owned()
}
