//! The work queue: every deadline an organisation owns, earliest first, as a page and over the API.

mod api;
mod page;

use axum::Router;

use crate::AppState;
use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> Router<AppState> {
    page::routes()
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}
