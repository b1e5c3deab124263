//! The warm handover (RULES.md 0 and 2.5): Veilig Thuis offers the case with the
//! veiligheidsvoorwaarden and monitoring agreements, stays accountable until the receiver itself
//! accepts and names a regiehouder, or refuses; Veilig Thuis may withdraw an open offer.

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::FieldError;
use crate::calendar::{HolidayCalendar, Terms, add_days, dutch_local_date};
use crate::case::guards::{MAX_ID, MAX_TEXT, by_vt, not_allowed, texts};
use crate::case::{CaseState, Deadline, DeadlineKind, EventContext, Phase, TransitionError};
use crate::codes::DecisionCategory;
use crate::monitoring::Monitoring;
use crate::org::{OrgKind, Role};
use crate::validate::required_text;

#[cfg(test)]
mod tests;

/// The events of a handover. Stored with a `kind` tag as part of a [`crate::case::CaseEvent`];
/// the stored names keep their `handover_` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Event {
    /// RULES.md 2.5: a handover carries the veiligheidsvoorwaarden, the receiving party and the
    /// monitoring agreements.
    #[serde(rename = "handover_offered")]
    Offered {
        handover_id: String,
        to_org: String,
        veiligheidsvoorwaarden: Vec<String>,
        monitoring_agreements: Vec<String>,
        /// RULES.md 2.5: the decided veiligheidsvoorwaarden travel with the handover; leaving one
        /// out needs this recorded reason. Absent in offers that carry them all.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conditions_dropped_reason: Option<String>,
    },
    #[serde(rename = "handover_accepted")]
    Accepted {
        handover_id: String,
        regiehouder_user: String,
    },
    #[serde(rename = "handover_refused")]
    Refused { handover_id: String, reason: String },
    #[serde(rename = "handover_withdrawn")]
    Withdrawn { handover_id: String, reason: String },
    /// RULES.md 0 and 2.5: before it accepts, the receiver may ask Veilig Thuis about the offer
    /// (besides accepting or refusing it); the offer stays open.
    #[serde(rename = "handover_question_asked")]
    QuestionAsked {
        handover_id: String,
        question: String,
    },
}

impl Event {
    /// The stored `kind` of every handover event.
    pub const KINDS: &[&str] = &[
        "handover_offered",
        "handover_accepted",
        "handover_refused",
        "handover_withdrawn",
        "handover_question_asked",
    ];

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Offered { .. } => "handover_offered",
            Event::Accepted { .. } => "handover_accepted",
            Event::Refused { .. } => "handover_refused",
            Event::Withdrawn { .. } => "handover_withdrawn",
            Event::QuestionAsked { .. } => "handover_question_asked",
        }
    }

    /// The Dutch label of a handover event kind; `None` for a kind of another stage.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "handover_offered" => schakel_i18n::t("event-handover-offered"),
            "handover_accepted" => schakel_i18n::t("event-handover-accepted"),
            "handover_refused" => schakel_i18n::t("event-handover-refused"),
            "handover_withdrawn" => schakel_i18n::t("event-handover-withdrawn"),
            "handover_question_asked" => schakel_i18n::t("event-handover-question-asked"),
            _ => return None,
        })
    }
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

/// The last refused handover, while Veilig Thuis still has to find a new receiver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedHandover {
    pub id: String,
    pub to_org: String,
    #[serde(with = "time::serde::rfc3339")]
    pub refused_at: OffsetDateTime,
}

/// Whether an organisation of kind `receiver` can be offered a case on `track` (a code of the
/// `vervolgtraject` list). RULES.md 2.2: a handover goes to the lokale veld (the local team), to a
/// professional already involved, or to a multidisciplinary team able to take over; only
/// organisations that may take regie ([`OrgKind::may_take_regie`]) qualify, and a track that names
/// its receiver must fit it. `receiver` is `None` when the id names no organisation. The error names
/// the field `to_org`.
pub fn check_receiver(receiver: Option<OrgKind>, track: &str) -> Result<(), FieldError> {
    let Some(kind) = receiver else {
        return Err(FieldError::new(
            "to_org",
            msg("error-vtrules-receiver-unknown"),
        ));
    };
    if !kind.may_take_regie() {
        return Err(FieldError::new(
            "to_org",
            msg_args(
                "error-vtrules-receiver-cannot-take-regie",
                [("kind", kind.label())],
            ),
        ));
    }
    let fits = match track {
        "overdracht_lokaal_veld" => kind == OrgKind::LokaalTeam,
        "overdracht_multidisciplinair_team" => kind == OrgKind::MdaTeam,
        // A professional already involved: a care organisation, not a team set up for the case.
        "overdracht_betrokken_professional" => kind != OrgKind::MdaTeam,
        _ => true,
    };
    if fits {
        Ok(())
    } else {
        Err(FieldError::new(
            "to_org",
            msg_args(
                "error-vtrules-receiver-does-not-fit-track",
                [("kind", kind.label()), ("track", track_label(track))],
            ),
        ))
    }
}

