//! Writing a file atomically: a reader of the file sees the old contents or the new, never a
//! part of them, even when the program or the machine stops half-way.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk
/// (fsync), then renamed over the old file. The folder is made when it is missing.
///
/// # Errors
/// Any I/O error on the way; the old file is then left as it was, and the temporary file is
/// removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let file_name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn a_write_replaces_the_whole_file_and_leaves_nothing_beside_it() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        let path = dir.path().join("paper.md.tour.json");
        assert!(write_atomically(&path, b"a long first version of the file").is_ok());
        assert!(write_atomically(&path, b"short").is_ok());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"short"[..]));
        assert_eq!(names_in(dir.path()), ["paper.md.tour.json"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_partial_file() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        // A folder where the file should be: the rename cannot replace it.
        let path = dir.path().join("paper.md.tour.json");
        assert!(std::fs::create_dir(&path).is_ok());
        assert!(write_atomically(&path, b"new steps").is_err());
        assert!(path.is_dir(), "what was there is left as it was");
        assert_eq!(names_in(dir.path()), ["paper.md.tour.json"]);
    }
}
