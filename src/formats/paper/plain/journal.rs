//! A journal's name with its volume and pages printed after it, as author–date lists print
//! them: Chicago's `Nature Protocols 4: 363–71`, Elsevier's `Water Res. 44 (3), 100–110`, and
//! astronomy's `J. Appl. Phys., 96, 6348` with no title before it and no stop after it.

/// The journal, volume and first page (or article number) of an entry astronomy's journals
/// print without a title after its year (`J. Appl. Phys., 96, 6348`, `ApJ, 507, 281`,
/// `Astron. Astrophys. Suppl. Ser., 569, A119`).
pub(super) fn untitled_article(rest: &str) -> Option<(&str, &str, &str)> {
    let rest = rest.trim().trim_end_matches('.');
    let mut parts = rest.split(", ");
    let (Some(container), Some(volume), Some(page), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    (ends_with_volume_and_page(rest)
        && container.chars().any(char::is_alphabetic)
        && container.split_whitespace().count() <= 8)
        .then_some((container, volume, page))
}

/// Whether `line` ends as astronomy's lists end an entry, with its volume and first page or
/// article number after commas and no stop (`1998, ApJ, 503, L183`, `Phys., 96, 6348`, the
/// two numbers alone on a wrapped line, `290, L25`, or the page alone, `035007`), or the
/// volume alone after the journal (`J. Mass Spectrom., 47`).
pub(super) fn ends_with_volume_and_page(line: &str) -> bool {
    let is_number = |text: &str| {
        text.len() <= 8
            && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let mut parts = line.trim().rsplit(", ");
    let (Some(page), Some(before)) = (parts.next(), parts.next()) else {
        // The page alone, wrapped to a line of its own (`035007`, `0E`).
        return is_number(line.trim());
    };
    // A journal's name ends in a word or an abbreviation's stop (`ApJ`, `Phys.`), not a
    // number (`the years 1998, 2004, 2010`).
    let is_journal = |text: &str| text.ends_with(|c: char| c.is_alphabetic() || c == '.');
    let is_volume = !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit());
    is_number(page)
        && if is_volume {
            parts.next().is_none_or(is_journal)
        } else {
            is_journal(before) && page.bytes().all(|b| b.is_ascii_digit())
        }
}

/// A container printed with its volume, issue and pages after it, as Chicago prints them
/// (`Nature Protocols 4: 363–71`, `Molecular Biology of the Cell 12 (9): 2567–77`) and
/// Elsevier's Harvard style (`Trop. Med. Int. Health 2, 445–460`, `Water Res. 44 (3),
/// 100–110`): the container, volume, issue (empty when not printed) and pages.
pub(super) fn volume_after_container(text: &str) -> Option<(&str, &str, &str, &str)> {
    // After a comma only when the container holds none (not IEEE's `Science, vol. 330, p.
    // 1774, 2010`).
    let (before, pages) = text.rsplit_once(": ").or_else(|| {
        text.rsplit_once(", ")
            .filter(|(before, _)| !before.contains(','))
    })?;
    let pages = pages.trim().trim_end_matches('.');
    let (before, issue) = match before.strip_suffix(')').and_then(|b| b.rsplit_once(" (")) {
        Some((before, issue)) => (before, issue),
        None => (before, ""),
    };
    let (container, volume) = before.rsplit_once(' ')?;
    let numbered = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric());
    let is_pages = pages
        .split(['-', '–'])
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (volume.bytes().all(|b| b.is_ascii_digit())
        && !volume.is_empty()
        && (issue.is_empty() || numbered(issue))
        && is_pages
        && !container.trim().is_empty())
    .then_some((container.trim(), volume, issue, pages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chicago_prints_volume_issue_and_pages_after_the_container() {
        assert_eq!(
            volume_after_container("Nature Protocols 4: 363–71."),
            Some(("Nature Protocols", "4", "", "363–71"))
        );
        assert_eq!(
            volume_after_container("Molecular Biology of the Cell 12 (9): 2567–77"),
            Some(("Molecular Biology of the Cell", "12", "9", "2567–77"))
        );
        assert_eq!(volume_after_container("Studies: A Review"), None);
        assert_eq!(volume_after_container("Journal of Things"), None);
    }

    #[test]
    fn astronomy_prints_a_journal_volume_and_page_without_a_title_or_a_stop() {
        assert_eq!(
            untitled_article("J. Appl. Phys., 96, 6348"),
            Some(("J. Appl. Phys.", "96", "6348"))
        );
        assert_eq!(
            untitled_article("Astron. Astrophys. Suppl. Ser., 569, A119"),
            Some(("Astron. Astrophys. Suppl. Ser.", "569", "A119"))
        );
        assert_eq!(
            untitled_article("ApJ, 503, L183."),
            Some(("ApJ", "503", "L183"))
        );
        // A title, a book, a volume that is no number.
        assert_eq!(untitled_article("A title, with commas, and more"), None);
        assert_eq!(
            untitled_article("in Aerospace Conference, 2015 IEEE, 1-12"),
            None
        );
        assert!(ends_with_volume_and_page(
            "Chiar J. E., 1998, ApJ, 507, 281"
        ));
        assert!(!ends_with_volume_and_page(
            "Allamandola L. J., 1985, Astrophys. J.,"
        ));
        assert!(!ends_with_volume_and_page("the years 1998, 2004, 2010"));
    }
}
