//! The citation style picker, drawn in the View menu and in the Inspector: a field that
//! filters every style by name and title as you type (fuzzy, nucleo-matcher), the five common
//! styles first, then the `.csl` files loaded, then every bundled style; the style in use is
//! marked, with the locale it formats in. ↑ ↓ move the highlight, Enter chooses it; Tab reaches
//! each row too.

use eframe::egui::{self, RichText, Ui};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::commands::UiCommand;
use super::context::{Command, ViewCtx};
use super::style_choice::{StyleChoice, StyleEntry, bundled_entries, common_entries};
use crate::formats::styles::bundled_locale_codes;

/// The picker's own state, kept in egui's memory under its id.
#[derive(Clone, Debug, Default)]
struct PickerState {
    /// The words typed.
    query: String,
    /// The highlighted row, in the filtered list.
    cursor: usize,
    /// The frame it was last drawn in: drawn again after a gap, it was opened anew.
    last_frame: u64,
    /// Whether ↑ or ↓ moved the highlight since it opened.
    navigated: bool,
}

/// A group of the list: its heading and its entries.
struct Group {
    heading: String,
    entries: Vec<StyleEntry>,
}

/// The groups, each filtered by `query` and ordered by how well its entries match (all of
/// them, in their own order, when nothing is typed). Entries holding every word typed are
/// listed; when none does, a fuzzy match finds a name typed wrong (`vancover`). Empty groups
/// are left out.
fn filtered_groups(query: &str, loaded: &[StyleEntry]) -> Vec<Group> {
    let bundled = bundled_entries();
    let total = bundled.len();
    let groups = vec![
        ("Common styles".to_owned(), common_entries()),
        ("Loaded files".to_owned(), loaded.to_vec()),
        (format!("All bundled styles ({total})"), bundled),
    ];
    let query = query.trim();
    let by_words = matching(&groups, query, AtomKind::Substring);
    let found = if by_words.iter().all(|(_, entries)| entries.is_empty()) {
        matching(&groups, query, AtomKind::Fuzzy)
    } else {
        by_words
    };
    found
        .into_iter()
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(heading, entries)| Group { heading, entries })
        .collect()
}

/// Each group's entries that match `query` as `kind` atoms, best first (all of them when
/// nothing is typed).
fn matching(
    groups: &[(String, Vec<StyleEntry>)],
    query: &str,
    kind: AtomKind,
) -> Vec<(String, Vec<StyleEntry>)> {
    let pattern = Pattern::new(query, CaseMatching::Ignore, Normalization::Smart, kind);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    groups
        .iter()
        .map(|(heading, entries)| {
            if query.is_empty() {
                return (heading.clone(), entries.clone());
            }
            let mut scored: Vec<(u32, &StyleEntry)> = entries
                .iter()
                .filter_map(|entry| {
                    let haystack = format!("{} {} {}", entry.title, entry.name, entry.also);
                    let score =
                        pattern.score(Utf32Str::new(&haystack, &mut buffer), &mut matcher)?;
                    Some((score, entry))
                })
                .collect();
            scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
            let entries = scored.into_iter().map(|(_, entry)| entry.clone()).collect();
            (heading.clone(), entries)
        })
        .collect()
}

/// The label a row shows and AccessKit reads: the title, then the short name when it says
/// something more (`Nature · nature` is shortened to `Nature`).
#[must_use]
pub fn row_text(entry: &StyleEntry) -> String {
    if entry.title.is_empty() {
        entry.name.clone()
    } else if entry.title.eq_ignore_ascii_case(&entry.name) {
        entry.title.clone()
    } else {
        format!("{} · {}", entry.title, entry.name)
    }
}

/// What the keys did to the list this frame.
#[derive(Clone, Copy)]
struct ListKeys {
    /// The row highlighted, if one is.
    highlighted: Option<usize>,
    /// Whether ↑ or ↓ moved the highlight (it is scrolled into view).
    moved: bool,
    /// Whether Enter chose the highlighted row.
    enter: bool,
    /// Whether the picker opened this frame (the style in use is scrolled into view).
    opened: bool,
}

