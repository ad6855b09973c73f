//! Each accepted form of citation, and each look-alike that is not one.

use super::*;

/// The pieces of `text`, with no syntax errors.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let (pieces, errors) = parse(text);
    assert!(errors.is_empty(), "{text:?}: {errors:?}");
    pieces
}

/// The Pandoc groups in `text`.
fn groups(text: &str) -> Vec<Group<'_>> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Group(group) => Some(group),
            _ => None,
        })
        .collect()
}

/// The keys of each Pandoc group in `text`.
fn keys(text: &str) -> Vec<Vec<&str>> {
    groups(text)
        .iter()
        .map(|g| g.cites.iter().map(|c| c.key).collect())
        .collect()
}

/// The numeric markers in `text`: as written, and their numbers.
fn numeric(text: &str) -> Vec<(&str, Vec<(u32, u32)>)> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Numeric(marker) => Some((marker.written, marker.numbers)),
            _ => None,
        })
        .collect()
}

/// The pieces put back together: every piece's source text, in order.
fn rejoined(text: &str) -> String {
    pieces(text)
        .iter()
        .map(|p| match p {
            Piece::Text(t) => (*t).to_owned(),
            Piece::Group(g) => text.get(g.range.clone()).unwrap_or_default().to_owned(),
            Piece::Numeric(m) => m.written.to_owned(),
            Piece::Footnote { range, .. } | Piece::Math { range, .. } => {
                text.get(range.clone()).unwrap_or_default().to_owned()
            }
        })
        .collect()
}

/// The plain-text pieces of `text`, joined.
fn plain_text(text: &str) -> String {
    pieces(text)
        .iter()
        .map(|p| match p {
            Piece::Text(t) => *t,
            _ => "",
        })
        .collect()
}

/// The inline math in `text`: each formula's TeX.
fn math(text: &str) -> Vec<&str> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Math { tex, .. } => Some(tex),
            _ => None,
        })
        .collect()
}

#[test]
fn inline_math_follows_pandocs_rule_and_holds_no_citation() {
    assert_eq!(math(r"when $t \leq \tau$ and $x$."), [r"t \leq \tau", "x"]);
    // Nothing inside is a citation or a numeric marker.
    let text = r"the range $\left[0, 1\right]$ [1] and $a@b [@x]$";
    assert_eq!(math(text), [r"\left[0, 1\right]", "a@b [@x]"]);
    assert!(groups(text).is_empty());
    assert_eq!(numeric(text), vec![("[1]", vec![(1, 1)])]);
    assert_eq!(rejoined(text), text);
    // Amounts of money are text: a `$` before a space or a digit, or after a space, does not
    // close, and one before a space does not open.
    for text in [
        "from $5 to $10 a day",
        "US$3,000.00; worth $100 an hour, or $50?",
        "costs $ 5 and 6$",
        "a lone $ sign, and $$ twice",
        "x$",
        "$",
    ] {
        assert!(math(text).is_empty(), "{text:?}");
        assert_eq!(rejoined(text), text);
    }
    // An escaped dollar is a dollar, and opens nothing.
    let text = r"\$x$ costs";
    assert!(math(text).is_empty());
    assert_eq!(plain_text(text), "$x$ costs");
    // Many dollars that never close stay linear (each closing search is remembered).
    let many = "$1 ".repeat(50_000);
    assert!(math(&many).is_empty());
}

#[test]
fn parses_single_and_grouped_citations() {
    let text = "A [@x] b [@y; @z].";
    let found = groups(text);
    assert_eq!(keys(text), vec![vec!["x"], vec!["y", "z"]]);
    assert_eq!(found.first().map(|g| g.range.clone()), Some(2..6));
    assert_eq!(found.get(1).map(|g| g.range.clone()), Some(9..17));
    assert!(found.iter().all(|g| !g.narrative));
    assert_eq!(rejoined(text), text);
}

