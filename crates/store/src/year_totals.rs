//! A year's totals counted from the monitor facts (adviezen, meldingen, betrokkenen per age band,
//! kinds of violence), and the region's 2018 reference they are compared with. The synthetic year of
//! the demo (`schakel_app::synthetic`) is calibrated to it; `schakel monitor totals` prints both.

use std::collections::BTreeMap;

use schakel_domain::intake::AGE_BANDS;
use serde::Serialize;
use sqlx::Row;
use time::{Date, Month};

use crate::{Result, Store};

pub mod reference;

/// A year's totals, counted from the monitor facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct YearTotals {
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
pub fn reference_totals() -> YearTotals {
    YearTotals {
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
pub fn compare(got: &YearTotals, scale: f64) -> Vec<Comparison> {
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

/// A calendar year's totals, counted from the monitor facts.
pub async fn totals(store: &Store, year: i32) -> Result<YearTotals> {
    let first = |y: i32| Date::from_calendar_date(y, Month::January, 1);
    match (first(year), first(year + 1)) {
        (Ok(from), Ok(to)) => totals_between(store, from, to).await,
        _ => Ok(YearTotals::default()),
    }
}

/// The totals of the intakes received on the days `from` up to (not including) `to`, counted from
/// the monitor facts (not from whatever generated them).
pub async fn totals_between(store: &Store, from: Date, to: Date) -> Result<YearTotals> {
    let from = from.to_string();
    let to = to.to_string();
    let mut t = YearTotals::default();
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