/// The groups of styles, each under its heading, the style in use marked; the style clicked
/// (or chosen by Enter), if any.
fn style_list_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    id: egui::Id,
    groups: &[Group],
    keys: ListKeys,
) -> Option<StyleChoice> {
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(ctx.theme.reading_width * 0.5)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let mut row = 0;
            for group in groups {
                ui.label(RichText::new(&group.heading).small().strong());
                for entry in &group.entries {
                    let current = entry.choice == ctx.citation_style.choice;
                    let mut response = ui.selectable_label(current, drawable_row_text(ui, entry));
                    if current && keys.opened {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                    let is_highlighted = keys.highlighted == Some(row);
                    if is_highlighted {
                        response = response.highlight();
                        if keys.moved {
                            response.scroll_to_me(Some(egui::Align::Center));
                        }
                    }
                    if response.clicked() || (keys.enter && is_highlighted) {
                        chosen = Some(entry.choice.clone());
                    }
                    row += 1;
                }
                ui.add_space(ctx.theme.gap * 0.5);
            }
        });
    chosen
}

/// [`row_text`] when the window's fonts can draw it, else the short name alone (a title in
/// a script the fonts lack, such as the Chinese national standard's).
fn drawable_row_text(ui: &Ui, entry: &StyleEntry) -> String {
    let text = row_text(entry);
    let font = egui::TextStyle::Button.resolve(ui.style());
    if ui.ctx().fonts_mut(|fonts| fonts.has_glyphs(&font, &text)) {
        text
    } else {
        entry.name.clone()
    }
}

/// What the picker's buttons say on hover.
const PICKER_HOVER: &str =
    "Choose the citation style: search every bundled style, or load a .csl file";

/// A button naming the style in use that opens the picker below it (the Inspector); clicks
/// inside the picker (its search field) leave it open.
pub fn style_picker_button_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, id_salt: &str) {
    let text = format!("{} ▼", ctx.citation_style.label_with_locale());
    let (response, _) = egui::containers::menu::MenuButton::new(text)
        .config(picker_menu_config())
        .ui(ui, |ui| style_picker_ui(ctx, ui, id_salt));
    response.on_hover_text(PICKER_HOVER);
}

/// A menu entry naming the style in use that opens the picker beside it (the View menu).
pub fn style_picker_submenu_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, id_salt: &str) {
    let (response, _) =
        egui::containers::menu::SubMenuButton::new(ctx.citation_style.label_with_locale())
            .config(picker_menu_config())
            .ui(ui, |ui| style_picker_ui(ctx, ui, id_salt));
    response.on_hover_text(PICKER_HOVER);
}

/// Menus holding the picker close on a click outside, not on a click in the search field.
fn picker_menu_config() -> egui::containers::menu::MenuConfig {
    egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
}

/// The locale a style other than the five formats in: its own, or any bundled locale (the
/// five keep the locale they are written for, so their output stays what it is).
fn locale_menu_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let active = &ctx.citation_style;
    if active.csl.is_none() {
        ui.label(
            RichText::new("The five common styles keep the locale they are written for.")
                .small()
                .color(ctx.theme.muted_text),
        );
        return;
    }
    let (response, _) =
        egui::containers::menu::SubMenuButton::new(format!("Locale: {}", active.locale))
            .config(picker_menu_config())
            .ui(ui, |ui| {
                let own = active.locale == active.own_locale;
                if ui
                    .selectable_label(own, format!("The style's own ({})", active.own_locale))
                    .clicked()
                {
                    ctx.send(Command::SetCitationLocale(None));
                    ui.close();
                }
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(ctx.theme.reading_width * 0.5)
                    .show(ui, |ui| {
                        for code in bundled_locale_codes() {
                            if ui
                                .selectable_label(!own && active.locale == code, &code)
                                .clicked()
                            {
                                ctx.send(Command::SetCitationLocale(Some(code)));
                                ui.close();
                            }
                        }
                    });
            });
    response.on_hover_text("Format in another language: words such as “and”, “in”, month names");
}

