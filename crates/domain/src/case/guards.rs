//! Guards every stage uses (who may apply an event, the lengths of texts), and the case-wide rules
//! of when a case may close or reopen.

use crate::validate::required_text;
use crate::{msg, msg_args};

use super::{CaseState, EventContext, Phase, TransitionError};
use crate::codes::DecisionCategory;
use crate::triage::running_onderzoek;

/// Longest free text in an event (reasons, conditions, agreements).
pub(crate) const MAX_TEXT: usize = 2000;
/// Longest identifier (organisation, user, handover ids).
pub(crate) const MAX_ID: usize = 200;

pub(crate) fn not_allowed(message: crate::error::Message) -> TransitionError {
    TransitionError::NotAllowed(message)
}

pub(crate) fn texts(field: &str, values: &[String]) -> Result<Vec<String>, TransitionError> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| required_text(&format!("{field}[{i}]"), v, MAX_TEXT).map_err(Into::into))
        .collect()
}

pub(crate) fn by_vt(s: &CaseState, ctx: &EventContext) -> Result<(), TransitionError> {
    if ctx.org_id == s.vt_org {
        Ok(())
    } else {
        Err(not_allowed(msg_args(
            "error-case-veilig-thuis-only",
            [("vt_org", s.vt_org.to_string())],
        )))
    }
}

pub(crate) fn by_accountable(s: &CaseState, ctx: &EventContext) -> Result<(), TransitionError> {
    if ctx.org_id == s.accountable_org {
        Ok(())
    } else {
        Err(not_allowed(msg_args(
            "error-case-accountable-org-only",
            [("accountable_org", s.accountable_org.to_string())],
        )))
    }
}

/// RULES.md 0 and 2.5: nobody falls between two stools, so a case closes only when nothing is
/// left hanging.
pub(super) fn check_closable(s: &CaseState) -> Result<(), TransitionError> {
    if s.open_handover.is_some() {
        return Err(not_allowed(msg("error-case-not-closable-open-handover")));
    }
    if s.monitoring.is_some() {
        return Err(not_allowed(msg(
            "error-case-not-closable-monitoring-running",
        )));
    }
    if running_onderzoek(s) {
        return Err(not_allowed(msg(
            "error-case-not-closable-investigation-running",
        )));
    }
    // RULES.md 2.1: every melding is assessed, also one that joined the casus (issue 7 item 1).
    if s.intakes.iter().skip(1).any(|r| r.awaits_assessment()) {
        return Err(not_allowed(msg(
            "error-vtrules-case-not-closable-melding-open",
        )));
    }
    if !s.feedback_pending.is_empty() {
        return Err(not_allowed(msg("error-case-not-closable-feedback-pending")));
    }
    match s.phase {
        Phase::Advies | Phase::Overgedragen | Phase::VtBeeindigd => Ok(()),
        // RULES.md 2.1: every melding gets a veiligheidsbeoordeling and a decision.
        Phase::Intake | Phase::Beoordeling => {
            Err(not_allowed(msg("error-case-not-closable-before-decision")))
        }
        Phase::Besloten => match &s.decision {
            Some(d) if d.category == DecisionCategory::Overdracht => Err(not_allowed(msg(
                "error-case-not-closable-handover-not-accepted",
            ))),
            Some(d) if d.track == "voorwaarden_en_vervolg" => Err(not_allowed(msg(
                "error-case-not-closable-conditions-not-accepted",
            ))),
            Some(_) => Ok(()),
            None => Err(not_allowed(msg("error-case-not-closable-no-decision"))),
        },
        Phase::Overdracht | Phase::Monitoring | Phase::Gesloten => {
            Err(not_allowed(msg("error-case-not-closable-in-phase")))
        }
    }
}

pub(super) fn reopen(s: &CaseState, ctx: &EventContext) -> Result<CaseState, TransitionError> {
    if s.phase != Phase::Gesloten {
        return Err(not_allowed(msg("error-case-reopen-not-closed")));
    }
    // The organisation that closed the case reopens it; accountability does not move.
    by_accountable(s, ctx)?;
    let mut next = s.clone();
    next.phase = s.closed_from.unwrap_or(Phase::Besloten);
    next.closed_from = None;
    Ok(next)
}
