//! The case: the aggregate that composes the chain's stages (DESIGN.md, "Architecture for the whole
//! chain": a case composes the events of its stages). A case is its history (DESIGN.md principle 2):
//! its state is the fold of its events through [`apply`], which hands each event to the stage that
//! owns it ([`crate::intake`], [`crate::triage`], [`crate::feedback`], [`crate::handover`],
//! [`crate::monitoring`]) and rejects every transition the rules forbid with a Dutch message. The
//! case-wide events (closed, reopened, a journal note) live here.
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

use schakel_i18n::t;
use serde::{Deserialize, Deserializer, Serialize};
use time::OffsetDateTime;

use crate::FieldError;
use crate::org::OrgKind;
use crate::{feedback, handover, intake, monitoring, triage};

mod deadlines;
pub(crate) mod guards;
mod transitions;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod stored_json_tests;
#[cfg(test)]
pub(crate) mod tests;

pub use deadlines::{Deadline, DeadlineKind};
pub use transitions::{apply, follow_up, replay};

// The stages' event types and state parts under the names the other crates have always used.
pub use crate::feedback::{Event as FeedbackEvent, FeedbackMoment, PendingFeedback};
pub use crate::handover::{Event as HandoverEvent, Handover, check_regiehouder};
pub use crate::intake::{Event as IntakeEvent, RecordedIntake};
pub use crate::monitoring::{Event as MonitoringEvent, Monitoring};
pub use crate::triage::{
    Decision, Event as TriageEvent, Onderzoek, OnderzoekOutcome, SafetyAssessment,
};

/// Advies or melding (RULES.md 1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// The family stays anonymous; responsibility for next steps stays with the asker.
    Advies,
    /// Identifies the persons; responsibility for zicht op veiligheid passes to Veilig Thuis.
    Melding,
}

/// Everything that can happen to a case: the events of its stages and the case-wide ones.
///
/// Stored as JSON with a `kind` tag, exactly as when this was one flat enum: each stage's enum is
/// tagged with `kind` itself and this enum adds no wrapper (`untagged` when written; read by
/// dispatching on `kind`, see the `Deserialize` impl). The hash chain digests these payloads, so
/// the stored form must never change (test: `case::stored_json_tests`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CaseEvent {
    Intake(intake::Event),
    Triage(triage::Event),
    Feedback(feedback::Event),
    Handover(handover::Event),
    Monitoring(monitoring::Event),
    Case(CaseWide),
}

/// The events that belong to the case as a whole, not to one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseWide {
    /// RULES.md 0 and 2.5: closes only when nothing is left hanging (see `guards::check_closable`).
    Closed { reason: String },
    /// The last accountable organisation reopens; the case returns to the phase it closed from.
    Reopened,
    /// A journal note by a worker of a participating organisation.
    NoteAdded { text: String },
    /// The accountable organisation assigns the case to one of its workers (issue 7, "Fit for
    /// daily work"), or takes the assignment away (`user: None`). Whether the user works for that
    /// organisation is checked by the command (the domain does not know the members).
    Assigned { user: Option<String> },
}

impl CaseWide {
    pub const KINDS: &[&str] = &["closed", "reopened", "note_added", "assigned"];

    pub fn name(&self) -> &'static str {
        match self {
            CaseWide::Closed { .. } => "closed",
            CaseWide::Reopened => "reopened",
            CaseWide::NoteAdded { .. } => "note_added",
            CaseWide::Assigned { .. } => "assigned",
        }
    }

    /// The Dutch label of a case-wide event kind.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "closed" => schakel_i18n::t("event-closed"),
            "reopened" => schakel_i18n::t("event-reopened"),
            "note_added" => schakel_i18n::t("event-note-added"),
            "assigned" => schakel_i18n::t("event-assigned"),
            _ => return None,
        })
    }
}

impl CaseEvent {
    /// Every stored `kind`, stage by stage.
    pub fn kinds() -> impl Iterator<Item = &'static str> {
        [
            intake::Event::KINDS,
            triage::Event::KINDS,
            feedback::Event::KINDS,
            handover::Event::KINDS,
            monitoring::Event::KINDS,
            CaseWide::KINDS,
        ]
        .into_iter()
        .flatten()
        .copied()
    }

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            CaseEvent::Intake(e) => e.name(),
            CaseEvent::Triage(e) => e.name(),
            CaseEvent::Feedback(e) => e.name(),
            CaseEvent::Handover(e) => e.name(),
            CaseEvent::Monitoring(e) => e.name(),
            CaseEvent::Case(e) => e.name(),
        }
    }

    /// The Dutch label users read for a stored `kind`; each stage names its own kinds. An unknown
    /// kind (a newer version's event read by an older one) shows its code rather than nothing.
    pub fn label_for_kind(kind: &str) -> String {
        intake::Event::label_for_kind(kind)
            .or_else(|| triage::Event::label_for_kind(kind))
            .or_else(|| feedback::Event::label_for_kind(kind))
            .or_else(|| handover::Event::label_for_kind(kind))
            .or_else(|| monitoring::Event::label_for_kind(kind))
            .or_else(|| CaseWide::label_for_kind(kind))
            .unwrap_or_else(|| kind.to_string())
    }

    /// The label of this event.
    pub fn label(&self) -> String {
        Self::label_for_kind(self.name())
    }
}

