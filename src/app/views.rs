//! The main views behind one small trait, and the one list of them.
//!
//! The toolbar, the View menu, the keyboard shortcuts (Ctrl+1 …), `--view`, the settings file,
//! and "show this item" all read [`registry`]. Adding a view: a file with a type that implements
//! [`View`], and one line in [`registry`]. Presentation mode's slides come from the deck
//! ([`crate::deck`]), not from the views.

use std::any::Any;

use eframe::egui::{self, Ui};

use super::cases_view::CasesView;
use super::checks_view::ChecksView;
use super::context::ViewCtx;
use super::notes_view::NotesView;
use super::reader::Reader;
use super::references_view::ReferencesView;
use super::table_view::TableView;
use super::tour_view::TourView;
use super::trends_view::TrendsView;
use crate::corpus::{Corpus, Item};

/// A main view: what the central panel shows, one at a time.
pub trait View: Any {
    /// Its stable name: `--view NAME`, the settings file (`"reader"`). Never changes.
    fn id(&self) -> &'static str;

    /// Its title: toolbar, View menu.
    fn title(&self) -> &'static str;

    /// What it shows, in a few words: `--help` lists it beside the name.
    fn description(&self) -> &'static str;

    /// Draws the view.
    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui);

    /// Whether this is the view that shows `item` when it is revealed.
    fn can_show(&self, item: Item) -> bool;

    /// Scrolls to `item` (one [`View::can_show`] or [`View::also_shows`] accepts) from the next
    /// frame on, clearing filters that would hide it.
    fn show_item(&mut self, corpus: &Corpus, item: Item);

    /// Whether it shows `item` too, though another view is the one it is revealed in (a table
    /// stands in the Reader's text; revealing one opens the Table view). A view asked for by
    /// name scrolls to such an item.
    fn also_shows(&self, item: Item) -> bool {
        let _ = item;
        false
    }

    /// `item` was selected somewhere: a view may follow it (e.g. filter by a selected region,
    /// or scroll to a case's first passage).
    fn follow_selection(&mut self, corpus: &Corpus, item: Item) {
        let _ = (corpus, item);
    }

    /// The region filter the views share changed (a region position, or `None` for all): a view
    /// that filters by region shows the same one, so that clearing it in one view clears it in
    /// every view.
    fn set_region_filter(&mut self, region: Option<usize>) {
        let _ = region;
    }

    /// Whether it has anything to show for `corpus` (a Reader needs text, a Table tables …).
    /// In a bibliography opened on its own, views with nothing to show are hidden.
    fn has_content(&self, corpus: &Corpus) -> bool {
        let _ = corpus;
        true
    }

    /// The region filter it shows: `None` for a view that does not filter by region, else the
    /// region (a position) or `Some(None)` for all.
    fn region_filter(&self) -> Option<Option<usize>> {
        None
    }
}

/// Every main view in toolbar order, as it starts. Adding a view is one line here.
#[must_use]
pub fn registry() -> Vec<Box<dyn View>> {
    vec![
        Box::new(Reader::default()),
        Box::new(TableView::default()),
        Box::new(CasesView::default()),
        Box::new(TrendsView::default()),
        Box::new(ReferencesView::default()),
        Box::new(TourView::default()),
        Box::new(ChecksView::default()),
        Box::new(NotesView::default()),
    ]
}

/// The main views of an open window: the [`registry`]'s list, each with its own state.
pub struct Views {
    list: Vec<Box<dyn View>>,
}

impl Default for Views {
    fn default() -> Self {
        Self { list: registry() }
    }
}

impl std::fmt::Debug for Views {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

impl Views {
    /// Every view, in toolbar order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn View> {
        self.list.iter().map(AsRef::as_ref)
    }

