//! Commands on an existing case in the Veilig Thuis flow (RULES.md 2): urgency, the
//! veiligheidsbeoordeling, the follow-up decision, the warm handover, monitoring, onderzoek,
//! feedback to the reporter, closing, conversion and notes. Each command becomes exactly one domain
//! event, filled in by the server where the client has no say (the assessor is the acting user, a
//! handover gets a new id, an answer refers to the handover that is open), and is written through
//! the store's group commit after the sequence number the writer saw. `Opened` and
//! `IntakeRecorded` have no command here: only [`crate::register_intake`] produces them.
//!
//! The caller has opened the case for the command's [`CaseCommand::action`] (`Update`, or
//! `Respond` for an answer to a handover offer) through its own gate (policy and access log) before
//! it calls [`execute`].

use schakel_domain::access::Action;
use schakel_domain::case::{
    self, CaseEvent, CaseState, CaseWide, FeedbackEvent, FeedbackMoment, HandoverEvent,
    IntakeEvent, MonitoringEvent, OnderzoekOutcome, Phase, TriageEvent,
};
use schakel_domain::instruments::InstrumentRecord;
use schakel_domain::{FieldError, codes};
use schakel_domain::{msg, msg_args};
use schakel_store::{Store, casework};
use serde::Serialize;
use time::OffsetDateTime;

use crate::{Acting, Error};

/// Everything a user may do to an existing case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseCommand {
    /// RULES.md 2.1: must something happen within 24 hours?
    AssessUrgency {
        acute: bool,
    },
    /// RULES.md 2.1: the veiligheidsbeoordeling; the assessor is the acting user.
    AssessSafety {
        acute_unsafety: bool,
        structural_unsafety: bool,
        multi_problem: Option<bool>,
        instrument: String,
        instrument_version: String,
    },
    /// RULES.md 2.2: a code of the `vervolgtraject` list.
    DecideFollowUp {
        track: String,
        veiligheidsvoorwaarden: Vec<String>,
    },
    /// RULES.md 2.5; the handover gets a new id.
    OfferHandover {
        to_org: String,
        veiligheidsvoorwaarden: Vec<String>,
        monitoring_agreements: Vec<String>,
    },
    /// The receiver accepts the open handover, naming a regiehouder of its own organisation.
    AcceptHandover {
        regiehouder: String,
    },
    RefuseHandover {
        reason: String,
    },
    WithdrawHandover {
        reason: String,
    },
    /// The receiver asks Veilig Thuis a question about the open handover (RULES.md 0, 2.5: before
    /// it accepts, the receiver accepts, refuses or asks).
    AskQuestion {
        question: String,
    },
    /// One monitoring moment: `met` are the positions (from 0) of the veiligheidsvoorwaarden found
    /// met; the others are unmet, which returns the case to Veilig Thuis at once.
    RecordMonitoring {
        moment: String,
        met: Vec<usize>,
    },
    EndMonitoring {
        reason: String,
    },
    ReEscalate {
        reason: String,
    },
    CompleteOnderzoek {
        outcome: OnderzoekOutcome,
    },
    GiveFeedback {
        moment: FeedbackMoment,
    },
    WaiveFeedback {
        moment: FeedbackMoment,
        reason: String,
    },
    Close {
        reason: String,
    },
    Reopen,
    ConvertToMelding {
        reason: String,
    },
    ConvertToAdvies {
        reason: String,
    },
    AddNote {
        text: String,
    },
    /// RULES.md 9: a risk instrument's scores; the assessor is the acting user.
    ScoreInstrument {
        record: InstrumentRecord,
    },
}

impl CaseCommand {
    /// What the command is to the access policy: answering an open handover offer (accepting,
    /// refusing, asking about it), or any other change. The policy lets a receiver that has not yet
    /// accepted do the first and nothing else (`schakel_domain::access::decide`); the caller opens
    /// the case for this action.
    pub fn action(&self) -> Action {
        match self {
            CaseCommand::AcceptHandover { .. }
            | CaseCommand::RefuseHandover { .. }
            | CaseCommand::AskQuestion { .. } => Action::Respond,
            _ => Action::Update,
        }
    }

    /// Whether building the event needs the case's current state (the open handover, the
    /// conditions under monitoring).
    fn needs_state(&self) -> bool {
        matches!(
            self,
            CaseCommand::AcceptHandover { .. }
                | CaseCommand::RefuseHandover { .. }
                | CaseCommand::WithdrawHandover { .. }
                | CaseCommand::AskQuestion { .. }
                | CaseCommand::RecordMonitoring { .. }
        )
    }
}

/// The outcome of a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recorded {
    pub case_id: String,
    /// The case's last sequence number now; the next write expects it.
    pub seq: i64,
    pub phase: Phase,
    pub accountable_org: String,
    /// The id of the handover an `OfferHandover` opened.
    pub handover_id: Option<String>,
}

fn open_handover_id(state: Option<&CaseState>) -> Result<String, FieldError> {
    state
        .and_then(|s| s.open_handover.as_ref())
        .map(|h| h.id.clone())
        .ok_or_else(|| FieldError::new("type", msg("error-handover-none-open-field")))
}

