//! Writing to a case from the web: replay its history in the domain, apply the new event there (the
//! domain refuses what the lifecycle does not allow), and append it with the expected sequence number
//! so a stale writer gets a conflict.

use schakel_domain::case::{CaseEvent, CaseState};
use schakel_store::cases::Author;
use schakel_store::casework as store_casework;

use crate::auth::session::CurrentUser;
use crate::gate::OpenedCase;
use crate::{AppError, AppState};

/// The Dutch label of an event kind, for timelines.
pub fn event_label(kind: &str) -> &str {
    match kind {
        "opened" => "Geregistreerd",
        "converted_to_melding" => "Omgezet naar melding",
        "converted_to_advies" => "Omgezet naar advies",
        "urgency_assessed" => "Urgentie beoordeeld",
        "safety_assessed" => "Veiligheidsbeoordeling",
        "follow_up_decided" => "Vervolg besloten",
        "handover_offered" => "Overdracht aangeboden",
        "handover_accepted" => "Overdracht aanvaard",
        "handover_refused" => "Overdracht geweigerd",
        "handover_withdrawn" => "Overdracht ingetrokken",
        "monitoring_recorded" => "Monitoring vastgelegd",
        "re_escalated" => "Terug naar Veilig Thuis",
        "monitoring_ended" => "Monitoring beëindigd",
        "onderzoek_completed" => "Onderzoek afgerond",
        "feedback_given" => "Terugkoppeling gegeven",
        "feedback_waived" => "Geen terugkoppeling",
        "closed" => "Gesloten",
        "reopened" => "Heropend",
        "note_added" => "Notitie",
        "instrument_scored" => "Risicotaxatie vastgelegd",
        "intake_recorded" => "Advies of melding vastgelegd",
        other => other,
    }
}

/// The case's current state: its stored history replayed through the domain, as the reader's view
/// allows (the gate cuts it).
pub async fn current_state(
    state: &AppState,
    case: &OpenedCase,
) -> Result<Option<CaseState>, AppError> {
    case.state(state).await
}

/// Applies `event` to the case in the domain and appends it after `expected_seq`, with the read
/// models (participants, deadlines, facts) in the same transaction.
pub async fn append(
    state: &AppState,
    user: &CurrentUser,
    case: &OpenedCase,
    expected_seq: i64,
    event: CaseEvent,
) -> Result<i64, AppError> {
    let membership = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let author = Author {
        user_id: user.user.id.clone(),
        org_id: membership.org_id.clone(),
        on_behalf_of: None,
    };
    let (seq, _) = store_casework::record(
        &state.store,
        &case.summary.id,
        expected_seq,
        &author,
        membership.org_kind,
        vec![event],
        state.clock.now(),
    )
    .await?;
    Ok(seq)
}

/// A journal note on a case.
pub async fn add_note(
    state: &AppState,
    user: &CurrentUser,
    case: &OpenedCase,
    expected_seq: i64,
    text: &str,
) -> Result<i64, AppError> {
    append(
        state,
        user,
        case,
        expected_seq,
        CaseEvent::NoteAdded {
            text: text.to_string(),
        },
    )
    .await
}

/// A regiehouder named on accepting a handover must work for the accepting organisation.
pub async fn check_regiehouder(
    state: &AppState,
    user: &CurrentUser,
    event: &CaseEvent,
) -> Result<(), AppError> {
    if let CaseEvent::HandoverAccepted {
        regiehouder_user, ..
    } = event
    {
        let org = user
            .membership
            .as_ref()
            .map(|m| m.org_id.clone())
            .unwrap_or_default();
        if !state
            .store
            .users_of_org(&org)
            .await?
            .iter()
            .any(|u| &u.id == regiehouder_user)
        {
            return Err(AppError::field(
                "regiehouder",
                "kies een regiehouder uit uw eigen organisatie",
            ));
        }
    }
    Ok(())
}
