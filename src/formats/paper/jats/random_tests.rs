//! Random articles built from the JATS elements the importer reads, nested every which way:
//! each must import without panicking and make a corpus that validates.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::formats::paper::random::Random;
use crate::formats::paper::{ImportOptions, PaperKind, import};

/// Elements and the attributes they may get.
const ELEMENTS: [&str; 34] = [
    "sec",
    "p",
    "title",
    "label",
    "caption",
    "italic",
    "bold",
    "sup",
    "xref",
    "xref",
    "xref",
    "list",
    "list-item",
    "boxed-text",
    "disp-formula",
    "inline-formula",
    "tex-math",
    "fn",
    "fn-group",
    "table-wrap",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "table-wrap-foot",
    "fig",
    "graphic",
    "supplementary-material",
    "def-list",
    "def-item",
    "alternatives",
    "disp-quote",
];

const TEXTS: [&str; 8] = [
    "word",
    " ",
    ", ",
    "–",
    "[",
    "]",
    "(1–3)",
    "We found (WHO) 12 ",
];

fn attributes(random: &mut Random, name: &str) -> String {
    match name {
        "xref" => {
            let kind = random.pick(&["bibr", "bibr", "fn", "table", "table-fn", "aff"]);
            let rids = random.pick(&["b1", "b2 b3", "b9", "", "n1", "b1 b1", "b3"]);
            format!(r#" ref-type="{kind}" rid="{rids}""#)
        }
        "td" | "th" => {
            let span = random.pick(&["1", "2", "3", "0", "x", "9"]);
            let which = random.pick(&["colspan", "rowspan"]);
            format!(r#" {which}="{span}""#)
        }
        "fn" => format!(r#" id="{}""#, random.pick(&["n1", "n2", "n1"])),
        "graphic" => r#" xlink:href="g.png""#.to_owned(),
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

fn article(random: &mut Random) -> String {
    let mut body = String::new();
    tree(random, 0, &mut body);
    let mut back = String::new();
    tree(random, 3, &mut back);
    format!(
        r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Random</article-title></title-group></article-meta></front><body>{body}</body><back>{back}<fn-group><fn id="n2"><p>Two.</p></fn></fn-group><ref-list><ref id="b1"><label>1</label><mixed-citation>One (2001) A. B.</mixed-citation></ref><ref-list><ref id="b2"><label>2</label><element-citation><source>S</source></element-citation></ref></ref-list><ref id="b3"><label>3</label><mixed-citation><article-title>T</article-title></mixed-citation></ref></ref-list></back></article>"#
    )
}

#[test]
fn random_articles_import_into_valid_corpora() {
    for seed in 1..=1500_u64 {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let text = article(&mut random);
        let imported = import(PaperKind::Jats, &text, &ImportOptions::default())
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
