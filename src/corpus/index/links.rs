//! The link table of the index: for every declared link (see [`crate::corpus::kinds`]), which
//! records each record links to and which records link to it.

use std::collections::HashMap;

use crate::corpus::item::ItemKind;
use crate::corpus::kinds::{Follow, IdMaps, Ids, KINDS};
use crate::corpus::model::CorpusFile;

/// Links between records, both ways: `(from kind, to kind)` → for each record of the first
/// kind, the positions of the records of the second kind it is linked with.
#[derive(Clone, Debug, Default)]
pub struct LinkTable {
    lists: HashMap<(ItemKind, ItemKind), Vec<Vec<usize>>>,
}

impl LinkTable {
    /// Fills the table from every declared link of `file` whose records are in a list (links
    /// written in the text are added by the text pass through [`Self::link`]).
    pub(super) fn from_declarations(file: &CorpusFile, ids: &IdMaps<'_>) -> Self {
        let mut table = Self::default();
        for spec in &KINDS {
            let Some(list) = &spec.list else {
                continue;
            };
            let records = (list.len)(file);
            for link in spec.links {
                if link.follow == Follow::Never
                    || matches!(link.ids, Ids::InText)
                    || link.to == spec.kind
                {
                    continue;
                }
                let mut forward = table.take(spec.kind, link.to);
                let mut backward = table.take(link.to, spec.kind);
                for position in 0..records {
                    link.for_each_id(file, position, |_, id| {
                        if let Some(target) = ids.position(link.to, id) {
                            push(&mut forward, position, target);
                            push(&mut backward, target, position);
                        }
                    });
                }
                table.lists.insert((spec.kind, link.to), forward);
                table.lists.insert((link.to, spec.kind), backward);
            }
        }
        table
    }

    /// Links record `from_position` of kind `from` with record `to_position` of kind `to`, both
    /// ways. Calls for one pair of kinds must come in ascending `from_position` order.
    pub(super) fn link(
        &mut self,
        (from, from_position): (ItemKind, usize),
        (to, to_position): (ItemKind, usize),
    ) {
        push(
            self.lists.entry((from, to)).or_default(),
            from_position,
            to_position,
        );
        push(
            self.lists.entry((to, from)).or_default(),
            to_position,
            from_position,
        );
    }

    /// Sorts the lists between two kinds (both ways) and drops repeats: for links added out of
    /// order, after the declared ones.
    pub(super) fn tidy(&mut self, one: ItemKind, other: ItemKind) {
        for key in [(one, other), (other, one)] {
            if let Some(lists) = self.lists.get_mut(&key) {
                for list in lists {
                    list.sort_unstable();
                    list.dedup();
                }
            }
        }
    }

    /// The records of kind `to` linked with record `position` of kind `from`.
    #[must_use]
    pub fn get(&self, from: ItemKind, position: usize, to: ItemKind) -> &[usize] {
        self.lists
            .get(&(from, to))
            .and_then(|lists| lists.get(position))
            .map_or(&[], Vec::as_slice)
    }

    fn take(&mut self, from: ItemKind, to: ItemKind) -> Vec<Vec<usize>> {
        self.lists.remove(&(from, to)).unwrap_or_default()
    }
}

/// Adds `value` to the list at `at`, growing the lists as needed, unless it repeats the last
/// value there. Backward lists are filled in ascending order, so they hold each value once, and
/// a record linked from very many others stays linear.
fn push(lists: &mut Vec<Vec<usize>>, at: usize, value: usize) {
    if lists.len() <= at {
        lists.resize_with(at + 1, Vec::new);
    }
    if let Some(list) = lists.get_mut(at)
        && list.last() != Some(&value)
    {
        list.push(value);
    }
}
