//! The gate to personal data: the only way this crate reaches a case or the access log. It asks the
//! access policy, writes the access-log entry (allowed or denied, NEN 7513), and only then hands out
//! the data. [`OpenedCase`] can only be made here, so a handler that holds one has passed the gate.

use schakel_domain::access::{Action, Decision, Resource, ResourceKind, Sensitivity, decide};
use schakel_store::access_log::AccessEntry;
use schakel_store::cases::{CaseSummary, PersonRecord, StoredEvent};

use crate::auth::session::CurrentUser;
use crate::{AppError, AppState};

/// A case the current user was allowed to act on, with the ground they were allowed on.
#[derive(Debug)]
// Sealed against construction outside this module (not only outside the crate), hence no #[non_exhaustive].
#[allow(clippy::manual_non_exhaustive)]
pub struct OpenedCase {
    pub summary: CaseSummary,
    pub participants: Vec<(String, schakel_domain::access::Participation)>,
    pub persons: Vec<(PersonRecord, String)>,
    pub ground: schakel_domain::access::Ground,
    _sealed: (),
}

impl OpenedCase {
    /// The case's event history. Reading it is covered by the access already logged.
    pub async fn events(&self, state: &AppState) -> Result<Vec<StoredEvent>, AppError> {
        Ok(state.store.case_events(&self.summary.id).await?)
    }
}

/// The facts of one access for the log.
pub struct Access<'a> {
    pub action: Action,
    pub resource_kind: ResourceKind,
    pub resource_id: Option<&'a str>,
    pub clients: Vec<String>,
    pub reason: Option<String>,
}

/// Writes one access-log entry for `user` with the policy's outcome.
pub async fn log(
    state: &AppState,
    user: &CurrentUser,
    access: Access<'_>,
    decision: &Decision,
) -> Result<(), AppError> {
    let (outcome, ground) = match decision {
        Decision::Allow(g) => ("allowed", g.code()),
        Decision::Deny(r) => ("denied", format!("denied:{}", r.code())),
    };
    let entry = AccessEntry {
        at: Some(state.clock.now()),
        action: access.action.code().to_string(),
        resource_kind: access.resource_kind.code().to_string(),
        resource_id: access.resource_id.map(str::to_string),
        outcome: outcome.to_string(),
        user_id: Some(user.user.id.clone()),
        username: user.user.username.clone(),
        role: user.role().map(|r| r.code().to_string()),
        org_id: user.membership.as_ref().map(|m| m.org_id.clone()),
        responsible_user: None,
        access_point: user.client_addr.clone(),
        ground: Some(ground),
        reason: access.reason,
        clients: access.clients,
    };
    state.store.log_access(&entry).await?;
    Ok(())
}

/// Asks the policy about something that is not one case (a list, the log, users), logs the answer,
/// and returns an error when it is no.
pub async fn authorize(
    state: &AppState,
    user: &CurrentUser,
    access: Access<'_>,
) -> Result<(), AppError> {
    let Some(actor) = user.actor(None) else {
        return Err(AppError::Forbidden(
            schakel_domain::access::DenyReason::RoleNotPermitted,
        ));
    };
    let decision = decide(&actor, access.action, &Resource::new(access.resource_kind));
    let personal = access.resource_kind.is_personal_data();
    if personal {
        log(state, user, access, &decision).await?;
    }
    match decision {
        Decision::Allow(_) => Ok(()),
        Decision::Deny(reason) => Err(AppError::Forbidden(reason)),
    }
}

/// Opens one case for `action`. A case that does not exist answers 404; one the user may not act on
/// answers 403 with the reason; both attempts are in the access log.
pub async fn open_case(
    state: &AppState,
    user: &CurrentUser,
    case_id: &str,
    action: Action,
    sensitivity: Sensitivity,
    break_glass: Option<String>,
) -> Result<OpenedCase, AppError> {
    let deny_no_role = Decision::Deny(schakel_domain::access::DenyReason::RoleNotPermitted);
    let summary = state.store.case_summary(case_id).await?;
    let Some(summary) = summary else {
        let access = Access {
            action,
            resource_kind: ResourceKind::Case,
            resource_id: Some(case_id),
            clients: vec![],
            reason: None,
        };
        log(
            state,
            user,
            access,
            &Decision::Deny(schakel_domain::access::DenyReason::NoRelation),
        )
        .await?;
        return Err(AppError::NotFound);
    };
    let participants = state.store.case_participants(case_id).await?;
    let persons = state.store.case_persons(case_id).await?;
    let decision = match user.actor(break_glass.clone()) {
        Some(actor) => decide(
            &actor,
            action,
            &Resource::case(participants.clone(), sensitivity),
        ),
        None => deny_no_role,
    };
    let access = Access {
        action,
        resource_kind: ResourceKind::Case,
        resource_id: Some(case_id),
        clients: persons.iter().map(|(p, _)| p.id.clone()).collect(),
        reason: break_glass,
    };
    log(state, user, access, &decision).await?;
    match decision {
        Decision::Allow(ground) => Ok(OpenedCase {
            summary,
            participants,
            persons,
            ground,
            _sealed: (),
        }),
        Decision::Deny(reason) => Err(AppError::Forbidden(reason)),
    }
}
