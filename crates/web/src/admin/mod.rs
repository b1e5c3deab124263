//! Administration: the users of an organisation (beheerder) and the organisations of the chain (page
//! and API).

mod api;
mod contact;
mod page;

use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes().merge(contact::routes())
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}
