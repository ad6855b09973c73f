//! The Markdown importer on the metadata of R Markdown's journal templates: authors and
//! affiliations named in their many ways, titles given plain or formatted, dates and keywords.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::read;
use crate::corpus::model::Author;

/// Each author as `name | affiliation | email`, with ` *` when corresponding.
fn authors(yaml: &str) -> Vec<String> {
    let text = format!("---\ntitle: T\n{yaml}---\n\nText.\n");
    read(&text)
        .file
        .paper
        .authors
        .iter()
        .map(
            |Author {
                 name,
                 affiliation,
                 email,
                 corresponding,
                 ..
             }| {
                let star = if *corresponding { " *" } else { "" };
                format!("{name} | {affiliation} | {email}{star}")
            },
        )
        .collect()
}

#[test]
fn names_given_in_parts_the_templates_use() {
    // Springer's template: first name, particle, last name and suffix.
    let springer = "authors:\n  - prefix: Dr.\n    firstname: Leading\n    particle: van\n    \
                    lastname: Author\n    suffix: III\n    email: abc@def\n    corresponding: TRUE\n  \
                    - firstname: Second\n    lastname: Author\n";
    assert_eq!(
        authors(springer),
        [
            "Leading van Author III |  | abc@def *",
            "Second Author |  | "
        ]
    );
    // INFORMS: family name and other names; IMS: `name` is the given name beside `surname`;
    // a name already holding its surname is kept.
    let informs = "author:\n  - familyname: Lee\n    othernames: Sue\n  - name: First\n    \
                   surname: Author\n  - name: Alice Anonymous\n    surname: Anonymous\n";
    assert_eq!(
        authors(informs),
        [
            "Sue Lee |  | ",
            "First Author |  | ",
            "Alice Anonymous |  | "
        ]
    );
}

#[test]
fn affiliations_named_by_code_number_or_label() {
    // PNAS: codes, with the numbers of notes mixed in.
    let pnas = "author:\n  - name: Alice\n    affiliation: a,1,2\naffiliation:\n  - code: a\n    \
                address: Some Institute, City\n";
    assert_eq!(authors(pnas), ["Alice | Some Institute, City | "]);
    // SAGE: `num` on both sides, an `org`, and a starred corresponding author.
    let sage = "author:\n  - name: A. Uthor*\n    num: 1,2\n  - name: O. Tro\n    num: 2\n\
                affiliation:\n  - num: 1\n    org: University A\n  - num: 2\n    org: University B\n";
    assert_eq!(
        authors(sage),
        [
            "A. Uthor | University A; University B |  *",
            "O. Tro | University B | "
        ]
    );
    // Springer: `number`, the organisation under `info`, the place under `address`.
    let springer = "authors:\n  - firstname: Ann\n    lastname: Lee\n    affiliation: [1]\n\
                    affiliations:\n  - number: 1\n    info:\n      orgdiv: Department\n      \
                    orgname: Organization\n    address:\n        street: Street\n        \
                    city: City,\n        country: Country\n";
    assert_eq!(
        authors(springer),
        ["Ann Lee | Department, Organization, City, Country | "]
    );
    // MDPI and Copernicus: markers of notes among the codes; LNCS: institutes by position.
    let mdpi = "author:\n  - name: Dominik Leutnant\n    affil: \"1,2,\\\\ddagger,*\"\n\
                affiliation:\n  - num: 1\n    address: |\n      Muenster University\n      \
                Corrensstr. 25\n  - num: 2\n    address: Your department\n";
    assert_eq!(
        authors(mdpi),
        ["Dominik Leutnant | Muenster University Corrensstr. 25; Your department | "]
    );
    let lncs = "authors:\n  - name: First Author\n    inst: \"2\"\ninstitutes:\n  - name: Princeton\n  \
                - name: Springer Heidelberg\n";
    assert_eq!(authors(lncs), ["First Author | Springer Heidelberg | "]);
}

#[test]
fn an_author_s_own_affiliation_email_and_corresponding_flag() {
    // JSS: LaTeX's `\AND` and `\email{}`, a line block; IOP: the affiliation as `address`;
    // PLOS: the corresponding author's address in place of `true`.
    let jss = "author:\n  - name: Ann\n    affiliation: 'University \\AND'\n    \
               email: \\email{ann@uni.org}\n  - name: Bo\n    affiliation: |\n      | Universitat \
               Autònoma\n      | de Barcelona\n  - name: Sue Lee\n    address: Department of UUU\n    \
               email: sue\\@vvv.edu\n    corresponding: sue@vvv.edu\n";
    assert_eq!(
        authors(jss),
        [
            "Ann | University | ann@uni.org",
            "Bo | Universitat Autònoma de Barcelona | ",
            "Sue Lee | Department of UUU | sue@vvv.edu *"
        ]
    );
}

