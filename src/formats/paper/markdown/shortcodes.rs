//! Quarto's shortcodes that print a value the paper keeps apart from its text: `{{< meta
//! key >}}` a value of its metadata (the YAML header, or a file `metadata-files` names), `{{<
//! var key >}}` one of `_variables.yml` beside it. Nested keys are written with dots (`{{< meta
//! study.n >}}`). A shortcode naming no value is kept as written, and said.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_yaml::Value;

use super::meta::scalar;

/// How deep nested mappings are followed for dotted keys.
const MAX_DEPTH: usize = 6;
/// The most values kept from one file: a paper's metadata holds far fewer.
const MAX_VALUES: usize = 10_000;
/// The most text the values printed may add to a paper in all: past it, a shortcode is kept
/// as written, so that a long value printed many times cannot grow the paper without end.
const MAX_PRINTED_BYTES: usize = 16 * 1024 * 1024;

/// The values the paper's shortcodes may print, by the key a shortcode names them with.
#[derive(Debug, Default)]
pub(super) struct Values {
    /// `meta` values: the YAML header's, then those of the files `metadata-files` names.
    meta: HashMap<String, String>,
    /// `var` values, from `_variables.yml`.
    var: HashMap<String, String>,
    /// The shortcodes met that name no value (`meta corpus_total`), in order, once each.
    pub(super) missing: Vec<String>,
    /// The same, to look them up.
    missing_set: HashSet<String>,
    /// The bytes the values printed so far took.
    printed_bytes: usize,
}

impl Values {
    /// Adds the `meta` values of a YAML mapping (the header's first: a key already there
    /// keeps its value, as the header's wins over a metadata file's).
    pub(super) fn add_meta(&mut self, yaml: &Value) {
        add_flattened(&mut self.meta, yaml, String::new(), 0);
    }

    /// Adds the `var` values of `_variables.yml`.
    pub(super) fn add_var(&mut self, yaml: &Value) {
        add_flattened(&mut self.var, yaml, String::new(), 0);
    }

    /// `text` with each `{{< meta key >}}` and `{{< var key >}}` naming a value replaced by
    /// it; the others are kept as written and noted in [`Values::missing`].
    pub(super) fn substitute<'t>(&mut self, text: &'t str) -> Cow<'t, str> {
        if !text.contains("{{<") {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find("{{<") {
            let (before, from) = rest.split_at(open);
            out.push_str(before);
            // Looked for within 300 bytes, so text full of `{{<` is read in linear time.
            let end = (0..=from.len().min(300))
                .rev()
                .find(|&end| from.is_char_boundary(end))
                .unwrap_or(0);
            let window = from.get(..end).unwrap_or_default();
            let Some(close) = window.find(">}}") else {
                out.push_str("{{<");
                rest = from.get(3..).unwrap_or_default();
                continue;
            };
            let written = from.get(..close + 3).unwrap_or_default();
            let inner = from.get(3..close).unwrap_or_default().trim();
            let value = match inner.split_once(char::is_whitespace) {
                Some(("meta", key)) => Some(self.meta.get(key.trim())),
                Some(("var", key)) => Some(self.var.get(key.trim())),
                _ => None,
            };
            match value {
                Some(Some(value)) if self.printed_bytes + value.len() <= MAX_PRINTED_BYTES => {
                    self.printed_bytes += value.len();
                    out.push_str(value);
                }
                Some(None) => {
                    out.push_str(written);
                    if self.missing_set.insert(inner.to_owned()) {
                        self.missing.push(inner.to_owned());
                    }
                }
                // A value past the bound, or another shortcode: as written.
                Some(Some(_)) | None => out.push_str(written),
            }
            rest = from.get(close + 3..).unwrap_or_default();
        }
        out.push_str(rest);
        Cow::Owned(out)
    }
}

/// Adds the scalars of `value` to `values`, each under its key path joined by dots.
fn add_flattened(values: &mut HashMap<String, String>, value: &Value, path: String, depth: usize) {
    if values.len() >= MAX_VALUES {
        return;
    }
    match value {
        Value::Mapping(map) if depth < MAX_DEPTH => {
            for (key, inner) in map {
                let Some(key) = scalar(key) else {
                    continue;
                };
                let path = if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                };
                add_flattened(values, inner, path, depth + 1);
            }
        }
        Value::Tagged(tagged) => add_flattened(values, &tagged.value, path, depth),
        other => {
            if let Some(text) = scalar(other).filter(|_| !path.is_empty()) {
                values.entry(path).or_insert(text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap_or(Value::Null)
    }

    #[test]
    fn meta_and_var_shortcodes_print_their_values_and_unknown_ones_are_kept() {
        let mut values = Values::default();
        values.add_meta(&yaml("total: \"30,000\"\nstudy:\n  n: 412\n  open: true\n"));
        values.add_meta(&yaml("total: 1\nsource: OpenAlex\n"));
        values.add_var(&yaml("version: 2.1\n"));
        let text = "About {{< meta total >}} works from {{< meta source >}}, n = \
                    {{< meta study.n >}} ({{< var version >}}); {{< meta gone >}}, \
                    {{< kbd Ctrl-C >}} and {{< meta gone >}} {{< unclosed";
        assert_eq!(
            values.substitute(text),
            "About 30,000 works from OpenAlex, n = 412 (2.1); {{< meta gone >}}, \
             {{< kbd Ctrl-C >}} and {{< meta gone >}} {{< unclosed"
        );
        assert_eq!(values.missing, ["meta gone"]);
        assert!(matches!(
            values.substitute("No shortcode."),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn text_full_of_unclosed_shortcodes_is_read_in_linear_time() {
        let mut values = Values::default();
        // Seven bytes a piece: the 300-byte window ends inside an `é`.
        let text = "{{<  é".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(values.substitute(&text), text);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
