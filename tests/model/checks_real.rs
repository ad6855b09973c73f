//! The citation check on the real papers of `../shared/data/papers/` (JATS, TEI, Markdown):
//! few references flagged. Prints, per paper, the references, how many are flagged by the
//! citation-level checks (anachronism, topic mismatch) and by any check, and the flags by
//! check; with `--nocapture` the README's table is reproduced:
//! `cargo test --test model checks_real -- --nocapture`.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use paperlens::corpus::Corpus;
use paperlens::corpus::checks::{CitationChecks, FlagKind};
use paperlens::open::open_path;

/// The most references the citation-level checks (anachronism and topic mismatch) may flag in
/// one real paper, as a share of its references.
const MAX_CITATION_LEVEL_SHARE: f64 = 0.15;

/// Every real paper: the JATS and TEI files and each Markdown paper's `paper.md`.
fn real_papers() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/papers");
    if !root.exists() {
        println!("skipped: {} is not present", root.display());
        return None;
    }
    let mut papers = Vec::new();
    for folder in ["jats", "tei", "markdown"] {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .expect("read the papers folder")
            .map(|entry| entry.expect("a folder entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                papers.push(path.join("paper.md"));
            } else {
                papers.push(path);
            }
        }
    }
    Some(papers)
}

fn open(path: &Path) -> Corpus {
    open_path(path)
        .corpus
        .unwrap_or_else(|| panic!("{} opens", path.display()))
}

/// The distinct references flagged by the flags of `kinds`.
fn flagged(checks: &CitationChecks, kinds: &[FlagKind]) -> usize {
    checks
        .flags
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .filter_map(|f| f.reference)
        .collect::<BTreeSet<_>>()
        .len()
}

#[allow(clippy::cast_precision_loss)]
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn checks_real_papers_flag_few_references() {
    let Some(papers) = real_papers() else {
        return;
    };
    let verbose = std::env::var_os("PAPERLENS_CHECKS_VERBOSE").is_some();
    let mut failures = Vec::new();
    println!(
        "| Paper | References | Flagged (anachronism, topic) | Flagged (any check) | Flags by check |"
    );
    println!("|---|---|---|---|---|");
    let builtin = PathBuf::from("built-in");
    for path in std::iter::once(builtin.clone()).chain(papers) {
        let corpus = if path == builtin {
            Corpus::builtin()
        } else {
            open(&path)
        };
        let checks = CitationChecks::run(&corpus);
        let references = corpus.file.references.len();
        let citation_level = flagged(&checks, &[FlagKind::Anachronism, FlagKind::TopicMismatch]);
        let any = flagged(&checks, &FlagKind::ALL);
        let mut by_check: BTreeMap<&str, usize> = BTreeMap::new();
        for flag in &checks.flags {
            *by_check.entry(flag.check).or_default() += 1;
        }
        let name = path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/papers"))
            .unwrap_or(&path)
            .display()
            .to_string();
        let checks_text = by_check
            .iter()
            .map(|(check, n)| format!("{check} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "| {name} | {references} | {citation_level} ({:.0}%) | {any} ({:.0}%) | {} |",
            share(citation_level, references) * 100.0,
            share(any, references) * 100.0,
            if checks_text.is_empty() {
                "none"
            } else {
                &checks_text
            }
        );
        if verbose {
            for flag in &checks.flags {
                let id = flag
                    .reference
                    .and_then(|r| corpus.file.references.get(r))
                    .map_or("-", |r| r.id.as_str());
                println!(
                    "    {} {id}: {}\n      {}\n      > {}",
                    flag.check, flag.message, flag.evidence, flag.sentence
                );
                if flag.citation.is_none()
                    && let Some(reference) =
                        flag.reference.and_then(|r| corpus.file.references.get(r))
                {
                    println!(
                        "      = {}",
                        serde_json::to_string(reference).unwrap_or_default()
                    );
                }
            }
        }
        // The built-in paper is the one known to cite badly: it is shown for comparison.
        if path != builtin && share(citation_level, references) > MAX_CITATION_LEVEL_SHARE {
            failures.push(format!(
                "{name}: {citation_level} of {references} references flagged by anachronism or topic mismatch"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
