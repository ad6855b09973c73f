//! The usual names of a paper's parts, as headings print them: its body's sections
//! (`Introduction`, `Methods`), what stands before the body (`Abstract`) and after it (the
//! reference list, `Acknowledgments`, `Appendix`), and the parts of one study's report
//! (`Participants`, `Procedure`), in the languages papers are written in.

/// Whether a heading's words name a usual part of a paper, in the body (`Introduction`,
/// `Methods`), before it (`Abstract`) or after it (`References`, `Acknowledgments`).
pub(super) fn is_usual_part(title: &str) -> bool {
    let lower = title.to_lowercase();
    is_references(&lower)
        || is_back_matter(&lower)
        || is_front_label(&lower)
        || is_body_name(&lower)
}

/// A heading's words without a trailing colon, lower case.
pub(super) fn key(title: &str) -> String {
    title.trim().trim_end_matches(':').trim().to_lowercase()
}

/// Whether a heading (lower case) opens the reference list.
pub(super) fn is_references(title: &str) -> bool {
    matches!(
        key(title).as_str(),
        "references"
            | "reference list"
            | "bibliography"
            | "works cited"
            | "literature cited"
            | "cited literature"
            | "references cited"
            | "literature"
            // Portuguese, Spanish, French, German, Italian, Dutch.
            | "referências"
            | "referências bibliográficas"
            | "referencias"
            | "referencias bibliográficas"
            | "bibliografia"
            | "bibliografía"
            | "références"
            | "références bibliographiques"
            | "bibliographie"
            | "literatur"
            | "literaturverzeichnis"
            | "riferimenti bibliografici"
            | "literatuur"
            | "referenties"
    )
}

/// Whether a heading (lower case) is one of the usual names of a paper's sections, a heading in
/// any case (`Materials and methods`).
pub(super) fn is_body_name(title: &str) -> bool {
    matches!(
        key(title).as_str(),
        "introduction"
            | "background"
            | "methods"
            | "materials and methods"
            | "methodology"
            | "method"
            | "results"
            | "discussion"
            | "results and discussion"
            | "conclusion"
            | "conclusions"
            | "related work"
            | "limitations"
            | "future work"
            | "literature review"
            | "theoretical framework"
            | "study area"
            | "data"
            // JOSS papers' own.
            | "statement of need"
            // The same in Portuguese, Spanish, French, German and Italian.
            | "introdução"
            | "introducción"
            | "einleitung"
            | "introduzione"
            | "métodos"
            | "material e métodos"
            | "materiais e métodos"
            | "materiales y métodos"
            | "metodología"
            | "metodologia"
            | "méthodes"
            | "méthodologie"
            | "methoden"
            | "metodi"
            | "resultados"
            | "résultats"
            | "ergebnisse"
            | "risultati"
            | "discussão"
            | "discusión"
            | "diskussion"
            | "discussione"
            | "resultados e discussão"
            | "resultados y discusión"
            | "conclusão"
            | "conclusões"
            | "conclusión"
            | "conclusiones"
            | "fazit"
            | "conclusioni"
    )
}

/// Whether a heading (lower case) labels front matter: abstract, keywords, article information.
pub(super) fn is_front_label(title: &str) -> bool {
    matches!(
        key(title).as_str(),
        "abstract"
            | "summary"
            | "keywords"
            | "key words"
            | "index terms"
            | "article info"
            | "article information"
            | "article history"
            | "resumo"
            | "resumen"
            | "résumé"
            | "zusammenfassung"
            | "riassunto"
            | "palavras-chave"
            | "palabras clave"
            | "mots-clés"
            | "schlüsselwörter"
            | "parole chiave"
    )
}

/// Whether a heading (lower case) is back matter, always at the top level.
pub(super) fn is_back_matter(title: &str) -> bool {
    let title = key(title);
    [
        "acknowledg",
        "funding",
        "appendix",
        "appendices",
        "conflict of interest",
        "conflicts of interest",
        "competing interest",
        "data availability",
        "author contributions",
        "declaration",
        "supplementary",
        "notes",
        "agradecimento",
        "agradecimiento",
        "remerciement",
        "danksagung",
        "ringraziamenti",
        "financiamento",
        "financiamiento",
        "apêndice",
        "apéndice",
        "annexe",
        "anhang",
    ]
    .iter()
    .any(|start| title.starts_with(start))
}

/// Whether a heading (lower case) names a part of a study's method: its participants,
/// materials, procedure (APA's third level, under `Method`).
pub(super) fn is_method_part(title: &str) -> bool {
    matches!(
        key(title).as_str(),
        "participants"
            | "materials"
            | "materials and procedure"
            | "apparatus"
            | "stimuli"
            | "measures"
            | "design"
            | "procedure"
            | "design and procedure"
            | "data analysis"
    )
}

/// Whether a heading (lower case) names a study's method: `Method`, `Methods`.
pub(super) fn is_method(title: &str) -> bool {
    matches!(key(title).as_str(), "method" | "methods")
}

/// Whether a heading (lower case) names a part of one study's report: its method (or a part of
/// it), results, discussion.
pub(super) fn is_study_part(title: &str) -> bool {
    is_method(title)
        || is_method_part(title)
        || matches!(
            key(title).as_str(),
            "analysis" | "results" | "discussion" | "results and discussion"
        )
}