#[test]
fn prefix_locator_and_suffix() {
    let found =
        groups("[see @a, p. 33] [@b, pp. 33-35 and passim] [@c p. 33] [@d, chap. 2; also @e]");
    let cite = |g: usize| {
        found
            .get(g)
            .and_then(|g| g.cites.first())
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(
        (cite(0).prefix, cite(0).key, cite(0).locator, cite(0).suffix),
        ("see", "a", "p. 33", "")
    );
    assert_eq!(
        (cite(1).locator, cite(1).suffix),
        ("pp. 33-35", "and passim")
    );
    assert_eq!((cite(2).key, cite(2).locator), ("c", "p. 33"));
    assert_eq!(cite(3).locator, "chap. 2");
    let second = found
        .get(3)
        .and_then(|g| g.cites.get(1))
        .cloned()
        .unwrap_or_default();
    assert_eq!((second.prefix, second.key), ("also", "e"));
    // A bare number is a page; words that are no locator are a suffix.
    assert_eq!(pandoc::split_locator(", 33"), ("33", ""));
    assert_eq!(
        pandoc::split_locator(", and elsewhere"),
        ("", "and elsewhere")
    );
    assert_eq!(
        pandoc::split_locator(", p. iv, 3–5, and later"),
        ("p. iv, 3–5", ", and later")
    );
}

#[test]
fn bracketed_keys_run_to_a_space_comma_or_semicolon() {
    // Any id works in brackets, even with punctuation Pandoc would end a narrative key at.
    assert_eq!(
        keys("[@à÷] [@a.; @b:c/d, p. 3] [@{odd key}]"),
        vec![vec!["à÷"], vec!["a.", "b:c/d"], vec!["odd key"]]
    );
}

#[test]
fn suppressed_author() {
    let found = groups("Porter says so [-@porter1995] and [see -@smith, p. 3].");
    assert!(
        found
            .iter()
            .all(|g| g.cites.iter().all(|c| c.suppress_author))
    );
    assert_eq!(
        found.get(1).and_then(|g| g.cites.first()).map(|c| c.prefix),
        Some("see")
    );
}

#[test]
fn narrative_citations_in_running_text() {
    let text = "As @porter1995 argue, and @smith2020. (see @doe:2021) but @{odd key}'s view.";
    let found = groups(text);
    assert_eq!(
        keys(text),
        vec![
            vec!["porter1995"],
            vec!["smith2020"],
            vec!["doe:2021"],
            vec!["odd key"]
        ]
    );
    assert!(found.iter().all(|g| g.narrative));
    // The full stop after a key is the sentence's.
    assert_eq!(found.get(1).map(|g| g.range.clone()), Some(26..36));
    assert_eq!(rejoined(text), text);
}

#[test]
fn narrative_citation_with_a_locator() {
    let text = "@smith04 [p. 33] says so; @doe [chap. 2, and notes] too.";
    let found = groups(text);
    let first = found
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no citation in {text:?}"));
    assert_eq!(text.get(first.range.clone()), Some("@smith04 [p. 33]"));
    assert_eq!(first.cites.first().map(|c| c.locator), Some("p. 33"));
    let second = found
        .get(1)
        .and_then(|g| g.cites.first())
        .cloned()
        .unwrap_or_default();
    assert_eq!((second.locator, second.suffix), ("chap. 2", ", and notes"));
}

#[test]
fn e_mail_addresses_and_lone_at_signs_are_text() {
    for text in [
        "write to ada@example.org today",
        "[contact: ada@example.org]",
        "meet @ noon, or @@ twice",
        "price: 3 @ 5",
        "escaped \\@handle stays",
    ] {
        assert!(groups(text).is_empty(), "{text:?}");
    }
    // The backslash of an escape is not printed.
    let text = "escaped \\@handle and \\[2006]";
    assert_eq!(plain_text(text), "escaped @handle and [2006]");
    assert!(numeric(text).is_empty());
    // An escaped parenthesis opens no numeric marker: an equation's or a list item's number.
    let text = "from \\(1) the count, as Eq. \\(2, 3) says";
    assert_eq!(plain_text(text), "from (1) the count, as Eq. (2, 3) says");
    assert!(numeric(text).is_empty());
    assert_eq!(
        numeric("as Eq. (2, 3) says").len(),
        1,
        "unescaped, it is one"
    );
}

#[test]
fn plain_brackets_are_text() {
    let text = "see [this] and [sic] and [a, b] and [3a] and [1.5] and []";
    assert_eq!(pieces(text), vec![Piece::Text(text)]);
}

#[test]
fn printed_numeric_markers() {
    assert_eq!(numeric("rates [1]."), vec![("[1]", vec![(1, 1)])]);
    assert_eq!(
        numeric("in [4], [5] and"),
        vec![("[4], [5]", vec![(4, 4), (5, 5)])]
    );
    assert_eq!(
        numeric("in [4],[5]."),
        vec![("[4],[5]", vec![(4, 4), (5, 5)])]
    );
    assert_eq!(
        numeric("in [17]–[21]."),
        vec![("[17]–[21]", vec![(17, 21)])]
    );
    assert_eq!(
        numeric("in [17]-[21]."),
        vec![("[17]-[21]", vec![(17, 21)])]
    );
    assert_eq!(numeric("in [1-3]."), vec![("[1-3]", vec![(1, 3)])]);
    assert_eq!(
        numeric("in [1–3, 7]."),
        vec![("[1–3, 7]", vec![(1, 3), (7, 7)])]
    );
    assert_eq!(
        numeric("deaths (1,2)."),
        vec![("(1,2)", vec![(1, 1), (2, 2)])]
    );
    assert_eq!(numeric("deaths (1–3)."), vec![("(1–3)", vec![(1, 3)])]);
    assert_eq!(numeric("deaths (4)."), vec![("(4)", vec![(4, 4)])]);
    // Two markers with words between them are two citations.
    assert_eq!(numeric("[4] and [5]").len(), 2);
    // A backwards range is parsed as written (the text pass reports it).
    assert_eq!(numeric("[5–3]"), vec![("[5–3]", vec![(5, 3)])]);
    let text = "A [1], [2]–[4] and (5, 6) b.";
    assert_eq!(rejoined(text), text);
}

#[test]
fn numbers_in_parentheses_that_are_no_markers() {
    for text in [
        "in (n = 30) cases",
        "the year (2006a) and (1.5) and (p < 0.05)",
        "the aims: (1) to count, (2) to compare, and (3) to report",
        "(1) Background comes first",
        "the circuit. (1) Protons cross. (2) They return",
        "a call find(10) and x(2)",
        "median 35 (28–40) vs 31 (24–38); n = 5 (3, 4)",
        "ages (1 to 3)",
        "unclosed (1, 2 and more",
    ] {
        assert!(numeric(text).is_empty(), "{text:?}: {:?}", numeric(text));
    }
    // `(2006)` is a candidate; the text pass keeps it as text unless reference 2006 exists.
    assert_eq!(numeric("(2006)"), vec![("(2006)", vec![(2006, 2006)])]);
}

#[test]
fn footnote_markers_are_their_own_pieces() {
    let text = "Counted twice.[^fn1] Not [^ spaced] nor [^].";
    let found: Vec<(&str, std::ops::Range<usize>)> = pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Footnote { id, range } => Some((id, range)),
            _ => None,
        })
        .collect();
    assert_eq!(found, vec![("fn1", 14..20)]);
    assert!(groups(text).is_empty() && numeric(text).is_empty());
    assert_eq!(rejoined(text), text);
}

