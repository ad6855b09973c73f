//! Quarto's `{{< include file >}}`: a line naming another file of the paper (an appendix, a
//! table written by a script) whose text stands there. Each included file is read through
//! [`ImportOptions::read_beside`](super::super::ImportOptions), relative to the file that names
//! it, without its own YAML header, and its includes are read in turn; a line inside a code
//! block is code, not an include.
//!
//! A file that cannot be read is left out (and named), as is one that would include itself or
//! lie deeper than [`MAX_DEPTH`] includes, and everything past [`MAX_FILE_BYTES`] of text.

use std::borrow::Cow;

use crate::corpus::diagnostics::{Code, Diagnostic, Location};
use crate::corpus::{MAX_FILE_BYTES, counted};

use super::super::PaperBuilder;
use super::super::finish::{named_briefly, quoted_once};
use super::line::{closes_fence, fence};
use super::meta;
use super::shortcodes::Values;

/// How many includes deep a file is read; a deeper one is left out.
const MAX_DEPTH: usize = 8;
/// How many includes are read in all (a paper has a handful); the rest are left out, so that
/// files including each other many times over cannot keep the import reading.
const MAX_INCLUDES: usize = 1_000;
/// How many includes left out are reported one by one; the rest in one line.
const MAX_REPORTED: usize = 10;

/// The text with its includes read in, and what became of each include.
#[derive(Debug, Default)]
pub(super) struct Included<'a> {
    /// The paper's text with every include that could be read in its place.
    pub(super) text: Cow<'a, str>,
    /// The files read, as the paper names them (relative to the paper's folder), in order.
    pub(super) read: Vec<String>,
    /// The includes left out: a file that could not be read, or one that would include a
    /// file into itself (`a.qmd → b.qmd → a.qmd`), lie too deep, or pass the size a paper may
    /// have.
    pub(super) left_out: Vec<LeftOut>,
}

/// An include left out of the text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct LeftOut {
    /// The file, or the chain of includes reaching it (`a.qmd → b.qmd → a.qmd`).
    pub(super) name: String,
    /// Why, in plain words.
    pub(super) why: String,
    /// Where its line starts in the text given to [`expand`], when the paper itself names it
    /// (not a file it includes).
    pub(super) at: Option<usize>,
    /// Whether the file could not be read, rather than refused.
    pub(super) unreadable: bool,
}

/// `text` (the Markdown after the paper's metadata) with each `{{< include file >}}` line
/// replaced by that file's text, read by `read_beside`, and the `{{< meta key >}}` and `{{<
/// var key >}}` outside code printing their `values`.
pub(super) fn expand<'a>(
    text: &'a str,
    read_beside: &dyn Fn(&str) -> Result<String, String>,
    values: &mut Values,
) -> Included<'a> {
    if !text.contains("{{<") {
        return Included {
            text: Cow::Borrowed(text),
            ..Included::default()
        };
    }
    let mut included = Included::default();
    let mut out = String::with_capacity(text.len());
    let mut chain = Vec::new();
    let mut reading = Reading {
        read_beside,
        values,
        chain: &mut chain,
        out: &mut out,
        included: &mut included,
    };
    reading.splice(text, "");
    included.text = Cow::Owned(out);
    included
}

/// An expansion under way: how files are read, the values shortcodes print, the files being
/// read (outermost first), the text written so far and what became of each include.
struct Reading<'r, 'a> {
    read_beside: &'r dyn Fn(&str) -> Result<String, String>,
    values: &'r mut Values,
    chain: &'r mut Vec<String>,
    out: &'r mut String,
    included: &'r mut Included<'a>,
}

