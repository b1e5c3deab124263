//! The start page: what the signed-in user can do from here.

mod page;

use axum::Router;

use crate::AppState;

/// The feature's pages.
pub fn routes() -> Router<AppState> {
    page::routes()
}
