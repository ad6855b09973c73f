//! Crash reports: should paperlens ever panic, the usual message still goes to stderr, and a
//! report (message, where, backtrace, version, OS) is saved to the state directory so that it
//! can be attached to a bug report.
//!
//! The report goes to `$PAPERLENS_STATE_DIR` when that is set, else the directory paperlens
//! keeps its settings in (`~/.config/paperlens` on Linux; only in builds with the `gui`
//! feature), else the system's temporary directory. It is written atomically (a temporary
//! file, then a rename), so a crash while writing never leaves half a report.

use std::cell::Cell;
use std::io::Write as _;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The environment variable naming the directory paperlens keeps its state (and crash
/// reports) in.
pub const STATE_DIR_ENV: &str = "PAPERLENS_STATE_DIR";

/// When this environment variable is `1`, [`panic_if_requested`] panics; when it is `caught`,
/// it panics inside [`recover`], which catches it. The tests use it to check the panic hook in
/// the real binary. Nothing else sets it.
pub const TEST_PANIC_ENV: &str = "PAPERLENS_TEST_PANIC";

thread_local! {
    /// What the work running under [`recover`] on this thread is doing, while it runs.
    static RECOVERING: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Whether a panic caught by [`recover`] has been told of on stderr: once is enough.
static RECOVERED_TOLD: AtomicBool = AtomicBool::new(false);

/// Runs `work`, third-party code fed with user data whose failure the caller works around
/// (a citation renderer, a parser), and returns its result, or `None` should it panic.
/// `doing` says what it does, for the one line the panic hook then prints instead of the crash
/// notice (`formatting citations`): the program goes on, so no crash report is saved and the
/// next start does not speak of a crash. Whatever `work` changed before it panicked is left as
/// the panic left it; callers throw it away.
pub fn recover<T>(doing: &'static str, work: impl FnOnce() -> T) -> Option<T> {
    let outer = RECOVERING.replace(Some(doing));
    let result = std::panic::catch_unwind(AssertUnwindSafe(work));
    RECOVERING.set(outer);
    result.ok()
}

/// The line printed for a panic [`recover`] caught: what failed, the panic's message and
/// place, and what to do.
#[must_use]
pub fn recovered_notice(doing: &str, message: &str, location: &str) -> String {
    format!(
        "paperlens: {doing} failed on something in this input ({message}, at {location}); \
         what it was making is left out and paperlens goes on. Please report it with the file \
         that caused it."
    )
}

/// Installs the panic hook: the default hook's output first, then the report file and a
/// sentence saying where it is. A panic [`recover`] catches gets one line instead.
pub fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(doing) = RECOVERING.get() {
            if !RECOVERED_TOLD.swap(true, Ordering::Relaxed) {
                let notice = recovered_notice(doing, &panic_message(info), &panic_location(info));
                let _ = writeln!(std::io::stderr().lock(), "{notice}");
            }
            return;
        }
        default_hook(info);
        let report = render_report(info);
        let mut stderr = std::io::stderr().lock();
        // Nothing here may panic: a panic inside the hook would abort without a word.
        let _ = match save_report(&report_dir(), &report) {
            Ok(path) => writeln!(
                stderr,
                "paperlens hit an internal error. A report was saved to {}; please include it when you report the problem.",
                path.display()
            ),
            Err(error) => writeln!(
                stderr,
                "paperlens hit an internal error, and its report could not be saved ({error}). Please include the message above when you report the problem."
            ),
        };
    }));
}

/// Panics when [`TEST_PANIC_ENV`] is `1`, so that the tests can see the hook at work in the
/// real binary; when it is `caught`, panics inside [`recover`] and goes on. Does nothing
/// otherwise.
///
/// # Panics
/// When [`TEST_PANIC_ENV`] is `1`: that is what it is for.
// The panic is the point, not a check of an invariant, so `assert!` would read wrongly.
#[allow(clippy::manual_assert)]
pub fn panic_if_requested() {
    let requested = std::env::var_os(TEST_PANIC_ENV);
    if requested.as_ref().is_some_and(|v| v == "1") {
        panic!("deliberate panic requested with {TEST_PANIC_ENV}=1");
    }
    if requested.is_some_and(|v| v == "caught") {
        recover("testing the panic hook", || {
            panic!("deliberate panic requested with {TEST_PANIC_ENV}=caught");
        });
    }
}

/// The directory crash reports are saved in: `$PAPERLENS_STATE_DIR`, else the platform's
/// settings directory for paperlens (builds with the `gui` feature), else
/// `<temporary directory>/paperlens`.
#[must_use]
pub fn report_dir() -> PathBuf {
    std::env::var_os(STATE_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(platform_dir)
        .unwrap_or_else(|| std::env::temp_dir().join("paperlens"))
}

#[cfg(feature = "gui")]
fn platform_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("paperlens"))
}

#[cfg(not(feature = "gui"))]
fn platform_dir() -> Option<PathBuf> {
    None
}

/// The text of a crash report for a panic.
#[must_use]
pub fn render_report(info: &PanicHookInfo<'_>) -> String {
    let message = panic_message(info);
    let location = panic_location(info);
    let thread = std::thread::current()
        .name()
        .unwrap_or("(unnamed)")
        .to_owned();
    let backtrace = std::backtrace::Backtrace::force_capture();
    report_text(&message, &location, &thread, &backtrace.to_string())
}

/// The message a panic carried.
fn panic_message(info: &PanicHookInfo<'_>) -> String {
    info.payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(the panic carried no message)".to_owned())
}

