//! PATCH: tests of the renderer fixes listed in `PATCHES.md`, each on a small inline
//! style that shows the rule at stake.

use citationberg::IndependentStyle;

use crate::csl::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest,
};
use crate::io::from_yaml_str;

/// A style with the given bibliography (`<sort>` and `<layout>`), macros, and English
/// quotation marks.
fn style(macros: &str, bibliography: &str) -> IndependentStyle {
    let xml = format!(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><style-options punctuation-in-quote="true"/><terms>
    <term name="open-quote">“</term><term name="close-quote">”</term>
    <term name="open-inner-quote">‘</term><term name="close-inner-quote">’</term>
    <term name="in">in</term>
  </terms></locale>
  {macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>{bibliography}</bibliography>
</style>"#
    );
    IndependentStyle::from_xml(&xml).unwrap()
}

/// The bibliography of the entries of `yaml` (cited in that order), as plain text.
fn bibliography(style: &IndependentStyle, yaml: &str) -> Vec<String> {
    let bib = from_yaml_str(yaml).unwrap();
    let mut driver = BibliographyDriver::new();
    for entry in bib.iter() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(entry)],
            style,
            None,
            &[],
            None,
        ));
    }
    let finished =
        driver.finish(BibliographyRequest { style, locale: None, locale_files: &[] });
    finished
        .bibliography
        .unwrap()
        .items
        .iter()
        .map(|i| format!("{:#}", i.content))
        .collect()
}

/// An author's works sort by title (MLA's `<key macro="title"/>`) whether or not the title
/// is quoted: the quotation marks are not part of the sort key.
#[test]
fn a_quoted_title_sorts_by_its_words() {
    let style = style(
        r#"<macro name="title">
    <choose>
      <if type="article-journal"><text variable="title" quotes="true"/></if>
      <else><text variable="title" font-style="italic"/></else>
    </choose>
  </macro>"#,
        r#"<sort><key macro="title"/></sort>
  <layout><text macro="title"/></layout>"#,
    );
    let yaml = "power:\n  type: article\n  title: Power and Interdependence\n  date: 1977\n  \
                parent:\n    type: periodical\n    title: Journal\n\
                after:\n  type: book\n  title: After Hegemony\n  date: 2005\n";
    assert_eq!(
        bibliography(&style, yaml),
        ["After Hegemony", "“Power and Interdependence”"]
    );
}

/// Cite Them Right's `in` before a chapter's editors: a group whose names variables are all
/// empty prints nothing, its term included; with an editor it prints.
#[test]
fn a_group_of_empty_names_prints_nothing() {
    let style = style(
        r#"<macro name="editor">
    <group delimiter=" ">
      <text term="in"/>
      <names variable="container-author" suffix=", "><name/></names>
      <choose>
        <if variable="container-author" match="none">
          <names variable="editor"><name/></names>
        </if>
      </choose>
    </group>
  </macro>"#,
        r#"<layout><group delimiter=", ">
    <text variable="title"/>
    <text macro="editor"/>
    <text variable="container-title"/>
  </group></layout>"#,
    );
    let yaml = "alone:\n  type: chapter\n  title: Introduction\n  \
                parent:\n    type: book\n    title: Contesting Rights\n\
                edited:\n  type: chapter\n  title: Preface\n  \
                parent:\n    type: book\n    title: Other Rights\n    editor: Doe, Jane\n";
    assert_eq!(
        bibliography(&style, yaml),
        ["Introduction, Contesting Rights", "Preface, in Jane Doe, Other Rights"]
    );
}

/// CSL title case capitalises a title's last word even when it is a stop word, and leaves a
/// word of one letter in lower case unless it was written in capitals.
#[test]
fn title_case_capitalises_the_last_word_and_not_single_letters() {
    use citationberg::TextCase;

    use crate::lang::{Case, CaseFolder};

    let title = Case::from(TextCase::TitleCase);
    assert_eq!(
        title.transform("prior to the landmark definition of"),
        "Prior to the Landmark Definition Of"
    );
    assert_eq!(
        title.transform("decades (gallagher, 2015a, b; morrison, 2002) of vitamin B"),
        "Decades (Gallagher, 2015a, b; Morrison, 2002) of Vitamin B"
    );
    // The last word is the one written before the case changes (the closing quotation
    // mark), not the end of the whole entry.
    let mut folder = CaseFolder::with_config(title);
    folder.push_str("the landmark definition of");
    folder.reconfigure(Case::NoTransform);
    folder.push_str(".” in the end");
    assert_eq!(folder.finish(), "The Landmark Definition Of.” in the end");

    let style = style(
        "",
        r#"<layout suffix="."><text variable="title" text-case="title" quotes="true"/></layout>"#,
    );
    let yaml = "hynes:\n  type: article\n  title: prior to the landmark definition of\n";
    assert_eq!(bibliography(&style, yaml), ["“Prior to the Landmark Definition Of.”"]);
}

