//! The monitoring stage's events and rules (RULES.md 2.5): Veilig Thuis checks the
//! veiligheidsvoorwaarden at the monitoring moments; an unmet one returns the case to Veilig Thuis
//! at once (re-escalation).

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::FieldError;
use crate::calendar::{Terms, dutch_local_date};
use crate::case::guards::{MAX_ID, MAX_TEXT, by_vt, not_allowed};
use crate::case::{
    CaseEvent, CaseState, Deadline, DeadlineKind, EventContext, Phase, TransitionError,
};
use crate::validate::required_text;

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;

/// The events of monitoring. Stored with a `kind` tag as part of a [`crate::case::CaseEvent`];
/// the stored names are those of the flat enum this came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Event {
    /// One monitoring check: per veiligheidsvoorwaarde, whether it was met.
    #[serde(rename = "monitoring_recorded")]
    Recorded {
        moment: String,
        conditions_met: Vec<(String, bool)>,
    },
    /// Safety did not hold: accountability returns to Veilig Thuis, which assesses anew.
    #[serde(rename = "re_escalated")]
    ReEscalated { reason: String },
    #[serde(rename = "monitoring_ended")]
    Ended { reason: String },
}

impl Event {
    /// The stored `kind` of every monitoring event.
    pub const KINDS: &[&str] = &["monitoring_recorded", "re_escalated", "monitoring_ended"];

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Recorded { .. } => "monitoring_recorded",
            Event::ReEscalated { .. } => "re_escalated",
            Event::Ended { .. } => "monitoring_ended",
        }
    }

    /// The Dutch label of a monitoring event kind; `None` for a kind of another stage.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "monitoring_recorded" => schakel_i18n::t("event-monitoring-recorded"),
            "re_escalated" => schakel_i18n::t("event-re-escalated"),
            "monitoring_ended" => schakel_i18n::t("event-monitoring-ended"),
            _ => return None,
        })
    }
}

/// Monitoring in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitoring {
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// The organisation that monitors: Veilig Thuis (RULES.md 2.2, 2.5).
    pub monitored_by: String,
    pub veiligheidsvoorwaarden: Vec<String>,
    pub agreements: Vec<String>,
    pub recorded_moments: Vec<String>,
    /// Conditions found unmet at the last recorded moment.
    pub unmet: Vec<String>,
}

/// Applies one monitoring event to an open case; `next` starts as a copy of `s`.
pub(crate) fn apply(
    s: &CaseState,
    next: &mut CaseState,
    event: &Event,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    match event {
        Event::Recorded {
            moment,
            conditions_met,
        } => {
            by_vt(s, ctx)?;
            let Some(m) = &s.monitoring else {
                return Err(not_allowed(msg("error-monitoring-not-running")));
            };
            let moment = required_text("moment", moment, MAX_ID)?;
            let mut unmet = Vec::new();
            for (i, (name, met)) in conditions_met.iter().enumerate() {
                if !m.veiligheidsvoorwaarden.contains(name) {
                    return Err(FieldError::new(
                        format!("conditions_met[{i}]"),
                        msg("error-condition-not-of-case"),
                    )
                    .into());
                }
                if conditions_met[..i].iter().any(|(n, _)| n == name) {
                    return Err(FieldError::new(
                        format!("conditions_met[{i}]"),
                        msg("error-condition-already-assessed"),
                    )
                    .into());
                }
                if !met {
                    unmet.push(name.clone());
                }
            }
            if let Some(missing) = m
                .veiligheidsvoorwaarden
                .iter()
                .find(|c| !conditions_met.iter().any(|(n, _)| n == *c))
            {
                return Err(FieldError::new(
                    "conditions_met",
                    msg_args(
                        "error-condition-assessment-missing",
                        [("missing", missing.to_string())],
                    ),
                )
                .into());
            }
            if let Some(nm) = next.monitoring.as_mut() {
                if !nm.recorded_moments.contains(&moment) {
                    nm.recorded_moments.push(moment);
                }
                nm.unmet = unmet;
            }
        }
        Event::ReEscalated { reason } => {
            if ctx.org_id != s.vt_org && ctx.org_id != s.accountable_org {
                return Err(not_allowed(msg("error-escalate-not-allowed-org")));
            }
            if !matches!(s.phase, Phase::Monitoring | Phase::Overgedragen) {
                return Err(not_allowed(msg("error-escalate-needs-handover")));
            }
            required_text("reason", reason, MAX_TEXT)?;
            // RULES.md 2.5: safety must hold; when it does not, accountability returns to VT, which
            // reads the case for urgency and assesses it anew (RULES.md 2.1).
            next.accountable_org = s.vt_org.clone();
            next.monitoring = None;
            next.safety = None;
            next.decision = None;
            next.acute = None;
            next.assessment_from = ctx.at;
            next.phase = Phase::Intake;
        }
        Event::Ended { reason } => {
            by_vt(s, ctx)?;
            if s.monitoring.is_none() {
                return Err(not_allowed(msg("error-monitoring-not-running")));
            }
            required_text("reason", reason, MAX_TEXT)?;
            next.monitoring = None;
            next.phase = if s.accountable_org == s.vt_org {
                Phase::Besloten
            } else {
                Phase::Overgedragen
            };
        }
    }
    Ok(())
}

/// The event the monitoring rules demand right after `event` brought the case to `after`.
/// RULES.md 2.5 and issue 3: safety must hold after a handover; a monitoring check that finds a
/// veiligheidsvoorwaarde unmet returns the case to Veilig Thuis at once.
pub(crate) fn follow_up(after: &CaseState, event: &Event) -> Option<CaseEvent> {
    match event {
        Event::Recorded { .. } => {
            let unmet = &after.monitoring.as_ref()?.unmet;
            (!unmet.is_empty()).then(|| {
                CaseEvent::Monitoring(Event::ReEscalated {
                    reason: format!(
                        "Veiligheidsvoorwaarden niet nageleefd: {}",
                        unmet.join("; ")
                    ),
                })
            })
        }
        Event::ReEscalated { .. } | Event::Ended { .. } => None,
    }
}

/// The monitoring moments due (schedule [NC], see `MonitoringSchedule`), in the monitoring
/// organisation's queue.
pub(crate) fn deadlines(s: &CaseState, terms: &Terms, out: &mut Vec<Deadline>) {
    if let Some(m) = &s.monitoring {
        let due = terms.monitoring.moments_due(
            dutch_local_date(m.started_at),
            m.recorded_moments.iter().map(String::as_str),
        );
        for d in due {
            out.push(Deadline::on(
                DeadlineKind::Monitoringsmoment { moment: d.code },
                d.due,
                &m.monitored_by,
            ));
        }
    }
}
