//! Guards and small helpers of the transition function: who may apply an event, and when a case
//! may close or reopen.

use crate::validate::required_text;

use super::{
    CaseState, EventContext, FeedbackMoment, Handover, PendingFeedback, Phase, TransitionError,
};
use crate::case::CaseKind;
use crate::classification::MeldingClass;
use crate::codes::DecisionCategory;
use crate::intake::Intake;

/// Longest free text in an event (reasons, conditions, agreements).
pub(super) const MAX_TEXT: usize = 2000;
/// Longest identifier (organisation, user, handover ids).
pub(super) const MAX_ID: usize = 200;

pub(super) fn not_allowed(message: impl Into<String>) -> TransitionError {
    TransitionError::NotAllowed(message.into())
}

pub(super) fn texts(field: &str, values: &[String]) -> Result<Vec<String>, TransitionError> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| required_text(&format!("{field}[{i}]"), v, MAX_TEXT).map_err(Into::into))
        .collect()
}

pub(super) fn by_vt(s: &CaseState, ctx: &EventContext) -> Result<(), TransitionError> {
    if ctx.org_id == s.vt_org {
        Ok(())
    } else {
        Err(not_allowed(format!(
            "Alleen Veilig Thuis ({}) kan dit voor deze casus vastleggen.",
            s.vt_org
        )))
    }
}

pub(super) fn by_accountable(s: &CaseState, ctx: &EventContext) -> Result<(), TransitionError> {
    if ctx.org_id == s.accountable_org {
        Ok(())
    } else {
        Err(not_allowed(format!(
            "Alleen de verantwoordelijke organisatie ({}) kan dit doen.",
            s.accountable_org
        )))
    }
}

pub(super) fn open_handover<'a>(
    s: &'a CaseState,
    handover_id: &str,
) -> Result<&'a Handover, TransitionError> {
    match &s.open_handover {
        Some(h) if h.id == handover_id => Ok(h),
        Some(_) => Err(crate::FieldError::new(
            "handover_id",
            "deze overdracht staat niet open voor deze casus",
        )
        .into()),
        None => Err(not_allowed("Er staat geen overdracht open.")),
    }
}

