//! The region at a glance on the start page of policy and programme staff: adviezen and meldingen
//! this half year and last, and open casussen, per gemeente. Counts only, small ones hidden
//! ([`schakel_domain::glance`]).

use schakel_domain::calendar::dutch_local_date;
use schakel_domain::glance::{HalfYear, shown_count};

use crate::{AppError, AppState};

/// One gemeente's line, every count already as shown ("< 5").
pub struct Line {
    pub gemeente: String,
    pub adviezen_now: String,
    pub meldingen_now: String,
    pub adviezen_before: String,
    pub meldingen_before: String,
    pub open_cases: String,
}

pub struct Glance {
    /// "2e halfjaar 2026" and "1e halfjaar 2026".
    pub now_label: String,
    pub before_label: String,
    /// No region total: with it, a hidden "< 5" could be worked out from the other lines.
    pub lines: Vec<Line>,
}

pub async fn glance(state: &AppState) -> Result<Glance, AppError> {
    let current = HalfYear::of(dutch_local_date(state.clock.now()));
    let previous = current.previous();
    let (Some(now), Some(before)) = (current.days(), previous.days()) else {
        return Err(AppError::Internal("half year out of range".into()));
    };
    let counts = schakel_store::glance::gemeente_counts(&state.store, now, before).await?;
    let line = |gemeente: String, c: [u64; 5]| Line {
        gemeente,
        adviezen_now: shown_count(c[0]),
        meldingen_now: shown_count(c[1]),
        adviezen_before: shown_count(c[2]),
        meldingen_before: shown_count(c[3]),
        open_cases: shown_count(c[4]),
    };
    let lines = counts
        .into_iter()
        .map(|c| {
            let n = [
                c.adviezen_now,
                c.meldingen_now,
                c.adviezen_before,
                c.meldingen_before,
                c.open_cases,
            ];
            line(c.gemeente, n)
        })
        .collect();
    Ok(Glance {
        now_label: current.label(),
        before_label: previous.label(),
        lines,
    })
}