/// The citations of one author's two works, told apart by a `disambiguate="true"` branch
/// (MLA's short title): both take the title, not only the second.
#[test]
fn disambiguation_by_choose_applies_to_every_ambiguous_work() {
    let xml = r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="(" suffix=")"><group delimiter=", ">
    <names variable="author"><name form="short"/></names>
    <choose><if disambiguate="true"><text variable="title" font-style="italic"/></if></choose>
  </group></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>"#;
    let style = IndependentStyle::from_xml(xml).unwrap();
    let yaml = "power:\n  type: book\n  title: Power\n  author: Keohane, Robert\n  date: 1977\n\
                after:\n  type: book\n  title: After Hegemony\n  author: Keohane, Robert\n  \
                date: 2005\n\
                other:\n  type: book\n  title: Other\n  author: Risse, Thomas\n  date: 2000\n";
    let bib = from_yaml_str(yaml).unwrap();
    let mut driver = BibliographyDriver::new();
    for entry in bib.iter() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(entry)],
            &style,
            None,
            &[],
            None,
        ));
    }
    let finished = driver.finish(BibliographyRequest {
        style: &style,
        locale: None,
        locale_files: &[],
    });
    let citations: Vec<String> = finished
        .citations
        .iter()
        .map(|c| format!("{:#}", c.citation))
        .collect();
    assert_eq!(citations, ["(Keohane, Power)", "(Keohane, After Hegemony)", "(Risse)"]);
}

/// MLA's author macro prints the author as a substitute for the composer; a later
/// `<else-if variable="author">` still sees the author (only the output suppresses a
/// substituted variable), so a book's volume is not printed from the `<else>` branch.
#[test]
fn a_condition_sees_a_variable_printed_as_a_substitute() {
    let style = style(
        r#"<macro name="author">
    <names variable="composer"><name/><substitute><names variable="author"/></substitute></names>
  </macro>
  <macro name="number">
    <choose>
      <if variable="editor"><text variable="volume"/></if>
      <else-if variable="author">
        <choose><if variable="translator"><text variable="volume"/></if></choose>
      </else-if>
      <else><text variable="volume" prefix="Vol. "/></else>
    </choose>
  </macro>"#,
        r#"<layout><group delimiter=". ">
    <text macro="author"/><text variable="title"/><text macro="number"/><text variable="publisher"/>
  </group></layout>"#,
    );
    let yaml = "lombard:\n  type: book\n  title: Handbook\n  author: Lombard, Nancy\n  \
                volume: 332\n  publisher: Routledge\n";
    assert_eq!(bibliography(&style, yaml), ["Nancy Lombard. Handbook. Routledge"]);
}

/// Title case leaves a word in mixed case as written (CSL: "the case of words in mixed or
/// uppercase stays the same") and still capitalises lower-case words.
#[test]
fn title_case_keeps_words_in_mixed_case() {
    use citationberg::TextCase;

    use crate::lang::Case;

    let title = Case::from(TextCase::TitleCase);
    assert_eq!(
        title.transform("mRNA vaccines in PLoS one and eLife: a McDonald review"),
        "mRNA Vaccines in PLoS One and eLife: A McDonald Review"
    );
    // The last word, capitalised when a stop word, keeps its mixed case too.
    assert_eq!(title.transform("reviewed in eLife"), "Reviewed in eLife");
    // A stop word written with a capital stays (citeproc-js only capitalises), and the stop
    // words are citeproc-js's: `through` is one, a capital `S` is not.
    assert_eq!(
        title.transform("the Art Of war through time in Proc Natl Acad Sci U S A"),
        "The Art Of War through Time in Proc Natl Acad Sci U S A"
    );
}

