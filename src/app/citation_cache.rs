//! Formatted citations of the open corpus, computed once per style and locale (formatting runs
//! a CSL engine): every reference's forms, and the bibliography in the style's order. The five
//! common styles are formatted as they always were; any other style formats the whole list in
//! context, never a reference alone.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::style_choice::{ActiveStyle, StyleKey};
use crate::corpus::Corpus;
use crate::corpus::cite::Formatted;
use crate::formats::styles::{self, BibliographyEntry, CitationForms};

/// Formatted citations, computed once per style (and locale) for the open corpus.
#[derive(Debug, Default)]
pub struct CitationCache {
    /// Every reference's forms in a style, formatted together the first time the style is
    /// asked for (so that works of one author and year are told apart as the list does).
    by_style: RefCell<HashMap<StyleKey, Rc<Vec<CitationForms>>>>,
    /// The bibliography in a style, in the style's order.
    bibliographies: RefCell<HashMap<StyleKey, Rc<Vec<BibliographyEntry>>>>,
}

impl CitationCache {
    /// Every reference's forms in `style`, in the corpus's order.
    fn all_forms(&self, corpus: &Corpus, style: &ActiveStyle) -> Rc<Vec<CitationForms>> {
        let key = style.key();
        if let Some(all) = self.by_style.borrow().get(&key) {
            return Rc::clone(all);
        }
        let references: Vec<_> = corpus.file.references.iter().collect();
        let all = match (style.common_style(), &style.csl) {
            (Some(common), _) => {
                let numbers: Vec<u32> = (0..references.len())
                    .map(|p| corpus.index.reference_numbers.get(p).copied().unwrap_or(0))
                    .collect();
                styles::format_citations_of_all(&references, common, &numbers)
            }
            (None, Some(csl)) => {
                let in_context = styles::forms_in_context(&references, csl, &style.locale);
                self.bibliographies
                    .borrow_mut()
                    .insert(key.clone(), Rc::new(in_context.bibliography));
                in_context.forms
            }
            (None, None) => Vec::new(),
        };
        let all = Rc::new(all);
        self.by_style.borrow_mut().insert(key, Rc::clone(&all));
        all
    }

    /// The forms of reference `position` in `style`.
    fn forms(&self, corpus: &Corpus, position: usize, style: &ActiveStyle) -> CitationForms {
        self.all_forms(corpus, style)
            .get(position)
            .cloned()
            .unwrap_or_default()
    }

    /// The bibliography entry and in-text form of reference `position` in `style`.
    #[must_use]
    pub fn get(
        &self,
        corpus: &Corpus,
        position: usize,
        style: &ActiveStyle,
    ) -> (Formatted, String) {
        let forms = self.forms(corpus, position, style);
        (forms.entry, forms.parenthetical)
    }

    /// The form of reference `position` in `style` for a citation that is part of its
    /// sentence (`Porter and van der Linde (1995)`).
    #[must_use]
    pub fn narrative(&self, corpus: &Corpus, position: usize, style: &ActiveStyle) -> String {
        self.forms(corpus, position, style).narrative
    }

    /// The year alone of reference `position` in `style`, for a citation after its author's
    /// name (`(1995)`).
    #[must_use]
    pub fn year(&self, corpus: &Corpus, position: usize, style: &ActiveStyle) -> String {
        self.forms(corpus, position, style).year
    }

    /// Every reference of the corpus in `style`, in the order the style sorts them, with the
    /// numeric labels it prints.
    #[must_use]
    pub fn bibliography(&self, corpus: &Corpus, style: &ActiveStyle) -> Rc<Vec<BibliographyEntry>> {
        let key = style.key();
        if let Some(list) = self.bibliographies.borrow().get(&key) {
            return Rc::clone(list);
        }
        let list = if let Some(common) = style.common_style() {
            let references: Vec<_> = corpus.file.references.iter().collect();
            styles::format_bibliography(&references, common)
        } else {
            // Formatting the forms formats the bibliography with them.
            let _ = self.all_forms(corpus, style);
            if let Some(list) = self.bibliographies.borrow().get(&key) {
                return Rc::clone(list);
            }
            Vec::new()
        };
        let list = Rc::new(list);
        self.bibliographies
            .borrow_mut()
            .insert(key, Rc::clone(&list));
        list
    }

    /// Forgets everything (a new corpus was opened).
    pub fn clear(&self) {
        self.by_style.borrow_mut().clear();
        self.bibliographies.borrow_mut().clear();
    }
}
