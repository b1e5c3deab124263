//! Feedback to the reporter (RULES.md 2.4), composed in the domain from the case as it stands.

use schakel_domain::case::FeedbackMoment;
use schakel_domain::feedback::{self, Feedback};

use super::casework;
use crate::gate::OpenedCase;
use crate::{AppError, AppState};

/// The feedback for `moment`, with or without the parts only a reporter with a role may hear: the
/// intake says whether the reporter has a role and whether it is a doctor who was only informant
/// (issue 7 item 9), so no caller passes either.
pub async fn compose(
    state: &AppState,
    case: &OpenedCase,
    moment: FeedbackMoment,
) -> Result<Feedback, AppError> {
    let current = casework::current_state(state, case)
        .await?
        .ok_or(AppError::NotFound)?;
    let melder = current.intakes.first().map(|i| &i.intake.melder);
    let reporter_has_role = melder.is_some_and(|m| m.has_role);
    let informant_doctor = melder.is_some_and(|m| m.informant_doctor);
    let orgs = state.store.organisations().await?;
    let name = |id: &str| {
        orgs.iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    let input =
        feedback::input_for_case(&current, moment, reporter_has_role, informant_doctor, name)?;
    Ok(feedback::compose(&input)?)
}

/// The text lines of a feedback.
pub fn lines(f: &Feedback) -> Vec<String> {
    match f {
        Feedback::Standard(content) => content.text_nl().lines().map(str::to_string).collect(),
        Feedback::NoStandardFeedback { reason_nl } => vec![reason_nl.clone()],
    }
}