/// Where a style does not initialize given names (`initialize="false"`, Chicago and MLA),
/// initials joined by a hyphen are written apart (`S. Y.`, as citeproc-js does); a
/// hyphenated given name is left alone.
#[test]
fn hyphenated_initials_stand_apart_when_not_initializing() {
    let style = style(
        "",
        r#"<layout><names variable="author">
    <name initialize="false" initialize-with=". " name-as-sort-order="all" delimiter="; "/>
  </names></layout>"#,
    );
    let yaml = "cho:\n  type: article\n  title: T\n  author: [\"Cho, S.-Y.\", \"Picard, Jean-Luc\"]\n";
    assert_eq!(bibliography(&style, yaml), ["Cho, S. Y.; Picard, Jean-Luc"]);
}

/// Punctuation that meets punctuation is merged as citeproc-js merges it: the full stop
/// pulled into the quotation marks, or an affix after a title, is not doubled, `?` and `:`
/// swallow it, and `.` before `,` stays.
#[test]
fn punctuation_where_pieces_meet_is_merged() {
    let style = style(
        "",
        r#"<layout suffix="."><group delimiter=" "><text variable="title" quotes="true" suffix="."/>
    <text variable="container-title" suffix=","/><text variable="volume"/></group></layout>"#,
    );
    let yaml = "a:\n  type: article\n  title: In the ocean.\n  volume: 4\n  \
                parent:\n    type: periodical\n    title: Nature\n\
                b:\n  type: article\n  title: Is it light?\n  volume: 5\n  \
                parent:\n    type: periodical\n    title: Proc. Natl. Acad. Sci. U.S.A.\n";
    assert_eq!(
        bibliography(&style, yaml),
        ["“In the ocean.” Nature, 4.", "“Is it light?” Proc. Natl. Acad. Sci. U.S.A., 5."]
    );
}

/// A style without `page-range-format` prints a page range as written; with one, the range
/// is reformatted.
#[test]
fn page_ranges_are_kept_unless_the_style_formats_them() {
    let yaml = "a:\n  type: article\n  title: T\n  page-range: 330-5\n";
    let layout = r#"<layout><text variable="page"/></layout>"#;
    assert_eq!(bibliography(&style("", layout), yaml), ["330–5"]);
    let expanded = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" page-range-format="expanded">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="page"/></layout></bibliography>
</style>"#,
    )
    .unwrap();
    assert_eq!(bibliography(&expanded, yaml), ["330–335"]);
}

/// Names the citation's disambiguation adds (`Fiala, Lin, et al.` beside `Fiala, Liu, et
/// al.`) are added in the bibliography too, each in the bibliography's own long form.
#[test]
fn names_added_to_disambiguate_keep_the_bibliographys_form() {
    let xml = r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" et-al-min="3" et-al-use-first="1" initialize-with=". ">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="et-al">et al.</term></terms></locale>
  <citation disambiguate-add-names="true"><layout prefix="(" suffix=")">
    <names variable="author"><name form="short" delimiter=", "/></names>
  </layout></citation>
  <bibliography><layout>
    <names variable="author"><name name-as-sort-order="first" delimiter=", " delimiter-precedes-et-al="always"/></names>
  </layout></bibliography>
</style>"#;
    let style = IndependentStyle::from_xml(xml).unwrap();
    let yaml = "lin:\n  type: article\n  title: A\n  date: 2005\n  \
                author: [\"Fiala, M.\", \"Lin, J.\", \"Ringman, J.\"]\n\
                liu:\n  type: article\n  title: B\n  date: 2007\n  \
                author: [\"Fiala, M.\", \"Liu, P. T.\", \"Newton, A.\"]\n";
    assert_eq!(
        bibliography(&style, yaml),
        ["Fiala, M., J. Lin, et al.", "Fiala, M., P. T. Liu, et al."]
    );
}

