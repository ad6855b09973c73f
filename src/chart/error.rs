//! Why a chart or a CSV export could not be made.

use std::fmt;

/// Why a chart could not be drawn, rasterised, or a CSV file read.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// The series has no points at all.
    NoPoints {
        /// The series id.
        series: String,
    },
    /// Every point of the series is "not stated", so there is nothing to draw.
    NoValues {
        /// The series id.
        series: String,
    },
    /// The value mode cannot be computed for this series (e.g. an index over a zero).
    ModeUndefined {
        /// The mode's label.
        mode: &'static str,
        /// Why it is undefined.
        reason: String,
    },
    /// A logarithmic axis was asked for, but a value is zero or negative.
    LogScaleNeedsPositive {
        /// The year of the first such value.
        year: i32,
        /// The value, as drawn (after the value mode).
        value: f64,
    },
    /// Bars were asked for on a logarithmic axis, where a bar's length says nothing of its
    /// value.
    BarsOnLogScale,
    /// The requested chart size is outside the supported range.
    InvalidSize {
        /// Requested width in pixels.
        width: u32,
        /// Requested height in pixels.
        height: u32,
    },
    /// The PNG scale factor is not a finite number in the supported range.
    InvalidScale(f32),
    /// plotters failed while drawing.
    Draw(String),
    /// The SVG could not be parsed for rasterising.
    Svg(String),
    /// The PNG could not be made or encoded.
    Png(String),
    /// A CSV file does not have the shape `series_csv` writes.
    Csv {
        /// The 1-based line the problem is on, when known.
        line: Option<u64>,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoPoints { series } => write!(f, "series `{series}` has no points to draw"),
            Self::NoValues { series } => write!(
                f,
                "series `{series}` has no year with a stated or approximate value, so there is nothing to draw"
            ),
            Self::ModeUndefined { mode, reason } => {
                write!(f, "cannot draw the series as \"{mode}\": {reason}")
            }
            Self::LogScaleNeedsPositive { year, value } => write!(
                f,
                "a logarithmic axis needs values above zero, but {year} is {value}; use the linear scale"
            ),
            Self::BarsOnLogScale => write!(
                f,
                "bars cannot be drawn on a logarithmic axis, where a bar's length says nothing of its value; draw a line, or use the linear scale"
            ),
            Self::InvalidSize { width, height } => write!(
                f,
                "a chart of {width}x{height} pixels is not supported; each side must be between {} and {} pixels",
                super::MIN_SIDE,
                super::MAX_SIDE
            ),
            Self::InvalidScale(scale) => write!(
                f,
                "the PNG scale factor must be a number from 0.25 to 4 (got {scale})"
            ),
            Self::Draw(message) => write!(f, "drawing the chart failed: {message}"),
            Self::Svg(message) => write!(f, "the chart's SVG could not be read back: {message}"),
            Self::Png(message) => write!(f, "the PNG could not be made: {message}"),
            Self::Csv {
                line: Some(line),
                message,
            } => write!(f, "CSV line {line}: {message}"),
            Self::Csv {
                line: None,
                message,
            } => write!(f, "CSV: {message}"),
        }
    }
}

impl std::error::Error for ChartError {}
