//! The feedback-to-the-reporter stage's events and rules (RULES.md 2.4): what is owed when, and
//! how it is settled. What the feedback may contain is [`super::compose`].

use crate::msg;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::FieldError;
use crate::calendar::{HolidayCalendar, Terms, dutch_local_date};
use crate::case::guards::{MAX_TEXT, by_vt, not_allowed, texts};
use crate::case::{CaseKind, CaseState, Deadline, DeadlineKind, EventContext, TransitionError};
use crate::validate::required_text;

/// The events of feedback to the reporter. Stored with a `kind` tag as part of a
/// [`crate::case::CaseEvent`]; the stored names keep their `feedback_` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Event {
    #[serde(rename = "feedback_given")]
    Given { moment: FeedbackMoment },
    /// RULES.md 2.4: e.g. no standard feedback to a doctor who acted only as informant.
    #[serde(rename = "feedback_waived")]
    Waived {
        moment: FeedbackMoment,
        reason: String,
    },
    /// The feedback as sent (issue 7 item 9): what, to whom and when, not only that it was given.
    /// The text is composed by the server from the case (`super::compose`); `to_org` is the
    /// reporter's organisation in Schakel, which may read it (RULES.md 2.4).
    #[serde(rename = "feedback_sent")]
    Sent {
        moment: FeedbackMoment,
        to: String,
        #[serde(default)]
        to_org: Option<String>,
        text: Vec<String>,
        #[serde(with = "time::serde::rfc3339")]
        sent_at: OffsetDateTime,
    },
    /// RULES.md 2.1: the family members are informed of the outcome too; how, in a few words.
    #[serde(rename = "family_informed")]
    FamilyInformed { moment: FeedbackMoment, how: String },
}

impl Event {
    /// The stored `kind` of every feedback event.
    pub const KINDS: &[&str] = &[
        "feedback_given",
        "feedback_waived",
        "feedback_sent",
        "family_informed",
    ];

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Given { .. } => "feedback_given",
            Event::Waived { .. } => "feedback_waived",
            Event::Sent { .. } => "feedback_sent",
            Event::FamilyInformed { .. } => "family_informed",
        }
    }

    /// The Dutch label of a feedback event kind; `None` for a kind of another stage.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "feedback_given" => schakel_i18n::t("event-feedback-given"),
            "feedback_waived" => schakel_i18n::t("event-feedback-waived"),
            "feedback_sent" => schakel_i18n::t("event-feedback-sent"),
            "family_informed" => schakel_i18n::t("event-family-informed"),
            _ => return None,
        })
    }
}

/// When the reporter is owed feedback (RULES.md 2.4: at least after the veiligheidsbeoordeling
/// and after an onderzoek).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackMoment {
    NaBeoordeling,
    NaOnderzoek,
}

/// Feedback owed to the reporter since `since`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingFeedback {
    pub moment: FeedbackMoment,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

/// Records that feedback is owed from now on.
pub(crate) fn owe_feedback(next: &mut CaseState, moment: FeedbackMoment, ctx: &EventContext) {
    // RULES.md 2.4: the reporter of a melding hears the outcome after the beoordeling and after an
    // onderzoek. An advies has no reporter to feed back to in this sense (the asker keeps
    // responsibility, RULES.md 1.3).
    if next.case_kind == CaseKind::Melding
        && !next.feedback_pending.iter().any(|p| p.moment == moment)
    {
        next.feedback_pending.push(PendingFeedback {
            moment,
            since: ctx.at,
        });
    }
}

fn settle_feedback(next: &mut CaseState, moment: FeedbackMoment) -> Result<(), TransitionError> {
    let before = next.feedback_pending.len();
    next.feedback_pending.retain(|p| p.moment != moment);
    if next.feedback_pending.len() == before {
        return Err(not_allowed(msg("error-feedback-not-due")));
    }
    Ok(())
}

/// Applies one feedback event to an open case; `next` starts as a copy of `s`.
pub(crate) fn apply(
    s: &CaseState,
    next: &mut CaseState,
    event: &Event,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    match event {
        Event::Given { moment } => {
            by_vt(s, ctx)?;
            settle_feedback(next, *moment)?;
        }
        Event::Waived { moment, reason } => {
            by_vt(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            settle_feedback(next, *moment)?;
        }
        Event::Sent {
            moment, to, text, ..
        } => {
            by_vt(s, ctx)?;
            required_text("to", to, MAX_TEXT)?;
            if text.is_empty() {
                return Err(FieldError::new("text", msg("error-feedback-text-required")).into());
            }
            texts("text", text)?;
            settle_feedback(next, *moment)?;
        }
        Event::FamilyInformed { how, .. } => {
            by_vt(s, ctx)?;
            // RULES.md 2.1: the family hears the outcome of the beoordeling or onderzoek.
            if s.decision.is_none() {
                return Err(not_allowed(msg("error-family-informed-before-decision")));
            }
            required_text("how", how, MAX_TEXT)?;
        }
    }
    Ok(())
}

/// RULES.md 2.4: feedback to the reporter (term [NC], see `Terms`), in Veilig Thuis's queue.
pub(crate) fn deadlines(
    s: &CaseState,
    calendar: &HolidayCalendar,
    terms: &Terms,
    out: &mut Vec<Deadline>,
) {
    for p in &s.feedback_pending {
        out.push(Deadline::on(
            DeadlineKind::Terugkoppeling { moment: p.moment },
            calendar.add_working_days(dutch_local_date(p.since), terms.feedback_working_days),
            &s.vt_org,
        ));
    }
}
