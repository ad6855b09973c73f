use super::*;
use crate::corpus::index::mentions::fold;
use crate::corpus::model::{Figure, Table};

/// A corpus file with tables and figures labelled so.
fn file(tables: &[&str], figures: &[&str]) -> CorpusFile {
    CorpusFile {
        tables: tables
            .iter()
            .map(|label| Table {
                label: (*label).to_owned(),
                ..Table::default()
            })
            .collect(),
        figures: figures
            .iter()
            .map(|label| Figure {
                label: (*label).to_owned(),
                ..Figure::default()
            })
            .collect(),
        ..CorpusFile::default()
    }
}

/// What `text` names, as (item, the text marked).
fn named(file: &CorpusFile, text: &str) -> Vec<(Item, String)> {
    let mut info = ParagraphInfo {
        printed: text.to_owned(),
        segments: vec![Segment::Text(0..text.len())],
        ..ParagraphInfo::default()
    };
    let mut folded = String::new();
    fold(text, &mut folded);
    FloatMatcher::new(file).read(&mut info, &folded);
    info.floats
        .into_iter()
        .map(|mark| {
            let written = text.get(mark.range).unwrap_or("?").to_owned();
            (mark.item, written)
        })
        .collect()
}

fn owned(pairs: &[(Item, &str)]) -> Vec<(Item, String)> {
    pairs.iter().map(|(i, s)| (*i, (*s).to_owned())).collect()
}

#[test]
fn tables_and_figures_are_named_however_the_text_abbreviates_them() {
    let file = file(&["Table 1", "Table 2"], &["Fig 1", "Figure 2", "Fig. 3"]);
    assert_eq!(
        named(
            &file,
            "As Table 2 shows (Fig. 1), and Figure 2 confirms; see also fig 3, Tab. 1 and Fig.3."
        ),
        owned(&[
            (Item::Table(1), "Table 2"),
            (Item::Figure(0), "Fig. 1"),
            (Item::Figure(1), "Figure 2"),
            (Item::Figure(2), "fig 3"),
            (Item::Table(0), "Tab. 1"),
            (Item::Figure(2), "Fig.3"),
        ])
    );
}

#[test]
fn lists_ranges_and_panels_name_each_table_or_figure() {
    let file = file(
        &["Table 1", "Table 2", "Table 3", "Table 4"],
        &["Fig 1", "Fig 2", "Fig 3"],
    );
    assert_eq!(
        named(&file, "(Figs 1 and 3B) and Tables 1–4"),
        owned(&[
            (Item::Figure(0), "Figs 1"),
            (Item::Figure(2), "3B"),
            (Item::Table(0), "Tables 1"),
            // The inner members of a range are linked, not drawn.
            (Item::Table(1), ""),
            (Item::Table(2), ""),
            (Item::Table(3), "4"),
        ])
    );
    assert_eq!(
        named(&file, "Figures 1, 2, and 3 and Fig 2A–C."),
        owned(&[
            (Item::Figure(0), "Figures 1"),
            (Item::Figure(1), "2"),
            (Item::Figure(2), "3"),
            (Item::Figure(1), "Fig 2A"),
        ])
    );
}

#[test]
fn supplementary_roman_and_other_kinds_of_label_are_found() {
    let file = file(
        &["Table IV", "S1 Table", "Supplementary Table S2", "Box 1"],
        &["S1 Fig", "Scheme 2"],
    );
    assert_eq!(
        named(
            &file,
            "Table IV lists them (S1 Fig; S1 Table), Table S2 the rest, Box 1 and Schemes 2."
        ),
        owned(&[
            (Item::Table(0), "Table IV"),
            (Item::Figure(0), "S1 Fig"),
            (Item::Table(1), "S1 Table"),
            (Item::Table(2), "Table S2"),
            (Item::Table(3), "Box 1"),
            (Item::Figure(1), "Schemes 2"),
        ])
    );
}

#[test]
fn words_that_only_look_like_a_label_name_nothing() {
    let file = file(&["Table 1"], &["Figure 1"]);
    for text in [
        "The table below, Table1, Subtable 1 and a figure of 1 million.",
        "Table 5 is not in this paper; nor is Figure 2.",
        "Timetable 1 and Figure-1.",
        "",
    ] {
        assert_eq!(named(&file, text), Vec::new(), "{text}");
    }
    // A corpus without tables or figures finds nothing and does no work.
    assert!(FloatMatcher::new(&CorpusFile::default()).is_empty());
}

#[test]
fn a_label_given_twice_names_the_first_and_a_huge_range_is_bounded() {
    let twice = file(&["Table 1", "Table 1"], &[]);
    assert_eq!(
        named(&twice, "Table 1"),
        owned(&[(Item::Table(0), "Table 1")])
    );
    let labels: Vec<String> = (1..=200).map(|n| format!("Fig {n}")).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let many = file(&[], &labels);
    let marks = named(&many, "Figs 1–4000000000");
    // The two ends' first, then at most MOST_IN_A_RANGE between.
    assert_eq!(marks.len(), 1 + MOST_IN_A_RANGE as usize);
}

#[test]
fn hostile_text_is_read_in_one_pass() {
    let one_each = file(&["Table 1"], &["Fig 1"]);
    let text = "Table 1-".repeat(50_000) + &"a".repeat(100_000) + &", 1".repeat(50_000);
    let marks = named(&one_each, &text);
    assert!(!marks.is_empty());
    // Ranges over many figures link each figure inside them once, not once per range.
    let labels: Vec<String> = (1..=60).map(|n| format!("Fig {n}")).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let many = file(&[], &labels);
    let marks = named(&many, &"Figs 1–50, ".repeat(20_000));
    // Each range's two ends, and the 48 between them once.
    assert_eq!(marks.len(), 2 * 20_000 + 48);
}

