//! The meldcode dossier's log and state: each step recorded as an event with who and when, the
//! state folded from them, and the commands decided against it.
//!
//! The order is the meldcode's (RULES.md 1.1 [C]): signals (with the kindcheck), collegial
//! consultation, the conversation with the client, weighing, deciding. A step already reached can be
//! recorded again (more signals, a second consultation, a new weighing); a later step cannot come
//! before an earlier one. "Every step and the decision is recorded in the client file, including
//! 'no suspicion'" (RULES.md 1.1 [C]): no suspicion is an event of its own, and so is a decision.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::afweging::{AnswerSheet, Answers, LeadsTo, Outcome};
use super::kindcheck::{Kindcheck, KindcheckInput};
use super::{MAX_SHORT, MAX_TEXT, Step};
use crate::validate::{identifier, optional_date, required_text};
use crate::{FieldError, msg, msg_args};

/// Who recorded something: the account and the name shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Professional {
    pub user_id: String,
    pub name: String,
}

/// The client the concern is about, as the professional's own file knows them. Only a melding
/// carries these details to Veilig Thuis (RULES.md 1.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    #[serde(rename = "naam")]
    pub name: String,
    #[serde(
        rename = "geboortedatum",
        default,
        with = "crate::calendar::iso_date::option"
    )]
    pub birth_date: Option<Date>,
}

/// Whether Veilig Thuis was asked for advice in the consultation, and what it said (RULES.md 1.1
/// step 2: "if needed consult Veilig Thuis (anonymous advice)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gevraagd", rename_all = "snake_case")]
pub enum VtAdvice {
    No,
    Yes {
        #[serde(rename = "advies")]
        advice: String,
    },
}

/// Why the conversation with the client did not take place. RULES.md 1.1 names step 3 without
/// the grounds for skipping it; these two are the Basismodel meldcode's (rijksoverheid.nl,
/// "Basismodel meldcode", cited by RULES.md 1.1) as Schakel reads it [NC]: not in RULES.md, so
/// check them against the model the region uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipGround {
    /// The safety of the client, the professional or someone else is at stake.
    Safety,
    /// There is good reason to think the client would break off contact.
    ContactBreak,
}

impl SkipGround {
    pub const ALL: [SkipGround; 2] = [SkipGround::Safety, SkipGround::ContactBreak];

    pub fn code(self) -> &'static str {
        match self {
            SkipGround::Safety => "safety",
            SkipGround::ContactBreak => "contact_break",
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|g| g.code() == value)
            .ok_or_else(|| FieldError::new(field, msg("error-meldcode-skip-ground-unknown")))
    }

    pub fn label(self) -> String {
        match self {
            SkipGround::Safety => schakel_i18n::t("meldcode-skip-safety"),
            SkipGround::ContactBreak => schakel_i18n::t("meldcode-skip-contact-break"),
        }
    }
}

/// Step 3 as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gesprek", rename_all = "snake_case")]
pub enum Conversation {
    Held {
        #[serde(rename = "verslag")]
        summary: String,
    },
    NotHeld {
        #[serde(rename = "grond")]
        ground: SkipGround,
        #[serde(rename = "toelichting")]
        explanation: String,
    },
}

