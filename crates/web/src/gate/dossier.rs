//! The gate to a meldcode dossier (issue 11): as for a case, the policy is asked, the answer is
//! logged (NEN 7513), and only then is the dossier handed out. A dossier of another organisation
//! answers exactly as one that does not exist, so nobody learns that a school holds a dossier
//! about a family.

use schakel_domain::access::{Action, Decision, DenyReason, Resource, ResourceKind, decide};
use schakel_domain::meldcode::MeldcodeDossier;

use super::{Access, check_lookup_throttle, log, record_refused_lookup};
use crate::auth::session::CurrentUser;
use crate::{AppError, AppState};

/// A dossier the current user was allowed to act on. Made only here.
#[derive(Debug)]
#[allow(clippy::manual_non_exhaustive)]
pub struct OpenedDossier {
    pub id: String,
    pub dossier: MeldcodeDossier,
    resource: Resource,
    _sealed: (),
}

impl OpenedDossier {
    /// Whether the policy would allow `user` to take `action` on this dossier (not logged: a
    /// question for which forms to show).
    pub fn allows(&self, user: &CurrentUser, action: Action) -> bool {
        user.actor(None)
            .is_some_and(|actor| decide(&actor, action, &self.resource).is_allowed())
    }
}

/// Opens dossier `id` for `action`, logging the policy's answer.
pub async fn open_dossier(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    action: Action,
) -> Result<OpenedDossier, AppError> {
    check_lookup_throttle(state, user).await?;
    let Some(actor) = user.actor(None) else {
        return Err(AppError::Forbidden(DenyReason::RoleNotPermitted));
    };
    if !schakel_domain::validate::is_identifier(id) {
        record_refused_lookup(state, user).await?;
        return Err(AppError::NotFound);
    }
    let access = || Access::new(action, ResourceKind::MeldcodeDossier).on(Some(id));
    let dossier = match schakel_app::meldcode::load(&state.store, id).await {
        Ok(d) => d,
        Err(schakel_app::Error::NotFound) => {
            // Judged as a dossier nobody takes part in: the same answer, and the same log line.
            let decision = decide(
                &actor,
                action,
                &Resource::new(ResourceKind::MeldcodeDossier),
            );
            let reason = match decision {
                Decision::Allow(_) => DenyReason::NoRelation,
                Decision::Deny(reason) => reason,
            };
            log(state, user, access(), &Decision::Deny(reason)).await?;
            if reason != DenyReason::NoRelation {
                // A role that may open no dossier at all hears so, existing or not.
                return Err(AppError::Forbidden(reason));
            }
            record_refused_lookup(state, user).await?;
            return Err(AppError::NotFound);
        }
        Err(e) => return Err(e.into()),
    };
    let resource = schakel_app::meldcode::resource(&dossier);
    let decision = decide(&actor, action, &resource);
    log(state, user, access(), &decision).await?;
    match decision {
        Decision::Allow(_) => Ok(OpenedDossier {
            id: id.to_string(),
            dossier,
            resource,
            _sealed: (),
        }),
        Decision::Deny(DenyReason::NoRelation) => {
            record_refused_lookup(state, user).await?;
            Err(AppError::NotFound)
        }
        Decision::Deny(reason) => Err(AppError::Forbidden(reason)),
    }
}