/// A particle written in a CSL-JSON family name is non-dropping: a style that never demotes
/// it prints `de la Torre, J. R.`; a capitalised `De Angelis` is a family name written whole.
/// (Needs the `csl-json` feature: `--features csl-json`.)
#[cfg(feature = "csl-json")]
#[test]
fn a_particle_in_a_csl_json_family_name_is_non_dropping() {
    let xml = r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><names variable="author"><name name-as-sort-order="all" initialize-with=". " delimiter="; "/></names></layout></bibliography>
</style>"#;
    let style = IndependentStyle::from_xml(xml).unwrap();
    let json = r#"[{"id": "t", "type": "article-journal", "title": "T",
        "author": [{"family": "de la Torre", "given": "J. R."}, {"family": "De Angelis", "given": "C."}]}]"#;
    let items: Vec<citationberg::json::Item> = serde_json::from_str(json).unwrap();
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::new(
        vec![CitationItem::with_entry(&items[0])],
        &style,
        None,
        &[],
        None,
    ));
    let finished =
        driver.finish(BibliographyRequest { style: &style, locale: None, locale_files: &[] });
    let entries: Vec<String> = finished
        .bibliography
        .unwrap()
        .items
        .iter()
        .map(|i| format!("{:#}", i.content))
        .collect();
    assert_eq!(entries, ["de la Torre, J. R.; De Angelis, C."]);
}

/// A CSL-JSON range of years prints both years, joined by the year part's
/// `range-delimiter` (an en dash by default), with a year suffix after the last; it
/// panicked ("ranges are not supported"). A range of months prints its first date; a cite
/// collapsed into the one before it prints its suffix alone (`1984–1986a, b`).
/// (Needs the `csl-json` feature: `--features csl-json`.)
#[cfg(feature = "csl-json")]
#[test]
fn a_csl_json_range_of_years_prints_both_years() {
    let xml = r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true"><layout><group delimiter=" ">
    <names variable="author"><name form="short"/></names>
    <date variable="issued"><date-part name="year"/></date></group></layout></citation>
  <bibliography><layout><group delimiter=" "><text variable="title"/>
    <date variable="issued" prefix="(" suffix=")"><date-part name="year" range-delimiter="/"/></date>
  </group></layout></bibliography>
</style>"#;
    let style = IndependentStyle::from_xml(xml).unwrap();
    let json = r#"[
        {"id": "a", "type": "book", "title": "A", "author": [{"family": "Knuth"}],
         "issued": {"date-parts": [[1984], [1986]]}},
        {"id": "b", "type": "book", "title": "B", "author": [{"family": "Knuth"}],
         "issued": {"date-parts": [[1984], [1986]]}},
        {"id": "c", "type": "book", "title": "C", "author": [{"family": "Knuth"}],
         "issued": {"date-parts": [[2001, 5], [2001, 6]]}}]"#;
    let items: Vec<citationberg::json::Item> = serde_json::from_str(json).unwrap();
    let mut driver = BibliographyDriver::new();
    for item in &items {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(item)],
            &style,
            None,
            &[],
            None,
        ));
    }
    let finished =
        driver.finish(BibliographyRequest { style: &style, locale: None, locale_files: &[] });
    let citations: Vec<String> =
        finished.citations.iter().map(|c| format!("{:#}", c.citation)).collect();
    assert_eq!(citations, ["Knuth 1984–1986a", "Knuth 1984–1986b", "Knuth 2001"]);
    let entries: Vec<String> = finished
        .bibliography
        .unwrap()
        .items
        .iter()
        .map(|i| format!("{:#}", i.content))
        .collect();
    assert_eq!(entries, ["A (1984/1986a)", "B (1984/1986b)", "C (2001)"]);

    // Cited together and collapsed, the second prints its suffix alone, with no range.
    let collapsing = IndependentStyle::from_xml(&xml.replace("<layout>", "<layout delimiter=\"; \">").replace(
        "<citation disambiguate-add-year-suffix=\"true\">",
        "<citation disambiguate-add-year-suffix=\"true\" collapse=\"year-suffix\" cite-group-delimiter=\", \">",
    ))
    .unwrap();
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::new(
        items.iter().take(2).map(CitationItem::with_entry).collect(),
        &collapsing,
        None,
        &[],
        None,
    ));
    let finished = driver.finish(BibliographyRequest {
        style: &collapsing,
        locale: None,
        locale_files: &[],
    });
    let citations: Vec<String> =
        finished.citations.iter().map(|c| format!("{:#}", c.citation)).collect();
    assert_eq!(citations, ["Knuth 1984–1986a, b"]);
}

