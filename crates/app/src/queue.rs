//! An organisation's work queue (issue 3 item 8) as data, shared by the page and the API: every
//! deadline it owns, earliest first, overdue marked. Presentation (Dutch dates, "n dagen") is the
//! caller's.

use schakel_domain::access::Action;
use schakel_domain::org::Role;
use schakel_store::{Store, queue};
use time::OffsetDateTime;

pub use schakel_store::queue::QueueItem;

use crate::Policy;

/// The queue of `org_id` as someone with `role` there sees it (a teamleider also sees what is
/// escalated to the teamleider); looking at it is logged as a search.
pub async fn work_queue<P: Policy>(
    store: &Store,
    policy: &P,
    org_id: &str,
    role: Role,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>, P::Error> {
    policy
        .authorize(Action::Search, Vec::new(), Some("termijnen".into()))
        .await?;
    Ok(
        queue::work_queue_as(store, org_id, Some(role.code()), now, limit, offset)
            .await
            .map_err(crate::Error::from)?,
    )
}
