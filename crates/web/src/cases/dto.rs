//! The wire types of commands on a case and of what the API returns about a case, each with its
//! derived OpenAPI schema. The API sends commands, never domain events; mapping to the use cases
//! happens here.

use schakel_app::CaseCommand;
use schakel_domain::case::{FeedbackMoment, OnderzoekOutcome};
use schakel_domain::instruments::{InstrumentKind, InstrumentRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Moment {
    NaBeoordeling,
    NaOnderzoek,
}

impl From<Moment> for FeedbackMoment {
    fn from(m: Moment) -> Self {
        match m {
            Moment::NaBeoordeling => FeedbackMoment::NaBeoordeling,
            Moment::NaOnderzoek => FeedbackMoment::NaOnderzoek,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Bevestigd,
    NietBevestigd,
    Weerlegd,
    VoortijdigAfgesloten,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    Rihg,
    CareNl,
    BSafer,
    Dash,
    TriageVt,
}

/// What to do to a case. The server fills in the rest: the assessor is the signed-in user, a
/// handover gets its id, an answer refers to the open handover. A case is opened and an intake
/// recorded only by `POST /intakes`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum CommandDto {
    /// Must something happen within 24 hours? Every melding is read, also one that joined the
    /// casus later.
    AssessUrgency {
        acute: bool,
        /// Which melding of the casus (0 is the case's own, 1 the first that joined, ...); by
        /// default the oldest still to be read.
        #[serde(default)]
        #[schema(minimum = 0)]
        melding: Option<u32>,
    },
    /// The veiligheidsbeoordeling (triage-instrument parts A, B and C).
    AssessSafety {
        acute_unsafety: bool,
        structural_unsafety: bool,
        /// Part C; may be skipped when part B is positive.
        #[serde(default)]
        multi_problem: Option<bool>,
        instrument: String,
        instrument_version: String,
        /// Which melding of the casus (as for `assess_urgency`); by default the oldest read for
        /// urgency and not yet assessed.
        #[serde(default)]
        #[schema(minimum = 0)]
        melding: Option<u32>,
    },
    /// A code of the `vervolgtraject` list. A decision in force is changed with
    /// `revise_follow_up`.
    DecideFollowUp {
        track: String,
        #[serde(default)]
        veiligheidsvoorwaarden: Vec<String>,
    },
    /// Changes the decision in force (while Veilig Thuis holds the case), with the reason.
    ReviseFollowUp {
        track: String,
        #[serde(default)]
        veiligheidsvoorwaarden: Vec<String>,
        #[schema(max_length = 2000)]
        reason: String,
    },
    /// To an organisation that may take regie and fits the decided track (a lokaal team for
    /// `overdracht_lokaal_veld`); 400 naming `to_org` otherwise.
    OfferHandover {
        to_org: String,
        /// The decided veiligheidsvoorwaarden travel with the handover; more may be added.
        #[serde(default)]
        veiligheidsvoorwaarden: Vec<String>,
        #[serde(default)]
        monitoring_agreements: Vec<String>,
        /// Required when a decided veiligheidsvoorwaarde is left out; stored with the offer.
        #[serde(default)]
        #[schema(max_length = 2000)]
        conditions_dropped_reason: Option<String>,
    },
    /// By the receiving organisation; the regiehouder is one of its users (id).
    AcceptHandover {
        regiehouder: String,
    },
    RefuseHandover {
        reason: String,
    },
    WithdrawHandover {
        reason: String,
    },
    /// By the receiving organisation, before it accepts: a question to Veilig Thuis about the open
    /// handover. Until it accepts, the receiver accepts, refuses or asks; it cannot add notes.
    AskQuestion {
        question: String,
    },
    /// One monitoring moment, by Veilig Thuis or the regiehouder's organisation. `moment`: a code
    /// of the region's monitoring schedule; `met`: positions (from 0) of the veiligheidsvoorwaarden
    /// found met, the others are unmet (an unmet one returns the case to Veilig Thuis);
    /// `family_contact` and `next_step` are required; `early_reason` before the moment is due.
    RecordMonitoring {
        moment: String,
        #[serde(default)]
        met: Vec<usize>,
        #[serde(default)]
        family_contact: Option<bool>,
        #[serde(default)]
        #[schema(max_length = 2000)]
        family_contact_note: String,
        #[serde(default)]
        #[schema(max_length = 2000)]
        next_step: String,
        #[serde(default)]
        early_reason: Option<String>,
    },
    EndMonitoring {
        reason: String,
    },
    ReEscalate {
        reason: String,
    },
    CompleteOnderzoek {
        outcome: Outcome,
    },
    /// The server composes the text from the case and the intake's reporter and stores what was
    /// sent, to whom and when.
    GiveFeedback {
        moment: Moment,
    },
    /// RULES.md 2.1: the family was informed of the outcome; `how` in a few words.
    InformFamily {
        moment: Moment,
        #[schema(max_length = 2000)]
        how: String,
    },
    WaiveFeedback {
        moment: Moment,
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
    /// Assigns the case to a worker (a user id) of the accountable organisation; `null` to nobody.
    Assign {
        #[serde(default)]
        user: Option<String>,
    },
    /// A risk instrument's item scores (no item texts).
    ScoreInstrument {
        instrument: Instrument,
        version: String,
        item_scores: Vec<String>,
        #[serde(default)]
        overall_judgement: Option<String>,
    },
}

impl From<CommandDto> for CaseCommand {
    fn from(c: CommandDto) -> Self {
        match c {
            CommandDto::AssessUrgency { acute, melding } => {
                CaseCommand::AssessUrgency { acute, melding }
            }
            CommandDto::AssessSafety {
                acute_unsafety,
                structural_unsafety,
                multi_problem,
                instrument,
                instrument_version,
                melding,
            } => CaseCommand::AssessSafety {
                acute_unsafety,
                structural_unsafety,
                multi_problem,
                instrument,
                instrument_version,
                melding,
            },
            CommandDto::ReviseFollowUp {
                track,
                veiligheidsvoorwaarden,
                reason,
            } => CaseCommand::ReviseFollowUp {
                track,
                veiligheidsvoorwaarden,
                reason,
            },
            CommandDto::DecideFollowUp {
                track,
                veiligheidsvoorwaarden,
            } => CaseCommand::DecideFollowUp {
                track,
                veiligheidsvoorwaarden,
            },
            CommandDto::OfferHandover {
                to_org,
                veiligheidsvoorwaarden,
                monitoring_agreements,
                conditions_dropped_reason,
            } => CaseCommand::OfferHandover {
                to_org,
                veiligheidsvoorwaarden,
                monitoring_agreements,
                conditions_dropped_reason,
            },
            CommandDto::AcceptHandover { regiehouder } => {
                CaseCommand::AcceptHandover { regiehouder }
            }
            CommandDto::RefuseHandover { reason } => CaseCommand::RefuseHandover { reason },
            CommandDto::WithdrawHandover { reason } => CaseCommand::WithdrawHandover { reason },
            CommandDto::AskQuestion { question } => CaseCommand::AskQuestion { question },
            CommandDto::RecordMonitoring {
                moment,
                met,
                family_contact,
                family_contact_note,
                next_step,
                early_reason,
            } => CaseCommand::RecordMonitoring {
                moment,
                met,
                family_contact,
                contact_note: family_contact_note,
                next_step,
                early_reason,
            },
            CommandDto::EndMonitoring { reason } => CaseCommand::EndMonitoring { reason },
            CommandDto::ReEscalate { reason } => CaseCommand::ReEscalate { reason },
            CommandDto::CompleteOnderzoek { outcome } => CaseCommand::CompleteOnderzoek {
                outcome: match outcome {
                    Outcome::Bevestigd => OnderzoekOutcome::Bevestigd,
                    Outcome::NietBevestigd => OnderzoekOutcome::NietBevestigd,
                    Outcome::Weerlegd => OnderzoekOutcome::Weerlegd,
                    Outcome::VoortijdigAfgesloten => OnderzoekOutcome::VoortijdigAfgesloten,
                },
            },
            CommandDto::GiveFeedback { moment } => CaseCommand::GiveFeedback {
                moment: moment.into(),
            },
            CommandDto::InformFamily { moment, how } => CaseCommand::InformFamily {
                moment: moment.into(),
                how,
            },
            CommandDto::WaiveFeedback { moment, reason } => CaseCommand::WaiveFeedback {
                moment: moment.into(),
                reason,
            },
            CommandDto::Close { reason } => CaseCommand::Close { reason },
            CommandDto::Reopen => CaseCommand::Reopen,
            CommandDto::ConvertToMelding { reason } => CaseCommand::ConvertToMelding { reason },
            CommandDto::ConvertToAdvies { reason } => CaseCommand::ConvertToAdvies { reason },
            CommandDto::AddNote { text } => CaseCommand::AddNote { text },
            CommandDto::Assign { user } => CaseCommand::Assign { user },
            CommandDto::ScoreInstrument {
                instrument,
                version,
                item_scores,
                overall_judgement,
            } => CaseCommand::ScoreInstrument {
                record: InstrumentRecord {
                    kind: match instrument {
                        Instrument::Rihg => InstrumentKind::Rihg,
                        Instrument::CareNl => InstrumentKind::CareNl,
                        Instrument::BSafer => InstrumentKind::BSafer,
                        Instrument::Dash => InstrumentKind::Dash,
                        Instrument::TriageVt => InstrumentKind::TriageVt,
                    },
                    version,
                    item_scores,
                    overall_judgement,
                },
            },
        }
    }
}

/// A command with the sequence number the writer saw (a stale one gets 409).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommandBody {
    pub expected_seq: i64,
    pub command: CommandDto,
}

/// A note (the same as the `add_note` command).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteBody {
    pub expected_seq: i64,
    #[schema(max_length = 2000)]
    pub text: String,
}

/// The case after a command.
#[derive(Serialize, ToSchema)]
pub struct RecordedDto {
    pub case_id: String,
    /// The case's last sequence number; the next command expects it.
    pub seq: i64,
    /// The lifecycle phase, e.g. `beoordeling`, `overdracht`, `monitoring`.
    pub phase: String,
    pub accountable_org: String,
    /// The id of a handover just offered.
    pub handover_id: Option<String>,
}

impl From<schakel_app::Recorded> for RecordedDto {
    fn from(r: schakel_app::Recorded) -> Self {
        Self {
            case_id: r.case_id,
            seq: r.seq,
            phase: r.phase.code().to_string(),
            accountable_org: r.accountable_org,
            handover_id: r.handover_id,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Schemas of records the API returns as the store gives them.

#[derive(ToSchema)]
#[schema(as = CaseSummary)]
#[allow(dead_code)]
pub struct CaseSummarySchema {
    pub id: String,
    /// VT-2026-00123: prefix, year of receipt, sequence.
    pub case_number: Option<String>,
    pub kind: String,
    pub status: String,
    pub accountable_org: String,
    pub title: String,
    pub opened_at: String,
    pub updated_at: String,
    pub last_seq: i64,
}

#[derive(ToSchema)]
#[schema(as = Event)]
#[allow(dead_code)]
pub struct EventSchema {
    pub case_id: String,
    pub seq: i64,
    pub at: String,
    pub user_id: String,
    pub org_id: String,
    pub on_behalf_of: Option<String>,
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}