#[test]
fn titles_dates_and_keywords_as_the_templates_give_them() {
    let jss = "---\ntitle:\n  formatted: \"A Title about \\\\pkg{foo}\"\n  plain: A Title about foo\n\
               keywords:\n  formatted: [keywords, \"\\\\proglang{Java}\"]\n  plain: [keywords, Java]\n\
               date: \"`r Sys.Date()`\"\n---\n\nText.\n";
    let paper = read(jss).file.paper;
    assert_eq!(paper.title, "A Title about foo");
    assert_eq!(paper.keywords, ["keywords", "Java"]);
    assert_eq!(paper.date, "", "R code run when knitting is no date");
    let acs = "---\ntitle:\n  formatted: A demonstration of the \\textsf{achemso} \\LaTeX\\ class\n\
               keywords: Class file; \\LaTeX; SMMR;\ndate: true\n---\n\nText.\n";
    let paper = read(acs).file.paper;
    assert_eq!(paper.title, "A demonstration of the achemso LaTeX class");
    assert_eq!(paper.keywords, ["Class file", "LaTeX", "SMMR"]);
    assert_eq!(paper.date, "");
    let lncs = "---\ntitle: \"Contribution Title\\\\thanks{Supported by {organization} x.}\"\n---\n\nText.\n";
    assert_eq!(read(lncs).file.paper.title, "Contribution Title");
    let bioinformatics = "---\ntitle_full: A Template for Bioinformatics\n---\n\nText.\n";
    assert_eq!(
        read(bioinformatics).file.paper.title,
        "A Template for Bioinformatics"
    );
}

#[test]
fn quarto_authors_name_their_affiliations_by_ref_or_write_them_out() {
    // Quarto's schema: affiliations written out under an author (one may carry an `id` that
    // others name), named from the list by `ref`, or one map; flags under `attributes`; a group.
    let yaml = "author:\n  - name: Alice\n    affiliations:\n      - id: tech\n        \
                name: Some Institute\n        department: Department Name\n        city: City\n  \
                - name: Bob\n    affiliations:\n      - ref: tech\n      - ref: aff2\n    \
                attributes:\n      corresponding: true\n  - name: Cat\n    affiliation:\n      \
                name: The Group\n      city: Hekla\n      country: Iceland\n  \
                - name: with the Consortium\n    group: true\n  - name: Achim\n    affiliations:\n      \
                - name: Universität Innsbruck\n        city: Innsbruck\n      \
                - Journal of Statistical Software\naffiliations:\n  - id: aff2\n    \
                name: Affiliation Center, Institution Name\n    department: Affiliation Center\n    \
                country: Country\n";
    assert_eq!(
        authors(yaml),
        [
            "Alice | Department Name, Some Institute, City | ",
            "Bob | Department Name, Some Institute, City; Affiliation Center, Institution Name, \
             Country |  *",
            "Cat | The Group, Hekla, Iceland | ",
            "with the Consortium |  | ",
            "Achim | Universität Innsbruck; Journal of Statistical Software | "
        ]
    );
    let text = format!("---\ntitle: T\n{yaml}---\n\nText.\n");
    let file = read(&text).file;
    assert!(file.paper.authors[3].group);
}

#[test]
fn quarto_dates_of_the_render_and_shortcodes() {
    for date in ["today", "now", "last-modified"] {
        let text = format!("---\ntitle: T\ndate: {date}\n---\n\nText.\n");
        assert_eq!(read(&text).file.paper.date, "", "{date}");
    }
    let text = "---\ntitle: The achemso {{< latex >}} class\n---\n\n\
                Press {{< kbd Ctrl-C >}}.{{< pagebreak >}} A {{< video x.mp4 >}} and {{< unclosed é\n";
    let file = read(text).file;
    assert_eq!(file.paper.title, "The achemso LaTeX class");
    assert_eq!(
        super::tests::paragraphs(&file),
        ["Press Ctrl-C. A {{< video x.mp4 >}} and {{< unclosed é"]
    );
}

#[test]
fn manubot_s_names_and_date_for_the_html_template_are_the_authors_and_date() {
    assert_eq!(
        authors("author-meta:\n- Brock C. Christensen\n- Anthony Gitter\n"),
        ["Brock C. Christensen |  | ", "Anthony Gitter |  | "]
    );
    let text = "---\ntitle: T\ndate-meta: '2021-12-28'\n---\n\nText.\n";
    assert_eq!(read(text).file.paper.date, "2021-12-28");
    // The paper's own `date` comes first.
    let text = "---\ntitle: T\ndate: 2020-01-02\ndate-meta: '2021-12-28'\n---\n\nText.\n";
    assert_eq!(read(text).file.paper.date, "2020-01-02");
}