/// Where punctuation stays outside the quotation marks, a full stop after them merges with
/// the quoted text's own through them; a comma stays.
#[test]
fn punctuation_outside_the_quotes_merges_through_them() {
    let xml = r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><style-options punctuation-in-quote="false"/><terms>
    <term name="open-quote">‘</term><term name="close-quote">’</term>
  </terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" "><text variable="title" quotes="true" suffix="."/>
    <text variable="title" quotes="true" suffix=","/><text variable="volume"/></group></layout></bibliography>
</style>"#;
    let style = IndependentStyle::from_xml(xml).unwrap();
    let yaml = "a:\n  type: article\n  title: In the ocean.\n  volume: 4\n";
    assert_eq!(bibliography(&style, yaml), ["‘In the ocean.’ ‘In the ocean.’, 4"]);
}

/// Chicago's author macro holds `<names variable="editor"/>` inside a `<choose>` of its
/// `<substitute>`: the editor is still written with the author's `<name>` and `<label>`, as
/// citeproc-js writes it, and so is a substitute inside a macro the substitute calls.
#[test]
fn names_anywhere_in_a_substitute_inherit_the_name_and_label() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="and">and</term>
    <term name="editor" form="short"><single>ed.</single><multiple>eds.</multiple></term>
  </terms></locale>
  <macro name="editors"><names variable="editor"/></macro>
  <macro name="author">
    <names variable="author">
      <name and="text" initialize="false" name-as-sort-order="first"/>
      <label form="short" prefix=", "/>
      <substitute>
        <choose><if type="book"><names variable="editor"/></if></choose>
        <text macro="editors"/>
      </substitute>
    </names>
  </macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=". " suffix="."><text macro="author"/>
    <text variable="title"/></group></layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "gaonkar:\n  type: book\n  title: Alternative Modernities\n  \
                editor: [\"Gaonkar, Dilip Parameshwar\"]\n\
                westfahl:\n  type: anthology\n  title: Space and Beyond\n  \
                editor: [\"Westfahl, Gary\", \"Slusser, George\"]\n";
    assert_eq!(
        bibliography(&style, yaml),
        [
            "Gaonkar, Dilip Parameshwar, ed. Alternative Modernities.",
            "Westfahl, Gary and George Slusser, eds. Space and Beyond.",
        ]
    );
}

/// Vancouver's author macro: a `<names>` with only a `<label>` and a `<substitute>`, no
/// `<name>`, prints its names with the style's inherited name options.
#[test]
fn names_without_a_name_element_print_their_names() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" initialize-with="" name-as-sort-order="all" sort-separator=" " demote-non-dropping-particle="sort-only">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><label prefix=", "/>
    <substitute><names variable="editor"/></substitute></names></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=". " suffix=".">
    <text macro="author"/><text variable="title"/></group></layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "porter:\n  type: article\n  title: Toward a new conception\n  \
                author: [\"Porter, Michael E.\", \"Fay, Sarah\"]\n";
    assert_eq!(
        bibliography(&style, yaml),
        ["Porter ME, Fay S. Toward a new conception."]
    );
}

/// A `<label>` in a `<names>` without a `<name>` follows the names: Vancouver lists an
/// edited book as `Gaonkar DP, editor.`, where it printed `, editorGaonkar DP.`
#[test]
fn a_label_without_a_name_element_follows_the_names() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" initialize-with="" name-as-sort-order="all" sort-separator=" ">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms>
    <term name="editor"><single>editor</single><multiple>editors</multiple></term>
  </terms></locale>
  <macro name="author"><names variable="author"><label prefix=", "/>
    <substitute><names variable="editor"/></substitute></names></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=". " suffix=".">
    <text macro="author"/><text variable="title"/></group></layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "gaonkar:\n  type: book\n  title: Alternative Modernities\n  \
                editor: [\"Gaonkar, Dilip Parameshwar\"]\n\
                westfahl:\n  type: anthology\n  title: Space and Beyond\n  \
                editor: [\"Westfahl, Gary\", \"Slusser, George\"]\n";
    assert_eq!(
        bibliography(&style, yaml),
        [
            "Gaonkar DP, editor. Alternative Modernities.",
            "Westfahl G, Slusser G, editors. Space and Beyond.",
        ]
    );
}