impl Reading<'_, '_> {
    /// Writes `text` (of the file at `path`, `""` for the paper) with its includes read in and
    /// its shortcodes' values printed.
    fn splice(&mut self, text: &str, path: &str) {
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        let mut open_fence: Option<(u8, usize)> = None;
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let at = path.is_empty().then_some(line_start);
            line_start += line.len();
            open_fence = match open_fence {
                None => fence(line.trim_end()),
                Some((c, len)) if closes_fence(line.trim_end(), c, len) => None,
                still_open => still_open,
            };
            let target = open_fence.is_none().then(|| include_target(line)).flatten();
            let Some(target) = target else {
                if open_fence.is_some() {
                    self.out.push_str(line);
                } else {
                    self.out.push_str(&self.values.substitute(line));
                }
                continue;
            };
            let name = joined(folder, target);
            let through = || {
                let mut names: Vec<&str> = self.chain.iter().map(String::as_str).collect();
                names.push(&name);
                names.join(" → ")
            };
            let refused = |why: &str| LeftOut {
                name: through(),
                why: why.to_owned(),
                at,
                unreadable: false,
            };
            if self.chain.contains(&name) {
                self.included
                    .left_out
                    .push(refused("it would include a file into itself"));
                continue;
            }
            if self.chain.len() >= MAX_DEPTH {
                self.included
                    .left_out
                    .push(refused("it lies deeper than 8 includes"));
                continue;
            }
            if self.included.read.len() >= MAX_INCLUDES {
                self.included
                    .left_out
                    .push(refused("the paper includes more than 1,000 files"));
                continue;
            }
            match (self.read_beside)(&name) {
                Ok(file) => {
                    let budget = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
                    if self.out.len() + file.len() > budget {
                        self.included
                            .left_out
                            .push(refused("the paper would pass 64 MiB of text"));
                        continue;
                    }
                    let file = file.strip_prefix('\u{feff}').unwrap_or(&file);
                    let body = match meta::split(file) {
                        Ok(Some(front)) => file.get(front.body_offset..).unwrap_or_default(),
                        _ => file,
                    };
                    self.included.read.push(name.clone());
                    // Set apart from the lines around it, as Quarto reads an included file.
                    self.out.push('\n');
                    self.chain.push(name.clone());
                    self.splice(body, &name);
                    self.chain.pop();
                    if !self.out.ends_with('\n') {
                        self.out.push('\n');
                    }
                    self.out.push('\n');
                }
                Err(why) => self.included.left_out.push(LeftOut {
                    name,
                    why,
                    at,
                    unreadable: true,
                }),
            }
        }
    }
}

/// Reports the files read into the text (info) and the includes left out (warnings), at their
/// line in `text` (the paper, whose body starts at `body_offset`) when the paper names them.
pub(super) fn report(
    included: &Included<'_>,
    text: &str,
    body_offset: usize,
    builder: &mut PaperBuilder,
) {
    let files = quoted_once(&included.read);
    if !files.is_empty() {
        builder.report(Diagnostic::info(
            Code::Imported,
            format!(
                "read {} into the text where the paper includes them ({})",
                counted(files.len(), "file"),
                named_briefly(&files)
            ),
            "each `{{< include file >}}` line stands for the text of that file, as Quarto \
             reads it",
        ));
    }
    let more = included.left_out.len().saturating_sub(MAX_REPORTED);
    if more > 0 {
        builder.warn(
            format!(
                "{} more left out of the text (the first {MAX_REPORTED} are listed)",
                counted(more, "include")
            ),
            "check the `{{< include … >}}` lines of the paper and the files it includes",
            None,
        );
    }
    for left_out in included.left_out.iter().take(MAX_REPORTED) {
        let LeftOut { name, why, .. } = left_out;
        let (message, help) = if left_out.unreadable {
            (
                format!(
                    "the included file `{name}` could not be read ({why}): left out of the text"
                ),
                "save it in the folder of the file that includes it (`{{< include appendix.qmd \
                 >}}` in the paper is read beside the paper), then open the paper again",
            )
        } else {
            (
                format!("the include {name} was left out of the text: {why}"),
                "remove that `{{< include … >}}` line, or include the file's text once",
            )
        };
        let line = left_out
            .at
            .and_then(|at| text.get(body_offset + at..))
            .and_then(|rest| rest.lines().next());
        let location = left_out
            .at
            .zip(line)
            .map(|(at, line)| Location::at_offset(text, body_offset + at, line.len()));
        builder.warn(message, help, location);
    }
}

/// The file a line `{{< include file >}}` names (quotes removed), if the line is one.
fn include_target(line: &str) -> Option<&str> {
    let inner = line
        .trim()
        .strip_prefix("{{<")?
        .strip_suffix(">}}")?
        .trim()
        .strip_prefix("include")?;
    if !inner.starts_with([' ', '\t']) {
        return None;
    }
    let target = inner.trim().trim_matches(['"', '\'']).trim();
    (!target.is_empty()).then_some(target)
}

