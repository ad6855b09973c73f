//! Tables and figures a text gives as loose lines: a PDF's text (as pdftotext writes it) prints
//! a table's caption and, beside it, the table's cells a word, a number or a short phrase a
//! line, in blocks of their own with no rows or columns to be told; a figure's caption likewise
//! with the words printed inside the figure (a chart's axis labels, a diagram's boxes). Those
//! blocks are the table's or the figure's, not paragraphs of the text: they are found here,
//! next to each caption that has no tab-separated table under it, so that a table keeps them as
//! a note and a figure as the words inside it.

use std::collections::HashMap;
use std::ops::Range;

use super::blocks::{Block, bracketed_caption, caption, is_source_line};
use super::inline::{BULLETS, reads_on};
use super::outline::Heading;

/// The longest line a block of loose cells has, in characters (a column of a two-column page
/// is about 55; a table's row run into one line is often longer, but seldom prose-like).
const LONGEST_CELL_LINE: usize = 60;

/// The most characters a block of loose cells holds.
const MOST_CELL_CHARACTERS: usize = 600;

/// How many words in lower case in a row make a line prose, not a table's cell.
const PROSE_RUN: usize = 4;

/// For each table or figure caption in `range` with no tab-separated table right under it, the
/// blocks holding its cells or words as loose lines, in order: those right before the caption (a
/// caption printed under its table or figure), or else those right after it. A block is taken
/// by one caption at most, the first in the text to reach it.
pub(super) fn find(
    blocks: &[Block<'_>],
    headings: &[Option<Heading>],
    range: Range<usize>,
) -> HashMap<usize, Vec<usize>> {
    let heading = |i: usize| headings.get(i).and_then(Option::as_ref);
    // In a paper that numbers its sections, a line without a number that reads as a heading
    // among a figure's or a table's words (`Primergy`, a node of a diagram) is one of them;
    // at the edge of those words it is a heading still (`Acknowledgments` after a chart).
    let numbered = headings
        .iter()
        .flatten()
        .filter(|h| h.numbering.is_some())
        .nth(1)
        .is_some();
    let no_heading = |i: usize| heading(i).is_none_or(|h| numbered && h.numbering.is_none());
    // A section's number printed apart from its title (`5.3`⏎⏎`Model Size Comparison`) is the
    // heading's, however much it looks like a cell.
    let is_cells = |i: usize| {
        range.contains(&i)
            && no_heading(i)
            && blocks.get(i).is_some_and(is_loose_cells)
            && !(heading(i + 1).is_some() && blocks.get(i).is_some_and(is_lone_number))
    };
    // After a cell that reads on (`Mobility`, `Frame 30`), an unnumbered heading is one more
    // cell (`Frame 90`, a table's title in capitals), as the text read on before them.
    let reads_on_into = |i: usize| {
        range.contains(&i)
            && heading(i).is_some_and(|h| h.numbering.is_none())
            && blocks
                .get(i - 1)
                .and_then(Block::lines)
                .and_then(|lines| lines.last())
                .is_some_and(|line| reads_on(line))
    };
    let mut found: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut taken_up_to = range.start;
    for at in range.clone() {
        let Some(Block::Text { lines, .. }) = blocks.get(at) else {
            continue;
        };
        let tab_table_under = matches!(blocks.get(at + 1), Some(Block::Table { .. }));
        if heading(at).is_some() || tab_table_under || !is_caption(lines) {
            continue;
        }
        // A caption with the text's lines under it in its block has none of its own after it.
        let text_under = caption_end(lines).is_some();
        let mut before: Vec<usize> = (taken_up_to..at)
            .rev()
            .take_while(|&i| is_cells(i))
            .collect();
        before.reverse();
        while before.first().is_some_and(|&i| heading(i).is_some()) {
            before.remove(0);
        }
        let cells = if before.is_empty() && !text_under {
            let mut after: Vec<usize> = Vec::new();
            for i in at + 1..range.end {
                let goes_on = after.last() == Some(&(i - 1)) && reads_on_into(i);
                // Right under the caption, a block opening in lower case is the sentence the
                // caption interrupted going on (`sponding representations Q, K, and V :`).
                if (!is_cells(i) && !goes_on) || (i == at + 1 && opens_in_lower_case(blocks, i)) {
                    break;
                }
                after.push(i);
            }
            while after
                .last()
                .is_some_and(|&i| heading(i).is_some() && !reads_on_into(i))
            {
                after.pop();
            }
            after
        } else {
            before
        };
        taken_up_to = cells.last().map_or(at + 1, |&last| last.max(at) + 1);
        if !cells.is_empty() {
            found.insert(at, cells);
        }
    }
    found
}

/// Where a caption ends when the text's lines follow it in its block (pdftotext gives a
/// caption and the column under it without a blank line between): the index of the caption's
/// last line. That line ends a sentence and is short beside the block's lines (a paragraph's
/// last line), or far wider than them (a caption across both columns over one column's
/// text); or the caption is its first line alone, short, its title in Title Case, with the
/// text going on in lower case under it (`Figure 5: Tablet Representation`⏎`reads its metadata
/// …`). What follows must read as prose: at least two lines and [`LEAST_TEXT_AFTER_CAPTION`]
/// characters, not a panel's legend (`(a) …`). `None` when the block is all caption, or no
/// caption.
pub(super) fn caption_end(lines: &[&str]) -> Option<usize> {
    caption(lines.first()?.trim())?;
    let (widths, median) = super::inline::widths_and_median(lines)?;
    let mut caption_text = String::new();
    for (end, (line, &width)) in lines.iter().zip(&widths).enumerate() {
        caption_text.push_str(line.trim());
        caption_text.push(' ');
        let rest = lines.get(end + 1..).unwrap_or_default();
        let rest_characters: usize = widths.get(end + 1..).unwrap_or_default().iter().sum();
        if rest.len() < 2 || rest_characters < LEAST_TEXT_AFTER_CAPTION {
            return None;
        }
        let next = rest.first().map_or("", |line| line.trim_start());
        if next.starts_with('(') {
            continue;
        }
        let short = width * 4 < median * 3;
        let wide = width * 2 > median * 3;
        let ends = super::inline::is_finished(line) && (short || wide);
        let title_alone = end == 0
            && short
            && next.chars().next().is_some_and(char::is_lowercase)
            && caption(line.trim()).is_some_and(|(_, _, words)| is_title_case(&words));
        if (ends || title_alone)
            && caption(caption_text.trim()).is_some_and(|(_, _, words)| !words.is_empty())
        {
            return Some(end);
        }
    }
    None
}

/// Whether every word of four letters or more opens in capitals (`Tablet Representation`), as a
/// caption's title can be printed; a line of a sentence broken short (`The correction factor
/// 𝑓𝑖𝑛`) is not.
fn is_title_case(words: &str) -> bool {
    !words.is_empty()
        && words
            .split_whitespace()
            .filter(|word| word.chars().count() >= 4)
            .all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// The fewest characters of text that make the lines under a caption the text's, not more of
/// the caption (see [`caption_end`]).
const LEAST_TEXT_AFTER_CAPTION: usize = 100;

/// Whether the block at `i` opens with a letter in lower case.
fn opens_in_lower_case(blocks: &[Block<'_>], i: usize) -> bool {
    blocks
        .get(i)
        .and_then(Block::lines)
        .and_then(|lines| lines.first())
        .and_then(|line| line.trim_start().chars().next())
        .is_some_and(char::is_lowercase)
}

/// Whether a block is one number of parts (`5.3`, `12`), as a section's number or a cell prints.
fn is_lone_number(block: &Block<'_>) -> bool {
    block.lines().is_some_and(|lines| {
        lines.len() == 1
            && lines.iter().all(|line| {
                let line = line.trim().trim_end_matches('.');
                !line.is_empty() && line.chars().all(|c| c.is_ascii_digit() || c == '.')
            })
    })
}

/// Whether the lines are a table's or a figure's caption (`Table 3: Denotation accuracy …`,
/// `Figure 1. Flow chart …`).
fn is_caption(lines: &[&str]) -> bool {
    caption(lines.join(" ").trim()).is_some()
}

/// Whether a block reads as a table's cells given loose: short lines, none of them a sentence
/// or a run of prose, none a caption, a `Source:` line or a list item.
fn is_loose_cells(block: &Block<'_>) -> bool {
    let Block::Text { lines, .. } = block else {
        return false;
    };
    let characters: usize = lines.iter().map(|line| line.chars().count()).sum();
    let text = lines.join(" ");
    characters <= MOST_CELL_CHARACTERS
        && caption(text.trim()).is_none()
        && bracketed_caption(text.trim()).is_none()
        && !is_source_line(text.trim())
        && lines.iter().all(|line| is_cell_line(line))
}

/// Whether one line can be a cell (or a few cells) of a table: short, not a list item, not
/// ending a sentence, and without [`PROSE_RUN`] words in lower case in a row.
fn is_cell_line(line: &str) -> bool {
    let line = line.trim();
    // A list item starts with a bullet or a dash and goes on in words; a dash alone, or
    // before a number, is a cell's (a value missing, a negative one).
    let list_item = (line.starts_with(BULLETS) || line.starts_with(['–', '-', '*']))
        && line.chars().any(char::is_alphabetic);
    if line.chars().count() > LONGEST_CELL_LINE || list_item {
        return false;
    }
    let mut ending = line.chars().rev();
    let ends_sentence = matches!(ending.next(), Some('.' | '?' | '!'))
        && ending.next().is_some_and(char::is_alphabetic);
    let mut lower_run = 0;
    let mut longest_lower_run = 0;
    for word in line.split_whitespace() {
        // A letter alone other than `a` is a variable (`n = 79`), not a word of prose.
        let variable = word.chars().count() == 1 && word != "a";
        if !variable
            && word.chars().next().is_some_and(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ',' | ';' | '-'))
        {
            lower_run += 1;
            longest_lower_run = longest_lower_run.max(lower_run);
        } else {
            lower_run = 0;
        }
    }
    !ends_sentence && longest_lower_run < PROSE_RUN
}

#[cfg(test)]
mod tests {
    // A test that panics on a missing value is the test failing, with its message.
    #![allow(clippy::unwrap_used)]

    use super::{caption_end, find, is_cell_line};
    use crate::corpus::model::CorpusFile;
    use crate::formats::paper::plain::blocks::{Block, blocks, lines};
    use crate::formats::paper::plain::pdf_text_tests::{corpus_and_report, paragraph_texts};

    /// The words kept inside each figure of `file`, in order.
    fn figure_words(file: &CorpusFile) -> Vec<&str> {
        file.figures.iter().map(|f| f.inner_text.as_str()).collect()
    }

    fn found(text: &str) -> Vec<(usize, Vec<usize>)> {
        let lines = lines(text);
        let skip = vec![false; lines.len()];
        let blocks: Vec<Block<'_>> = blocks(&lines, &skip, None);
        let headings = vec![None; blocks.len()];
        let mut found: Vec<_> = find(&blocks, &headings, 0..blocks.len())
            .into_iter()
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_pdf_s_loose_table_is_a_table_with_its_cells_as_a_note_not_paragraphs() {
        let text = "Robust Models of Tables\n\nA. Author\n\n\
                    1 Introduction\n\n\
                    Models of tables read rows and columns in a fixed order [1].\n\n\
                    Model\nTAPAS\nOURS\n\n40.8\n42.5\n\n\
                    Table 1: Accuracy of the models on the test set, as in [2].\n\n\
                    Our model reads the table in any order and keeps its accuracy.\n\n\
                    2 Results\n\n\
                    The parameters are given in Table 2.\n\n\
                    Table 2\nParameters of the evaluation\n\n\
                    Frame 30\n\nSymbol\nomega\n\nFrame 90\n\n\
                    3 Conclusions\n\n\
                    Tables read in any order keep their meaning for the model.\n\n\
                    References\n\n\
                    [1] A. Smith, \"Reading tables,\" Journal of Tables, vol. 3, pp. 1-9, 2019.\n\
                    [2] B. Jones, \"Table models,\" Journal of Tables, vol. 4, pp. 5-8, 2020.\n";
        let (corpus, messages) = corpus_and_report(text);
        let sections: Vec<(&str, &str)> = corpus
            .file
            .sections
            .iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            sections,
            [
                ("1", "Introduction"),
                ("2", "Results"),
                ("3", "Conclusions")
            ]
        );
        let tables: Vec<(&str, &str, Vec<&str>)> = corpus
            .file
            .tables
            .iter()
            .map(|t| {
                let notes = t.footnotes.iter().map(|n| n.text.as_str()).collect();
                (t.label.as_str(), t.caption.as_str(), notes)
            })
            .collect();
        let note = "The source gives this table's text without its rows and columns: ";
        assert_eq!(
            tables,
            [
                (
                    "Table 1",
                    "Accuracy of the models on the test set, as in [2].",
                    vec![format!("{note}Model TAPAS OURS 40.8 42.5").as_str()]
                ),
                (
                    "Table 2",
                    "Parameters of the evaluation",
                    vec![format!("{note}Frame 30 Symbol omega Frame 90").as_str()]
                ),
            ]
        );
        // The caption's citation links the table to its reference.
        let table_one = corpus.file.tables.first().unwrap();
        let cited: Vec<&str> = corpus
            .file
            .references
            .iter()
            .filter(|r| table_one.references.contains(&r.id))
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(cited, ["Table models"]);
        // No cell is left in the running text.
        let paragraphs = paragraph_texts(&corpus.file);
        assert_eq!(paragraphs.len(), 4, "{paragraphs:?}");
        assert!(
            paragraphs
                .iter()
                .all(|p| !p.contains("40.8") && !p.contains("Frame")),
            "{paragraphs:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("2 tables without cells in the source")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_pdf_s_figure_keeps_the_words_printed_inside_it_not_the_sentence_it_interrupts() {
        let text = "A Cohort Followed for Twenty Years\n\nA. Author\n\n\
                    1 Methods\n\n\
                    Participants were drawn from a cohort followed since 1988 [1].\n\n\
                    Baseline assessment\n\nn = 600\n\n\
                    Participants excluded:\nMissing life events data, n = 79\n\n\
                    n = 2,462\n\n\
                    Figure 1. Flow chart of the study sample.\n\n\
                    Each participant gave answers and the corre-\n\n\
                    Figure 2: Answers by test wave.\n\n\
                    sponding scores S, T, and U :\n\nS = 2 T\n\n\
                    2 Results\n\n\
                    Of the final sample, 423 participants developed dementia.\n\n\
                    References\n\n\
                    [1] A. Smith, \"A cohort,\" Journal of Cohorts, vol. 3, pp. 1-9, 2019.\n";
        let (corpus, _) = corpus_and_report(text);
        let figures: Vec<(&str, &str)> = corpus
            .file
            .figures
            .iter()
            .map(|f| (f.label.as_str(), f.inner_text.as_str()))
            .collect();
        assert_eq!(
            figures,
            [
                (
                    "Figure 1",
                    "Baseline assessment · n = 600 · Participants excluded: Missing life events \
                     data, n = 79 · n = 2,462"
                ),
                // Under its caption, a block opening in lower case goes on with the sentence
                // the figure interrupted: it is the text's, not the figure's.
                ("Figure 2", ""),
            ]
        );
        let paragraphs = paragraph_texts(&corpus.file);
        assert!(
            paragraphs.iter().all(|p| !p.contains("n = ")),
            "{paragraphs:?}"
        );
        assert!(
            paragraphs.iter().any(|p| p.contains("scores S, T, and U")),
            "{paragraphs:?}"
        );
        // A figure's words are found by search, and lead to the figure.
        let found = crate::corpus::search::SearchIndex::new(&corpus).search("excluded", 10);
        assert!(
            found
                .iter()
                .any(|hit| hit.item == crate::corpus::Item::Figure(0)),
            "{found:?}"
        );
    }

    #[test]
    fn a_caption_ends_where_the_column_s_text_goes_on_in_its_block() {
        // A paragraph's last line, short, ends the caption.
        let geometry = [
            "Figure 1: Geometry of two horizontally aligned views where p",
            "denotes a pixel in the reference frame, and d denotes the",
            "disparity between them along the horizontal dimension of it,",
            "as shown here.",
            "In their excellent taxonomy paper [1], Scharstein and",
            "Szeliski classify stereo algorithms as local or global ones.",
        ];
        assert_eq!(caption_end(&geometry), Some(3));
        let short_title = [
            "Figure 2: Writing to Bigtable.",
            "applications. Applications that need to avoid collisions",
            "must generate unique timestamps themselves. Different",
            "versions of a cell are stored in decreasing timestamp order.",
        ];
        assert_eq!(caption_end(&short_title), Some(0));
        // A caption across both columns over one column's text.
        let across = [
            "Table 2: Characteristics of a few tables in production use. Table size and cells \
             indicate approximate sizes.",
            "Each row in the imagery table corresponds to a single",
            "geographic segment. Rows are named to ensure that",
            "adjacent geographic segments are stored near each other.",
        ];
        assert_eq!(caption_end(&across), Some(0));
        let title_alone = [
            "Figure 5: Tablet Representation",
            "reads its metadata from the METADATA table. This",
            "metadata contains the list of SSTables that comprise",
            "a tablet and a set of redo points into the logs.",
        ];
        assert_eq!(caption_end(&title_alone), Some(0));
    }

    #[test]
    fn a_caption_alone_in_its_block_is_all_caption() {
        for lines in [
            // Wrapped, its last line short.
            &[
                "Figure 3: Two sample frames from the synthetic video sequence",
                "(1st row), along with their corresponding ground truth disparity",
                "(2nd row), occlusion map (3rd row), and discontinuity",
                "map (4th row).",
            ][..],
            // A line broken short at a symbol, the sentence going on in lower case.
            &[
                "Figure 6: The correction factor f",
                "for a (a) negatively charged electron and (b) positively charged muon. On the \
                 horizontal axis the binning in the transverse mass is shown.",
                "measurement binning in the transverse mass of the W boson is shown too.",
            ][..],
            // The label on a line of its own.
            &[
                "Figure 1.",
                "Flow chart detailing the derivation of the study sample from",
                "the population registry of the municipality, by age and sex.",
            ][..],
            // A panel's legend under each short line.
            &[
                "Figure 4: Results.",
                "(a) Accuracy of the models on the test set by the size of",
                "the training set. (b) Loss of the models by the epoch of training.",
            ][..],
            // No caption.
            &[
                "Tables are read in any order.",
                "The models keep their accuracy when the rows of a table are",
                "shuffled, as the results of the evaluation show here.",
            ][..],
        ] {
            assert_eq!(caption_end(lines), None, "{lines:?}");
        }
    }

    #[test]
    fn a_sentence_a_figure_interrupts_goes_on_after_it_and_the_caption_keeps_its_own_words() {
        let text = "Stores for Versioned Data\n\nA. Author\n\n\
                    1 Design\n\n\
                    Each cell of the table holds several versions of its data, indexed by a \
                    timestamp that the server or the client\n\n\
                    Client\nServer\n\n\
                    Figure 2: Writing to the store.\n\
                    assigns. Clients that need to avoid collisions generate their\n\
                    own timestamps. Versions of a cell are stored in decreasing\n\
                    timestamp order, so that the most recent are read first.\n\n\
                    2 Results\n\n\
                    The store served every request within a millisecond.\n\n\
                    Table *T = OpenOrDie(\"/store/web/table\"); RowMutation r1(T, \"row\");\n\
                    r1.Set(\"anchor:www.example.org\", \"Example\"); Apply(&op, &r1);\n\n\
                    Figure 3: Writing to the store in code.\n\n\
                    applications. Clients apply their changes one row at a time, in the order \
                    they were made.\n";
        let (corpus, _) = corpus_and_report(text);
        let figure = corpus.file.figures.first().unwrap();
        assert_eq!(figure.caption, "Writing to the store.");
        // The words above a caption the text runs on from are that figure's, not the next's.
        let words = figure_words(&corpus.file);
        assert_eq!(words, ["Client Server", ""]);
        let paragraphs = paragraph_texts(&corpus.file);
        assert_eq!(
            paragraphs,
            [
                "Each cell of the table holds several versions of its data, indexed by a \
                 timestamp that the server or the client assigns. Clients that need to avoid \
                 collisions generate their own timestamps. Versions of a cell are stored in \
                 decreasing timestamp order, so that the most recent are read first.",
                "The store served every request within a millisecond.",
                // A listing's line of code ends no sentence of the text.
                "Table *T = OpenOrDie(\"/store/web/table\"); RowMutation r1(T, \"row\"); \
                 r1.Set(\"anchor:www.example.org\", \"Example\"); Apply(&op, &r1);",
                "applications. Clients apply their changes one row at a time, in the order they \
                 were made."
            ]
        );
        // The figure stands before the paragraph it interrupts.
        assert_eq!(figure.section.as_deref(), Some("design"));
        assert_eq!(figure.after_paragraph, None);
    }

    #[test]
    fn in_a_numbered_paper_a_heading_among_a_figure_s_words_is_one_of_them_but_not_at_its_edge() {
        let text = "Job Scheduling on Clusters\n\nA. Author\n\n\
                    1 Introduction\n\n\
                    Clusters run jobs from several queues, as Figure 1 shows for a small one.\n\n\
                    Summary (270 words)\n\nDiscussion\n\nSource document (4.8K words)\n\n\
                    Figure 1: Job submission in clusters.\n\
                    The submissions of jobs are made by some specific nodes by way\n\
                    of several priority queues, as depicted in Figure 1 for them.\n\
                    No other submission is allowed by the scheduler of the cluster.\n\n\
                    2 Results\n\n\
                    The queues served every job within a second, as Figure 2 shows.\n\n\
                    Acknowledgments\n\n0.2\n0.4\n\n\
                    Figure 2: Waiting time by queue.\n\n\
                    We thank the operators of the cluster for their help.\n";
        let (corpus, _) = corpus_and_report(text);
        // `Discussion`, a box of the diagram between two others, is the figure's; the
        // `Acknowledgments` above the chart's ticks open their section.
        let words = figure_words(&corpus.file);
        assert_eq!(
            words,
            [
                "Summary (270 words) · Discussion · Source document (4.8K words)",
                "0.2 0.4"
            ]
        );
        let sections: Vec<&str> = corpus
            .file
            .sections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(sections, ["Introduction", "Results", "Acknowledgments"]);
    }

    #[test]
    fn cells_are_short_phrases_and_numbers_not_prose() {
        for cell in [
            "40.8",
            "TAPASBASE inter-sqa",
            "Forest age",
            "(years)",
            "Pine Ck",
            "n = 12",
            "Missing life events data, n = 79",
            "– –",
            "-0.5",
        ] {
            assert!(is_cell_line(cell), "{cell}");
        }
        for prose in [
            "tings, which shows the effectiveness",
            "treatments are given in Table 1.",
            "• Can we use perturbation",
            "– the second point of a list",
            "Does the model hold?",
        ] {
            assert!(!is_cell_line(prose), "{prose}");
        }
    }

    #[test]
    fn a_caption_under_its_table_takes_the_blocks_above_it() {
        // As pdftotext gives an ACL paper's table: the cells of a column a block, then the
        // caption under the table, then the text.
        let text = "The results follow.\n\nModel\nTAPAS\nOURS\n\n40.8\n42.5\n\n\
                    Table 3: Denotation accuracy on the test set.\n\n\
                    on similar perturbations, both in terms of performance and robustness?";
        assert_eq!(found(text), [(3, vec![1, 2])]);
    }

    #[test]
    fn a_caption_above_its_table_takes_the_blocks_under_it_and_leaves_the_next_table_s() {
        let text = "Table 1\nSite characteristics\n\nSite\nRedhill\n\n12.5\n\n\
                    Table 2\nRainfall terms\n\nPine Ck\n\n0.04\n\n\
                    Catchment details and treatments are given in Table 1.";
        assert_eq!(found(text), [(0, vec![1, 2]), (3, vec![4, 5])]);
    }

    #[test]
    fn a_caption_with_prose_around_it_or_a_tab_table_under_it_takes_nothing() {
        let prose = "Text before the table ends here.\n\nTable 1: Results.\n\n\
                     This paragraph follows the caption and talks about it.";
        assert!(found(prose).is_empty());
        let tab_table = "Group\n\nTable 1: Results.\n\nGroup\tMean\nA\t1.5\nB\t2.5";
        assert!(found(tab_table).is_empty());
    }
}