/// A date whose delimiter is a space (Vancouver's `2015 Mar 4`) prints a year-only date
/// with no space after it; a page label with `plural="never"` stays singular.
#[test]
fn missing_date_parts_take_no_delimiter_and_labels_follow_plural() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="page" form="short"><single>p.</single><multiple>pp.</multiple></term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=";"><date variable="issued" delimiter=" ">
    <date-part name="year"/><date-part name="month" form="short"/><date-part name="day"/>
  </date><text variable="volume"/></group>
  <group prefix=" " delimiter=" "><label variable="page" form="short" plural="never"/>
    <text variable="page"/></group></layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "a:\n  type: article\n  title: T\n  date: 2015\n  volume: 3\n  page-range: 2-21\n";
    assert_eq!(bibliography(&style, yaml), ["2015;3 p. 2–21"]);
}

/// A label's term takes the style's `text-case` whatever the item's language: the term is
/// in the style's locale.
#[test]
fn a_label_term_is_cased_by_the_locale_not_the_item() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="editor" form="short"><single>ed.</single><multiple>eds.</multiple></term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><names variable="editor"><name/><label form="short" prefix=" (" suffix=")" text-case="capitalize-first"/></names></layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "a:\n  type: book\n  title: Die Länder\n  language: de\n  editor: [\"Seibt, Ferdinand\"]\n";
    assert_eq!(bibliography(&style, yaml), ["Ferdinand Seibt (Ed.)"]);
}

/// A quotation in double marks inside a quoted title takes the inner marks.
#[test]
fn a_quotation_inside_a_quoted_title_is_flipped() {
    let style = style("", r#"<layout><text variable="title" quotes="true"/></layout>"#);
    let yaml = "a:\n  type: article\n  title: “Clicked” sugar\n";
    assert_eq!(bibliography(&style, yaml), ["“‘Clicked’ sugar”"]);
}

/// A page value that is not page numbers is plural when it lists pages.
#[test]
fn a_list_of_pages_not_in_numbers_is_plural() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="page" form="short"><single>p.</single><multiple>pp.</multiple></term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" "><label variable="page" form="short"/><text variable="page"/></group></layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "a:\n  type: book\n  title: T\n  page-range: xii, 692\n\
                b:\n  type: book\n  title: U\n  page-range: xii\n";
    assert_eq!(bibliography(&style, yaml), ["pp. xii, 692", "p. xii"]);
}

/// The in-text citation of each entry of `yaml`, each cited alone, with a citation layout
/// `(names, year)` whose `<citation>` has the attributes `citation_attrs`.
fn citations_with(citation_attrs: &str, yaml: &str) -> Vec<String> {
    let xml = format!(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation {citation_attrs}><layout prefix="(" suffix=")"><group delimiter=", ">
    <names variable="author"><name form="short" and="symbol" delimiter=", " initialize-with=". "/></names>
    <date variable="issued"><date-part name="year"/></date>
  </group></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>"#
    );
    let style = IndependentStyle::from_xml(&xml).unwrap();
    let bib = from_yaml_str(yaml).unwrap();
    let mut driver = BibliographyDriver::new();
    for entry in bib.iter() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(entry)],
            &style,
            None,
            &[],
            None,
        ));
    }
    let finished = driver.finish(BibliographyRequest {
        style: &style,
        locale: None,
        locale_files: &[],
    });
    finished
        .citations
        .iter()
        .map(|c| format!("{:#}", c.citation))
        .collect()
}

/// Two first authors of one family and different initials, one Smith cited twice, and a
/// second author whose family has other initials elsewhere.
const SAME_FAMILY: &str = "a:\n  type: article\n  title: A\n  date: 2003\n  \
    author: [\"Ioannidis, J. P.\"]\n\
    b:\n  type: article\n  title: B\n  date: 2005\n  author: [\"Ioannidis, J. P. A.\"]\n\
    c:\n  type: article\n  title: C\n  date: 2005\n  \
    author: [\"Ioannidis, J. P.\", \"Trikalinos, T. A.\"]\n\
    d:\n  type: article\n  title: D\n  date: 2006\n  \
    author: [\"Lau, Joseph\", \"Trikalinos, Q.\"]\n\
    e:\n  type: article\n  title: E\n  date: 2001\n  author: [\"Smith, John\"]\n\
    f:\n  type: article\n  title: F\n  date: 2002\n  author: [\"Smith, John\"]\n";

