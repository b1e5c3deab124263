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
use schakel_domain::monitoring::MomentReport;
use schakel_domain::{FieldError, codes, feedback, handover, triage};
use schakel_domain::{msg, msg_args};
use schakel_store::{Store, StoreError, casework, known};
use serde::Serialize;
use time::OffsetDateTime;

use crate::{Acting, Error};

/// Everything a user may do to an existing case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseCommand {
    /// RULES.md 2.1: must something happen within 24 hours? `melding` is the position of the
    /// melding it concerns (0 the case's own); by default the oldest still to be read.
    AssessUrgency {
        acute: bool,
        melding: Option<u32>,
    },
    /// RULES.md 2.1: the veiligheidsbeoordeling; the assessor is the acting user. `melding` as
    /// above; by default the oldest read for urgency but not yet assessed.
    AssessSafety {
        acute_unsafety: bool,
        structural_unsafety: bool,
        multi_problem: Option<bool>,
        instrument: String,
        instrument_version: String,
        melding: Option<u32>,
    },
    /// RULES.md 2.2: a code of the `vervolgtraject` list.
    DecideFollowUp {
        track: String,
        veiligheidsvoorwaarden: Vec<String>,
    },
    /// Issue 7 item 2: a decision in force changed, with the reason.
    ReviseFollowUp {
        track: String,
        veiligheidsvoorwaarden: Vec<String>,
        reason: String,
    },
    /// RULES.md 2.5; the handover gets a new id. Leaving out a decided veiligheidsvoorwaarde needs
    /// `conditions_dropped_reason`; the receiver must exist and be able to take regie (RULES.md 2.2).
    OfferHandover {
        to_org: String,
        veiligheidsvoorwaarden: Vec<String>,
        monitoring_agreements: Vec<String>,
        conditions_dropped_reason: Option<String>,
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
    /// One monitoring moment, by Veilig Thuis or the regiehouder's organisation: `moment` a code of
    /// the region's schedule; `met` are the positions (from 0) of the veiligheidsvoorwaarden found
    /// met, the others are unmet, which returns the case to Veilig Thuis at once; whether there
    /// was contact with the family, with a short note; the next step; and, before the moment is
    /// due, why it is recorded early (issue 7 item 7).
    RecordMonitoring {
        moment: String,
        met: Vec<usize>,
        family_contact: Option<bool>,
        contact_note: String,
        next_step: String,
        early_reason: Option<String>,
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
    /// RULES.md 2.4: the server composes the feedback from the case and the intake's reporter
    /// (role in the follow-up, informant doctor) and records what was sent, to whom and when.
    GiveFeedback {
        moment: FeedbackMoment,
    },
    /// RULES.md 2.1: the family members are informed of the outcome; `how` in a few words.
    InformFamily {
        moment: FeedbackMoment,
        how: String,
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
    /// Issue 7: the accountable organisation assigns the case to one of its workers (a user id),
    /// or to nobody.
    Assign {
        user: Option<String>,
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
            CaseCommand::AssessUrgency { .. }
                | CaseCommand::AssessSafety { .. }
                | CaseCommand::OfferHandover { .. }
                | CaseCommand::AcceptHandover { .. }
                | CaseCommand::RefuseHandover { .. }
                | CaseCommand::WithdrawHandover { .. }
                | CaseCommand::AskQuestion { .. }
                | CaseCommand::RecordMonitoring { .. }
                | CaseCommand::GiveFeedback { .. }
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

/// The position stored in a triage event: absent for the case's own melding (0), as in events
/// written before meldingen could join with their own assessment.
fn joined_position(n: Option<u32>) -> Option<u32> {
    n.filter(|n| *n > 0)
}

/// The domain event a command asks for, filled in by the server.
fn event_for(
    cmd: CaseCommand,
    acting: &Acting,
    state: Option<&CaseState>,
) -> Result<CaseEvent, FieldError> {
    Ok(match cmd {
        CaseCommand::AssessUrgency { acute, melding } => {
            let n = melding.or_else(|| state.and_then(triage::oldest_unread_urgency));
            CaseEvent::Triage(TriageEvent::UrgencyAssessed {
                acute,
                melding: joined_position(n),
            })
        }
        CaseCommand::AssessSafety {
            acute_unsafety,
            structural_unsafety,
            multi_problem,
            instrument,
            instrument_version,
            melding,
        } => {
            let n = melding.or_else(|| state.and_then(triage::oldest_unassessed));
            CaseEvent::Triage(TriageEvent::SafetyAssessed {
                acute_unsafety,
                structural_unsafety,
                multi_problem,
                instrument,
                instrument_version,
                assessor: acting.username.clone(),
                melding: joined_position(n),
            })
        }
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
        CaseCommand::ReviseFollowUp {
            track,
            veiligheidsvoorwaarden,
            reason,
        } => {
            if codes::decision_category(&track).is_none() {
                return Err(FieldError::new(
                    "track",
                    msg("error-follow-up-track-choose"),
                ));
            }
            CaseEvent::Triage(TriageEvent::FollowUpRevised {
                track,
                veiligheidsvoorwaarden,
                reason,
            })
        }
        CaseCommand::OfferHandover {
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
            conditions_dropped_reason,
        } => CaseEvent::Handover(HandoverEvent::Offered {
            handover_id: uuid::Uuid::now_v7().to_string(),
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
            conditions_dropped_reason,
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
        CaseCommand::RecordMonitoring {
            moment,
            met,
            family_contact,
            contact_note,
            next_step,
            early_reason,
        } => {
            let m = state.and_then(|s| s.monitoring.as_ref()).ok_or_else(|| {
                FieldError::new("type", msg("error-monitoring-case-not-monitored"))
            })?;
            let family_contact = family_contact
                .ok_or_else(|| FieldError::new("family_contact", msg("case-choose-yes-no")))?;
            if next_step.trim().is_empty() {
                return Err(FieldError::new("next_step", msg("case-required")));
            }
            let early_reason = early_reason
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty());
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
                report: Some(MomentReport {
                    family_contact,
                    contact_note: contact_note.trim().to_string(),
                    next_step: next_step.trim().to_string(),
                    early_reason,
                }),
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
        // Composed from the case with the organisations' names: see `feedback_sent`, which
        // `execute` uses; this plain form is what the command meant before the text was stored.
        CaseCommand::GiveFeedback { moment } => {
            CaseEvent::Feedback(FeedbackEvent::Given { moment })
        }
        CaseCommand::InformFamily { moment, how } => {
            CaseEvent::Feedback(FeedbackEvent::FamilyInformed { moment, how })
        }
        CaseCommand::WaiveFeedback { moment, reason } => {
            CaseEvent::Feedback(FeedbackEvent::Waived { moment, reason })
        }
        CaseCommand::Close { reason } => CaseEvent::Case(CaseWide::Closed { reason }),
        CaseCommand::Reopen => CaseEvent::Case(CaseWide::Reopened),
        // The known-before part is filled by `converted_to_melding`, which `execute` uses.
        CaseCommand::ConvertToMelding { reason } => {
            CaseEvent::Intake(IntakeEvent::ConvertedToMelding {
                reason,
                classification: None,
                linked: Vec::new(),
            })
        }
        CaseCommand::ConvertToAdvies { reason } => {
            CaseEvent::Intake(IntakeEvent::ConvertedToAdvies { reason })
        }
        CaseCommand::AddNote { text } => CaseEvent::Case(CaseWide::NoteAdded { text }),
        CaseCommand::Assign { user } => CaseEvent::Case(CaseWide::Assigned { user }),
        CaseCommand::ScoreInstrument { record } => {
            CaseEvent::Triage(TriageEvent::InstrumentScored {
                record,
                assessor: acting.username.clone(),
            })
        }
    })
}

/// The feedback as sent (issue 7 item 9): composed in the domain from the case as it stands and
/// the case's reporter as the intake recorded them (RULES.md 2.4), with the recipient and the time.
async fn feedback_sent(
    store: &Store,
    state: Option<&CaseState>,
    moment: FeedbackMoment,
    now: OffsetDateTime,
) -> Result<CaseEvent, Error> {
    let s = state.ok_or(Error::NotFound)?;
    let melder = s.intakes.first().map(|i| &i.intake.melder);
    let orgs = store.organisations().await?;
    let name = |id: &str| {
        orgs.iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    let input = feedback::input_for_case(
        s,
        moment,
        melder.is_some_and(|m| m.has_role),
        melder.is_some_and(|m| m.informant_doctor),
        name,
    )?;
    let text: Vec<String> = match feedback::compose(&input)? {
        feedback::Feedback::Standard(content) => {
            content.text_nl().lines().map(str::to_string).collect()
        }
        feedback::Feedback::NoStandardFeedback { .. } => {
            return Err(
                FieldError::new("moment", msg("error-feedback-informant-doctor-waive")).into(),
            );
        }
    };
    let to_org = melder.and_then(|m| m.org_id.clone());
    let to = feedback::recipient(melder, name);
    Ok(CaseEvent::Feedback(FeedbackEvent::Sent {
        moment,
        to,
        to_org,
        text,
        sent_at: now,
    }))
}

/// An advies converted into a melding gets the known-before check (issue 7): its betrokkenen are
/// linked to persons they certainly are (never to a possible match or a conflict: no worker
/// decides in this command) and the melding gets its CBS class from those casussen (RULES.md 3).
/// Veilig Thuis's radar looks at every casus (RULES.md 2.1), so no casus is left out here; nothing
/// of them is shown to the user, only the class.
async fn converted_to_melding(
    store: &Store,
    case_id: &str,
    reason: String,
    now: OffsetDateTime,
) -> Result<CaseEvent, Error> {
    let (_, state) = casework::load_state(store, case_id)
        .await?
        .ok_or(Error::NotFound)?;
    let today = schakel_domain::calendar::dutch_local_date(now);
    let mut linked = Vec::new();
    let mut certain = Vec::new();
    if let Some(first) = state.intakes.first() {
        for (row, b) in first.intake.betrokkenen.iter().enumerate() {
            let q = known::KnownQuery {
                bsn: b
                    .bsn
                    .as_deref()
                    .and_then(|s| schakel_domain::bsn::Bsn::parse("bsn", s).ok()),
                name: b.name.clone(),
                birth_date: b.birth_date,
                estimated_age: b.estimated_age,
                today: Some(today),
            };
            let found = known::find_known(store, &q, 20).await?;
            for m in found
                .into_iter()
                .filter(|m| m.is_certain() && m.case_id != case_id)
            {
                if !linked.iter().any(|(r, _)| *r == row) {
                    linked.push((row, m.person.id.clone()));
                }
                certain.push(m);
            }
        }
    }
    Ok(CaseEvent::Intake(IntakeEvent::ConvertedToMelding {
        reason,
        classification: Some(known::classify_matches(certain.iter())),
        linked,
    }))
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
    // A case's log starts at 1 (its opening), so an expected sequence number below 1 is wrong
    // input, not a lifecycle question (issue 8, finding 16).
    if expected_seq < 1 {
        return Err(Error::Invalid(FieldError::new(
            "expected_seq",
            msg("error-expected-seq-positive"),
        )));
    }
    if let CaseCommand::OfferHandover { to_org, .. } = &cmd {
        crate::intake::existing_organisation(store, "to_org", to_org).await?;
    }
    let state = if cmd.needs_state() {
        casework::load_state(store, case_id).await?.map(|(_, s)| s)
    } else {
        None
    };
    // Issue 7 item 3: every organisation id in a command names an organisation (store lookup);
    // the domain then decides whether it can receive the case on the decided track.
    if let CaseCommand::OfferHandover { to_org, .. } = &cmd {
        let receiver = match store.organisation(to_org.trim()).await {
            Ok(org) => Some(org.kind),
            Err(StoreError::NotFound(_)) => None,
            Err(e) => return Err(e.into()),
        };
        let track = state
            .as_ref()
            .and_then(|s| s.decision.as_ref())
            .map(|d| d.track.as_str())
            .unwrap_or_default();
        handover::check_receiver(receiver, track)?;
    }
    // Issue 7 item 7: a moment of the region's schedule, due on a working day; earlier only with a
    // reason.
    if let (
        CaseCommand::RecordMonitoring {
            moment,
            early_reason,
            ..
        },
        Some(m),
    ) = (&cmd, state.as_ref().and_then(|s| s.monitoring.as_ref()))
    {
        let rules = store.rules();
        rules.terms.monitoring.check_recordable(
            &rules.calendar,
            m,
            moment,
            schakel_domain::calendar::dutch_local_date(now),
            early_reason.as_deref(),
        )?;
    }
    if let CaseCommand::AcceptHandover { regiehouder } = &cmd {
        let members: Vec<String> = store
            .users_of_org(&acting.org_id)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        case::check_regiehouder(regiehouder, &members)?;
    }
    // Issue 7: a case is assigned to a worker of the organisation that assigns it (the domain
    // checks that this organisation is accountable).
    if let CaseCommand::Assign { user: Some(user) } = &cmd
        && !store
            .users_of_org(&acting.org_id)
            .await?
            .iter()
            .any(|u| &u.id == user)
    {
        return Err(FieldError::new("user", msg("error-assign-not-member")).into());
    }
    let event = match cmd {
        CaseCommand::GiveFeedback { moment } => {
            feedback_sent(store, state.as_ref(), moment, now).await?
        }
        CaseCommand::ConvertToMelding { reason } => {
            converted_to_melding(store, case_id, reason, now).await?
        }
        cmd => event_for(cmd, acting, state.as_ref())?,
    };
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
