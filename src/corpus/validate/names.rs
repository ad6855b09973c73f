//! Names in references: "et al." written as an author or editor is not a person; it may only
//! close a list its source shortened.

use std::borrow::Cow;

use serde_json::Value;

use super::Sink;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath, guide_hint};
use crate::corpus::model::{CorpusFile, CslName};

/// Warns about each name in a reference's name lists (`author`, `editor` and the other CSL
/// name variables) that is "et al." written as if it were a person: first, or before other
/// names. As the last of several names it marks a list the source shortened, and is not
/// warned about.
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
                // "et al." closing a list stands for the names its source left out.
                let closes_a_list = j > 0 && j + 1 == names.len();
                if !name.is_et_al() || closes_a_list {
                    continue;
                }
                out.push_with(Code::EtAlAuthor, false, || {
                    let role = if *field == "author" {
                        "an author".to_owned()
                    } else {
                        format!("a name in `{field}`")
                    };
                    let (place, fix) = if j == 0 {
                        ("first", "write the people the paper names before it, or delete it")
                    } else {
                        ("before other names", "move it to the end of the list, or delete it")
                    };
                    Diagnostic::warning(
                        Code::EtAlAuthor,
                        format!(
                            "reference `{}` lists \"et al.\" as {role} {place}, as if it were a person",
                            reference.id
                        ),
                        format!(
                            "{fix}: \"et al.\" is kept only as the last name of a list its source shortened (BibTeX's `and others`); {}",
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
    fn et_al_is_warned_about_first_or_before_names_and_not_where_it_closes_a_list() {
        let name = |family: &str| CslName {
            family: family.to_owned(),
            ..CslName::default()
        };
        let mut reference = Reference {
            id: "r".to_owned(),
            author: vec![name("et al."), name("Smith"), name("others"), name("Lee")],
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
                "et-al-author $.references[0].author[0]",
                "et-al-author $.references[0].author[2]",
                "et-al-author $.references[0].editor[0]",
            ]
        );
        let shortened = Reference {
            author: vec![name("Smith"), name("Doe"), CslName::et_al()],
            ..Reference::default()
        };
        assert!(warnings(shortened).is_empty());
        let clean = Reference {
            author: vec![name("Smith"), name("Etal")],
            ..Reference::default()
        };
        assert!(warnings(clean).is_empty());
    }
}
