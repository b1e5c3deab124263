//! Checking numeric options. Options stay text in [`crate::cli`] so that a bad value, from a flag or
//! from the environment, gets one line naming the option (exit code 2) instead of clap's message.

use std::fmt::Display;
use std::str::FromStr;

use crate::error::{CliError, CliResult};

/// Parses `value` as a number in `lo..=hi`. `source` is added to the message when the value came
/// from somewhere other than the flag (an environment variable).
pub fn in_range<T>(field: &str, value: &str, lo: T, hi: T, source: Option<&str>) -> CliResult<T>
where
    T: FromStr + PartialOrd + Display,
{
    match value.trim().parse::<T>() {
        // NaN fails both comparisons, so it is refused too.
        Ok(v) if v >= lo && v <= hi => Ok(v),
        _ => {
            let from = source.map(|s| format!(" (uit {s})")).unwrap_or_default();
            Err(CliError::input(
                field,
                format!("'{value}' is geen getal van {lo} tot en met {hi}{from}"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_outside_the_range_or_not_numbers_name_the_field() {
        assert_eq!(in_range("scale", "0.5", 0.0, 100.0, None), Ok(0.5));
        assert_eq!(in_range("scale", " 0 ", 0.0, 100.0, None), Ok(0.0));
        assert_eq!(in_range("scale", "100", 0.0, 100.0, None), Ok(100.0));
        for bad in ["-0.1", "100.5", "NaN", "inf", "veel", ""] {
            let e = in_range("scale", bad, 0.0, 100.0, None).unwrap_err();
            assert_eq!(e.exit_code(), 2);
            assert!(e.to_string().starts_with("scale: "), "{e}");
        }
        let e = in_range("scale", "x", 0.0, 100.0, Some("SCHAKEL_DEMO_SCALE")).unwrap_err();
        assert!(e.to_string().contains("SCHAKEL_DEMO_SCALE"), "{e}");
        assert!(in_range::<u32>("clients", "0", 1, 1024, None).is_err());
        assert!(in_range::<u32>("clients", "-3", 1, 1024, None).is_err());
    }
}
