//! What TeX's symbol commands, functions and accents print, in characters the window's
//! fonts all have.

/// What each symbol command prints: characters the window's fonts all have (`\phi` is `φ`,
/// `\ll` is `<<`, for want of `ϕ` and `≪`); a command whose symbol they lack is not here, and
/// is kept as written.
pub const SYMBOLS: [(&str, &str); 137] = [
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("epsilon", "ε"),
    ("varepsilon", "ε"),
    ("zeta", "ζ"),
    ("eta", "η"),
    ("theta", "θ"),
    ("vartheta", "θ"),
    ("iota", "ι"),
    ("kappa", "κ"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("nu", "ν"),
    ("xi", "ξ"),
    ("pi", "π"),
    ("varpi", "π"),
    ("rho", "ρ"),
    ("varrho", "ρ"),
    ("sigma", "σ"),
    ("varsigma", "ς"),
    ("tau", "τ"),
    ("upsilon", "υ"),
    ("phi", "φ"),
    ("varphi", "φ"),
    ("chi", "χ"),
    ("psi", "ψ"),
    ("omega", "ω"),
    ("Gamma", "Γ"),
    ("Delta", "Δ"),
    ("Theta", "Θ"),
    ("Lambda", "Λ"),
    ("Xi", "Ξ"),
    ("Pi", "Π"),
    ("Sigma", "Σ"),
    ("Upsilon", "Υ"),
    ("Phi", "Φ"),
    ("Psi", "Ψ"),
    ("Omega", "Ω"),
    ("times", "×"),
    ("cdot", "·"),
    ("pm", "±"),
    ("mp", "∓"),
    ("div", "÷"),
    ("leq", "≤"),
    ("le", "≤"),
    ("leqslant", "≤"),
    ("geq", "≥"),
    ("ge", "≥"),
    ("geqslant", "≥"),
    ("neq", "≠"),
    ("ne", "≠"),
    ("approx", "≈"),
    ("equiv", "≡"),
    ("sim", "∼"),
    ("simeq", "≃"),
    ("propto", "∝"),
    ("in", "∈"),
    ("notin", "∉"),
    ("subset", "⊂"),
    ("subseteq", "⊆"),
    ("cup", "∪"),
    ("cap", "∩"),
    ("to", "→"),
    ("rightarrow", "→"),
    ("leftarrow", "←"),
    ("gets", "←"),
    ("leftrightarrow", "↔"),
    ("Rightarrow", "⇒"),
    ("implies", "⇒"),
    ("Leftrightarrow", "⇔"),
    ("iff", "⇔"),
    ("mapsto", "↦"),
    ("ll", "<<"),
    ("gg", ">>"),
    ("land", "∧"),
    ("wedge", "∧"),
    ("lor", "∨"),
    ("vee", "∨"),
    ("circ", "∘"),
    ("mid", "∣"),
    ("vert", "|"),
    ("Vert", "‖"),
    ("cdots", "…"),
    ("dots", "…"),
    ("ldots", "…"),
    ("dotsc", "…"),
    ("dotsb", "…"),
    ("infty", "∞"),
    ("partial", "∂"),
    ("nabla", "∇"),
    ("sum", "∑"),
    ("prod", "∏"),
    ("int", "∫"),
    ("forall", "∀"),
    ("exists", "∃"),
    ("neg", "¬"),
    ("lnot", "¬"),
    ("emptyset", "∅"),
    ("varnothing", "∅"),
    ("prime", "′"),
    ("ast", "∗"),
    ("star", "⋆"),
    ("parallel", "‖"),
    ("langle", "⟨"),
    ("rangle", "⟩"),
    ("lfloor", "⌊"),
    ("rfloor", "⌋"),
    ("lceil", "⌈"),
    ("rceil", "⌉"),
    ("lbrace", "{"),
    ("rbrace", "}"),
    ("ell", "ℓ"),
    ("hbar", "ħ"),
    ("Re", "Re"),
    ("Im", "Im"),
    ("degree", "°"),
    ("percent", "%"),
    ("checkmark", "✓"),
    // What papers define for a table's ticks and crosses, with `pifont`'s `\ding`.
    ("cmark", "✓"),
    ("xmark", "✗"),
    ("dagger", "†"),
    ("ddagger", "‡"),
    ("bullet", "•"),
    ("perp", "⊥"),
    ("therefore", "∴"),
    ("because", "∵"),
    ("angle", "∠"),
    ("square", "□"),
    ("blacksquare", "■"),
    ("triangle", "△"),
    ("diamond", "⋄"),
    ("top", "⊤"),
    ("bot", "⊥"),
    ("vdash", "⊢"),
    ("models", "⊨"),
];

/// What a symbol command prints.
pub(super) fn symbol(name: &str) -> Option<&'static str> {
    SYMBOLS
        .iter()
        .find(|(command, _)| *command == name)
        .map(|(_, printed)| *printed)
}

/// Whether `\name` is a function named in upright letters (`\ln`, `\max`).
pub(super) fn is_function(name: &str) -> bool {
    matches!(
        name,
        "ln" | "log"
            | "lg"
            | "exp"
            | "sin"
            | "cos"
            | "tan"
            | "sec"
            | "csc"
            | "cot"
            | "arcsin"
            | "arccos"
            | "arctan"
            | "sinh"
            | "cosh"
            | "tanh"
            | "max"
            | "min"
            | "sup"
            | "inf"
            | "lim"
            | "liminf"
            | "limsup"
            | "det"
            | "dim"
            | "ker"
            | "arg"
            | "argmax"
            | "argmin"
            | "deg"
            | "gcd"
            | "Pr"
            | "var"
            | "Var"
            | "cov"
            | "Cov"
            | "tr"
            | "mod"
            | "bmod"
    )
}

/// The letters with an accent that the window's fonts have as one character, by accent.
pub const ACCENTED: [(&str, &str, &str); 4] = [
    ("hat", "aeiouyAEIOUY", "âêîôûŷÂÊÎÔÛŶ"),
    ("bar", "aeiouAEIOU", "āēīōūĀĒĪŌŪ"),
    ("tilde", "aeinouAINOU", "ãẽĩñõũÃĨÑÕŨ"),
    ("ddot", "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
];

/// An accented base: one letter as the character the fonts have for it (`ā`), else written
/// `dot(x)`, `hat(…)` (the fonts have no combining accents to put over any letter). `accent`
/// is TeX's name for it (`hat`, `bar`, `tilde`, `dot`, `ddot`, `vec`, `widehat`, …).
#[must_use]
pub fn accented(accent: &str, base: &str) -> String {
    let accent = match accent {
        "widehat" => "hat",
        "overline" => "bar",
        "widetilde" => "tilde",
        "overrightarrow" => "vec",
        other => other,
    };
    let mut letters = base.chars();
    if let (Some(letter), None) = (letters.next(), letters.next())
        && let Some((_, plain, marked)) = ACCENTED.iter().find(|(name, ..)| *name == accent)
        && let Some(at) = plain.chars().position(|c| c == letter)
        && let Some(marked) = marked.chars().nth(at)
    {
        return marked.to_string();
    }
    format!("{accent}({base})")
}
