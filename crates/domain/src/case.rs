//! The case lifecycle as a state machine driven by events (DESIGN.md principle 2: a case is its
//! history). The state of a case is the fold of its events through [`apply`], which rejects every
//! transition the rules forbid with a Dutch message.
//!
//! The invariants (RULES.md 0: "Niemand mag tussen wal en schip vallen"; RULES.md 2.5; DESIGN.md
//! principle 3), held by construction and checked by property tests:
//! - an open case always has exactly one accountable organisation ([`CaseState::accountable_org`]
//!   is one value, never empty);
//! - it changes only when the receiver accepts a handover, or when a case returns to Veilig Thuis
//!   (re-escalation);
//! - a handover completes only by acceptance by the receiving organisation itself; while it is open
//!   Veilig Thuis stays accountable; only one handover is open at a time;
//! - a case cannot close with an open handover, open monitoring, a running onderzoek or pending
//!   feedback to the reporter.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::FieldError;
use crate::classification::MeldingClass;
use crate::codes::DecisionCategory;
use crate::intake::Intake;
use crate::org::OrgKind;

mod deadlines;
mod guards;
mod transitions;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use deadlines::{Deadline, DeadlineKind};
pub use transitions::{apply, follow_up, replay};

/// Advies or melding (RULES.md 1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// The family stays anonymous; responsibility for next steps stays with the asker.
    Advies,
    /// Identifies the persons; responsibility for zicht op veiligheid passes to Veilig Thuis.
    Melding,
}

/// The outcome of an onderzoek as CBS counts it (RULES.md 3: 84853NED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnderzoekOutcome {
    Bevestigd,
    NietBevestigd,
    Weerlegd,
    VoortijdigAfgesloten,
}

/// When the reporter is owed feedback (RULES.md 2.4: at least after the veiligheidsbeoordeling
/// and after an onderzoek).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackMoment {
    NaBeoordeling,
    NaOnderzoek,
}

/// Everything that can happen to a case. Stored as JSON with a `kind` tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseEvent {
    /// Veilig Thuis registers an adviesvraag or a melding and is accountable from the start.
    Opened {
        case_kind: CaseKind,
        #[serde(with = "time::serde::rfc3339")]
        received_at: OffsetDateTime,
        accountable_org: String,
    },
    /// The data of an adviesvraag or melding (RULES.md 0, 1.3). The first one is the case's own;
    /// a later one is a melding about betrokkenen of this open casus, which joins it (RULES.md 3:
    /// a casus is the linked meldingen about the same directbetrokkenen). `classification` is the
    /// CBS class from the known-before check; an advies has none.
    IntakeRecorded {
        intake: Box<Intake>,
        classification: Option<MeldingClass>,
    },
    ConvertedToMelding {
        reason: String,
    },
    ConvertedToAdvies {
        reason: String,
    },
    /// RULES.md 2.1: each melding is first read for urgency (must something happen within 24 h?).
    UrgencyAssessed {
        acute: bool,
    },
    /// RULES.md 2.1: the veiligheidsbeoordeling (triage-instrument parts A, B and C).
    SafetyAssessed {
        acute_unsafety: bool,
        structural_unsafety: bool,
        /// Part C may be skipped when part B is positive (RULES.md 2.1).
        multi_problem: Option<bool>,
        instrument: String,
        instrument_version: String,
        assessor: String,
    },
    /// RULES.md 2.2: the follow-up track, a code of the `vervolgtraject` list.
    FollowUpDecided {
        track: String,
        veiligheidsvoorwaarden: Vec<String>,
    },
    /// RULES.md 2.5: a handover carries the veiligheidsvoorwaarden, the receiving party and the
    /// monitoring agreements.
    HandoverOffered {
        handover_id: String,
        to_org: String,
        veiligheidsvoorwaarden: Vec<String>,
        monitoring_agreements: Vec<String>,
    },
    HandoverAccepted {
        handover_id: String,
        regiehouder_user: String,
    },
    HandoverRefused {
        handover_id: String,
        reason: String,
    },
    HandoverWithdrawn {
        handover_id: String,
        reason: String,
    },
    /// One monitoring check: per veiligheidsvoorwaarde, whether it was met.
    MonitoringRecorded {
        moment: String,
        conditions_met: Vec<(String, bool)>,
    },
    /// Safety did not hold: accountability returns to Veilig Thuis, which assesses anew.
    ReEscalated {
        reason: String,
    },
    MonitoringEnded {
        reason: String,
    },
    OnderzoekCompleted {
        outcome: OnderzoekOutcome,
    },
    FeedbackGiven {
        moment: FeedbackMoment,
    },
    /// RULES.md 2.4: e.g. no standard feedback to a doctor who acted only as informant.
    FeedbackWaived {
        moment: FeedbackMoment,
        reason: String,
    },
    Closed {
        reason: String,
    },
    Reopened,
    /// A journal note by a worker of a participating organisation.
    NoteAdded {
        text: String,
    },
    /// RULES.md 9: a risk instrument's item scores and overall judgement, stored as a versioned
    /// record without the instrument's (copyrighted) item texts.
    InstrumentScored {
        record: crate::instruments::InstrumentRecord,
        assessor: String,
    },
}

