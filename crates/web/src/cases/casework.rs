//! Reading a case's lifecycle for the pages: its state replayed through the domain, and the Dutch
//! labels of event kinds. Writing goes through the use cases (`crate::usecase::run`).

use schakel_domain::case::CaseState;

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
