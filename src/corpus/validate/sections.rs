//! Sections: titles, paragraph texts, and parents that make a cycle.

use std::collections::{HashMap, HashSet};

use super::{Sink, require_text};
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::CorpusFile;

/// Titles, paragraph texts, and parents that make a cycle (an unknown parent is a dangling link,
/// reported with the other links).
pub(super) fn check_sections(file: &CorpusFile, ids: &IdMaps<'_>, out: &mut Sink) {
    let parents: HashMap<&str, &str> = file
        .sections
        .iter()
        .filter_map(|s| s.parent.as_deref().map(|p| (s.id.as_str(), p)))
        .collect();
    let endless = endless_chains(&parents);
    for (i, section) in file.sections.iter().enumerate() {
        let path = JsonPath::root().key("sections").index(i);
        require_text(&section.title, "a section's title", path.key("title"), out);
        for (j, paragraph) in section.paragraphs.iter().enumerate() {
            require_text(
                &paragraph.text,
                "a paragraph's text",
                path.key("paragraphs").index(j).key("text"),
                out,
            );
        }
        let Some(parent) = &section.parent else {
            continue;
        };
        if !ids.contains(ItemKind::Section, parent) {
            continue;
        }
        // A section that is its own parent is reported once, not again as an ancestor.
        if parent == &section.id {
            out.push(
                Diagnostic::error(
                    Code::SectionCycle,
                    format!("section `{}` is its own parent", section.id),
                    "remove `parent`, or name the enclosing section",
                )
                .at(path.key("parent")),
            );
            continue;
        }
        // Following parents from here never reaches a top-level section: a cycle.
        if endless.contains(parent.as_str()) {
            out.push(
                Diagnostic::error(
                    Code::SectionCycle,
                    format!(
                        "section `{}` is its own ancestor through `parent`",
                        section.id
                    ),
                    "make `parent` point to an enclosing section, never to a descendant",
                )
                .at(path.key("parent")),
            );
        }
    }
}

/// The ids from which following `parents` never ends (ids on a cycle, or leading into one).
/// Each id is walked once, so a long chain of sections stays linear.
fn endless_chains<'a>(parents: &HashMap<&'a str, &'a str>) -> HashSet<&'a str> {
    let mut endless: HashSet<&str> = HashSet::new();
    let mut ends: HashSet<&str> = HashSet::new();
    for &start in parents.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashSet<&str> = HashSet::new();
        let mut current = start;
        let is_endless = loop {
            if endless.contains(current) || on_path.contains(current) {
                break true;
            }
            if ends.contains(current) {
                break false;
            }
            path.push(current);
            on_path.insert(current);
            match parents.get(current) {
                Some(&parent) => current = parent,
                None => break false,
            }
        };
        if is_endless {
            endless.extend(path);
        } else {
            ends.extend(path);
        }
    }
    endless
}
