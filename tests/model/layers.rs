//! The layers hold: every `crate::` path in `src/` is checked against the "Layers" table of
//! `ARCHITECTURE.md`, so the document and the code cannot drift apart, and no source file grows
//! past the size a reader can hold in mind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The most lines a file under `src/` may have.
const MAX_LINES: usize = 800;

/// Module name → the modules it may import, as `ARCHITECTURE.md`'s "Layers" table states.
type Allowed = BTreeMap<String, BTreeSet<String>>;

/// The modules a row's "May import" cell names: every `` `name` `` in it, or all of them for
/// "every module".
fn cell_modules(cell: &str) -> Option<BTreeSet<String>> {
    if cell.contains("every module") {
        return None;
    }
    Some(
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect(),
    )
}

/// Reads the "Layers" table: `| `module` | layer | `a`, `b` |` rows after a `## Layers` heading.
fn layers_table(architecture: &str) -> Result<(Allowed, BTreeSet<String>), String> {
    let section = architecture
        .split("\n## ")
        .find(|part| part.starts_with("Layers"))
        .ok_or("ARCHITECTURE.md has no \"## Layers\" section")?;
    let mut allowed = Allowed::new();
    let mut unrestricted = BTreeSet::new();
    for line in section.lines().filter(|line| line.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(module), Some(may_import)) = (cells.get(1), cells.get(3)) else {
            return Err(format!("a Layers row has too few cells: {line}"));
        };
        let module = module.trim_matches('`').to_owned();
        match cell_modules(may_import) {
            Some(modules) => {
                allowed.insert(module, modules);
            }
            None => {
                unrestricted.insert(module);
            }
        }
    }
    if allowed.is_empty() {
        return Err("the Layers table of ARCHITECTURE.md has no rows".to_owned());
    }
    Ok((allowed, unrestricted))
}

/// The top-level module a file under `src/` belongs to: `corpus` for `src/corpus/load.rs`,
/// `cli` for `src/cli.rs`.
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// The text of a source file without its comment lines (a doc comment may name the layer above
/// that calls a module; only code depends on it).
fn code_only(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim_start().starts_with("//") {
                ""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module named as `crate::name` in `text`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let code = code_only(text);
    code.match_indices("crate::")
        .filter(|(at, _)| {
            // `paperlens_crate::x` or `foo_crate::` are not paths into this crate.
            code[..*at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
        .map(|(at, prefix)| {
            code[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// One message per import that the table does not allow, and per module it does not list.
fn violations(files: &[(PathBuf, String)], architecture: &str) -> Result<Vec<String>, String> {
    let (allowed, unrestricted) = layers_table(architecture)?;
    let mut found = Vec::new();
    for (relative, text) in files {
        let module = module_of(relative);
        if module == "lib" || unrestricted.contains(&module) {
            continue;
        }
        let Some(may_import) = allowed.get(&module) else {
            found.push(format!(
                "src/{}: module `{module}` is not in ARCHITECTURE.md's Layers table; add a row \
                 saying what it may import",
                relative.display()
            ));
            continue;
        };
        for imported in crate_paths(text) {
            if imported != module && !may_import.contains(&imported) {
                found.push(format!(
                    "src/{}: `{module}` imports `crate::{imported}`, which its layer may not \
                     (ARCHITECTURE.md allows: {})",
                    relative.display(),
                    if may_import.is_empty() {
                        "nothing outside itself".to_owned()
                    } else {
                        may_import.iter().cloned().collect::<Vec<_>>().join(", ")
                    }
                ));
            }
        }
    }
    Ok(found)
}

/// Every `.rs` file under `dir`, as (path relative to `root`, text), in a stable order.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push((relative, text));
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &src, &mut files);
    files
}

fn architecture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
        .unwrap_or_default()
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let files = sources();
    assert!(files.len() > 20, "src/ should hold the program's sources");
    let found = violations(&files, &architecture()).unwrap_or_else(|e| vec![e]);
    assert!(found.is_empty(), "layer violations:\n{}", found.join("\n"));
}

#[test]
fn a_reach_upwards_is_caught() {
    let table = "# A\n\n## Layers\n\n| Module | Layer | May import |\n|---|---|---|\n\
                 | `corpus` | model | — |\n| `formats` | formats | `corpus` |\n\
                 | `app` | window | `corpus`, `formats` |\n| `cli` | command line | `corpus` |\n\
                 | `main` | entry point | every module |\n";
    let files = vec![
        (
            PathBuf::from("corpus/load.rs"),
            "use crate::formats::import;\n/// Called by [`crate::app`]: a comment is not an import.\n"
                .to_owned(),
        ),
        (
            PathBuf::from("app/mod.rs"),
            "use crate::cli::WindowArgs;\nuse crate::corpus::Corpus;\n".to_owned(),
        ),
        (PathBuf::from("cli.rs"), "use crate::corpus;\n".to_owned()),
        (PathBuf::from("main.rs"), "use crate::app;\n".to_owned()),
        (PathBuf::from("palette.rs"), "pub const X: u8 = 1;\n".to_owned()),
    ];
    let found = violations(&files, table).unwrap_or_else(|e| vec![e]);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].contains("`corpus` imports `crate::formats`"),
        "{}",
        found[0]
    );
    assert!(
        found[1].contains("`app` imports `crate::cli`"),
        "{}",
        found[1]
    );
    assert!(
        found[2].contains("`palette` is not in ARCHITECTURE.md"),
        "{}",
        found[2]
    );
}

#[test]
fn no_source_file_is_over_the_size_limit() {
    let too_long: Vec<String> = sources()
        .iter()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(path, lines)| format!("src/{}: {lines} lines", path.display()))
        .collect();
    assert!(
        too_long.is_empty(),
        "files over {MAX_LINES} lines (split them by responsibility):\n{}",
        too_long.join("\n")
    );
}
