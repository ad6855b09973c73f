//! What `paperlens plot` writes: a chart or table file chosen by its extension.

use std::path::Path;

use super::csv_file::series_csv;
use super::error::ChartError;
use super::options::ChartOptions;
use super::plan::Plan;
use super::png::{FontChoice, svg_to_png};
use super::svg::plan_svg;
use crate::corpus::model::{Figure, Series};

/// A file format a series can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// An SVG chart.
    Svg,
    /// A PNG chart.
    Png,
    /// The points as CSV (`year,value,status,source,quote`).
    Csv,
}

impl ExportFormat {
    /// The format named by a file's extension (`.svg`, `.png`, `.csv`, in any case), if any.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }

    /// Whether the file is a chart (SVG or PNG) rather than a table.
    #[must_use]
    pub fn is_chart(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }
}

/// Parses a size written `WIDTHxHEIGHT` (e.g. `1200x700`; `X` and `×` work too).
///
/// # Errors
/// A message saying what is expected.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let expected = || format!("the size `{text}` is not WIDTHxHEIGHT in pixels, e.g. 1200x700");
    let (width, height) = text
        .trim()
        .split_once(['x', 'X', '×'])
        .ok_or_else(expected)?;
    let width = width.trim().parse().map_err(|_| expected())?;
    let height = height.trim().parse().map_err(|_| expected())?;
    Ok((width, height))
}

/// The bytes of `series` exported as `format`; `figures` are the corpus's, for the chart's
/// note on a figure whose image is missing. `options`, `size` and `scale` shape charts only
/// (`scale` PNG only); CSV always holds the values as the text gives them.
///
/// # Errors
/// Those of [`Plan::new`], [`plan_svg`] and [`svg_to_png`].
pub fn export_series(
    series: &Series,
    figures: &[Figure],
    format: ExportFormat,
    options: &ChartOptions,
    size: (u32, u32),
    scale: f32,
) -> Result<Vec<u8>, ChartError> {
    let chart = || -> Result<String, ChartError> {
        let plan = Plan::new(series, options)?.with_figures(series, figures);
        plan_svg(&plan, size)
    };
    match format {
        ExportFormat::Svg => chart().map(String::into_bytes),
        ExportFormat::Png => {
            if !(scale.is_finite()
                && (super::png::MIN_SCALE..=super::png::MAX_SCALE).contains(&scale))
            {
                return Err(ChartError::InvalidScale(scale));
            }
            svg_to_png(&chart()?, scale, FontChoice::SystemAndEmbedded)
        }
        ExportFormat::Csv => Ok(series_csv(series).into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            ExportFormat::from_path(Path::new("a/b.SVG")),
            Some(ExportFormat::Svg)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("b.png")),
            Some(ExportFormat::Png)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("b.csv")),
            Some(ExportFormat::Csv)
        );
        assert_eq!(ExportFormat::from_path(Path::new("b.pdf")), None);
        assert_eq!(ExportFormat::from_path(Path::new("svg")), None);
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1200x700"), Ok((1200, 700)));
        assert_eq!(parse_size(" 800X600 "), Ok((800, 600)));
        assert_eq!(parse_size("640×480"), Ok((640, 480)));
        assert!(parse_size("1200").is_err());
        assert!(parse_size("axb").is_err());
        assert!(parse_size("-1x5").is_err());
    }
}