/// APA's `primary-name-with-initials`: a first author whose family another first author
/// shares with other initials takes initials in every cite, though no two cites are alike;
/// one person cited twice takes none, nor does a second author.
#[test]
fn primary_name_with_initials_tells_first_authors_apart_in_every_cite() {
    let attrs = r#"disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name-with-initials""#;
    assert_eq!(
        citations_with(attrs, SAME_FAMILY),
        [
            "(J. P. Ioannidis, 2003)",
            "(J. P. A. Ioannidis, 2005)",
            "(J. P. Ioannidis & Trikalinos, 2005)",
            "(Lau & Trikalinos, 2006)",
            "(Smith, 2001)",
            "(Smith, 2002)",
        ]
    );
}

/// `primary-name` shows full given names where initials do not tell two first authors
/// apart; `primary-name-with-initials` then leaves them as they are.
#[test]
fn primary_name_adds_full_given_names_where_initials_agree() {
    let yaml = "a:\n  type: article\n  title: A\n  date: 2001\n  author: [\"Doe, John\"]\n\
                b:\n  type: article\n  title: B\n  date: 2002\n  author: [\"Doe, Jane\"]\n\
                c:\n  type: article\n  title: C\n  date: 2003\n  author: [\"Roe, Ann\"]\n\
                d:\n  type: article\n  title: D\n  date: 2004\n  author: [\"Roe, Bea\"]\n";
    let full = r#"disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name""#;
    assert_eq!(
        citations_with(full, yaml),
        ["(John Doe, 2001)", "(Jane Doe, 2002)", "(A. Roe, 2003)", "(B. Roe, 2004)"]
    );
    let initials = r#"disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name-with-initials""#;
    assert_eq!(
        citations_with(initials, yaml),
        ["(Doe, 2001)", "(Doe, 2002)", "(A. Roe, 2003)", "(B. Roe, 2004)"]
    );
}

/// `all-names` expands second authors too; `by-cite` (the default) expands no name of a cite
/// that is not ambiguous.
#[test]
fn all_names_expands_every_name_and_by_cite_only_ambiguous_cites() {
    let all =
        r#"disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names""#;
    assert_eq!(
        citations_with(all, SAME_FAMILY),
        [
            "(J. P. Ioannidis, 2003)",
            "(J. P. A. Ioannidis, 2005)",
            "(J. P. Ioannidis & T. A. Trikalinos, 2005)",
            "(Lau & Q. Trikalinos, 2006)",
            "(Smith, 2001)",
            "(Smith, 2002)",
        ]
    );
    for by_cite in [
        r#"disambiguate-add-givenname="true""#,
        r#"disambiguate-add-givenname="true" givenname-disambiguation-rule="by-cite""#,
    ] {
        assert_eq!(
            citations_with(by_cite, SAME_FAMILY),
            [
                "(Ioannidis, 2003)",
                "(Ioannidis, 2005)",
                "(Ioannidis & Trikalinos, 2005)",
                "(Lau & Trikalinos, 2006)",
                "(Smith, 2001)",
                "(Smith, 2002)",
            ]
        );
    }
    let ambiguous = "a:\n  type: article\n  title: A\n  date: 2001\n  author: [\"Doe, John\"]\n\
                     b:\n  type: article\n  title: B\n  date: 2001\n  author: [\"Doe, Adam\"]\n";
    assert_eq!(
        citations_with(r#"disambiguate-add-givenname="true""#, ambiguous),
        ["(J. Doe, 2001)", "(A. Doe, 2001)"]
    );
}

/// The in-text citations of the entries of `yaml` in APA (the archived style), each cited
/// alone and in that order.
#[cfg(feature = "archive")]
fn apa_citations(yaml: &str) -> Vec<String> {
    let citationberg::Style::Independent(apa) =
        crate::archive::ArchivedStyle::AmericanPsychologicalAssociation.get()
    else {
        panic!("APA is an independent style");
    };
    let locales = crate::archive::locales();
    let bib = from_yaml_str(yaml).unwrap();
    let mut driver = BibliographyDriver::new();
    for entry in bib.iter() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(entry)],
            &apa,
            None,
            &locales,
            None,
        ));
    }
    let finished = driver.finish(BibliographyRequest {
        style: &apa,
        locale: None,
        locale_files: &locales,
    });
    finished
        .citations
        .iter()
        .map(|c| format!("{:#}", c.citation))
        .collect()
}