impl CaseEvent {
    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            CaseEvent::Opened { .. } => "opened",
            CaseEvent::IntakeRecorded { .. } => "intake_recorded",
            CaseEvent::ConvertedToMelding { .. } => "converted_to_melding",
            CaseEvent::ConvertedToAdvies { .. } => "converted_to_advies",
            CaseEvent::UrgencyAssessed { .. } => "urgency_assessed",
            CaseEvent::SafetyAssessed { .. } => "safety_assessed",
            CaseEvent::FollowUpDecided { .. } => "follow_up_decided",
            CaseEvent::HandoverOffered { .. } => "handover_offered",
            CaseEvent::HandoverAccepted { .. } => "handover_accepted",
            CaseEvent::HandoverRefused { .. } => "handover_refused",
            CaseEvent::HandoverWithdrawn { .. } => "handover_withdrawn",
            CaseEvent::MonitoringRecorded { .. } => "monitoring_recorded",
            CaseEvent::ReEscalated { .. } => "re_escalated",
            CaseEvent::MonitoringEnded { .. } => "monitoring_ended",
            CaseEvent::OnderzoekCompleted { .. } => "onderzoek_completed",
            CaseEvent::FeedbackGiven { .. } => "feedback_given",
            CaseEvent::FeedbackWaived { .. } => "feedback_waived",
            CaseEvent::Closed { .. } => "closed",
            CaseEvent::Reopened => "reopened",
            CaseEvent::NoteAdded { .. } => "note_added",
            CaseEvent::InstrumentScored { .. } => "instrument_scored",
        }
    }
}

/// Who applies an event, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventContext {
    pub at: OffsetDateTime,
    pub org_id: String,
    pub org_kind: OrgKind,
}

/// Where a case is in its lifecycle. CBS needs the phase to tell vervolgmeldingen apart
/// (RULES.md 2.5, 85361NED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// An open adviesvraag.
    Advies,
    /// A melding received, not yet read for urgency.
    Intake,
    /// Read for urgency; the veiligheidsbeoordeling runs.
    Beoordeling,
    /// A follow-up was decided; Veilig Thuis works it or prepares the handover.
    Besloten,
    /// A handover is offered and awaits the receiver; Veilig Thuis stays accountable.
    Overdracht,
    /// Handed over without veiligheidsvoorwaarden: the receiver is accountable.
    Overgedragen,
    /// Veiligheidsvoorwaarden are being monitored.
    Monitoring,
    Gesloten,
}

impl Phase {
    pub const ALL: [Phase; 8] = [
        Phase::Advies,
        Phase::Intake,
        Phase::Beoordeling,
        Phase::Besloten,
        Phase::Overdracht,
        Phase::Overgedragen,
        Phase::Monitoring,
        Phase::Gesloten,
    ];

    /// The stable snake_case code (also the serde name).
    pub fn code(self) -> &'static str {
        match self {
            Phase::Advies => "advies",
            Phase::Intake => "intake",
            Phase::Beoordeling => "beoordeling",
            Phase::Besloten => "besloten",
            Phase::Overdracht => "overdracht",
            Phase::Overgedragen => "overgedragen",
            Phase::Monitoring => "monitoring",
            Phase::Gesloten => "gesloten",
        }
    }

    pub fn parse(code: &str) -> Option<Phase> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Advies => "Advies",
            Phase::Intake => "Intake",
            Phase::Beoordeling => "Veiligheidsbeoordeling",
            Phase::Besloten => "Vervolg besloten",
            Phase::Overdracht => "Overdracht aangeboden",
            Phase::Overgedragen => "Overgedragen",
            Phase::Monitoring => "Monitoring",
            Phase::Gesloten => "Gesloten",
        }
    }
}