#[test]
fn unclosed_and_empty_citations_are_errors() {
    let (_, errors) = parse("oops [@x and more");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.first().map(|e| e.offset), Some(5));
    let (pieces, errors) = parse("a [@] b [@ok]");
    assert_eq!(errors.len(), 1);
    assert!(
        pieces
            .iter()
            .any(|p| matches!(p, Piece::Group(g) if g.cites.first().map(|c| c.key) == Some("ok")))
    );
    // Two keys without `;`, and an entry without a key.
    let (_, errors) = parse("[@a @b] and [@a; Smith 2000] and [see @a;]");
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors
            .first()
            .is_some_and(|e| e.message.contains("separate two keys with `;`"))
    );
    // Pandoc reads a bracket with an entry holding no key as text around in-text citations.
    let cite_in_text: Vec<bool> = errors.iter().map(|e| e.keys_cite_in_text).collect();
    assert_eq!(cite_in_text, [false, true, true]);
    // A citation opened again before it is closed.
    let (pieces, errors) = parse("Nested [@a [@b]] here");
    assert_eq!(errors.len(), 1);
    assert!(
        errors
            .first()
            .is_some_and(|e| e.message.contains("before the next `[@`"))
    );
    assert!(
        pieces
            .iter()
            .any(|p| matches!(p, Piece::Group(g) if g.cites.first().map(|c| c.key) == Some("b")))
    );
}