/// The Dutch label of a track code, or the code itself when unknown.
fn track_label(track: &str) -> String {
    use crate::codes::{ids, registry};
    registry()
        .list(ids::VERVOLGTRAJECT, ids::PROTOCOL_2019)
        .and_then(|l| l.get(track))
        .map(|c| c.label_nl.clone())
        .unwrap_or_else(|| track.to_string())
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
            msg("error-handover-coordinator-own-org"),
        ))
    }
}

fn open_handover<'a>(s: &'a CaseState, handover_id: &str) -> Result<&'a Handover, TransitionError> {
    match &s.open_handover {
        Some(h) if h.id == handover_id => Ok(h),
        Some(_) => {
            Err(FieldError::new("handover_id", msg("error-handover-not-open-for-case")).into())
        }
        None => Err(not_allowed(msg("error-handover-none-open"))),
    }
}

fn receiver_only(h: &Handover, ctx: &EventContext, verb: &str) -> Result<(), TransitionError> {
    // RULES.md 0: a handover ends only when the receiver itself has accepted it.
    if ctx.org_id == h.to_org {
        Ok(())
    } else {
        Err(not_allowed(msg_args(
            "error-handover-receiving-org-only",
            [("to_org", h.to_org.to_string()), ("verb", verb.to_string())],
        )))
    }
}

