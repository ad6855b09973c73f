//! Formatting a reference as the paper's numbered list prints it (IEEE-like), and short forms
//! for list rows. Output is a list of spans so a caller can italicise titles of containers.

use super::model::{CslName, Reference};

/// A run of formatted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Whether it is set in italics (titles of books and journals).
    pub italic: bool,
}

/// A formatted reference: spans in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Formatted(pub Vec<Span>);

impl Formatted {
    fn plain(&mut self, text: impl Into<String>) {
        self.0.push(Span {
            text: text.into(),
            italic: false,
        });
    }

    fn italic(&mut self, text: impl Into<String>) {
        self.0.push(Span {
            text: text.into(),
            italic: true,
        });
    }

    /// The text without styling.
    #[must_use]
    pub fn to_plain_string(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The parts that are not empty, joined by spaces: `["", "van der", "Linde"]` is
/// `"van der Linde"`.
#[must_use]
pub fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One name as the paper's list prints it: initials first, `M. E. Porter`, `C. van der Linde`,
/// `M. L. King Jr.`.
#[must_use]
pub fn display_name(name: &CslName) -> String {
    if !name.literal.is_empty() {
        return name.literal.clone();
    }
    words(&[
        &name.given,
        &name.dropping_particle,
        &name.non_dropping_particle,
        &name.family,
        &name.suffix,
    ])
}

/// The author list as printed: `A`, `A and B`, `A, B, C, and D`.
#[must_use]
pub fn author_list(names: &[CslName]) -> String {
    let names: Vec<String> = names.iter().map(display_name).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// The year of issue, if any.
#[must_use]
pub fn year(reference: &Reference) -> Option<i32> {
    reference
        .issued
        .as_ref()?
        .date_parts
        .first()?
        .first()
        .copied()
}

/// A short form for lists: `Porter & van der Linde (1995)`, `Latham-Sprinkle et al. (2019)`.
#[must_use]
pub fn short_label(reference: &Reference) -> String {
    let family = |name: &CslName| {
        if name.literal.is_empty() {
            words(&[&name.non_dropping_particle, &name.family])
        } else {
            name.literal.clone()
        }
    };
    let authors = match reference.author.as_slice() {
        [] => "Anon.".to_owned(),
        [one] => family(one),
        [a, b] => format!("{} & {}", family(a), family(b)),
        [a, ..] => format!("{} et al.", family(a)),
    };
    match year(reference) {
        Some(year) => format!("{authors} ({year})"),
        None => format!("{authors} (n.d.)"),
    }
}

/// The entry as the paper's reference list prints it, without the `[n]` label.
#[must_use]
pub fn list_entry(reference: &Reference) -> Formatted {
    let mut out = Formatted::default();
    let authors = author_list(&reference.author);
    if !authors.is_empty() {
        out.plain(format!("{authors}, "));
    }
    let year = year(reference).map(|y| y.to_string()).unwrap_or_default();
    let pages = |page: &str| {
        if page.contains(['–', '-']) {
            format!("pp. {page}")
        } else {
            format!("p. {page}")
        }
    };
    let mut tail: Vec<String> = Vec::new();
    match reference.item_type.as_str() {
        "book" | "thesis" | "report" => {
            out.italic(reference.title.clone());
            if !reference.volume.is_empty() {
                out.plain(format!(", vol. {}", reference.volume));
            }
            out.plain(". ");
            if !reference.publisher.is_empty() {
                tail.push(reference.publisher.clone());
            }
            if !year.is_empty() {
                tail.push(year);
            }
            out.plain(tail.join(", "));
        }
        "chapter" | "paper-conference" => {
            out.plain(format!("“{},” in ", reference.title));
            out.italic(reference.container_title.clone());
            for part in [&reference.publisher] {
                if !part.is_empty() {
                    tail.push(part.clone());
                }
            }
            if !year.is_empty() {
                tail.push(year);
            }
            if !reference.page.is_empty() {
                tail.push(pages(&reference.page));
            }
            if !tail.is_empty() {
                out.plain(format!(", {}", tail.join(", ")));
            }
        }
        _ => {
            out.plain(format!("“{},”", reference.title));
            if !reference.container_title.is_empty() {
                out.plain(" ");
                out.italic(reference.container_title.clone());
                out.plain(",");
            }
            if !reference.volume.is_empty() {
                tail.push(format!("vol. {}", reference.volume));
            }
            if !reference.issue.is_empty() {
                tail.push(format!("no. {}", reference.issue));
            }
            if !reference.page.is_empty() {
                tail.push(pages(&reference.page));
            }
            if !year.is_empty() {
                tail.push(year);
            }
            out.plain(format!(" {}", tail.join(", ")));
        }
    }
    out.plain(".");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn entry(id: &str) -> String {
        let corpus = Corpus::builtin();
        corpus
            .file
            .references
            .iter()
            .find(|r| r.id == id)
            .map(|r| list_entry(r).to_plain_string())
            .unwrap_or_default()
    }

    #[test]
    fn entries_read_as_the_paper_prints_them() {
        assert_eq!(
            entry("porter1995"),
            "M. E. Porter and C. van der Linde, “Toward a new conception of the environment-competitiveness relationship,” J. Econ. Perspect., vol. 9, no. 4, pp. 97–118, 1995."
        );
        assert_eq!(
            entry("citaristi2022"),
            "I. Citaristi, “United Nations Office on Drugs and Crime—UNODC,” in The Europa Directory of International Organizations 2022, Routledge, 2022, pp. 248–252."
        );
        assert_eq!(
            entry("donnelly2013"),
            "J. Donnelly, Universal human rights in theory and practice. Cornell University Press, 2013."
        );
        assert_eq!(
            entry("lathamsprinkle2019"),
            "J. Latham-Sprinkle, F. David, K. Bryant, and J. Larsen, “Migrants and their vulnerability to human trafficking, modern slavery and forced labour,” 2019."
        );
    }

    #[test]
    fn short_labels() {
        let corpus = Corpus::builtin();
        let label = |id: &str| {
            corpus
                .file
                .references
                .iter()
                .find(|r| r.id == id)
                .map(short_label)
        };
        assert_eq!(
            label("porter1995").as_deref(),
            Some("Porter & van der Linde (1995)")
        );
        assert_eq!(label("sayuti2023").as_deref(), Some("Sayuti et al. (2023)"));
    }
}