/// `target` relative to the paper's folder: Quarto reads it relative to the file naming it
/// (in `folder`), and a path starting with `/` from the project's folder, taken to be the
/// paper's.
fn joined(folder: &str, target: &str) -> String {
    match target.strip_prefix('/') {
        Some(from_project) => from_project.to_owned(),
        None if folder.is_empty() => target.trim_start_matches("./").to_owned(),
        None => format!("{folder}/{}", target.trim_start_matches("./")),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn files(named: &[(&str, &str)]) -> impl Fn(&str) -> Result<String, String> {
        let files: HashMap<String, String> = named
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        move |name: &str| {
            files
                .get(name)
                .cloned()
                .ok_or_else(|| format!("`{name}` is not there"))
        }
    }

    #[test]
    fn an_include_line_is_replaced_by_the_file_it_names_and_its_own_includes() {
        let read = files(&[
            (
                "appendix.qmd",
                "---\ntitle: Appendix\n---\n# Appendix\n\nMore.\n",
            ),
            ("tables/venues.md", "{{< include notes.md >}}\n| a | b |\n"),
            ("tables/notes.md", "A note."),
        ]);
        let text = "Text.\n\n{{< include appendix.qmd >}}\n\
                    {{< include \"tables/venues.md\" >}}\nEnd.\n";
        let included = expand(text, &read, &mut Values::default());
        assert_eq!(
            included.text,
            "Text.\n\n\n# Appendix\n\nMore.\n\n\n\nA note.\n\n| a | b |\n\nEnd.\n"
        );
        assert_eq!(
            included.read,
            ["appendix.qmd", "tables/venues.md", "tables/notes.md"]
        );
        assert!(included.left_out.is_empty());
    }

    #[test]
    fn a_file_missing_including_itself_or_inside_code_is_left_out() {
        let read = files(&[
            ("a.qmd", "A.\n{{< include b.qmd >}}\n"),
            ("b.qmd", "{{< include a.qmd >}}\nB.\n"),
        ]);
        let text = "```{r}\n{{< include a.qmd >}}\n```\n{{< include a.qmd >}}\n\
                    {{< include gone.qmd >}}\nSee {{< include a.qmd >}} inline.\n";
        let included = expand(text, &read, &mut Values::default());
        assert_eq!(
            included.text,
            "```{r}\n{{< include a.qmd >}}\n```\n\nA.\n\nB.\n\n\nSee {{< include a.qmd >}} \
             inline.\n"
        );
        assert_eq!(
            included.left_out,
            [
                LeftOut {
                    name: "a.qmd → b.qmd → a.qmd".to_owned(),
                    why: "it would include a file into itself".to_owned(),
                    at: None,
                    unreadable: false,
                },
                LeftOut {
                    name: "gone.qmd".to_owned(),
                    why: "`gone.qmd` is not there".to_owned(),
                    at: text.find("{{< include gone.qmd >}}"),
                    unreadable: true,
                },
            ]
        );
        let plain = "No include {{< kbd Ctrl-C >}}.\n";
        assert_eq!(expand(plain, &read, &mut Values::default()).text, plain);
        assert!(matches!(
            expand("No shortcode.\n", &read, &mut Values::default()).text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn includes_nested_too_deep_are_left_out() {
        let names: Vec<String> = (0..12).map(|n| format!("f{n}.md")).collect();
        let texts: Vec<String> = (0..12)
            .map(|n| format!("L{n}.\n{{{{< include f{}.md >}}}}\n", n + 1))
            .collect();
        let pairs: Vec<(&str, &str)> = names
            .iter()
            .zip(&texts)
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        let included = expand(
            "{{< include f0.md >}}\n",
            &files(&pairs),
            &mut Values::default(),
        );
        assert_eq!(included.read.len(), MAX_DEPTH);
        assert_eq!(included.left_out.len(), 1);
        assert!(
            included
                .left_out
                .iter()
                .all(|left| left.why.contains("deeper"))
        );
    }
}
