//! Random TEI documents built from the elements the importer reads, nested every which way:
//! each must import without panicking and make a corpus that validates.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::formats::paper::random::Random;
use crate::formats::paper::{ImportOptions, PaperKind, import};

/// Elements GROBID writes in a body, some more often than others.
const ELEMENTS: [&str; 26] = [
    "div", "div", "head", "head", "p", "p", "s", "ref", "ref", "ref", "formula", "label", "list",
    "item", "figure", "table", "row", "cell", "figDesc", "note", "hi", "lb", "graphic", "head",
    "quote", "listBibl",
];

const TEXTS: [&str; 9] = [
    "word",
    " ",
    ", ",
    "–",
    "[",
    "]",
    "@x",
    "(1–3)",
    "We found (WHO) 12 ",
];

fn attributes(random: &mut Random, name: &str) -> String {
    match name {
        "ref" => {
            let kind = random.pick(&["bibr", "bibr", "foot", "table", "figure", "formula"]);
            let target = random.pick(&["#b1", "#b2 #b3", "#b9", "", "#foot_0", "#b1 #b1"]);
            if target.is_empty() {
                format!(r#" type="{kind}""#)
            } else {
                format!(r#" type="{kind}" target="{target}""#)
            }
        }
        "head" => format!(
            r#" n="{}""#,
            random.pick(&["1", "2", "2.1", "2.1.1", "", "3.", "A.1", "x y", ".."])
        ),
        "cell" => format!(
            r#" cols="{}""#,
            random.pick(&["1", "2", "3", "0", "x", "99"])
        ),
        "row" => random.pick(&["", r#" role="head""#]).to_owned(),
        "figure" => random.pick(&["", r#" type="table""#]).to_owned(),
        "note" => format!(
            r#" place="{}" xml:id="{}" n="{}""#,
            random.pick(&["foot", "foot", "margin"]),
            random.pick(&["foot_0", "foot_1", "foot_0", "bad id"]),
            random.pick(&["1", "", "2"])
        ),
        "graphic" => r#" url="g.png""#.to_owned(),
        _ => String::new(),
    }
}

fn tree(random: &mut Random, depth: usize, out: &mut String) {
    let children = if depth > 9 { 0 } else { random.below(5) };
    for _ in 0..children {
        if random.below(3) == 0 {
            out.push_str(random.pick(&TEXTS));
            continue;
        }
        let name = random.pick(&ELEMENTS);
        let attributes = attributes(random, name);
        let _ = write!(out, "<{name}{attributes}>");
        tree(random, depth + 1, out);
        let _ = write!(out, "</{name}>");
    }
}

fn document(random: &mut Random) -> String {
    let mut body = String::new();
    tree(random, 0, &mut body);
    let mut back = String::new();
    tree(random, 3, &mut back);
    format!(
        r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Random</title></titleStmt></fileDesc></teiHeader><text><body>{body}</body><back>{back}<div type="references"><listBibl><biblStruct xml:id="b1"><monogr><title level="m">One</title></monogr></biblStruct><biblStruct xml:id="b2"><analytic><title level="a">Two</title></analytic><monogr><title level="j">J</title></monogr></biblStruct><biblStruct xml:id="b3"><monogr><title/></monogr><note type="raw_reference">Three.</note></biblStruct><biblStruct xml:id="b1"/></listBibl></div></back></text></TEI>"#
    )
}

#[test]
fn random_documents_import_into_valid_corpora() {
    for seed in 1..=1500_u64 {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let text = document(&mut random);
        let imported = import(PaperKind::Tei, &text, &ImportOptions::default())
            .unwrap_or_else(|error| panic!("seed {seed}: {}\n{text}", error.message));
        if let Err(errors) = Corpus::from_file(imported.file, "random") {
            let messages: Vec<String> = errors
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.message.clone())
                .collect();
            panic!("seed {seed}: {messages:#?}\n{text}");
        }
    }
}
