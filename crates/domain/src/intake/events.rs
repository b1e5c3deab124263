//! The intake stage's events and rules: Veilig Thuis opens a case for an adviesvraag or melding
//! (RULES.md 1.3), records its data and the CBS class (RULES.md 3), and may convert an advies into
//! a melding or back (RULES.md 2.2 track 2).

use crate::{Message, msg};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::FieldError;
use crate::case::guards::{MAX_ID, MAX_TEXT, by_vt, not_allowed};
use crate::case::{CaseKind, CaseState, EventContext, Phase, TransitionError};
use crate::classification::MeldingClass;
use crate::codes::DecisionCategory;
use crate::org::OrgKind;
use crate::triage::running_onderzoek;
use crate::validate::required_text;

use super::Intake;
use super::merge::{MergeRequest, MergedPerson};

/// The events of intake. Stored with a `kind` tag as part of a [`crate::case::CaseEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
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
        /// The position of this melding in the casus (0 is the case's own), written for a melding
        /// that joins an open casus so its event and its deadlines name it (issue 7 item 1).
        /// Absent in events written before; the position then follows from the order.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        n: Option<u32>,
    },
    /// The advies becomes a melding (RULES.md 1.3). Issue 7: the known-before check runs on its
    /// betrokkenen at conversion; `classification` is the CBS class it gives, `linked` the
    /// betrokkenen (position in the case's own intake) linked to a person already known. Absent in
    /// events written before.
    ConvertedToMelding {
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        classification: Option<MeldingClass>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        linked: Vec<(usize, String)>,
    },
    ConvertedToAdvies {
        reason: String,
    },
    /// Issue 7 rule breach 5: a person wrongly split in two is merged; written in the log of every
    /// case that holds the merged person (see [`super::merge`]). Allowed on a closed case too.
    PersonMerged {
        kept: MergedPerson,
        merged: MergedPerson,
        reason: String,
        /// The worker who merged (user name).
        by: String,
        /// Two different valid BSNs, merged on the worker's explicit confirmation.
        #[serde(default, skip_serializing_if = "is_false")]
        confirm_different_bsn: bool,
    },
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Event {
    /// The stored `kind` of every intake event.
    pub const KINDS: &[&str] = &[
        "opened",
        "intake_recorded",
        "converted_to_melding",
        "converted_to_advies",
        "person_merged",
    ];

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Opened { .. } => "opened",
            Event::IntakeRecorded { .. } => "intake_recorded",
            Event::ConvertedToMelding { .. } => "converted_to_melding",
            Event::ConvertedToAdvies { .. } => "converted_to_advies",
            Event::PersonMerged { .. } => "person_merged",
        }
    }

    /// The Dutch label of an intake event kind; `None` for a kind of another stage.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "opened" => schakel_i18n::t("event-opened"),
            "intake_recorded" => schakel_i18n::t("event-intake-recorded"),
            "converted_to_melding" => schakel_i18n::t("event-converted-to-melding"),
            "converted_to_advies" => schakel_i18n::t("event-converted-to-advies"),
            "person_merged" => schakel_i18n::t("event-person-merged"),
            _ => return None,
        })
    }
}

/// An adviesvraag or melding recorded in the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedIntake {
    pub intake: Intake,
    pub classification: Option<MeldingClass>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// RULES.md 2.1: a melding that joined the casus is read for urgency on its own. The case's
    /// own melding (position 0) is read through the case's flow ([`CaseState::acute`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acute: Option<bool>,
    /// RULES.md 2.1: and gets its own veiligheidsbeoordeling (position 0: [`CaseState::safety`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety: Option<crate::triage::SafetyAssessment>,
}

impl RecordedIntake {
    /// A melding that joined the casus and still waits for its veiligheidsbeoordeling.
    pub fn awaits_assessment(&self) -> bool {
        self.intake.case_kind == CaseKind::Melding && self.safety.is_none()
    }
}

/// The first event of every case: `Opened` creates the case's state.
pub(crate) fn open(
    case_kind: CaseKind,
    received_at: OffsetDateTime,
    accountable_org: &str,
    ctx: &EventContext,
) -> Result<CaseState, TransitionError> {
    // DESIGN.md / RULES.md 1.3: Veilig Thuis registers adviezen and meldingen and is
    // accountable from the start.
    if ctx.org_kind != OrgKind::VeiligThuis {
        return Err(not_allowed(msg("error-intake-veilig-thuis-only")));
    }
    let accountable = required_text("accountable_org", accountable_org, MAX_ID)?;
    if accountable != ctx.org_id {
        return Err(not_allowed(msg("error-intake-registering-org-accountable")));
    }
    Ok(CaseState {
        case_kind,
        phase: match case_kind {
            CaseKind::Advies => Phase::Advies,
            CaseKind::Melding => Phase::Intake,
        },
        vt_org: accountable.clone(),
        accountable_org: accountable,
        opened_at: received_at,
        assessment_from: received_at,
        acute: None,
        safety: None,
        decision: None,
        open_handover: None,
        handover_ids: Vec::new(),
        refused_handover: None,
        monitoring: None,
        onderzoek: None,
        feedback_pending: Vec::new(),
        closed_from: None,
        intakes: Vec::new(),
        instruments: Vec::new(),
        former_regie: Vec::new(),
        assigned_user: None,
        merged_persons: Vec::new(),
    })
}

