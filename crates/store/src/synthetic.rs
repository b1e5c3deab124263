//! A year of FICTIONAL cases for the demo and the benchmarks (issue 3 item 10), generated through
//! [`casework::record_many`] so every case is a valid event history, deterministic from the seed and
//! calibrated to the region's 2018 figures. Names are plainly invented.

use std::collections::BTreeMap;

use schakel_domain::intake::{AGE_BANDS, age_band};
use serde::Serialize;
use sqlx::Row;

use crate::casework;
use crate::{Result, Store};

mod course;
mod plan;
pub mod reference;

pub use plan::{GEMEENTE_WEIGHTS, PlannedIntake, Rng, plan};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SyntheticConfig {
    pub year: i32,
    /// 1.0 is the reference year; more for benchmarks.
    pub scale: f64,
    pub seed: u64,
    pub vt_org_id: String,
    /// The region's gemeenten with the lokaal team that takes handovers there, in the order of
    /// [`GEMEENTE_WEIGHTS`] when they are the 14 of Noord- en Midden-Limburg.
    pub local_teams: Vec<(String, String)>,
    /// Cases per transaction.
    pub batch: usize,
}

/// A year's totals, counted from the monitor facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyntheticTotals {
    pub adviezen: u64,
    pub meldingen: u64,
    /// Betrokkenen of meldingen (the reference registers them per melding).
    pub betrokkenen: u64,
    pub by_age: BTreeMap<String, u64>,
    /// Kinds of violence of meldingen, regio-2018 codes.
    pub by_violence: BTreeMap<String, u64>,
}

/// One line of totals against the reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub what: String,
    pub got: u64,
    /// The reference count times the scale.
    pub expected: f64,
    /// (got - expected) / expected.
    pub deviation: f64,
}

/// The reference year as totals.
pub fn reference_totals() -> SyntheticTotals {
    SyntheticTotals {
        adviezen: reference::ADVIEZEN,
        meldingen: reference::MELDINGEN,
        betrokkenen: reference::BETROKKENEN,
        by_age: AGE_BANDS
            .iter()
            .zip(reference::BETROKKENEN_BY_AGE)
            .map(|(b, n)| (b.to_string(), n))
            .collect(),
        by_violence: reference::VIOLENCE_2018
            .iter()
            .map(|(k, n)| (k.to_string(), *n))
            .collect(),
    }
}

/// Every total beside the reference scaled by `scale`.
pub fn compare(got: &SyntheticTotals, scale: f64) -> Vec<Comparison> {
    let reference = reference_totals();
    let line = |what: &str, got: u64, reference: u64| {
        let expected = reference as f64 * scale;
        Comparison {
            what: what.to_string(),
            got,
            expected,
            deviation: if expected > 0.0 {
                (got as f64 - expected) / expected
            } else {
                0.0
            },
        }
    };
    let mut out = vec![
        line("adviezen", got.adviezen, reference.adviezen),
        line("meldingen", got.meldingen, reference.meldingen),
        line("betrokkenen", got.betrokkenen, reference.betrokkenen),
    ];
    for (band, n) in &reference.by_age {
        let g = got.by_age.get(band).copied().unwrap_or(0);
        out.push(line(&format!("leeftijd {band}"), g, *n));
    }
    for (kind, n) in &reference.by_violence {
        let g = got.by_violence.get(kind).copied().unwrap_or(0);
        out.push(line(&format!("aard {kind}"), g, *n));
    }
    out
}

/// The totals the plan will produce, without a database.
pub fn planned_totals(planned: &[PlannedIntake]) -> SyntheticTotals {
    let mut t = SyntheticTotals::default();
    for p in planned {
        if !p.melding {
            t.adviezen += 1;
            continue;
        }
        t.meldingen += 1;
        for a in &p.ages {
            t.betrokkenen += 1;
            *t.by_age.entry(age_band(*a).to_string()).or_default() += 1;
        }
        for v in &p.violence {
            *t.by_violence.entry(v.to_string()).or_default() += 1;
        }
    }
    t
}