#[test]
fn a_supplementary_or_extended_data_figure_is_not_the_paper_s_own() {
    let file = file(
        &["Table 1", "Supplementary Table 1"],
        &["Fig. 2", "Extended Data Fig. 3"],
    );
    assert_eq!(
        named(
            &file,
            "Fig. 2 (Supplementary Fig. 2, Extended Data Fig. 2 and Extended Data Fig. 3) and \
             Table 1 (Supplementary Table 1; Suppl. Table 1)."
        ),
        owned(&[
            (Item::Figure(0), "Fig. 2"),
            (Item::Figure(1), "Fig. 3"),
            (Item::Table(0), "Table 1"),
            (Item::Table(1), "Table 1"),
            (Item::Table(1), "Table 1"),
        ])
    );
    // Without a figure of its own so numbered, "Fig. 3" names the Extended Data one.
    assert_eq!(
        named(&file, "as Fig. 3 shows"),
        owned(&[(Item::Figure(1), "Fig. 3")])
    );
    assert_eq!(
        parse_label("Supplementary Table S2"),
        Some(Label {
            kind: "table".to_owned(),
            number: "s2".to_owned(),
            number_first: false,
            supplementary: true,
        })
    );
}

/// A corpus file with sections numbered so (an empty number: unnumbered), and a box.
fn sectioned(numbers: &[&str]) -> CorpusFile {
    let mut sections: Vec<crate::corpus::model::Section> = numbers
        .iter()
        .map(|number| crate::corpus::model::Section {
            number: (*number).to_owned(),
            ..crate::corpus::model::Section::default()
        })
        .collect();
    sections.push(crate::corpus::model::Section {
        number: "9".to_owned(),
        kind: SectionKind::Box,
        ..crate::corpus::model::Section::default()
    });
    CorpusFile {
        sections,
        figures: vec![Figure {
            label: "S1 Fig".to_owned(),
            ..Figure::default()
        }],
        ..CorpusFile::default()
    }
}

#[test]
fn numbered_sections_are_named_by_word_abbreviation_or_section_sign() {
    let file = sectioned(&["1", "2.", "2.4", "", "3", "4.3"]);
    assert_eq!(
        named(
            &file,
            "As we show (§3), and discussed in §2.4, see § 1; Section 4.3 and Sect. 2 agree, \
             as do Sections 1 and 3 and §§2–3."
        ),
        owned(&[
            (Item::Section(4), "§3"),
            (Item::Section(2), "§2.4"),
            (Item::Section(0), "§ 1"),
            (Item::Section(5), "Section 4.3"),
            (Item::Section(1), "Sect. 2"),
            (Item::Section(0), "Sections 1"),
            (Item::Section(4), "3"),
            (Item::Section(1), "§§2"),
            (Item::Section(4), "3"),
        ])
    );
    // No section numbered so, a box's number, a time in seconds, a word running on: nothing.
    assert!(
        named(
            &file,
            "Section 7 and §5 say little; Section 9 is a box; it took 5 sec; x§3."
        )
        .is_empty()
    );
    // A paper without numbered sections has no section to name.
    assert!(named(&sectioned(&["", ""]), "See Section 1 and §2.").is_empty());
}

#[test]
fn numbered_equations_are_named_with_or_without_their_parentheses() {
    use crate::corpus::model::{Paragraph, ParagraphKind, Section};
    let equation = |label: &str| Paragraph {
        kind: ParagraphKind::Equation,
        label: label.to_owned(),
        ..Paragraph::default()
    };
    let file = CorpusFile {
        sections: vec![Section {
            paragraphs: vec![
                Paragraph::default(),
                equation("(1)"),
                equation("(2)"),
                equation(""),
                equation("(4)"),
            ],
            ..Section::default()
        }],
        ..CorpusFile::default()
    };
    assert_eq!(
        named(
            &file,
            "By Eq. (1) and Equation 2, as Eqs. (1) and (4) and Eqn.(2) show; Eqs. (1)–(4) hold."
        ),
        owned(&[
            (Item::Paragraph(1), "Eq. (1)"),
            (Item::Paragraph(2), "Equation 2"),
            (Item::Paragraph(1), "Eqs. (1)"),
            (Item::Paragraph(4), "(4)"),
            (Item::Paragraph(2), "Eqn.(2)"),
            (Item::Paragraph(1), "Eqs. (1)"),
            // Inside the range, linked but not drawn.
            (Item::Paragraph(2), ""),
            (Item::Paragraph(4), "(4)"),
        ])
    );
    // An equation without a number, a word starting so, a number not an equation's: nothing.
    assert!(named(&file, "Eq. (3), equal 2, Eq. 7 and equations are all text.").is_empty());
}

#[test]
fn hostile_section_signs_and_parentheses_are_read_in_one_pass() {
    let file = sectioned(&["1"]);
    assert!(named(&file, &("§ ".repeat(100_000) + "x")).is_empty());
    assert!(named(&file, &"§§".repeat(100_000)).is_empty());
    assert!(named(&file, &"—Sect—".repeat(50_000)).is_empty());
    assert_eq!(named(&file, &"§1, §§(".repeat(50_000)).len(), 50_000);
}