/// One event of a meldcode dossier's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MeldcodeEvent {
    /// A professional starts the meldcode for a client of their organisation.
    Opened {
        owner_org: String,
        client: Client,
        concern: String,
    },
    /// Step 1: the signals, with the kindcheck (RULES.md 1.1, 1.4).
    SignalsRecorded {
        signals: String,
        kindcheck: Kindcheck,
    },
    /// No suspicion after all: recorded, and the dossier closes (RULES.md 1.1, 1.2 row 1).
    NoSuspicion {
        reason: String,
    },
    /// Step 2: collegial consultation, and whether Veilig Thuis was asked for advice.
    ConsultationRecorded {
        colleague: String,
        summary: String,
        veilig_thuis: VtAdvice,
    },
    /// Step 3: the conversation with the client, or why it did not take place.
    ConversationRecorded {
        conversation: Conversation,
    },
    /// Step 4: the weighing, with the answers to the five questions (RULES.md 1.2).
    WeighingRecorded {
        assessment: String,
        /// The professional was in doubt and consulted Veilig Thuis (RULES.md 1.1 step 4).
        #[serde(default)]
        in_doubt: bool,
        answers: Answers,
    },
    /// Step 5: the outcome of the afwegingskader for the last weighing, with the professional's
    /// explanation (the help organised, the agreements made).
    DecisionRecorded {
        outcome: Outcome,
        note: String,
    },
    /// The melding the decision asked for was made at Veilig Thuis: from then on that Veilig Thuis
    /// organisation may read the dossier.
    MeldingMade {
        vt_org: String,
        /// The case at Veilig Thuis, when it was made through Schakel.
        #[serde(default)]
        case_id: Option<String>,
    },
    Closed {
        reason: String,
    },
}

/// An event as the log holds it: its place, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub seq: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub by: Professional,
    pub event: MeldcodeEvent,
}

/// Something recorded in the dossier, with its place, time and author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<T> {
    pub seq: u64,
    pub at: OffsetDateTime,
    pub by: Professional,
    pub what: T,
}

impl<T> Entry<T> {
    fn of(e: &Recorded, what: T) -> Self {
        Entry {
            seq: e.seq,
            at: e.at,
            by: e.by.clone(),
            what,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signals {
    pub text: String,
    pub kindcheck: Kindcheck,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub colleague: String,
    pub summary: String,
    pub veilig_thuis: VtAdvice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weighing {
    pub assessment: String,
    pub in_doubt: bool,
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub outcome: Outcome,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldingMade {
    pub vt_org: String,
    pub case_id: Option<String>,
}

/// How a dossier was closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closure {
    /// "No suspicion", recorded with its reason.
    NoSuspicion { reason: String },
    /// A decision that closes: no suspicion (question 1) or the help closed (question 5).
    Decided(Outcome),
    /// Closed by the professional, with a reason.
    Closed { reason: String },
}

/// Where a dossier stands: what a professional who comes back to it sees first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Walking the steps; the step to take next.
    AtStep(Step),
    /// Help is offered and followed: a new weighing answers question 5 when its effect shows.
    FollowingHelp,
    /// The decision asks for a melding that has not been made yet.
    MeldingDue,
    /// The melding was made; the dossier can be closed.
    Reported,
    Closed,
}

impl Phase {
    /// The phase as stored with a dossier's head, for lists.
    pub fn code(self) -> String {
        match self {
            Phase::AtStep(step) => format!("step_{}", step.number()),
            Phase::FollowingHelp => "following_help".into(),
            Phase::MeldingDue => "melding_due".into(),
            Phase::Reported => "reported".into(),
            Phase::Closed => "closed".into(),
        }
    }

    /// The phase of a stored code; `None` for a code this version does not know.
    pub fn from_code(code: &str) -> Option<Phase> {
        match code {
            "following_help" => Some(Phase::FollowingHelp),
            "melding_due" => Some(Phase::MeldingDue),
            "reported" => Some(Phase::Reported),
            "closed" => Some(Phase::Closed),
            _ => {
                let n: u8 = code.strip_prefix("step_")?.parse().ok()?;
                Step::ALL
                    .into_iter()
                    .find(|s| s.number() == n)
                    .map(Phase::AtStep)
            }
        }
    }

    pub fn label(self) -> String {
        match self {
            Phase::AtStep(step) => schakel_i18n::t_args(
                "meldcode-phase-at-step",
                &[
                    ("nummer", &step.number().to_string()),
                    ("stap", &step.label()),
                ],
            ),
            Phase::FollowingHelp => schakel_i18n::t("meldcode-phase-following-help"),
            Phase::MeldingDue => schakel_i18n::t("meldcode-phase-melding-due"),
            Phase::Reported => schakel_i18n::t("meldcode-phase-reported"),
            Phase::Closed => schakel_i18n::t("meldcode-phase-closed"),
        }
    }
}

/// A meldcode dossier as its log makes it. Its own aggregate, not a case: it belongs to the
/// professional's organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldcodeDossier {
    pub owner_org: String,
    pub client: Client,
    pub concern: String,
    pub opened_at: OffsetDateTime,
    pub opened_by: Professional,
    /// The last signals recorded (step 1).
    pub signals: Option<Entry<Signals>>,
    /// Every consultation, in order (step 2).
    pub consultations: Vec<Entry<Consultation>>,
    /// The last conversation recorded (step 3).
    pub conversation: Option<Entry<Conversation>>,
    /// The last weighing (step 4).
    pub weighing: Option<Entry<Weighing>>,
    /// The last decision (step 5).
    pub decision: Option<Entry<Decision>>,
    pub melding: Option<Entry<MeldingMade>>,
    pub closed: Option<Entry<Closure>>,
    /// The last event's place: a command is written only after it (optimistic concurrency).
    pub seq: u64,
}

/// What a professional asks of an open dossier. Texts as typed; they are trimmed and checked here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeldcodeCommand {
    RecordSignals {
        signals: String,
        kindcheck: KindcheckInput,
    },
    RecordNoSuspicion {
        reason: String,
    },
    RecordConsultation {
        colleague: String,
        summary: String,
        vt_asked: bool,
        vt_advice: String,
    },
    RecordConversation {
        held: bool,
        summary: String,
        /// The code of a [`SkipGround`], when not held.
        skip_ground: String,
        skip_explanation: String,
    },
    RecordWeighing {
        assessment: String,
        in_doubt: bool,
        answers: AnswerSheet,
    },
    Decide {
        note: String,
    },
    RecordMeldingMade {
        vt_org: String,
        case_id: String,
    },
    Close {
        reason: String,
    },
}

/// The text of a required field.
fn text(field: &str, value: &str) -> Result<String, FieldError> {
    required_text(field, value, MAX_TEXT)
}

/// `field` should be empty with the answer given elsewhere in the form.
fn must_be_empty(field: &str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            msg("error-meldcode-field-not-asked"),
        ))
    }
}