    /// Every view, in toolbar order, to change.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut dyn View> {
        self.list.iter_mut().map(AsMut::as_mut)
    }

    /// The names of the views, in toolbar order.
    #[must_use]
    pub fn ids(&self) -> Vec<&'static str> {
        self.iter().map(View::id).collect()
    }

    /// The view called `id`.
    #[must_use]
    pub fn by_id(&self, id: &str) -> Option<&dyn View> {
        self.iter().find(|view| view.id() == id)
    }

    /// The view called `id`, to change.
    pub fn by_id_mut(&mut self, id: &str) -> Option<&mut dyn View> {
        self.iter_mut().find(|view| view.id() == id)
    }

    /// Whether the view called `id` is offered for `corpus` (toolbar, View menu, Ctrl+n): every
    /// view for a paper; for a bibliography opened on its own, only those with something to
    /// show (not the Reader, Table, Cases or Trends).
    #[must_use]
    pub fn is_offered(&self, id: &str, corpus: &Corpus) -> bool {
        self.by_id(id)
            .is_some_and(|view| !corpus.is_bibliography_only() || view.has_content(corpus))
    }

    /// The view to show for `corpus` when `current` is not offered for it: the first offered
    /// one (the Bibliography view for a bibliography file); `current` itself when it is offered.
    #[must_use]
    pub fn offered_or_first(&self, current: &str, corpus: &Corpus) -> &'static str {
        if let Some(view) = self
            .by_id(current)
            .filter(|_| self.is_offered(current, corpus))
        {
            return view.id();
        }
        self.iter()
            .find(|view| self.is_offered(view.id(), corpus))
            .map_or_else(|| self.first_id(), View::id)
    }

    /// The first view: shown when no other is asked for.
    #[must_use]
    pub fn first_id(&self) -> &'static str {
        self.iter().next().map_or("", View::id)
    }

    /// The view of type `T`, for what reaches into one view's own state (presentation mode,
    /// chart export, tests).
    #[must_use]
    pub fn get<T: View>(&self) -> Option<&T> {
        self.iter()
            .find_map(|view| (view as &dyn Any).downcast_ref::<T>())
    }

    /// The view of type `T`, to change.
    pub fn get_mut<T: View>(&mut self) -> Option<&mut T> {
        self.iter_mut()
            .find_map(|view| (view as &mut dyn Any).downcast_mut::<T>())
    }
}

/// What a view shows when the paper has nothing for it: a headline in muted italics, and a
/// line saying how to get something there.
pub fn empty_view_ui(ctx: &ViewCtx<'_>, ui: &mut egui::Ui, headline: &str, hint: &str) {
    ui.label(
        egui::RichText::new(headline)
            .italics()
            .color(ctx.theme.muted_text),
    );
    ui.label(egui::RichText::new(hint).color(ctx.theme.muted_text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_keep_their_spelling() {
        let views = Views::default();
        assert_eq!(
            views.ids(),
            [
                "reader",
                "table",
                "cases",
                "trends",
                "bibliography",
                "tour",
                "checks",
                "notes"
            ]
        );
        assert!(views.get::<TrendsView>().is_some());
        assert_eq!(views.by_id("table").map(View::title), Some("Table"));
    }

    #[test]
    fn every_item_that_has_a_place_has_one_view() {
        let views = Views::default();
        for item in [
            Item::Section(0),
            Item::Paragraph(0),
            Item::Citation(0),
            Item::TableRow(0),
            Item::Case(0),
            Item::Series(0),
            Item::SeriesPoint {
                series: 0,
                point: 0,
            },
        ] {
            assert_eq!(
                views.iter().filter(|v| v.can_show(item)).count(),
                1,
                "{item:?}"
            );
        }
        assert!(!views.iter().any(|v| v.can_show(Item::Reference(0))));
    }

    /// A bibliography on its own offers only the Bibliography, Checks and Notes views; a paper offers
    /// every view.
    #[test]
    fn a_bibliography_offers_only_the_references() {
        let views = Views::default();
        let paper = Corpus::builtin();
        assert!(views.ids().iter().all(|id| views.is_offered(id, &paper)));
        let file =
            crate::formats::import::into_corpus_file(paper.file.references.clone(), "refs.bib");
        let Ok(bibliography) = Corpus::from_file(file, "refs.bib") else {
            panic!("the built-in references load on their own");
        };
        let offered: Vec<&str> = views
            .ids()
            .into_iter()
            .filter(|id| views.is_offered(id, &bibliography))
            .collect();
        assert_eq!(offered, ["bibliography", "checks", "notes"]);
        assert_eq!(
            views.offered_or_first("reader", &bibliography),
            "bibliography"
        );
        assert_eq!(views.offered_or_first("table", &paper), "table");
    }
}