/// The domain event a command asks for, filled in by the server.
fn event_for(
    cmd: CaseCommand,
    acting: &Acting,
    state: Option<&CaseState>,
) -> Result<CaseEvent, FieldError> {
    Ok(match cmd {
        CaseCommand::AssessUrgency { acute } => {
            CaseEvent::Triage(TriageEvent::UrgencyAssessed { acute })
        }
        CaseCommand::AssessSafety {
            acute_unsafety,
            structural_unsafety,
            multi_problem,
            instrument,
            instrument_version,
        } => CaseEvent::Triage(TriageEvent::SafetyAssessed {
            acute_unsafety,
            structural_unsafety,
            multi_problem,
            instrument,
            instrument_version,
            assessor: acting.username.clone(),
        }),
        CaseCommand::DecideFollowUp {
            track,
            veiligheidsvoorwaarden,
        } => {
            if codes::decision_category(&track).is_none() {
                return Err(FieldError::new(
                    "track",
                    msg("error-follow-up-track-choose"),
                ));
            }
            CaseEvent::Triage(TriageEvent::FollowUpDecided {
                track,
                veiligheidsvoorwaarden,
            })
        }
        CaseCommand::OfferHandover {
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
        } => CaseEvent::Handover(HandoverEvent::Offered {
            handover_id: uuid::Uuid::now_v7().to_string(),
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
        }),
        CaseCommand::AcceptHandover { regiehouder } => {
            CaseEvent::Handover(HandoverEvent::Accepted {
                handover_id: open_handover_id(state)?,
                regiehouder_user: regiehouder,
            })
        }
        CaseCommand::RefuseHandover { reason } => CaseEvent::Handover(HandoverEvent::Refused {
            handover_id: open_handover_id(state)?,
            reason,
        }),
        CaseCommand::WithdrawHandover { reason } => CaseEvent::Handover(HandoverEvent::Withdrawn {
            handover_id: open_handover_id(state)?,
            reason,
        }),
        CaseCommand::AskQuestion { question } => {
            CaseEvent::Handover(HandoverEvent::QuestionAsked {
                handover_id: open_handover_id(state)?,
                question,
            })
        }
        CaseCommand::RecordMonitoring { moment, met } => {
            let m = state.and_then(|s| s.monitoring.as_ref()).ok_or_else(|| {
                FieldError::new("type", msg("error-monitoring-case-not-monitored"))
            })?;
            if let Some(bad) = met.iter().find(|&&n| n >= m.veiligheidsvoorwaarden.len()) {
                return Err(FieldError::new(
                    "met",
                    msg_args("error-condition-does-not-exist", [("bad", bad.to_string())]),
                ));
            }
            CaseEvent::Monitoring(MonitoringEvent::Recorded {
                moment,
                conditions_met: m
                    .veiligheidsvoorwaarden
                    .iter()
                    .enumerate()
                    .map(|(n, v)| (v.clone(), met.contains(&n)))
                    .collect(),
            })
        }
        CaseCommand::EndMonitoring { reason } => {
            CaseEvent::Monitoring(MonitoringEvent::Ended { reason })
        }
        CaseCommand::ReEscalate { reason } => {
            CaseEvent::Monitoring(MonitoringEvent::ReEscalated { reason })
        }
        CaseCommand::CompleteOnderzoek { outcome } => {
            CaseEvent::Triage(TriageEvent::OnderzoekCompleted { outcome })
        }
        CaseCommand::GiveFeedback { moment } => {
            CaseEvent::Feedback(FeedbackEvent::Given { moment })
        }
        CaseCommand::WaiveFeedback { moment, reason } => {
            CaseEvent::Feedback(FeedbackEvent::Waived { moment, reason })
        }
        CaseCommand::Close { reason } => CaseEvent::Case(CaseWide::Closed { reason }),
        CaseCommand::Reopen => CaseEvent::Case(CaseWide::Reopened),
        CaseCommand::ConvertToMelding { reason } => {
            CaseEvent::Intake(IntakeEvent::ConvertedToMelding { reason })
        }
        CaseCommand::ConvertToAdvies { reason } => {
            CaseEvent::Intake(IntakeEvent::ConvertedToAdvies { reason })
        }
        CaseCommand::AddNote { text } => CaseEvent::Case(CaseWide::NoteAdded { text }),
        CaseCommand::ScoreInstrument { record } => {
            CaseEvent::Triage(TriageEvent::InstrumentScored {
                record,
                assessor: acting.username.clone(),
            })
        }
    })
}

/// Runs `cmd` on case `case_id` as `acting` at `now`, after `expected_seq` (a stale one is a
/// conflict). The domain decides whether the lifecycle allows it; accepting a handover also checks
/// that the regiehouder works for the accepting organisation.
pub async fn execute(
    store: &Store,
    acting: &Acting,
    now: OffsetDateTime,
    case_id: &str,
    expected_seq: i64,
    cmd: CaseCommand,
) -> Result<Recorded, Error> {
    let state = if cmd.needs_state() {
        casework::load_state(store, case_id).await?.map(|(_, s)| s)
    } else {
        None
    };
    if let CaseCommand::AcceptHandover { regiehouder } = &cmd {
        let members: Vec<String> = store
            .users_of_org(&acting.org_id)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        case::check_regiehouder(regiehouder, &members)?;
    }
    let event = event_for(cmd, acting, state.as_ref())?;
    let handover_id = match &event {
        CaseEvent::Handover(HandoverEvent::Offered { handover_id, .. }) => {
            Some(handover_id.clone())
        }
        _ => None,
    };
    let (seq, after) = casework::record(
        store,
        case_id,
        expected_seq,
        &acting.author(),
        acting.org_kind,
        vec![event],
        now,
    )
    .await?;
    Ok(Recorded {
        case_id: case_id.to_string(),
        seq,
        phase: after.phase,
        accountable_org: after.accountable_org,
        handover_id,
    })
}