/// The picker, under `id_salt` (one per place it is drawn). Choosing a style sends
/// [`Command::SetCitationStyle`] and closes the menu it is in.
pub fn style_picker_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, id_salt: &str) {
    let id = ui.make_persistent_id(("citation-style-picker", id_salt));
    let frame = ui.ctx().cumulative_frame_nr();
    let mut state: PickerState = ui.data(|data| data.get_temp(id)).unwrap_or_default();
    let opened = state.last_frame + 1 < frame;
    if opened {
        state.query.clear();
        state.cursor = 0;
        state.navigated = false;
    }
    state.last_frame = frame;

    ui.set_min_width(ctx.theme.reading_width * 0.5);
    ui.label(
        RichText::new(format!(
            "In use: {}",
            ctx.citation_style.label_with_locale()
        ))
        .small()
        .color(ctx.theme.muted_text),
    );
    locale_menu_ui(ctx, ui);
    let field = ui
        .horizontal(|ui| {
            let label = ui.label("Find a style");
            ui.add(
                egui::TextEdit::singleline(&mut state.query)
                    .id(id.with("query"))
                    .hint_text("name or title, e.g. vancouver")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        })
        .inner;
    if opened {
        field.request_focus();
    }
    if field.changed() {
        state.cursor = 0;
    }

    let groups = filtered_groups(&state.query, ctx.loaded_styles);
    let count: usize = groups.iter().map(|group| group.entries.len()).sum();
    let (up, down, enter) = if field.has_focus() || field.lost_focus() {
        ui.ctx().input_mut(|input| {
            (
                UiCommand::StylePickerPrevious.triggered(input, false),
                UiCommand::StylePickerNext.triggered(input, false),
                UiCommand::StylePickerChoose.triggered(input, false),
            )
        })
    } else {
        (false, false, false)
    };
    let moved = up || down;
    if up {
        state.cursor = state.cursor.saturating_sub(1);
    }
    if down {
        state.cursor = (state.cursor + 1).min(count.saturating_sub(1));
    }
    if moved {
        state.navigated = true;
        field.request_focus();
    }
    // The highlight shows once something was typed or the arrows moved it; Enter takes it.
    let highlighted = (state.navigated || !state.query.trim().is_empty()).then_some(state.cursor);

    if count == 0 {
        ui.label(
            RichText::new("No style matches. Load a .csl file of your own below.")
                .color(ctx.theme.muted_text),
        );
    }
    let keys = ListKeys {
        highlighted,
        moved,
        enter,
        opened,
    };
    let chosen = style_list_ui(ctx, ui, id.with("list"), &groups, keys);
    ui.separator();
    if ui
        .button(UiCommand::LoadCitationStyle.text())
        .on_hover_text(UiCommand::LoadCitationStyle.hover_text())
        .clicked()
    {
        ctx.send(Command::LoadStyleDialog);
        ui.close();
    }
    ui.data_mut(|data| data.insert_temp(id, state));
    if let Some(choice) = chosen {
        ctx.send(Command::SetCitationStyle(choice));
        ui.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(groups: &[Group]) -> Vec<String> {
        groups
            .iter()
            .flat_map(|group| group.entries.iter().map(|entry| entry.name.clone()))
            .collect()
    }

    #[test]
    fn nothing_typed_lists_the_five_first_then_every_bundled_style() {
        let groups = filtered_groups("", &[]);
        assert_eq!(groups.len(), 2, "no loaded files, no group for them");
        let all = names(&groups);
        assert_eq!(all.first().map(String::as_str), Some("APA 7th"));
        assert_eq!(all.get(4).map(String::as_str), Some("MLA 9th"));
        assert_eq!(all.len(), 5 + bundled_entries().len());
    }

    #[test]
    fn typing_filters_by_name_and_title_fuzzily() {
        let groups = filtered_groups("vancover", &[]);
        let all = names(&groups);
        assert!(
            all.iter()
                .any(|name| name.contains("vancouver") || name == "nlm-citation-sequence"),
            "{all:?}"
        );
        assert!(!all.contains(&"APA 7th".to_owned()), "{all:?}");
        // By title: "Nature" is the title of `nature`.
        let nature = names(&filtered_groups("nature", &[]));
        assert_eq!(
            nature.first().map(String::as_str),
            Some("nature"),
            "{nature:?}"
        );
        let loaded = [StyleEntry {
            choice: StyleChoice::File("/styles/my-lab.csl".into()),
            name: "my-lab.csl".to_owned(),
            title: "Our Lab Style".to_owned(),
            also: "/styles/my-lab.csl".to_owned(),
        }];
        let found = filtered_groups("lab style", &loaded);
        assert_eq!(
            found.first().map(|group| group.heading.as_str()),
            Some("Loaded files")
        );
    }
}