/// Where in the source a panic happened: `file:line:column`.
fn panic_location(info: &PanicHookInfo<'_>) -> String {
    info.location().map_or_else(
        || "(unknown)".to_owned(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    )
}

/// Lays out a report: what happened, where, the program's version and the system, then the
/// backtrace.
#[must_use]
pub fn report_text(message: &str, location: &str, thread: &str, backtrace: &str) -> String {
    let when = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "paperlens crash report\n\
         \n\
         message:   {message}\n\
         location:  {location}\n\
         thread:    {thread}\n\
         version:   paperlens {}\n\
         os:        {} {} ({})\n\
         time:      {when} (seconds since 1970-01-01 UTC)\n\
         \n\
         backtrace:\n{backtrace}\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::env::consts::FAMILY,
    )
}

/// Saves `report` as `crash-<time>-<process id>.txt` in `dir` (created if missing),
/// atomically: written to a temporary file beside it, flushed, then renamed.
///
/// # Errors
/// Any I/O error on the way; no partial report is left behind.
pub fn save_report(dir: &Path, report: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let when = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let name = format!("crash-{when}-{}.txt", std::process::id());
    let path = dir.join(&name);
    let temp = dir.join(format!(".{name}.tmp"));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(report.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map(|()| path)
}

/// The newest crash report in `dir` saved after `after_millis` (milliseconds since the Unix
/// epoch, as in the report's name), with its time: what the window tells the user about at
/// the next start. Files that are not reports are ignored; an unreadable directory has none.
#[must_use]
pub fn newest_report_after(dir: &Path, after_millis: u64) -> Option<(u64, PathBuf)> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name();
            let millis = report_time(name.to_str()?)?;
            (millis > after_millis).then(|| (millis, entry.path()))
        })
        .max()
}

/// The text of a report for display: at most its first 64 KiB, or a sentence saying why it
/// could not be read.
#[must_use]
pub fn read_report(path: &Path) -> String {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    match std::fs::File::open(path).and_then(|file| file.take(64 * 1024).read_to_end(&mut bytes)) {
        Ok(_) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => format!("(the report could not be read: {error})"),
    }
}

/// The time in a report's name `crash-<millis>-<pid>.txt`.
fn report_time(name: &str) -> Option<u64> {
    let (millis, rest) = name.strip_prefix("crash-")?.split_once('-')?;
    rest.strip_suffix(".txt")?.parse::<u32>().ok()?;
    millis.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recover_gives_the_result_or_none_and_says_what_it_is_doing_only_while_it_runs() {
        assert_eq!(recover("adding", || 2 + 2), Some(4));
        let inner = recover("outer work", || {
            let doing_inside = recover("inner work", || RECOVERING.get());
            (doing_inside, RECOVERING.get())
        });
        assert_eq!(
            inner,
            Some((Some(Some("inner work")), Some("outer work"))),
            "the innermost work is named, and the outer one again once the inner is done"
        );
        let failed: Option<u32> = recover("failing", || panic!("on purpose"));
        assert_eq!(failed, None);
        assert_eq!(
            RECOVERING.get(),
            None,
            "nothing is named after a panic either"
        );
    }

    #[test]
    fn the_recovered_notice_says_what_failed_where_and_what_to_do() {
        let notice = recovered_notice(
            "formatting citations",
            "index out of bounds",
            "src/date.rs:3:7",
        );
        assert!(
            notice.starts_with("paperlens: formatting citations failed"),
            "{notice}"
        );
        assert!(
            notice.contains("(index out of bounds, at src/date.rs:3:7)"),
            "{notice}"
        );
        assert!(notice.contains("paperlens goes on"), "{notice}");
        assert!(notice.contains("report it with the file"), "{notice}");
        assert!(!notice.contains("internal error"), "{notice}");
    }

    #[test]
    fn the_newest_unseen_report_is_found() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        assert_eq!(newest_report_after(dir.path(), 0), None);
        for name in [
            "crash-100-7.txt",
            "crash-300-7.txt",
            "crash-200-9.txt",
            ".crash-400-7.txt.tmp",
            "crash-x-1.txt",
            "state.json",
        ] {
            assert!(std::fs::write(dir.path().join(name), "report").is_ok());
        }
        assert_eq!(
            newest_report_after(dir.path(), 0),
            Some((300, dir.path().join("crash-300-7.txt")))
        );
        assert_eq!(newest_report_after(dir.path(), 300), None);
        assert_eq!(newest_report_after(&dir.path().join("missing"), 0), None);
    }

    #[test]
    fn a_report_names_message_location_version_and_os() {
        let text = report_text("boom", "src/x.rs:1:2", "main", "0: frame");
        for expected in [
            "message:   boom",
            "location:  src/x.rs:1:2",
            "thread:    main",
            concat!("paperlens ", env!("CARGO_PKG_VERSION")),
            std::env::consts::OS,
            "backtrace:\n0: frame",
        ] {
            assert!(text.contains(expected), "{expected:?} not in:\n{text}");
        }
    }

    #[test]
    fn saving_creates_the_directory_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("paperlens-crash-test-{}", std::process::id()));
        let nested = dir.join("a/b");
        let saved = save_report(&nested, "report");
        assert!(saved.is_ok(), "{saved:?}");
        let names: Vec<String> = std::fs::read_dir(&nested)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names.iter().all(|n| {
            n.starts_with("crash-")
                && std::path::Path::new(n)
                    .extension()
                    .is_some_and(|e| e == "txt")
        }));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn saving_into_a_file_fails_cleanly() {
        let file =
            std::env::temp_dir().join(format!("paperlens-crash-file-{}", std::process::id()));
        let _ = std::fs::write(&file, "not a directory");
        assert!(save_report(&file, "report").is_err());
        let _ = std::fs::remove_file(&file);
    }
}