/// The recorded veiligheidsbeoordeling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyAssessment {
    pub acute_unsafety: bool,
    pub structural_unsafety: bool,
    pub multi_problem: Option<bool>,
    pub instrument: String,
    pub instrument_version: String,
    pub assessor: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// The follow-up decision in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub track: String,
    pub category: DecisionCategory,
    pub veiligheidsvoorwaarden: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A handover waiting for the receiver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    pub id: String,
    pub to_org: String,
    pub veiligheidsvoorwaarden: Vec<String>,
    pub monitoring_agreements: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub offered_at: OffsetDateTime,
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

/// An onderzoek in progress or done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onderzoek {
    #[serde(with = "crate::calendar::iso_date")]
    pub started_on: Date,
    pub outcome: Option<OnderzoekOutcome>,
}

/// Feedback owed to the reporter since `since`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingFeedback {
    pub moment: FeedbackMoment,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

/// An adviesvraag or melding recorded in the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedIntake {
    pub intake: Intake,
    pub classification: Option<MeldingClass>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// The state of one case: the fold of its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseState {
    pub case_kind: CaseKind,
    pub phase: Phase,
    /// The one organisation accountable for the case (RULES.md 0). While closed it names the last
    /// accountable organisation, which may reopen the case.
    pub accountable_org: String,
    /// The Veilig Thuis organisation that opened the case; a re-escalation returns the case to it.
    pub vt_org: String,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    /// When the current assessment clock started: receipt, conversion to melding, or re-escalation.
    #[serde(with = "time::serde::rfc3339")]
    pub assessment_from: OffsetDateTime,
    pub acute: Option<bool>,
    pub safety: Option<SafetyAssessment>,
    pub decision: Option<Decision>,
    pub open_handover: Option<Handover>,
    /// Ids of every handover ever offered; an id is never reused.
    pub handover_ids: Vec<String>,
    pub monitoring: Option<Monitoring>,
    pub onderzoek: Option<Onderzoek>,
    /// Feedback owed to the reporter.
    pub feedback_pending: Vec<PendingFeedback>,
    /// The phase a closed case returns to when reopened.
    pub closed_from: Option<Phase>,
    /// The adviesvraag or meldingen of this casus, in order; the first is the case's own.
    #[serde(default)]
    pub intakes: Vec<RecordedIntake>,
    /// Risk instruments scored on this case, oldest first.
    #[serde(default)]
    pub instruments: Vec<crate::instruments::InstrumentRecord>,
}

impl CaseState {
    pub fn is_open(&self) -> bool {
        self.phase != Phase::Gesloten
    }

    /// The accountable organisation while the case is open.
    pub fn accountable(&self) -> Option<&str> {
        self.is_open().then_some(self.accountable_org.as_str())
    }

    pub fn monitoring_open(&self) -> bool {
        self.monitoring.is_some()
    }
}

/// Why an event was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The event is not allowed in this state or for this organisation; the message says why.
    #[error("{0}")]
    NotAllowed(String),
    /// A field of the event is wrong.
    #[error("{0}")]
    Field(FieldError),
}

impl From<FieldError> for TransitionError {
    fn from(e: FieldError) -> Self {
        TransitionError::Field(e)
    }
}

/// The receiver that accepts a handover names the regiehouder from its own organisation:
/// accountability passes to that organisation (RULES.md 0 and 2.5: exactly one accountable
/// organisation), so the direction of the case cannot sit with someone outside it. `members` are
/// the ids of the accepting organisation's users.
pub fn check_regiehouder(regiehouder: &str, members: &[String]) -> Result<(), FieldError> {
    if members.iter().any(|m| m == regiehouder) {
        Ok(())
    } else {
        Err(FieldError::new(
            "regiehouder",
            "kies een regiehouder uit uw eigen organisatie",
        ))
    }
}