/// Two works of one author and year take year suffixes though a name step marks their group
/// without changing it: `Smith, Jr., John` and `Smith, John` are two names to the name step,
/// which APA prints alike (`Smith`). The group once stopped at that step in every round. The
/// first authors `J. P.` and `J. P. A. Ioannidis` keep their initials.
#[test]
#[cfg(feature = "archive")]
fn a_name_step_that_changes_nothing_leaves_the_year_suffixes_to_follow() {
    let yaml = "a:\n  type: article\n  title: A\n  date: 2001\n  \
                author: [\"Ioannidis, J. P.\", \"Lau, Joseph\", \"Trikalinos, T. A.\"]\n\
                b:\n  type: article\n  title: B\n  date: 2001\n  \
                author: [\"Ioannidis, J. P. A.\", \"Lau, Joseph\", \"Trikalinos, T. A.\"]\n\
                c:\n  type: article\n  title: C\n  date: 2005\n  author: [\"Smith, John\"]\n\
                d:\n  type: article\n  title: D\n  date: 2005\n  author: [\"Smith, Jr., John\"]\n";
    assert_eq!(
        apa_citations(yaml),
        [
            "(J. P. Ioannidis et al., 2001)",
            "(J. P. A. Ioannidis et al., 2001)",
            "(Smith, 2005a)",
            "(Smith, 2005b)",
        ]
    );
}

/// Every group of same-year works takes year suffixes, not only the first three: the
/// disambiguation has three rounds, and once a group of a round was marked, the groups after
/// it in that round went without.
#[test]
#[cfg(feature = "archive")]
fn every_group_of_same_year_works_takes_year_suffixes() {
    let mut yaml = String::new();
    for (family, year) in
        [("Adams", 2001), ("Brown", 2002), ("Clark", 2003), ("Davis", 2004)]
    {
        for title in ["One", "Two"] {
            yaml += &format!(
                "{family}-{title}:\n  type: article\n  title: {title}\n  date: {year}\n  \
                 author: [\"{family}, Ann\"]\n"
            );
        }
    }
    assert_eq!(
        apa_citations(&yaml),
        [
            "(Adams, 2001a)",
            "(Adams, 2001b)",
            "(Brown, 2002a)",
            "(Brown, 2002b)",
            "(Clark, 2003a)",
            "(Clark, 2003b)",
            "(Davis, 2004a)",
            "(Davis, 2004b)",
        ]
    );
}

/// PATCH 25: year suffixes follow the bibliography's order (APA sorts one author's works of a
/// year by title), not the order the works are cited in, as citeproc-js letters them.
#[test]
#[cfg(feature = "archive")]
fn year_suffixes_follow_the_bibliography() {
    let yaml = "\
smith-zebra:\n  type: article\n  title: Zebras\n  date: 2001\n  author: [\"Smith, Ann\"]\n\
smith-apple:\n  type: article\n  title: Apples\n  date: 2001\n  author: [\"Smith, Ann\"]\n";
    assert_eq!(apa_citations(yaml), ["(Smith, 2001b)", "(Smith, 2001a)"]);
}

/// A list that ends in `others` (a list its source shortened) prints the names before it and
/// "et al.", with the delimiter before it only after two names or more; with
/// `et-al-use-last`, "et al." rather than an ellipsis and `others` as a name.
#[test]
fn a_list_ending_in_others_prints_et_al() {
    let style = IndependentStyle::from_xml(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="et-al">et al.</term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography et-al-min="4" et-al-use-first="2" et-al-use-last="true"><layout suffix=".">
    <names variable="author"><name initialize-with="." delimiter=", "/></names>
  </layout></bibliography>
</style>"#,
    )
    .unwrap();
    let yaml = "a:\n  type: article\n  title: A\n  \
                author: [\"Stajich, J.\", \"Block, D.\", \"others\"]\n\
                b:\n  type: article\n  title: B\n  \
                author: [\"Holgate, S.\", \"others\"]\n\
                c:\n  type: article\n  title: C\n  \
                author: [\"Cock, P.\", \"Antao, T.\", \"Chang, J.\", \"Chapman, B.\", \"others\"]\n";
    assert_eq!(
        bibliography(&style, yaml),
        ["J. Stajich, D. Block, et al.", "S. Holgate et al.", "P. Cock, T. Antao, et al."]
    );
}