impl MeldcodeDossier {
    /// The first event of a dossier: the professional's organisation, the client and the concern.
    /// `client_birth_date` as typed (`jjjj-mm-dd`, may be empty); it cannot lie after `today`.
    pub fn open(
        owner_org: &str,
        client_name: &str,
        client_birth_date: &str,
        concern: &str,
        today: Date,
    ) -> Result<MeldcodeEvent, FieldError> {
        let owner_org = identifier("organisatie", owner_org)?;
        let name = required_text("client_naam", client_name, MAX_SHORT)?;
        let birth_date = optional_date("client_geboortedatum", client_birth_date)?;
        if birth_date.is_some_and(|d| d > today) {
            return Err(FieldError::new(
                "client_geboortedatum",
                msg("error-meldcode-birth-date-future"),
            ));
        }
        let concern = text("zorg", concern)?;
        Ok(MeldcodeEvent::Opened {
            owner_org,
            client: Client { name, birth_date },
            concern,
        })
    }

    /// Folds a log. `None` when it does not start with `Opened`.
    pub fn fold(events: &[Recorded]) -> Option<MeldcodeDossier> {
        let (first, rest) = events.split_first()?;
        let MeldcodeEvent::Opened {
            owner_org,
            client,
            concern,
        } = &first.event
        else {
            return None;
        };
        let mut dossier = MeldcodeDossier {
            owner_org: owner_org.clone(),
            client: client.clone(),
            concern: concern.clone(),
            opened_at: first.at,
            opened_by: first.by.clone(),
            signals: None,
            consultations: Vec::new(),
            conversation: None,
            weighing: None,
            decision: None,
            melding: None,
            closed: None,
            seq: first.seq,
        };
        for e in rest {
            dossier.apply(e);
        }
        Some(dossier)
    }

