//! The limits that keep a hostile `.bib` file from exhausting the stack, the memory or the
//! time of the parser, which resolves nested braces, `@string` abbreviations and `crossref`
//! inheritance recursively: each entry past a limit is reported and skipped.

use std::collections::{HashMap, HashSet};

use biblatex::RawBibliography;

/// The deepest nesting of braces an entry may have; deeper ones are skipped, as the parser
/// reads nested commands recursively.
pub(super) const MAX_BRACE_DEPTH: usize = 64;

/// Where braces first nest deeper than [`MAX_BRACE_DEPTH`], if they do.
pub(super) fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => {
                depth += 1;
                if depth > MAX_BRACE_DEPTH {
                    return Some(at);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The deepest chain of `@string` abbreviations resolved.
const MAX_ABBREVIATION_DEPTH: usize = 32;

/// The most text abbreviations may expand to in one `@string` or one field: 1 MiB.
const MAX_ABBREVIATION_BYTES: usize = 1024 * 1024;

/// The `@string` definitions and entries (their offsets, with what is wrong) whose
/// abbreviations refer back to themselves, nest deeper than [`MAX_ABBREVIATION_DEPTH`] or
/// expand to more than [`MAX_ABBREVIATION_BYTES`]. Each abbreviation is measured once.
pub(super) fn abbreviation_problems(raw: &RawBibliography<'_>) -> Vec<(usize, String)> {
    // As the parser resolves them: by exact name, the last definition winning.
    let definitions: HashMap<&str, &biblatex::Pair<'_>> =
        raw.abbreviations.iter().map(|p| (p.key.v, p)).collect();
    let mut measured: HashMap<&str, Expansion> = HashMap::new();
    let mut problems = Vec::new();
    for pair in &raw.abbreviations {
        let mut visiting = HashSet::new();
        if let Err(what) = expansion(pair.key.v, &definitions, &mut measured, &mut visiting, 0) {
            problems.push((pair.key.span.start, what));
        }
    }
    for entry in &raw.entries {
        for pair in &entry.v.fields {
            let mut total = 0usize;
            for chunk in &pair.value.v {
                if let biblatex::RawChunk::Abbreviation(name) = chunk.v {
                    let mut visiting = HashSet::new();
                    match expansion(name, &definitions, &mut measured, &mut visiting, 1) {
                        Ok(found) => total = total.saturating_add(found.bytes),
                        Err(what) => {
                            problems.push((entry.span.start, what));
                            total = 0;
                            break;
                        }
                    }
                }
            }
            if total > MAX_ABBREVIATION_BYTES {
                problems.push((
                    entry.span.start,
                    format!(
                        "its field `{}` expands to more than {} KiB of abbreviations",
                        pair.key.v,
                        MAX_ABBREVIATION_BYTES / 1024
                    ),
                ));
            }
        }
    }
    problems.sort_unstable();
    problems.dedup_by_key(|(at, _)| *at);
    problems
}

/// What an abbreviation expands to: its length in bytes, and how deep its abbreviations nest.
#[derive(Clone, Copy)]
struct Expansion {
    bytes: usize,
    depth: usize,
}

/// What abbreviation `name` expands to (`measured` remembers the ones done), or what is
/// wrong with it. `call_depth` bounds this function's own recursion.
fn expansion<'s>(
    name: &'s str,
    definitions: &HashMap<&'s str, &biblatex::Pair<'s>>,
    measured: &mut HashMap<&'s str, Expansion>,
    visiting: &mut HashSet<&'s str>,
    call_depth: usize,
) -> Result<Expansion, String> {
    let too_deep =
        || format!("its abbreviations nest more than {MAX_ABBREVIATION_DEPTH} levels deep");
    if let Some(&found) = measured.get(name) {
        return if call_depth + found.depth > MAX_ABBREVIATION_DEPTH {
            Err(too_deep())
        } else {
            Ok(found)
        };
    }
    let Some(pair) = definitions.get(name) else {
        // A month name, or an unknown abbreviation the parser reports itself.
        return Ok(Expansion {
            bytes: name.len(),
            depth: 0,
        });
    };
    if call_depth > MAX_ABBREVIATION_DEPTH {
        return Err(too_deep());
    }
    if !visiting.insert(name) {
        return Err(format!(
            "the abbreviation `{name}` is defined in terms of itself"
        ));
    }
    let mut found = Expansion { bytes: 0, depth: 1 };
    for chunk in &pair.value.v {
        let (bytes, depth) = match chunk.v {
            biblatex::RawChunk::Normal(text) => (text.len(), 0),
            biblatex::RawChunk::Abbreviation(inner) => {
                let inner = expansion(inner, definitions, measured, visiting, call_depth + 1)?;
                (inner.bytes, inner.depth)
            }
        };
        found.bytes = found.bytes.saturating_add(bytes);
        found.depth = found.depth.max(depth + 1);
        if found.bytes > MAX_ABBREVIATION_BYTES {
            return Err(format!(
                "the abbreviation `{name}` expands to more than {} KiB",
                MAX_ABBREVIATION_BYTES / 1024
            ));
        }
    }
    visiting.remove(name);
    measured.insert(name, found);
    if call_depth + found.depth > MAX_ABBREVIATION_DEPTH {
        return Err(too_deep());
    }
    Ok(found)
}

/// The longest chain of `crossref`/`xdata` inheritance resolved.
const MAX_INHERITANCE_DEPTH: usize = 32;

/// The most text all entries together may inherit through `crossref` and `xdata`: 16 MiB.
const MAX_INHERITED_BYTES: usize = 16 * 1024 * 1024;

/// An entry as inheritance sees it: the entry the parser keeps for a key (the first), the keys
/// it inherits from and how much text of its own it passes on.
pub(super) struct Heir<'s> {
    /// The entry's key.
    key: &'s str,
    /// The byte offset of its `@`.
    at: usize,
    /// The bytes of its fields other than `crossref` and `xdata`.
    own_bytes: usize,
    /// The keys named by its `crossref` and `xdata` fields, in order.
    parents: Vec<String>,
}