/// Applies one handover event to an open case; `next` starts as a copy of `s`.
pub(crate) fn apply(
    s: &CaseState,
    next: &mut CaseState,
    event: &Event,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    match event {
        Event::Offered {
            handover_id,
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
            conditions_dropped_reason,
        } => {
            by_vt(s, ctx)?;
            if s.open_handover.is_some() {
                return Err(not_allowed(msg("error-handover-already-open")));
            }
            if s.phase != Phase::Besloten {
                return Err(not_allowed(msg("error-handover-needs-decision")));
            }
            if s.decision.as_ref().map(|d| d.category) == Some(DecisionCategory::GeenVervolgstappen)
            {
                return Err(not_allowed(msg("error-handover-decision-no-follow-up")));
            }
            let id = required_text("handover_id", handover_id, MAX_ID)?;
            if s.handover_ids.contains(&id) {
                return Err(FieldError::new("handover_id", msg("error-handover-exists")).into());
            }
            let to = required_text("to_org", to_org, MAX_ID)?;
            if to == s.vt_org {
                return Err(FieldError::new("to_org", msg("error-handover-to-self")).into());
            }
            let conditions = texts("veiligheidsvoorwaarden", veiligheidsvoorwaarden)?;
            // RULES.md 2.5: a handover carries the veiligheidsvoorwaarden Veilig Thuis decided;
            // adding conditions is fine, leaving one out needs a recorded reason.
            let decided = s
                .decision
                .as_ref()
                .map(|d| d.veiligheidsvoorwaarden.as_slice())
                .unwrap_or_default();
            let dropped: Vec<&String> = decided
                .iter()
                .filter(|c| !conditions.contains(*c))
                .collect();
            let reason = match conditions_dropped_reason.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(r) => Some(required_text("conditions_dropped_reason", r, MAX_TEXT)?),
            };
            if !dropped.is_empty() && reason.is_none() {
                return Err(FieldError::new(
                    "conditions_dropped_reason",
                    msg_args(
                        "error-vtrules-conditions-dropped-need-reason",
                        [(
                            "conditions",
                            dropped
                                .iter()
                                .map(|c| c.as_str())
                                .collect::<Vec<_>>()
                                .join("; "),
                        )],
                    ),
                )
                .into());
            }
            next.handover_ids.push(id.clone());
            next.refused_handover = None;
            next.open_handover = Some(Handover {
                id,
                to_org: to,
                veiligheidsvoorwaarden: conditions,
                monitoring_agreements: texts("monitoring_agreements", monitoring_agreements)?,
                offered_at: ctx.at,
            });
            // RULES.md 0: VT stays accountable until the receiver has accepted.
            next.phase = Phase::Overdracht;
        }
        Event::Accepted {
            handover_id,
            regiehouder_user,
        } => {
            let h = open_handover(s, handover_id)?;
            receiver_only(h, ctx, "accepteren")?;
            required_text("regiehouder_user", regiehouder_user, MAX_ID)?;
            // RULES.md 0 / 2.5: acceptance by the receiver moves accountability; VT monitors the
            // veiligheidsvoorwaarden it set.
            next.accountable_org = h.to_org.clone();
            // Regie again: no longer a former regiehouder with a read-only view.
            next.former_regie.retain(|f| f.org != h.to_org);
            next.monitoring = (!h.veiligheidsvoorwaarden.is_empty()).then(|| Monitoring {
                started_at: ctx.at,
                monitored_by: s.vt_org.clone(),
                veiligheidsvoorwaarden: h.veiligheidsvoorwaarden.clone(),
                agreements: h.monitoring_agreements.clone(),
                recorded_moments: Vec::new(),
                unmet: Vec::new(),
            });
            next.phase = if next.monitoring.is_some() {
                Phase::Monitoring
            } else {
                Phase::Overgedragen
            };
            next.open_handover = None;
        }
        Event::Refused {
            handover_id,
            reason,
        } => {
            let h = open_handover(s, handover_id)?;
            receiver_only(h, ctx, "weigeren")?;
            required_text("reason", reason, MAX_TEXT)?;
            // Issue 7 item 8: a refused handover needs a new receiver within a term.
            next.refused_handover = Some(RefusedHandover {
                id: h.id.clone(),
                to_org: h.to_org.clone(),
                refused_at: ctx.at,
            });
            next.open_handover = None;
            next.phase = Phase::Besloten;
        }
        Event::Withdrawn {
            handover_id,
            reason,
        } => {
            by_vt(s, ctx)?;
            open_handover(s, handover_id)?;
            required_text("reason", reason, MAX_TEXT)?;
            next.open_handover = None;
            next.phase = Phase::Besloten;
        }
        // The question is recorded for Veilig Thuis, which stays accountable and answers it; the
        // offer, its deadline and the phase do not change.
        Event::QuestionAsked {
            handover_id,
            question,
        } => {
            let h = open_handover(s, handover_id)?;
            if ctx.org_id != h.to_org {
                return Err(not_allowed(msg_args(
                    "error-handover-question-receiver-only",
                    [("to_org", h.to_org.to_string())],
                )));
            }
            required_text("question", question, MAX_TEXT)?;
        }
    }
    Ok(())
}

/// The receiver owns the decision to accept: the deadline shows in the receiver's queue (term [NC],
/// see `Terms`). Past that answer time the unanswered offer escalates to Veilig Thuis's
/// teamleider (issue 7 item 8; RULES.md 0: nobody falls between two stools). After a refusal Veilig
/// Thuis has a term to offer the case to a new receiver (term [NC], see `Terms`).
pub(crate) fn deadlines(
    s: &CaseState,
    calendar: &HolidayCalendar,
    terms: &Terms,
    out: &mut Vec<Deadline>,
) {
    if let Some(h) = &s.open_handover {
        let answer_by = calendar.add_working_days(
            dutch_local_date(h.offered_at),
            terms.handover_accept_working_days,
        );
        out.push(Deadline::on(
            DeadlineKind::OverdrachtAccepteren {
                handover_id: h.id.clone(),
            },
            answer_by,
            &h.to_org,
        ));
        let mut escalated = Deadline::on(
            DeadlineKind::OverdrachtOnbeantwoord {
                handover_id: h.id.clone(),
            },
            answer_by,
            &s.vt_org,
        );
        escalated.for_role = Some(Role::Teamleider);
        escalated.shown_from = Some(add_days(answer_by, 1));
        out.push(escalated);
    }
    if let Some(r) = &s.refused_handover
        && s.open_handover.is_none()
        && s.phase == Phase::Besloten
        && s.decision.as_ref().map(|d| d.category) == Some(DecisionCategory::Overdracht)
    {
        out.push(Deadline::on(
            DeadlineKind::NieuweOntvanger {
                handover_id: r.id.clone(),
            },
            calendar.add_working_days(
                dutch_local_date(r.refused_at),
                terms.handover_reoffer_working_days,
            ),
            &s.vt_org,
        ));
    }
}
