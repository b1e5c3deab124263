//! The action programme's use cases (issue 12): import a programme, and run a command on it for a
//! user. The policy decides the kind of access, the programme's own rule decides which actions a
//! trekker may update, and the domain decides the command; the event is written after the state it
//! was decided on, or not at all.

use schakel_domain::access::{
    Action, Actor, Decision, DenyReason, Resource, ResourceKind, decide, is_projectleider,
};
use schakel_domain::programme::{
    Author, Programme, ProgrammeCommand, ProgrammeEvent, ProgrammeState,
};
use schakel_store::{Store, StoreError};
use time::OffsetDateTime;

use crate::Error;

/// The access a command needs: updating an action is `Update`, steering the programme `Create`.
pub fn action_of(command: &ProgrammeCommand) -> Action {
    match command {
        ProgrammeCommand::UpdateAction { .. } => Action::Update,
        _ => Action::Create,
    }
}

/// Asks the policy whether `actor` may `action` the programme.
pub fn allow(actor: &Actor, action: Action) -> Result<(), Error> {
    match decide(actor, action, &Resource::new(ResourceKind::Programme)) {
        Decision::Allow(_) => Ok(()),
        Decision::Deny(reason) => Err(Error::Forbidden(reason)),
    }
}

/// The programme `id` as its log makes it; [`Error::NotFound`] when there is none.
pub async fn load(store: &Store, id: &str) -> Result<ProgrammeState, Error> {
    let events = store.programme_events(id).await?;
    ProgrammeState::fold(&events).ok_or(Error::NotFound)
}

/// Imports `programme` as programme `id`: its first event, or a new definition for an existing
/// one (progress stays with the action keys). Only the projectleider, or the command line acting
/// as the system.
pub async fn import(
    store: &Store,
    id: &str,
    programme: Programme,
    by: &Author,
    now: OffsetDateTime,
) -> Result<(), Error> {
    programme.check()?;
    let seq = store
        .programme_events(id)
        .await?
        .last()
        .map_or(0, |e| e.seq as i64);
    store
        .append_programme_event(id, seq, now, by, &ProgrammeEvent::Imported { programme })
        .await?;
    Ok(())
}

/// Runs `command` on programme `id` for `actor` (shown as `by`), on `now`. With `expected`, the
/// command is refused as stale ([`StoreError::ProgrammeChanged`]) unless the programme is still
/// at that sequence number (the API's writers say what they saw; a page works on the latest).
pub async fn run(
    store: &Store,
    id: &str,
    actor: &Actor,
    by: &Author,
    command: ProgrammeCommand,
    now: OffsetDateTime,
    expected: Option<u64>,
) -> Result<ProgrammeState, Error> {
    allow(actor, action_of(&command))?;
    let state = load(store, id).await?;
    if let ProgrammeCommand::UpdateAction { action, .. } = &command
        && state.programme.action(action).is_some()
        && !state.may_update(&actor.user_id, is_projectleider(actor), action)
    {
        // A trekker edits only the actions of their own working group (issue 12, "Access").
        return Err(Error::Forbidden(DenyReason::NoRelation));
    }
    if let Some(expected) = expected
        && expected != state.seq
    {
        return Err(Error::Store(StoreError::ProgrammeChanged {
            expected: expected as i64,
            actual: state.seq as i64,
        }));
    }
    let event = state.decide(command, schakel_domain::calendar::dutch_local_date(now))?;
    store
        .append_programme_event(id, state.seq as i64, now, by, &event)
        .await?;
    load(store, id).await
}