    fn apply(&mut self, e: &Recorded) {
        self.seq = e.seq;
        match &e.event {
            // A second `Opened` is never written (`decide` has no command for it); a log that holds
            // one keeps its first.
            MeldcodeEvent::Opened { .. } => {}
            MeldcodeEvent::SignalsRecorded { signals, kindcheck } => {
                self.signals = Some(Entry::of(
                    e,
                    Signals {
                        text: signals.clone(),
                        kindcheck: kindcheck.clone(),
                    },
                ));
            }
            MeldcodeEvent::NoSuspicion { reason } => {
                self.closed = Some(Entry::of(
                    e,
                    Closure::NoSuspicion {
                        reason: reason.clone(),
                    },
                ));
            }
            MeldcodeEvent::ConsultationRecorded {
                colleague,
                summary,
                veilig_thuis,
            } => self.consultations.push(Entry::of(
                e,
                Consultation {
                    colleague: colleague.clone(),
                    summary: summary.clone(),
                    veilig_thuis: veilig_thuis.clone(),
                },
            )),
            MeldcodeEvent::ConversationRecorded { conversation } => {
                self.conversation = Some(Entry::of(e, conversation.clone()));
            }
            MeldcodeEvent::WeighingRecorded {
                assessment,
                in_doubt,
                answers,
            } => {
                self.weighing = Some(Entry::of(
                    e,
                    Weighing {
                        assessment: assessment.clone(),
                        in_doubt: *in_doubt,
                        answers: *answers,
                    },
                ));
            }
            MeldcodeEvent::DecisionRecorded { outcome, note } => {
                self.decision = Some(Entry::of(
                    e,
                    Decision {
                        outcome: *outcome,
                        note: note.clone(),
                    },
                ));
                // RULES.md 1.2: question 1 nee and question 5 ja both end in "close".
                if outcome.leads_to() == LeadsTo::Close {
                    self.closed = Some(Entry::of(e, Closure::Decided(*outcome)));
                }
            }
            MeldcodeEvent::MeldingMade { vt_org, case_id } => {
                self.melding = Some(Entry::of(
                    e,
                    MeldingMade {
                        vt_org: vt_org.clone(),
                        case_id: case_id.clone(),
                    },
                ));
            }
            MeldcodeEvent::Closed { reason } => {
                self.closed = Some(Entry::of(
                    e,
                    Closure::Closed {
                        reason: reason.clone(),
                    },
                ));
            }
        }
    }

    /// Who may read the dossier: the professional's own organisation, and once a melding is made,
    /// the Veilig Thuis organisation that received it (issue 11: "visible only to the
    /// professional's own organisation until a melding is made"). An advies gives Veilig Thuis no
    /// access: the family stays anonymous (RULES.md 1.3).
    pub fn may_read(&self, org_id: &str) -> bool {
        self.owner_org == org_id
            || self
                .melding
                .as_ref()
                .is_some_and(|m| m.what.vt_org == org_id)
    }

    pub fn is_closed(&self) -> bool {
        self.closed.is_some()
    }

    /// The first of the five steps not yet recorded; `Decision` once all four before it are.
    pub fn next_step(&self) -> Step {
        if self.signals.is_none() {
            Step::Signals
        } else if self.consultations.is_empty() {
            Step::Consultation
        } else if self.conversation.is_none() {
            Step::Conversation
        } else if self.weighing.is_none() {
            Step::Weighing
        } else {
            Step::Decision
        }
    }

    /// Whether a step has been recorded.
    pub fn has_done(&self, step: Step) -> bool {
        match step {
            Step::Signals => self.signals.is_some(),
            Step::Consultation => !self.consultations.is_empty(),
            Step::Conversation => self.conversation.is_some(),
            Step::Weighing => self.weighing.is_some(),
            Step::Decision => self.decision.is_some(),
        }
    }

