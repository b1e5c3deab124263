//! Writing to a case from the web: replay its history in the domain, apply the new event there (the
//! domain refuses what the lifecycle does not allow), and append it with the expected sequence number
//! so a stale writer gets a conflict.

use schakel_domain::case::{self, CaseEvent, EventContext};
use schakel_store::cases::{Author, EventDraft};

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
        other => other,
    }
}

/// The case's current state: its stored history replayed through the domain.
pub async fn current_state(
    state: &AppState,
    case: &OpenedCase,
) -> Result<Option<case::CaseState>, AppError> {
    let stored = case.events(state).await?;
    let orgs = state.store.organisations().await?;
    let mut current = None;
    for e in &stored {
        let ev: CaseEvent = serde_json::from_value(e.payload.clone()).map_err(|err| {
            AppError::internal(format!("event {} of {}: {err}", e.seq, e.case_id))
        })?;
        let org_kind = orgs
            .iter()
            .find(|o| o.id == e.org_id)
            .map(|o| o.kind)
            .ok_or_else(|| {
                AppError::internal(format!("organisation of event {} of {}", e.seq, e.case_id))
            })?;
        let at = schakel_store::time_text::parse(&e.at).ok_or_else(|| {
            AppError::internal(format!("time of event {} of {}", e.seq, e.case_id))
        })?;
        let ev_ctx = EventContext {
            at,
            org_id: e.org_id.clone(),
            org_kind,
        };
        current = Some(
            case::apply(current.as_ref(), &ev, &ev_ctx)
                .map_err(|err| AppError::internal(format!("replay: {err}")))?,
        );
    }
    Ok(current)
}

/// Applies `event` to the case's history in the domain and appends it after `expected_seq`.
pub async fn append(
    state: &AppState,
    user: &CurrentUser,
    case: &OpenedCase,
    expected_seq: i64,
    event: CaseEvent,
) -> Result<i64, AppError> {
    let membership = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let ctx = EventContext {
        at: state.clock.now(),
        org_id: membership.org_id.clone(),
        org_kind: membership.org_kind,
    };
    let current = current_state(state, case).await?;
    case::apply(current.as_ref(), &event, &ctx).map_err(|e| match e {
        case::TransitionError::Field(f) => AppError::BadInput(f),
        case::TransitionError::NotAllowed(m) => AppError::field("gebeurtenis", &m),
    })?;
    let payload = serde_json::to_value(&event).map_err(|e| AppError::internal(e.to_string()))?;
    let draft = EventDraft {
        kind: event.name().to_string(),
        payload,
        at: ctx.at,
    };
    let author = Author {
        user_id: user.user.id.clone(),
        org_id: membership.org_id.clone(),
        on_behalf_of: None,
    };
    Ok(state
        .store
        .append_case_events(&case.summary.id, expected_seq, &author, &[draft], None)
        .await?)
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