/// Every entry the parser keeps, in file order, as inheritance sees it. `first` maps each key
/// to the offset of the entry that holds it.
pub(super) fn heirs<'s>(raw: &RawBibliography<'s>, first: &HashMap<&str, usize>) -> Vec<Heir<'s>> {
    let mut heirs = Vec::new();
    for entry in &raw.entries {
        if first.get(entry.v.key.v) != Some(&entry.span.start) {
            continue;
        }
        let mut heir = Heir {
            key: entry.v.key.v,
            at: entry.span.start,
            own_bytes: 0,
            parents: Vec::new(),
        };
        for pair in &entry.v.fields {
            let name = pair.key.v.to_ascii_lowercase();
            if name == "crossref" || name == "xdata" {
                let value: String = pair
                    .value
                    .v
                    .iter()
                    .map(|chunk| match chunk.v {
                        biblatex::RawChunk::Normal(s) | biblatex::RawChunk::Abbreviation(s) => s,
                    })
                    .collect();
                heir.parents.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned),
                );
            } else {
                let bytes: usize = pair.value.v.iter().map(|c| c.span.len()).sum();
                heir.own_bytes = heir.own_bytes.saturating_add(bytes);
            }
        }
        heirs.push(heir);
    }
    heirs
}

/// The entries (their offsets, with what is wrong) past the point where the text inherited
/// through `crossref` and `xdata`, counted over the whole file in order, exceeds
/// [`MAX_INHERITED_BYTES`].
pub(super) fn inheritance_budget_problems(heirs: &[Heir<'_>]) -> Vec<(usize, String)> {
    /// What the entry `key` inherits: its parents' sizes and what they inherit, to a bounded
    /// depth.
    fn inherited(
        key: &str,
        by_key: &HashMap<&str, &Heir<'_>>,
        memo: &mut HashMap<String, usize>,
        depth: usize,
    ) -> usize {
        if depth > MAX_INHERITANCE_DEPTH {
            return 0;
        }
        if let Some(&known) = memo.get(key) {
            return known;
        }
        let mut total = 0usize;
        if let Some(heir) = by_key.get(key) {
            for parent in &heir.parents {
                let own = by_key.get(parent.as_str()).map_or(0, |p| p.own_bytes);
                total = total.saturating_add(own).saturating_add(inherited(
                    parent,
                    by_key,
                    memo,
                    depth + 1,
                ));
            }
        }
        memo.insert(key.to_owned(), total);
        total
    }
    let by_key: HashMap<&str, &Heir<'_>> = heirs.iter().map(|h| (h.key, h)).collect();
    let mut memo = HashMap::new();
    let mut running = 0usize;
    let mut problems = Vec::new();
    for heir in heirs {
        let amount = inherited(heir.key, &by_key, &mut memo, 0);
        if amount == 0 {
            continue;
        }
        if running.saturating_add(amount) > MAX_INHERITED_BYTES {
            problems.push((
                heir.at,
                format!(
                    "the text inherited through `crossref` in this file passes {} MiB here",
                    MAX_INHERITED_BYTES / (1024 * 1024)
                ),
            ));
        } else {
            running += amount;
        }
    }
    problems
}

/// The entries (their offsets, with what is wrong) whose `crossref` or `xdata` chain comes
/// back to them or runs deeper than [`MAX_INHERITANCE_DEPTH`].
pub(super) fn inheritance_problems(heirs: &[Heir<'_>]) -> Vec<(usize, String)> {
    let parents: HashMap<&str, &[String]> = heirs
        .iter()
        .filter(|h| !h.parents.is_empty())
        .map(|h| (h.key, h.parents.as_slice()))
        .collect();
    let mut problems = Vec::new();
    for heir in heirs.iter().filter(|h| !h.parents.is_empty()) {
        let key = heir.key;
        // Depth-first over the parents, with an explicit stack of (key, depth).
        let mut stack: Vec<(&str, usize)> = vec![(key, 0)];
        let mut seen: HashSet<&str> = HashSet::new();
        let mut verdict = None;
        while let Some((current, depth)) = stack.pop() {
            if depth > MAX_INHERITANCE_DEPTH {
                verdict = Some(format!(
                    "its crossref chain is more than {MAX_INHERITANCE_DEPTH} entries long"
                ));
                break;
            }
            for parent in parents.get(current).copied().unwrap_or_default() {
                if parent == key {
                    verdict = Some(format!("its crossref chain leads back to `{key}` itself"));
                    break;
                }
                if seen.insert(parent.as_str()) {
                    stack.push((parent.as_str(), depth + 1));
                }
            }
            if verdict.is_some() {
                break;
            }
        }
        if let Some(what) = verdict {
            problems.push((heir.at, what));
        }
    }
    problems.sort_unstable();
    problems
}

#[cfg(test)]
mod tests {
    use crate::formats::bibtex::import;

    #[test]
    fn braces_nested_too_deeply_skip_the_entry_instead_of_overflowing() {
        let deep = format!(
            "@book{{a, title = {{{}y{}}}, year = 1}}\n@book{{b, title = {{B}}, year = 2}}\n",
            "\\x{".repeat(100_000),
            "}".repeat(100_000)
        );
        let imported = import(&deep);
        assert_eq!(imported.ids(), ["b"]);
        assert_eq!(imported.diagnostics.len(), 1);
        assert!(
            imported.diagnostics[0]
                .message
                .contains("nest more than 64")
        );
        assert_eq!(imported.diagnostics[0].location.map(|l| l.line), Some(1));
    }

    #[test]
    fn crossref_loops_are_skipped_instead_of_resolved_forever() {
        let text = "@book{a, title = {A}, crossref = {b}, year = 1}\n@book{b, title = {B}, crossref = {a}, year = 2}\n@book{self, title = {S}, crossref = {self}, year = 3}\n@book{c, title = {C}, year = 4}\n";
        let imported = import(text);
        assert_eq!(imported.ids(), ["c"]);
        assert_eq!(
            imported.diagnostic_lines(),
            [1, 2, 3],
            "{:?}",
            imported.diagnostics
        );
        assert!(imported.diagnostics[0].message.contains("leads back"));
    }
}