    /// The outcome of the last weighing, when there is one.
    pub fn weighed_outcome(&self) -> Option<Outcome> {
        self.weighing.as_ref().map(|w| w.what.answers.outcome())
    }

    /// Where the dossier stands; a professional who comes back resumes here.
    pub fn phase(&self) -> Phase {
        if self.closed.is_some() {
            return Phase::Closed;
        }
        if self.melding.is_some() {
            return Phase::Reported;
        }
        match &self.decision {
            Some(d) if d.what.outcome.leads_to() == LeadsTo::Melding => Phase::MeldingDue,
            Some(d) if self.weighing.as_ref().is_some_and(|w| w.seq > d.seq) => {
                Phase::AtStep(Step::Decision)
            }
            Some(_) => Phase::FollowingHelp,
            None => Phase::AtStep(self.next_step()),
        }
    }

    /// Steps 1 to 4 can be recorded (again) only while no melding has been decided: after that,
    /// Veilig Thuis holds zicht op veiligheid (RULES.md 1.3) and questions 3-5 are answered
    /// together with it, not in this dossier [NC].
    fn walking(&self) -> Result<(), FieldError> {
        match self.phase() {
            Phase::AtStep(_) | Phase::FollowingHelp => Ok(()),
            Phase::MeldingDue | Phase::Reported => Err(FieldError::new(
                "stap",
                msg("error-meldcode-melding-decided"),
            )),
            Phase::Closed => Err(closed()),
        }
    }

    /// `step` needs every step before it (RULES.md 1.1: the five steps in order); the error names
    /// the first step still to record.
    fn after(&self, step: Step) -> Result<(), FieldError> {
        let first_open = self.next_step();
        if first_open < step {
            return self.require(first_open);
        }
        Ok(())
    }

    /// `before` must have been recorded; the error says which step comes first.
    fn require(&self, before: Step) -> Result<(), FieldError> {
        if self.has_done(before) {
            return Ok(());
        }
        Err(FieldError::new(
            "stap",
            msg_args(
                "error-meldcode-step-first",
                [
                    ("nummer", before.number().to_string()),
                    ("stap", before.label()),
                ],
            ),
        ))
    }

