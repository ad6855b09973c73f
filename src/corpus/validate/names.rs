//! Names in references: "et al." written as an author or editor is not a person.

use std::borrow::Cow;

use serde_json::Value;

use super::Sink;
use crate::corpus::cite::is_et_al;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath, guide_hint};
use crate::corpus::model::{CorpusFile, CslName};

/// Warns about each name in a reference's name lists (`author`, `editor` and the other CSL
/// name variables) that is "et al." written as if it were a person.
pub(super) fn check_names(file: &CorpusFile, out: &mut Sink) {
    for (i, reference) in file.references.iter().enumerate() {
        let path = JsonPath::root().key("references").index(i);
        let mut lists: Vec<(&str, Cow<'_, [CslName]>)> = vec![
            ("author", Cow::Borrowed(reference.author.as_slice())),
            ("editor", Cow::Borrowed(reference.editor.as_slice())),
        ];
        lists.extend(
            reference
                .extra
                .iter()
                .filter_map(|(key, value)| Some((key.as_str(), Cow::Owned(name_list(value)?)))),
        );
        for (field, names) in &lists {
            for (j, name) in names.iter().enumerate() {
                if !is_et_al(name) {
                    continue;
                }
                out.push_with(Code::EtAlAuthor, false, || {
                    let role = if *field == "author" {
                        "an author".to_owned()
                    } else {
                        format!("a name in `{field}`")
                    };
                    Diagnostic::warning(
                        Code::EtAlAuthor,
                        format!(
                            "reference `{}` lists \"et al.\" as {role}, as if it were a person",
                            reference.id
                        ),
                        format!(
                            "delete this name and list the people the paper names; citation styles add \"et al.\" themselves when a list is long, and BibTeX export writes `and others`; {}",
                            guide_hint("References (CSL-JSON)")
                        ),
                    )
                    .at(path.key(field).index(j))
                });
            }
        }
    }
}

/// A field of `extra` that is a CSL name list: an array of objects, each with a `family`,
/// `given` or `literal` name.
fn name_list(value: &Value) -> Option<Vec<CslName>> {
    let Value::Array(items) = value else {
        return None;
    };
    let all_names = !items.is_empty()
        && items.iter().all(|item| {
            item.as_object().is_some_and(|object| {
                ["family", "given", "literal"]
                    .iter()
                    .any(|key| object.contains_key(*key))
            })
        });
    if !all_names {
        return None;
    }
    serde_json::from_value(value.clone()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Reference;

    fn warnings(reference: Reference) -> Vec<String> {
        let file = CorpusFile {
            references: vec![reference],
            ..CorpusFile::default()
        };
        let mut sink = Sink::default();
        check_names(&file, &mut sink);
        sink.finish()
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d.code,
                    d.path.as_ref().map(ToString::to_string).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn et_al_as_an_author_editor_or_translator_is_warned_about_where_it_stands() {
        let name = |family: &str| CslName {
            family: family.to_owned(),
            ..CslName::default()
        };
        let mut reference = Reference {
            id: "r".to_owned(),
            author: vec![name("Smith"), name("et al.")],
            editor: vec![name("and others")],
            ..Reference::default()
        };
        reference.extra.insert(
            "translator".to_owned(),
            serde_json::json!([{"family": "Doe"}, {"literal": "Others"}]),
        );
        reference
            .extra
            .insert("keyword".to_owned(), serde_json::json!(["et al."]));
        assert_eq!(
            warnings(reference),
            [
                "et-al-author $.references[0].author[1]",
                "et-al-author $.references[0].editor[0]",
                "et-al-author $.references[0].translator[1]",
            ]
        );
        let clean = Reference {
            author: vec![name("Smith"), name("Etal")],
            ..Reference::default()
        };
        assert!(warnings(clean).is_empty());
    }
}
