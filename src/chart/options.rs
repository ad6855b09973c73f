//! How a chart shows its values: absolute, indexed or as change; on a linear or log axis.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which numbers a chart draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueMode {
    /// The values as the text gives them.
    #[default]
    Absolute,
    /// Each value relative to the first stated-or-approximate value, which is 100.
    IndexFirstYear,
    /// The percent change of each value from the first stated-or-approximate value.
    PercentChange,
}

impl ValueMode {
    /// Every mode, in display order.
    pub const ALL: [Self; 3] = [Self::Absolute, Self::IndexFirstYear, Self::PercentChange];

    /// A short human-readable label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Absolute => "Absolute values",
            Self::IndexFirstYear => "Index (first known year = 100)",
            Self::PercentChange => "% change from first known year",
        }
    }

    /// One line saying what the mode shows.
    #[must_use]
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Absolute => "The numbers exactly as the text gives them.",
            Self::IndexFirstYear => {
                "Each value divided by the first year's value the text gives, times 100."
            }
            Self::PercentChange => {
                "How far each value is above or below the first year's value the text gives, in percent."
            }
        }
    }

    /// The name `paperlens plot --mode` takes: `absolute`, `index` or `percent`.
    #[must_use]
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Absolute => "absolute",
            Self::IndexFirstYear => "index",
            Self::PercentChange => "percent",
        }
    }
}

impl fmt::Display for ValueMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

impl FromStr for ValueMode {
    type Err = String;

    /// Accepts the command-line names (`absolute`, `index`, `percent`) and the serde names
    /// (`index_first_year`, `percent_change`), in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "absolute" => Ok(Self::Absolute),
            "index" | "index_first_year" => Ok(Self::IndexFirstYear),
            "percent" | "percent_change" => Ok(Self::PercentChange),
            _ => Err(format!(
                "unknown value mode `{text}`; use absolute, index or percent"
            )),
        }
    }
}

/// How the value axis is spaced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AxisScale {
    /// Equal distances are equal differences.
    #[default]
    Linear,
    /// Equal distances are equal ratios (base 10).
    Log,
}

impl AxisScale {
    /// Every scale, in display order.
    pub const ALL: [Self; 2] = [Self::Linear, Self::Log];

    /// A short human-readable label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Linear => "Linear scale",
            Self::Log => "Logarithmic scale",
        }
    }

    /// One line saying what the scale shows.
    #[must_use]
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Linear => "Equal steps up the axis are equal differences in value.",
            Self::Log => {
                "Equal steps up the axis are equal ratios, so equal percentage changes look alike; needs values above zero."
            }
        }
    }

    /// The name `paperlens plot --scale` takes: `linear` or `log`.
    #[must_use]
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Linear => "linear",
            Self::Log => "log",
        }
    }
}

impl fmt::Display for AxisScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

impl FromStr for AxisScale {
    type Err = String;

    /// Accepts `linear`, `log` (or `logarithmic`), in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "linear" => Ok(Self::Linear),
            "log" | "logarithmic" => Ok(Self::Log),
            _ => Err(format!("unknown axis scale `{text}`; use linear or log")),
        }
    }
}

/// How to draw a chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartOptions {
    /// Which numbers to draw.
    pub value_mode: ValueMode,
    /// How the value axis is spaced.
    pub scale: AxisScale,
    /// Bars instead of a line (markers and labels are drawn either way).
    pub bars: bool,
    /// Draw a dashed line across years the text gives no number for. Off by default: a line
    /// across such a year reads as a value the paper never gives.
    pub connect_unstated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_from_cli_and_serde_names() {
        for mode in ValueMode::ALL {
            assert_eq!(mode.cli_name().parse::<ValueMode>(), Ok(mode));
            let serde_name = serde_json::to_string(&mode).unwrap_or_default();
            assert_eq!(serde_name.trim_matches('"').parse::<ValueMode>(), Ok(mode));
            assert!(!mode.explanation().is_empty());
        }
        assert!("median".parse::<ValueMode>().is_err());
        for scale in AxisScale::ALL {
            assert_eq!(scale.cli_name().parse::<AxisScale>(), Ok(scale));
        }
        assert!("sqrt".parse::<AxisScale>().is_err());
    }

    #[test]
    fn serde_names_are_snake_case() {
        assert_eq!(
            serde_json::to_string(&ValueMode::IndexFirstYear).ok(),
            Some("\"index_first_year\"".to_owned())
        );
        assert_eq!(
            serde_json::to_string(&AxisScale::Log).ok(),
            Some("\"log\"".to_owned())
        );
        let options: Result<ChartOptions, _> =
            serde_json::from_str(r#"{"value_mode": "percent_change", "bars": true}"#);
        assert_eq!(
            options.ok(),
            Some(ChartOptions {
                value_mode: ValueMode::PercentChange,
                scale: AxisScale::Linear,
                bars: true,
                connect_unstated: false,
            })
        );
    }
}