impl<'de> Deserialize<'de> for CaseEvent {
    /// Reads the `kind` and lets the stage that owns it read the rest, so an error names the
    /// stage's field (serde's `untagged` would only say that nothing matched).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(deserializer)?;
        let kind = value
            .get("kind")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| D::Error::missing_field("kind"))?;
        let owns = |kinds: &[&str]| kinds.contains(&kind);
        let event = if owns(intake::Event::KINDS) {
            intake::Event::deserialize(&value).map(CaseEvent::Intake)
        } else if owns(triage::Event::KINDS) {
            triage::Event::deserialize(&value).map(CaseEvent::Triage)
        } else if owns(feedback::Event::KINDS) {
            feedback::Event::deserialize(&value).map(CaseEvent::Feedback)
        } else if owns(handover::Event::KINDS) {
            handover::Event::deserialize(&value).map(CaseEvent::Handover)
        } else if owns(monitoring::Event::KINDS) {
            monitoring::Event::deserialize(&value).map(CaseEvent::Monitoring)
        } else if owns(CaseWide::KINDS) {
            CaseWide::deserialize(&value).map(CaseEvent::Case)
        } else {
            return Err(D::Error::custom(format_args!(
                "unknown event kind `{kind}`"
            )));
        };
        event.map_err(D::Error::custom)
    }
}

impl From<intake::Event> for CaseEvent {
    fn from(e: intake::Event) -> Self {
        CaseEvent::Intake(e)
    }
}
impl From<triage::Event> for CaseEvent {
    fn from(e: triage::Event) -> Self {
        CaseEvent::Triage(e)
    }
}
impl From<feedback::Event> for CaseEvent {
    fn from(e: feedback::Event) -> Self {
        CaseEvent::Feedback(e)
    }
}
impl From<handover::Event> for CaseEvent {
    fn from(e: handover::Event) -> Self {
        CaseEvent::Handover(e)
    }
}
impl From<monitoring::Event> for CaseEvent {
    fn from(e: monitoring::Event) -> Self {
        CaseEvent::Monitoring(e)
    }
}
impl From<CaseWide> for CaseEvent {
    fn from(e: CaseWide) -> Self {
        CaseEvent::Case(e)
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
    /// Veilig Thuis's involvement has ended (RULES.md 2.5, 3): after an accepted handover without
    /// monitoring or at the end of monitoring. The receiver stays accountable and the case stays
    /// open for it; for CBS (85361NED) the Veilig Thuis casus is closed, so a new melding about
    /// its betrokkenen is a hermelding, not a vervolgmelding.
    VtBeeindigd,
    Gesloten,
}

impl Phase {
    pub const ALL: [Phase; 9] = [
        Phase::Advies,
        Phase::Intake,
        Phase::Beoordeling,
        Phase::Besloten,
        Phase::Overdracht,
        Phase::Overgedragen,
        Phase::Monitoring,
        Phase::VtBeeindigd,
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
            Phase::VtBeeindigd => "vt_beeindigd",
            Phase::Gesloten => "gesloten",
        }
    }

    pub fn parse(code: &str) -> Option<Phase> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> String {
        match self {
            Phase::Advies => t("phase-advies"),
            Phase::Intake => t("phase-intake"),
            Phase::Beoordeling => t("phase-beoordeling"),
            Phase::Besloten => t("phase-besloten"),
            Phase::Overdracht => t("phase-overdracht"),
            Phase::Overgedragen => t("phase-overgedragen"),
            Phase::Monitoring => t("phase-monitoring"),
            Phase::VtBeeindigd => t("phase-vt-beeindigd"),
            Phase::Gesloten => t("phase-gesloten"),
        }
    }
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
    /// The last refused handover while no new one is offered (issue 7 item 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused_handover: Option<crate::handover::RefusedHandover>,
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
    /// Organisations that held regie until a re-escalation (issue 7 item 7): read-only view.
    #[serde(default)]
    pub former_regie: Vec<crate::monitoring::FormerRegie>,
    /// The worker of the accountable organisation the case is assigned to (user id); cleared when
    /// another organisation becomes accountable.
    #[serde(default)]
    pub assigned_user: Option<String>,
    /// Persons merged in this case (issue 7): (merged person id, kept person id), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_persons: Vec<(String, String)>,
}

impl CaseState {
    /// Whether the case is acute now: read as acute or assessed as acutely unsafe (RULES.md 2.1:
    /// direct action within 24 hours), while Veilig Thuis still acts on its safety. Once handed
    /// over and monitored, the old urgency no longer puts its work first.
    pub fn is_acute_now(&self) -> bool {
        (self.acute == Some(true) || self.safety.as_ref().is_some_and(|s| s.acute_unsafety))
            && matches!(
                self.phase,
                Phase::Intake | Phase::Beoordeling | Phase::Besloten | Phase::Overdracht
            )
    }

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
    NotAllowed(crate::error::Message),
    /// A field of the event is wrong.
    #[error("{0}")]
    Field(FieldError),
}

impl From<FieldError> for TransitionError {
    fn from(e: FieldError) -> Self {
        TransitionError::Field(e)
    }
}
