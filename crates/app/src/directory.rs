//! The sociale kaart's use cases (issue 11 item 3): find services, read one, and the beheerder's
//! writes (create, edit, review, archive). The policy decides who; the domain checks the entry
//! against the code lists and the region's gemeenten; the store writes the entry and its history
//! together, after the version the writer saw.

use schakel_domain::access::{Action, Actor, Decision, Resource, ResourceKind, decide};
use schakel_domain::calendar::dutch_local_date;
use schakel_domain::directory::{ChangeKind, Filter, ServiceInput};
use schakel_store::Store;
use schakel_store::directory::{DirectoryWrite, Editor, StoredService};
use time::OffsetDateTime;

use crate::Error;

/// Asks the policy whether `actor` may `action` the directory.
pub fn allow(actor: &Actor, action: Action) -> Result<(), Error> {
    match decide(actor, action, &Resource::new(ResourceKind::Directory)) {
        Decision::Allow(_) => Ok(()),
        Decision::Deny(reason) => Err(Error::Forbidden(reason)),
    }
}

/// The names of the region's gemeenten, which a service and a filter are checked against.
pub async fn gemeenten(store: &Store) -> Result<Vec<String>, Error> {
    Ok(store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect())
}

/// The services that `filter` finds, by name; archived ones are never found.
pub async fn search(
    store: &Store,
    actor: &Actor,
    filter: &Filter,
) -> Result<Vec<StoredService>, Error> {
    allow(actor, Action::Search)?;
    Ok(store
        .directory_services(false)
        .await?
        .into_iter()
        .filter(|s| filter.matches(&s.service))
        .collect())
}

/// The services whose provider agreed to a public listing, for the public page (no actor: it is
/// open to anyone, and shows only what the provider agreed to).
pub async fn public_listing(store: &Store, filter: &Filter) -> Result<Vec<StoredService>, Error> {
    Ok(store
        .directory_services(false)
        .await?
        .into_iter()
        .filter(|s| s.service.public_listing && filter.matches(&s.service))
        .collect())
}

/// One service, archived or not; [`Error::NotFound`] when there is none.
pub async fn get(store: &Store, actor: &Actor, id: &str) -> Result<StoredService, Error> {
    allow(actor, Action::Read)?;
    if !schakel_domain::validate::is_identifier(id) {
        return Err(Error::NotFound);
    }
    store.directory_service(id).await?.ok_or(Error::NotFound)
}

/// Adds a service; its entry counts as reviewed today. Returns its id.
pub async fn create(
    store: &Store,
    actor: &Actor,
    by: &Editor,
    input: &ServiceInput,
    now: OffsetDateTime,
) -> Result<String, Error> {
    allow(actor, Action::Create)?;
    let service = input.check(&gemeenten(store).await?)?;
    let id = uuid::Uuid::now_v7().to_string();
    store
        .insert_directory_service(&id, &service, dutch_local_date(now), now, by)
        .await?;
    Ok(id)
}

/// Changes service `id` to `input`, after version `expected`. Only the fields that differ are
/// recorded; nothing is written when nothing differs. An edit does not count as a review: a
/// beheerder confirms the whole entry with [`review`].
pub async fn update(
    store: &Store,
    actor: &Actor,
    by: &Editor,
    id: &str,
    expected: i64,
    input: &ServiceInput,
    now: OffsetDateTime,
) -> Result<(), Error> {
    allow(actor, Action::Update)?;
    let current = get(store, actor, id).await?;
    let service = input.check(&gemeenten(store).await?)?;
    let changes = service.changes_from(&current.service);
    if changes.is_empty() && current.version == expected {
        return Ok(());
    }
    store
        .write_directory_service(&DirectoryWrite {
            id,
            expected_version: expected,
            kind: ChangeKind::Updated,
            service: Some(&service),
            changes: &changes,
            reviewed_on: None,
            archive: false,
            at: now,
            by,
        })
        .await?;
    Ok(())
}

/// A beheerder confirms service `id` is still right: its review date becomes today.
pub async fn review(
    store: &Store,
    actor: &Actor,
    by: &Editor,
    id: &str,
    expected: i64,
    now: OffsetDateTime,
) -> Result<(), Error> {
    mark(store, actor, by, id, expected, now, ChangeKind::Reviewed).await
}

/// Takes service `id` off the directory; it stays readable with its history.
pub async fn archive(
    store: &Store,
    actor: &Actor,
    by: &Editor,
    id: &str,
    expected: i64,
    now: OffsetDateTime,
) -> Result<(), Error> {
    mark(store, actor, by, id, expected, now, ChangeKind::Archived).await
}

async fn mark(
    store: &Store,
    actor: &Actor,
    by: &Editor,
    id: &str,
    expected: i64,
    now: OffsetDateTime,
    kind: ChangeKind,
) -> Result<(), Error> {
    allow(actor, Action::Update)?;
    get(store, actor, id).await?;
    store
        .write_directory_service(&DirectoryWrite {
            id,
            expected_version: expected,
            kind,
            service: None,
            changes: &[],
            reviewed_on: (kind == ChangeKind::Reviewed).then(|| dutch_local_date(now)),
            archive: kind == ChangeKind::Archived,
            at: now,
            by,
        })
        .await?;
    Ok(())
}