#[test]
fn a_doubled_at_is_taken_as_the_key_written() {
    let (pieces, errors) = parse("[@@r1]");
    assert!(errors.is_empty());
    assert!(
        pieces
            .iter()
            .any(|p| matches!(p, Piece::Group(g) if g.cites.first().map(|c| c.key) == Some("@r1")))
    );
}

#[test]
fn parsing_stays_linear_on_runaway_input() {
    for text in [
        "[".repeat(200_000) + "]",
        "(1,".repeat(100_000),
        "@a [".repeat(100_000),
        "@{".repeat(100_000),
        "[1],".repeat(100_000),
        "[x @".repeat(100_000) + "]",
        "a.".repeat(100_000),
    ] {
        let started = std::time::Instant::now();
        let _ = parse(&text);
        assert!(
            // Each takes well under a second when linear (quadratic would take minutes); the
            // bound leaves room for a loaded machine.
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}…",
            text.get(..8)
        );
    }
}

fn work(number: Option<u32>, authors: &str, year: &str) -> CitedWork {
    CitedWork {
        number,
        authors: authors.to_owned(),
        year: year.to_owned(),
    }
}

/// The printed form of the one citation in `text`.
fn printed(text: &str, lookup: &dyn Fn(&str) -> Option<CitedWork>) -> String {
    groups(text)
        .first()
        .map(|g| {
            let works: Vec<(&str, Option<CitedWork>)> =
                g.cites.iter().map(|c| (c.key, lookup(c.key))).collect();
            printed_form(g, |key| {
                works
                    .iter()
                    .find(|(k, _)| *k == key)
                    .and_then(|(_, w)| w.as_ref())
            })
        })
        .unwrap_or_default()
}

#[test]
fn printed_form_with_numbers() {
    let numbered = |key: &str| match key {
        "a" => Some(work(Some(2), "Porter", "1995")),
        "b" => Some(work(Some(4), "Smith & Jones", "2000")),
        _ => None,
    };
    assert_eq!(printed("[@a; @b]", &numbered), "[2], [4]");
    assert_eq!(printed("[see @a, p. 33]", &numbered), "[see 2, p. 33]");
    assert_eq!(
        printed("[@a, pp. 33-35 and passim]", &numbered),
        "[2, pp. 33-35 and passim]"
    );
    assert_eq!(printed("[-@a]", &numbered), "[2]");
    assert_eq!(printed("@a says", &numbered), "Porter [2]");
    assert_eq!(printed("@a [p. 3] says", &numbered), "Porter [2, p. 3]");
    assert_eq!(printed("[@zz]", &numbered), "[?zz]");
}

#[test]
fn printed_form_author_date() {
    let unnumbered = |key: &str| match key {
        "porter" => Some(work(None, "Porter", "1995")),
        "smith" => Some(work(None, "Smith & Jones", "2000")),
        "numbered" => Some(work(Some(1), "Doe", "2001")),
        _ => None,
    };
    assert_eq!(
        printed("[@porter; @smith, p. 3]", &unnumbered),
        "(Porter, 1995; Smith & Jones, 2000, p. 3)"
    );
    assert_eq!(printed("@porter says", &unnumbered), "Porter (1995)");
    assert_eq!(
        printed("@porter [p. 33] says", &unnumbered),
        "Porter (1995, p. 33)"
    );
    assert_eq!(printed("[-@porter]", &unnumbered), "(1995)");
    assert_eq!(
        printed("[see -@porter, p. 2]", &unnumbered),
        "(see 1995, p. 2)"
    );
    // One unnumbered work makes the whole group author-date.
    assert_eq!(
        printed("[@numbered; @porter]", &unnumbered),
        "(Doe, 2001; Porter, 1995)"
    );
    assert_eq!(
        printed("[@porter; @zz]", &unnumbered),
        "(Porter, 1995; ?zz)"
    );
}

