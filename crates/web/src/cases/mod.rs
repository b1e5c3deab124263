//! One case: the case page with its actions (triage, handover, monitoring, closing), notes,
//! break-the-glass and the feedback owed to the reporter, and the same over the API (events, commands,
//! feedback). Every read passes the gate; every write is a use case.

pub(crate) mod api;
pub(crate) mod casework;
pub(crate) mod dto;
pub(crate) mod feedback;
pub(crate) mod merge;
pub(crate) mod page;

use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes().merge(merge::routes())
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes().merge(merge::api())
}
