//! An organisation's work queue (issue 3 item 8) as data, shared by the page and the API: every
//! deadline it owns, earliest first, overdue marked. Presentation (Dutch dates, "n dagen") is the
//! caller's.

use schakel_domain::access::Action;
use schakel_store::{Store, queue};
use time::OffsetDateTime;

pub use schakel_store::queue::QueueItem;

use crate::Policy;

/// The queue of `org_id`; looking at it is logged as a search.
pub async fn work_queue<P: Policy>(
    store: &Store,
    policy: &P,
    org_id: &str,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>, P::Error> {
    policy
        .authorize(Action::Search, Vec::new(), Some("termijnen".into()))
        .await?;
    Ok(queue::work_queue(store, org_id, now, limit, offset)
        .await
        .map_err(crate::Error::from)?)
}
