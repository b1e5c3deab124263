//! Who acts, and how a use case asks the access policy. The caller brings both: the web passes its
//! gate (which writes the access log with the session's details), the command line and the benchmark
//! pass [`Logged`], which asks [`decide`] and writes the same access-log entries through the store.

use std::future::Future;

use schakel_domain::access::{
    Action, Actor, Decision, Participation, Resource, ResourceKind, Sensitivity, decide,
};
use schakel_domain::org::OrgKind;
use schakel_store::Store;
use schakel_store::access_log::AccessEntry;
use schakel_store::cases::Author;
use time::OffsetDateTime;

use crate::Error;

/// The user a command is run for, as the server knows them (never as a client claims): the author
/// of every event it writes and the assessor of every assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acting {
    pub user_id: String,
    /// Recorded as assessor on safety assessments and scored instruments.
    pub username: String,
    pub org_id: String,
    pub org_kind: OrgKind,
}

impl Acting {
    pub fn author(&self) -> Author {
        Author {
            user_id: self.user_id.clone(),
            org_id: self.org_id.clone(),
            on_behalf_of: None,
        }
    }
}

/// The access policy as a use case needs it.
pub trait Policy: Sync {
    /// The caller's error; every error of this crate converts into it.
    type Error: From<Error> + Send;

    /// Asks the policy about `action` on cases in general (registering, searching), records the
    /// look in the access log (with the persons concerned), and answers an error when it is no.
    fn authorize(
        &self,
        action: Action,
        clients: Vec<String>,
        reason: Option<String>,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send;

    /// Whether the acting user may read a case with these participants (filters the known-before
    /// check, so a match in a case the user may not read is never shown or used).
    fn may_read(&self, participants: &[(String, Participation)]) -> bool;
}

/// The policy for callers without a web session (command line, benchmark, demo): [`decide`] for the
/// answer, and the access log written through the store as the web's gate writes it.
pub struct Logged<'a> {
    pub store: &'a Store,
    pub actor: Actor,
    pub username: String,
    /// Where the access came from (NEN 7513 asks for the access point), e.g. `cli` or `bench`.
    pub access_point: String,
    pub now: OffsetDateTime,
}

impl Policy for Logged<'_> {
    type Error = Error;

    async fn authorize(
        &self,
        action: Action,
        clients: Vec<String>,
        reason: Option<String>,
    ) -> Result<(), Error> {
        let kind = ResourceKind::Case;
        let decision = decide(&self.actor, action, &Resource::new(kind));
        if kind.is_personal_data() {
            let (outcome, ground) = match &decision {
                Decision::Allow(g) => ("allowed", g.code()),
                Decision::Deny(r) => ("denied", format!("denied:{}", r.code())),
            };
            let entry = AccessEntry {
                at: Some(self.now),
                action: action.code().to_string(),
                resource_kind: kind.code().to_string(),
                resource_id: None,
                outcome: outcome.to_string(),
                user_id: Some(self.actor.user_id.clone()),
                username: self.username.clone(),
                role: Some(self.actor.role.code().to_string()),
                org_id: Some(self.actor.org_id.clone()),
                responsible_user: None,
                access_point: self.access_point.clone(),
                ground: Some(ground),
                reason,
                clients,
            };
            self.store.log_access(&entry).await?;
        }
        match decision {
            Decision::Allow(_) => Ok(()),
            Decision::Deny(reason) => Err(Error::Forbidden(reason)),
        }
    }

    fn may_read(&self, participants: &[(String, Participation)]) -> bool {
        decide(
            &self.actor,
            Action::Read,
            &Resource::case(participants.to_vec(), Sensitivity::Normal),
        )
        .is_allowed()
    }
}