#[test]
fn an_escaped_semicolon_stays_in_its_entry() {
    let unnumbered = |key: &str| match key {
        "porter" => Some(work(None, "Porter", "1995")),
        "smith" => Some(work(None, "Smith & Jones", "2000")),
        _ => None,
    };
    // `\;` is a `;` of the prefix (or suffix), not one between two entries: Pandoc's reading.
    let text = "splitting and SDC [SDC\\; see, e.g., @porter; @smith, p. 3\\; passim].";
    assert_eq!(keys(text), [vec!["porter", "smith"]]);
    assert_eq!(
        printed(text, &unnumbered),
        "(SDC; see, e.g., Porter, 1995; Smith & Jones, 2000, p. 3; passim)"
    );
    // Unescaped, the key-less `SDC` makes the bracket no group. Outside a group `\;` prints
    // `;`.
    let (_, errors) = parse("[SDC; see @porter]");
    assert!(
        errors.len() == 1 && errors.iter().all(|e| e.keys_cite_in_text),
        "{errors:?}"
    );
    assert_eq!(plain_text("a\\; b"), "a; b");
    // A `;` ending the group leaves an empty entry, said so (Pandoc reads no group either).
    let (_, errors) = parse("[@porter; @smith;]");
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        ["citation group `[@porter; @smith;]` has an empty entry (a `;` with no `@key` after it)"]
    );
}

#[test]
fn citations_that_give_their_printed_form() {
    let text = "as shown [Smith et al., 2019]{@smith2019} and [[1]–[3]]{@a; @b;@c}.";
    let found = groups(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].printed, Some("Smith et al., 2019"));
    assert_eq!(keys(text), vec![vec!["smith2019"], vec!["a", "b", "c"]]);
    assert_eq!(found[1].printed, Some("[1]–[3]"));
    for group in &found {
        for cite in &group.cites {
            assert_eq!(&text[cite.key_range.clone()], cite.key);
        }
    }
    let work = |_: &str| None;
    assert_eq!(printed_form(&found[0], work), "Smith et al., 2019");
    // Without `{@…}` right after it, a bracket is what it was before.
    assert!(groups("[Smith, 2019] {x}").is_empty());
    assert_eq!(numeric("[1]{x}"), vec![("[1]", vec![(1, 1)])]);
    // A key list that is not `@key`s gives no printed form (`@a` is then read as in running
    // text).
    assert!(groups("[x]{@a b}").iter().all(|g| g.printed.is_none()));
    assert!(groups("[x]{@}").is_empty());
}

#[test]
fn a_printed_form_with_a_bracket_it_does_not_close_escapes_it() {
    // GROBID splits `[1,7]` into `[1,` and `7]`; each keeps its printed form.
    let text = r"in patients. [\[1,]{@b0}[7\]]{@b5} However, [\[8,\[9\]]{@b6; @b7}.";
    let found = groups(text);
    assert_eq!(keys(text), vec![vec!["b0"], vec!["b5"], vec!["b6", "b7"]]);
    let work = |_: &str| None;
    let printed: Vec<String> = found.iter().map(|g| printed_form(g, work)).collect();
    assert_eq!(printed, ["[1,", "7]", "[8,[9]"]);
}

#[test]
fn tex_that_reads_as_inline_math_is_read_back_whole() {
    for tex in [r"t \leq \tau", "x", r"\left[0, 1\right]", "a@b"] {
        assert!(super::reads_as_inline_math(tex), "{tex:?}");
        assert_eq!(math(&format!("see ${tex}$ here")), [tex]);
    }
    for tex in ["", " x", "x ", r"x \"] {
        assert!(!super::reads_as_inline_math(tex), "{tex:?}");
        assert!(math(&format!("see ${tex}$ here")) != [tex], "{tex:?}");
    }
    // A dollar within is refused: whether it closes depends on what is around it.
    assert!(!super::reads_as_inline_math("a$b"));
}
