//! The monitoring stage's events and rules (RULES.md 2.5): Veilig Thuis checks the
//! veiligheidsvoorwaarden at the monitoring moments; an unmet one returns the case to Veilig Thuis
//! at once (re-escalation).

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::FieldError;
use crate::calendar::{HolidayCalendar, Terms, dutch_local_date};
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
    /// One monitoring check: per veiligheidsvoorwaarde, whether it was met; recorded by Veilig
    /// Thuis or by the regiehouder's organisation (RULES.md 2.5: VT checks together with the family
    /// and the professionals). `report` holds the rest of the moment; checks stored before it
    /// existed have none.
    #[serde(rename = "monitoring_recorded")]
    Recorded {
        moment: String,
        conditions_met: Vec<(String, bool)>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report: Option<MomentReport>,
    },
    /// Safety did not hold: accountability returns to Veilig Thuis, which assesses anew.
    #[serde(rename = "re_escalated")]
    ReEscalated { reason: String },
    #[serde(rename = "monitoring_ended")]
    Ended { reason: String },
    /// Veilig Thuis's involvement ends (RULES.md 2.5: the Kwaliteitskader sets when VT
    /// responsibility begins and ends; RULES.md 3: a later melding is then a hermelding). Recorded
    /// by the lifecycle itself right after the event that ends it (see [`involvement_end`]), never
    /// by a command: the moment is fixed by the rule, and a forgotten end would count every later
    /// melding as a vervolgmelding.
    #[serde(rename = "vt_involvement_ended")]
    InvolvementEnded { ground: InvolvementEndGround },
}

/// What a monitoring moment found beside the conditions (issue 7 item 7): contact with the
/// family, the next step and, for a moment recorded before it was due, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentReport {
    /// Whether there was contact with the family for this moment.
    pub family_contact: bool,
    /// A short account of that contact (or why there was none).
    #[serde(default)]
    pub contact_note: String,
    pub next_step: String,
    /// Set when the moment was recorded before its due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_reason: Option<String>,
}

/// An organisation that held regie until the case was re-escalated: it keeps a read-only view of
/// the case and is told in its queue that the case went back to Veilig Thuis (issue 7 item 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerRegie {
    pub org: String,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

/// Why Veilig Thuis's involvement ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvolvementEndGround {
    /// The receiver accepted a handover without veiligheidsvoorwaarden: nothing left to monitor.
    HandoverWithoutMonitoring,
    /// Veilig Thuis ended the monitoring of the veiligheidsvoorwaarden.
    MonitoringEnded,
}

impl InvolvementEndGround {
    pub fn label(self) -> String {
        match self {
            InvolvementEndGround::HandoverWithoutMonitoring => {
                schakel_i18n::t("involvement-end-handover-without-monitoring")
            }
            InvolvementEndGround::MonitoringEnded => {
                schakel_i18n::t("involvement-end-monitoring-ended")
            }
        }
    }
}

