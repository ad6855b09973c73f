//! Tests of reading TeX as text.

use super::tex_reading;

#[test]
fn letters_symbols_and_fonts_read_as_printed() {
    assert_eq!(tex_reading(r"\tau"), "τ");
    assert_eq!(tex_reading(r"$E = mc^2$"), "E = mc²");
    assert_eq!(tex_reading(r"\[ x \]"), "x");
    assert_eq!(tex_reading(r"p(\boldsymbol{y}|\boldsymbol{x})"), "p(y|x)");
    assert_eq!(tex_reading(r"p(y \mid x) = |x|"), "p(y ∣ x) = |x|");
    assert_eq!(tex_reading(r"t \leq \tau"), "t ≤ τ");
    assert_eq!(tex_reading(r"t - \tau"), "t − τ");
    assert_eq!(tex_reading(r"\alpha \in \left[0, 1\right]"), "α ∈ [0, 1]");
    assert_eq!(tex_reading(r"x \in \mathbb{R}^n"), "x ∈ ℝ^(n)");
    assert_eq!(
        tex_reading(r"f:\mathcal{V}\to\mathbb{R}, \Bbb{N} \subset \mathbb{Z}, \mathbb{E}[x]"),
        "f:V → ℝ, ℕ ⊂ ℤ, E[x]"
    );
    assert_eq!(tex_reading(r"\text{if } x > 0"), "if x > 0");
    assert_eq!(
        tex_reading(r"\ln(W_0) + \tau\ln(\lambda)"),
        "ln(W₀) + τ ln(λ)"
    );
    assert_eq!(tex_reading(r"\sin x"), "sin x");
    assert_eq!(
        tex_reading(r"\mathrm{d}x + y\operatorname{Var}(x)"),
        "dx + y Var(x)"
    );
    assert_eq!(tex_reading(r"90^\circ"), "90°");
    assert_eq!(tex_reading(r"f'(x)"), "f′(x)");
    assert_eq!(
        tex_reading(r"\dot{x} + \bar{x} + \hat{\beta}"),
        "dot(x) + bar(x) + hat(β)"
    );
    assert_eq!(tex_reading(r"\bar{a}\tilde{n}"), "āñ");
    assert_eq!(tex_reading(r"\Delta t \dot{x}_t"), "Δt dot(x)_(t)");
    // A table's ticks and crosses, and logic's signs.
    assert_eq!(tex_reading(r"$\checkmark$"), "✓");
    assert_eq!(tex_reading(r"\cmark / \xmark"), "✓/✗");
    assert_eq!(tex_reading(r"A \perp B \therefore C"), "A ⊥ B ∴ C");
}

#[test]
fn scripts_fractions_and_roots_follow_the_mathml_reading() {
    assert_eq!(tex_reading("E = mc^2"), "E = mc²");
    assert_eq!(tex_reading("x_{1,2} y^{-1}"), "x₁,₂y⁻¹");
    assert_eq!(tex_reading(r"\sum_{k=1}^K \pi_k"), "∑_(k = 1)^(K)π_(k)");
    assert_eq!(tex_reading(r"\frac{a+b}{2} \le \sqrt{y}"), "(a + b)/2 ≤ √y");
    assert_eq!(tex_reading(r"\frac{(a)(b)}{(c)}"), "((a)(b))/(c)");
    assert_eq!(tex_reading(r"\sqrt[3]{x}"), "³√x");
    assert_eq!(tex_reading(r"e^{-\lambda t}"), "e^(−λt)");
}

#[test]
fn environments_read_row_by_row() {
    let cases = r"W_t = \begin{cases} \lambda^tW_0 & t\leq\tau \\ \lambda^{\tau}W_{0}\delta^{t-\tau} & t > \tau \end{cases}";
    assert_eq!(
        tex_reading(cases),
        "W_(t) = {λ^(t)W₀, t ≤ τ; λ^(τ)W₀δ^(t − τ), t > τ}"
    );
    let matrix = r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}";
    assert_eq!(tex_reading(matrix), "(1 0; 0 1)");
    assert_eq!(tex_reading(r"\begin{array}{c} a \\ b \end{array}"), "a; b");
}

#[test]
fn what_it_does_not_know_is_kept_and_bad_tex_does_not_fail() {
    assert_eq!(tex_reading(r"\foo{x}{y} z"), r"\foo{x}{y}z");
    let hats = "\\hat".repeat(10_000);
    assert!(tex_reading(&hats).ends_with("hat"));
    assert_eq!(tex_reading("x^"), "x");
    assert_eq!(tex_reading("{{x}"), "x");
    assert_eq!(tex_reading("}x"), "}x");
    assert_eq!(tex_reading(r"\frac{a}"), "a/");
    assert_eq!(tex_reading("\\"), "\\");
    let deep = format!("{}x{}", "{".repeat(10_000), "}".repeat(10_000));
    assert!(tex_reading(&deep).contains('x'));
    let upright = format!("{}x{}", r"\mathrm{".repeat(10_000), "}".repeat(10_000));
    assert!(tex_reading(&upright).contains('x'));
    let scripts = "x^".repeat(10_000);
    assert!(tex_reading(&scripts).starts_with('x'));
}

proptest::proptest! {
    /// Any text, TeX or not, reads without a panic, as one line.
    #[test]
    fn any_text_reads_as_one_line(tex in r"[\\{}^_$&a-z0-9 \[\]()=+-]{0,80}|\PC{0,40}") {
        let reading = tex_reading(&tex);
        proptest::prop_assert!(!reading.contains('\n'));
        proptest::prop_assert!(!reading.starts_with(' ') && !reading.ends_with(' '));
    }
}
