//! Reading a case's lifecycle for the pages: its state replayed through the domain (the labels of
//! event kinds are the domain's, `CaseEvent::label_for_kind`). Writing goes through the use cases
//! (`crate::usecase::run`).

use schakel_domain::case::CaseState;

use crate::gate::OpenedCase;
use crate::{AppError, AppState};

/// The case's current state: its stored history replayed through the domain, as the reader's view
/// allows (the gate cuts it).
pub async fn current_state(
    state: &AppState,
    case: &OpenedCase,
) -> Result<Option<CaseState>, AppError> {
    case.state(state).await
}