impl Event {
    /// The stored `kind` of every monitoring event.
    pub const KINDS: &[&str] = &[
        "monitoring_recorded",
        "re_escalated",
        "monitoring_ended",
        "vt_involvement_ended",
    ];

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Recorded { .. } => "monitoring_recorded",
            Event::ReEscalated { .. } => "re_escalated",
            Event::Ended { .. } => "monitoring_ended",
            Event::InvolvementEnded { .. } => "vt_involvement_ended",
        }
    }

    /// The Dutch label of a monitoring event kind; `None` for a kind of another stage.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "monitoring_recorded" => schakel_i18n::t("event-monitoring-recorded"),
            "re_escalated" => schakel_i18n::t("event-re-escalated"),
            "monitoring_ended" => schakel_i18n::t("event-monitoring-ended"),
            "vt_involvement_ended" => schakel_i18n::t("event-vt-involvement-ended"),
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
            report,
        } => {
            let Some(m) = &s.monitoring else {
                return Err(not_allowed(msg("error-monitoring-not-running")));
            };
            // RULES.md 2.5: Veilig Thuis monitors; the regiehouder's organisation, which works with
            // the family, records a moment too (issue 7 item 7).
            if ctx.org_id != m.monitored_by && ctx.org_id != s.accountable_org {
                return Err(not_allowed(msg("error-monitoring-record-not-allowed-org")));
            }
            let moment = required_text("moment", moment, MAX_ID)?;
            if let Some(r) = report {
                required_text("next_step", &r.next_step, MAX_TEXT)?;
                if r.contact_note.chars().count() > MAX_TEXT {
                    required_text("family_contact_note", &r.contact_note, MAX_TEXT)?;
                }
                if let Some(why) = &r.early_reason {
                    required_text("early_reason", why, MAX_TEXT)?;
                }
            }
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
            if !matches!(
                s.phase,
                Phase::Monitoring | Phase::Overgedragen | Phase::VtBeeindigd
            ) {
                return Err(not_allowed(msg("error-escalate-needs-handover")));
            }
            required_text("reason", reason, MAX_TEXT)?;
            // RULES.md 2.5: safety must hold; when it does not, accountability returns to VT, which
            // reads the case for urgency and assesses it anew (RULES.md 2.1).
            // Issue 7 item 7: the former regiehouder keeps a read-only view and hears of it.
            if s.accountable_org != s.vt_org {
                next.former_regie.retain(|f| f.org != s.accountable_org);
                next.former_regie.push(FormerRegie {
                    org: s.accountable_org.clone(),
                    since: ctx.at,
                });
            }
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
        Event::InvolvementEnded { .. } => {
            if ctx.org_id != s.vt_org && ctx.org_id != s.accountable_org {
                return Err(not_allowed(msg("error-involvement-end-not-allowed-org")));
            }
            // Only once the case rests with another organisation and nothing of Veilig Thuis's
            // part is left running (no open handover, no monitoring).
            if s.phase != Phase::Overgedragen
                || s.accountable_org == s.vt_org
                || s.monitoring.is_some()
                || s.open_handover.is_some()
            {
                return Err(not_allowed(msg("error-involvement-end-not-now")));
            }
            next.phase = Phase::VtBeeindigd;
        }
    }
    Ok(())
}

/// The end of Veilig Thuis's involvement, when `after` is a case handed over with nothing left for
/// Veilig Thuis to monitor (RULES.md 2.5): recorded right after the accepted handover or the end of
/// monitoring that brought it there.
pub(crate) fn involvement_end(
    after: &CaseState,
    ground: InvolvementEndGround,
) -> Option<CaseEvent> {
    (after.phase == Phase::Overgedragen
        && after.accountable_org != after.vt_org
        && after.monitoring.is_none()
        && after.open_handover.is_none())
    .then_some(CaseEvent::Monitoring(Event::InvolvementEnded { ground }))
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
        Event::Ended { .. } => involvement_end(after, InvolvementEndGround::MonitoringEnded),
        Event::ReEscalated { .. } | Event::InvolvementEnded { .. } => None,
    }
}

/// The monitoring moments due (schedule [NC], see `MonitoringSchedule`), in the monitoring
/// organisation's queue.
pub(crate) fn deadlines(
    s: &CaseState,
    calendar: &HolidayCalendar,
    terms: &Terms,
    out: &mut Vec<Deadline>,
) {
    if let Some(m) = &s.monitoring {
        let due = terms.monitoring.moments_due_on_working_days(
            calendar,
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
    // Issue 7 item 7: the former regiehouder is told in its queue while Veilig Thuis assesses the
    // re-escalated case anew.
    if s.accountable_org == s.vt_org && matches!(s.phase, Phase::Intake | Phase::Beoordeling) {
        for f in &s.former_regie {
            out.push(Deadline::on(
                DeadlineKind::TerugBijVeiligThuis,
                dutch_local_date(f.since),
                &f.org,
            ));
        }
    }
}