    /// Decides a command: the event to write, or what is wrong, naming the form's field.
    pub fn decide(&self, command: MeldcodeCommand) -> Result<MeldcodeEvent, FieldError> {
        if self.is_closed() {
            return Err(closed());
        }
        match command {
            MeldcodeCommand::RecordSignals { signals, kindcheck } => {
                self.walking()?;
                let signals = text("signalen", &signals)?;
                // The kindcheck is part of step 1 and mandatory (RULES.md 1.4).
                let kindcheck = kindcheck.check()?;
                Ok(MeldcodeEvent::SignalsRecorded { signals, kindcheck })
            }
            MeldcodeCommand::RecordNoSuspicion { reason } => {
                if self.decision.is_some() {
                    // After a decision the way back is a new weighing (question 1 nee).
                    return Err(FieldError::new(
                        "reden",
                        msg("error-meldcode-no-suspicion-after-decision"),
                    ));
                }
                // "No suspicion" says which signals were weighed: step 1 comes first [NC].
                self.require(Step::Signals)?;
                let reason = text("reden", &reason)?;
                Ok(MeldcodeEvent::NoSuspicion { reason })
            }
            MeldcodeCommand::RecordConsultation {
                colleague,
                summary,
                vt_asked,
                vt_advice,
            } => {
                self.walking()?;
                self.after(Step::Consultation)?;
                let colleague = required_text("collega", &colleague, MAX_SHORT)?;
                let summary = text("overleg", &summary)?;
                let veilig_thuis = if vt_asked {
                    VtAdvice::Yes {
                        advice: text("advies_veilig_thuis", &vt_advice)?,
                    }
                } else {
                    must_be_empty("advies_veilig_thuis", &vt_advice)?;
                    VtAdvice::No
                };
                Ok(MeldcodeEvent::ConsultationRecorded {
                    colleague,
                    summary,
                    veilig_thuis,
                })
            }
            MeldcodeCommand::RecordConversation {
                held,
                summary,
                skip_ground,
                skip_explanation,
            } => {
                self.walking()?;
                self.after(Step::Conversation)?;
                let conversation = if held {
                    must_be_empty("grond_geen_gesprek", &skip_ground)?;
                    must_be_empty("toelichting_geen_gesprek", &skip_explanation)?;
                    Conversation::Held {
                        summary: text("gesprek", &summary)?,
                    }
                } else {
                    must_be_empty("gesprek", &summary)?;
                    if skip_ground.trim().is_empty() {
                        return Err(FieldError::new("grond_geen_gesprek", msg("error-required")));
                    }
                    Conversation::NotHeld {
                        ground: SkipGround::parse("grond_geen_gesprek", skip_ground.trim())?,
                        explanation: text("toelichting_geen_gesprek", &skip_explanation)?,
                    }
                };
                Ok(MeldcodeEvent::ConversationRecorded { conversation })
            }
            MeldcodeCommand::RecordWeighing {
                assessment,
                in_doubt,
                answers,
            } => {
                self.walking()?;
                self.after(Step::Weighing)?;
                let assessment = text("afweging", &assessment)?;
                // RULES.md 1.1 step 4: "when in doubt, always consult VT" [C]. Schakel asks for
                // the advice in the dossier before a weighing in doubt is recorded.
                if in_doubt && !self.asked_veilig_thuis() {
                    return Err(FieldError::new(
                        "twijfel",
                        msg("error-meldcode-doubt-consult-vt"),
                    ));
                }
                let answers = answers.check()?;
                Ok(MeldcodeEvent::WeighingRecorded {
                    assessment,
                    in_doubt,
                    answers,
                })
            }
            MeldcodeCommand::Decide { note } => {
                self.walking()?;
                self.after(Step::Decision)?;
                let Some(weighing) = &self.weighing else {
                    return Err(FieldError::new("stap", msg("error-meldcode-weigh-again")));
                };
                // A decision follows its own weighing: after a decision to offer help, question 5
                // is answered in a new weighing first.
                if self.decision.as_ref().is_some_and(|d| d.seq > weighing.seq) {
                    return Err(FieldError::new("stap", msg("error-meldcode-weigh-again")));
                }
                let note = text("toelichting", &note)?;
                Ok(MeldcodeEvent::DecisionRecorded {
                    outcome: weighing.what.answers.outcome(),
                    note,
                })
            }
            MeldcodeCommand::RecordMeldingMade { vt_org, case_id } => {
                if self.phase() != Phase::MeldingDue {
                    return Err(FieldError::new(
                        "stap",
                        msg("error-meldcode-no-melding-due"),
                    ));
                }
                let vt_org = identifier("veilig_thuis", &vt_org)?;
                let case_id = match case_id.trim() {
                    "" => None,
                    id => Some(identifier("casus", id)?),
                };
                Ok(MeldcodeEvent::MeldingMade { vt_org, case_id })
            }
            MeldcodeCommand::Close { reason } => {
                // The norms of RULES.md 1.2: a melding the afwegingskader asks for is made; the
                // dossier does not close around it.
                if self.phase() == Phase::MeldingDue {
                    return Err(FieldError::new(
                        "reden",
                        msg("error-meldcode-close-melding-due"),
                    ));
                }
                let reason = text("reden", &reason)?;
                Ok(MeldcodeEvent::Closed { reason })
            }
        }
    }

    /// Whether Veilig Thuis was asked for advice in a consultation of this dossier.
    pub fn asked_veilig_thuis(&self) -> bool {
        self.consultations
            .iter()
            .any(|c| matches!(c.what.veilig_thuis, VtAdvice::Yes { .. }))
    }
}

fn closed() -> FieldError {
    FieldError::new("dossier", msg("error-meldcode-closed"))
}