pub(super) fn owe_feedback(next: &mut CaseState, moment: FeedbackMoment, ctx: &EventContext) {
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

pub(super) fn running_onderzoek(s: &CaseState) -> bool {
    s.onderzoek.as_ref().is_some_and(|o| o.outcome.is_none())
}

pub(super) fn receiver_only(
    h: &Handover,
    ctx: &EventContext,
    verb: &str,
) -> Result<(), TransitionError> {
    // RULES.md 0: a handover ends only when the receiver itself has accepted it.
    if ctx.org_id == h.to_org {
        Ok(())
    } else {
        Err(not_allowed(format!(
            "Alleen de ontvangende organisatie ({}) kan deze overdracht {verb}.",
            h.to_org
        )))
    }
}

pub(super) fn settle_feedback(
    next: &mut CaseState,
    moment: FeedbackMoment,
) -> Result<(), TransitionError> {
    let before = next.feedback_pending.len();
    next.feedback_pending.retain(|p| p.moment != moment);
    if next.feedback_pending.len() == before {
        return Err(not_allowed(
            "Er staat geen terugkoppeling voor dit moment open.",
        ));
    }
    Ok(())
}

/// RULES.md 0 and 2.5: nobody falls between two stools, so a case closes only when nothing is
/// left hanging.
pub(super) fn check_closable(s: &CaseState) -> Result<(), TransitionError> {
    if s.open_handover.is_some() {
        return Err(not_allowed(
            "De casus kan niet worden gesloten: er staat een overdracht open.",
        ));
    }
    if s.monitoring.is_some() {
        return Err(not_allowed(
            "De casus kan niet worden gesloten: de monitoring loopt nog.",
        ));
    }
    if running_onderzoek(s) {
        return Err(not_allowed(
            "De casus kan niet worden gesloten: het onderzoek loopt nog.",
        ));
    }
    if !s.feedback_pending.is_empty() {
        return Err(not_allowed(
            "De casus kan niet worden gesloten: de melder heeft nog geen terugkoppeling gekregen.",
        ));
    }
    match s.phase {
        Phase::Advies | Phase::Overgedragen => Ok(()),
        // RULES.md 2.1: every melding gets a veiligheidsbeoordeling and a decision.
        Phase::Intake | Phase::Beoordeling => Err(not_allowed(
            "Een melding wordt pas gesloten na de veiligheidsbeoordeling en een besluit over het vervolg.",
        )),
        Phase::Besloten => match &s.decision {
            Some(d) if d.category == DecisionCategory::Overdracht => Err(not_allowed(
                "Het besluit is overdracht, maar geen organisatie heeft de casus geaccepteerd. Draag opnieuw over of neem een ander besluit.",
            )),
            Some(d) if d.track == "voorwaarden_en_vervolg" => Err(not_allowed(
                "Bij Voorwaarden en vervolg gaan de veiligheidsvoorwaarden naar een partner die ze accepteert; sluit pas daarna.",
            )),
            Some(_) => Ok(()),
            None => Err(not_allowed("Er is nog geen besluit over het vervolg.")),
        },
        Phase::Overdracht | Phase::Monitoring | Phase::Gesloten => Err(not_allowed(
            "De casus kan in deze fase niet worden gesloten.",
        )),
    }
}

pub(super) fn reopen(s: &CaseState, ctx: &EventContext) -> Result<CaseState, TransitionError> {
    if s.phase != Phase::Gesloten {
        return Err(not_allowed(
            "Alleen een gesloten casus kan worden heropend.",
        ));
    }
    // The organisation that closed the case reopens it; accountability does not move.
    by_accountable(s, ctx)?;
    let mut next = s.clone();
    next.phase = s.closed_from.unwrap_or(Phase::Besloten);
    next.closed_from = None;
    Ok(next)
}

/// Whether an intake fits the case it is recorded in.
pub(super) fn check_intake(
    s: &CaseState,
    intake: &Intake,
    classification: Option<MeldingClass>,
) -> Result<(), TransitionError> {
    let field = |m: &str| -> TransitionError { crate::FieldError::new("classificatie", m).into() };
    // CBS classifies meldingen only (RULES.md 3, 85361NED); an advies keeps the family anonymous, so
    // there is nothing to classify (RULES.md 1.3).
    match (intake.case_kind, classification) {
        (CaseKind::Advies, Some(_)) => return Err(field("een advies wordt niet ingedeeld")),
        (CaseKind::Melding, None) => {
            return Err(field(
                "deel de melding in als 1e melding, hermelding of vervolgmelding",
            ));
        }
        _ => {}
    }
    if s.intakes.is_empty() {
        // The case's own intake.
        if intake.case_kind != s.case_kind {
            return Err(crate::FieldError::new(
                "soort",
                "past niet bij de casus (advies of melding)",
            )
            .into());
        }
        // RULES.md 3: a melding about betrokkenen of an open casus joins that casus instead of
        // starting a new one.
        if matches!(classification, Some(MeldingClass::Vervolgmelding(_))) {
            return Err(not_allowed(
                "Een vervolgmelding hoort bij de open casus van deze betrokkenen; voeg haar daaraan toe.",
            ));
        }
        return Ok(());
    }
    // A later intake joins this open casus (RULES.md 3).
    if intake.case_kind != CaseKind::Melding {
        return Err(not_allowed(
            "Alleen een melding kan aan een open casus worden toegevoegd.",
        ));
    }
    if s.case_kind != CaseKind::Melding {
        return Err(not_allowed(
            "Deze casus is een advies; zet het eerst om naar een melding.",
        ));
    }
    if !matches!(classification, Some(MeldingClass::Vervolgmelding(_))) {
        return Err(field(
            "een melding over betrokkenen van een open casus is een vervolgmelding",
        ));
    }
    Ok(())
}
