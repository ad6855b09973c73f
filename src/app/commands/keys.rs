//! The keys side of the command table: what sets a command off ([`Trigger`]), how the overlay
//! writes a key, and where a command's keys act ([`Scope`]).

use eframe::egui::{Key, KeyboardShortcut, Modifiers, PointerButton};

/// What sets a command off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A key, with modifiers; taken from the input so that no widget also acts on it.
    Keys(KeyboardShortcut),
    /// A character typed while no text field has the keyboard (`?`).
    Typed(&'static str),
    /// A mouse button (the back and forward buttons on the side of a mouse).
    Pointer(PointerButton, &'static str),
}

impl Trigger {
    /// How the shortcut overlay and tooltips write it, e.g. `Ctrl+K`, `Alt+←`.
    #[must_use]
    pub fn text(self) -> String {
        match self {
            Self::Keys(shortcut) => {
                let mut text = String::new();
                for (held, name) in [
                    (shortcut.modifiers.command, "Ctrl+"),
                    (shortcut.modifiers.alt, "Alt+"),
                    (shortcut.modifiers.shift, "Shift+"),
                ] {
                    if held {
                        text.push_str(name);
                    }
                }
                text.push_str(key_name(shortcut.logical_key));
                text
            }
            Self::Typed(text) | Self::Pointer(_, text) => text.to_owned(),
        }
    }
}

/// A key's name as the overlay shows it.
fn key_name(key: Key) -> &'static str {
    match key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Escape => "Esc",
        Key::Enter => "Enter",
        Key::Space => "Space",
        Key::PageUp => "Page Up",
        Key::PageDown => "Page Down",
        other => other.symbol_or_name(),
    }
}

pub(super) const fn keys(modifiers: Modifiers, key: Key) -> Trigger {
    Trigger::Keys(KeyboardShortcut::new(modifiers, key))
}

/// The keys of the first nine views, in toolbar order.
pub(super) const VIEW_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Where a command's keys act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window (the explorer reads these keys each frame).
    Window,
    /// While the search box is open (the search box reads them).
    Search,
    /// While the Reader's find bar is open (the find bar reads them).
    Find,
    /// In presentation mode (presentation mode reads them).
    Presentation,
    /// Scrolling the Reader and lists: the list under the pointer or holding the keyboard
    /// focus, else the main view; never
    /// while a text field has the keyboard, and Space and the arrows only while no widget has
    /// the keyboard focus (a focused button takes Space, and the arrows move the focus).
    Scroll,
    /// On a chart that has the keyboard focus (Tab to it); the chart reads them.
    Chart,
    /// On a step of the Tour view that has the keyboard focus; the view reads them.
    TourStep,
    /// In the citation style picker's search field; the picker reads them.
    StylePicker,
}

impl Scope {
    /// The heading the shortcut overlay gives its keys; none for the whole window.
    #[must_use]
    pub fn heading(self) -> Option<&'static str> {
        match self {
            Self::Window => None,
            Self::Search => Some("In the search box"),
            Self::Find => Some("In the Reader's find bar"),
            Self::Presentation => Some("In presentation mode"),
            Self::Scroll => {
                Some("Scrolling the Reader and lists (the one under the pointer or with the focus)")
            }
            Self::Chart => Some("On a chart with the keyboard focus (Tab to it)"),
            Self::TourStep => Some("On a step of the Tour view with the keyboard focus"),
            Self::StylePicker => Some("In the citation style picker (View → Citation style)"),
        }
    }
}
