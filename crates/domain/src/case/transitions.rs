//! The transition function: one event applied to one state. Each stage applies its own events; the
//! case applies the case-wide ones and the rules every event obeys (a case starts with `opened`, a
//! closed case accepts only reopening).

use crate::msg;
use crate::validate::required_text;
use crate::{feedback, handover, intake, monitoring, triage};

use super::guards::{MAX_ID, MAX_TEXT, by_accountable, check_closable, not_allowed, reopen};
use super::{CaseEvent, CaseState, CaseWide, EventContext, Phase, TransitionError};

/// Applies one event. `state` is `None` before the first event. Returns the new state, or why the
/// event is not allowed; the old state is never changed.
pub fn apply(
    state: Option<&CaseState>,
    event: &CaseEvent,
    ctx: &EventContext,
) -> Result<CaseState, TransitionError> {
    match (state, event) {
        (
            None,
            CaseEvent::Intake(intake::Event::Opened {
                case_kind,
                received_at,
                accountable_org,
            }),
        ) => intake::open(*case_kind, *received_at, accountable_org, ctx),
        (None, _) => Err(not_allowed(msg("error-case-must-begin-with-intake"))),
        (Some(_), CaseEvent::Intake(intake::Event::Opened { .. })) => {
            Err(not_allowed(msg("error-case-already-opened")))
        }
        (Some(s), CaseEvent::Case(CaseWide::Reopened)) => reopen(s, ctx),
        // Issue 7: merging a wrongly split person corrects who is who, also in a closed case.
        (Some(s), CaseEvent::Intake(e @ intake::Event::PersonMerged { .. })) => {
            let mut next = s.clone();
            intake::merge_into(s, &mut next, e, ctx)?;
            Ok(next)
        }
        (Some(s), _) if s.phase == Phase::Gesloten => {
            Err(not_allowed(msg("error-case-closed-reopen-first")))
        }
        (Some(s), e) => transition(s, e, ctx),
    }
}

/// The event the lifecycle demands right after `event` brought the case to `after`, if any.
/// Monitoring demands one (an unmet condition re-escalates, RULES.md 2.5), and so does the end of
/// Veilig Thuis's part: an accepted handover without monitoring, or the end of monitoring, ends
/// Veilig Thuis's involvement at once (RULES.md 2.5, 3).
pub fn follow_up(after: &CaseState, event: &CaseEvent) -> Option<CaseEvent> {
    match event {
        CaseEvent::Monitoring(e) => monitoring::follow_up(after, e),
        CaseEvent::Handover(handover::Event::Accepted { .. }) => monitoring::involvement_end(
            after,
            monitoring::InvolvementEndGround::HandoverWithoutMonitoring,
        ),
        CaseEvent::Intake(_)
        | CaseEvent::Triage(_)
        | CaseEvent::Feedback(_)
        | CaseEvent::Handover(_)
        | CaseEvent::Case(_) => None,
    }
}

/// Folds a whole history. Returns the index of the first rejected event with its error.
pub fn replay<'a>(
    events: impl IntoIterator<Item = (&'a CaseEvent, &'a EventContext)>,
) -> Result<Option<CaseState>, (usize, TransitionError)> {
    let mut state: Option<CaseState> = None;
    for (i, (event, ctx)) in events.into_iter().enumerate() {
        state = Some(apply(state.as_ref(), event, ctx).map_err(|e| (i, e))?);
    }
    Ok(state)
}

/// An event on an open case: the stage that owns it decides.
fn transition(
    s: &CaseState,
    event: &CaseEvent,
    ctx: &EventContext,
) -> Result<CaseState, TransitionError> {
    let mut next = s.clone();
    match event {
        CaseEvent::Intake(e) => intake::apply(s, &mut next, e, ctx)?,
        CaseEvent::Triage(e) => triage::apply(s, &mut next, e, ctx)?,
        CaseEvent::Feedback(e) => feedback::apply(s, &mut next, e, ctx)?,
        CaseEvent::Handover(e) => handover::apply(s, &mut next, e, ctx)?,
        CaseEvent::Monitoring(e) => monitoring::apply(s, &mut next, e, ctx)?,
        CaseEvent::Case(e) => case_wide(s, &mut next, e, ctx)?,
    }
    // An assignment is to a worker of the accountable organisation; when another organisation
    // becomes accountable (handover accepted, re-escalation) it ends (issue 7).
    if next.accountable_org != s.accountable_org {
        next.assigned_user = None;
    }
    Ok(next)
}

fn case_wide(
    s: &CaseState,
    next: &mut CaseState,
    event: &CaseWide,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    match event {
        CaseWide::Reopened => {
            return Err(not_allowed(msg("error-case-event-not-for-open-case")));
        }
        // A journal note records what a worker did or learned; it changes nothing in the lifecycle.
        CaseWide::NoteAdded { text } => {
            required_text("tekst", text, MAX_TEXT)?;
        }
        // Only the accountable organisation divides its own work (issue 7).
        CaseWide::Assigned { user } => {
            by_accountable(s, ctx)?;
            next.assigned_user = match user {
                Some(u) => Some(required_text("user", u, MAX_ID)?),
                None => None,
            };
        }
        CaseWide::Closed { reason } => {
            by_accountable(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            check_closable(s)?;
            next.closed_from = Some(s.phase);
            next.phase = Phase::Gesloten;
        }
    }
    Ok(())
}
