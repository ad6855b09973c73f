//! Tests of author–date citations: what the text cites, found and linked to its works.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::*;
use crate::corpus::model::{CslDate, CslName};

fn work(id: &str, families: &[&str], year: i32, printed: &str) -> Reference {
    let mut reference = Reference {
        id: id.into(),
        author: families
            .iter()
            .map(|f| CslName {
                family: (*f).into(),
                ..CslName::default()
            })
            .collect(),
        issued: Some(CslDate {
            date_parts: vec![vec![year]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    reference.set_printed(printed);
    reference
}

fn list() -> Works {
    Works::of(&[
        work("smith2019a", &["Smith"], 2019, "Smith, J. (2019a). One."),
        work("smith2019b", &["Smith"], 2019, "Smith, J. (2019b). Two."),
        work("smith2020", &["Smith", "Jones"], 2020, ""),
        work("king2008", &["King", "Carr", "Lee"], 2008, ""),
        work("karpov1998", &["Karpov", "Coupe"], 1998, ""),
        work("anken2005", &["Anken", "Braakman"], 2005, ""),
        work("lee2001", &["Lee"], 2001, ""),
        work("lee2001b", &["Lee"], 2001, ""),
    ])
}

fn cited(text: &str) -> Vec<(&str, Vec<String>)> {
    cited_in(text, &list())
}

/// What `text` cites of `works`: each citation as printed, and the keys it names.
fn cited_in<'t>(text: &'t str, works: &Works) -> Vec<(&'t str, Vec<String>)> {
    find(text, works)
        .into_iter()
        .map(|f| (text.get(f.range).unwrap(), f.keys))
        .collect()
}

fn keys(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn parenthetical_citations_name_their_works() {
    assert_eq!(
        cited("as shown (e.g., Smith, 2019a; Smith & Jones 2020, p. 4; King et al. 2008)."),
        [
            ("Smith, 2019a", keys(&["smith2019a"])),
            ("Smith & Jones 2020", keys(&["smith2020"])),
            ("King et al. 2008", keys(&["king2008"])),
        ]
    );
    assert_eq!(
        cited("(Smith 2019a, b; van der Anken and Braakman, 2005)"),
        [
            ("Smith 2019a, b", keys(&["smith2019a", "smith2019b"])),
            ("van der Anken and Braakman, 2005", keys(&["anken2005"])),
        ]
    );
    // Works of one year printed without letters are told apart in list order.
    assert_eq!(cited("(Lee, 2001b)"), [("Lee, 2001b", keys(&["lee2001b"]))]);
}

#[test]
fn a_bracket_inside_a_parenthesis_and_words_before_the_name_are_read() {
    assert_eq!(
        cited("(as before [Karpov and Coupe, 1998]; 2hjr, 62% identity, King et al., 2008)"),
        [
            ("Karpov and Coupe, 1998", keys(&["karpov1998"])),
            ("King et al., 2008", keys(&["king2008"])),
        ]
    );
    // A name printed without its diacritics, or with them, names the same work.
    let works = Works::of(&[work("aragon2009", &["Aragón", "Lee", "Li"], 2009, "")]);
    let found = find("(Aragon et al., 2009) and Aragón et al. (2009)", &works);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.keys == ["aragon2009"]));
}

#[test]
fn works_without_authors_ranges_and_letters_are_told_apart() {
    let mut hadoop = work(
        "hadoop",
        &[],
        0,
        "“Apache Hadoop.” n.d. http://hadoop.apache.org/.",
    );
    hadoop.issued = None;
    hadoop.title = "Apache Hadoop".into();
    let works = Works::of(&[
        hadoop,
        work(
            "knuth1984",
            &["Knuth"],
            1984,
            "Knuth, D. E. (1984). The TeXbook.",
        ),
        work(
            "knuth1984a",
            &["Knuth"],
            1984,
            "Knuth, D. E. (1984–1986a). Vols.",
        ),
        work(
            "knuth1984b",
            &["Knuth"],
            1984,
            "Knuth, D. E. (1984–1986b). Vols.",
        ),
    ]);
    let cited = |text: &str| -> Vec<Vec<String>> {
        find(text, &works).into_iter().map(|f| f.keys).collect()
    };
    assert_eq!(cited("(‘Apache Hadoop’, no date)"), [keys(&["hadoop"])]);
    assert_eq!(cited("(“Apache Hadoop,” n.d.)"), [keys(&["hadoop"])]);
    assert_eq!(
        cited("(Knuth, 1984; Knuth, 1984–1986b)"),
        [keys(&["knuth1984"]), keys(&["knuth1984b"])]
    );
}

#[test]
fn narrative_citations_run_from_their_authors() {
    assert_eq!(
        cited("In the work of Karpov and Coupe (1998) and King et al. (2008, p. 3), we"),
        [
            ("Karpov and Coupe (1998)", keys(&["karpov1998"])),
            ("King et al. (2008, p. 3)", keys(&["king2008"])),
        ]
    );
    assert_eq!(
        cited("Smith’s (2019a) view."),
        [("Smith’s (2019a)", keys(&["smith2019a"]))]
    );
}

#[test]
fn what_names_no_work_is_reported_or_left_as_text() {
    // An author the list lacks reads as a citation naming nothing.
    assert_eq!(cited("(Brown, 2017)"), [("Brown, 2017", keys(&[]))]);
    // A year alone, a figure, a month, a date and a range are no citations.
    for text in [
        "in (2019) and (Figure 2, 2019) or (March 2019)",
        "(n = 24, 2019) and (1999–2004) and (Smith 2019)",
        "Ambiguous (Lee 2001) is not in a parenthesis of its own here: Lee (2001)",
    ] {
        let found = cited(text);
        assert!(
            found.iter().all(|(_, keys)| keys.is_empty()),
            "{text}: {found:?}"
        );
        assert!(
            found.iter().all(|(printed, _)| !printed.contains("Figure")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn an_author_date_paper_imports_with_its_citations() {
    use crate::corpus::Corpus;
    use crate::formats::paper::{ImportOptions, PaperKind, import};
    let text = "Trade and Trust\n\nAna Silva\n\nIntroduction\n\n\
        Trust grows with trade (Keohane & Nye, 1977; Smith, 2019a). Smith (2019b) and\n\
        Ruiz et al. (2020, p. 4) disagree; others do too (Brown, 2017).\n\n\
        References\n\n\
        Keohane, R. O., & Nye, J. S. (1977). Power and interdependence: World politics\n\
        in transition. Little, Brown.\n\
        Ruiz, M., Chen, L., & Okafor, N. (2020). Markets and norms. Journal of Trade,\n\
        12(3), 45–67. https://doi.org/10.1000/jt.2020.3\n\
        Smith, J. (2019a). First thoughts. Review of Trust, 4, 1–10.\n\
        Smith, J. (2019b). Second thoughts. Review of Trust, 4, 11–20.\n";
    let imported = import(PaperKind::PlainText, text, &ImportOptions::default()).unwrap();
    let references = &imported.file.references;
    let ids: Vec<&str> = references.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["keohane1977", "ruiz2020", "smith2019a", "smith2019b"]);
    let keohane = &references[0];
    assert_eq!(
        keohane.title,
        "Power and interdependence: World politics in transition"
    );
    assert_eq!(keohane.author.len(), 2);
    assert_eq!(references[1].container_title, "Journal of Trade");
    assert_eq!(
        (references[1].volume.as_str(), references[1].issue.as_str()),
        ("12", "3")
    );
    assert_eq!(references[1].doi, "10.1000/jt.2020.3");
    let paragraph = &imported.file.sections[0].paragraphs[0].text;
    assert!(
        paragraph.contains("([Keohane & Nye, 1977]{@keohane1977}; [Smith, 2019a]{@smith2019a})"),
        "{paragraph}"
    );
    assert!(
        paragraph.contains("[Smith (2019b)]{@smith2019b}"),
        "{paragraph}"
    );
    assert!(
        paragraph.contains("[Ruiz et al. (2020, p. 4)]{@ruiz2020}"),
        "{paragraph}"
    );
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.contains("Brown, 2017"))
        .expect("the citation naming no work is reported");
    assert_eq!(warning.location.as_ref().map(|l| l.line), Some(8));
    let corpus = Corpus::from_file(imported.file, "t").unwrap();
    assert_eq!(corpus.summary().citations, 4);
}

#[test]
fn unbalanced_and_long_text_stays_linear() {
    let text = "(Smith, 2019 ".repeat(20_000);
    let started = std::time::Instant::now();
    let _ = cited(&text);
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn a_given_name_or_initial_telling_authors_apart_is_part_of_the_citation() {
    let mut goulson2008 = work("goulson2008", &["Goulson", "Lye", "Darvill"], 2008, "");
    goulson2008.author[0].given = "D.".into();
    let mut goulson2010 = work("goulson2010", &["Goulson"], 2010, "");
    goulson2010.author[0].given = "Dave".into();
    let mut cheng2007 = work(
        "cheng2007",
        &["Cheng", "Scearce-Levie", "Legleiter"],
        2007,
        "",
    );
    cheng2007.author[0].given = "I. H.".into();
    let works = Works::of(&[goulson2008, goulson2010, cheng2007]);
    let text = "in decline (D. Goulson et al. 2008), and queens (Dave Goulson 2010), as Dave \
                Goulson (2010) says; not (B. Goulson 2010), nor as Anna Goulson (2010) says; \
                see (Palop et al., 2003; I. H. Cheng et al., 2007).";
    let found = cited_in(text, &works);
    assert_eq!(
        found,
        [
            ("D. Goulson et al. 2008", keys(&["goulson2008"])),
            ("Dave Goulson 2010", keys(&["goulson2010"])),
            ("Dave Goulson (2010)", keys(&["goulson2010"])),
            ("Goulson 2010", keys(&["goulson2010"])),
            ("Goulson (2010)", keys(&["goulson2010"])),
            ("Palop et al., 2003", Vec::new()),
            ("I. H. Cheng et al., 2007", keys(&["cheng2007"])),
        ]
    );
}

#[test]
fn an_elsevier_harvard_paper_imports_with_its_citations() {
    use crate::corpus::Corpus;
    use crate::formats::paper::{ImportOptions, PaperKind, import};
    // Elsevier's Harvard style prints the year after a comma, and `in press` for a work not
    // yet published; the list runs its entries on without blank lines.
    let text = "Roads and Risk\n\nAna Silva\n\nIntroduction\n\n\
        Roads kill (Hyder and Ghaffar, 2004; Peden et al., 2004). Cohorts help\n\
        (Seubsman et al., in press).\n\n\
        References\n\n\
        Hyder, A.A., Ghaffar, A., 2004. The millennium development goals and road traffic\n\
        injuries. J. Coll. Physicians Surg. Pak. 14, 742–745.\n\
        Peden, M., Scurfield, R., Sleet, D. (Eds.), 2004. World Report on Road Traffic Injury\n\
        Prevention. World Health Organization, Geneva.\n\
        Seubsman, S., Sleigh, A., Thai Cohort Study Team, in press. A large national Thai\n\
        cohort study. ASEAN J. Open Dist. Learn.\n";
    let imported = import(PaperKind::PlainText, text, &ImportOptions::default()).unwrap();
    let references = &imported.file.references;
    let ids: Vec<&str> = references.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["hyder2004", "peden2004", "seubsman"]);
    assert_eq!(
        references[0].title,
        "The millennium development goals and road traffic injuries"
    );
    assert_eq!(
        (
            references[0].container_title.as_str(),
            references[0].volume.as_str()
        ),
        ("J. Coll. Physicians Surg. Pak.", "14")
    );
    assert_eq!(
        references[1].title,
        "World Report on Road Traffic Injury Prevention"
    );
    let paragraph = &imported.file.sections[0].paragraphs[0].text;
    assert!(
        paragraph
            .contains("([Hyder and Ghaffar, 2004]{@hyder2004}; [Peden et al., 2004]{@peden2004})"),
        "{paragraph}"
    );
    assert!(
        paragraph.contains("([Seubsman et al., in press]{@seubsman})"),
        "{paragraph}"
    );
    // A work printed `in press` has no year to miss.
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("without")),
        "{:?}",
        imported.diagnostics
    );
    let corpus = Corpus::from_file(imported.file, "t").unwrap();
    assert_eq!(corpus.summary().citations, 3);
}

#[test]
fn abnt_parts_a_work_s_authors_with_semicolons() {
    let works = Works::of(&[
        work("anache2014", &["ANACHE", "ROVETTO", "OLIVEIRA"], 2014, ""),
        work("brasil2005", &["BRASIL"], 2005, ""),
        work("leite2018", &["LEITE", "LACERDA"], 2018, ""),
    ]);
    let text = "desde 1960 (ANACHE; ROVETTO; OLIVEIRA, 2014; BRASIL, 2005), e (ANACHE, ROVETTO; \
                OLIVEIRA, 2014) e (LEITE; LACERDA, 2018, p. 4) mas (ROVETTO; LEITE, 2018) e \
                (ver; BRASIL, 2005).";
    let cited = cited_in(text, &works);
    assert_eq!(
        cited,
        [
            ("ANACHE; ROVETTO; OLIVEIRA, 2014", keys(&["anache2014"])),
            ("BRASIL, 2005", keys(&["brasil2005"])),
            ("ANACHE, ROVETTO; OLIVEIRA, 2014", keys(&["anache2014"])),
            ("LEITE; LACERDA, 2018", keys(&["leite2018"])),
            // Names that together name no work: the part with the year is read alone.
            ("LEITE, 2018", keys(&["leite2018"])),
            ("BRASIL, 2005", keys(&["brasil2005"])),
        ]
    );
}

#[test]
fn a_citation_is_found_whatever_letter_stands_where_its_search_stops() {
    // The search for a parenthesis's end stops 600 bytes on: there, inside a letter of two
    // bytes (`Martínez`), it must stop before it rather than leave the citation unread.
    let opening = "(Smith, 2019a). ";
    let text = format!("{opening}{}í more text.", "a".repeat(599 - opening.len()));
    assert_eq!(text.find('í'), Some(599));
    assert_eq!(cited(&text), [("Smith, 2019a", keys(&["smith2019a"]))]);
}
