//! The work queue: every deadline an organisation owns, earliest first, as a page and over the API.

mod api;
mod page;

use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}
