//! `schakel monitor totals`: a year's totals counted from the database's monitor facts beside the
//! region's 2018 reference (times a scale), with the deviation of each. Exits 0 when every total is
//! within [`TOLERANCE`] of the reference, 1 otherwise: for the demo's synthetic year a calibration
//! check, for real data a plain "this year differs from 2018 by more than 5%".

use schakel_store::year_totals::{self as store_totals, Comparison, YearTotals};
use serde::Serialize;

use crate::args::in_range;
use crate::cli::MonitorCommand;
use crate::config::Config;
use crate::db;
use crate::error::{CliError, CliResult};
use crate::synthetic::{self, MAX_SCALE};

/// The largest deviation from the reference that still counts as matching it: 5%.
pub const TOLERANCE: f64 = 0.05;

pub async fn run(config: &Config, command: MonitorCommand) -> CliResult<()> {
    match command {
        MonitorCommand::Totals { year, scale, json } => {
            let year = year
                .as_deref()
                .map(|y| synthetic::parse_year("year", y))
                .transpose()?;
            let scale = scale
                .as_deref()
                .map(|s| in_range("scale", s, 0.0, MAX_SCALE, None))
                .transpose()?;
            totals(config, year, scale, json).await
        }
    }
}

#[derive(Serialize)]
struct Report<'a> {
    /// The first day counted and the day after the last.
    from: String,
    to: String,
    scale: f64,
    tolerance: f64,
    within: bool,
    totals: &'a YearTotals,
    comparisons: &'a [Comparison],
}

async fn totals(
    config: &Config,
    year: Option<i32>,
    scale: Option<f64>,
    json: bool,
) -> CliResult<()> {
    let (store, _) = db::open(config).await?;
    let counted = async {
        let recorded = synthetic::recorded(&store).await?;
        let calendar = |y: i32| {
            let p = schakel_app::synthetic::Period::year(y);
            (p.first_day, p.end())
        };
        let (from, to) = match (year, recorded.and_then(|r| r.range())) {
            (Some(y), _) => calendar(y),
            (None, Some(range)) => range,
            (None, None) => calendar(synthetic::this_year() - 1),
        };
        let scale = scale
            .or(recorded.map(|r| r.scale))
            .unwrap_or(synthetic::DEFAULT_SCALE);
        let got = store_totals::totals_between(&store, from, to).await?;
        CliResult::Ok((from, to, scale, got))
    }
    .await;
    store.close().await;
    let (from, to, scale, got) = counted?;
    let last = to.previous_day().unwrap_or(to);
    let comparisons = store_totals::compare(&got, scale);
    let within = all_within(&comparisons, TOLERANCE);
    if json {
        let report = Report {
            from: from.to_string(),
            to: to.to_string(),
            scale,
            tolerance: TOLERANCE,
            within,
            totals: &got,
            comparisons: &comparisons,
        };
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::failure(format!("JSON: {e}")))?;
        println!("{text}");
    } else {
        println!(
            "{} tot en met {}, geteld uit de database; referentie Veilig Thuis Noord- en Midden-Limburg 2018 x {scale}",
            schakel_domain::calendar::dutch_date(from),
            schakel_domain::calendar::dutch_date(last)
        );
        print!("{}", render(&comparisons));
    }
    let off = outside(&comparisons, TOLERANCE);
    if off == 0 {
        if !json {
            println!(
                "Alle {} totalen binnen {}% van de referentie.",
                comparisons.len(),
                TOLERANCE * 100.0
            );
        }
        Ok(())
    } else {
        Err(CliError::failure(format!(
            "{off} van de {} totalen wijken meer dan {}% af van de referentie",
            comparisons.len(),
            TOLERANCE * 100.0
        )))
    }
}

/// How many totals deviate more than `tolerance` (a fraction) from the reference.
pub fn outside(comparisons: &[Comparison], tolerance: f64) -> usize {
    comparisons
        .iter()
        .filter(|c| c.deviation.is_nan() || c.deviation.abs() > tolerance)
        .count()
}

/// Whether every total is within `tolerance` of the reference: the command's exit code 0.
pub fn all_within(comparisons: &[Comparison], tolerance: f64) -> bool {
    outside(comparisons, tolerance) == 0
}

/// The table: what, counted, the scaled reference, the deviation in percent, and a mark where it
/// exceeds the tolerance.
pub fn render(comparisons: &[Comparison]) -> String {
    let rows: Vec<Vec<String>> = comparisons
        .iter()
        .map(|c| {
            vec![
                c.what.clone(),
                c.got.to_string(),
                format!("{:.1}", c.expected),
                format!("{:+.1}%", c.deviation * 100.0),
                if c.deviation.abs() <= TOLERANCE {
                    String::new()
                } else {
                    "> 5%".into()
                },
            ]
        })
        .collect();
    crate::table::render(&["TOTAAL", "GETELD", "REFERENTIE", "AFWIJKING", ""], &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(what: &str, got: u64, expected: f64) -> Comparison {
        Comparison {
            what: what.into(),
            got,
            expected,
            deviation: (got as f64 - expected) / expected,
        }
    }

    #[test]
    fn exactly_five_percent_passes_and_more_fails_either_way() {
        let ok = vec![line("adviezen", 105, 100.0), line("meldingen", 95, 100.0)];
        assert!(all_within(&ok, TOLERANCE));
        let high = vec![line("adviezen", 106, 100.0), line("meldingen", 100, 100.0)];
        assert!(!all_within(&high, TOLERANCE));
        assert_eq!(outside(&high, TOLERANCE), 1);
        let low = vec![line("aard x", 94, 100.0)];
        assert!(!all_within(&low, TOLERANCE));
        let nan = vec![Comparison {
            deviation: f64::NAN,
            ..line("x", 1, 1.0)
        }];
        assert!(!all_within(&nan, TOLERANCE), "an unknown deviation fails");
    }

    #[test]
    fn the_reference_itself_is_within_and_a_skewed_year_is_not() {
        let reference = store_totals::reference_totals();
        let c = store_totals::compare(&reference, 1.0);
        assert!(all_within(&c, TOLERANCE));
        let mut skewed = reference.clone();
        skewed.adviezen = skewed.adviezen * 90 / 100;
        let c = store_totals::compare(&skewed, 1.0);
        assert_eq!(outside(&c, TOLERANCE), 1);
        let table = render(&c);
        let row = table.lines().find(|l| l.starts_with("adviezen")).unwrap();
        assert!(row.contains("-10.0%") && row.ends_with("> 5%"), "{row}");
        let row = table.lines().find(|l| l.starts_with("meldingen")).unwrap();
        assert!(row.contains("3634") && row.contains("+0.0%"), "{row}");
    }
}
