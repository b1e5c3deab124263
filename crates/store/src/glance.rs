//! The region at a glance (the start page of policy and programme staff): per gemeente, the
//! adviezen and meldingen received in two periods and the open casussen now. Counted from the
//! compact monitor facts and the case read model, never from personal data.

use std::collections::BTreeMap;

use sqlx::Row;
use time::Date;

use crate::{Result, Store};

/// The counts of one gemeente.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GemeenteCounts {
    pub gemeente: String,
    /// Adviezen and meldingen received in the current period.
    pub adviezen_now: u64,
    pub meldingen_now: u64,
    /// The same in the earlier period.
    pub adviezen_before: u64,
    pub meldingen_before: u64,
    /// Casussen not closed, by the gemeente of their first intake.
    pub open_cases: u64,
}

/// The counts per gemeente, for every gemeente of the region (also one with nothing to count).
/// `now` and `before` are periods of Dutch calendar days, the end not included.
pub async fn gemeente_counts(
    store: &Store,
    now: (Date, Date),
    before: (Date, Date),
) -> Result<Vec<GemeenteCounts>> {
    let mut by: BTreeMap<String, GemeenteCounts> = store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| {
            (
                g.name.clone(),
                GemeenteCounts {
                    gemeente: g.name,
                    ..Default::default()
                },
            )
        })
        .collect();
    for (period, current) in [(before, false), (now, true)] {
        let rows = sqlx::query(
            "SELECT gemeente, kind, COUNT(*) FROM melding_facts \
             WHERE received_on >= $1 AND received_on < $2 GROUP BY gemeente, kind",
        )
        .bind(period.0.to_string())
        .bind(period.1.to_string())
        .fetch_all(store.pool())
        .await?;
        for r in &rows {
            let gemeente: String = r.try_get(0)?;
            let kind: String = r.try_get(1)?;
            let n = r.try_get::<i64, _>(2)?.max(0) as u64;
            let c = entry(&mut by, gemeente);
            match (kind.as_str(), current) {
                ("advies", true) => c.adviezen_now += n,
                ("advies", false) => c.adviezen_before += n,
                (_, true) => c.meldingen_now += n,
                (_, false) => c.meldingen_before += n,
            }
        }
    }
    let rows = sqlx::query(
        "SELECT gemeente, COUNT(*) FROM cases WHERE status <> 'gesloten' AND gemeente IS NOT NULL \
         GROUP BY gemeente",
    )
    .fetch_all(store.pool())
    .await?;
    for r in &rows {
        let gemeente: String = r.try_get(0)?;
        entry(&mut by, gemeente).open_cases += r.try_get::<i64, _>(1)?.max(0) as u64;
    }
    Ok(by.into_values().collect())
}

fn entry(by: &mut BTreeMap<String, GemeenteCounts>, gemeente: String) -> &mut GemeenteCounts {
    by.entry(gemeente.clone())
        .or_insert_with(|| GemeenteCounts {
            gemeente,
            ..Default::default()
        })
}
