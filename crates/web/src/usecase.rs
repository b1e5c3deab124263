//! The web's side of the use cases in `schakel-app`: who acts (from the session, never from the
//! request body) and the policy as the gate applies it (so every look is in the access log with the
//! session's details).

use schakel_app::{Acting, CaseCommand, Policy, Recorded};
use schakel_domain::access::{
    Action, DenyReason, Participation, Resource, ResourceKind, Sensitivity, decide,
};

use crate::auth::session::CurrentUser;
use crate::gate::{self, OpenedCase};
use crate::{AppError, AppState};

/// The signed-in user as the actor of a command.
pub fn acting(user: &CurrentUser) -> Result<Acting, AppError> {
    let m = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    Ok(Acting {
        user_id: user.user.id.clone(),
        username: user.user.username.clone(),
        org_id: m.org_id.clone(),
        org_kind: m.org_kind,
    })
}

/// The access policy through the gate, for one request.
pub struct GatePolicy<'a> {
    pub state: &'a AppState,
    pub user: &'a CurrentUser,
}

impl Policy for GatePolicy<'_> {
    type Error = AppError;

    async fn authorize(
        &self,
        action: Action,
        clients: Vec<String>,
        reason: Option<String>,
    ) -> Result<(), AppError> {
        let access = gate::Access::new(action, ResourceKind::Case)
            .clients(clients)
            .reason(reason);
        gate::authorize(self.state, self.user, access).await
    }

    fn may_read(&self, participants: &[(String, Participation)]) -> bool {
        self.user.actor(None).is_some_and(|actor| {
            decide(
                &actor,
                Action::Read,
                &Resource::case(participants.to_vec(), Sensitivity::Normal),
            )
            .is_allowed()
        })
    }
}

/// Runs a command on a case the user opened through the gate for the command's action
/// ([`CaseCommand::action`]: `Respond` for an answer to a handover offer, `Update` otherwise). A case
/// opened for another action runs nothing: what the policy allowed is what is written.
pub async fn run(
    state: &AppState,
    user: &CurrentUser,
    case: &OpenedCase,
    expected_seq: i64,
    cmd: CaseCommand,
) -> Result<Recorded, AppError> {
    if case.action != cmd.action() {
        return Err(AppError::Forbidden(DenyReason::RoleNotPermitted));
    }
    let acting = acting(user)?;
    Ok(schakel_app::execute(
        &state.store,
        &acting,
        state.clock.now(),
        &case.summary.id,
        expected_seq,
        cmd,
    )
    .await?)
}
