//! Intake: the form for an advies or melding (page) and `POST /intakes` with the known-before check
//! (API). Both register through the one use case, `schakel_app::register_intake`.

mod api;
pub(crate) mod dto;
pub(crate) mod page;

use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}