/// Applies one intake event to an open case; `next` starts as a copy of `s`.
pub(crate) fn apply(
    s: &CaseState,
    next: &mut CaseState,
    event: &Event,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    match event {
        Event::Opened { .. } => return Err(not_allowed(msg("error-case-already-opened"))),
        Event::IntakeRecorded {
            intake,
            classification,
            n,
        } => {
            by_vt(s, ctx)?;
            let intake = intake.normalised(None)?;
            check_intake(s, &intake, *classification)?;
            if n.is_some_and(|n| n as usize != s.intakes.len()) {
                return Err(FieldError::new("n", msg("error-vtrules-melding-position")).into());
            }
            next.intakes.push(RecordedIntake {
                intake,
                classification: *classification,
                at: ctx.at,
                acute: None,
                safety: None,
            });
        }
        Event::ConvertedToMelding {
            reason,
            classification,
            linked,
        } => {
            by_vt(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            if s.phase != Phase::Advies {
                return Err(not_allowed(msg("error-intake-only-advies-to-melding")));
            }
            // RULES.md 1.3: from now on VT carries zicht op veiligheid; the 5-day term runs from here.
            next.case_kind = CaseKind::Melding;
            next.phase = Phase::Intake;
            next.assessment_from = ctx.at;
            next.acute = None;
            if let Some(first) = next.intakes.first_mut() {
                // An event from before issue 7 carries no classification: the one recorded stays.
                if classification.is_some() {
                    first.classification = *classification;
                }
                for (row, person_id) in linked {
                    if let Some(b) = first.intake.betrokkenen.get_mut(*row) {
                        b.person_id = person_id.clone();
                    }
                }
            }
        }
        Event::PersonMerged { .. } => merge_into(s, next, event, ctx)?,
        Event::ConvertedToAdvies { reason } => {
            by_vt(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            let decided_no_steps = s.phase == Phase::Besloten
                && s.decision.as_ref().map(|d| d.category)
                    == Some(DecisionCategory::GeenVervolgstappen);
            // RULES.md 2.2 track 2: converting to advies is a "no further steps" decision.
            if !matches!(s.phase, Phase::Intake | Phase::Beoordeling) && !decided_no_steps {
                return Err(not_allowed(msg("error-intake-melding-to-advies-not-now")));
            }
            if running_onderzoek(s) {
                return Err(not_allowed(msg("error-investigation-still-running")));
            }
            next.case_kind = CaseKind::Advies;
            next.phase = Phase::Advies;
        }
    }
    Ok(())
}

/// Applies a [`Event::PersonMerged`] to a case, open or closed (the caller lets it through on a
/// closed case); any other event is left to [`apply`].
pub(crate) fn merge_into(
    s: &CaseState,
    next: &mut CaseState,
    event: &Event,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    let Event::PersonMerged {
        kept,
        merged,
        reason,
        by,
        confirm_different_bsn,
    } = event
    else {
        return apply(s, next, event, ctx);
    };
    let req = MergeRequest {
        kept: kept.clone(),
        merged: merged.clone(),
        reason: reason.clone(),
        confirm_different_bsn: *confirm_different_bsn,
    };
    super::merge::apply(s, next, &req, by, ctx)
}

/// Whether an intake fits the case it is recorded in.
fn check_intake(
    s: &CaseState,
    intake: &Intake,
    classification: Option<MeldingClass>,
) -> Result<(), TransitionError> {
    let field = |m: Message| -> TransitionError { FieldError::new("classificatie", m).into() };
    // CBS classifies meldingen only (RULES.md 3, 85361NED); an advies keeps the family anonymous, so
    // there is nothing to classify (RULES.md 1.3).
    match (intake.case_kind, classification) {
        (CaseKind::Advies, Some(_)) => return Err(field(msg("error-advies-not-classified"))),
        (CaseKind::Melding, None) => {
            return Err(field(msg("error-melding-classification-required")));
        }
        _ => {}
    }
    if s.intakes.is_empty() {
        // The case's own intake.
        if intake.case_kind != s.case_kind {
            return Err(FieldError::new("soort", msg("error-intake-kind-mismatch")).into());
        }
        // RULES.md 3: a melding about betrokkenen of an open casus joins that casus instead of
        // starting a new one.
        if matches!(classification, Some(MeldingClass::Vervolgmelding(_))) {
            return Err(not_allowed(msg(
                "error-intake-follow-up-belongs-to-open-case",
            )));
        }
        return Ok(());
    }
    // A later intake joins this open casus (RULES.md 3).
    if intake.case_kind != CaseKind::Melding {
        return Err(not_allowed(msg("error-intake-only-melding-added")));
    }
    if s.case_kind != CaseKind::Melding {
        return Err(not_allowed(msg("error-intake-case-is-advies")));
    }
    if !matches!(classification, Some(MeldingClass::Vervolgmelding(_))) {
        return Err(field(msg("error-follow-up-melding-class")));
    }
    Ok(())
}
