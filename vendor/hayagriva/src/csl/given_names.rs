//! PATCH: global given-name disambiguation (CSL 1.0.2, `givenname-disambiguation-rule`).
//!
//! Under `all-names`, `all-names-with-initials`, `primary-name` and
//! `primary-name-with-initials`, name expansion also tells apart *names*: a name that another
//! person of the same family shares in the cites of the document is shown with initials, or
//! with its full given names, in every cite, ambiguous or not (`(J. P. Ioannidis, 2003)` beside
//! `(J. P. A. Ioannidis, 2005)` in APA). The `primary-name*` rules only take the first name of
//! each list, the `*-with-initials` rules only ever add initials. `by-cite` (the default) only
//! expands names in ambiguous cites; that is done by `disambiguate_names`.
//!
//! As in citeproc-js (`CSL.Registry.NameReg`): every name a cite shows is registered by family
//! name, initials and given names (full stops left out); a name whose family has more than
//! one set of initials takes its initials, and, where full given names are allowed, a name
//! whose initials stand for more than one set of given names takes them in full.

use std::collections::{HashMap, HashSet};

use citationberg::DisambiguationRule;

use super::rendering::names::DisambiguatedNameForm;
use crate::types::Person;

/// How far a cite must expand a name to tell it from the other names of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Expansion {
    /// Show its initials: another name of the family has other initials.
    Initials,
    /// Show its given names in full: another name has the same initials.
    Full,
}

/// Whether `rule` tells names apart across the whole document.
pub(crate) fn is_global(rule: DisambiguationRule) -> bool {
    rule != DisambiguationRule::ByCite
}

/// Whether `rule` looks at the name at `index` of its list.
fn looks_at(rule: DisambiguationRule, index: usize) -> bool {
    match rule {
        DisambiguationRule::PrimaryName | DisambiguationRule::PrimaryNameWithInitials => {
            index == 0
        }
        DisambiguationRule::AllNames | DisambiguationRule::AllNamesWithInitials => true,
        DisambiguationRule::ByCite => false,
    }
}

/// `text` without its full stops and with single spaces, as citeproc-js compares names.
fn key(text: &str) -> String {
    text.replace('.', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The initials of `person`'s given names (`JPA` for `J. P. A.` and `John Paul Alan`).
fn initials_key(person: &Person) -> String {
    let mut initials = String::new();
    // Writing to a `String` does not fail.
    let _ = person.initials(&mut initials, None, false);
    initials
}

/// The names the cites of a document show: family → initials → given names.
#[derive(Debug, Default)]
pub(crate) struct NameRegistry(HashMap<String, HashMap<String, HashSet<String>>>);

impl NameRegistry {
    /// Register `person`, shown at `index` of its list in a cite, if `rule` looks at it.
    pub(crate) fn add(
        &mut self,
        person: &Person,
        index: usize,
        rule: DisambiguationRule,
    ) {
        if !looks_at(rule, index) || person.name.is_empty() {
            return;
        }
        let given = person.given_name.as_deref().map(key).unwrap_or_default();
        self.0
            .entry(key(&person.name))
            .or_default()
            .entry(initials_key(person))
            .or_default()
            .insert(given);
    }

    /// How far `person`, shown at `index` of its list, must be expanded under `rule`.
    pub(crate) fn expansion(
        &self,
        person: &Person,
        index: usize,
        rule: DisambiguationRule,
    ) -> Option<Expansion> {
        if !looks_at(rule, index) || person.given_name.is_none() {
            return None;
        }
        let family = self.0.get(&key(&person.name))?;
        let given_names = family.get(&initials_key(person))?;
        if rule.allows_full_first_names() && given_names.len() > 1 {
            Some(Expansion::Full)
        } else if family.len() > 1 {
            Some(Expansion::Initials)
        } else {
            None
        }
    }
}

/// The names of one item that its cites must show expanded: each name with its place in its
/// list (names are matched by both) and how far. Empty unless the style's rule is global.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct GivenNameExpansions(Vec<(Person, usize, Expansion)>);

impl GivenNameExpansions {
    /// The expansions of the names `shown`, one item's names at their places, under `rule`.
    pub(crate) fn new(
        registry: &NameRegistry,
        shown: &[(Person, usize)],
        rule: DisambiguationRule,
    ) -> Self {
        let mut expansions: Vec<(Person, usize, Expansion)> = Vec::new();
        for (person, index) in shown {
            if let Some(expansion) = registry.expansion(person, *index, rule)
                && !expansions.iter().any(|(p, i, _)| p == person && i == index)
            {
                expansions.push((person.clone(), *index, expansion));
            }
        }
        Self(expansions)
    }

    /// Whether no name is expanded.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The form of `person`, at `index` of its list and shown in `form`, with its expansion:
    /// initials where the style initializes (`initialize-with`, `initialize` not "false"),
    /// full given names otherwise or where initials do not tell it apart, unless `rule` only
    /// allows initials (then the form stays).
    pub(crate) fn form(
        &self,
        person: &Person,
        index: usize,
        form: DisambiguatedNameForm,
        rule: DisambiguationRule,
        can_initialize: bool,
    ) -> DisambiguatedNameForm {
        let Some(&(_, _, expansion)) =
            self.0.iter().find(|(p, i, _)| p == person && *i == index)
        else {
            return form;
        };
        let least = match expansion {
            Expansion::Initials if can_initialize => {
                DisambiguatedNameForm::LongInitialized
            }
            _ if rule.allows_full_first_names() => DisambiguatedNameForm::LongFull,
            _ => return form,
        };
        if form == DisambiguatedNameForm::Count { form } else { form.max(least) }
    }
}