/// Generates the year, with deadlines under the store handle's region rules. Returns the totals
/// counted back from the store.
pub async fn generate_year(store: &Store, config: &SyntheticConfig) -> Result<SyntheticTotals> {
    let planned = plan(
        config.year,
        config.scale,
        config.seed,
        config.local_teams.len(),
    );
    let batch = config.batch.max(1);
    for (b, chunk) in planned.chunks(batch).enumerate() {
        let work: Vec<_> = chunk
            .iter()
            .enumerate()
            .map(|(i, p)| course::case_work(config, p, b * batch + i))
            .collect();
        casework::record_many(store, store.rules(), &work).await?;
    }
    totals(store, config.year).await
}

/// The year's totals, counted from the monitor facts (not from the generator).
pub async fn totals(store: &Store, year: i32) -> Result<SyntheticTotals> {
    let from = format!("{year:04}-01-01");
    let to = format!("{:04}-01-01", year + 1);
    let mut t = SyntheticTotals::default();
    let rows = sqlx::query(
        "SELECT kind, COUNT(*) FROM melding_facts WHERE received_on >= $1 AND received_on < $2 GROUP BY kind",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(store.pool())
    .await?;
    for r in &rows {
        let kind: String = r.try_get(0)?;
        let n = r.try_get::<i64, _>(1)? as u64;
        match kind.as_str() {
            "advies" => t.adviezen += n,
            _ => t.meldingen += n,
        }
    }
    let rows = sqlx::query(
        "SELECT b.age_band, COUNT(*) FROM melding_fact_betrokkenen b JOIN melding_facts f \
         ON f.case_id = b.case_id AND f.n = b.n WHERE f.kind = 'melding' AND f.received_on >= $1 \
         AND f.received_on < $2 GROUP BY b.age_band",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(store.pool())
    .await?;
    for r in &rows {
        let band: Option<String> = r.try_get(0)?;
        let n = r.try_get::<i64, _>(1)? as u64;
        t.betrokkenen += n;
        *t.by_age
            .entry(band.unwrap_or_else(|| "onbekend".into()))
            .or_default() += n;
    }
    let rows = sqlx::query(
        "SELECT v.code, COUNT(*) FROM melding_fact_violence v JOIN melding_facts f \
         ON f.case_id = v.case_id AND f.n = v.n WHERE f.kind = 'melding' AND f.violence_version = 'regio-2018' \
         AND f.received_on >= $1 AND f.received_on < $2 GROUP BY v.code",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(store.pool())
    .await?;
    for r in &rows {
        let code: String = r.try_get(0)?;
        *t.by_violence.entry(code).or_default() += r.try_get::<i64, _>(1)? as u64;
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_at_scale_one_matches_the_reference_within_5_percent() {
        let planned = plan(2026, 1.0, 42, 14);
        let t = planned_totals(&planned);
        assert_eq!(t.by_violence.len(), 13);
        assert_eq!(t.by_age.len(), 9);
        for c in compare(&t, 1.0) {
            assert!(c.deviation.abs() <= 0.05, "{c:?}");
        }
        // Meldingen carry several kinds, every one at least one and none twice.
        assert!(planned.iter().filter(|p| p.melding).all(|p| {
            let mut v = p.violence.clone();
            v.sort();
            v.dedup();
            !p.violence.is_empty() && v.len() == p.violence.len()
        }));
        assert!(planned.iter().all(|p| p.received_at.year() == 2026));
    }

    #[test]
    fn the_plan_is_deterministic_from_the_seed() {
        assert_eq!(plan(2026, 0.05, 7, 14), plan(2026, 0.05, 7, 14));
        assert_ne!(plan(2026, 0.05, 7, 14), plan(2026, 0.05, 8, 14));
    }

    #[test]
    fn a_skewed_year_is_caught_by_the_comparison() {
        let mut t = planned_totals(&plan(2026, 1.0, 42, 14));
        t.meldingen = t.meldingen * 90 / 100;
        assert!(compare(&t, 1.0).iter().any(|c| c.deviation.abs() > 0.05));
    }
}
